// Autoscaling (target tracking) and crashes of single instances: a step load reaches the
// needed instance count within the rounds the policy allows, with the lag visible in latency;
// steady load does not flap; min, max, scale-in protection and boot time hold; the run-time
// API resizes and re-targets; a fixed-size service's utilisation is computed as before; and a
// crash of one of four round-robin instances fails a quarter of the calls until it restarts.
#include "components/build_simulation.h"
#include "components/station.h"
#include "run/run_recorder.h"
#include "support/scenario_runs.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace sdlab;
using test::Json;

namespace {

/// The time series, by column.
class Series final : public run::SampleSink {
public:
    void begin(const std::vector<std::string>& columns) override { names_ = columns; }
    void row(const std::vector<double>& values) override {
        for (std::size_t i = 0; i < values.size(); ++i)
            columns_[names_[i]].push_back(values[i]);
    }
    const std::vector<double>& operator[](const std::string& name) const {
        return columns_.at(name);
    }
    /// Mean of a column over the rows whose interval ends in (from, to].
    double mean(const std::string& name, double from, double to) const {
        const auto& t = columns_.at("time_s");
        double sum = 0;
        int n = 0;
        for (std::size_t i = 0; i < t.size(); ++i)
            if (t[i] > from && t[i] <= to) {
                sum += columns_.at(name)[i];
                ++n;
            }
        return n ? sum / n : 0.0;
    }

private:
    std::vector<std::string> names_;
    std::map<std::string, std::vector<double>> columns_;
};

Json runWithSeries(const Json& s, Series& series) {
    return run::runScenario(model::parseScenario(s.dump()), &series);
}

Json policy(double interval, double boot, double outCooldown, double inCooldown) {
    return {{"metric", "utilization"},
            {"target", 0.6},
            {"min_instances", 1},
            {"max_instances", 30},
            {"interval_s", interval},
            {"scale_out_cooldown_s", outCooldown},
            {"scale_in_cooldown_s", inCooldown},
            {"boot_s", boot}};
}

/// `base` req/s from time 0, plus `extra` req/s from `stepAt` (until `stepEnd`, if > 0), to
/// one service of 1-worker instances (10 ms exponential), 50 waiting at most per instance.
Json stepLoad(double base, double extra, double stepAt, double stepEnd, int replicas,
              const Json& autoscaling, double duration, std::uint64_t seed = 11) {
    Json s = test::scenario(duration, 0, seed);
    test::addComponent(s, "base", "client", {{"rps", base}, {"read_ratio", 1.0}});
    test::addComponent(
        s, "spike", "client",
        {{"rps", extra}, {"read_ratio", 1.0}, {"start_s", stepAt}, {"stop_s", stepEnd}});
    test::addComponent(s, "api", "service",
                       {{"workers", 1},
                        {"replicas", replicas},
                        {"queue_capacity", 50},
                        {"service_time", test::exponentialMs(10)},
                        {"autoscaling", autoscaling}});
    test::addLink(s, "base", "api");
    test::addLink(s, "spike", "api");
    return s;
}

/// When the running count first reached `count` (or +inf), from a report's scaling list.
double reachedAt(const Json& report, int count) {
    for (const auto& change : report["components"]["api"]["scaling"])
        if (change[2].get<int>() >= count) return change[0].get<double>();
    return std::numeric_limits<double>::infinity();
}

/// Target tracking's rounds when the metric saturates at 1: each round multiplies the fleet by
/// at most 1/target, so a big step takes several; the last one sees the true load.
int roundsToReach(int from, double load, double target) {
    int rounds = 0;
    for (int n = from; n < std::ceil(load / target - 1e-9); ++rounds)
        n = int(std::ceil(std::min(double(n), load) / target - 1e-9));
    return rounds;
}

components::Station& station(sim::Simulation& sim, const model::Scenario& s, const char* id) {
    return dynamic_cast<components::Station&>(sim.component(sim::Index(s.indexOf(id))));
}

} // namespace

class TestAutoscaling : public QObject {
    Q_OBJECT
private slots:
    void stepTheFleetCanAbsorbTakesOneRound() {
        // 200 → 320 req/s: 4 instances go from 50% to 80% busy, not saturated, so the first
        // evaluation after the step sees the true load and asks for ceil(3.2 / 0.6) = 6 at once.
        const double interval = 10, boot = 30, step = 60;
        const Json r =
            test::run(stepLoad(200, 120, step, 0, 4, policy(interval, boot, 20, 300), 400));
        const int needed = int(std::ceil(320 * 0.010 / 0.6));
        const double at = reachedAt(r, needed);
        qInfo("needed %d instances, running from t = %.0f s (step at %.0f s)", needed, at, step);
        // The step lands on an evaluation, so the next one sees a whole interval of it.
        QVERIFY(at <= step + interval + boot);
        QCOMPARE(r["components"]["api"]["instances"]["max"].get<int>(), needed);
        QCOMPARE(r["components"]["api"]["instances"]["end"].get<int>(), needed);
    }

    void bigStepReachesTheNeededCountRoundByRound() {
        // 200 → 800 req/s (4 → 8 erlangs) on 4 instances: saturated, utilisation reads 100%
        // and a round can add at most 1/0.6 times the fleet: 4 → 7 → 12 → 14, each round an
        // evaluation interval plus a boot.
        const double interval = 10, boot = 30, cooldown = 20, step = 60;
        Series series;
        const Json r = runWithSeries(
            stepLoad(200, 600, step, 0, 4, policy(interval, boot, cooldown, 300), 600), series);
        const int needed = int(std::ceil(800 * 0.010 / 0.6));
        const int rounds = roundsToReach(4, 8, 0.6);
        const double bound = step + interval + rounds * (interval + std::max(boot, cooldown));
        const double at = reachedAt(r, needed);
        qInfo("needed %d instances in %d rounds: running from t = %.0f s (bound %.0f s); "
              "scaling %s",
              needed, rounds, at, bound, r["components"]["api"]["scaling"].dump().c_str());
        QCOMPARE(rounds, 3);
        QVERIFY(at <= bound);
        const int end = r["components"]["api"]["instances"]["end"].get<int>();
        QVERIFY2(end >= needed && end <= needed + 1, qPrintable(QString::number(end)));

        // The lag: from the step until capacity arrives latency is far above what it is
        // before the step and once the fleet has caught up.
        const double before = series.mean("latency_mean_ms", 20, step);
        const double lag = series.mean("latency_mean_ms", step + 5, at);
        const double after = series.mean("latency_mean_ms", at + 30, 600);
        qInfo("mean latency before %.1f ms, during the lag %.1f ms, after %.1f ms", before, lag,
              after);
        QVERIFY(lag > 10 * before && lag > 10 * after);
        QVERIFY(after < 2 * before);
        // The chart column follows the running count.
        QCOMPARE(series.mean("api.instances", 20, step), 4.0);
        QVERIFY(series.mean("api.instances", at, at + 10) >= needed);
    }

    void steadyLoadDoesNotFlap() {
        // 200 req/s for an hour from 1 instance: settles at ceil(2 / 0.6) = 4 and stays.
        const Json r = test::run(stepLoad(200, 1, 3599, 0, 1, policy(30, 30, 60, 300), 3600));
        const auto& scaling = r["components"]["api"]["scaling"];
        qInfo("scaling %s", scaling.dump().c_str());
        QVERIFY(!scaling.empty());
        QVERIFY(scaling.back()[0].get<double>() <= 300); // settled within 5 minutes
        QCOMPARE(r["components"]["api"]["instances"]["end"].get<int>(), 4);
        QVERIFY(scaling.size() <= 3);
    }

    void minAndMaxHold() {
        Json few = policy(10, 10, 10, 30);
        few["min_instances"] = 3;
        few["max_instances"] = 5;
        // 1,500 req/s would need 25 instances; 5 is the most.
        const Json heavy = test::run(stepLoad(1500, 1, 299, 0, 4, few, 300));
        QCOMPARE(heavy["components"]["api"]["instances"]["max"].get<int>(), 5);
        // 10 req/s would need 1; 3 is the fewest, from 8 at the start.
        const Json light = test::run(stepLoad(10, 1, 299, 0, 8, few, 300));
        QCOMPARE(light["components"]["api"]["instances"]["start"].get<int>(), 5); // clamped
        QCOMPARE(light["components"]["api"]["instances"]["min"].get<int>(), 3);
        QCOMPARE(light["components"]["api"]["instances"]["end"].get<int>(), 3);
    }

    void scaleInProtectionNeverRemovesInstances() {
        // A spike from 60 s to 200 s, then back to 200 req/s.
        auto run = [](bool scaleIn) {
            Json p = policy(10, 20, 20, 60);
            p["scale_in"] = scaleIn;
            return test::run(stepLoad(200, 300, 60, 200, 4, p, 800));
        };
        const Json protectedRun = run(false), freeRun = run(true);
        for (const auto& change : protectedRun["components"]["api"]["scaling"])
            QVERIFY(change[2].get<int>() > change[1].get<int>());
        const auto& p = protectedRun["components"]["api"]["instances"];
        QCOMPARE(p["end"].get<int>(), p["max"].get<int>());
        const auto& f = freeRun["components"]["api"]["instances"];
        qInfo("with scale-in: max %d, end %d; protected: max %d, end %d", f["max"].get<int>(),
              f["end"].get<int>(), p["max"].get<int>(), p["end"].get<int>());
        QVERIFY(f["end"].get<int>() < f["max"].get<int>());
        QCOMPARE(f["end"].get<int>(), 4);
    }

    void bootingInstancesTakeNoTraffic() {
        // One instance, and min 2: the second boots for 30 s. Instance 1 is crashed from the
        // start, so any call routed to it fails: none may until it has booted.
        Json p = policy(10, 30, 10, 300);
        p["min_instances"] = 2;
        p["max_instances"] = 2;
        Json s = stepLoad(50, 1, 99, 0, 1, p, 60);
        s["faults"] = Json::array({{{"kind", "crash"}, {"target", "api"}, {"instance", 1}}});
        Series series;
        const Json r = runWithSeries(s, series);
        QCOMPARE(series.mean("failed", 0, 30), 0.0);
        QCOMPARE(series.mean("api.instances", 0, 30), 1.0);
        // Then every other call goes to it.
        const double share = series.mean("failed", 31, 60) / series.mean("sent", 31, 60);
        QVERIFY2(std::abs(share - 0.5) < 0.05, qPrintable(QString::number(share)));
        QCOMPARE(r["components"]["api"]["scaling"].dump(), std::string("[[30.0,1,2]]"));
    }

    void runTimeApi() {
        const auto scenario = model::parseScenario(
            test::singleStation(270, 1, test::exponentialMs(10), 100, 0, 20).dump());
        auto sim = components::buildSimulation(scenario);
        auto& api = station(*sim, scenario, "server");
        sim->start();
        sim->runUntil(10);
        // The GUI's "+1 instance", without a policy: no boot time.
        QCOMPARE(api.setInstances(*sim, 4), 4);
        QCOMPARE(api.runningInstances(), 4);
        sim->runUntil(20);
        // Autoscaling switched on live, max 2: the fleet shrinks to 2 at once (draining).
        policies::AutoscalingPolicy p;
        p.minInstances = 1;
        p.maxInstances = 2;
        p.interval = 10;
        p.scaleOutCooldown = 10;
        p.boot = 5;
        api.setAutoscaling(*sim, p);
        QCOMPARE(api.runningInstances(), 2);
        QVERIFY(api.autoscaling().has_value());
        QCOMPARE(api.setInstances(*sim, 9), 2); // clamped by the policy
        // A new policy, live: it may go up to 8, and 2.7 erlangs at 60% want 5 (they boot).
        p.maxInstances = 8;
        api.setAutoscaling(*sim, p);
        sim->runUntil(60);
        QCOMPARE(api.runningInstances(), 5);
        // Off again: the count stays where it is.
        api.setAutoscaling(*sim, std::nullopt);
        QVERIFY(!api.autoscaling().has_value());
        sim->runUntil(100);
        QCOMPARE(api.runningInstances(), 5);
        const auto& log = api.instanceLog();
        QCOMPARE(log.at(5), 1);
        QCOMPARE(log.at(15), 4);
        QCOMPARE(log.at(25), 2);
    }

    void fixedSizeUtilisationIsComputedAsBefore() {
        // busy area / (measured × workers), bit for bit: no instance ever came or went.
        Json s = test::singleStation(300, 2, test::exponentialMs(10), 50, 10);
        s["components"][1]["replicas"] = 3;
        const auto scenario = model::parseScenario(s.dump());
        auto sim = components::buildSimulation(scenario);
        run::RunRecorder recorder(scenario, *sim);
        sim->start();
        sim->runUntil(10);
        recorder.beginMeasurement();
        const double busyAtWarmup = station(*sim, scenario, "server").counters.busy.area(10);
        sim->runUntil(50);
        const auto& api = station(*sim, scenario, "server");
        QCOMPARE(api.counters.extraWorkers.area(50), 0.0);
        const double old = (api.counters.busy.area(50) - busyAtWarmup) / ((50.0 - 10.0) * 6);
        const double reported =
            recorder.report()["components"]["server"]["utilization"].get<double>();
        QCOMPARE(reported, std::round(old * 1e6) / 1e6);
        QVERIFY(std::abs(reported - 300 * 0.010 / 6) < 0.02);
    }

    void crashOfOneInstanceFailsItsShare() {
        // 4 instances in turn, instance 2 down from 20 s for 30 s: a quarter of the calls fail
        // (cause crashed) until it restarts, none after.
        Json s = test::scenario(80, 0, 5);
        test::addComponent(s, "users", "client", {{"rps", 400}, {"read_ratio", 1.0}});
        test::addComponent(
            s, "api", "service",
            {{"workers", 2}, {"replicas", 4}, {"service_time", test::exponentialMs(5)}});
        test::addLink(s, "users", "api");
        s["faults"] = Json::array({{{"kind", "crash"},
                                    {"target", "api"},
                                    {"instance", 2},
                                    {"at_s", 20},
                                    {"duration_s", 30}}});
        Series series;
        const Json r = runWithSeries(s, series);
        const double during = series.mean("failed", 21, 50) / series.mean("sent", 21, 50);
        qInfo("share failed while 1 of 4 instances is down: %.4f", during);
        QVERIFY(std::abs(during - 0.25) < 0.01);
        QCOMPARE(series.mean("failed", 51, 80), 0.0);
        QCOMPARE(series.mean("failed", 0, 20), 0.0);
        const auto& e = r["end_to_end"];
        QCOMPARE(e["failed"].get<double>(), e["errors_by_cause"]["crashed"].get<double>());

        // The same through the run-time API.
        s.erase("faults");
        const auto scenario = model::parseScenario(s.dump());
        auto sim = components::buildSimulation(scenario);
        sim->start();
        sim::Fault crash;
        crash.targets = {sim::Index(scenario.indexOf("api"))};
        crash.instance = 2;
        crash.end = 30;
        sim->runUntil(20);
        sim->injectFault(crash);
        sim->runUntil(80);
        const auto& users = sim->component(sim::Index(scenario.indexOf("users"))).counters;
        const double failed = double(users.failedBy[std::size_t(sim::Outcome::Crashed)]);
        QVERIFY2(std::abs(failed - 0.25 * 400 * 10) < 0.1 * 1000,
                 qPrintable(QString::number(failed)));
    }
};

QTEST_GUILESS_MAIN(TestAutoscaling)
#include "test_autoscaling.moc"
