#pragma once

#include "classroom_parts.h"
#include "common/canvas_look.h"

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPalette>
#include <QPoint>
#include <QPointer>
#include <QRect>
#include <QTransform>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QDockWidget;

namespace sdlab::widgets {

class AnnotationLayer;
class CaptionBar;
class LessonStrip;
class PresentationOverlays;

/// Presentation mode (View → Presentation Mode, F5): the window goes full screen with the
/// canvas alone (docks, toolbars, menu and status bar hidden; the lesson step beside it when
/// a lesson is open, the charts on G), larger fonts, thicker strokes and a projector palette,
/// and the run driven from the keyboard or a presenter's clicker (Space, →/PgDn, ←/PgUp, F,
/// R, A, Esc — see keysCard). It is a way of looking: it never edits the design (no undo
/// entry), and leaving restores the window exactly as it was — geometry, window state, docks
/// and toolbars, fonts, style and palette, zoom and scroll.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    /// The type of what shows beside the canvas (fault timeline, lesson step, charts). The
    /// canvas' own text grows with the zoom, in proportion to its cards: a larger font there
    /// would only cut titles and figures short.
    static constexpr qreal kFontScale = 1.5;
    /// The lesson step's text: read by the whole class, ~24 px on a 1080-line projector.
    static constexpr qreal kStepFontScale = 2.0;
    static constexpr qreal kStrokeScale = 1.8, kDotScale = 1.35;
    static constexpr qreal kMaxZoom = 2.5; ///< fitting a small diagram to a wall stops here

    PresentationMode(const ClassroomParts& parts, AnnotationLayer* annotations, CaptionBar* caption,
                     QObject* parent = nullptr);
    ~PresentationMode() override;

    /// "Presentation Mode" (F5), checkable: the View menu's entry. Added to the window too,
    /// so that it works with the menu bar hidden.
    QAction* toggleAction() const { return toggle_; }
    bool active() const { return active_; }
    LessonStrip* lessonStrip() const { return strip_; }
    QDockWidget* lessonDock() const { return stripDock_; }
    PresentationOverlays* overlays() const { return overlays_; }

public slots:
    void enter();
    void leave();
    /// The next lesson step; with no lesson open, the next moment of the scripted demo (a
    /// caption, fault or load change): the run goes there at once.
    void next();
    void previous();
    /// Brings the next scheduled fault forward to now (FaultActions::injectNextScheduled).
    void injectFault();

signals:
    void activeChanged(bool active);
    /// Something to tell the teacher (no fault left to inject…).
    void message(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Saved {
        QRect geometry; ///< the window's own (frame-less): restoreGeometry() drifts by a frame
        QByteArray state;
        Qt::WindowStates windowState;
        bool menuBar = true, statusBar = true;
        /// The widgets whose type grows, and their own font if they had one.
        std::vector<std::pair<QPointer<QWidget>, std::optional<QFont>>> fonts;
        QPalette palette;
        QString style;
        look::CanvasLook look;
        QTransform transform;
        QPoint scroll;
        Qt::ScrollBarPolicy horizontalBar, verticalBar;
    };
    QAction* addKey(const QString& text, const QList<QKeySequence>& keys,
                    std::function<void()> act);
    void addKeys();
    void applyLook();
    /// Canvas look, style and palette as they were (the rest is the window's).
    void restoreApplicationLook();
    /// Enlarges the type of `widget` and what it holds (remembered for leave()).
    void enlarge(QWidget* widget, qreal factor);
    void fitDiagram();
    void showLessonStrip(bool on);
    void toggleCharts();
    void toggleLessonStrip();
    void escape();
    void toggleHelp();
    void jumpTo(double t);

    ClassroomParts parts_;
    AnnotationLayer* annotations_;
    CaptionBar* caption_;
    QAction* toggle_;
    QList<QAction*> keys_;
    bool active_ = false;
    bool stripWanted_ = true; ///< L hides the lesson step for the rest of the session
    Saved saved_;
    LessonStrip* strip_;
    QDockWidget* stripDock_;
    PresentationOverlays* overlays_;
};

} // namespace sdlab::widgets
