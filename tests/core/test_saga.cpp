// The saga orchestrator: steps in link order, compensations in reverse order when one
// fails, and the counts of committed, compensated and stuck sagas against probability theory
// (independent error faults), an exact timeline with deterministic times, a crash, a
// timeout, and compensations that always succeed.
#include "components/saga.h"
#include "sim/simulation.h"
#include "support/scenario_runs.h"
#include "support/series_rows.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

using namespace sdlab;
using test::Json;

namespace {

const char* const kSteps[] = {"payment", "inventory", "shipping"};

/// Clients sending writes → saga "order" → three 1 ms services, one per step.
Json checkout(double rps, double duration, double warmup, const Json& saga = Json::object()) {
    Json s = test::scenario(duration, warmup, 11);
    test::addComponent(s, "users", "client", {{"rps", rps}, {"read_ratio", 0.0}});
    test::addComponent(s, "order", "saga", saga);
    test::addLink(s, "users", "order");
    for (const char* step : kSteps) {
        test::addComponent(s, step, "service",
                           {{"workers", 64}, {"service_time", test::deterministicMs(1)}});
        test::addLink(s, "order", step);
    }
    return s;
}

Json errors(const std::string& target, double rate) {
    return {{"kind", "errors"}, {"target", target}, {"rate", rate}};
}

double count(const Json& r, const char* key) {
    return r["components"]["order"]["sagas"][key].get<double>();
}

double ended(const Json& r) {
    return count(r, "committed") + count(r, "compensated") + count(r, "stuck");
}

double arrivals(const Json& r, const char* id) {
    return r["components"][id]["arrivals"].get<double>();
}

/// A step that logs each call it gets ("7.5 shipping", "10.0 undo inventory") and answers at
/// once as its script says, one letter per call: o = OK, f = error, h = hang (never
/// answers); past the script's end, OK.
class ScriptedStep final : public sim::Component {
public:
    ScriptedStep(std::string id, sim::Index index, std::string script,
                 std::vector<std::string>* log)
        : Component(std::move(id), index)
        , script_(std::move(script))
        , log_(log) {}
    void onArrive(sim::Simulation& sim, sim::Index frame) override {
        log_->push_back(QString::number(sim.now() * 1000, 'f', 1).toStdString() + " " +
                        (sim.frame(frame).compensation ? "undo " : "") + id());
        const char what = calls_ < script_.size() ? script_[calls_] : 'o';
        ++calls_;
        if (what != 'h') sim.respond(frame, what == 'o', sim::Outcome::Injected);
    }
    void onResponse(sim::Simulation&, sim::Index, bool) override {}

private:
    std::string script_;
    std::size_t calls_ = 0;
    std::vector<std::string>* log_;
};

/// Sends one request and logs its answer ("14.5 failed injected").
class OneRequest final : public sim::Component {
public:
    OneRequest(sim::Index index, std::vector<std::string>* log)
        : Component("client", index)
        , log_(log) {}
    void onArrive(sim::Simulation&, sim::Index) override {}
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override {
        const auto cause = sim.frame(frame).lastOutcome;
        log_->push_back(QString::number(sim.now() * 1000, 'f', 1).toStdString() +
                        (ok                                ? " ok"
                         : cause == sim::Outcome::Timeout  ? " failed timeout"
                         : cause == sim::Outcome::Injected ? " failed injected"
                                                           : " failed other"));
        sim.finishRequest(frame);
    }

private:
    std::vector<std::string>* log_;
};

/// A hand-built simulation for exact timelines: one request from a client at time 0, links
/// of 1 ms each way.
struct Timeline {
    std::vector<std::string> log;
    sim::Simulation sim;

    Timeline() { sim.addComponent(std::make_unique<OneRequest>(0, &log)); }
    static components::Saga::Config sagaConfig() {
        components::Saga::Config c; // 0.5 ms of work per call; compensations tried twice
        c.stepTime = sim::Distribution::deterministic(0.0005);
        c.compensationAttempts = 2;
        c.compensationBackoff = 0.010;
        return c;
    }
    sim::Index saga(const std::string& id, const components::Saga::Config& config) {
        return sim.addComponent(std::make_unique<components::Saga>(
            id, sim::Index(sim.componentCount()), config, sim::makeStream(1, id)));
    }
    sim::Index step(const std::string& id, const std::string& script) {
        return sim.addComponent(
            std::make_unique<ScriptedStep>(id, sim::Index(sim.componentCount()), script, &log));
    }
    void connect(sim::Index from, sim::Index to,
                 double timeoutS = std::numeric_limits<double>::infinity()) {
        sim::Link l;
        l.from = from;
        l.to = to;
        l.latency = sim::Distribution::deterministic(0.001);
        l.timeout = timeoutS;
        l.rng = sim::makeStream(1, "link");
        sim.addLink(std::move(l));
    }
    /// Sends the request over the first link and runs to the end.
    QStringList run() {
        sim.start();
        sim.call(sim.startRequest(0, sim::RequestKind::Write, 1, 10), 0);
        sim.runUntil(1);
        QStringList lines;
        for (const auto& line : log)
            lines << QString::fromStdString(line);
        return lines;
    }
    nlohmann::ordered_json sagas(sim::Index saga) const {
        nlohmann::ordered_json report;
        sim.component(saga).reportExtra(report, {});
        return report["sagas"];
    }
};

} // namespace

class TestSaga : public QObject {
    Q_OBJECT
private slots:
    void outcomesMatchIndependentStepFailures_data() {
        QTest::addColumn<double>("p1");
        QTest::addColumn<double>("p2");
        QTest::addColumn<double>("p3");
        QTest::addColumn<int>("tries");
        QTest::newRow("0.2/0.3/0.4, 2 tries") << 0.2 << 0.3 << 0.4 << 2;
        QTest::newRow("0.1/0.5/0.3, 1 try") << 0.1 << 0.5 << 0.3 << 1;
    }
    void outcomesMatchIndependentStepFailures() {
        // Each call to step j fails with p_j, compensations too, independently. A saga that
        // fails at step k (probability P_k = p_k ∏_{j<k} (1 − p_j)) undoes steps k−1 … 1;
        // each compensation succeeds within `tries` with 1 − p_j^tries, and the first one
        // that does not leaves the saga stuck. The failed step answered an error, so it is
        // not compensated. ~475,000 sagas: tolerance 0.002 absolute (over 3 standard errors).
        QFETCH(double, p1);
        QFETCH(double, p2);
        QFETCH(double, p3);
        QFETCH(int, tries);
        Json s = checkout(500, 1000, 10,
                          {{"compensation_attempts", tries}, {"compensation_backoff_ms", 5}});
        s["faults"] =
            Json::array({errors("payment", p1), errors("inventory", p2), errors("shipping", p3)});
        const Json r = test::run(s);

        const double p[] = {p1, p2, p3};
        double committed = 1, compensated = 0, reachedStep = 1;
        for (int k = 0; k < 3; ++k) {
            double undone = 1; // P(every compensation of the steps before k succeeds)
            for (int j = 0; j < k; ++j)
                undone *= 1 - std::pow(p[j], tries);
            compensated += reachedStep * p[k] * undone;
            reachedStep *= 1 - p[k];
        }
        committed = reachedStep;
        const double stuck = 1 - committed - compensated;
        const double n = ended(r);
        qInfo("committed %.4f (theory %.4f), compensated %.4f (%.4f), stuck %.4f (%.4f) of %.0f",
              count(r, "committed") / n, committed, count(r, "compensated") / n, compensated,
              count(r, "stuck") / n, stuck, n);
        QVERIFY(n > 450000);
        QVERIFY(std::abs(count(r, "committed") / n - committed) < 0.002);
        QVERIFY(std::abs(count(r, "compensated") / n - compensated) < 0.002);
        QVERIFY(std::abs(count(r, "stuck") / n - stuck) < 0.002);
        // Only a saga's first step can fail without anything to undo: the last step is
        // reached by (1 − p1)(1 − p2) of the sagas and never compensated (it failed or it was
        // the last).
        QVERIFY(std::abs(arrivals(r, "shipping") / n - (1 - p1) * (1 - p2)) < 0.002);
        // What the clients saw agrees, and each failure keeps its first cause.
        const Json& e = r["end_to_end"];
        QCOMPARE(e["completed"].get<double>(), count(r, "committed"));
        QCOMPARE(e["failed"].get<double>(), count(r, "compensated") + count(r, "stuck"));
        QCOMPARE(e["errors_by_cause"]["injected"].get<double>(), e["failed"].get<double>());
        const double started = count(r, "started"), open = count(r, "in_progress");
        QVERIFY(std::abs(started - n) <= open + 5); // sagas that straddle the window's edges
    }

    void exactTimeline_data() {
        // Links of 1 ms each way, 0.5 ms of orchestrator work before each call, steps that
        // answer at once; compensations tried twice, 10 ms apart. The shipping link times
        // out after 3 ms.
        QTest::addColumn<QString>("scripts"); // payment, inventory, shipping
        QTest::addColumn<QString>("undoFailedStep");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("commit") << "o o o"
                                << "on_timeout"
                                << QStringList{"2.5 payment", "5.0 inventory", "7.5 shipping",
                                               "9.5 ok"};
        QTest::newRow("last step fails: undo the others in reverse")
            << "o o f"
            << "on_timeout"
            << QStringList{"2.5 payment",         "5.0 inventory",     "7.5 shipping",
                           "10.0 undo inventory", "12.5 undo payment", "14.5 failed injected"};
        QTest::newRow("a compensation fails once, then succeeds after the backoff")
            << "o of f"
            << "on_timeout"
            << QStringList{"2.5 payment",         "5.0 inventory",       "7.5 shipping",
                           "10.0 undo inventory", "22.5 undo inventory", "25.0 undo payment",
                           "27.0 failed injected"};
        QTest::newRow("a compensation fails twice: stuck, payment stays done")
            << "o off f"
            << "on_timeout"
            << QStringList{"2.5 payment",         "5.0 inventory",       "7.5 shipping",
                           "10.0 undo inventory", "22.5 undo inventory", "24.5 failed injected"};
        QTest::newRow("a timed-out step may have happened: it is undone first")
            << "o o h"
            << "on_timeout"
            << QStringList{"2.5 payment",        "5.0 inventory",       "7.5 shipping",
                           "11.0 undo shipping", "13.5 undo inventory", "16.0 undo payment",
                           "18.0 failed timeout"};
        QTest::newRow("never: only the steps that answered OK are undone")
            << "o o h"
            << "never"
            << QStringList{"2.5 payment",         "5.0 inventory",     "7.5 shipping",
                           "11.0 undo inventory", "13.5 undo payment", "15.5 failed timeout"};
        QTest::newRow("always: a step that answered an error is undone too")
            << "o o f"
            << "always"
            << QStringList{"2.5 payment",         "5.0 inventory",       "7.5 shipping",
                           "10.0 undo shipping",  "12.5 undo inventory", "15.0 undo payment",
                           "17.0 failed injected"};
        QTest::newRow("the first step fails: nothing to undo")
            << "f o o"
            << "on_timeout" << QStringList{"2.5 payment", "4.5 failed injected"};
    }
    void exactTimeline() {
        QFETCH(QString, scripts);
        QFETCH(QString, undoFailedStep);
        QFETCH(QStringList, expected);
        Timeline t;
        auto config = Timeline::sagaConfig();
        using Undo = components::Saga::UndoFailedStep;
        config.undoFailedStep = undoFailedStep == "never"    ? Undo::Never
                                : undoFailedStep == "always" ? Undo::Always
                                                             : Undo::OnTimeout;
        const sim::Index saga = t.saga("order", config);
        t.connect(0, saga);
        const auto script = scripts.split(' ');
        for (int k = 0; k < 3; ++k) // the shipping link times out after 3 ms
            t.connect(saga, t.step(kSteps[k], script[k].toStdString()),
                      k == 2 ? 0.003 : std::numeric_limits<double>::infinity());
        QCOMPARE(t.run(), expected);

        const auto sagas = t.sagas(saga);
        QCOMPARE(sagas["started"].get<int>(), 1);
        QCOMPARE(sagas["committed"].get<int>(), int(expected.back().endsWith("ok")));
        QCOMPARE(sagas["stuck"].get<int>(), int(scripts.contains("off")));
        QCOMPARE(sagas["compensated"].get<int>(),
                 1 - sagas["committed"].get<int>() - sagas["stuck"].get<int>());
        QCOMPARE(sagas["in_progress"].get<int>(), 0);
    }

    void sagaInsideASagaIsUndoneStepByStep() {
        // The outer saga's first step is an inner saga (a then b); its second step fails.
        // Undoing the inner saga undoes its steps in reverse; it counts one committed saga.
        Timeline t;
        const sim::Index outer = t.saga("outer", Timeline::sagaConfig());
        const sim::Index inner = t.saga("inner", Timeline::sagaConfig());
        t.connect(0, outer);
        t.connect(outer, inner);
        t.connect(outer, t.step("x", "f"));
        t.connect(inner, t.step("a", ""));
        t.connect(inner, t.step("b", ""));
        QCOMPARE(t.run(), (QStringList{"4.0 a", "6.5 b", "10.0 x", "14.0 undo b", "16.5 undo a",
                                       "19.5 failed injected"}));
        QCOMPARE(t.sagas(inner)["committed"].get<int>(), 1);
        QCOMPARE(t.sagas(inner)["compensated"].get<int>(), 0);
        QCOMPARE(t.sagas(outer)["compensated"].get<int>(), 1);
    }

    void crashOfTheLastStepCompensatesEverySagaMeanwhile() {
        // Shipping is down from 40 s to 60 s: every saga that reaches it then fails there and
        // is compensated (payment and inventory are up, so none is stuck); none before or
        // after. Sagas last ~4 ms, so whole seconds inside the crash are all compensations.
        Json s = checkout(200, 100, 0);
        s["faults"] = Json::array(
            {{{"kind", "crash"}, {"target", "shipping"}, {"at_s", 40}, {"duration_s", 20}}});
        test::Rows series;
        const Json r = run::runScenario(model::parseScenario(s.dump()), &series);
        QCOMPARE(count(r, "stuck"), 0.0);
        QCOMPARE(count(r, "compensated"),
                 r["end_to_end"]["errors_by_cause"]["crashed"].get<double>());
        QCOMPARE(count(r, "compensated"), r["end_to_end"]["failed"].get<double>());
        QVERIFY(std::abs(count(r, "compensated") - 20 * 200) < 5 * std::sqrt(20 * 200.0));
        double compensatedInSeries = 0;
        for (std::size_t i = 0; i < series.rows.size(); ++i) {
            const double t = series.at(i, "time_s");
            const double compensated = series.at(i, "order.sagas_compensated");
            compensatedInSeries += compensated;
            QCOMPARE(series.at(i, "order.sagas_stuck"), 0.0);
            if (t > 40.5 && t < 60) { // whole seconds inside the crash
                QCOMPARE(series.at(i, "order.sagas_committed"), 0.0);
                // Sagas take ~6.5 ms: a few straddle each second's edge.
                QVERIFY(std::abs(compensated - series.at(i, "sent")) <= 8);
            } else if (t < 40 || t > 61) {
                QCOMPARE(compensated, 0.0);
                QVERIFY(std::abs(series.at(i, "order.sagas_committed") - series.at(i, "sent")) <=
                        8);
            }
        }
        QCOMPARE(compensatedInSeries, count(r, "compensated"));
        // Each compensated saga undid inventory and payment once.
        for (const char* id : {"payment", "inventory"})
            QVERIFY(std::abs(arrivals(r, id) - count(r, "committed") -
                             2 * count(r, "compensated")) <= count(r, "in_progress"));
    }

    void timedOutStepIsCompensated_data() {
        QTest::addColumn<QString>("undoFailedStep");
        QTest::newRow("on_timeout") << "on_timeout";
        QTest::newRow("never") << "never";
    }
    void timedOutStepIsCompensated() {
        // Inventory takes Exp(10 ms) with plenty of workers; the saga waits 20 ms for it, so a
        // share e^−2 of its calls time out, compensations included (5 tries: stuck ~ 1e−4).
        QFETCH(QString, undoFailedStep);
        Json s = checkout(300, 300, 10,
                          {{"compensation_attempts", 5},
                           {"compensate_failed_step", undoFailedStep.toStdString()}});
        s["components"][3]["service_time"] = test::exponentialMs(10);
        s["links"][2]["timeout_ms"] = 20;
        const Json r = test::run(s);
        const double n = ended(r), p = std::exp(-2.0);
        qInfo("compensated %.4f, theory e^-2 = %.4f; stuck %g", count(r, "compensated") / n, p,
              count(r, "stuck"));
        QVERIFY(std::abs(count(r, "compensated") / n - p) < 0.005);
        QVERIFY(count(r, "stuck") <= 0.001 * n);
        const Json& e = r["end_to_end"];
        QCOMPARE(e["errors_by_cause"]["timeout"].get<double>(), e["failed"].get<double>());
        // Payment is undone once per compensated saga; inventory, only when asked to.
        const double failedSagas = count(r, "compensated") + count(r, "stuck");
        QVERIFY(std::abs(arrivals(r, "payment") - (n + count(r, "compensated"))) <= 5);
        const double inventoryUndos = arrivals(r, "inventory") - n;
        if (undoFailedStep == "never")
            QVERIFY(std::abs(inventoryUndos) <= 5);
        else // each undo is tried until one answers in time: 1 / (1 − e^−2) tries on average
            QVERIFY(std::abs(inventoryUndos / failedSagas - 1 / (1 - p)) < 0.03);
    }

    void noStuckSagasWhenCompensationsSucceed() {
        Json s = checkout(500, 100, 10, {{"compensation_attempts", 1}});
        s["faults"] = Json::array({errors("shipping", 0.3)});
        const Json r = test::run(s);
        const double n = ended(r);
        QCOMPARE(count(r, "stuck"), 0.0);
        QVERIFY(std::abs(count(r, "compensated") / n - 0.3) < 0.01);
        QCOMPARE(count(r, "committed") + count(r, "compensated"), n);
    }

    void compensationsAreWrites() {
        // A database step reads in 1 ms and writes in 5 ms: the clients' reads go through as
        // reads, compensations (undoing them) as writes.
        Json s = checkout(100, 100, 0);
        s["components"][0]["read_ratio"] = 1.0;
        s["components"][4] = {{"id", "shipping"},
                              {"type", "database"},
                              {"read_time", test::deterministicMs(1)},
                              {"write_time", test::deterministicMs(5)}};
        s["components"][3]["type"] = "database";
        s["components"][3].erase("workers");
        s["components"][3].erase("service_time");
        s["components"][3]["read_time"] = test::deterministicMs(1);
        s["components"][3]["write_time"] = test::deterministicMs(5);
        s["faults"] = Json::array({errors("shipping", 0.5)});
        const Json r = test::run(s);
        // inventory: n reads of 1 ms, and one 5 ms undo per failed saga.
        const double n = ended(r), undos = count(r, "compensated");
        const double mean = r["components"]["inventory"]["latency_ms"]["mean"].get<double>();
        QVERIFY(std::abs(mean - (n * 1 + undos * 5) / (n + undos)) < 0.01);
    }
};

QTEST_APPLESS_MAIN(TestSaga)
#include "test_saga.moc"
