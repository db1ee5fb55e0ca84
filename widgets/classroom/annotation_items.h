#pragma once

#include <QGraphicsPathItem>
#include <QGraphicsTextItem>

namespace sdlab::widgets {

/// A teacher's marks on the canvas (see AnnotationLayer): never part of the design. All carry
/// CanvasScene::kAnnotationKey in their data and draw in one vivid ink with a white halo, so
/// they stand out from cards, links and overlays in either theme and on a projector.
namespace annotation {
QColor ink();
/// Marks an item as an annotation and puts it above the diagram.
void adopt(QGraphicsItem* item, qreal z);
bool isAnnotation(const QGraphicsItem* item);
} // namespace annotation

/// An arrow from one point to another, in scene coordinates.
class AnnotationArrow : public QGraphicsItem {
public:
    enum { Type = QGraphicsItem::UserType + 60 };
    explicit AnnotationArrow(const QLineF& line);
    int type() const override { return Type; }
    QLineF line() const { return line_; }
    void setLine(const QLineF& line);
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath outline() const; ///< the shaft and head as one filled shape
    QLineF line_;
};

/// A freehand highlight: a broad translucent marker stroke.
class AnnotationStroke : public QGraphicsPathItem {
public:
    enum { Type = QGraphicsItem::UserType + 61 };
    explicit AnnotationStroke(QPointF start);
    int type() const override { return Type; }
    void extend(QPointF to);
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
};

/// A text note: dark bold text on a yellow card with an ink border. Typed in place; Enter or
/// Escape (or a click elsewhere) ends the typing, Shift+Enter starts a new line.
class AnnotationNote : public QGraphicsTextItem {
    Q_OBJECT
public:
    enum { Type = QGraphicsItem::UserType + 62 };
    explicit AnnotationNote(QPointF at);
    int type() const override { return Type; }
    void startEditing();
    bool editing() const;
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

signals:
    /// Typing ended (the note may be empty: the layer then removes it).
    void editingFinished(AnnotationNote* note);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool sceneEvent(QEvent* event) override;

private:
    void fitWidth();
};

} // namespace sdlab::widgets
