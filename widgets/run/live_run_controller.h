#pragma once

#include "model/scenario.h"
#include "run/live_run.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace sdlab::widgets {

/// Drives a core run::LiveRun in real time for the GUI: play, pause, step, restart and a
/// speed from 0.01× to 1000× of real time. Every view (canvas overlays, charts, the fault
/// timeline) reads the one simulation it owns and repaints on `advanced`, so what the screen
/// shows is what the core computed — a run paused at t reports what `sdlab run` to t does.
/// Work per tick is capped, so a fast speed on a heavy scenario slows the run, never the UI.
class LiveRunController : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinSpeed = 0.01, kMaxSpeed = 1000;
    /// Simulated seconds one "step" button press runs (besides stepping one event).
    static constexpr double kTimeStep = 0.1;

    explicit LiveRunController(QObject* parent = nullptr);
    ~LiveRunController() override;

    /// A fresh run of `scenario`, paused at time 0. Replaces any run under way.
    void load(const model::Scenario& scenario);
    bool loaded() const { return run_ != nullptr; }
    /// The run, for views to read (null before load()). Do not advance it directly.
    run::LiveRun* run() const { return run_.get(); }
    const model::Scenario& scenario() const { return scenario_; }

    bool playing() const { return playing_; }
    double speed() const { return speed_; }
    double now() const { return run_ ? run_->now() : 0.0; }
    bool finished() const { return run_ && run_->finished(); }

    /// When play stops by itself: the scenario's captions marked `pause` (sorted).
    const std::vector<double>& stopTimes() const { return stops_; }

    /// The chart rows sampled so far (one per simulated second), with their column names.
    const std::vector<std::string>& columns() const { return columns_; }
    const std::vector<std::vector<double>>& rows() const { return rows_.rows; }

public slots:
    void play();
    void pause();
    void togglePlay();
    /// Runs the next event only.
    void stepEvent();
    /// Runs kTimeStep of simulated time.
    void stepTime();
    /// Runs to `t` at once (tests, `--run-for`).
    void runTo(double t);
    /// Starts the same scenario again from time 0 (paused or playing, as it was).
    void restart();
    void setSpeed(double speed);
    /// Follows the next request any client starts; traceReady() when it has fully ended.
    void traceNextRequest();

signals:
    /// The clock moved (after every tick, step or restart): views repaint.
    void advanced(double now);
    /// A chart row was sampled (its index in rows()).
    void rowAdded(int index);
    /// Play, pause, speed or the loaded run changed.
    void stateChanged();
    /// The run reached its duration.
    void finishedRun();
    /// The request asked for by traceNextRequest() is done: run()->simulation().trace().
    void traceReady();

private:
    struct Rows : run::SampleSink {
        std::vector<std::vector<double>> rows;
        void begin(const std::vector<std::string>&) override {}
        void row(const std::vector<double>& values) override { rows.push_back(values); }
    };
    void tick();
    void afterProgress(std::size_t rowsBefore);

    model::Scenario scenario_;
    Rows rows_;
    std::vector<std::string> columns_;
    std::unique_ptr<run::LiveRun> run_;
    QTimer timer_;
    QElapsedTimer wall_;
    bool playing_ = false;
    bool tracing_ = false;
    double speed_ = 1;
    std::vector<double> stops_;
};

} // namespace sdlab::widgets
