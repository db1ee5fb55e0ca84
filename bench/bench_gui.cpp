// GUI benchmark on the offscreen platform: opens the URL-shortener example in the real main
// window, plays it at a speed that keeps ~2,000 packets on the canvas with the charts dock in
// view, and prints one JSON object per line: frame cadence and UI-thread work per frame
// (median, p99; wall and CPU time), the longest UI-thread stall, packets drawn and resident
// memory sampled through the run (flat once warm = nothing accumulates).
//   bench_gui [SECONDS=60] [SPEED=5] [--no-packets]   (the last: the same without packets)
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "charts/charts_panel.h"
#include "common/resources.h"
#include "document/document.h"
#include "gui/main_window.h"
#include "gui/theme.h"
#include "run/live_run_controller.h"
#include "run/packet_layer.h"
#include "run/run_toolbar.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QMessageBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <malloc.h>
#include <unistd.h>
#include <vector>

using namespace sdlab;

namespace {

double residentMiB() {
    long pages = 0, resident = 0;
    std::ifstream("/proc/self/statm") >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

/// CPU time of the calling thread: unlike wall time, not inflated when a busy machine
/// preempts the UI thread (the figure a quiet machine's wall time approaches).
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// What the UI thread did, as TimedApplication and FrameProbe see it.
struct Timing {
    bool measuring = false;
    double workSincePaint = 0, cpuSincePaint = 0, longestStall = 0;
    std::vector<double> intervals, work, cpu, packets;
} timing;

/// Times every event the UI thread handles (outermost deliveries only: timers, posted
/// events, repaints). The longest is the worst stall — nothing else could run meanwhile —
/// and their sum between two paints of the canvas is that frame's work.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (depth_ > 0) return QApplication::notify(receiver, event);
        ++depth_;
        QElapsedTimer t;
        t.start();
        const double cpuBefore = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        --depth_;
        const double ms = double(t.nsecsElapsed()) / 1e6;
        timing.workSincePaint += ms;
        timing.cpuSincePaint += threadCpuMs() - cpuBefore;
        if (timing.measuring) timing.longestStall = std::max(timing.longestStall, ms);
        return handled;
    }

private:
    int depth_ = 0;
};

/// Marks each paint of the canvas: the interval since the last one, and the work done in it.
class FrameProbe : public QObject {
public:
    FrameProbe(QWidget* viewport, gui::MainWindow& window)
        : window_(window) {
        viewport->installEventFilter(this);
    }
    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() != QEvent::Paint || !timing.measuring) return false;
        if (sincePaint_.isValid()) {
            timing.intervals.push_back(double(sincePaint_.nsecsElapsed()) / 1e6);
            timing.work.push_back(timing.workSincePaint);
            timing.cpu.push_back(timing.cpuSincePaint);
            timing.packets.push_back(window_.packetLayer()->packetCount());
        }
        sincePaint_.start();
        timing.workSincePaint = 0;
        timing.cpuSincePaint = 0;
        return false;
    }

private:
    gui::MainWindow& window_;
    QElapsedTimer sincePaint_;
};

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    const double seconds = argc > 1 ? std::max(1.0, std::atof(argv[1])) : 60;
    const double speed = argc > 2 ? std::atof(argv[2]) : 5;
    const bool packets = !(argc > 3 && std::strcmp(argv[3], "--no-packets") == 0);
    TimedApplication app(argc, argv);
    widgets::initResources();
    gui::applyTheme(gui::Theme::Light);
    const double rssStart = residentMiB();

    gui::MainWindow window;
    window.setAutoAnswer(QMessageBox::Discard); // never wait on a dialog
    QString error;
    if (!window.openFile(SDLAB_EXAMPLES_DIR "/url-shortener.json", true, &error)) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(error));
        return 1;
    }
    // Long enough that the run is still going when the benchmark ends: a finished run would
    // measure an idle canvas.
    widgets::ScenarioSettings settings = window.document()->settings();
    settings.durationS = std::max(settings.durationS, seconds * speed * 1.2 + 10);
    window.document()->setScenarioSettings(settings);
    window.showCanvas();
    window.resize(1600, 1000);
    window.show();
    if (auto* dock = window.findChild<QDockWidget*>("chartsDock")) {
        dock->show();
        dock->raise();
    }
    // Six live charts: the three end-to-end ones and the cache's three.
    window.scene()->selectComponents({QStringLiteral("cache")});
    if (!packets) window.packetLayer()->attach(nullptr);
    FrameProbe probe(window.view()->viewport(), window);
    // Let the window settle (first layout, fit), then measure a playing run.
    QTimer::singleShot(500, &window, [&] {
        window.runToolbar()->ensureCurrent(); // the run is built from the design on first play
        window.liveRun()->setSpeed(speed);
        window.liveRun()->play();
    });
    // Measured once playing has begun (building the run and the first chart layout are
    // one-off costs of pressing Play, not of animating).
    QTimer::singleShot(750, &window, [] { timing.measuring = true; });
    // Resident memory every tenth of the run: flat once warm means nothing accumulates.
    std::vector<double> rss, heap;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        rss.push_back(residentMiB());
        heap.push_back(double(mallinfo2().uordblks) / (1024.0 * 1024.0));
    });
    QTimer::singleShot(750, &sampler, [&] { sampler.start(int(seconds * 100)); });
    QTimer::singleShot(int(750 + seconds * 1000), &app, &QApplication::quit);
    app.exec();
    window.liveRun()->pause();

    const int charts = int(window.chartsPanel()->charts().size());
    std::printf("{\"bench\": \"gui_url_shortener_packets\", \"wall_s\": %.0f, \"speed\": %.2f, "
                "\"simulated_s\": %.1f, \"live_charts\": %d, \"frames\": %zu}\n",
                seconds, speed, window.liveRun()->now(), charts, timing.intervals.size());
    std::printf("{\"bench\": \"gui_frame_work_ms\", \"median\": %.2f, \"p99\": %.2f, "
                "\"target_p99_max\": 16.7}\n",
                percentile(timing.work, 0.5), percentile(timing.work, 0.99));
    std::printf("{\"bench\": \"gui_frame_cpu_ms\", \"median\": %.2f, \"p99\": %.2f}\n",
                percentile(timing.cpu, 0.5), percentile(timing.cpu, 0.99));
    std::printf("{\"bench\": \"gui_frame_interval_ms\", \"median\": %.2f, \"p99\": %.2f}\n",
                percentile(timing.intervals, 0.5), percentile(timing.intervals, 0.99));
    std::printf("{\"bench\": \"gui_longest_stall_ms\", \"ms\": %.2f, \"target_max\": 50}\n",
                timing.longestStall);
    std::printf(
        "{\"bench\": \"gui_packets_drawn\", \"median\": %.0f, \"max\": %.0f, \"cap\": %d}\n",
        percentile(timing.packets, 0.5), percentile(timing.packets, 1.0),
        widgets::PacketLayer::kMaxPackets);
    const double half = rss.empty() ? residentMiB() : rss[rss.size() / 2];
    std::printf("{\"bench\": \"gui_memory\", \"rss_mib_start\": %.1f, \"rss_mib_half\": %.1f, "
                "\"rss_mib_end\": %.1f, \"second_half_growth_mib\": %.1f}\n",
                rssStart, half, residentMiB(), residentMiB() - half);
    std::printf("{\"bench\": \"gui_memory_samples_mib\", \"every_s\": %.1f, \"rss\": [",
                seconds / 10);
    for (std::size_t i = 0; i < rss.size(); ++i)
        std::printf("%s%.1f", i ? ", " : "", rss[i]);
    std::printf("], \"heap_in_use\": [");
    for (std::size_t i = 0; i < heap.size(); ++i)
        std::printf("%s%.1f", i ? ", " : "", heap[i]);
    std::printf("]}\n");
    return 0;
}
