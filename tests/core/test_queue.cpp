// The message queue against theory and its own promises: a backlog growing at λ − cμ while
// producers keep their fast ack, a consumer group as an M/M/c queue (Erlang C), per-partition
// order, at-least-once delivery (duplicates, no loss) across a consumer crash, dead letters
// after k failures at p^k, a consumer stop growing the backlog by λ·duration, and bounded
// retention dropping or refusing exactly what it says. Fixed seeds; tolerances stated per test.
#include "components/build_simulation.h"
#include "components/message_queue.h"
#include "run/run_scenario.h"
#include "run/sample_sink.h"
#include "sim/random_stream.h"
#include "sim/simulation.h"
#include "support/expect_close.h"
#include "support/scenario_runs.h"
#include "theory/queueing_theory.h"

#include <QTest>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <map>

using namespace sdlab;
using test::expectClose;
using test::Json;

namespace {

/// Poisson producers (writes, many keys) → queue "orders" → a worker service with one worker
/// per consumer and exponential processing times (no network delay anywhere).
Json queueScenario(double lambda, int consumers, double processingMs, Json queue, double duration,
                   double warmup = 0, std::uint64_t seed = 5) {
    Json s = test::scenario(duration, warmup, seed);
    test::addComponent(s, "producers", "client",
                       {{"rps", lambda}, {"read_ratio", 0.0}, {"keys", 1000000}});
    queue["consumers"] = consumers;
    queue["append_time"] = test::deterministicMs(1);
    test::addComponent(s, "orders", "message_queue", queue);
    test::addComponent(
        s, "worker", "service",
        {{"workers", consumers}, {"service_time", test::exponentialMs(processingMs)}});
    test::addLink(s, "producers", "orders");
    test::addLink(s, "orders", "worker");
    return s;
}

const Json& group(const Json& report, const char* id = "worker") {
    return report["components"]["orders"]["queue"]["groups"][id];
}

double num(const Json& v) {
    return v.get<double>();
}

/// Keeps the time series of one run.
struct Series final : run::SampleSink {
    std::vector<std::string> columns;
    std::vector<std::vector<double>> rows;
    void begin(const std::vector<std::string>& c) override { columns = c; }
    void row(const std::vector<double>& r) override { rows.push_back(r); }
    /// Column `name` at time t (the row sampled then).
    double at(const std::string& name, double t) const {
        const auto col =
            std::size_t(std::find(columns.begin(), columns.end(), name) - columns.begin());
        if (col == columns.size()) throw std::runtime_error("no column " + name);
        for (const auto& r : rows)
            if (std::abs(r[0] - t) < 1e-9) return r[col];
        throw std::runtime_error("no row at that time");
    }
};

Series runWithSeries(const Json& s, Json* report = nullptr) {
    Series series;
    const Json r = run::runScenario(model::parseScenario(s.dump()), &series, 1.0);
    if (report) *report = r;
    return series;
}

/// Sends keys 0, 1, 2, … in Poisson time: within a partition, publication order is key order.
class CountingProducer final : public sim::Component {
public:
    CountingProducer(sim::Index index, double rps)
        : Component("producer", index)
        , gap_(rps) {}
    void start(sim::Simulation& sim) override { next(sim); }
    void onTimer(sim::Simulation& sim, sim::Index) override {
        next(sim);
        const sim::Index root = sim.startRequest(index(), sim::RequestKind::Write, key_++,
                                                 std::numeric_limits<double>::infinity());
        sim.call(root, outLinks()[0]);
    }
    void onArrive(sim::Simulation&, sim::Index) override {}
    void onResponse(sim::Simulation& sim, sim::Index frame, bool) override {
        sim.finishRequest(frame);
    }

private:
    void next(sim::Simulation& sim) { sim.schedule(gap_(rng_), sim::EventKind::Timer, index(), 0); }
    sim::Rng rng_ = sim::makeStream(3, "producer");
    boost::random::exponential_distribution<double> gap_;
    std::uint32_t key_ = 0;
};

/// A consumer's service: random processing times, fails a share of messages, and records the
/// keys it processed OK in the order it did.
class RecordingConsumer final : public sim::Component {
public:
    RecordingConsumer(sim::Index index, double meanS, double failRate)
        : Component("consumer", index)
        , time_(1 / meanS)
        , failRate_(failRate) {}
    void onArrive(sim::Simulation& sim, sim::Index frame) override {
        sim.schedule(time_(rng_), sim::EventKind::ServiceDone, index(), frame);
        ++inService_;
        maxInService = std::max(maxInService, inService_);
    }
    void onServiceDone(sim::Simulation& sim, sim::Index frame) override {
        --inService_;
        const bool ok = boost::random::uniform_01<double>()(rng_) >= failRate_;
        if (ok) processed.push_back(sim.requestOf(frame).key);
        sim.respond(frame, ok, sim::Outcome::Injected);
    }
    void onResponse(sim::Simulation&, sim::Index, bool) override {}
    std::vector<std::uint32_t> processed;
    int maxInService = 0;

private:
    sim::Rng rng_ = sim::makeStream(3, "consumer");
    boost::random::exponential_distribution<double> time_;
    double failRate_;
    int inService_ = 0;
};

} // namespace

class TestQueue : public QObject {
    Q_OBJECT
private slots:
    // λ = 200/s into 2 consumers of μ = 50/s: the backlog grows at λ − cμ = 100/s. Producers
    // still get their ack in the append time (1 ms), while a message waits ever longer: the
    // one processed at t was published at t·cμ/λ, so end-to-end latency averages T(1−cμ/λ)/2.
    void backlogGrowsAtTheRateDifference() {
        const double lambda = 200, mu = 50, T = 60;
        const int c = 2;
        Json report;
        const Series series = runWithSeries(
            queueScenario(lambda, c, 1000 / mu, {{"partitions", 64}, {"commit_interval_ms", 0}}, T),
            &report);
        const Json& g = group(report);
        expectClose("backlog at the end", num(g["backlog"]), (lambda - c * mu) * T, 0.05);
        expectClose("backlog at 30 s (series)", series.at("orders.worker.backlog", 30),
                    (lambda - c * mu) * 30, 0.07);
        expectClose("processed in 1 s at 30 s", series.at("orders.worker.processed", 30), c * mu,
                    0.3);
        expectClose("processed", num(g["processed"]), c * mu * T, 0.03);
        expectClose("end-to-end mean (s)", num(g["end_to_end_latency_ms"]["mean"]) / 1000,
                    T * (1 - c * mu / lambda) / 2, 0.05);
        // The ack is the append time, exactly, for the queue and for the producers.
        const Json& ack = report["components"]["orders"]["queue"]["ack_latency_ms"];
        QCOMPARE(num(ack["max"]), 1.0);
        QVERIFY(std::abs(num(report["end_to_end"]["latency_ms"]["mean"]) - 1.0) < 1e-9);
        QCOMPARE(num(report["end_to_end"]["failed"]), 0.0);
    }

    // Partitions far outnumbering consumers: the group is one FIFO queue served by c
    // consumers, an M/M/c queue whose mean response time Erlang C gives (within 3%).
    void consumerGroupIsMMc_data() {
        QTest::addColumn<int>("consumers");
        QTest::addColumn<double>("rho");
        QTest::newRow("M/M/1 rho=0.7") << 1 << 0.7;
        QTest::newRow("M/M/4 rho=0.8") << 4 << 0.8;
    }
    void consumerGroupIsMMc() {
        QFETCH(int, consumers);
        QFETCH(double, rho);
        const double mu = 25, lambda = rho * consumers * mu;
        const Json r = test::run(queueScenario(lambda, consumers, 1000 / mu,
                                               {{"partitions", 2000}, {"commit_interval_ms", 0}},
                                               400000 / lambda, 100));
        const theory::MMc q{lambda, mu, consumers};
        expectClose("end-to-end mean (s)", num(group(r)["end_to_end_latency_ms"]["mean"]) / 1000,
                    q.meanResponse(), 0.03);
        expectClose("throughput", num(group(r)["throughput_rps"]), lambda, 0.02);
        expectClose("consumer utilisation", num(r["components"]["orders"]["utilization"]), rho,
                    0.02);
    }

    // 4 partitions, 8 consumers, random processing times and failures (delivered again): each
    // partition's messages are still processed in publication order, while partitions go in
    // parallel. Without the one-consumer-per-partition rule order would break within seconds.
    void perPartitionOrder() {
        sim::Simulation sim;
        constexpr int kPartitions = 4;
        sim.addComponent(std::make_unique<CountingProducer>(0, 100));
        components::MessageQueue::Config config;
        config.partitions = kPartitions;
        config.consumers = 8;
        config.commitInterval = 0;
        config.redeliveryDelay = 0.005;
        config.maxAttempts = 100;
        sim.addComponent(std::make_unique<components::MessageQueue>("orders", 1, config,
                                                                    sim::makeStream(3, "q")));
        auto consumer = std::make_unique<RecordingConsumer>(2, 0.02, 0.2);
        const RecordingConsumer& recorded = *consumer;
        sim.addComponent(std::move(consumer));
        for (sim::Index from : {0, 1}) {
            sim::Link link;
            link.from = from;
            link.to = from + 1;
            sim.addLink(std::move(link));
        }
        static_cast<components::MessageQueue&>(sim.component(1)).connectGroups(sim);
        sim.start();
        sim.runUntil(300);
        std::map<std::uint64_t, std::uint32_t> lastKey;
        std::size_t inOrder = 0;
        for (std::uint32_t key : recorded.processed) {
            const std::uint64_t p = sim::mix64(key) % kPartitions;
            if (lastKey.count(p)) QVERIFY2(key > lastKey[p], "a partition went out of order");
            lastKey[p] = key;
            ++inOrder;
        }
        qInfo("%zu messages in order; at most %d processed at once", inOrder,
              recorded.maxInService);
        QVERIFY(inOrder > 25000);
        QCOMPARE(recorded.maxInService, kPartitions); // partitions in parallel, never more
    }

    // The worker crashes for 5 s. With commits every second, the partitions go back to their
    // last commit: what was processed since is processed again (duplicates), but every
    // message is processed at least once. Acknowledging each message at once (commit 0)
    // loses nothing and duplicates nothing: the crash only fails work that was not done.
    void consumerCrashDuplicatesButNoLoss_data() {
        QTest::addColumn<double>("commitMs");
        QTest::newRow("commit every 1 s") << 1000.0;
        QTest::newRow("ack each message") << 0.0;
    }
    void consumerCrashDuplicatesButNoLoss() {
        QFETCH(double, commitMs);
        Json s =
            queueScenario(100, 4, 20, {{"partitions", 16}, {"commit_interval_ms", commitMs}}, 120);
        s["components"][0]["stop_s"] = 60; // then the backlog drains
        s["faults"] = Json::array(
            {{{"kind", "crash"}, {"target", "worker"}, {"at_s", 20}, {"duration_s", 5}}});
        const Json r = test::run(s);
        const Json& g = group(r);
        const double published = num(g["published"]);
        qInfo("published %.0f, processed %.0f, duplicates %.0f, redeliveries %.0f", published,
              num(g["processed"]), num(g["duplicates"]), num(g["redeliveries"]));
        QCOMPARE(published, num(r["end_to_end"]["completed"]));
        QCOMPARE(num(g["processed"]), published); // no loss
        QCOMPARE(num(g["backlog"]), 0.0);
        QCOMPARE(num(g["dead_lettered"]), 0.0);
        QVERIFY(num(g["redeliveries"]) > 0);
        if (commitMs > 0) {
            // At most what the group processes in one commit interval (~ λ·1 s at the crash).
            QVERIFY(num(g["duplicates"]) > 10);
            QVERIFY(num(g["duplicates"]) <= 100 * commitMs / 1000 * 1.5);
        } else {
            QCOMPARE(num(g["duplicates"]), 0.0);
        }
    }

    // Every processing fails with probability p; after k failures a message is dead-lettered:
    // a share p^k of them (±0.01 absolute, ~4 standard errors), after p + p² + … + p^(k−1)
    // redeliveries each on average.
    void deadLetterAfterMaxAttempts_data() {
        QTest::addColumn<double>("p");
        QTest::addColumn<int>("k");
        QTest::newRow("p=0.5, k=3") << 0.5 << 3;
        QTest::newRow("p=0.3, k=2") << 0.3 << 2;
    }
    void deadLetterAfterMaxAttempts() {
        QFETCH(double, p);
        QFETCH(int, k);
        Json s = queueScenario(100, 8, 5,
                               {{"partitions", 64},
                                {"max_attempts", k},
                                {"redelivery_delay_ms", 1},
                                {"commit_interval_ms", 0}},
                               210);
        s["components"][0]["stop_s"] = 200;
        s["faults"] = Json::array({{{"kind", "errors"}, {"target", "worker"}, {"rate", p}}});
        const Json r = test::run(s);
        const Json& g = group(r);
        const double published = num(g["published"]);
        QCOMPARE(num(g["processed"]) + num(g["dead_lettered"]), published);
        const double share = num(g["dead_lettered"]) / published;
        qInfo("dead-lettered %.4f, theory p^k = %.4f", share, std::pow(p, k));
        QVERIFY(std::abs(share - std::pow(p, k)) < 0.01);
        double retries = 0;
        for (int i = 1; i < k; ++i)
            retries += std::pow(p, i);
        expectClose("redeliveries per message", num(g["redeliveries"]) / published, retries, 0.05);
    }

    // The broker itself down for 5 s: producers' calls fail at once (λ·5 s of them, cause
    // crashed), but what it stored before is kept and processed once it is back.
    void brokerCrashFailsProducersAndKeepsMessages() {
        Json s = queueScenario(100, 4, 20, {{"partitions", 16}}, 90);
        s["components"][0]["stop_s"] = 60;
        s["faults"] = Json::array(
            {{{"kind", "crash"}, {"target", "orders"}, {"at_s", 20}, {"duration_s", 5}}});
        const Json r = test::run(s);
        const Json& g = group(r);
        expectClose("producer calls failed", num(r["end_to_end"]["failed"]), 100 * 5, 0.15);
        QCOMPARE(num(r["end_to_end"]["errors_by_cause"]["crashed"]),
                 num(r["end_to_end"]["failed"]));
        QCOMPARE(num(g["published"]), num(r["end_to_end"]["completed"]));
        QCOMPARE(num(g["processed"]), num(g["published"]));
        QCOMPARE(num(g["backlog"]), 0.0);
    }

    // The group "worker" stops consuming from 20 s to 30 s: its backlog grows by λ·10 s, then
    // drains at cμ − λ; the analytics group, still consuming, never notices.
    void consumerStopGrowsTheBacklogThenDrains() {
        const double lambda = 100;
        Json s = queueScenario(lambda, 4, 20, {{"partitions", 32}}, 60);
        test::addComponent(s, "analytics", "service",
                           {{"workers", 4}, {"service_time", test::exponentialMs(5)}});
        test::addLink(s, "orders", "analytics");
        s["faults"] = Json::array({{{"kind", "consumer_stop"},
                                    {"target", "orders"},
                                    {"group", "worker"},
                                    {"at_s", 20},
                                    {"duration_s", 10}}});
        Json report;
        const Series series = runWithSeries(s, &report);
        expectClose("worker backlog at 30 s", series.at("orders.worker.backlog", 30), lambda * 10,
                    0.1);
        QVERIFY(series.at("orders.worker.backlog", 19) < 20);
        QVERIFY(series.at("orders.worker.backlog", 50) < 20); // drained at ~100/s
        QVERIFY(series.at("orders.analytics.backlog", 30) < 20);
        QVERIFY(series.at("orders.worker.lag", 30) >= series.at("orders.worker.backlog", 30));
        for (const char* id : {"worker", "analytics"}) { // each group gets every message
            const Json& g = group(report, id);
            QCOMPARE(num(g["published"]), num(group(report)["published"]));
            QCOMPARE(num(g["processed"]) + num(g["backlog"]), num(g["published"]));
        }
        const Json& events = report["fault_events"];
        QCOMPARE(events[0]["kind"].get<std::string>(), std::string("consumer_stop"));
    }

    // The runtime API the GUI uses: a consumer stop injected and cleared by hand.
    void consumerStopInjectedAtRunTime() {
        const auto scenario =
            model::parseScenario(queueScenario(100, 4, 20, {{"partitions", 32}}, 100).dump());
        auto sim = components::buildSimulation(scenario);
        const auto& queue = dynamic_cast<const components::MessageQueue&>(sim->component(1));
        const sim::Index g = queue.groupOf(2);
        QCOMPARE(g, sim::Index(0));
        sim->start();
        sim->runUntil(10);
        sim::Fault stop;
        stop.kind = sim::Fault::Kind::ConsumerStop;
        stop.targets = {1};
        stop.peers = {2};
        const sim::Index id = sim->injectFault(stop);
        sim->runUntil(20);
        QVERIFY(queue.group(g).stopped());
        expectClose("backlog after 10 s stopped", double(queue.group(g).backlog()), 1000, 0.1);
        sim->clearFault(id);
        QVERIFY(!queue.group(g).stopped());
        sim->runUntil(40);
        QVERIFY(queue.group(g).backlog() < 20);
    }

    // Offsets as a live view shows them, per partition: the log-end offset (produced), the
    // group's committed offset (consumed and committed) and the lag between them. λ = 400/s
    // into 2 consumers of μ = 100/s until the producers stop at 30 s: the lag grows at
    // λ − cμ = 200/s (read at the same phase of the 1 s commit cycle, so the commit's
    // sawtooth cancels; one standard deviation of the 20 s growth is ~3%, tolerance 10%),
    // both consumers each hold one partition while there is a backlog, and once they have
    // caught up (~6,000 messages at 200/s: ~60 s) and committed, every lag is 0.
    void offsetsAndLagPerPartition() {
        const double lambda = 400, mu = 100;
        const int c = 2, partitions = 8;
        Json s = queueScenario(lambda, c, 1000 / mu, {{"partitions", partitions}}, 80);
        s["components"][0]["stop_s"] = 30;
        auto sim = components::buildSimulation(model::parseScenario(s.dump()));
        const auto& queue = dynamic_cast<const components::MessageQueue&>(sim->component(1));
        const auto& g = queue.group(0);
        // Lag is produced − consumed, per partition and in sum, and the sums are the group's.
        bool consistent = true;
        const auto lagAt = [&](double t) {
            sim->runUntil(t);
            std::uint64_t produced = 0, consumed = 0, lag = 0;
            for (std::size_t p = 0; p < g.partitions(); ++p) {
                const auto i = sim::Index(p);
                consistent &= g.lag(i) == g.endOffset(i) - g.committedOffset(i);
                produced += g.endOffset(i);
                consumed += g.committedOffset(i);
                lag += g.lag(i);
            }
            consistent &= lag == g.lag() && produced == g.total.published;
            // Consumed = processed, less what is processed but not committed yet.
            consistent &= consumed == g.total.processed - (g.lag() - g.backlog());
            return double(lag);
        };
        sim->start();
        const double early = lagAt(5.5);
        // Both consumers busy, each on a partition of its own.
        std::vector<int> holders;
        for (std::size_t p = 0; p < g.partitions(); ++p)
            if (g.holder(sim::Index(p)) >= 0) holders.push_back(g.holder(sim::Index(p)));
        std::sort(holders.begin(), holders.end());
        QCOMPARE(holders, (std::vector<int>{0, 1}));
        const double late = lagAt(25.5);
        expectClose("lag growth per s", (late - early) / 20, lambda - c * mu, 0.10);
        QVERIFY(lagAt(45.5) > 0);
        QCOMPARE(lagAt(75.5), 0.0);
        QVERIFY(consistent);
        for (std::size_t p = 0; p < g.partitions(); ++p) {
            QCOMPARE(g.holder(sim::Index(p)), -1);
            QCOMPARE(g.committedOffset(sim::Index(p)), g.endOffset(sim::Index(p)));
        }
    }

    // λ = 200/s, one consumer of μ = 100/s, at most 500 messages waiting. drop_oldest keeps
    // accepting and drops the overflow; reject_new refuses it to the producers instead.
    void boundedRetention_data() {
        QTest::addColumn<QString>("overflow");
        QTest::newRow("drop_oldest") << "drop_oldest";
        QTest::newRow("reject_new") << "reject_new";
    }
    void boundedRetention() {
        QFETCH(QString, overflow);
        const double lambda = 200, mu = 100, T = 60, limit = 500;
        const Json r = test::run(queueScenario(lambda, 1, 1000 / mu,
                                               {{"partitions", 16},
                                                {"max_backlog", limit},
                                                {"overflow", overflow.toStdString()},
                                                {"commit_interval_ms", 0}},
                                               T));
        const Json& g = group(r);
        const double sent = num(r["end_to_end"]["sent"]);
        const double excess = (lambda - mu) * T - limit;
        QVERIFY(num(g["backlog"]) <= limit + 1); // waiting + the one in service
        if (overflow == "drop_oldest") {
            QCOMPARE(num(g["processed"]) + num(g["dropped"]) + num(g["backlog"]),
                     num(g["published"]));
            QVERIFY(sent - num(g["published"]) <= 1); // one may be mid-append at the end
            expectClose("dropped", num(g["dropped"]), excess, 0.05);
        } else {
            QCOMPARE(num(g["dropped"]), 0.0);
            const double rejected = num(r["components"]["orders"]["rejected"]);
            QCOMPARE(num(r["end_to_end"]["errors_by_cause"]["rejected"]), rejected);
            QVERIFY(sent - (num(g["published"]) + rejected) <= 1);
            expectClose("rejected", rejected, excess, 0.05);
        }
    }
};

QTEST_APPLESS_MAIN(TestQueue)
#include "test_queue.moc"
