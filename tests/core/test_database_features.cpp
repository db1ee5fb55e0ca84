// Sharding and the query-cost model: consistent hashing moves ~1/(N+1) of the keys when a
// shard joins where modulo hashing moves most; each shard's load equals the Zipf popularity
// of the keys it holds (so range sharding makes a hot shard); an index turns a scan of n rows
// into ~log2(n); and a single database is a single point of failure until it has a replica.
#include "analysis/topology_analysis.h"
#include "model/scenario_error.h"
#include "policies/shard_router.h"
#include "support/scenario_runs.h"

#include <QTest>
#include <cmath>

using namespace sdlab;
using test::Json;

namespace {

/// Clients → one database, no network delay; reads only unless `readRatio` says otherwise.
Json clientsToDatabase(const Json& dbParams, const Json& clientParams = Json::object()) {
    Json s = test::scenario(120, 10, 5);
    Json users = {{"rps", 1000}, {"read_ratio", 1.0}};
    users.update(clientParams);
    test::addComponent(s, "users", "client", users);
    Json db = {{"connections", 10000}, {"read_time", test::deterministicMs(1)}};
    db.update(dbParams);
    test::addComponent(s, "db", "database", db);
    test::addLink(s, "users", "db");
    return s;
}

double movedShare(policies::Sharding sharding, int from, std::uint32_t keys) {
    const policies::ShardRouter before(sharding, from, keys), after(sharding, from + 1, keys);
    std::uint32_t moved = 0;
    for (std::uint32_t k = 0; k < keys; ++k)
        moved += before.shardOf(k) != after.shardOf(k);
    return double(moved) / keys;
}

} // namespace

class TestDatabaseFeatures : public QObject {
    Q_OBJECT
private slots:
    void addingAShardMovesFewKeysOnlyOnARing() {
        for (int n : {4, 8, 16}) {
            const double ring = movedShare(policies::Sharding::ConsistentHash, n, 200000);
            const double modulo = movedShare(policies::Sharding::Hash, n, 200000);
            qInfo("%d → %d shards: ring moves %.3f (1/(N+1) = %.3f), modulo moves %.3f", n, n + 1,
                  ring, 1.0 / (n + 1), modulo);
            QVERIFY(std::abs(ring - 1.0 / (n + 1)) < 0.2 / (n + 1));
            QVERIFY(modulo > 0.8 * n / (n + 1.0));
        }
    }

    void eachShardCarriesThePopularityOfItsKeys() {
        // Zipf(1) over 10,000 keys on 4 shards. A shard's share of requests is the sum of its
        // keys' probabilities 1/((k+1) H): range sharding puts the head on shard 0
        // (H_2500 / H_10000 ≈ 0.86 of all traffic); hashing spreads it.
        const std::uint32_t keys = 10000;
        double h = 0;
        for (std::uint32_t k = 1; k <= keys; ++k)
            h += 1.0 / k;
        for (const std::string sharding : {"range", "hash", "consistent_hash"}) {
            const Json r = test::run(clientsToDatabase({{"shards", 4}, {"sharding", sharding}},
                                                       {{"keys", keys}, {"zipf", 1.0}}));
            const auto& shards = r["components"]["db"]["shards"];
            const policies::ShardRouter router(policies::shardingFromName(sharding), 4, keys);
            std::vector<double> expected(4, 0.0);
            for (std::uint32_t k = 0; k < keys; ++k)
                expected[router.shardOf(k)] += 1.0 / ((k + 1) * h);
            double total = 0;
            for (const auto& a : shards["arrivals"])
                total += a.get<double>();
            for (std::size_t i = 0; i < 4; ++i) {
                const double share = shards["arrivals"][i].get<double>() / total;
                QVERIFY2(std::abs(share - expected[i]) < 0.005,
                         qPrintable(QString("%1 shard %2: %3 vs %4")
                                        .arg(QString::fromStdString(sharding))
                                        .arg(i)
                                        .arg(share)
                                        .arg(expected[i])));
            }
            qInfo("%s: hottest shard takes %.3f of the traffic", sharding.c_str(),
                  shards["hottest_share"].get<double>());
        }
    }

    void anIndexTurnsAScanIntoALookup() {
        // 1,000,000 rows at 0.05 µs each: a scan adds 50 ms to every read, an index lookup
        // 20 rows (1 µs); four shards scan a quarter each (12.5 ms).
        auto readMs = [](bool indexed, int shards) {
            const Json r = test::run(clientsToDatabase({{"query_model", "rows"},
                                                        {"rows", 1e6},
                                                        {"row_time_us", 0.05},
                                                        {"indexed", indexed},
                                                        {"shards", shards}},
                                                       {{"rps", 100}}));
            return r["end_to_end"]["latency_ms"]["mean"].get<double>();
        };
        QVERIFY(std::abs(readMs(true, 1) - 1.001) < 0.005);
        QVERIFY(std::abs(readMs(false, 1) - 51) < 0.05);
        QVERIFY(std::abs(readMs(false, 4) - 13.5) < 0.05);
    }

    void presetsFillWhatTheFileLeavesOut() {
        Json s = clientsToDatabase({{"preset", "mongodb"}, {"connections", 7}});
        s["components"][1].erase("read_time");
        const model::Scenario scenario = model::parseScenario(s.dump());
        const auto& db = scenario.components[1];
        QCOMPARE(QString::fromStdString(db.label), QStringLiteral("MongoDB"));
        QVERIFY(db.params["replication"] == "quorum" && db.params["cap"] == "CP");
        QCOMPARE(db.params["connections"].get<int>(), 7); // the file's own value wins
        QCOMPARE(db.params["read_time"]["mean_ms"].get<double>(), 2.0);
        s["components"][1]["preset"] = "oracle";
        try {
            model::parseScenario(s.dump());
            QFAIL("accepted an unknown preset");
        } catch (const model::ScenarioError& e) {
            QCOMPARE(QString::fromStdString(e.path()), QStringLiteral("components[1].preset"));
            QVERIFY(QString::fromStdString(e.what()).contains("postgresql, mongodb, cassandra"));
        }
    }

    void aSingleDatabaseIsASinglePointOfFailure() {
        Json s = clientsToDatabase(Json::object());
        test::addComponent(s, "api", "service", Json::object());
        s["links"] = Json::array();
        test::addLink(s, "users", "api");
        test::addLink(s, "api", "db");
        const auto alone = analysis::analyzeTopology(model::parseScenario(s.dump()));
        QVERIFY(std::find(alone.singlePointsOfFailure.begin(), alone.singlePointsOfFailure.end(),
                          "db") != alone.singlePointsOfFailure.end());
        test::addComponent(s, "standby", "database", {{"role", "replica"}});
        test::addLink(s, "db", "standby");
        const auto paired = analysis::analyzeTopology(model::parseScenario(s.dump()));
        QVERIFY(std::find(paired.singlePointsOfFailure.begin(), paired.singlePointsOfFailure.end(),
                          "db") == paired.singlePointsOfFailure.end());
    }
};

QTEST_MAIN(TestDatabaseFeatures)
#include "test_database_features.moc"
