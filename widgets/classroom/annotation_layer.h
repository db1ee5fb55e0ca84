#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>

class QAction;
class QGraphicsItem;

namespace sdlab::widgets {

class AnnotationArrow;
class AnnotationNote;
class AnnotationStroke;
class CanvasView;

/// A teacher's "freeze and annotate": in annotate mode (A) a drag on the canvas draws an
/// arrow, a Shift+drag a freehand highlight, a click places a text note (typed in place),
/// and a click on a mark selects it (drag to move it). The marks are scene items of their
/// own, never part of the design: no document edit, no undo entry, not saved — but they sit
/// in scene coordinates (they follow pans and zooms) and are exported with the diagram. They
/// stay when annotate mode ends or the run resumes, and go with Clear (C) or when another
/// design is opened. In annotate mode the canvas' own mouse gestures (moving cards,
/// connecting) are off, so nothing of the model can change by accident; right-click (faults),
/// middle-drag (pan) and the wheel (zoom) still work.
class AnnotationLayer : public QObject {
    Q_OBJECT
public:
    explicit AnnotationLayer(CanvasView* view, QObject* parent = nullptr);

    /// "Annotate" (A): checkable, toggles annotate mode.
    QAction* toggleAction() const { return toggle_; }
    /// "Clear Annotations" (C): enabled while there are some.
    QAction* clearAction() const { return clear_; }

    bool active() const { return active_; }
    void setActive(bool on);
    QList<QGraphicsItem*> annotations() const;
    /// Removes the selected marks; false when none was selected.
    bool deleteSelected();
    void clear();
    /// A note is being typed: keys are text, not shortcuts.
    bool editing() const;

signals:
    void activeChanged(bool active);
    /// A mark was added, removed or changed.
    void annotationsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Gesture { None, Pending, Arrow, Stroke, Move };
    bool mouseEvent(QEvent* event);
    bool keyEvent(QEvent* event);
    QGraphicsItem* annotationAt(QPointF scenePos) const;
    void addNote(QPointF scenePos);
    void noteFinished(AnnotationNote* note);
    void refreshActions();

    CanvasView* view_;
    QAction* toggle_;
    QAction* clear_;
    bool active_ = false;
    Gesture gesture_ = Gesture::None;
    QPointF pressScene_, lastScene_;
    QPoint pressView_;
    bool shift_ = false;
    AnnotationArrow* arrow_ = nullptr;
    AnnotationStroke* stroke_ = nullptr;
    QGraphicsItem* moving_ = nullptr;
    QPointer<AnnotationNote> editingNote_;
};

} // namespace sdlab::widgets
