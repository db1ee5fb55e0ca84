#include "palette_widget.h"

#include "canvas/canvas_scene.h"
#include "common/component_style.h"
#include "model/component_types.h"

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sdlab::widgets {

namespace {

constexpr int kTypeRole = Qt::UserRole + 1;

/// A tree that drags component types as our MIME type and adds on Enter.
class PaletteTree : public QTreeWidget {
public:
    using QTreeWidget::QTreeWidget;
    std::function<void(QTreeWidgetItem*)> onActivate;

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override {
        if (items.isEmpty() || items.front()->data(0, kTypeRole).isNull()) return nullptr;
        auto* mime = new QMimeData;
        mime->setData(CanvasScene::kComponentMimeType,
                      items.front()->data(0, kTypeRole).toString().toUtf8());
        return mime;
    }
    QStringList mimeTypes() const override { return {CanvasScene::kComponentMimeType}; }
    void keyPressEvent(QKeyEvent* event) override {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
            onActivate(currentItem());
            return;
        }
        QTreeWidget::keyPressEvent(event);
    }
};

} // namespace

PaletteWidget::PaletteWidget(QWidget* parent)
    : QWidget(parent) {
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search components…"));
    search_->setClearButtonEnabled(true);
    auto* tree = new PaletteTree(this);
    tree->onActivate = [this](QTreeWidgetItem* item) { activate(item); };
    tree_ = tree;
    tree_->setHeaderHidden(true);
    tree_->setIconSize(QSize(32, 32));
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->setRootIsDecorated(false);
    tree_->setIndentation(6);
    tree_->setUniformRowHeights(false);
    tree_->setObjectName("paletteTree");

    for (const QString& category : style::categories()) {
        QTreeWidgetItem* group = nullptr;
        for (const auto& type : model::componentTypes()) {
            if (QString::fromStdString(type.category) != category) continue;
            if (!group) {
                group = new QTreeWidgetItem(tree_, {tr(category.toUtf8().constData())});
                QFont f = group->font(0);
                f.setBold(true);
                group->setFont(0, f);
                group->setForeground(0, style::categoryColor(category));
                group->setFlags(Qt::ItemIsEnabled);
                group->setExpanded(true);
            }
            const QString name = QString::fromStdString(type.name);
            auto* item = new QTreeWidgetItem(group, {style::title(name)});
            item->setIcon(0, style::icon(name));
            item->setData(0, kTypeRole, name);
            item->setToolTip(0, QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                                    .arg(style::title(name),
                                         QString::fromStdString(type.help).toHtmlEscaped(),
                                         tr("Drag onto the canvas, or double-click to add.")));
            item->setSizeHint(0, QSize(0, 40));
        }
    }
    tree_->expandAll();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(search_);
    layout->addWidget(tree_);
    connect(search_, &QLineEdit::textChanged, this, &PaletteWidget::filter);
    connect(tree_, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { activate(item); });
}

void PaletteWidget::filter(const QString& text) {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        auto* group = tree_->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            auto* item = group->child(i);
            const bool match =
                text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                item->data(0, kTypeRole).toString().contains(text, Qt::CaseInsensitive) ||
                item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match;
        }
        group->setHidden(visible == 0);
    }
}

void PaletteWidget::activate(QTreeWidgetItem* item) {
    const QVariant type = item ? item->data(0, kTypeRole) : QVariant();
    if (!type.isNull()) emit addRequested(type.toString());
}

} // namespace sdlab::widgets
