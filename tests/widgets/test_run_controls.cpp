// The main window's run controls and charts, driven like a user would: the toolbar's buttons
// move the clock as they say, the traffic slider reaches the core's clients, and what the
// charts show (and export) is exactly what the core computed.
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "charts/charts_panel.h"
#include "charts/time_chart.h"
#include "common/resources.h"
#include "components/client.h"
#include "document/document.h"
#include "gui/main_window.h"
#include "model/scenario_json.h"
#include "run/file_output.h"
#include "run/live_run.h"
#include "run/live_run_controller.h"
#include "run/packet_layer.h"
#include "run/run_toolbar.h"
#include "support/series_rows.h"

#include <qcustomplot.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <numeric>

using namespace sdlab;

namespace {

QString example(const char* name) {
    return QStringLiteral(SDLAB_EXAMPLES_DIR "/") + name;
}

/// Opens an example quietly (no dialogs) in `w`.
bool open(gui::MainWindow& w, const char* name) {
    w.setAutoAnswer(QMessageBox::Discard);
    return w.openFile(example(name), true);
}

std::size_t column(const std::vector<std::string>& columns, const std::string& name) {
    return std::size_t(std::find(columns.begin(), columns.end(), name) - columns.begin());
}

QStringList readLines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

std::vector<components::Client*> clients(run::LiveRun& run) {
    std::vector<components::Client*> out;
    auto& sim = run.simulation();
    for (std::size_t i = 0; i < sim.componentCount(); ++i)
        if (auto* c = dynamic_cast<components::Client*>(&sim.component(sim::Index(i))))
            out.push_back(c);
    return out;
}

} // namespace

class TestRunControls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { widgets::initResources(); }

    void stepAndPlayPauseDriveTheClock() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        auto* bar = w.runToolbar();
        bar->stepTimeAction()->trigger();
        QVERIFY(w.liveRun()->loaded()); // the first step builds the run from the design
        QCOMPARE(w.liveRun()->now(), 0.1);
        bar->stepTimeAction()->trigger();
        QVERIFY(qFuzzyCompare(w.liveRun()->now(), 0.2));
        QCOMPARE(bar->clockLabel()->text().left(7), QStringLiteral("00:00.2"));

        bar->playAction()->trigger();
        QVERIFY(w.liveRun()->playing());
        QTRY_VERIFY(w.liveRun()->now() > 0.3);
        bar->playAction()->trigger();
        QVERIFY(!w.liveRun()->playing());
        const double paused = w.liveRun()->now();
        QTest::qWait(150);
        QCOMPARE(w.liveRun()->now(), paused);

        bar->restartAction()->trigger();
        QCOMPARE(w.liveRun()->now(), 0.0);
    }

    // Space plays and pauses, also on the canvas (where Space+drag pans); "." steps 100 ms.
    void keyboardShortcuts() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.view()->setFocus();
        QTest::keyClick(w.view(), Qt::Key_Period);
        QCOMPARE(w.liveRun()->now(), 0.1);
        QTest::keyClick(w.view(), Qt::Key_Space);
        QVERIFY(w.liveRun()->playing());
        QTest::keyClick(w.view(), Qt::Key_Space);
        QVERIFY(!w.liveRun()->playing());
    }

    void speedSliderIsLogarithmic() {
        using widgets::RunToolbar;
        QCOMPARE(RunToolbar::speedForSlider(RunToolbar::sliderForSpeed(0.01)), 0.01);
        QCOMPARE(RunToolbar::speedForSlider(RunToolbar::sliderForSpeed(1000)), 1000.0);
        QCOMPARE(RunToolbar::speedText(0.01), QStringLiteral("0.01×"));
        QCOMPARE(RunToolbar::speedText(1), QStringLiteral("1×"));
        QCOMPARE(RunToolbar::speedText(2.5), QStringLiteral("2.5×"));
        QCOMPARE(RunToolbar::speedText(1000), QStringLiteral("1000×"));
        QCOMPARE(RunToolbar::clockText(75.34), QStringLiteral("01:15.3"));
        gui::MainWindow w;
        w.runToolbar()->speedSlider()->setValue(RunToolbar::sliderForSpeed(10));
        QCOMPARE(w.liveRun()->speed(), 10.0);
    }

    void trafficSliderScalesTheClientsInTheCore() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        w.runFor(1);
        w.runToolbar()->trafficSlider()->setValue(250);
        auto found = clients(*w.liveRun()->run());
        QVERIFY(!found.empty());
        for (auto* c : found)
            QCOMPARE(c->rateFactor(), 2.5);
        // A restart builds fresh clients: they get the slider's factor too.
        w.runToolbar()->restartAction()->trigger();
        for (auto* c : clients(*w.liveRun()->run()))
            QCOMPARE(c->rateFactor(), 2.5);
    }

    void chartsShowTheCoreRows() {
        gui::MainWindow w;
        QVERIFY(open(w, "outage-drill.json"));
        w.runFor(20);
        const auto& rows = w.liveRun()->rows();
        const auto& cols = w.liveRun()->columns();
        QCOMPARE(rows.size(), std::size_t(20));
        auto* throughput = w.chartsPanel()->chartFor("throughput_rps");
        QVERIFY(throughput);
        const double core = rows.back()[column(cols, "throughput_rps")];
        QCOMPARE(throughput->lastValue("throughput_rps"), core);
        auto* graph = throughput->plot()->graph(0);
        QCOMPARE(graph->dataCount(), 20);
        QCOMPARE(graph->data()->at(19)->value, core);
        QVERIFY(w.chartsPanel()->chartFor("latency_p50_ms"));
        QVERIFY(w.chartsPanel()->chartFor("errors.timeout"));
    }

    // At 1000× rows arrive far faster than a screen can show: charts still repaint at most
    // ~10 times a second and the event loop keeps turning.
    void fastRunsDoNotStallTheUi() {
        gui::MainWindow w;
        QVERIFY(open(w, "outage-drill.json"));
        auto settings = w.document()->settings();
        settings.durationS = 100000; // it must not end during the measurement
        QVERIFY(w.document()->setScenarioSettings(settings));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.runToolbar()->speedSlider()->setValue(widgets::RunToolbar::sliderForSpeed(1000));
        w.runToolbar()->playAction()->trigger();
        QTRY_VERIFY(!w.chartsPanel()->charts().empty());
        auto* chart = w.chartsPanel()->charts().front();
        int replots = 0;
        connect(chart->plot(), &QCustomPlot::afterReplot, this, [&] { ++replots; });
        QElapsedTimer wall, sinceLast;
        wall.start();
        sinceLast.start();
        qint64 worstGapMs = 0;
        QTimer probe; // how late the event loop gets to a 5 ms timer
        connect(&probe, &QTimer::timeout, this,
                [&] { worstGapMs = std::max(worstGapMs, sinceLast.restart()); });
        probe.start(5);
        QTest::qWait(1500);
        w.liveRun()->pause();
        const double seconds = wall.elapsed() / 1000.0;
        qInfo("1000x for %.2f s: simulated to %.1f s, %d rows, %d replots of a chart, worst "
              "event-loop gap %lld ms",
              seconds, w.liveRun()->now(), int(w.liveRun()->rows().size()), replots, worstGapMs);
        QVERIFY(replots <= 12 * seconds + 2);
        QVERIFY(worstGapMs < 250);
    }

    void selectionBringsItsCharts() {
        gui::MainWindow w;
        QVERIFY(open(w, "outage-drill.json"));
        w.runFor(5);
        const auto& cols = w.liveRun()->columns();
        std::string id; // the first component with a utilisation column
        for (const auto& c : cols)
            if (c.size() > 12 && c.compare(c.size() - 12, 12, ".utilization") == 0) {
                id = c.substr(0, c.size() - 12);
                break;
            }
        QVERIFY(!id.empty());
        w.chartsPanel()->showSelection(QString::fromStdString(id), "x");
        auto* util = w.chartsPanel()->chartFor(id + ".utilization");
        QVERIFY(util);
        util->setPinned(true);
        w.chartsPanel()->showSelection({}, {});
        QCOMPARE(w.chartsPanel()->chartFor(id + ".utilization"), util); // pinned: it stays
    }

    void linkChartsAndRollingWindow() {
        gui::MainWindow w;
        QVERIFY(open(w, "outage-drill.json"));
        w.runFor(100);
        w.chartsPanel()->showSelection("api-a->payments", "api-a → payments");
        auto* breaker = w.chartsPanel()->chartFor("api-a->payments.breaker_state");
        QVERIFY(breaker);
        const auto& cols = w.liveRun()->columns();
        QCOMPARE(breaker->lastValue("api-a->payments.breaker_state"),
                 w.liveRun()->rows().back()[column(cols, "api-a->payments.breaker_state")]);
        // Rolling: the last 60 s; whole run: from 0.
        w.chartsPanel()->setRollingWindow(true);
        w.chartsPanel()->replotNow();
        QCOMPARE(breaker->plot()->xAxis->range().lower, 40.0);
        QCOMPARE(breaker->plot()->xAxis->range().upper, 100.0);
        w.chartsPanel()->setRollingWindow(false);
        w.chartsPanel()->replotNow();
        QCOMPARE(breaker->plot()->xAxis->range().lower, 0.0);
    }

    void csvExportIsTheCoreTimeSeries() {
        gui::MainWindow w;
        QVERIFY(open(w, "outage-drill.json"));
        w.runFor(12);
        QTemporaryDir dir;
        auto* latency = w.chartsPanel()->chartFor("latency_p50_ms");
        QVERIFY(latency->exportCsv(dir.filePath("chart.csv")));
        QVERIFY(latency->exportImage(dir.filePath("chart.png")));
        QVERIFY(latency->exportImage(dir.filePath("chart.pdf")));
        QVERIFY(QFileInfo(dir.filePath("chart.pdf")).size() > 0);

        // The headless run's timeseries.csv, cut to the chart's columns.
        {
            run::CsvFileSink sink(dir.filePath("timeseries.csv").toStdString());
            run::LiveRun headless(
                model::loadScenarioFile(example("outage-drill.json").toStdString()), &sink);
            headless.advanceTo(12);
            sink.commit();
        }
        const QStringList core = readLines(dir.filePath("timeseries.csv"));
        const QStringList header = core.front().split(',');
        QList<int> picked;
        for (const auto& name :
             QStringList{"time_s", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms"})
            picked << header.indexOf(name);
        QStringList expected;
        for (const auto& line : core) {
            const QStringList cells = line.split(',');
            QStringList kept;
            for (int i : picked)
                kept << cells[i];
            expected << kept.join(',');
        }
        QCOMPARE(readLines(dir.filePath("chart.csv")), expected);
    }

    // Run, keep it as the baseline, change the design (a cache 100× smaller), run again: each
    // chart draws both runs — this one's lines and the baseline's, dashed — equal to the two
    // designs' core time series; the CSV has both; "Clear Baseline" takes it away.
    void baselineComparesTwoRuns() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        const model::Scenario before = w.document()->scenario();
        auto* panel = w.chartsPanel();
        QVERIFY(!panel->keepBaselineButton()->isEnabled()); // no run yet
        w.runFor(20);
        QVERIFY(panel->keepBaselineButton()->isEnabled());
        QVERIFY(!panel->clearBaselineButton()->isEnabled());
        QTest::mouseClick(panel->keepBaselineButton(), Qt::LeftButton);
        QVERIFY(panel->hasBaseline());
        QVERIFY(panel->clearBaselineButton()->isEnabled());

        QVERIFY(w.document()->setComponentParam({"cache"}, "capacity", 100));
        w.runFor(20); // the changed design, from 0
        QCOMPARE(w.liveRun()->rows().size(), std::size_t(20));

        // Both designs' core time series, run headless.
        const auto coreRows = [](const model::Scenario& s) {
            test::Rows rows;
            run::LiveRun headless(s, &rows);
            headless.advanceTo(20);
            return rows;
        };
        const test::Rows first = coreRows(before), second = coreRows(w.document()->scenario());
        auto* latency = panel->chartFor("latency_p50_ms");
        QVERIFY(latency && latency->hasBaseline());
        QCOMPARE(latency->plot()->graphCount(), 6); // p50, p95, p99 and their baselines
        double p99Before = 0, p99After = 0;
        for (int series = 0; series < 3; ++series) { // p50, p95, p99
            const std::string column = latency->spec().series[std::size_t(series)].column;
            const auto* now = latency->plot()->graph(series)->data().data();
            const auto* kept = latency->baselineGraph(column)->data().data();
            QCOMPARE(kept->size(), 20);
            QCOMPARE(now->size(), 20);
            QCOMPARE(latency->baselineGraph(column)->name(),
                     latency->spec().series[std::size_t(series)].label + " (baseline)");
            for (int i = 0; i < 20; ++i) {
                QCOMPARE(kept->at(i)->key, first.rows[std::size_t(i)][0]);
                QCOMPARE(kept->at(i)->value, first.at(std::size_t(i), column));
                QCOMPARE(now->at(i)->value, second.at(std::size_t(i), column));
            }
            p99Before = first.at(19, column);
            p99After = second.at(19, column);
        }
        QVERIFY(p99After > p99Before); // the smaller cache shows: the two lines differ
        // The one-line throughput chart now has a legend: the line and its baseline.
        auto* throughput = panel->chartFor("throughput_rps");
        QVERIFY(throughput->plot()->legend->visible());
        QCOMPARE(throughput->plot()->legend->itemCount(), 2);
        for (auto* chart : panel->charts())
            QVERIFY2(chart->hasBaseline(), qPrintable(chart->spec().title));

        // CSV: this run's columns, then the baseline's, by time.
        QTemporaryDir dir;
        QVERIFY(latency->exportCsv(dir.filePath("both.csv")));
        const QStringList lines = readLines(dir.filePath("both.csv"));
        QCOMPARE(lines.size(), 21);
        QCOMPARE(lines.front(), QString("time_s,latency_p50_ms,latency_p95_ms,latency_p99_ms,"
                                        "latency_p50_ms_baseline,latency_p95_ms_baseline,"
                                        "latency_p99_ms_baseline"));
        const QStringList cells = lines[10].split(','); // t = 10 s
        QCOMPARE(cells[0], QString("10"));
        QCOMPARE(cells[3], QString::fromStdString(run::csvValue(second.at(9, "latency_p99_ms"))));
        QCOMPARE(cells[6], QString::fromStdString(run::csvValue(first.at(9, "latency_p99_ms"))));

        QTest::mouseClick(panel->clearBaselineButton(), Qt::LeftButton);
        QVERIFY(!panel->hasBaseline());
        QVERIFY(!latency->hasBaseline());
        QCOMPARE(latency->plot()->graphCount(), 3);
        QVERIFY(!throughput->plot()->legend->visible());
        QVERIFY(latency->exportCsv(dir.filePath("one.csv")));
        QCOMPARE(readLines(dir.filePath("one.csv")).front(),
                 QString("time_s,latency_p50_ms,latency_p95_ms,latency_p99_ms"));
    }

    void anEditWhilePlayingRestartsWithTheNewDesign() {
        gui::MainWindow w;
        QVERIFY(open(w, "single-server.json"));
        w.runToolbar()->playAction()->trigger();
        QTRY_VERIFY(w.liveRun()->now() > 0.2);
        QSignalSpy told(w.runToolbar(), &widgets::RunToolbar::statusMessage);
        // Moving a card changes the layout, not the run: it plays on.
        w.document()->moveComponents({{"server", QPointF(500, 300)}});
        QCOMPARE(told.count(), 0);
        QVERIFY(w.liveRun()->now() > 0.2);
        auto settings = w.document()->settings();
        settings.seed = 77;
        QVERIFY(w.document()->setScenarioSettings(settings));
        QTRY_COMPARE(told.count(), 1); // once the edit is whole (queued)
        QVERIFY(w.liveRun()->playing());
        QCOMPARE(w.liveRun()->scenario().seed, std::uint64_t(77));
        QVERIFY(w.liveRun()->now() < 0.2); // started again
        // Opening another file stops the run; Play then runs the file just opened.
        QVERIFY(open(w, "url-shortener.json"));
        QVERIFY(!w.liveRun()->playing());
        QCOMPARE(told.count(), 1);
        w.runToolbar()->playAction()->trigger();
        QCOMPARE(w.liveRun()->scenario().name, w.document()->scenario().name);
        w.liveRun()->pause();
    }

    // A paused run of a design that has since changed would draw traffic on links that are
    // gone: it restarts at once with the design as it is.
    void anEditWhilePausedRestartsTheRun() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        w.runFor(5);
        QVERIFY(w.liveRun()->now() > 4.9);
        const auto& first = w.document()->scenario().links.front();
        const widgets::LinkKey gone{QString::fromStdString(first.from),
                                    QString::fromStdString(first.to)};
        QVERIFY(w.packetLayer()->rateLabel(gone.from, gone.to).size() > 0);
        w.document()->removeItems({}, {gone});
        QTRY_COMPARE(w.liveRun()->now(), 0.0);
        QVERIFY(!w.liveRun()->playing());
        QCOMPARE(w.liveRun()->scenario().links.size(), w.document()->scenario().links.size());
        const auto left = w.packetLayer()->packetsOn(gone.from, gone.to);
        QCOMPARE(std::accumulate(left.begin(), left.end(), 0), 0);
        QVERIFY(w.packetLayer()->rateLabel(gone.from, gone.to).isEmpty());
    }

    // A rename is several changes in one undo step; the run is rebuilt once the design is
    // whole again (built in between, it joined links to a component no longer there).
    void renamingWhilePlayingRestartsWithTheNewName() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        w.runToolbar()->playAction()->trigger();
        QTRY_VERIFY(w.liveRun()->now() > 0.2);
        QVERIFY(w.document()->renameComponent("cache", "redis"));
        QTRY_VERIFY(w.liveRun()->scenario().indexOf("redis") >= 0);
        QVERIFY(w.liveRun()->playing());
        QTRY_VERIFY(w.liveRun()->now() > 0.2);
        w.liveRun()->pause();
    }

    // The wheel over a chart scrolls the charts panel (the plot itself does not zoom).
    void wheelOverAChartScrollsThePanel() {
        gui::MainWindow w;
        QVERIFY(open(w, "url-shortener.json"));
        w.resize(1400, 800);
        w.show();
        w.scene()->selectComponents({QStringLiteral("cache")});
        w.runFor(5);
        QApplication::processEvents();
        auto* scroll = w.chartsPanel()->findChild<QScrollArea*>();
        QVERIFY(scroll && scroll->verticalScrollBar()->maximum() > 0); // more charts than room
        const int before = scroll->verticalScrollBar()->value();
        QWidget* plot = w.chartsPanel()->charts().front()->plot();
        const QPointF at(plot->width() / 2.0, plot->height() / 2.0);
        QWheelEvent wheel(at, plot->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot, &wheel);
        QVERIFY(scroll->verticalScrollBar()->value() > before);
    }

    // The old run's clock, rows and charts go the moment another file opens.
    void openingAnotherFileClearsTheOldRun() {
        gui::MainWindow w;
        QVERIFY(open(w, "outage-drill.json"));
        w.runFor(12);
        QCOMPARE(w.chartsPanel()->chartFor("throughput_rps")->plot()->graph(0)->dataCount(), 12);
        QVERIFY(open(w, "single-server.json"));
        QVERIFY(!w.liveRun()->playing());
        QCOMPARE(w.liveRun()->now(), 0.0);
        QVERIFY(w.liveRun()->rows().empty());
        QCOMPARE(w.liveRun()->scenario().name, w.document()->scenario().name);
        const QString duration = QStringLiteral("%1").arg(
            int(w.document()->scenario().durationS) / 60, 2, 10, QChar('0'));
        QVERIFY2(w.runToolbar()->clockLabel()->text().startsWith(
                     QStringLiteral("00:00.0 / %1:").arg(duration)),
                 qPrintable(w.runToolbar()->clockLabel()->text()));
        for (auto* chart : w.chartsPanel()->charts())
            for (int g = 0; g < chart->plot()->graphCount(); ++g)
                QCOMPARE(chart->plot()->graph(g)->dataCount(), 0);
    }
};

QTEST_MAIN(TestRunControls)
#include "test_run_controls.moc"
