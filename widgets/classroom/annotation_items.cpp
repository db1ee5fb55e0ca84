#include "annotation_items.h"

#include "canvas/canvas_scene.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QTextCursor>
#include <QTextDocument>
#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr qreal kShaft = 6, kHeadLength = 26, kHeadHalfWidth = 14, kHalo = 3;
constexpr qreal kMarkerWidth = 22;
constexpr qreal kNotePadding = 8, kNoteMaxWidth = 340;
const QColor kNoteFill(0xFF, 0xE4, 0x5C), kNoteInk(0x11, 0x11, 0x11);

void drawSelection(QPainter* p, const QPainterPath& shape) {
    QPen pen(QColor(0x1D, 0x4E, 0xD8), 2, Qt::DashLine);
    pen.setCosmetic(true);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(shape);
}
} // namespace

namespace annotation {

QColor ink() {
    return QColor(0xD1, 0x00, 0x7A); // magenta: unlike any status colour of the canvas
}

void adopt(QGraphicsItem* item, qreal z) {
    item->setData(CanvasScene::kAnnotationKey, true);
    item->setFlag(QGraphicsItem::ItemIsSelectable);
    item->setZValue(z);
}

bool isAnnotation(const QGraphicsItem* item) {
    return item && item->data(CanvasScene::kAnnotationKey).toBool();
}

} // namespace annotation

AnnotationArrow::AnnotationArrow(const QLineF& line)
    : line_(line) {
    annotation::adopt(this, 102);
}

void AnnotationArrow::setLine(const QLineF& line) {
    prepareGeometryChange();
    line_ = line;
}

QPainterPath AnnotationArrow::outline() const {
    QPainterPath path;
    const qreal length = line_.length();
    if (length < 1) return path;
    const QPointF unit = (line_.p2() - line_.p1()) / length;
    const QPointF normal(-unit.y(), unit.x());
    const qreal head = std::min(kHeadLength, length * 0.6);
    const QPointF base = line_.p2() - unit * head;
    path.setFillRule(Qt::WindingFill);
    path.addPolygon(QPolygonF({line_.p1() + normal * kShaft / 2, base + normal * kShaft / 2,
                               base - normal * kShaft / 2, line_.p1() - normal * kShaft / 2}));
    path.closeSubpath();
    path.addPolygon(
        QPolygonF({line_.p2(), base + normal * kHeadHalfWidth, base - normal * kHeadHalfWidth}));
    path.closeSubpath();
    return path.simplified();
}

QRectF AnnotationArrow::boundingRect() const {
    return QRectF(line_.p1(), line_.p2())
        .normalized()
        .adjusted(-kHeadHalfWidth - kHalo - 2, -kHeadHalfWidth - kHalo - 2,
                  kHeadHalfWidth + kHalo + 2, kHeadHalfWidth + kHalo + 2);
}

QPainterPath AnnotationArrow::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(2 * kHalo + 8); // easy to pick
    return stroker.createStroke(outline()) + outline();
}

void AnnotationArrow::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QPainterPath path = outline();
    p->setPen(QPen(Qt::white, 2 * kHalo, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(Qt::white);
    p->drawPath(path); // the halo: the ink reads over dark links and cards
    p->setPen(Qt::NoPen);
    p->setBrush(annotation::ink());
    p->drawPath(path);
    if (option->state & QStyle::State_Selected) drawSelection(p, shape());
}

AnnotationStroke::AnnotationStroke(QPointF start) {
    annotation::adopt(this, 100); // under arrows and notes
    QPainterPath path(start);
    path.lineTo(start + QPointF(0.1, 0)); // a dot until it moves
    setPath(path);
    QColor marker(0xFF, 0xD4, 0x00);
    marker.setAlphaF(0.5);
    setPen(QPen(marker, kMarkerWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
}

void AnnotationStroke::extend(QPointF to) {
    QPainterPath p = path();
    p.lineTo(to);
    setPath(p);
}

void AnnotationStroke::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(pen());
    p->setBrush(Qt::NoBrush);
    p->drawPath(path());
    if (option->state & QStyle::State_Selected) drawSelection(p, shape());
}

AnnotationNote::AnnotationNote(QPointF at) {
    annotation::adopt(this, 104);
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(22);
    setFont(f);
    setDefaultTextColor(kNoteInk);
    document()->setDocumentMargin(kNotePadding);
    setPos(at);
    connect(document(), &QTextDocument::contentsChanged, this, &AnnotationNote::fitWidth);
}

void AnnotationNote::fitWidth() {
    // Grow with the text up to a readable width, then wrap.
    setTextWidth(-1);
    if (document()->idealWidth() > kNoteMaxWidth) setTextWidth(kNoteMaxWidth);
}

void AnnotationNote::startEditing() {
    setTextInteractionFlags(Qt::TextEditorInteraction);
    setFocus(Qt::MouseFocusReason);
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::End);
    setTextCursor(cursor);
}

bool AnnotationNote::editing() const {
    return textInteractionFlags() & Qt::TextEditable;
}

QRectF AnnotationNote::boundingRect() const {
    return QGraphicsTextItem::boundingRect().adjusted(-2, -2, 2, 2);
}

QPainterPath AnnotationNote::shape() const {
    QPainterPath path;
    path.addRect(boundingRect());
    return path;
}

void AnnotationNote::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) {
    const QRectF card = QGraphicsTextItem::boundingRect();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(annotation::ink(), 3));
    p->setBrush(kNoteFill);
    p->drawRoundedRect(card.adjusted(1, 1, -1, -1), 6, 6);
    QStyleOptionGraphicsItem plain(*option); // the text item's own selection frame is faint
    plain.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    QGraphicsTextItem::paint(p, &plain, widget);
    if ((option->state & QStyle::State_Selected) && !editing()) drawSelection(p, shape());
}

void AnnotationNote::keyPressEvent(QKeyEvent* event) {
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (event->key() == Qt::Key_Escape || (enter && !(event->modifiers() & Qt::ShiftModifier))) {
        clearFocus();
        event->accept();
        return;
    }
    QGraphicsTextItem::keyPressEvent(event);
}

bool AnnotationNote::sceneEvent(QEvent* event) {
    // While typing, every plain key is text (or Escape/Enter): none may fire a window shortcut
    // (Space plays, A annotates, F injects a fault…).
    if (event->type() == QEvent::ShortcutOverride && editing()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
            event->accept();
            return true;
        }
    }
    return QGraphicsTextItem::sceneEvent(event);
}

void AnnotationNote::focusOutEvent(QFocusEvent* event) {
    QGraphicsTextItem::focusOutEvent(event);
    setTextInteractionFlags(Qt::NoTextInteraction);
    QTextCursor cursor = textCursor();
    cursor.clearSelection();
    setTextCursor(cursor);
    emit editingFinished(this);
}

} // namespace sdlab::widgets
