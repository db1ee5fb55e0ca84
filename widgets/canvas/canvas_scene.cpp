#include "canvas_scene.h"

#include "component_item.h"
#include "link_item.h"
#include "zone_item.h"

#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPalette>
#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr qreal kGridStep = 20;
}

CanvasScene::CanvasScene(Document* document, QObject* parent)
    : QGraphicsScene(parent)
    , doc_(document) {
    setItemIndexMethod(QGraphicsScene::NoIndex); // few items, moving often
    connect(doc_, &Document::reset, this, &CanvasScene::rebuild);
    connect(doc_, &Document::componentAdded, this, &CanvasScene::addComponentItem);
    connect(doc_, &Document::componentRemoved, this, &CanvasScene::removeComponentItem);
    connect(doc_, &Document::componentRenamed, this,
            [this](const QString& oldId, const QString& newId) {
                if (auto* item = components_.take(oldId))
                    components_.insert(newId, item); // keeps selection
            });
    connect(doc_, &Document::componentChanged, this, [this](const QString& id) {
        const int i = doc_->scenario().indexOf(id.toStdString());
        if (auto* item = components_.value(id); item && i >= 0)
            item->setSpec(doc_->scenario().components[std::size_t(i)]);
    });
    connect(doc_, &Document::zonesChanged, this, &CanvasScene::rebuildZones);
    connect(doc_, &Document::componentChanged, this, &CanvasScene::updateZones);
    connect(doc_, &Document::componentAdded, this, &CanvasScene::updateZones);
    connect(doc_, &Document::componentRemoved, this, &CanvasScene::updateZones);
    connect(doc_, &Document::linkAdded, this, &CanvasScene::addLinkItem);
    connect(doc_, &Document::linkRemoved, this, &CanvasScene::removeLinkItem);
    connect(doc_, &Document::linkChanged, this, [this](const LinkKey& key) {
        const int i = doc_->linkIndex(key);
        if (auto* item = linkItem(key); item && i >= 0)
            item->setSpec(doc_->scenario().links[std::size_t(i)]);
    });
    rebuild();
}

CanvasScene::~CanvasScene() {
    for (auto* link : std::as_const(links_))
        link->detachFromItems();
}

void CanvasScene::rebuild() {
    for (auto* link : std::as_const(links_)) {
        link->detachFromItems();
        delete link;
    }
    links_.clear();
    qDeleteAll(components_);
    components_.clear();
    qDeleteAll(zones_);
    zones_.clear();
    for (const auto& c : doc_->scenario().components)
        addComponentItem(QString::fromStdString(c.id));
    for (const auto& l : doc_->scenario().links)
        addLinkItem({QString::fromStdString(l.from), QString::fromStdString(l.to)});
    rebuildZones();
}

void CanvasScene::rebuildZones() {
    qDeleteAll(zones_);
    zones_.clear();
    for (const auto& z : doc_->scenario().zones) {
        auto* item = new ZoneItem(QString::fromStdString(z.id));
        item->setLabel(QString::fromStdString(z.label));
        addItem(item);
        zones_.insert(item->id(), item);
    }
    updateZones();
}

void CanvasScene::updateZones() {
    QHash<QString, QList<QRectF>> members;
    for (const auto& c : doc_->scenario().components)
        if (auto* item = components_.value(QString::fromStdString(c.id)); item && !c.zone.empty())
            members[QString::fromStdString(c.zone)] << item->cardSceneRect();
    for (auto it = zones_.begin(); it != zones_.end(); ++it)
        it.value()->fitAround(members.value(it.key()));
}

QStringList CanvasScene::selectedZones() const {
    QStringList ids;
    for (auto* item : selectedItems())
        if (item->type() == ZoneItem::Type) ids << static_cast<ZoneItem*>(item)->id();
    return ids;
}

void CanvasScene::addComponentItem(const QString& id) {
    const int i = doc_->scenario().indexOf(id.toStdString());
    if (i < 0 || components_.contains(id)) return;
    auto* item = new ComponentItem(doc_->scenario().components[std::size_t(i)]);
    addItem(item);
    components_.insert(id, item);
}

void CanvasScene::removeComponentItem(const QString& id) {
    auto* item = components_.take(id);
    if (!item) return;
    QList<LinkKey> attached; // collected first: removing edits links_
    for (auto* link : std::as_const(links_))
        if (link->fromItem() == item || link->toItem() == item) attached << link->key();
    for (const auto& key : attached)
        removeLinkItem(key);
    delete item;
}

LinkItem* CanvasScene::linkItem(const LinkKey& key) const {
    for (auto* link : links_)
        if (link->key() == key) return link;
    return nullptr;
}

void CanvasScene::addLinkItem(const LinkKey& key) {
    const int i = doc_->linkIndex(key);
    auto *from = components_.value(key.from), *to = components_.value(key.to);
    if (i < 0 || !from || !to || linkItem(key)) return;
    auto* item = new LinkItem(from, to, doc_->scenario().links[std::size_t(i)]);
    addItem(item);
    links_.append(item);
}

void CanvasScene::removeLinkItem(const LinkKey& key) {
    auto* item = linkItem(key);
    if (!item) return;
    links_.removeAll(item);
    delete item;
}

QStringList CanvasScene::selectedComponentIds() const {
    QStringList ids;
    for (auto* item : selectedItems())
        if (item->type() == ComponentItem::Type) ids << static_cast<ComponentItem*>(item)->id();
    ids.sort();
    return ids;
}

QList<LinkKey> CanvasScene::selectedLinks() const {
    QList<LinkKey> keys;
    for (auto* item : selectedItems())
        if (item->type() == LinkItem::Type) keys << static_cast<LinkItem*>(item)->key();
    return keys;
}

void CanvasScene::selectComponents(const QStringList& ids) {
    clearSelection();
    for (const auto& id : ids)
        if (auto* item = components_.value(id)) item->setSelected(true);
}

void CanvasScene::showAnalysis(const analysis::TopologyAnalysis& a) {
    auto has = [](const std::vector<std::string>& list, const QString& id) {
        return std::find(list.begin(), list.end(), id.toStdString()) != list.end();
    };
    for (auto it = components_.begin(); it != components_.end(); ++it) {
        it.value()->setSinglePointOfFailure(has(a.singlePointsOfFailure, it.key()));
        it.value()->setUnreachable(has(a.unreachable, it.key()));
        bool inLoop = false;
        for (const auto& loop : a.loops)
            inLoop = inLoop || has(loop, it.key());
        it.value()->setInLoop(inLoop);
    }
}

QRectF CanvasScene::contentRect() const {
    QRectF r;
    for (auto* item : components_)
        r |= item->mapRectToScene(item->boundingRect());
    for (auto* item : items()) // a teacher's notes beside the diagram are exported with it
        if (item->data(kAnnotationKey).toBool()) r |= item->sceneBoundingRect();
    return r.adjusted(-30, -30, 30, 30);
}

QPointF CanvasScene::freeSpot() const {
    if (components_.isEmpty()) return {0, 0};
    const QRectF r = contentRect();
    return {std::round((r.right() + 10) / 10) * 10, std::round((r.top() + 30) / 10) * 10};
}

qreal CanvasScene::viewZoom(const QWidget* viewport) {
    const auto* view =
        viewport ? qobject_cast<const QGraphicsView*>(viewport->parentWidget()) : nullptr;
    return view ? view->transform().m11() : 1.0;
}

ComponentItem* CanvasScene::componentAt(QPointF scenePos) const {
    for (auto* item : items(scenePos))
        if (item->type() == ComponentItem::Type) return static_cast<ComponentItem*>(item);
    return nullptr;
}

void CanvasScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event) {
    event->setAccepted(event->mimeData()->hasFormat(kComponentMimeType));
}

void CanvasScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event) {
    event->setAccepted(event->mimeData()->hasFormat(kComponentMimeType));
}

void CanvasScene::dropEvent(QGraphicsSceneDragDropEvent* event) {
    const QString type = QString::fromUtf8(event->mimeData()->data(kComponentMimeType));
    const QPointF topLeft =
        event->scenePos() - QPointF(ComponentItem::kWidth / 2, ComponentItem::kHeight / 2);
    const QPointF snapped(std::round(topLeft.x() / ComponentItem::kGrid) * ComponentItem::kGrid,
                          std::round(topLeft.y() / ComponentItem::kGrid) * ComponentItem::kGrid);
    const QString id = doc_->addComponent(type, snapped);
    if (id.isEmpty()) return;
    selectComponents({id});
    event->acceptProposedAction();
}

void CanvasScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        auto* item = componentAt(event->scenePos());
        // From the handle, or Shift+drag from anywhere on a card.
        if (item && (item->isOnHandle(event->scenePos(), viewZoom(event->widget())) ||
                     (event->modifiers() & Qt::ShiftModifier))) {
            connectFrom_ = item->id();
            connectLine_ = addLine(QLineF(item->handleScenePos(), event->scenePos()),
                                   QPen(QApplication::palette().color(QPalette::Highlight), 2,
                                        Qt::DashLine, Qt::RoundCap));
            connectLine_->setZValue(10);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
}

void CanvasScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (connectLine_) {
        connectLine_->setLine(QLineF(connectLine_->line().p1(), event->scenePos()));
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void CanvasScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (connectLine_) {
        delete connectLine_;
        connectLine_ = nullptr;
        const QString from = std::exchange(connectFrom_, QString());
        auto* target = componentAt(event->scenePos());
        if (!target) {
            emit statusMessage(tr("Drop the link on another component to connect them."));
        } else if (target->id() != from) {
            QString reason;
            if (doc_->addLink(from, target->id(), &reason))
                emit statusMessage(tr("Connected %1 → %2.").arg(from, target->id()));
            else
                emit statusMessage(
                    tr("Cannot connect %1 → %2: %3").arg(from, target->id(), reason));
        }
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton) commitMoves();
}

void CanvasScene::commitMoves() {
    QHash<QString, QPointF> moved;
    for (auto* item : components_) {
        const int i = doc_->scenario().indexOf(item->id().toStdString());
        if (i >= 0 &&
            Document::positionOf(doc_->scenario().components[std::size_t(i)]) != item->pos())
            moved.insert(item->id(), item->pos());
    }
    if (!moved.isEmpty()) doc_->moveComponents(moved);
}

void CanvasScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    // Right-click acts on what is under the pointer, as in every editor.
    QGraphicsItem* item = itemAt(event->scenePos(), QTransform());
    // Decorations (a live run's overlays) are not selectable: act on the card under them.
    while (item && !(item->flags() & QGraphicsItem::ItemIsSelectable))
        item = item->parentItem();
    if (item && !item->isSelected()) {
        clearSelection();
        item->setSelected(true);
    }
    const auto menu = contextMenuFor(item);
    if (!menu->isEmpty()) menu->exec(event->screenPos());
}

std::unique_ptr<QMenu> CanvasScene::contextMenuFor(QGraphicsItem* item) {
    auto menu = std::make_unique<QMenu>();
    menu->addActions(contextActions_);
    emit contextMenuAboutToShow(menu.get(), item);
    return menu;
}

void CanvasScene::setPlainBackground(bool plain, bool transparent) {
    plainBackground_ = plain;
    transparentBackground_ = transparent;
    invalidate(sceneRect(), BackgroundLayer); // views cache the background
}

void CanvasScene::drawBackground(QPainter* painter, const QRectF& rect) {
    if (plainBackground_) {
        if (!transparentBackground_) painter->fillRect(rect, Qt::white);
        return;
    }
    const QPalette pal = QApplication::palette();
    painter->fillRect(rect, pal.color(QPalette::Window).lightness() < 128
                                ? pal.color(QPalette::Base).darker(115)
                                : QColor(0xF7, 0xF8, 0xFA));
    QColor dot = pal.color(QPalette::Text);
    dot.setAlphaF(0.18);
    painter->setPen(QPen(dot, 1.6, Qt::SolidLine, Qt::RoundCap));
    const qreal left = std::floor(rect.left() / kGridStep) * kGridStep;
    const qreal top = std::floor(rect.top() / kGridStep) * kGridStep;
    QVector<QPointF> points;
    for (qreal x = left; x < rect.right(); x += kGridStep)
        for (qreal y = top; y < rect.bottom(); y += kGridStep)
            points.append({x, y});
    painter->drawPoints(points.data(), int(points.size()));
}

} // namespace sdlab::widgets
