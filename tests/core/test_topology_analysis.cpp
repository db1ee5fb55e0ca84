// Topology analysis: unreachable components, loops, single points of failure (and how
// replicas remove them), and the availability estimate against hand-computed series/parallel
// values, including exact conditioning on a component that two paths share.
#include "analysis/topology_analysis.h"
#include "support/scenario_runs.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

model::Scenario parse(const Json& s) {
    return model::parseScenario(s.dump());
}

QStringList ids(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    out.sort();
    return out;
}

/// users → lb → {s1, s2} → db, with the given availabilities.
Json twoPaths(double lb, double s1, double s2, double db) {
    Json s = test::scenario(10, 0);
    test::addComponent(s, "users", "client", {});
    test::addComponent(s, "lb", "load_balancer", {{"availability", lb}});
    test::addComponent(s, "s1", "service", {{"availability", s1}});
    test::addComponent(s, "s2", "service", {{"availability", s2}});
    test::addComponent(s, "db", "database", {{"availability", db}});
    test::addLink(s, "users", "lb");
    for (const char* sv : {"s1", "s2"}) {
        test::addLink(s, "lb", sv);
        test::addLink(s, sv, "db");
    }
    return s;
}

} // namespace

class TestTopologyAnalysis : public QObject {
    Q_OBJECT
private slots:
    void urlShortenerSinglePointsOfFailure() {
        const auto a = analysis::analyzeTopology(
            model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json"));
        QCOMPARE(ids(a.singlePointsOfFailure), QStringList({"cache", "db", "lb"}));
        QVERIFY(a.unreachable.empty());
        QVERIFY(a.loops.empty());
    }

    // A queue answers its producers once the message is stored: the consumers' availability
    // does not count against the producers', and a consumer is no single point of failure.
    void queueDecouplesProducersFromConsumers() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "api", "service", {{"availability", 0.99}});
        test::addComponent(s, "orders", "message_queue", {{"availability", 0.995}});
        test::addComponent(s, "worker", "service", {{"availability", 0.9}});
        test::addComponent(s, "db", "database", {{"availability", 0.9}});
        test::addLink(s, "users", "api");
        test::addLink(s, "api", "orders");
        test::addLink(s, "orders", "worker");
        test::addLink(s, "worker", "db");
        const auto a = analysis::analyzeTopology(parse(s));
        QCOMPARE(ids(a.singlePointsOfFailure), QStringList({"api", "orders"}));
        QVERIFY(a.unreachable.empty());
        QVERIFY(std::abs(a.availability - 0.99 * 0.995) < 1e-12);
        // The example: only the API (two replicas) and the queue count for the shoppers.
        const auto example = analysis::analyzeTopology(
            model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/async-orders.json"));
        QCOMPARE(ids(example.singlePointsOfFailure), QStringList({"orders"}));
    }

    // A consumer that publishes back to its queue is a loop with a way out: the queue
    // answers without waiting for it.
    void queueLoopHasAWayOut() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "orders", "message_queue", {});
        test::addComponent(s, "worker", "service", {});
        test::addLink(s, "users", "orders");
        test::addLink(s, "orders", "worker");
        test::addLink(s, "worker", "orders");
        QCOMPARE(analysis::analyzeTopology(parse(s)).loops.size(), std::size_t(1));
    }

    void replicasRemoveASinglePointOfFailure() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "api", "service", {});
        test::addLink(s, "users", "api");
        QCOMPARE(ids(analysis::analyzeTopology(parse(s)).singlePointsOfFailure),
                 QStringList({"api"}));
        s["components"][1]["replicas"] = 2;
        QVERIFY(analysis::analyzeTopology(parse(s)).singlePointsOfFailure.empty());
    }

    void seriesAvailabilityMultiplies() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "api", "service", {{"availability", 0.99}, {"replicas", 2}});
        test::addComponent(s, "db", "database", {{"availability", 0.999}});
        test::addLink(s, "users", "api");
        test::addLink(s, "api", "db");
        const auto a = analysis::analyzeTopology(parse(s));
        QVERIFY(std::abs(a.availability - (1 - 0.01 * 0.01) * 0.999) < 1e-12);
        QVERIFY(a.availabilityExact);
    }

    void componentsBelowAJoinAreConditionedToo() {
        // lb → {a1, a2} → cache → db: db has one parent but sits on both paths.
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "lb", "load_balancer", {{"availability", 0.9999}});
        test::addComponent(s, "a1", "service", {{"availability", 0.99}});
        test::addComponent(s, "a2", "service", {{"availability", 0.98}});
        test::addComponent(s, "cache", "cache", {{"availability", 0.995}});
        test::addComponent(s, "db", "database", {{"availability", 0.999}});
        test::addLink(s, "users", "lb");
        test::addLink(s, "lb", "a1");
        test::addLink(s, "lb", "a2");
        test::addLink(s, "a1", "cache");
        test::addLink(s, "a2", "cache");
        test::addLink(s, "cache", "db");
        const auto a = analysis::analyzeTopology(parse(s));
        QVERIFY(std::abs(a.availability - 0.9999 * 0.995 * 0.999 * (1 - 0.01 * 0.02)) < 1e-12);
    }

    void sharedComponentIsConditionedExactly() {
        const auto a = analysis::analyzeTopology(parse(twoPaths(0.9999, 0.99, 0.95, 0.999)));
        // db is on both paths: it must be counted once, not once per path.
        const double exact = 0.9999 * 0.999 * (1 - 0.01 * 0.05);
        const double naive = 0.9999 * (1 - (1 - 0.99 * 0.999) * (1 - 0.95 * 0.999));
        QVERIFY2(
            std::abs(a.availability - exact) < 1e-12,
            qPrintable(QString("%1 vs %2 (naive %3)").arg(a.availability).arg(exact).arg(naive)));
        QCOMPARE(ids(a.singlePointsOfFailure), QStringList({"db", "lb"}));
    }

    void unreachableAndLoops() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "a", "service", {});
        test::addComponent(s, "lonely", "database", {});
        test::addComponent(s, "c", "cache", {});
        test::addLink(s, "users", "a");
        test::addLink(s, "a", "c");
        test::addLink(s, "c", "a"); // a loop with a way out (cache hits)
        const auto a = analysis::analyzeTopology(parse(s));
        QCOMPARE(ids(a.unreachable), QStringList({"lonely"}));
        QCOMPARE(a.loops.size(), std::size_t(1));
        QCOMPARE(a.availability, -1.0);
    }

    void unfinishedDiagramHasNoEstimate() {
        Json s = test::scenario(10, 0);
        test::addComponent(s, "users", "client", {});
        test::addComponent(s, "lb", "load_balancer", {});
        test::addLink(s, "users", "lb"); // a balancer with nowhere to send
        const auto a = analysis::analyzeTopology(parse(s));
        QCOMPARE(ids(a.unservedClients), QStringList({"users"}));
        QCOMPARE(a.availability, -1.0);
        QVERIFY(a.singlePointsOfFailure.empty());
    }

    void downtimeInWords() {
        QCOMPARE(analysis::downtimePerYear(0.999), std::string("8.8 hours"));
        QCOMPARE(analysis::downtimePerYear(0.99999), std::string("5 minutes"));
        QCOMPARE(analysis::downtimePerYear(0.9), std::string("37 days"));
    }
};

QTEST_APPLESS_MAIN(TestTopologyAnalysis)
#include "test_topology_analysis.moc"
