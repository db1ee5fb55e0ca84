// Replication groups: failover RTO = detection + promotion and RPO = the writes the dead
// primary never shipped (exact, with evenly spaced writes), sync replication losing nothing
// at the price of a round trip, stale reads against the Poisson prediction, and CAP: a CP
// group refusing the cut-off side while an AP group serves it and reconciles after the heal.
#include "analysis/topology_analysis.h"
#include "components/build_simulation.h"
#include "model/scenario_error.h"
#include "run/run_recorder.h"
#include "support/scenario_runs.h"

#include <QTest>
#include <cmath>

using namespace sdlab;
using test::Json;

namespace {

/// Writers at `rps` evenly spaced (1 ms of database work each) → db-a (primary) replicating
/// to db-b with a fixed `lagMs`; the primary crashes at `crashAt` and stays down.
Json primaryWithStandby(const std::string& replication, double lagMs, double crashAt) {
    Json s = test::scenario(60, 0);
    test::addComponent(s, "writers", "client",
                       {{"rps", 100}, {"arrival", "constant"}, {"read_ratio", 0.0}});
    const Json db = {{"connections", 50},
                     {"write_time", test::deterministicMs(1)},
                     {"read_time", test::deterministicMs(1)},
                     {"replication", replication},
                     {"failover_detection_s", 3},
                     {"promotion_s", 2}};
    Json primary = db, replica = db;
    replica["role"] = "replica";
    test::addComponent(s, "db-a", "database", primary);
    test::addComponent(s, "db-b", "database", replica);
    test::addLink(s, "writers", "db-a");
    test::addLink(s, "db-a", "db-b", {{"latency_ms", lagMs}});
    s["faults"] = Json::array({{{"kind", "crash"}, {"target", "db-a"}, {"at_s", crashAt}}});
    return s;
}

/// Three zones, each with users (100 reads and 100 writes a second over `keys` keys) → api →
/// its own database member; the members replicate to each other (db-a is the primary, or all
/// are). A partition cuts zone a off from 20 s to 40 s, unless `partition` is false.
Json threeZoneStore(const std::string& cap, bool multiPrimary,
                    const std::string& replication = "async", int keys = 50,
                    bool partition = true) {
    Json s = test::scenario(60, 0);
    s["zones"] = Json::array();
    for (const std::string z : {"a", "b", "c"}) {
        s["zones"].push_back({{"id", z}});
        Json users = {{"rps", 200}, {"read_ratio", 0.5}, {"keys", keys}, {"zone", z}};
        test::addComponent(s, "users-" + z, "client", users);
        test::addComponent(
            s, "api-" + z, "service",
            {{"workers", 64}, {"service_time", test::deterministicMs(1)}, {"zone", z}});
        test::addComponent(s, "db-" + z, "database",
                           {{"connections", 64},
                            {"read_time", test::deterministicMs(1)},
                            {"write_time", test::deterministicMs(2)},
                            {"cap", cap},
                            {"replication", replication},
                            {"role", multiPrimary || z == "a" ? "primary" : "replica"},
                            {"failover_detection_s", 2},
                            {"promotion_s", 1},
                            {"zone", z}});
        test::addLink(s, "users-" + z, "api-" + z, {{"latency_ms", 1}});
        test::addLink(s, "api-" + z, "db-" + z, {{"latency_ms", 0.5}});
    }
    test::addLink(s, "db-a", "db-b", {{"latency_ms", 20}});
    test::addLink(s, "db-b", "db-c", {{"latency_ms", 20}});
    test::addLink(s, "db-a", "db-c", {{"latency_ms", 20}});
    s["faults"] = Json::array(
        {{{"kind", "partition"},
          {"target", Json::array({"users-a", "api-a", "db-a"})},
          {"peer", Json::array({"users-b", "api-b", "db-b", "users-c", "api-c", "db-c"})},
          {"at_s", 20},
          {"duration_s", 20}}});
    if (!partition) s["faults"] = Json::array();
    return s;
}

double failedBy(const Json& r, const char* cause) {
    return r["end_to_end"]["errors_by_cause"][cause].get<double>();
}

} // namespace

class TestReplication : public QObject {
    Q_OBJECT
private slots:
    void asyncFailoverReportsRtoAndRpo() {
        // Writes every 10 ms, applied 1 ms after they are sent, shipped 50 ms later. The
        // crash at 20.0055 s strands those applied in (19.9555, 20.0055]: 19.961 … 20.001.
        const Json r = test::run(primaryWithStandby("async", 50, 20.0055));
        const auto& groups = r["replication_groups"];
        QCOMPARE(groups.size(), std::size_t(1));
        const auto& f = groups[0]["failovers"];
        QCOMPARE(f.size(), std::size_t(1));
        QCOMPARE(f[0]["old_primary"].get<std::string>(), std::string("db-a"));
        QCOMPARE(f[0]["new_primary"].get<std::string>(), std::string("db-b"));
        QVERIFY(std::abs(f[0]["detected_at_s"].get<double>() - 23.0055) < 1e-9);
        QVERIFY(std::abs(f[0]["rto_s"].get<double>() - 5.0) < 1e-6); // detection + promotion
        QCOMPARE(f[0]["rpo_writes"].get<int>(), 5);
        QVERIFY(std::abs(f[0]["rpo_s"].get<double>() - (20.0055 - 19.961)) < 1e-6);
        QCOMPARE(groups[0]["lost_writes"].get<int>(), 5);
        QVERIFY(groups[0]["primaries"] == Json::array({"db-b"}));
        // Until the promotion every write fails (the endpoint has no primary); after it, none.
        const double crashed = failedBy(r, "crashed");
        QVERIFY2(std::abs(crashed - 500) <= 1, qPrintable(QString::number(crashed)));
        QCOMPARE(r["end_to_end"]["failed"].get<double>(), crashed);
        QVERIFY(r["components"]["db-b"]["completed"].get<double>() >= 100 * (60 - 25.01));
    }

    void syncReplicationLosesNothingButWaitsARoundTrip() {
        const Json r = test::run(primaryWithStandby("sync", 50, 20.0055));
        const auto& f = r["replication_groups"][0]["failovers"];
        QCOMPARE(f.size(), std::size_t(1));
        QCOMPARE(f[0]["rpo_writes"].get<int>(), 0);
        QCOMPARE(f[0]["rpo_s"].get<double>(), 0.0);
        // Before the crash each write took 1 ms of work plus 50 ms there and 50 ms back; the
        // writes waiting on the crashed primary failed with it.
        Json before = primaryWithStandby("sync", 50, 1e6);
        const Json steady = test::run(before);
        QVERIFY(std::abs(steady["end_to_end"]["latency_ms"]["p50"].get<double>() - 101) < 0.5);
        QVERIFY(std::abs(steady["end_to_end"]["latency_ms"]["max"].get<double>() - 101) < 0.5);
    }

    void semiSyncWaitsForTheFastestReplica() {
        Json s = primaryWithStandby("semi_sync", 50, 1e6);
        Json third = s["components"][2];
        third["id"] = "db-c";
        s["components"].push_back(third);
        test::addLink(s, "db-a", "db-c", {{"latency_ms", 20}});
        const Json r = test::run(s);
        QVERIFY(std::abs(r["end_to_end"]["latency_ms"]["max"].get<double>() - 41) < 0.5);
    }

    void restartedPrimaryRejoinsAsReplica() {
        Json s = primaryWithStandby("async", 50, 20.0055);
        s["faults"][0]["duration_s"] = 15;
        const Json r = test::run(s);
        const auto& g = r["replication_groups"][0];
        QCOMPARE(g["failovers"].size(), std::size_t(1));
        QVERIFY(g["primaries"] == Json::array({"db-b"}));
        QCOMPARE(r["components"]["db-a"]["replication"]["role"].get<std::string>(),
                 std::string("replica"));
        // A restart before detection ends the incident: no failover at all.
        s["faults"][0]["duration_s"] = 2;
        const Json quick = test::run(s);
        QCOMPARE(quick["replication_groups"][0]["failovers"].size(), std::size_t(0));
        QVERIFY(quick["replication_groups"][0]["primaries"] == Json::array({"db-a"}));
    }

    void staleReadsMatchThePoissonPrediction() {
        // Poisson writes at w/s over K keys land on the replica L later; a read of a key is
        // stale when that key had an acknowledged write in the last L: P = 1 − e^(−wL/K).
        const double w = 1000, lag = 0.1, keys = 100;
        Json s = test::scenario(120, 10);
        test::addComponent(s, "writers", "client",
                           {{"rps", w}, {"read_ratio", 0.0}, {"keys", keys}});
        test::addComponent(s, "readers", "client",
                           {{"rps", 500}, {"read_ratio", 1.0}, {"keys", keys}});
        const Json db = {{"connections", 1000},
                         {"write_time", test::deterministicMs(0.1)},
                         {"read_time", test::deterministicMs(0.1)}};
        Json replica = db;
        replica["role"] = "replica";
        test::addComponent(s, "primary", "database", db);
        test::addComponent(s, "replica", "database", replica);
        test::addLink(s, "writers", "primary");
        test::addLink(s, "readers", "replica");
        test::addLink(s, "primary", "replica", {{"latency_ms", 1000 * lag}});
        const Json r = test::run(s);
        const auto& rep = r["components"]["replica"]["replication"];
        const double stale = rep["stale_read_ratio"].get<double>();
        const double theory = 1 - std::exp(-w * lag / keys);
        qInfo("stale reads %.4f, theory 1 - e^(-wL/K) = %.4f", stale, theory);
        QVERIFY(std::abs(stale - theory) < 0.01);
        QVERIFY(std::abs(rep["lag_ms"]["p50"].get<double>() - 1000 * lag) < 1);
        QCOMPARE(r["components"]["primary"]["replication"]["stale_reads"].get<int>(), 0);
        // Synchronous replication acknowledges a write only once the replica has it: no read
        // there can miss an acknowledged write.
        for (auto& c : s["components"])
            if (c["type"] == "database") c["replication"] = "sync";
        const Json sync = test::run(s);
        QVERIFY(sync["components"]["replica"]["replication"]["reads"].get<int>() > 50000);
        QCOMPARE(sync["components"]["replica"]["replication"]["stale_reads"].get<int>(), 0);
    }

    void cpRefusesTheCutOffSide() {
        const Json r = test::run(threeZoneStore("CP", false, "quorum"));
        const auto& g = r["replication_groups"][0];
        // Zone a is cut off for 20 s: all 200 req/s of it fail as partitioned (reads too);
        // zones b and c lose their writes until the majority promotes a primary (3 s).
        const double partitioned = failedBy(r, "partitioned");
        const double expected = 200 * 20 + 2 * 100 * 3;
        qInfo("partitioned %.0f, expected about %.0f", partitioned, expected);
        QVERIFY(std::abs(partitioned - expected) < 5 * std::sqrt(expected));
        QCOMPARE(r["end_to_end"]["failed"].get<double>(), partitioned);
        QCOMPARE(r["components"]["users-a"]["failed"].get<double>() > 200 * 20 * 0.95, true);
        QCOMPARE(g["failovers"].size(), std::size_t(1));
        QVERIFY(std::abs(g["failovers"][0]["rto_s"].get<double>() - 3) < 1e-9);
        QCOMPARE(g["lost_writes"].get<int>(), 0);        // quorum writes: the majority has them all
        QCOMPARE(g["primaries"].size(), std::size_t(1)); // the old primary stepped down
        // CP with async replication still loses the writes acknowledged just before the cut
        // and never shipped: refusing the minority is not enough without quorum writes.
        const Json async = test::run(threeZoneStore("CP", false, "async"));
        QVERIFY(async["replication_groups"][0]["lost_writes"].get<int>() > 0);
    }

    void apServesBothSidesAndReconciles() {
        // Every member takes writes. Over K = 10,000 keys zone a writes 2,000 times during the
        // 20 s cut and zones b and c 4,000: a key written on both sides keeps one value after
        // the heal (last write wins) and loses the other side's last acknowledged write, so
        // about K (1 − e^(−0.2)) (1 − e^(−0.4)) ≈ 598 writes are lost on top of the
        // concurrent-write conflicts a multi-primary store has anyway (run without the cut).
        const int keys = 10000;
        const Json r = test::run(threeZoneStore("AP", true, "async", keys));
        const Json calm = test::run(threeZoneStore("AP", true, "async", keys, false));
        const auto& g = r["replication_groups"][0];
        QCOMPARE(r["end_to_end"]["failed"].get<double>(), 0.0); // available throughout
        QCOMPARE(g["failovers"].size(), std::size_t(0));
        const double lost = g["lost_writes"].get<double>() -
                            calm["replication_groups"][0]["lost_writes"].get<double>();
        const double theory = keys * (1 - std::exp(-0.2)) * (1 - std::exp(-0.4));
        qInfo("lost writes %.0f more than without the partition, theory %.0f", lost, theory);
        QVERIFY(std::abs(lost - theory) < 0.1 * theory);
        auto staleRatio = [](const Json& report) {
            const auto& group = report["replication_groups"][0];
            return group["stale_reads"].get<double>() / group["reads"].get<double>();
        };
        qInfo("stale reads %.4f (without the partition %.4f)", staleRatio(r), staleRatio(calm));
        QVERIFY(staleRatio(r) > 5 * staleRatio(calm));
    }

    void multiPrimaryConflictsLoseOneWriteWhateverTheAcknowledgement_data() {
        QTest::addColumn<QString>("replication");
        QTest::newRow("async") << "async";
        QTest::newRow("sync") << "sync";
    }
    void multiPrimaryConflictsLoseOneWriteWhateverTheAcknowledgement() {
        // Two primaries 20 ms apart; each side writes the one key 10 times a second, the two
        // writes of a pair 0.5 ms apart, so each pair conflicts and last-write-wins keeps the
        // later one: one acknowledged write lost per pair, however long the writer waited for
        // its acknowledgement (sync acknowledges the loser after it was already replaced).
        QFETCH(QString, replication);
        Json s = test::scenario(10.05, 0);
        for (const std::string side : {"a", "b"}) {
            test::addComponent(
                s, "writers-" + side, "client",
                {{"rps", 10}, {"arrival", "constant"}, {"read_ratio", 0.0}, {"keys", 1}});
            test::addComponent(s, "db-" + side, "database",
                               {{"connections", 10},
                                {"write_time", test::deterministicMs(1)},
                                {"replication", replication.toStdString()},
                                {"cap", "AP"}});
        }
        test::addLink(s, "writers-a", "db-a", {{"latency_ms", 1}});
        test::addLink(s, "writers-b", "db-b", {{"latency_ms", 1.5}});
        test::addLink(s, "db-a", "db-b", {{"latency_ms", 20}});
        const Json r = test::run(s);
        QCOMPARE(r["end_to_end"]["failed"].get<int>(), 0);
        QCOMPARE(r["components"]["writers-a"]["completed"].get<int>(), 100);
        QCOMPARE(r["replication_groups"][0]["lost_writes"].get<int>(), 100);
        QCOMPARE(r["components"]["db-a"]["replication"]["lost_writes"].get<int>(), 100);
    }

    void cpStopsWithoutAQuorumWhileApCarriesOn() {
        // Zones b and c crash from 20 s to 40 s, leaving db-a (the primary) alone: a CP store
        // has no majority and refuses everything, reads included; an AP store keeps serving.
        auto run = [](const std::string& cap) {
            Json s = threeZoneStore(cap, false, "quorum", 50, false);
            s["faults"] = Json::array({{{"kind", "crash"},
                                        {"target", Json::array({"db-b", "db-c"})},
                                        {"at_s", 20},
                                        {"duration_s", 20}}});
            return test::run(s);
        };
        const Json cp = run("CP"), ap = run("AP");
        // Zone a's 200 req/s for 20 s fail in CP (as crashed: no quorum), and zones b and c's
        // requests fail in both (their database member is down).
        const double zoneA = cp["components"]["users-a"]["failed"].get<double>();
        QVERIFY2(std::abs(zoneA - 200 * 20) < 5 * std::sqrt(200 * 20.0),
                 qPrintable(QString::number(zoneA)));
        QCOMPARE(failedBy(cp, "partitioned"), 0.0);
        QCOMPARE(ap["components"]["users-a"]["failed"].get<double>(), 0.0);
        QCOMPARE(cp["replication_groups"][0]["failovers"].size(), std::size_t(0));
    }

    void quorumAvailabilityIsKOfN() {
        // Three members at 0.99: a CP group needs two of them up, an AP group one.
        for (const std::string cap : {"CP", "AP"}) {
            Json s = threeZoneStore(cap, false, "quorum", 50, false);
            for (auto& c : s["components"])
                if (c["type"] != "client") c["availability"] = c["type"] == "database" ? 0.99 : 1.0;
            const auto a = analysis::analyzeTopology(model::parseScenario(s.dump()));
            const double p = 0.99;
            const double twoOfThree = p * p * p + 3 * p * p * (1 - p);
            const double oneOfThree = 1 - std::pow(1 - p, 3);
            QVERIFY2(std::abs(a.availability - (cap == "CP" ? twoOfThree : oneOfThree)) < 1e-12,
                     qPrintable(QString::number(a.availability, 'g', 15)));
        }
    }

    void apSplitBrainWithOnePrimaryReconcilesOnHeal() {
        const Json r = test::run(threeZoneStore("AP", false));
        const auto& g = r["replication_groups"][0];
        // Zone a keeps its primary and serves everything; b and c promote their own after 3 s.
        QCOMPARE(r["components"]["users-a"]["failed"].get<double>(), 0.0);
        QCOMPARE(g["failovers"].size(), std::size_t(1));
        QCOMPARE(g["primaries"].size(), std::size_t(1)); // the older primary stepped down
        QVERIFY(g["lost_writes"].get<int>() > 0);
    }

    void runtimeCrashTriggersFailover() {
        Json s = primaryWithStandby("async", 50, 1e6);
        s["faults"] = Json::array();
        const model::Scenario scenario = model::parseScenario(s.dump());
        auto sim = components::buildSimulation(scenario);
        run::RunRecorder recorder(scenario, *sim);
        sim->start();
        recorder.beginMeasurement();
        sim->runUntil(10);
        sim::Fault crash;
        crash.kind = sim::Fault::Kind::Crash;
        crash.targets = {sim::Index(scenario.indexOf("db-a"))};
        sim->injectFault(crash);
        sim->runUntil(30);
        const Json r = recorder.report();
        const auto& f = r["replication_groups"][0]["failovers"];
        QCOMPARE(f.size(), std::size_t(1));
        QVERIFY(std::abs(f[0]["failed_at_s"].get<double>() - 10) < 1e-9);
        QVERIFY(std::abs(f[0]["promoted_at_s"].get<double>() - 15) < 1e-9);
        QVERIFY(f[0]["rpo_writes"].get<int>() >= 4 && f[0]["rpo_writes"].get<int>() <= 5);
    }

    void aGroupIsNotASinglePointOfFailure() {
        Json s = primaryWithStandby("async", 50, 1e6);
        s["faults"] = Json::array();
        s["components"][1]["availability"] = 0.99;
        s["components"][2]["availability"] = 0.99;
        const auto a = analysis::analyzeTopology(model::parseScenario(s.dump()));
        QVERIFY(a.unreachable.empty());
        QVERIFY(a.loops.empty());
        QVERIFY(a.singlePointsOfFailure.empty());
        QVERIFY(std::abs(a.availability - (1 - 0.01 * 0.01)) < 1e-12);
    }

    void membersMustAgree_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("replication") << "replication"
                                     << "sync"
                                     << "components[2].replication";
        QTest::newRow("cap") << "cap"
                             << "AP"
                             << "components[2].cap";
        QTest::newRow("no primary") << "role"
                                    << "replica"
                                    << "components[1].role";
    }
    void membersMustAgree() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        Json s = primaryWithStandby("async", 50, 1e6);
        s["components"][field == "role" ? 1 : 2][field.toStdString()] = value.toStdString();
        try {
            model::parseScenario(s.dump());
            QFAIL("accepted");
        } catch (const model::ScenarioError& e) {
            const QString text = QString::fromStdString(e.describe("x.json"));
            QVERIFY2(text.contains(message), qPrintable(text));
        }
    }
};

QTEST_MAIN(TestReplication)
#include "test_replication.moc"
