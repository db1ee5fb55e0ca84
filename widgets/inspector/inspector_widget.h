#pragma once

#include "document/document.h"
#include "edit_burst.h"
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

struct EditPlan;
class InspectorHeader;
class ParamEditor;
class ZoneForm;
class ZoneField;

/// Edits the selection: one component (id, label, zone, parameters), several components (the
/// zone and the parameters they share, "(mixed)" where they differ), one link or one zone
/// (label, members, delete). With nothing selected it edits the scenario's own settings. Rows are
/// generated from the types' ParamSpecs, so a new parameter needs no code here.
///
/// Every change goes through the Document. Keystrokes apply at once when the text is a valid
/// value (continuous edits, merged into one undo step); Enter, focus out or a pick closes the
/// step. Text the model refuses stays in its field, marked with the reason, and changes
/// nothing: if the burst of typing stored a value on the way ("1" of "1.5"), the step is taken
/// back. The widget follows the Document: undo, redo, renames and edits made elsewhere update
/// the shown values, except in a field the user is typing in; the rows are rebuilt only when
/// the selection itself changes (other items, removal, reset).
class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(Document* document, QWidget* parent = nullptr);
    ~InspectorWidget() override;

    /// Edits these components (ids that do not exist are left out; none: the settings).
    void showComponents(const QStringList& ids);
    void showLink(const LinkKey& link);
    /// Shows a zone: its label, id and members (a zone that does not exist: the settings).
    /// When the zone goes away (undo, delete), the settings come back.
    void showZone(const QString& zoneId);
    /// Shows the scenario's settings, for an empty selection.
    void clear();

    /// What is shown: the components' ids (renames followed), or the link.
    QStringList shownComponents() const { return mode_ == Mode::Components ? ids_ : QStringList(); }
    std::optional<LinkKey> shownLink() const;
    QString shownZone() const { return mode_ == Mode::Zone ? zoneId_ : QString(); }

private:
    enum class Mode { Empty, Components, Link, Zone };

    void showNothing();
    void rebuild();
    QWidget* buildComponents();
    QWidget* buildLink();
    void addIdentityRows(QFormLayout* form, QWidget* content);
    void addParamRows(QFormLayout* form, const std::vector<model::ParamSpec>& specs, bool link);
    void refreshValues();
    void refreshHeader();
    /// The items' current values of the parameter `editor` edits.
    std::vector<model::Json> currentValues(const ParamEditor* editor) const;
    /// A component's label, or its id when it has none.

    void applyParam(ParamEditor* editor, bool finished, bool link);
    bool pushParam(ParamEditor* editor, const EditPlan& plan, bool link, bool continuous,
                   QString* reason);
    void applyId();
    void applyLabel(bool finished);

    void onReset();
    void onComponentRemoved(const QString& id);
    void onComponentRenamed(const QString& oldId, const QString& newId);
    void onComponentChanged(const QString& id);
    void onLinkRemoved(const LinkKey& link);
    void onLinkAdded(const LinkKey& link);
    void onLinkChanged(const LinkKey& link);
    void onChanged();
    void onZonesChanged();

    Document* doc_;
    QScrollArea* scroll_;
    Mode mode_ = Mode::Empty;
    QStringList ids_;
    LinkKey link_;
    QString zoneId_;

    // Widgets of the current selection; rebuild() replaces them all.
    InspectorHeader* header_ = nullptr;
    QFormLayout* form_ = nullptr; ///< the rows of editors_
    std::vector<ParamEditor*> editors_;
    std::vector<std::vector<model::Json>> shownValues_; ///< per editor: the values last shown
    QLineEdit* idEdit_ = nullptr;
    QLabel* idError_ = nullptr;
    QLineEdit* labelEdit_ = nullptr;
    ZoneField* zoneField_ = nullptr;
    ZoneForm* zoneForm_ = nullptr; ///< the page of a shown zone
    bool idEditing_ = false;
    bool labelEditing_ = false;

    bool refreshing_ = false; ///< writing model values into the widgets: ignore their signals
    bool applying_ = false;   ///< an edit of ours is going into the Document: refresh after it
    /// The open step of the parameter being typed in, and its editor.
    EditBurst paramBurst_;
    const ParamEditor* burstEditor_ = nullptr;
    /// The label's keystrokes: each one replaces the last one's step (setLabel has no
    /// continuous mode), so that a burst is one step.
    EditBurst labelBurst_;
    /// A link whose end is renamed arrives as linkRemoved(old), linkAdded(new), changed(); a
    /// removal as linkRemoved(link), changed(). The removed link waits here to tell them apart.
    std::optional<LinkKey> pendingRemovedLink_;
};

} // namespace sdlab::widgets
