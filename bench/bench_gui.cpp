// GUI benchmark on the offscreen platform: opens the URL-shortener example in the real main
// window, plays it at a speed that keeps ~2,000 packets on the canvas with the charts dock in
// view, and prints one JSON object per line: frame cadence and UI-thread work per frame
// (median, p99), the longest UI-thread stall, packets drawn and resident memory.
//   bench_gui [SECONDS=60] [SPEED=5]
#include "canvas/canvas_view.h"
#include "charts/charts_panel.h"
#include "common/resources.h"
#include "gui/main_window.h"
#include "gui/theme.h"
#include "run/live_run_controller.h"
#include "run/packet_layer.h"
#include "run/run_toolbar.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEvent>
#include <QMessageBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
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

/// Times the UI thread: busy spans (woken → about to block again, the longest is the worst
/// stall), the busy time between two paints of the canvas, and the interval between paints.
class FrameProbe : public QObject {
public:
    FrameProbe(QWidget* viewport, gui::MainWindow& window)
        : window_(window) {
        viewport->installEventFilter(this);
        auto* d = QAbstractEventDispatcher::instance();
        connect(d, &QAbstractEventDispatcher::awake, this, [this] {
            if (!busy_.isValid()) busy_.start();
        });
        connect(d, &QAbstractEventDispatcher::aboutToBlock, this, [this] {
            if (!busy_.isValid()) return;
            const double ms = double(busy_.nsecsElapsed()) / 1e6;
            busy_.invalidate();
            workSincePaint_ += ms;
            if (measuring_) longestStall_ = std::max(longestStall_, ms);
        });
    }
    void start() {
        measuring_ = true;
        sincePaint_.invalidate();
    }
    std::vector<double> intervals, work, packets;
    double longestStall_ = 0;

    bool eventFilter(QObject*, QEvent* e) override {
        if (e->type() != QEvent::Paint || !measuring_) return false;
        if (sincePaint_.isValid()) {
            intervals.push_back(double(sincePaint_.nsecsElapsed()) / 1e6);
            work.push_back(workSincePaint_);
            packets.push_back(window_.packetLayer()->packetCount());
        }
        sincePaint_.start();
        workSincePaint_ = 0;
        return false;
    }

private:
    gui::MainWindow& window_;
    QElapsedTimer busy_, sincePaint_;
    double workSincePaint_ = 0;
    bool measuring_ = false;
};

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's own Unix event loop, not GLib's: it reports each wake-up and each return to
    // waiting (awake, aboutToBlock), which is how the UI thread's busy time is measured.
    qputenv("QT_NO_GLIB", "1");
    const double seconds = argc > 1 ? std::max(1.0, std::atof(argv[1])) : 60;
    const double speed = argc > 2 ? std::atof(argv[2]) : 5;
    QApplication app(argc, argv);
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
    window.showCanvas();
    window.resize(1600, 1000);
    window.show();
    if (auto* dock = window.findChild<QDockWidget*>("chartsDock")) {
        dock->show();
        dock->raise();
    }
    FrameProbe probe(window.view()->viewport(), window);
    // Let the window settle (first layout, fit), then measure a playing run.
    QTimer::singleShot(500, &window, [&] {
        window.runToolbar()->ensureCurrent(); // the run is built from the design on first play
        window.liveRun()->setSpeed(speed);
        window.liveRun()->play();
        probe.start();
    });
    QTimer::singleShot(int(500 + seconds * 1000), &app, &QApplication::quit);
    app.exec();
    window.liveRun()->pause();

    const int charts = int(window.chartsPanel()->charts().size());
    std::printf("{\"bench\": \"gui_url_shortener_packets\", \"wall_s\": %.0f, \"speed\": %.2f, "
                "\"simulated_s\": %.1f, \"live_charts\": %d, \"frames\": %zu}\n",
                seconds, speed, window.liveRun()->now(), charts, probe.intervals.size());
    std::printf("{\"bench\": \"gui_frame_work_ms\", \"median\": %.2f, \"p99\": %.2f, "
                "\"target_p99_max\": 16.7}\n",
                percentile(probe.work, 0.5), percentile(probe.work, 0.99));
    std::printf("{\"bench\": \"gui_frame_interval_ms\", \"median\": %.2f, \"p99\": %.2f}\n",
                percentile(probe.intervals, 0.5), percentile(probe.intervals, 0.99));
    std::printf("{\"bench\": \"gui_longest_stall_ms\", \"ms\": %.2f, \"target_max\": 50}\n",
                probe.longestStall_);
    std::printf(
        "{\"bench\": \"gui_packets_drawn\", \"median\": %.0f, \"max\": %.0f, \"cap\": %d}\n",
        percentile(probe.packets, 0.5), percentile(probe.packets, 1.0),
        widgets::PacketLayer::kMaxPackets);
    std::printf("{\"bench\": \"gui_memory\", \"rss_mib_start\": %.1f, \"rss_mib_end\": %.1f}\n",
                rssStart, residentMiB());
    return 0;
}
