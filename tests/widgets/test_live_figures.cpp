// The mechanisms a lesson talks about, read live: a balancer's requests in flight per target
// (they add up to what it has outstanding) and its round-robin pointer, a breaker's window,
// a rate limiter's headroom.
#include "components/load_balancer.h"
#include "model/scenario_json.h"
#include "policies/rate_limiter.h"
#include "run/live_figures.h"
#include "run/live_run.h"

#include <QTest>

using namespace sdlab;

class TestLiveFigures : public QObject {
    Q_OBJECT
private slots:
    void balancerStateIsShown() {
        const model::Scenario s = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
        run::LiveRun live(s);
        live.advanceTo(5.0005);
        widgets::LiveFigures figures;
        const auto& f = figures.read(s, live.simulation());
        const auto lb = std::size_t(s.indexOf("lb"));
        const auto* balancer = dynamic_cast<const components::LoadBalancer&>(
                                   live.simulation().component(sim::Index(lb)))
                                   .balancer();
        QVERIFY(balancer);
        const QStringList& lines = f[lb].mechanism;
        QCOMPARE(lines.size(), int(balancer->size())); // least connections: no pointer line
        long inFlight = 0;
        for (std::size_t t = 0; t < balancer->size(); ++t) {
            inFlight += balancer->outstanding(t);
            QVERIFY(
                lines[int(t)].contains(QString::number(balancer->outstanding(t)) + " in flight"));
        }
        QVERIFY(inFlight > 0);
    }

    void limiterHeadroomFollowsTheBucket() {
        policies::TokenBucket bucket(10, 5);
        QCOMPARE(bucket.headroom(0), 10.0);
        for (int i = 0; i < 8; ++i)
            QVERIFY(bucket.admit(0));
        QCOMPARE(bucket.headroom(0), 2.0);
        QCOMPARE(bucket.headroom(1), 7.0);   // 2 + 5 a second
        QCOMPARE(bucket.headroom(10), 10.0); // never above the capacity
        policies::SlidingWindowLog window(3, 1.0);
        QVERIFY(window.admit(0.1) && window.admit(0.2));
        QCOMPARE(window.headroom(0.5), 1.0);
        QCOMPARE(window.headroom(1.15), 2.0); // the first admission has left the window
    }
};

QTEST_MAIN(TestLiveFigures)
#include "test_live_figures.moc"
