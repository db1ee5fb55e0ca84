#include "caption_track.h"

#include "run/live_run_controller.h"

namespace sdlab::widgets {

CaptionTrack::CaptionTrack(LiveRunController* controller, QObject* parent)
    : QObject(parent)
    , controller_(controller) {
    linger_.setSingleShot(true);
    connect(&linger_, &QTimer::timeout, this, &CaptionTrack::update);
    connect(controller_, &LiveRunController::advanced, this, &CaptionTrack::update);
    connect(controller_, &LiveRunController::stateChanged, this, &CaptionTrack::update);
}

QString CaptionTrack::text() const {
    if (current_ < 0 || !controller_) return {};
    return QString::fromStdString(controller_->scenario().captions[std::size_t(current_)].text);
}

void CaptionTrack::update() {
    if (!controller_ || !controller_->loaded()) {
        lastNow_ = -1;
        show(-1);
        return;
    }
    const auto& captions = controller_->scenario().captions;
    const double now = controller_->now();
    if (now < lastNow_ || current_ >= int(captions.size())) { // a restart or another run
        lastNow_ = -1;
        show(-1);
    }
    // The latest-started caption in force; else the latest one the clock went past whole.
    int inForce = -1, passed = -1;
    for (std::size_t i = 0; i < captions.size(); ++i) {
        const auto& c = captions[i];
        const bool on = c.atS <= now && now < c.atS + c.durationS;
        if (on && (inForce < 0 || c.atS >= captions[std::size_t(inForce)].atS)) inForce = int(i);
        if (lastNow_ < c.atS && c.atS <= now &&
            (passed < 0 || c.atS >= captions[std::size_t(passed)].atS))
            passed = int(i);
    }
    lastNow_ = now;
    if (inForce >= 0) {
        if (inForce != current_) show(inForce);
        linger_.stop();
        return;
    }
    if (passed >= 0 && passed != current_) show(passed); // then lingers, below
    if (current_ < 0) return;
    const qint64 left = minReadingMs_ - shownFor_.elapsed();
    if (left <= 0)
        show(-1);
    else if (!linger_.isActive())
        linger_.start(int(left));
}

void CaptionTrack::show(int caption) {
    if (caption == current_) return;
    current_ = caption;
    linger_.stop();
    if (caption >= 0) shownFor_.start();
    emit changed();
}

} // namespace sdlab::widgets
