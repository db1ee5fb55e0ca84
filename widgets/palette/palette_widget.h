#pragma once

#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace sdlab::widgets {

/// Every component kind the core offers, grouped by category, with a search box. Drag one
/// onto the canvas, or double-click it (Enter) to add it next to the others.
class PaletteWidget : public QWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; }

signals:
    void addRequested(const QString& type);

private:
    void filter(const QString& text);
    void activate(QTreeWidgetItem* item);

    QLineEdit* search_;
    QTreeWidget* tree_;
};

} // namespace sdlab::widgets
