#pragma once

#include "analysis/topology_analysis.h"
#include "document/document.h"

#include <QGraphicsScene>
#include <QHash>

#include <memory>

class QAction;
class QGraphicsLineItem;
class QMenu;

namespace sdlab::widgets {

class ComponentItem;
class LinkItem;

/// The canvas' model: one item per component and link, kept in step with the Document's
/// change signals. It turns gestures into document edits: a drop from the palette adds a
/// component, a drag from a card's handle to another card adds a link, a finished drag of
/// cards moves them (one undo step).
class CanvasScene : public QGraphicsScene {
    Q_OBJECT
public:
    static constexpr const char* kComponentMimeType = "application/x-sdlab-component-type";
    /// QGraphicsItem::data key marking a run-time decoration (a live run's overlays): not part
    /// of the design, so exports leave it out.
    static constexpr int kDecorationKey = 0x5D1AB;
    /// QGraphicsItem::data key marking a teacher's annotation (widgets/classroom): not part of
    /// the design either, but exported with it.
    static constexpr int kAnnotationKey = 0x5D1AC;

    explicit CanvasScene(Document* document, QObject* parent = nullptr);
    ~CanvasScene() override;

    Document* document() const { return doc_; }
    ComponentItem* componentItem(const QString& id) const { return components_.value(id); }
    LinkItem* linkItem(const LinkKey& key) const;
    QStringList selectedComponentIds() const;
    QList<LinkKey> selectedLinks() const;
    QStringList selectedZones() const;
    /// Refits every zone box around its members (after moves and membership changes).
    void updateZones();
    void selectComponents(const QStringList& ids);
    /// Draws the analysis' verdicts on the cards.
    void showAnalysis(const analysis::TopologyAnalysis& analysis);
    /// The area the diagram (and any annotation) covers, with a margin (for fit-to-view and
    /// export).
    QRectF contentRect() const;
    /// Where a component added "somewhere sensible" goes: right of the others.
    QPointF freeSpot() const;
    /// For export: no grid, white or transparent behind the diagram.
    void setPlainBackground(bool plain, bool transparent);
    /// What a right-click offers (the window's edit actions).
    void setContextActions(const QList<QAction*>& actions) { contextActions_ = actions; }
    /// The menu a right-click on `item` (null: empty canvas) opens: the edit actions, then
    /// whatever contextMenuAboutToShow's receivers add (a live run's faults).
    std::unique_ptr<QMenu> contextMenuFor(QGraphicsItem* item);

signals:
    /// A refusal or hint for the status bar ("A client sends requests and receives none").
    void statusMessage(const QString& text);
    /// A context menu for `item` is being built: receivers may add to `menu`.
    void contextMenuAboutToShow(QMenu* menu, QGraphicsItem* item);

protected:
    void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
    void dropEvent(QGraphicsSceneDragDropEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    void rebuild();
    void addComponentItem(const QString& id);
    void removeComponentItem(const QString& id);
    void addLinkItem(const LinkKey& key);
    void removeLinkItem(const LinkKey& key);
    ComponentItem* componentAt(QPointF scenePos) const;
    static qreal viewZoom(const QWidget* viewport);
    void commitMoves();
    void rebuildZones();

    Document* doc_;
    QHash<QString, ComponentItem*> components_;
    QList<LinkItem*> links_;
    QHash<QString, class ZoneItem*> zones_;
    QString connectFrom_;
    QGraphicsLineItem* connectLine_ = nullptr;
    QList<QAction*> contextActions_;
    bool plainBackground_ = false;
    bool transparentBackground_ = false;
};

} // namespace sdlab::widgets
