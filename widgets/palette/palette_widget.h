#pragma once

#include "model/component_types.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace sdlab::widgets {

/// Every component kind the core offers, grouped by category, with a search box. Drag one
/// onto the canvas, or double-click it (Enter) to add it next to the others. The search
/// matches titles, type names, help texts and the types' keywords ("redis", "lb"), every word
/// of it somewhere; Enter in it adds the first match, and a search nothing matches says so.
class PaletteWidget : public QWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; }
    QLineEdit* searchField() const { return search_; }
    /// The types the search leaves on show, in the list's order ("type:preset" for presets).
    QStringList visibleTypes() const;

signals:
    void addRequested(const QString& type); ///< a type, or "type:preset"

private:
    void filter(const QString& text);
    void activate(QTreeWidgetItem* item);
    void addPresetItem(QTreeWidgetItem* group, const model::ComponentType& type,
                       const model::Preset& preset);

    QLineEdit* search_;
    QTreeWidget* tree_;
    QLabel* noMatch_; ///< "No component matches …", in place of an empty list
};

} // namespace sdlab::widgets
