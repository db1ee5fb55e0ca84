#include "canvas_view.h"

#include "canvas_scene.h"

#include <QGraphicsItem>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QPixmapCache>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>

namespace sdlab::widgets {

namespace {
constexpr qreal kMinZoom = 0.2;
constexpr qreal kMaxZoom = 4.0;
} // namespace

CanvasView::CanvasView(CanvasScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , canvas_(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    // The dot grid costs more to draw than everything else on a busy canvas (thousands of
    // round points): drawn once per scroll/zoom, then blitted every animation frame.
    setCacheMode(QGraphicsView::CacheBackground);
    // Cards and links cache themselves in QPixmapCache (10 MB by default): room for a big
    // diagram at full-screen size, so they are not drawn again and again in turn.
    QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), 64 * 1024));
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    // A generous fixed scene area: the canvas never jumps as cards move near its edge.
    setSceneRect(-4000, -3000, 8000, 6000);
}

void CanvasView::setZoom(qreal factor) {
    fitted_ = false; // the zoom is someone's choice now: a resize keeps it
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(factor, factor));
    emit zoomChanged(factor);
}

void CanvasView::zoomBy(qreal factor, QPointF anchor) {
    fitted_ = false;
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    const QPointF before = mapToScene(anchor.toPoint());
    setTransform(QTransform::fromScale(target, target));
    const QPointF after = mapToScene(anchor.toPoint());
    const QPointF delta = (after - before) * target;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(delta.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(delta.y()));
    emit zoomChanged(target);
}

void CanvasView::setFooter(QWidget* footer) {
    footer_ = footer;
    footer_->setParent(this);
    footer_->installEventFilter(this);
    placeFooter();
}

void CanvasView::placeFooter() {
    if (!footer_) return;
    const int h = footer_->isVisibleTo(this) ? footer_->sizeHint().height() : 0;
    setViewportMargins(0, 0, 0, h);
    // Right under the viewport, above the horizontal scroll bar.
    const QRect vp = viewport()->geometry();
    footer_->setGeometry(vp.left(), vp.bottom() + 1, vp.width(), h);
}

void CanvasView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeFooter();
    // Fitted and not zoomed since: stay fitted (a window opened small, then enlarged, showed
    // the diagram at a third of the size it could have).
    if (fitted_) fitToContents();
}

bool CanvasView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == footer_ && (event->type() == QEvent::Show || event->type() == QEvent::Hide ||
                               event->type() == QEvent::Resize))
        placeFooter();
    return QGraphicsView::eventFilter(watched, event);
}

void CanvasView::zoomIn() {
    zoomBy(1.25, viewport()->rect().center());
}

void CanvasView::zoomOut() {
    zoomBy(0.8, viewport()->rect().center());
}

void CanvasView::resetZoom() {
    setZoom(1.0);
}

void CanvasView::fitToContents() {
    const QRectF content = canvas_->contentRect();
    if (content.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    fitInView(content.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    setZoom(std::min(zoom(), 1.5)); // a tiny diagram should not fill the screen with one card
    centerOn(content.center());
    fitted_ = true;
}

void CanvasView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, event->angleDelta().y()), event->position());
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

bool CanvasView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::NativeGesture) {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + gesture->value(), gesture->position());
            return true;
        }
    }
    return QGraphicsView::viewportEvent(event);
}

bool CanvasView::event(QEvent* event) {
    // Space pans here, so it must reach keyPressEvent rather than the window's Space
    // shortcut (play/pause); a tap without a drag is passed on as spaceTapped().
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    // Cards, links and the grid are cached as pixmaps drawn in the old palette and fonts
    // (theme switch, presentation mode): draw them again.
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
    case QEvent::FontChange:
    case QEvent::ApplicationFontChange:
        resetCachedContent();
        if (scene())
            for (QGraphicsItem* item : scene()->items())
                item->update();
        break;
    default:
        break;
    }
    return QGraphicsView::event(event);
}

void CanvasView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton || (spaceHeld_ && event->button() == Qt::LeftButton)) {
        pannedWithSpace_ |= spaceHeld_;
        panning_ = true;
        lastPan_ = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseMoveEvent(QMouseEvent* event) {
    if (panning_) {
        const QPoint delta = event->pos() - lastPan_;
        lastPan_ = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* event) {
    if (panning_) {
        panning_ = false;
        viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void CanvasView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = true;
        pannedWithSpace_ = false;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void CanvasView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        spaceHeld_ = false;
        viewport()->unsetCursor();
        event->accept();
        if (!pannedWithSpace_) emit spaceTapped();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

} // namespace sdlab::widgets
