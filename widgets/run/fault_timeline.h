#pragma once

#include <QPointer>
#include <QWidget>

namespace sdlab::widgets {

class LiveRunController;

/// A thin strip across the run's duration: faults scheduled by the scenario (outlined where
/// they are planned), faults as they happened (filled, injected ones included), the
/// scenario's scripted load changes and captions (filled up to now), each circuit breaker's
/// open and half-open spells, and the current time as a cursor. Hover says what each mark
/// is. Hidden while no run is loaded. Lanes are as tall as the font asks (presentation mode
/// enlarges it).
class FaultTimeline : public QWidget {
    Q_OBJECT
public:
    explicit FaultTimeline(QWidget* parent = nullptr);
    void attach(LiveRunController* controller);

    /// What the mark at `pos` is ("" for none): the hover text.
    QString describeAt(QPoint pos) const;
    /// The marks drawn, for tests: their texts, in drawing order.
    QStringList markTexts() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Mark {
        QRectF rect;
        QString text;
    };
    void rebuild();
    double xOf(double t) const;
    int laneHeight() const;
    int labelWidth() const; ///< the lane names' column
    /// Lanes for the scripted timeline: traffic (load changes) and captions, when present.
    int scriptLanes() const;
    void addScriptMarks(int firstLane);
    void laneLabel(int lane, int lanes, const QString& text);
    QRectF laneRect(int lane, double from, double to) const;

    QPointer<LiveRunController> controller_;
    std::vector<Mark> marks_;
    std::vector<std::pair<QRectF, QColor>> fills_; ///< what paintEvent fills
    std::vector<std::pair<QRectF, QColor>> outlines_;
    std::vector<std::pair<QRectF, QString>> labels_; ///< lane names
    std::vector<std::pair<QRectF, QString>> texts_;  ///< words inside script marks
};

} // namespace sdlab::widgets
