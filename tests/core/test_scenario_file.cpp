// Reading scenario files: every kind of bad input is refused with a ScenarioError that names
// the JSON path and the line and column where the offending value sits; good files get their
// defaults filled in and survive a serialize → parse round trip unchanged.
//
// Error texts mark the expected location with '@' (removed before parsing): the error must
// point at the character right after the marker. For syntax errors the parser may point
// anywhere inside the offending token, whose length the table gives.
#include "components/build_simulation.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>
#include <string>

using sdlab::model::Json;
using sdlab::model::parseScenario;
using sdlab::model::Scenario;
using sdlab::model::ScenarioError;
using sdlab::model::serializeScenario;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

struct Marked {
    std::string text;
    int line = 0;
    int column = 0;
};

/// Removes the one '@' in `text` and returns the 1-based line and column where it stood.
Marked unmark(const QString& marked) {
    Marked out;
    out.text = marked.toStdString();
    const auto at = out.text.find('@');
    if (at == std::string::npos) return out;
    out.text.erase(at, 1);
    out.line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < at; ++i)
        if (out.text[i] == '\n') {
            ++out.line;
            lineStart = i + 1;
        }
    out.column = int(at - lineStart) + 1;
    return out;
}

/// A valid scenario; rows below are variations of it.
const char* const kBase = R"({
  "version": 1,
  "seed": 7,
  "duration_s": 30,
  "warmup_s": 5,
  "components": [
    { "id": "clients", "type": "client", "rps": 50 },
    { "id": "api", "type": "service", "workers": 2 },
    { "id": "db", "type": "database" }
  ],
  "links": [
    { "from": "clients", "to": "api" },
    { "from": "api", "to": "db" }
  ]
})";

/// kBase with its component list and link list replaced.
QString withParts(const QString& components, const QString& links) {
    return QString(R"({
  "version": 1,
  "seed": 7,
  "duration_s": 30,
  "warmup_s": 5,
  "components": [
%1
  ],
  "links": [
%2
  ]
})")
        .arg(components, links);
}

const char* const kComponents = R"(    { "id": "clients", "type": "client", "rps": 50 },
    { "id": "api", "type": "service", "workers": 2 },
    { "id": "db", "type": "database" })";

const char* const kLinks = R"(    { "from": "clients", "to": "api" },
    { "from": "api", "to": "db" })";

QString withComponents(const QString& components) {
    return withParts(components, kLinks);
}
QString withLinks(const QString& links) {
    return withParts(kComponents, links);
}

/// The service "api" of kBase with other fields (or another type).
QString withApi(const QString& fields, const QString& type = "service") {
    return withComponents(QString(R"(    { "id": "clients", "type": "client", "rps": 50 },
    { "id": "api", "type": "%1", %2 },
    { "id": "db", "type": "database" })")
                              .arg(type, fields));
}

/// kBase with "api" a saga orchestrator with these fields.
QString withSaga(const QString& fields) {
    return withApi(fields, "saga");
}

/// kBase (api with 3 replicas) with a fault list.
QString withFaults(const QString& faults) {
    return QString(R"({
  "components": [
    { "id": "clients", "type": "client", "rps": 50 },
    { "id": "api", "type": "service", "replicas": 3 },
    { "id": "db", "type": "database" }
  ],
  "links": [
    { "from": "clients", "to": "api" },
    { "from": "api", "to": "db" }
  ],
  "faults": [
%1
  ]
})")
        .arg(faults);
}

/// Clients → api → a message queue "orders" (with these fields) → consumer "worker", and these
/// faults.
QString withQueue(const QString& fields, const QString& faults = "") {
    return QString(R"({
  "components": [
    { "id": "clients", "type": "client" },
    { "id": "api", "type": "service" },
    { "id": "orders", "type": "message_queue"%1 },
    { "id": "worker", "type": "service" }
  ],
  "links": [
    { "from": "clients", "to": "api" },
    { "from": "api", "to": "orders" },
    { "from": "orders", "to": "worker" }
  ],
  "faults": [%2]
})")
        .arg(fields, faults);
}

QString examplesDir() {
    return QStringLiteral(SDLAB_EXAMPLES_DIR);
}

std::string readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

} // namespace

class TestScenarioFile : public QObject {
    Q_OBJECT
private slots:
    void baseIsValid() {
        const Scenario s = parseScenario(kBase);
        QCOMPARE(s.components.size(), std::size_t(3));
        QCOMPARE(s.links.size(), std::size_t(2));
        QCOMPARE(s.seed, std::uint64_t(7));
    }

    void rejects_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<int>("tokenLength");

        // Syntax: the location comes from the parser.
        QTest::newRow("syntax: missing comma") << QString(R"({
  "version": 1,
  "components": [
    { "id": "a" @"type": "service" }
  ]
})") << ""
                                               << "syntax error" << 6;
        QTest::newRow("syntax: trailing comma") << QString(R"({
  "components": [
    { "id": "a", "type": "service", @}
  ]
})") << ""
                                                << "syntax error" << 1;
        QTest::newRow("syntax: single quotes") << QString(R"({
  "components": [
    { "id": @'a', "type": "service" }
  ]
})") << ""
                                               << "syntax error" << 1;
        QTest::newRow("syntax: missing colon") << QString(R"({
  "components": [
    { "id": "a", "type": "service",
      "workers" @2 }
  ]
})") << ""
                                               << "syntax error" << 1;
        QTest::newRow("syntax: NaN") << QString(R"({
  "components": [
    { "id": "a", "type": "service", "workers": @NaN }
  ]
})") << ""
                                     << "syntax error" << 1;
        QTest::newRow("syntax: raw newline in a string") << QString(R"({
  "name": "abc@
",
  "components": []
})") << ""
                                                         << "syntax error" << 1;
        QTest::newRow("syntax: truncated") << QString(R"({
  "components": [
    { "id": "a", "type": "service" }
@)") << ""
                                           << "syntax error" << 1;
        QTest::newRow("syntax: text after the end") << QString(R"({
  "components": []
}
@}
)") << ""
                                                    << "syntax error" << 1;
        QTest::newRow("syntax: empty file") << QString("@") << ""
                                            << "syntax error" << 1;
        QTest::newRow("number too large for a double") << QString(R"({
  "components": [
    { "id": "a", "type": "service",
      "workers": @1e400 }
  ]
})") << ""
                                                       << "number overflow" << 5;

        // The top level.
        QTest::newRow("top level not an object") << QString("\n@[ 1, 2 ]\n") << ""
                                                 << "expected a JSON object at the top" << 1;
        QTest::newRow("wrong version")
            << QString(kBase).replace(R"("version": 1)", R"("version": @2)") << "version"
            << "version 1" << 1;
        QTest::newRow("warmup_s equal to duration_s")
            << QString(kBase).replace(R"("warmup_s": 5)", R"("warmup_s": @30)") << "warmup_s"
            << "shorter than duration_s" << 1;
        QTest::newRow("warmup_s above duration_s")
            << QString(kBase).replace(R"("warmup_s": 5)", R"("warmup_s": @31)") << "warmup_s"
            << "shorter than duration_s" << 1;
        QTest::newRow("negative duration_s")
            << QString(kBase).replace(R"("duration_s": 30)", R"("duration_s": @-30)")
            << "duration_s"
            << "between" << 1;
        QTest::newRow("seed as a string")
            << QString(kBase).replace(R"("seed": 7)", R"("seed": @"7")") << "seed"
            << "expected an integer" << 1;
        QTest::newRow("name not a string")
            << QString(kBase).replace(R"("seed": 7,)", R"("seed": 7, "name": @42,)") << "name"
            << "expected a string" << 1;
        QTest::newRow("unknown top-level field")
            << QString(kBase).replace(R"("seed": 7,)", R"("seed": 7, "sead": @8,)") << "sead"
            << "did you mean 'seed'?" << 1;
        QTest::newRow("components missing") << QString("@{ \"version\": 1 }") << "components"
                                            << "missing" << 1;
        QTest::newRow("components not an array")
            << QString("{\n  \"components\": @{}\n}") << "components"
            << "expected an array" << 1;

        // Components.
        QTest::newRow("component not an object")
            << withComponents(R"(    { "id": "clients", "type": "client", "rps": 50 },
    @"api",
    { "id": "db", "type": "database" })")
            << "components[1]"
            << "expected an object" << 1;
        QTest::newRow("unknown component type")
            << withComponents(R"(    { "id": "clients", "type": "client", "rps": 50 },
    { "id": "api", "type": @"servce", "workers": 2 },
    { "id": "db", "type": "database" })")
            << "components[1].type"
            << "unknown component type 'servce'" << 1;
        QTest::newRow("missing id") << withComponents(R"(    { "id": "clients", "type": "client" },
    @{ "type": "service", "workers": 2 },
    { "id": "db", "type": "database" })")
                                    << "components[1].id"
                                    << "missing" << 1;
        QTest::newRow("missing type")
            << withComponents(R"(    { "id": "clients", "type": "client" },
    { "id": "api", "type": "service", "workers": 2 },
    @{ "id": "db" })")
            << "components[2].type"
            << "missing" << 1;
        QTest::newRow("duplicate id")
            << withComponents(R"(    { "id": "clients", "type": "client" },
    { "id": "api", "type": "service" },
    { "id": @"api", "type": "database" })")
            << "components[2].id"
            << "duplicate id 'api'" << 1;
        QTest::newRow("bad id characters")
            << withComponents(R"(    { "id": "clients", "type": "client" },
    { "id": @"my api", "type": "service" },
    { "id": "db", "type": "database" })")
            << "components[1].id"
            << "may use only letters" << 1;
        QTest::newRow("empty id") << withComponents(R"(    { "id": "clients", "type": "client" },
    { "id": @"", "type": "service" },
    { "id": "db", "type": "database" })")
                                  << "components[1].id"
                                  << "must not be empty" << 1;
        QTest::newRow("id not a string")
            << withComponents(R"(    { "id": "clients", "type": "client" },
    { "id": @7, "type": "service" },
    { "id": "db", "type": "database" })")
            << "components[1].id"
            << "expected a string" << 1;
        QTest::newRow("workers as a string")
            << withApi(R"("workers": @"4")") << "components[1].workers"
            << "expected an integer, got the string \"4\"" << 1;
        QTest::newRow("negative workers") << withApi(R"("workers": @-1)") << "components[1].workers"
                                          << "between" << 1;
        QTest::newRow("zero workers") << withApi(R"("workers": @0)") << "components[1].workers"
                                      << "between" << 1;
        QTest::newRow("workers not an integer")
            << withApi(R"("workers": @2.5)") << "components[1].workers"
            << "expected an integer" << 1;
        QTest::newRow("workers null") << withApi(R"("workers": @null)") << "components[1].workers"
                                      << "expected an integer" << 1;
        QTest::newRow("absurd rps") << withComponents(R"(    { "id": "clients", "type": "client",
      "rps": @1e12 },
    { "id": "api", "type": "service", "workers": 2 },
    { "id": "db", "type": "database" })")
                                    << "components[0].rps"
                                    << "between" << 1;
        QTest::newRow("unknown parameter, near miss")
            << withApi(R"("worker": @2)") << "components[1].worker"
            << "did you mean 'workers'?" << 1;
        QTest::newRow("unknown choice")
            << withComponents(R"(    { "id": "clients", "type": "client", "mode": @"half" },
    { "id": "api", "type": "service", "workers": 2 },
    { "id": "db", "type": "database" })")
            << "components[0].mode"
            << "expected one of open, closed" << 1;
        QTest::newRow("saga: no compensation attempts")
            << withSaga(R"("compensation_attempts": @0)") << "components[1].compensation_attempts"
            << "must be between 1 and 20, got 0" << 1;
        QTest::newRow("saga: negative compensation backoff")
            << withSaga(R"("compensation_backoff_ms": @-5)")
            << "components[1].compensation_backoff_ms"
            << "must be between 0 and" << 2;
        QTest::newRow("saga: unknown compensate_failed_step")
            << withSaga(R"("compensate_failed_step": @"sometimes")")
            << "components[1].compensate_failed_step"
            << "expected one of on_timeout, always, never" << 1;
        QTest::newRow("saga: near miss")
            << withSaga(R"("compensation_attempt": @3)") << "components[1].compensation_attempt"
            << "did you mean 'compensation_attempts'?" << 1;
        QTest::newRow("saga: step_time not a distribution")
            << withSaga(R"("step_time": @"fast")") << "components[1].step_time"
            << "expected a distribution" << 1;
        QTest::newRow("distribution: unknown dist")
            << withApi(R"("service_time": { "dist": @"gauss", "mean_ms": 3 })")
            << "components[1].service_time.dist"
            << "unknown distribution 'gauss'" << 1;
        QTest::newRow("distribution: missing dist")
            << withApi(R"("service_time": @{ "mean_ms": 3 })") << "components[1].service_time.dist"
            << "missing" << 1;
        QTest::newRow("distribution: missing mean_ms")
            << withApi(R"("service_time": @{ "dist": "exponential" })")
            << "components[1].service_time.mean_ms"
            << "missing" << 1;
        QTest::newRow("distribution: uniform max below min")
            << withApi(R"("service_time": { "dist": "uniform", "min_ms": 5, "max_ms": @1 })")
            << "components[1].service_time.max_ms"
            << "above min_ms" << 1;
        QTest::newRow("distribution: uniform max equal to min")
            << withApi(R"("service_time": { "dist": "uniform", "min_ms": 5, "max_ms": @5 })")
            << "components[1].service_time.max_ms"
            << "above min_ms" << 1;
        QTest::newRow("distribution: field of another dist")
            << withApi(R"("service_time": { "dist": "exponential", "mean_ms": 3, "cv": @2 })")
            << "components[1].service_time.cv"
            << "unknown field" << 1;
        QTest::newRow("distribution: zero exponential mean")
            << withApi(R"("service_time": { "dist": "exponential", "mean_ms": @0 })")
            << "components[1].service_time.mean_ms"
            << "between" << 1;
        QTest::newRow("distribution: a bare number")
            << withApi(R"("service_time": @10)") << "components[1].service_time"
            << "expected a distribution" << 1;
        QTest::newRow("ttl eviction without ttl_s")
            << withComponents(R"(    { "id": "clients", "type": "client", "rps": 50 },
    { "id": "api", "type": "service", "workers": 2 },
    @{ "id": "db", "type": "cache", "eviction": "ttl" })")
            << "components[2].ttl_s"
            << "needs ttl_s > 0" << 1;
        QTest::newRow("ui not an object") << withApi(R"("ui": @[1, 2])") << "components[1].ui"
                                          << "expected an object" << 1;

        // Links and topology.
        QTest::newRow("link to an unknown id")
            << withLinks(R"(    { "from": "clients", "to": "api" },
    { "from": "api", "to": @"dbx" })")
            << "links[1].to"
            << "no component has id 'dbx'" << 1;
        QTest::newRow("link from an unknown id")
            << withLinks(R"(    { "from": @"client", "to": "api" },
    { "from": "api", "to": "db" })")
            << "links[0].from"
            << "no component has id 'client'" << 1;
        QTest::newRow("link without to") << withLinks(R"(    { "from": "clients", "to": "api" },
    @{ "from": "api" })") << "links[1].to"
                                         << "missing" << 1;
        QTest::newRow("self link") << withLinks(R"(    { "from": "clients", "to": "api" },
    @{ "from": "api", "to": "api" })")
                                   << "links[1]"
                                   << "cannot call itself" << 1;
        QTest::newRow("duplicate link") << withLinks(R"(    { "from": "clients", "to": "api" },
    { "from": "api", "to": "db" },
    @{ "from": "api", "to": "db" })") << "links[2]"
                                        << "a second link from 'api' to 'db'" << 1;
        QTest::newRow("link into a client") << withLinks(R"(    { "from": "clients", "to": "api" },
    { "from": "api", "to": @"clients" })") << "links[1].to"
                                            << "receives none" << 1;
        QTest::newRow("negative link latency")
            << withLinks(R"(    { "from": "clients", "to": "api", "latency_ms": @-1 },
    { "from": "api", "to": "db" })")
            << "links[0].latency_ms"
            << "between" << 1;
        QTest::newRow("unknown link field")
            << withLinks(R"(    { "from": "clients", "to": "api", "wieght": @2 },
    { "from": "api", "to": "db" })")
            << "links[0].wieght"
            << "did you mean 'weight'?" << 1;
        QTest::newRow("cache with two outgoing links")
            << withParts(R"(    { "id": "clients", "type": "client" },
    @{ "id": "cache", "type": "cache" },
    { "id": "a", "type": "service" },
    { "id": "b", "type": "service" })",
                         R"(    { "from": "clients", "to": "cache" },
    { "from": "cache", "to": "a" },
    { "from": "cache", "to": "b" })")
            << "components[1]"
            << "at most 1" << 1;
        // Faults.
        QTest::newRow("crash of an instance that does not exist")
            << withFaults(R"(    { "kind": "crash", "target": "api", "instance": @3 })")
            << "faults[0].instance"
            << "service 'api' has instances 0 to 2, got 3" << 1;
        QTest::newRow("instance not a number")
            << withFaults(R"(    { "kind": "crash", "target": "api", "instance": @"one" })")
            << "faults[0].instance"
            << "expected an instance number" << 5;
        QTest::newRow("instance of a slow fault")
            << withFaults(R"(    { "kind": "slow", "target": "api", "factor": 2,
      "instance": @0 })")
            << "faults[0].instance"
            << "only a crash takes an instance" << 1;
        QTest::newRow("instance of a database")
            << withFaults(R"(    { "kind": "crash", "target": "db", "instance": @0 })")
            << "faults[0].instance"
            << "only a service's instances" << 1;
        QTest::newRow("queue: consumer_stop of a service")
            << withQueue("", R"({ "kind": "consumer_stop", "target": @"api" })")
            << "faults[0].target"
            << "only a message_queue's consumers can stop" << 5;
        QTest::newRow("queue: consumer_stop of a group it does not feed")
            << withQueue("", R"({ "kind": "consumer_stop", "target": "orders", "group": @"api" })")
            << "faults[0].group"
            << "'api' is not a consumer group of 'orders'" << 5;
        QTest::newRow("queue: group on a crash")
            << withQueue("", R"({ "kind": "crash", "target": "orders", "group": @"worker" })")
            << "faults[0].group"
            << "only a consumer_stop names a consumer group" << 8;
        QTest::newRow("queue: group of an unknown component")
            << withQueue("",
                         R"({ "kind": "consumer_stop", "target": "orders", "group": @"nobody" })")
            << "faults[0].group"
            << "expected the id of a component" << 8;
        QTest::newRow("queue: zero max_backlog")
            << withQueue(R"(, "max_backlog": @0)") << "components[2].max_backlog"
            << "-1 (unbounded) or at least 1" << 1;
        QTest::newRow("queue: no partitions")
            << withQueue(R"(, "partitions": @0)") << "components[2].partitions"
            << "" << 1;
        QTest::newRow("queue: unknown overflow")
            << withQueue(R"(, "overflow": @"block")") << "components[2].overflow"
            << "drop_oldest, reject_new" << 7;
        QTest::newRow("autoscaling max below min")
            << withApi(R"("autoscaling": { "min_instances": 4, "max_instances": @2 })")
            << "components[1].autoscaling.max_instances"
            << "at least min_instances" << 1;
        QTest::newRow("utilization target above 1")
            << withApi(R"("autoscaling": { "target": @60 })") << "components[1].autoscaling.target"
            << "at most 1" << 2;
        QTest::newRow("scale_in not a boolean")
            << withApi(R"("autoscaling": { "scale_in": @"no" })")
            << "components[1].autoscaling.scale_in"
            << "expected true or false" << 4;
        QTest::newRow("client stops before it starts")
            << withComponents(
                   R"(    { "id": "clients", "type": "client", "start_s": 10, "stop_s": @5 },
    { "id": "api", "type": "service" },
    { "id": "db", "type": "database" })")
            << "components[0].stop_s"
            << "must be after start_s" << 1;
        QTest::newRow("registry TTL below its heartbeat interval")
            << withApi(R"("heartbeat_interval_s": 10, "heartbeat_ttl_s": @5)", "service_registry")
            << "components[1].heartbeat_ttl_s"
            << "at least heartbeat_interval_s" << 1;
        QTest::newRow("feed with max_followers below min_followers")
            << withApi(R"("min_followers": 100, "max_followers": @50)", "feed_service")
            << "components[1].max_followers"
            << "at least min_followers" << 2;
        QTest::newRow("object size distribution unknown")
            << withApi(R"("size_distribution": @"pareto")", "object_storage")
            << "components[1].size_distribution"
            << "expected one of lognormal, exponential, fixed" << 8;
        QTest::newRow("CDN edge with ttl eviction")
            << withApi(R"("eviction": @"ttl")", "cdn") << "components[1].eviction"
            << "expected one of lru, lfu, fifo" << 5;
        QTest::newRow("gateway: unknown rate limit algorithm")
            << withApi(R"("rate_limit": { "algorithm": @"leaky_bucket" })", "api_gateway")
            << "components[1].rate_limit.algorithm"
            << "expected one of token_bucket, sliding_window" << 14;
        QTest::newRow("gateway: token bucket that never refills")
            << withApi(R"("rate_limit": { "capacity": 10, "refill_per_s": @0 })", "api_gateway")
            << "components[1].rate_limit.refill_per_s"
            << "must be between" << 1;
        QTest::newRow("gateway: sliding window of no requests")
            << withApi(R"("rate_limit": { "algorithm": "sliding_window", "limit": @0 })",
                       "api_gateway")
            << "components[1].rate_limit.limit"
            << "must be between 1 and" << 1;
        QTest::newRow("gateway: cache field misspelt")
            << withApi(R"("cache": { "capacity": 10, "tll_s": @5 })", "api_gateway")
            << "components[1].cache.tll_s"
            << "did you mean 'ttl_s'?" << 1;
        QTest::newRow("service: unknown calls mode")
            << withApi(R"("calls": @"fanout")") << "components[1].calls"
            << "expected one of sequential, parallel" << 8;
        QTest::newRow("link: unknown route") << withLinks(R"(    { "from": "clients", "to": "api" },
    { "from": "api", "to": "db", "route": @"queries" })")
                                             << "links[1].route"
                                             << "expected one of all, reads, writes" << 9;
        QTest::newRow("route on a load balancer's link")
            << withParts(R"(    { "id": "clients", "type": "client" },
    { "id": "lb", "type": "load_balancer" },
    { "id": "api", "type": "service" })",
                         R"(    { "from": "clients", "to": "lb" },
    { "from": "lb", "to": "api", "route": @"reads" })")
            << "links[1].route"
            << "only a service or an API gateway" << 7;
        QTest::newRow("routing loop between two services") << QString(R"({
  "components": [
    { "id": "clients", "type": "client" },
    { "id": "a", "type": "service" },
    { "id": "b", "type": "service" }
  ],
  "links": @[
    { "from": "clients", "to": "a" },
    { "from": "a", "to": "b" },
    { "from": "b", "to": "a" }
  ]
})") << "links"
                                                           << "routing loop" << 1;
    }
    void rejects() {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        QFETCH(int, tokenLength);
        const Marked m = unmark(text);
        QVERIFY2(m.line > 0, "the row has no '@' marker");
        try {
            parseScenario(m.text);
        } catch (const ScenarioError& e) {
            const QString what = QString::fromStdString(e.what());
            QCOMPARE(QString::fromStdString(e.path()), path);
            QVERIFY2(what.contains(fragment),
                     qPrintable(QString("'%1' does not say '%2'").arg(what, fragment)));
            QCOMPARE(e.line(), m.line);
            QVERIFY2(e.column() >= m.column && e.column() < m.column + tokenLength,
                     qPrintable(QString("column %1, expected %2..%3 (%4)")
                                    .arg(e.column())
                                    .arg(m.column)
                                    .arg(m.column + tokenLength - 1)
                                    .arg(what)));
            // The CLI's one-line form: FILE:LINE:COL: PATH: message.
            const std::string expected =
                "f.json:" + std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " +
                (path.isEmpty() ? "" : path.toStdString() + ": ") + e.what();
            QCOMPARE(q(e.describe("f.json")), q(expected));
            return;
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QString("not a ScenarioError: %1").arg(e.what())));
        }
        QFAIL("accepted");
    }

    // Loops are fine where some member can answer without calling on.
    void acceptsLoopWithWayOut_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("through a cache") << QString(R"({
  "components": [
    { "id": "clients", "type": "client" },
    { "id": "cache", "type": "cache" },
    { "id": "api", "type": "service" }
  ],
  "links": [
    { "from": "clients", "to": "cache" },
    { "from": "cache", "to": "api" },
    { "from": "api", "to": "cache" }
  ]
})");
        QTest::newRow("through a balancer with a link out") << QString(R"({
  "components": [
    { "id": "clients", "type": "client" },
    { "id": "lb", "type": "load_balancer" },
    { "id": "a", "type": "service" },
    { "id": "b", "type": "service" }
  ],
  "links": [
    { "from": "clients", "to": "lb" },
    { "from": "lb", "to": "a" },
    { "from": "a", "to": "lb" },
    { "from": "lb", "to": "b" }
  ]
})");
    }
    void acceptsLoopWithWayOut() {
        QFETCH(QString, text);
        try {
            const Scenario s = parseScenario(text.toStdString());
            QVERIFY(s.links.size() >= 3);
        } catch (const ScenarioError& e) {
            QFAIL(qPrintable(QString("refused: %1: %2").arg(e.path().c_str(), e.what())));
        }
    }

    // Deep nesting is refused with a path, without recursing once per level.
    void tooDeep_data() {
        QTest::addColumn<int>("levels");
        QTest::addColumn<bool>("objects");
        QTest::newRow("arrays, 100 levels") << 100 << false;
        QTest::newRow("objects, 100 levels") << 100 << true;
        QTest::newRow("arrays, 200000 levels") << 200000 << false;
        QTest::newRow("objects, 200000 levels") << 200000 << true;
    }
    void tooDeep() {
        QFETCH(int, levels);
        QFETCH(bool, objects);
        std::string ui;
        for (int i = 0; i < levels; ++i)
            ui += objects ? "{\"k\":" : "[";
        ui += "1";
        for (int i = 0; i < levels; ++i)
            ui += objects ? "}" : "]";
        const std::string text = "{\n  \"components\": [],\n  \"ui\": " + ui + "\n}\n";
        try {
            parseScenario(text);
            QFAIL("accepted");
        } catch (const ScenarioError& e) {
            const std::string path = e.path();
            QVERIFY2(path.rfind("ui", 0) == 0, path.c_str());
            QVERIFY2(QString(e.what()).contains("nested more than"), e.what());
            QCOMPARE(e.line(), 3);
            QVERIFY(e.column() > 9);
        }
    }
    void shallowNestingInUiIsKept() {
        const std::string text =
            R"({ "components": [], "ui": { "a": { "b": { "c": [[[1, 2], [3]]] } } } })";
        const Scenario s = parseScenario(text);
        QCOMPARE(s.ui["a"]["b"]["c"][0][0][1].get<int>(), 2);
    }

    void defaultsFilledIn() {
        const Scenario s = parseScenario(R"({
  "components": [
    { "id": "c", "type": "client" },
    { "id": "s", "type": "service" }
  ],
  "links": [ { "from": "c", "to": "s" } ]
})");
        QCOMPARE(s.version, 1);
        QCOMPARE(s.seed, std::uint64_t(1));
        QCOMPARE(s.durationS, 60.0);
        QCOMPARE(s.warmupS, 0.0);
        const Json& client = s.components[0].params;
        QCOMPARE(q(client["mode"].get<std::string>()), QString("open"));
        QCOMPARE(client["rps"].get<double>(), 100.0);
        QCOMPARE(q(client["arrival"].get<std::string>()), QString("poisson"));
        const Json& service = s.components[1].params;
        QCOMPARE(service["workers"].get<int>(), 4);
        QCOMPARE(service["queue_capacity"].get<int>(), -1);
        QCOMPARE(q(service["service_time"]["dist"].get<std::string>()), QString("exponential"));
        QCOMPARE(service["service_time"]["mean_ms"].get<double>(), 10.0);
        const Json& link = s.links[0].params;
        QCOMPARE(link["latency_ms"].get<double>(), 0.0);
        QCOMPARE(link["weight"].get<double>(), 1.0);
    }

    void givenValuesKept() {
        const Scenario s = parseScenario(kBase);
        QCOMPARE(s.durationS, 30.0);
        QCOMPARE(s.warmupS, 5.0);
        QCOMPARE(q(s.components[1].id), QString("api"));
        QCOMPARE(q(s.components[1].type), QString("service"));
        QCOMPARE(s.components[1].params["workers"].get<int>(), 2);
        QCOMPARE(s.components[0].params["rps"].get<double>(), 50.0);
        QCOMPARE(q(s.links[1].from), QString("api"));
        QCOMPARE(q(s.links[1].to), QString("db"));
    }

    void instanceCrashAndAutoscalingSurviveARoundTrip() {
        const QString text = withFaults(
            R"(    { "kind": "crash", "target": "api", "instance": 2, "at_s": 5, "duration_s": 3 })");
        std::string file = text.toStdString();
        file.replace(file.find("\"replicas\": 3"), 13,
                     R"("replicas": 3, "autoscaling": { "boot_s": 5, "scale_in": false })");
        const Scenario first = parseScenario(file);
        QCOMPARE(first.faults[0].instance, 2);
        const auto& autoscaling = first.components[1].params["autoscaling"];
        QCOMPARE(autoscaling["scale_in"].get<bool>(), false);
        QCOMPARE(autoscaling["max_instances"].get<int>(), 10); // defaults filled in
        const std::string once = serializeScenario(first);
        QCOMPARE(q(serializeScenario(parseScenario(once))), q(once));
        QCOMPARE(parseScenario(once).faults[0].instance, 2);
        // Without it the file says nothing: the whole component crashes, as before.
        QCOMPARE(parseScenario(kBase).faults.size(), std::size_t(0));
        QVERIFY(q(serializeScenario(parseScenario(
                      withFaults(R"(    { "kind": "crash", "target": "api" })").toStdString())))
                    .indexOf("instance") < 0);
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(examplesDir()).entryList({"*.json"}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable("no examples in " + examplesDir()));
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << QDir(examplesDir()).filePath(f);
    }
    // A scenario made in memory with a link to a component that is gone (an editor half way
    // through a rename) is refused by name when built, not run with a bad index.
    void buildingRefusesALinkToNothing() {
        Scenario s = sdlab::model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
        s.components[std::size_t(s.indexOf("cache"))].id = "redis";
        try {
            sdlab::components::buildSimulation(s);
            QFAIL("built a simulation with a link to a missing component");
        } catch (const ScenarioError& e) {
            QVERIFY2(QString::fromStdString(e.path()).startsWith("links[") &&
                         QString(e.what()).contains("'cache'"),
                     qPrintable(QString::fromStdString(e.describe("design.json"))));
        }
    }

    void roundTrip() {
        QFETCH(QString, file);
        const std::string original = readFile(file);
        QVERIFY2(!original.empty(), qPrintable("cannot read " + file));
        const Scenario first = parseScenario(original);
        const std::string once = serializeScenario(first);
        const Scenario second = parseScenario(once);
        const std::string twice = serializeScenario(second);
        QCOMPARE(q(twice), q(once));
        QCOMPARE(second.components.size(), first.components.size());
        QCOMPARE(second.links.size(), first.links.size());
        QCOMPARE(second.seed, first.seed);
        QCOMPARE(second.durationS, first.durationS);
        QCOMPARE(second.warmupS, first.warmupS);
        QCOMPARE(q(second.name), q(first.name));
    }
};

QTEST_APPLESS_MAIN(TestScenarioFile)
#include "test_scenario_file.moc"
