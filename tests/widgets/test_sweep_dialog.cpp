// The what-if sweep in the GUI: it runs the points on worker threads with a progress bar,
// plots p50/p99 and marks the knee (the M/M/1 example takes off near saturation), and a
// cancelled sweep stops without hanging.
#include "model/scenario_json.h"
#include "run/sweep_dialog.h"

#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

using namespace sdlab;

class TestSweepDialog : public QObject {
    Q_OBJECT
private slots:
    void sweepsAndMarksTheKnee() {
        const model::Scenario s = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/single-server.json");
        widgets::SweepDialog dialog(s);
        dialog.show();
        dialog.setRange("clients.rps", 10, 98, 8);
        QSignalSpy finished(&dialog, &widgets::SweepDialog::finished);
        dialog.start();
        QVERIFY(finished.wait(60000));
        const auto& r = dialog.result();
        QCOMPARE(r.points.size(), std::size_t(8));
        QVERIFY(r.knee >= 0);
        const double knee = r.points[std::size_t(r.knee)].value;
        QVERIFY2(knee >= 60 && knee <= 95, qPrintable(QString::number(knee)));
        QCOMPARE(dialog.latencyPlot()->graphCount(), 2);
        QCOMPARE(dialog.findChild<QProgressBar*>()->value(), 8);
    }

    void cancelStops() {
        const model::Scenario s = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
        widgets::SweepDialog dialog(s);
        dialog.setRange("users.rps", 100, 20000, 40);
        QSignalSpy finished(&dialog, &widgets::SweepDialog::finished);
        dialog.start();
        dialog.cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(dialog.result().points.size() < 40);
    }
};

QTEST_MAIN(TestSweepDialog)
#include "test_sweep_dialog.moc"
