#include "palette_widget.h"

#include "canvas/canvas_scene.h"
#include "common/component_style.h"
#include "model/component_types.h"

#include <QDrag>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace sdlab::widgets {

namespace {

constexpr int kTypeRole = Qt::UserRole + 1;
/// What the search looks in: title, type name, help and keywords (not the tooltip's markup).
constexpr int kSearchRole = Qt::UserRole + 2;

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
    search_->setObjectName("paletteSearch");
    search_->setPlaceholderText(tr("Search components…"));
    search_->setClearButtonEnabled(true);
    search_->setToolTip(tr("Type a name or a product (redis, nginx, postgres); Enter adds the "
                           "first match."));
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
            item->setData(0, kSearchRole,
                          QStringList{style::title(name), name, QString(name).replace('_', ' '),
                                      QString::fromStdString(type.help),
                                      QString::fromStdString(type.keywords)}
                              .join('\n'));
            item->setToolTip(0, QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
                                    .arg(style::title(name),
                                         QString::fromStdString(type.help).toHtmlEscaped(),
                                         tr("Drag onto the canvas, or double-click to add.")));
            item->setSizeHint(0, QSize(0, 40));
            for (const auto& preset : type.presets)
                addPresetItem(group, type, preset);
        }
    }
    tree_->expandAll();

    noMatch_ = new QLabel(this);
    noMatch_->setObjectName("paletteNoMatch");
    noMatch_->setTextFormat(Qt::PlainText);
    noMatch_->setWordWrap(true);
    noMatch_->setContentsMargins(4, 6, 4, 0);
    QPalette grey = noMatch_->palette();
    QColor c = grey.color(QPalette::WindowText);
    c.setAlphaF(0.6); // secondary text that reads in light and dark themes
    grey.setColor(QPalette::WindowText, c);
    noMatch_->setPalette(grey);
    noMatch_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(search_);
    layout->addWidget(noMatch_);
    layout->addWidget(tree_, 1);
    layout->addStretch(0); // keeps the message at the top while the list is hidden
    connect(search_, &QLineEdit::textChanged, this, &PaletteWidget::filter);
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        const QStringList types = visibleTypes();
        if (!search_->text().trimmed().isEmpty() && !types.isEmpty())
            emit addRequested(types.front());
    });
    connect(tree_, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem* item) { activate(item); });
}

void PaletteWidget::filter(const QString& text) {
    const QStringList words = text.simplified().split(' ', Qt::SkipEmptyParts);
    QTreeWidgetItem* first = nullptr;
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        auto* group = tree_->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            auto* item = group->child(i);
            const QString haystack = item->data(0, kSearchRole).toString();
            const bool match = std::all_of(words.begin(), words.end(), [&](const QString& w) {
                return haystack.contains(w, Qt::CaseInsensitive);
            });
            item->setHidden(!match);
            visible += match;
            if (match && !first) first = item;
        }
        group->setHidden(visible == 0);
    }
    // Nothing left: say so rather than show an empty list.
    const bool none = !words.isEmpty() && !first;
    if (none) {
        QString shown = text.simplified();
        if (shown.size() > 40) shown = shown.left(39) + QChar(0x2026);
        noMatch_->setText(tr("No component matches “%1”").arg(shown));
    }
    noMatch_->setVisible(none);
    tree_->setVisible(!none);
    // The match Enter adds, highlighted.
    if (!words.isEmpty() && first) tree_->setCurrentItem(first);
}

void PaletteWidget::addPresetItem(QTreeWidgetItem* group, const model::ComponentType& type,
                                  const model::Preset& preset) {
    // A product under its type ("PostgreSQL" under Database), added as "database:postgresql".
    const QString name = QString::fromStdString(type.name);
    const QString title = QString::fromStdString(preset.title);
    auto* item = new QTreeWidgetItem(group, {title});
    item->setIcon(0, style::icon(name));
    item->setData(0, kTypeRole, name + ':' + QString::fromStdString(preset.name));
    item->setData(0, kSearchRole,
                  QStringList{title, QString::fromStdString(preset.name), style::title(name),
                              QString::fromStdString(preset.help)}
                      .join('\n'));
    item->setToolTip(0, QStringLiteral("<b>%1</b> (%2)<br>%3<br><i>%4</i>")
                            .arg(title, style::title(name),
                                 QString::fromStdString(preset.help).toHtmlEscaped(),
                                 tr("Drag onto the canvas, or double-click to add.")));
    item->setSizeHint(0, QSize(0, 40));
}

QStringList PaletteWidget::visibleTypes() const {
    QStringList types;
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        const auto* group = tree_->topLevelItem(g);
        if (group->isHidden()) continue;
        for (int i = 0; i < group->childCount(); ++i)
            if (!group->child(i)->isHidden())
                types << group->child(i)->data(0, kTypeRole).toString();
    }
    return types;
}

void PaletteWidget::activate(QTreeWidgetItem* item) {
    const QVariant type = item ? item->data(0, kTypeRole) : QVariant();
    if (!type.isNull()) emit addRequested(type.toString());
}

} // namespace sdlab::widgets
