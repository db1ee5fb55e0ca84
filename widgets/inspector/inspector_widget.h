#pragma once

#include "document/document.h"
#include "model/component_types.h"

#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QScrollArea;

namespace sdlab::widgets {

class InspectorHeader;
class ParamEditor;

/// Edits the selection: one component (id, label, parameters), several components (the
/// parameters they share, "(mixed)" where they differ) or one link. Rows are generated from
/// the types' ParamSpecs, so a new parameter needs no code here.
///
/// Every change goes through the Document (one undo step per edit; typing merges). Refused
/// text stays in its field, marked invalid with the Document's reason, and is not applied.
/// The widget follows the Document: undo, redo and edits made elsewhere update the shown
/// values, except in a field the user is typing in; the rows are rebuilt only when the
/// selection itself changes (other items, removal, reset).
class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(Document* document, QWidget* parent = nullptr);
    ~InspectorWidget() override;

    /// Edits these components (ids that do not exist are left out; none: the hint).
    void showComponents(const QStringList& ids);
    void showLink(const LinkKey& link);
    /// Shows the hint for an empty selection.
    void clear();

    /// What is shown: the components' ids (renames followed), or the link.
    QStringList shownComponents() const { return mode_ == Mode::Components ? ids_ : QStringList(); }
    std::optional<LinkKey> shownLink() const;

private:
    enum class Mode { Empty, Components, Link };

    void showNothing();
    void rebuild();
    QWidget* buildEmpty();
    QWidget* buildComponents();
    QWidget* buildLink();
    void addParamRows(QFormLayout* form, const std::vector<model::ParamSpec>& specs, bool link);
    void refreshValues();

    void applyComponentParam(ParamEditor* editor, bool finished);
    void applyLinkParam(ParamEditor* editor, bool finished);
    void applyId();
    void applyLabel();

    void onComponentRemoved(const QString& id);
    void onComponentAdded(const QString& id);
    void onComponentChanged(const QString& id);
    void onLinkRemoved(const LinkKey& link);
    void onLinkAdded(const LinkKey& link);
    void onLinkChanged(const LinkKey& link);
    void onChanged();

    Document* doc_;
    QScrollArea* scroll_;
    Mode mode_ = Mode::Empty;
    QStringList ids_;
    LinkKey link_;

    // Widgets of the current selection; rebuild() replaces them all.
    InspectorHeader* header_ = nullptr;
    QFormLayout* form_ = nullptr; ///< the rows of editors_
    std::vector<ParamEditor*> editors_;
    std::vector<std::vector<model::Json>> shownValues_; ///< per editor: the values last shown
    QLineEdit* idEdit_ = nullptr;
    QLabel* idError_ = nullptr;
    QLineEdit* labelEdit_ = nullptr;
    bool idEditing_ = false;
    bool labelEditing_ = false;

    bool refreshing_ = false; ///< writing model values into the widgets: ignore their signals
    bool applying_ = false;   ///< an edit of ours is going into the Document
    bool renaming_ = false;   ///< our rename is going into the Document: hold the selection
    /// A rename arrives as componentRemoved(old), componentAdded(new), changed(); a removal as
    /// componentRemoved(id), changed(). The removed id waits here to tell the two apart.
    QString pendingRemovedId_;
    std::optional<LinkKey> pendingRemovedLink_;
};

} // namespace sdlab::widgets
