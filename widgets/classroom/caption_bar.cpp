#include "caption_bar.h"

#include "caption_track.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <QPainter>
#include <algorithm>

namespace sdlab::widgets {

namespace {
constexpr int kPadX = 28, kPadY = 14, kBottomGap = 18;
const QColor kBand(0x10, 0x12, 0x16, 235), kInk(Qt::white), kEdge(255, 255, 255, 90);
} // namespace

CaptionBar::CaptionBar(CaptionTrack* track, QAbstractScrollArea* view)
    : QWidget(view)
    , track_(track)
    , view_(view) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setObjectName("captionBar");
    view_->viewport()->installEventFilter(this);
    connect(track_, &CaptionTrack::changed, this, &CaptionBar::refresh);
    hide();
}

void CaptionBar::setPresenting(bool on) {
    presenting_ = on;
    place();
}

int CaptionBar::pixelSize() const {
    // A 1080-line projector image: ~46 px presenting; ~24 px in the editor's canvas.
    const int h = view_->viewport()->height();
    return presenting_ ? std::clamp(h / 22, 18, 64) : std::clamp(h / 32, 15, 28);
}

QFont CaptionBar::captionFont() const {
    QFont f = font();
    f.setBold(true);
    f.setPixelSize(pixelSize());
    return f;
}

void CaptionBar::refresh() {
    text_ = track_->text();
    setVisible(!text_.isEmpty());
    place();
    update();
}

void CaptionBar::place() {
    if (text_.isEmpty()) return;
    const QRect vp = view_->viewport()->geometry();
    const QFontMetrics fm(captionFont());
    const int maxWidth = int(vp.width() * 0.86);
    const QRect text = fm.boundingRect(QRect(0, 0, maxWidth - 2 * kPadX, 10000),
                                       Qt::AlignCenter | Qt::TextWordWrap, text_);
    const int w = std::min(maxWidth, text.width() + 2 * kPadX);
    const int h = text.height() + 2 * kPadY;
    setGeometry(vp.left() + (vp.width() - w) / 2, vp.bottom() - kBottomGap - h, w, h);
    raise();
}

bool CaptionBar::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize) place(); // the viewport moved or grew
    return QWidget::eventFilter(watched, event);
}

void CaptionBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(kEdge, 2)); // keeps the band apart from a black (projector dark) canvas
    p.setBrush(kBand);
    const qreal radius = std::min(14.0, height() / 4.0);
    p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), radius, radius);
    p.setPen(kInk);
    p.setFont(captionFont());
    p.drawText(rect().adjusted(kPadX, kPadY, -kPadX, -kPadY), Qt::AlignCenter | Qt::TextWordWrap,
               text_);
}

} // namespace sdlab::widgets
