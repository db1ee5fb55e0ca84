// The graded exercises grade for the reasons their text gives: a naive start, or the reference
// with one idea taken out, fails exactly the requirements that idea is there for (and passes the
// others); run headless through lessons::checkDesign, the code path of the GUI's Check and of
// `sdlab lesson check`.
#include "lessons/lesson_check.h"
#include "model/scenario_json.h"

#include <QTest>
#include <algorithm>
#include <fstream>
#include <functional>
#include <set>

using namespace sdlab;
using model::Json;

namespace {

Json& component(Json& s, const std::string& id) {
    for (Json& c : s.at("components"))
        if (c.at("id") == id) return c;
    throw std::runtime_error("no component " + id);
}

void unlink(Json& s, const std::string& from, const std::string& to) {
    auto& ls = s.at("links");
    ls.erase(
        std::remove_if(ls.begin(), ls.end(),
                       [&](const Json& l) { return l.at("from") == from && l.at("to") == to; }),
        ls.end());
}

/// Deletes a component and every link touching it, as the editor's Delete does.
void remove(Json& s, const std::string& id) {
    auto& cs = s.at("components");
    cs.erase(std::remove_if(cs.begin(), cs.end(), [&](const Json& c) { return c.at("id") == id; }),
             cs.end());
    auto& ls = s.at("links");
    ls.erase(std::remove_if(ls.begin(), ls.end(),
                            [&](const Json& l) { return l.at("from") == id || l.at("to") == id; }),
             ls.end());
}

struct Case {
    const char* name;
    const char* lesson;
    const char* design; ///< a file of the lesson's folder
    std::function<void(Json&)> change;
    std::set<std::string> failing; ///< the checks (metric paths) that must fail; the rest pass
};

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        // The text: one server pushing celebrities' posts is slow, and nothing replaces it.
        {"feed: naive",
         "feed",
         "naive.json",
         nullptr,
         {"end_to_end/latency_ms/p99", "end_to_end/error_rate"}},
        {"feed: pushing every post",
         "feed",
         "reference.json",
         [](Json& s) {
             component(s, "feed-1")["strategy"] = "on_write";
             component(s, "feed-2")["strategy"] = "on_write";
         },
         {"end_to_end/latency_ms/p99"}},
        {"feed: pulling every timeline",
         "feed",
         "reference.json",
         [](Json& s) {
             component(s, "feed-1")["strategy"] = "on_read";
             component(s, "feed-2")["strategy"] = "on_read";
         },
         {"components/store/throughput_rps"}},
        {"feed: health checks only",
         "feed",
         "reference.json",
         [](Json& s) { component(s, "lb").erase("outlier_consecutive_errors"); },
         {"end_to_end/error_rate"}},
        // The text: every request crosses an ocean to the origin, which takes all of them.
        {"video: naive",
         "video-streaming",
         "naive.json",
         nullptr,
         {"end_to_end/latency_ms/p50", "components/origin/throughput_rps"}},
        {"video: Europeans know only their own edge",
         "video-streaming",
         "reference.json",
         [](Json& s) {
             unlink(s, "viewers-eu", "edge-us");
             unlink(s, "viewers-eu", "edge-apac");
         },
         {"end_to_end/error_rate"}},
        {"video: small edges",
         "video-streaming",
         "reference.json",
         [](Json& s) {
             for (const char* e : {"edge-eu", "edge-us", "edge-apac"})
                 component(s, e)["capacity"] = 2000;
         },
         {"end_to_end/latency_ms/p50", "components/origin/throughput_rps"}},
        // The text: everyone waits behind the slowed store; the design fails every requirement.
        {"ride sharing: naive",
         "ride-sharing",
         "naive.json",
         nullptr,
         {"components/drivers/latency_ms/p99", "components/riders/latency_ms/p99",
          "end_to_end/error_rate", "components/geo-store/completed"}},
        {"ride sharing: too few consumers to drain",
         "ride-sharing",
         "reference.json",
         [](Json& s) { component(s, "locations")["consumers"] = 8; },
         {"components/geo-store/completed"}},
        {"ride sharing: a sharded store instead of a queue",
         "ride-sharing",
         "naive.json",
         [](Json& s) {
             component(s, "geo-store")["shards"] = 4;
             component(s, "geo-store")["sharding"] = "hash";
         },
         {}},
        // The text: one node holds too few keys for the database, and its crash fails everything.
        {"distributed cache: naive",
         "distributed-cache",
         "naive.json",
         nullptr,
         {"end_to_end/latency_ms/p99", "end_to_end/error_rate"}},
        {"distributed cache: two nodes",
         "distributed-cache",
         "reference.json",
         [](Json& s) {
             remove(s, "cache-3");
             remove(s, "cache-4");
         },
         {"end_to_end/latency_ms/p99"}},
        {"distributed cache: health checks only",
         "distributed-cache",
         "reference.json",
         [](Json& s) { component(s, "ring").erase("outlier_consecutive_errors"); },
         {"end_to_end/error_rate"}},
        {"url shortener: naive",
         "url-shortener",
         "naive.json",
         nullptr,
         {"end_to_end/throughput_rps", "end_to_end/latency_ms/p99", "end_to_end/error_rate"}},
    };
    return all;
}

std::string lessonDir(const char* id) {
    return std::string(SDLAB_LESSONS_DIR) + "/" + id;
}

} // namespace

class TestExercises : public QObject {
    Q_OBJECT
private slots:
    void designsFailForTheirStatedReasons_data() {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name) << int(i);
    }
    void designsFailForTheirStatedReasons() {
        QFETCH(int, index);
        const Case& c = cases()[std::size_t(index)];
        const lessons::Lesson lesson = lessons::loadLesson(lessonDir(c.lesson) + "/lesson.json");
        QVERIFY(lesson.exercise);
        std::ifstream in(lessonDir(c.lesson) + "/" + c.design);
        Json design = Json::parse(in);
        if (c.change) c.change(design);
        const auto outcome = lessons::checkDesign(lesson, 0, model::parseScenario(design.dump()));
        std::set<std::string> failing;
        for (const auto& check : outcome.checks) {
            qInfo("%s %s", check.passed ? "pass" : "FAIL", check.message.c_str());
            if (!check.passed) failing.insert(check.check.metric);
        }
        QVERIFY2(failing == c.failing, "a different set of checks failed");
        QCOMPARE(outcome.passed, c.failing.empty());
    }
};

QTEST_MAIN(TestExercises)
#include "test_exercises.moc"
