#include "annotation_layer.h"

#include "annotation_items.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"

#include <QAction>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>

namespace sdlab::widgets {

namespace {
constexpr int kDragPixels = 6; ///< a press that moves less is a click
} // namespace

AnnotationLayer::AnnotationLayer(CanvasView* view, QObject* parent)
    : QObject(parent)
    , view_(view)
    , toggle_(new QAction(tr("Annotate"), this))
    , clear_(new QAction(tr("Clear Annotations"), this)) {
    toggle_->setObjectName("annotateAction");
    toggle_->setCheckable(true);
    toggle_->setShortcut(QKeySequence(Qt::Key_A));
    toggle_->setToolTip(tr("Annotate (A): drag for an arrow, Shift+drag to highlight, click for "
                           "a note. The marks are not part of the design."));
    clear_->setObjectName("clearAnnotationsAction");
    clear_->setShortcut(QKeySequence(Qt::Key_C));
    clear_->setToolTip(tr("Clear every annotation (C)"));
    connect(toggle_, &QAction::toggled, this, &AnnotationLayer::setActive);
    connect(clear_, &QAction::triggered, this, &AnnotationLayer::clear);
    view_->viewport()->installEventFilter(this);
    view_->installEventFilter(this);
    // Marks belong to the diagram they were drawn on: another file takes them away.
    if (auto* canvas = qobject_cast<CanvasScene*>(view_->scene()))
        connect(canvas->document(), &Document::reset, this, &AnnotationLayer::clear);
    refreshActions();
}

void AnnotationLayer::setActive(bool on) {
    if (active_ == on) return;
    active_ = on;
    toggle_->setChecked(on);
    if (on)
        view_->viewport()->setCursor(Qt::CrossCursor);
    else
        view_->viewport()->unsetCursor();
    if (!on && editingNote_) editingNote_->clearFocus();
    gesture_ = Gesture::None;
    emit activeChanged(on);
}

QList<QGraphicsItem*> AnnotationLayer::annotations() const {
    QList<QGraphicsItem*> marks;
    for (auto* item : view_->scene()->items())
        if (annotation::isAnnotation(item)) marks << item;
    return marks;
}

bool AnnotationLayer::deleteSelected() {
    bool any = false;
    for (auto* item : view_->scene()->selectedItems())
        if (annotation::isAnnotation(item) && item != editingNote_.data()) {
            delete item;
            any = true;
        }
    if (any) {
        refreshActions();
        emit annotationsChanged();
    }
    return any;
}

void AnnotationLayer::clear() {
    const auto marks = annotations();
    if (marks.isEmpty()) return;
    if (editingNote_) editingNote_->clearFocus();
    gesture_ = Gesture::None;
    arrow_ = nullptr;
    stroke_ = nullptr;
    moving_ = nullptr;
    qDeleteAll(marks);
    refreshActions();
    emit annotationsChanged();
}

bool AnnotationLayer::editing() const {
    return editingNote_ && editingNote_->editing();
}

void AnnotationLayer::refreshActions() {
    clear_->setEnabled(!annotations().isEmpty());
}

QGraphicsItem* AnnotationLayer::annotationAt(QPointF scenePos) const {
    for (auto* item : view_->scene()->items(scenePos)) // topmost first
        if (annotation::isAnnotation(item)) return item;
    return nullptr;
}

bool AnnotationLayer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_) return keyEvent(event);
    if (watched == view_->viewport()) return mouseEvent(event);
    return false;
}

bool AnnotationLayer::keyEvent(QEvent* event) {
    const auto type = event->type();
    if (active_ && !editing() && type == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        setActive(false); // Esc ends annotating, as it ends a pen tool
        return true;
    }
    // The canvas keeps Space for panning; while a note is typed it is a space, so the note
    // gets it straight from the scene.
    if (!editing()) return false;
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() != Qt::Key_Space) return false;
    if (type == QEvent::KeyPress) QCoreApplication::sendEvent(view_->scene(), event);
    return true;
}

bool AnnotationLayer::mouseEvent(QEvent* event) {
    if (!active_) return false;
    const auto type = event->type();
    if (type != QEvent::MouseButtonPress && type != QEvent::MouseMove &&
        type != QEvent::MouseButtonRelease && type != QEvent::MouseButtonDblClick)
        return false;
    auto* mouse = static_cast<QMouseEvent*>(event);
    const QPointF scenePos = view_->mapToScene(mouse->position().toPoint());
    if (type == QEvent::MouseMove && gesture_ == Gesture::None)
        return true; // no hover effects on the diagram while annotating
    if (type != QEvent::MouseMove && mouse->button() != Qt::LeftButton)
        return false; // right-click (faults), middle-drag (pan) as ever
    if (type == QEvent::MouseButtonDblClick) {
        if (auto* note = dynamic_cast<AnnotationNote*>(annotationAt(scenePos))) {
            editingNote_ = note;
            note->startEditing();
        }
        return true;
    }
    if (type == QEvent::MouseButtonPress) {
        if (editing()) { // a click elsewhere ends the typing, nothing more
            editingNote_->clearFocus();
            return true;
        }
        view_->scene()->clearSelection();
        pressScene_ = lastScene_ = scenePos;
        pressView_ = mouse->position().toPoint();
        shift_ = mouse->modifiers() & Qt::ShiftModifier;
        moving_ = annotationAt(scenePos);
        if (moving_) moving_->setSelected(true);
        gesture_ = moving_ ? Gesture::Move : Gesture::Pending;
        return true;
    }
    if (type == QEvent::MouseMove) {
        const bool dragged =
            (mouse->position().toPoint() - pressView_).manhattanLength() >= kDragPixels;
        if (gesture_ == Gesture::Pending && dragged) {
            if (shift_) {
                stroke_ = new AnnotationStroke(pressScene_);
                view_->scene()->addItem(stroke_);
                gesture_ = Gesture::Stroke;
            } else {
                arrow_ = new AnnotationArrow(QLineF(pressScene_, scenePos));
                view_->scene()->addItem(arrow_);
                gesture_ = Gesture::Arrow;
            }
        }
        if (gesture_ == Gesture::Arrow) arrow_->setLine(QLineF(pressScene_, scenePos));
        if (gesture_ == Gesture::Stroke) stroke_->extend(scenePos);
        if (gesture_ == Gesture::Move && moving_)
            moving_->moveBy(scenePos.x() - lastScene_.x(), scenePos.y() - lastScene_.y());
        lastScene_ = scenePos;
        return true;
    }
    // Release: a click on empty canvas places a note; a drag finished its mark.
    const Gesture done = std::exchange(gesture_, Gesture::None);
    if (done == Gesture::Pending) addNote(scenePos);
    arrow_ = nullptr;
    stroke_ = nullptr;
    moving_ = nullptr;
    refreshActions();
    if (done != Gesture::None) emit annotationsChanged();
    return true;
}

void AnnotationLayer::addNote(QPointF scenePos) {
    auto* note = new AnnotationNote(scenePos);
    connect(note, &AnnotationNote::editingFinished, this, &AnnotationLayer::noteFinished);
    view_->scene()->addItem(note);
    editingNote_ = note;
    note->startEditing();
}

void AnnotationLayer::noteFinished(AnnotationNote* note) {
    if (editingNote_ == note) editingNote_ = nullptr;
    // Later: this runs inside the note's own focus-out handler.
    QMetaObject::invokeMethod(
        this,
        [this, note = QPointer<AnnotationNote>(note)] {
            if (note && note->toPlainText().trimmed().isEmpty()) delete note.data(); // no text
            refreshActions();
            emit annotationsChanged();
        },
        Qt::QueuedConnection);
}

} // namespace sdlab::widgets
