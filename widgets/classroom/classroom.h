#pragma once

#include "classroom_parts.h"

#include <QObject>

namespace sdlab::widgets {

class AnnotationLayer;
class CaptionBar;
class CaptionTrack;
class PresentationMode;

/// Everything a teacher in front of a class uses, built once for the main window: the
/// scripted demo's captions over the canvas, freeze-and-annotate, and presentation mode.
/// The window adds the actions to its menus and toolbar; see docs/user-guide.md,
/// "Teaching with it".
class Classroom : public QObject {
    Q_OBJECT
public:
    explicit Classroom(const ClassroomParts& parts, QObject* parent = nullptr);

    AnnotationLayer* annotations() const { return annotations_; }
    CaptionTrack* captions() const { return captions_; }
    CaptionBar* captionBar() const { return captionBar_; }
    PresentationMode* presentation() const { return presentation_; }

private:
    AnnotationLayer* annotations_;
    CaptionTrack* captions_;
    CaptionBar* captionBar_;
    PresentationMode* presentation_;
};

} // namespace sdlab::widgets
