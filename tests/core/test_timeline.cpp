// A scenario's scripted timeline: load changes act on the clients at their time (the sent
// and served rates follow the schedule, within stated tolerances, with a fixed seed), the
// headless and the stepped live run agree, and bad timelines are refused naming the field.
#include "components/client.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"
#include "model/schedule_refs.h"
#include "run/live_run.h"
#include "run/run_scenario.h"
#include "support/expect_close.h"
#include "support/scenario_runs.h"
#include "support/series_rows.h"

#include <QTest>

using namespace sdlab;
using test::Json;

namespace {

/// Open-loop Poisson clients at `rps` into a server with capacity to spare (64 workers, 1 ms):
/// what is sent is served, so throughput follows the load.
Json openLoop(double rps, double durationS) {
    Json s = test::scenario(durationS, 0, 7);
    test::addComponent(s, "users", "client", {{"rps", rps}, {"read_ratio", 1.0}});
    test::addComponent(s, "api", "service",
                       {{"workers", 64}, {"service_time", test::deterministicMs(1)}});
    test::addLink(s, "users", "api");
    return s;
}

/// The mean of `column` over the rows for seconds [from, to).
double meanOver(const test::Rows& rows, const std::string& column, int from, int to) {
    double sum = 0;
    for (int r = from; r < to; ++r)
        sum += rows.at(std::size_t(r), column);
    return sum / (to - from);
}

components::Client* clientOf(run::LiveRun& live, const std::string& id) {
    const int i = live.scenario().indexOf(id);
    return dynamic_cast<components::Client*>(&live.simulation().component(sim::Index(i)));
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    // Sent and served requests per second in each stretch of the schedule against the rate it
    // sets (1 s after each change left out: the change falls inside that row). Poisson counts
    // over ≥ 25 s at ≥ 250/s: one standard deviation is ≤ 1.3%, the tolerance 4%.
    void openLoopRateFollowsTheSchedule_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<double>("rateAfter");
        QTest::addColumn<double>("rateAtEnd");
        QTest::newRow("factor 2") << R"({"at_s": 40, "factor": 2})" << 2000.0 << 2000.0;
        QTest::newRow("rps 250") << R"({"target": "users", "at_s": 40, "rps": 250})" << 250.0
                                 << 250.0;
        QTest::newRow("half for 30 s")
            << R"({"at_s": 40, "duration_s": 30, "factor": 0.5})" << 500.0 << 1000.0;
    }
    void openLoopRateFollowsTheSchedule() {
        QFETCH(QString, change);
        QFETCH(double, rateAfter);
        QFETCH(double, rateAtEnd);
        Json s = openLoop(1000, 100);
        s["load_changes"] = Json::array({Json::parse(change.toStdString())});
        test::Rows rows;
        run::runScenario(model::parseScenario(s.dump()), &rows);
        QCOMPARE(rows.rows.size(), std::size_t(100));
        for (const char* column : {"sent", "throughput_rps"}) {
            test::expectClose(column, meanOver(rows, column, 5, 40), 1000, 0.04);
            test::expectClose(column, meanOver(rows, column, 41, 70), rateAfter, 0.04);
            test::expectClose(column, meanOver(rows, column, 71, 100), rateAtEnd, 0.04);
        }
    }

    // The client's rate changes in the core at the scheduled instant, not a gap later.
    void theChangeTakesEffectAtItsTime() {
        Json s = openLoop(10, 60);
        s["load_changes"] = Json::array({{{"at_s", 30.0}, {"factor", 100.0}}});
        run::LiveRun live(model::parseScenario(s.dump()));
        auto* users = clientOf(live, "users");
        QVERIFY(users);
        live.advanceTo(29.999);
        QCOMPARE(users->scheduledFactor(), 1.0);
        QCOMPARE(users->currentRps(), 10.0);
        const auto sentBefore = users->counters.arrivals;
        live.advanceTo(30.0);
        QCOMPARE(users->scheduledFactor(), 100.0);
        QCOMPARE(users->currentRps(), 1000.0);
        // At 10/s the pending arrival would come ~0.1 s later; at 1000/s, 0.1 s holds ~100.
        live.advanceTo(30.1);
        const auto sent = users->counters.arrivals - sentBefore;
        QVERIFY2(sent >= 70 && sent <= 130, qPrintable(QString::number(sent)));
    }

    // A client follows the latest-started change in force, then its own load again.
    void overlappingChangesFollowTheLatestStart() {
        Json s = openLoop(100, 60);
        s["load_changes"] = Json::array({{{"at_s", 10.0}, {"duration_s", 40.0}, {"factor", 2.0}},
                                         {{"target", Json::array({"users"})},
                                          {"at_s", 20.0},
                                          {"duration_s", 10.0},
                                          {"factor", 3.0}}});
        run::LiveRun live(model::parseScenario(s.dump()));
        auto* users = clientOf(live, "users");
        const std::pair<double, double> expected[] = {{5, 1}, {15, 2}, {25, 3}, {35, 2}, {55, 1}};
        for (const auto& [t, factor] : expected) {
            live.advanceTo(t);
            QCOMPARE(users->scheduledFactor(), factor);
        }
    }

    // Closed loop: think times are divided by the factor, so X = N / (Z / f + R).
    void closedLoopThinkTimeShrinks() {
        Json s = test::scenario(100, 0, 3);
        test::addComponent(s, "users", "client",
                           {{"mode", "closed"},
                            {"users", 200},
                            {"think_time", test::exponentialMs(1000)},
                            {"read_ratio", 1.0}});
        test::addComponent(s, "api", "service",
                           {{"workers", 64}, {"service_time", test::deterministicMs(1)}});
        test::addLink(s, "users", "api");
        s["load_changes"] = Json::array({{{"at_s", 50.0}, {"factor", 4.0}}});
        test::Rows rows;
        run::runScenario(model::parseScenario(s.dump()), &rows);
        test::expectClose("X before", meanOver(rows, "throughput_rps", 10, 50), 200 / 1.001, 0.03);
        test::expectClose("X after", meanOver(rows, "throughput_rps", 55, 100), 200 / 0.251, 0.03);
    }

    // `sdlab run` and the live run stepped at odd sizes see the same changes: same report, same
    // rows (the live run's traffic slider left at 100%).
    void headlessAndLiveRunsAgree() {
        Json s = openLoop(300, 50);
        s["load_changes"] = Json::array({{{"at_s", 12.5}, {"factor", 2.0}},
                                         {{"at_s", 30.0}, {"duration_s", 7.3}, {"rps", 50.0}}});
        const model::Scenario scenario = model::parseScenario(s.dump());
        test::Rows headless, stepped;
        const Json report = run::runScenario(scenario, &headless);
        run::LiveRun live(scenario, &stepped);
        for (double t = 0.37; t < scenario.durationS; t += 0.37)
            live.advanceTo(t);
        live.advanceTo(scenario.durationS);
        QCOMPARE(live.report().dump(), report.dump());
        QCOMPARE(stepped.rows, headless.rows);
    }

    // A file's timeline survives saving and reading back.
    void timelineRoundTrips() {
        Json s = openLoop(100, 60);
        s["load_changes"] = Json::array({{{"target", "users"}, {"at_s", 5.0}, {"factor", 2.0}},
                                         {{"at_s", 9.0}, {"duration_s", 3.0}, {"rps", 40.0}}});
        s["captions"] =
            Json::array({{{"at_s", 4.0}, {"text", "Traffic doubles"}},
                         {{"at_s", 9.0}, {"duration_s", 2.5}, {"text", "Quiet"}, {"pause", true}}});
        const model::Scenario first = model::parseScenario(s.dump());
        QCOMPARE(first.loadChanges.size(), std::size_t(2));
        QCOMPARE(first.captions.size(), std::size_t(2));
        QCOMPARE(first.captions[0].durationS, model::CaptionSpec::kDefaultDurationS);
        QVERIFY(first.captions[1].pause);
        const std::string text = model::serializeScenario(first);
        QCOMPARE(model::serializeScenario(model::parseScenario(text)), text);
    }

    // The editor's renames and removals keep the schedule valid: references follow a
    // rename; an entry left with nobody to act on goes, it never widens.
    void scheduleFollowsRenamesAndRemovals() {
        Json s = openLoop(100, 60);
        test::addComponent(s, "web", "client", {{"rps", 10.0}});
        test::addComponent(s, "db", "database", Json::object());
        test::addLink(s, "web", "api");
        test::addLink(s, "api", "db");
        s["zones"] = Json::array({{{"id", "z"}}});
        s["faults"] =
            Json::array({{{"kind", "crash"}, {"target", "db"}, {"at_s", 5.0}},
                         {{"kind", "partition"}, {"target", "api"}, {"peer", "db"}, {"at_s", 6.0}},
                         {{"kind", "slow"},
                          {"target", Json::array({"api", "db"})},
                          {"at_s", 7.0},
                          {"factor", 3.0}},
                         {{"kind", "zone_outage"}, {"zone", "z"}, {"at_s", 8.0}}});
        s["load_changes"] = Json::array(
            {{{"target", "web"}, {"at_s", 1.0}, {"factor", 2.0}},
             {{"target", Json::array({"users", "web"})}, {"at_s", 2.0}, {"factor", 3.0}},
             {{"at_s", 3.0}, {"factor", 4.0}}});
        model::Scenario scenario = model::parseScenario(s.dump());

        model::Schedule renamed = model::scheduleOf(scenario);
        model::renameInSchedule(renamed, "web", "mobile");
        QCOMPARE(renamed.loadChanges[0].targets, std::vector<std::string>{"mobile"});
        QCOMPARE(renamed.loadChanges[1].targets, (std::vector<std::string>{"users", "mobile"}));
        QVERIFY(!model::sameSchedule(renamed, model::scheduleOf(scenario)));

        // Remove db and web (as the editor does, links with them) and the zone.
        std::erase_if(scenario.components,
                      [](const model::ComponentSpec& c) { return c.id == "db" || c.id == "web"; });
        std::erase_if(scenario.links,
                      [](const model::LinkSpec& l) { return l.from == "web" || l.to == "db"; });
        scenario.zones.clear();
        const model::Schedule pruned = model::prunedSchedule(scenario);
        QCOMPARE(pruned.faults.size(), std::size_t(1)); // the slow-down, on api alone now
        QCOMPARE(pruned.faults[0].kind, std::string("slow"));
        QCOMPARE(pruned.faults[0].targets, std::vector<std::string>{"api"});
        QCOMPARE(pruned.loadChanges.size(), std::size_t(2)); // web's alone went
        QCOMPARE(pruned.loadChanges[0].targets, std::vector<std::string>{"users"});
        QVERIFY(pruned.loadChanges[1].targets.empty()); // every client, as written
        scenario.faults = pruned.faults;
        scenario.loadChanges = pruned.loadChanges;
        const std::string text = model::serializeScenario(scenario);
        QCOMPARE(model::serializeScenario(model::parseScenario(text)), text); // loads again
    }

    void badTimelinesAreRefusedNamingTheField_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char* name, const char* key, const char* entry, const char* path,
                            const char* fragment) {
            QTest::newRow(name) << QString(key) << QString(entry) << QString(path)
                                << QString(fragment);
        };
        row("neither", "load_changes", R"({"at_s": 3})", "load_changes[0]", "missing: factor");
        row("both", "load_changes", R"({"factor": 2, "rps": 5})", "load_changes[0]", "not both");
        row("negative factor", "load_changes", R"({"factor": -1})", "load_changes[0].factor",
            "between 0 and 1000");
        row("typo", "load_changes", R"({"facter": 2})", "load_changes[0].facter",
            "did you mean 'factor'");
        row("not a client", "load_changes", R"({"target": "api", "factor": 2})",
            "load_changes[0].target", "'api' is a service");
        row("unknown id", "load_changes", R"({"target": ["users", "x"], "rps": 2})",
            "load_changes[0].target[1]", "id of a client");
        row("rps on closed loop", "load_changes", R"({"target": "shoppers", "rps": 20})",
            "load_changes[0].rps", "closed-loop client");
        row("caption text missing", "captions", R"({"at_s": 3})", "captions[0].text", "missing");
        row("caption text empty", "captions", R"({"text": "  "})", "captions[0].text",
            "must not be empty");
        row("caption duration", "captions", R"({"text": "a", "duration_s": 0})",
            "captions[0].duration_s", "between");
        row("caption pause", "captions", R"({"text": "a", "pause": "yes"})", "captions[0].pause",
            "");
    }
    void badTimelinesAreRefusedNamingTheField() {
        QFETCH(QString, key);
        QFETCH(QString, entry);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        Json s = openLoop(100, 60);
        test::addComponent(s, "shoppers", "client", {{"mode", "closed"}});
        test::addLink(s, "shoppers", "api");
        s[key.toStdString()] = Json::array({Json::parse(entry.toStdString())});
        try {
            model::parseScenario(s.dump(2));
        } catch (const model::ScenarioError& e) {
            QCOMPARE(QString::fromStdString(e.path()), path);
            QVERIFY2(QString(e.what()).contains(fragment), e.what());
            QVERIFY2(e.line() > 0, "not located in the text");
            return;
        }
        QFAIL("accepted");
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"
