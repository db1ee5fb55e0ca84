#include "presentation_overlays.h"

#include "annotation_layer.h"
#include "run/live_run_controller.h"
#include "run/run_toolbar.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <algorithm>

namespace sdlab::widgets {

namespace {
constexpr int kMargin = 16;

QString keysCard() {
    const std::pair<const char*, const char*> keys[] = {
        {"Space", "play / pause"},
        {"→  PgDn", "next lesson step (no lesson: next moment of the demo)"},
        {"←  PgUp", "previous step (moment)"},
        {"F", "inject the next scheduled fault now"},
        {"R", "restart the run"},
        {"A", "annotate: drag = arrow, click = note, Shift+drag = highlight"},
        {"Del  /  C", "remove the selected mark  /  clear all marks"},
        {"G  /  L", "show or hide the charts  /  the lesson step"},
        {"H", "this card"},
        {"Esc  /  F5", "leave presentation mode"}};
    QString rows;
    for (const auto& [key, what] : keys)
        rows += QStringLiteral("<tr><td style='padding-right:24px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(QString::fromUtf8(key).toHtmlEscaped(), QObject::tr(what).toHtmlEscaped());
    return QStringLiteral("<p style='font-size:large'><b>%1</b></p><table>%2</table>")
        .arg(QObject::tr("Presentation mode"), rows);
}
} // namespace

PresentationOverlays::PresentationOverlays(QAbstractScrollArea* view, LiveRunController* controller,
                                           AnnotationLayer* annotations, QObject* parent)
    : QObject(parent)
    , view_(view)
    , controller_(controller)
    , annotations_(annotations)
    , clock_(makeLabel("presentationClock"))
    , banner_(makeLabel("annotateBanner"))
    , help_(makeLabel("presentationKeys"))
    , toast_(makeLabel("presentationToast"))
    , helpTimer_(new QTimer(this))
    , toastTimer_(new QTimer(this)) {
    help_->setText(keysCard());
    help_->setTextFormat(Qt::RichText);
    banner_->setText(tr("ANNOTATING — drag: arrow · click: note · Shift+drag: highlight · "
                        "Del: remove · C: clear · A or Esc: done"));
    helpTimer_->setSingleShot(true);
    connect(helpTimer_, &QTimer::timeout, this, &PresentationOverlays::hideHelp);
    toastTimer_->setSingleShot(true);
    connect(toastTimer_, &QTimer::timeout, toast_, &QLabel::hide);
    connect(controller_, &LiveRunController::advanced, this, &PresentationOverlays::refreshClock);
    connect(controller_, &LiveRunController::stateChanged, this,
            &PresentationOverlays::refreshClock);
    connect(annotations_, &AnnotationLayer::activeChanged, this,
            &PresentationOverlays::refreshBanner);
    view_->viewport()->installEventFilter(this);
}

QLabel* PresentationOverlays::makeLabel(const QString& name) {
    auto* label = new QLabel(view_);
    label->setObjectName(name);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    label->hide();
    return label;
}

void PresentationOverlays::restyle() {
    // Sized from the canvas' height: ~30 px on a 1080-line projector.
    const int px = std::clamp(view_->viewport()->height() / 34, 14, 40);
    // The light edge keeps the labels apart from a black (projector dark) canvas.
    const QString base = QStringLiteral("QLabel#%1 { background: rgba(16, 18, 22, 225); color: "
                                        "white; border: 2px solid rgba(255, 255, 255, 90); "
                                        "border-radius: %2px; padding: %3px %4px; "
                                        "font-size: %5px; font-weight: bold; }");
    clock_->setStyleSheet(
        base.arg(clock_->objectName()).arg(px / 2).arg(px / 4).arg(px / 2).arg(px));
    banner_->setStyleSheet(
        base.arg(banner_->objectName()).arg(px / 2).arg(px / 4).arg(px / 2).arg(int(px * 0.8)));
    toast_->setStyleSheet(
        base.arg(toast_->objectName()).arg(px / 2).arg(px / 4).arg(px / 2).arg(int(px * 0.8)));
    help_->setStyleSheet(
        base.arg(help_->objectName()).arg(px / 2).arg(px / 2).arg(px).arg(int(px * 0.8)));
}

void PresentationOverlays::setShown(bool on) {
    shown_ = on;
    if (!on) {
        for (auto* label : {clock_, banner_, help_, toast_})
            label->hide();
        helpTimer_->stop();
        toastTimer_->stop();
        return;
    }
    restyle();
    refreshClock();
    refreshBanner();
}

void PresentationOverlays::showHelp(int ms) {
    if (!shown_) return;
    restyle();
    help_->show();
    place();
    if (ms > 0)
        helpTimer_->start(ms);
    else
        helpTimer_->stop();
}

void PresentationOverlays::hideHelp() {
    help_->hide();
    helpTimer_->stop();
}

void PresentationOverlays::toast(const QString& text) {
    if (!shown_ || text.isEmpty()) return;
    toast_->setText(text);
    toast_->show();
    place();
    toastTimer_->start(kToastMs);
}

bool PresentationOverlays::helpVisible() const {
    return help_->isVisible();
}

void PresentationOverlays::refreshClock() {
    if (!shown_) return;
    QString text = tr("Space: play"); // nothing has run yet
    if (controller_->loaded()) {
        text = QStringLiteral("%1  %2 / %3")
                   .arg(controller_->playing() ? QStringLiteral("▶") : tr("❚❚ paused"),
                        RunToolbar::clockText(controller_->now()),
                        RunToolbar::clockText(controller_->scenario().durationS).chopped(2));
        if (controller_->speed() != 1)
            text += QStringLiteral("  ·  %1").arg(RunToolbar::speedText(controller_->speed()));
    }
    if (clock_->text() == text && clock_->isVisible()) return; // ~60 times a second: cheap
    const QSize before = clock_->sizeHint();
    clock_->setText(text);
    clock_->show();
    if (clock_->sizeHint() != before) place();
}

void PresentationOverlays::refreshBanner() {
    banner_->setVisible(shown_ && annotations_->active());
    place();
}

void PresentationOverlays::place() {
    const QRect vp = view_->viewport()->geometry();
    for (auto* label : {clock_, banner_, help_, toast_})
        label->adjustSize();
    clock_->move(vp.right() - kMargin - clock_->width(), vp.top() + kMargin);
    banner_->setMaximumWidth(vp.width() - clock_->width() - 4 * kMargin);
    banner_->setWordWrap(true);
    banner_->adjustSize();
    banner_->move(vp.left() + kMargin, vp.top() + kMargin);
    const int belowBanner =
        banner_->isVisible() ? banner_->geometry().bottom() + kMargin / 2 : vp.top() + kMargin;
    toast_->setMaximumWidth(vp.width() - clock_->width() - 4 * kMargin);
    toast_->setWordWrap(true);
    toast_->adjustSize();
    toast_->move(vp.left() + kMargin, belowBanner);
    help_->move(vp.left() + (vp.width() - help_->width()) / 2,
                vp.top() + (vp.height() - help_->height()) / 2);
    for (auto* label : {clock_, banner_, help_, toast_})
        label->raise();
}

bool PresentationOverlays::eventFilter(QObject* watched, QEvent* event) {
    if (shown_ && event->type() == QEvent::Resize) {
        restyle();
        place();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sdlab::widgets
