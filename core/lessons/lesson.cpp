#include "lesson.h"

#include "model/json_locator.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <filesystem>

namespace sdlab::lessons {

using model::Json;
using model::ScenarioError;

namespace {

struct CheckWord {
    const char* word;
    Check::Kind kind;
};
constexpr CheckWord kCheckWords[] = {
    {"below", Check::Kind::Below},
    {"at_most", Check::Kind::AtMost},
    {"above", Check::Kind::Above},
    {"at_least", Check::Kind::AtLeast},
    {"drops_by", Check::Kind::DropsBy},
    {"rises_by", Check::Kind::RisesBy},
    {"opens_within_s", Check::Kind::OpensWithin},
    {"closes_within_s", Check::Kind::ClosesWithin},
};

std::string at(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

const Json& required(const Json& object, const std::string& key, const std::string& path) {
    const auto it = object.find(key);
    if (it == object.end()) throw ScenarioError(at(path, key), "missing");
    return *it;
}

std::string text(const Json& object, const std::string& key, const std::string& path,
                 bool optional = false) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (optional) return {};
        throw ScenarioError(at(path, key), "missing");
    }
    if (!it->is_string()) throw ScenarioError(at(path, key), "expected text, got " + it->dump());
    return it->get<std::string>();
}

/// A design file named relative to the lesson, checked as any scenario file.
std::string designFile(const Json& object, const std::string& key, const std::string& path,
                       const std::filesystem::path& folder) {
    const std::string name = text(object, key, path);
    const std::string full = (folder / name).lexically_normal().string();
    try {
        model::loadScenarioFile(full);
    } catch (const ScenarioError& e) {
        throw ScenarioError(at(path, key), "design '" + name + "': " + e.describe(name));
    }
    return full;
}

Check readCheck(const Json& c, const std::string& path) {
    if (!c.is_object()) throw ScenarioError(path, "expected an object");
    Check check;
    int words = 0;
    for (const auto& [word, kind] : kCheckWords) {
        const auto it = c.find(word);
        if (it == c.end()) continue;
        ++words;
        if (!it->is_number())
            throw ScenarioError(at(path, word), "expected a number, got " + it->dump());
        check.kind = kind;
        check.target = it->get<double>();
    }
    if (words != 1)
        throw ScenarioError(path, "expected exactly one of below, at_most, above, at_least, "
                                  "drops_by, rises_by, opens_within_s, closes_within_s");
    if (check.relative() && !(check.target > 0 && check.target < 10))
        throw ScenarioError(path, "drops_by / rises_by is a fraction (0.8 = by 80%)");
    if (check.onBreaker()) {
        check.metric = text(c, "breaker", path);
        const auto after = c.find("after_s");
        if (after == c.end() || !after->is_number())
            throw ScenarioError(at(path, "after_s"), "expected the seconds the clock starts at");
        check.afterS = after->get<double>();
    } else {
        check.metric = text(c, "metric", path);
        if (check.metric.empty() || check.metric.front() == '/' || check.metric.back() == '/')
            throw ScenarioError(at(path, "metric"), "expected a path such as "
                                                    "end_to_end/latency_ms/p99");
    }
    if (const auto label = c.find("label"); label != c.end()) {
        if (!label->is_string() || label->get<std::string>().empty())
            throw ScenarioError(at(path, "label"),
                                "expected text naming the figure for learners, got " +
                                    label->dump());
        check.label = label->get<std::string>();
    }
    for (const auto& [key, value] : c.items()) {
        bool known = key == "metric" || key == "breaker" || key == "after_s" || key == "label";
        for (const auto& w : kCheckWords)
            known = known || key == w.word;
        if (!known) throw ScenarioError(at(path, key), "unknown field of a check");
    }
    return check;
}

Task readTask(const Json& t, const std::string& path, const std::filesystem::path& folder) {
    if (!t.is_object()) throw ScenarioError(path, "expected an object");
    Task task;
    task.goal = text(t, "goal", path);
    const Json& checks = required(t, "checks", path);
    if (!checks.is_array() || checks.empty())
        throw ScenarioError(at(path, "checks"), "expected a list of at least one check");
    for (std::size_t i = 0; i < checks.size(); ++i)
        task.checks.push_back(
            readCheck(checks[i], at(path, "checks") + "[" + std::to_string(i) + "]"));
    if (const auto hints = t.find("hints"); hints != t.end()) {
        if (!hints->is_array()) throw ScenarioError(at(path, "hints"), "expected a list of text");
        for (std::size_t i = 0; i < hints->size(); ++i) {
            if (!(*hints)[i].is_string())
                throw ScenarioError(at(path, "hints") + "[" + std::to_string(i) + "]",
                                    "expected text");
            task.hints.push_back((*hints)[i].get<std::string>());
        }
    }
    task.solution = designFile(t, "solution", path, folder);
    return task;
}

Lesson readLesson(const Json& root, const std::filesystem::path& folder) {
    if (!root.is_object()) throw ScenarioError("", "expected a JSON object at the top");
    Lesson lesson;
    lesson.id = text(root, "id", "");
    lesson.title = text(root, "title", "");
    lesson.level = text(root, "level", "", true);
    if (const auto m = root.find("minutes"); m != root.end()) {
        if (!m->is_number_integer() || m->get<int>() < 1)
            throw ScenarioError("minutes", "expected a whole number of minutes");
        lesson.minutes = m->get<int>();
    }
    if (const auto e = root.find("exercise"); e != root.end()) {
        if (!e->is_boolean()) throw ScenarioError("exercise", "expected true or false");
        lesson.exercise = e->get<bool>();
    }
    if (const auto tags = root.find("tags"); tags != root.end()) {
        if (!tags->is_array()) throw ScenarioError("tags", "expected a list of concepts");
        for (const auto& tag : *tags)
            if (tag.is_string()) lesson.tags.push_back(tag.get<std::string>());
    }
    const Json& steps = required(root, "steps", "");
    if (!steps.is_array() || steps.empty())
        throw ScenarioError("steps", "expected a list of at least one step");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string path = "steps[" + std::to_string(i) + "]";
        const Json& s = steps[i];
        if (!s.is_object()) throw ScenarioError(path, "expected an object");
        Step step;
        step.title = text(s, "title", path);
        step.text = text(s, "text", path);
        if (s.contains("design")) step.design = designFile(s, "design", path, folder);
        if (i == 0 && step.design.empty())
            throw ScenarioError(at(path, "design"), "the first step needs a design to start from");
        if (const auto t = s.find("task"); t != s.end())
            step.task = readTask(*t, at(path, "task"), folder);
        lesson.steps.push_back(std::move(step));
    }
    return lesson;
}

} // namespace

std::string Lesson::startingDesign(std::size_t step) const {
    for (std::size_t i = step + 1; i-- > 0;)
        if (!steps[i].design.empty()) return steps[i].design;
    return {};
}

Lesson loadLesson(const std::string& fileName) {
    const std::string content = model::readTextFile(fileName);
    const Json root = model::parseJsonText(content);
    try {
        Lesson lesson = readLesson(root, std::filesystem::path(fileName).parent_path());
        lesson.file = fileName;
        return lesson;
    } catch (ScenarioError& e) {
        const auto [line, column] = model::JsonLocator(content).find(e.path());
        e.setLocation(line, column);
        throw;
    }
}

} // namespace sdlab::lessons
