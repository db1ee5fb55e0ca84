#pragma once

#include "model/scenario.h"
#include "run/sweep.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <thread>

class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace sdlab::widgets {

/// What-if: runs the design at a range of one parameter — in parallel on all cores, with a
/// progress bar and cancel — and plots p50/p99 latency, throughput and error rate against
/// it, marking the knee where latency takes off. The same runs as `sdlab sweep`.
class SweepDialog : public QDialog {
    Q_OBJECT
public:
    explicit SweepDialog(const model::Scenario& scenario, QWidget* parent = nullptr);
    ~SweepDialog() override;

    /// Starts the sweep with the dialog's settings (the Run button).
    void start();
    void cancel();
    bool running() const { return worker_.joinable() && !finished_; }
    const run::SweepResult& result() const { return result_; }
    QCustomPlot* latencyPlot() const { return latency_; }

    /// For tests: sets the parameter (by path), the range and the number of points.
    void setRange(const QString& param, double from, double to, int steps);

signals:
    void finished();

private:
    void showResult();
    void fillParameters();

    model::Scenario scenario_;
    QComboBox* param_;
    QDoubleSpinBox *from_, *to_;
    QSpinBox* steps_;
    QPushButton *run_, *stop_;
    QProgressBar* progress_;
    QLabel* knee_;
    QCustomPlot *latency_, *throughput_;
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> finished_{false};
    run::SweepResult result_;
};

} // namespace sdlab::widgets
