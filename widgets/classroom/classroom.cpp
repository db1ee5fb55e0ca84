#include "classroom.h"

#include "annotation_layer.h"
#include "canvas/canvas_view.h"
#include "caption_bar.h"
#include "caption_track.h"
#include "presentation_mode.h"
#include "presentation_overlays.h"
#include "run/fault_actions.h"
#include "run/live_run_controller.h"

#include <QAction>
#include <QMainWindow>

namespace sdlab::widgets {

Classroom::Classroom(const ClassroomParts& parts, QObject* parent)
    : QObject(parent)
    , annotations_(new AnnotationLayer(parts.view, this))
    , captions_(new CaptionTrack(parts.run, this))
    , captionBar_(new CaptionBar(captions_, parts.view))
    , presentation_(new PresentationMode(parts, annotations_, captionBar_, this)) {
    // The keys work with the toolbar hidden (presentation mode) too.
    parts.window->addAction(annotations_->toggleAction());
    parts.window->addAction(annotations_->clearAction());
    // Freeze and annotate: drawing starts with the run paused.
    connect(annotations_, &AnnotationLayer::activeChanged, parts.run, [run = parts.run](bool on) {
        if (on) run->pause();
    });
    // In presentation mode the status bar is hidden: tell the class on the canvas instead.
    auto* overlays = presentation_->overlays();
    connect(presentation_, &PresentationMode::message, overlays, &PresentationOverlays::toast);
    connect(parts.faults, &FaultActions::faultsChanged, overlays, &PresentationOverlays::toast);
}

} // namespace sdlab::widgets
