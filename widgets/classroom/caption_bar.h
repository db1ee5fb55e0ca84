#pragma once

#include <QWidget>

class QAbstractScrollArea;

namespace sdlab::widgets {

class CaptionTrack;

/// The caption of a scripted demo, large, over the bottom of the canvas: white bold text on
/// a near-black band, sized from the canvas' height so that it reads from the back of a room
/// (larger still in presentation mode). Mouse events pass through it to the canvas.
class CaptionBar : public QWidget {
    Q_OBJECT
public:
    CaptionBar(CaptionTrack* track, QAbstractScrollArea* view);
    QString text() const { return text_; }
    /// Presentation mode: a larger caption.
    void setPresenting(bool on);
    /// The caption's font's pixel size at the view's current size.
    int pixelSize() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void place();
    QFont captionFont() const;

    CaptionTrack* track_;
    QAbstractScrollArea* view_;
    QString text_;
    bool presenting_ = false;
};

} // namespace sdlab::widgets
