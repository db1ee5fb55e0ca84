#pragma once

#include <QGraphicsView>

namespace sdlab::widgets {

class CanvasScene;

/// Looks at the canvas: Ctrl+wheel (or pinch) zooms around the pointer, the middle button or
/// Space+drag pans, a drag on empty space selects with a rubber band.
class CanvasView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CanvasView(CanvasScene* scene, QWidget* parent = nullptr);
    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal factor);
    /// A strip docked under the canvas (the live run's fault timeline): the view keeps room
    /// for it while it is visible.
    void setFooter(QWidget* footer);

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToContents();

signals:
    void zoomChanged(qreal factor);
    /// Space pressed and let go without panning: the window's play/pause (Space is both).
    void spaceTapped();

protected:
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placeFooter();
    void zoomBy(qreal factor, QPointF viewportAnchor);

    CanvasScene* canvas_;
    bool spaceHeld_ = false;
    bool fitted_ = false;          ///< fitted to the diagram and not zoomed since: resizes refit
    bool pannedWithSpace_ = false; ///< this Space press dragged: not a tap
    bool panning_ = false;
    QPoint lastPan_;
    QWidget* footer_ = nullptr;
};

} // namespace sdlab::widgets
