#pragma once

#include <QWidget>

#include <set>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace sdlab::widgets {

class LiveRunController;
class TimeChart;

/// The charts dock's content: end-to-end charts of the live run, then the charts of the
/// selected component or link (pinned ones stay), fed row by row from the controller and
/// repainted at most ~10 times a second however fast the run goes. A run can be kept as the
/// baseline: later runs (of a changed design, say) draw over it on every chart.
class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kReplotMs = 100;
    static constexpr double kRollingWindowS = 60;

    explicit ChartsPanel(LiveRunController* controller, QWidget* parent = nullptr);

    /// Shows the charts of a component (its id), a link ("from->to") or none (empty).
    void showSelection(const QString& id, const QString& name);
    /// The last `seconds` (kRollingWindowS) or the whole run.
    void setRollingWindow(bool rolling);
    bool rollingWindow() const;
    /// Repaints every chart at once (a screenshot, a test).
    void replotNow();

    /// Freezes the current run's rows as the baseline every chart draws behind later runs.
    void keepBaseline();
    void clearBaseline();
    bool hasBaseline() const { return !baselineRows_.empty(); }
    QPushButton* keepBaselineButton() const { return keepBaseline_; }
    QPushButton* clearBaselineButton() const { return clearBaseline_; }

    std::vector<TimeChart*> charts() const;
    /// The chart whose spec's first column is `column`, or null.
    TimeChart* chartFor(const std::string& column) const;

private:
    void rebuild();
    void addRow(int index);
    void scheduleReplot();
    void replotNextStale();
    int replotGapMs() const;
    void updateBaselineControls();
    TimeChart* addChart(const struct ChartSpec& spec, bool selection);

    LiveRunController* controller_;
    QVBoxLayout* chartsLayout_;
    QCheckBox* rolling_;
    QLabel* hint_;
    QPushButton* keepBaseline_;
    QPushButton* clearBaseline_;
    QLabel* baselineNote_;
    std::vector<std::string> baselineColumns_;
    std::vector<std::vector<double>> baselineRows_;
    QTimer* replotTimer_;
    std::set<TimeChart*> stale_; ///< charts with rows not yet drawn
    std::size_t nextReplot_ = 0; ///< where the round of redraws resumes
    std::vector<TimeChart*> overview_, selection_;
    std::vector<std::string> columns_;
    std::size_t rowsShown_ = 0; ///< controller rows the charts hold
    std::string selectedId_;
    QString selectedName_;
};

} // namespace sdlab::widgets
