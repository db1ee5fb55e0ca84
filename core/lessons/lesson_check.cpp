#include "lesson_check.h"

#include "figure_names.h"
#include "model/scenario_json.h"
#include "run/run_scenario.h"

#include <cmath>
#include <sstream>

namespace sdlab::lessons {

using model::Json;

namespace {

const char* wordOf(Check::Kind kind) {
    switch (kind) {
    case Check::Kind::Below:
        return "below";
    case Check::Kind::AtMost:
        return "at most";
    case Check::Kind::Above:
        return "above";
    case Check::Kind::AtLeast:
        return "at least";
    case Check::Kind::DropsBy:
        return "drops by at least";
    case Check::Kind::RisesBy:
        return "rises by at least";
    case Check::Kind::OpensWithin:
        return "opens within";
    case Check::Kind::ClosesWithin:
        break;
    }
    return "closes within";
}

/// The breaker's state at time t (CLOSED before its first transition).
std::string stateAt(const Json& transitions, double t) {
    std::string state = "CLOSED";
    for (const auto& tr : transitions)
        if (tr.at(0).get<double>() <= t) state = tr.at(1).get<std::string>();
    return state;
}

/// opens_within_s / closes_within_s: when the breaker on a link reached OPEN (CLOSED) after
/// `after_s`.
CheckOutcome judgeBreaker(const Check& c, const Json& report, const FigureNames& names) {
    CheckOutcome out;
    out.check = c;
    const std::string breaker =
        c.label.empty() ? "the breaker on " + names.link(c.metric) : c.label;
    const auto breakers = report.find("breakers");
    const auto it = breakers == report.end() ? breakers : breakers->find(c.metric);
    if (breakers == report.end() || it == breakers->end()) {
        out.message = "there is no circuit breaker on " + names.link(c.metric);
        return out;
    }
    const bool opening = c.kind == Check::Kind::OpensWithin;
    const char* wanted = opening ? "OPEN" : "CLOSED";
    const Json& transitions = it->at("transitions");
    const std::string after = readableNumber(c.afterS) + " s";
    const std::string needs = std::string(opening ? "needs within " : "needs to close within ") +
                              readableNumber(c.target) + " s";
    if (!opening && stateAt(transitions, c.afterS) == "CLOSED") {
        out.measured = 0;
        out.passed = true;
        out.message = breaker + " was closed at " + after + " (" + needs + ")";
        return out;
    }
    for (const auto& t : transitions) {
        const double at = t.at(0).get<double>();
        if (at < c.afterS || t.at(1) != wanted) continue;
        out.measured = at - c.afterS;
        out.passed = out.measured <= c.target;
        out.message = breaker + (opening ? " opened " : " closed again ") +
                      withUnit(out.measured, Unit::Seconds) + " after " + after;
        out.message += out.passed
                           ? " (" + needs + ")"
                           : "; " + needs + " (" +
                                 withUnit(out.measured - c.target, Unit::Seconds) + " too late)";
        return out;
    }
    if (opening) {
        out.message = breaker + " never opened after " + after + " (" + needs + ")";
    } else {
        const double end = report.value("duration_s", 0.0);
        out.message =
            breaker + " never closed again after " + after +
            ": it refused calls to the end of the run" +
            (end > c.afterS ? ", " + withUnit(end - c.afterS, Unit::Seconds) + " later" : "") +
            " (" + needs + ")";
    }
    return out;
}

/// "(42.5 ms too high)", "(4,960 too many)": how far a figure missed its bound; nothing for
/// percentages, whose bound reads plainly enough beside them.
std::string miss(double value, double target, const FigureName& figure) {
    if (figure.unit == Unit::Fraction || value == target) return "";
    const bool high = value > target;
    const char* words = figure.unit == Unit::Count ? (high ? " too many" : " too few")
                                                   : (high ? " too high" : " too low");
    return " (" + withUnit(std::abs(value - target), figure.unit) + words + ")";
}

CheckOutcome judgeFigure(const Check& c, const Json& report, const Json* start,
                         const FigureNames& names) {
    CheckOutcome out;
    out.check = c;
    FigureName named = names.name(c.metric);
    if (!c.label.empty()) named.name = c.label;
    out.measured = lessons::figure(report, c.metric);
    if (std::isnan(out.measured)) {
        out.message = names.whyMissing(c.metric, named.name);
        return out;
    }
    if (c.relative()) {
        out.baseline = start ? lessons::figure(*start, c.metric) : std::nan("");
        const double change = out.baseline != 0 ? out.measured / out.baseline - 1 : 0;
        const bool drop = c.kind == Check::Kind::DropsBy;
        out.passed = drop ? change <= -c.target : change >= c.target;
        out.message = named.name + (change <= 0 ? " fell " : " rose ") +
                      withUnit(std::abs(change), Unit::Fraction) + " (from " +
                      withUnit(out.baseline, named.unit) + " to " +
                      withUnit(out.measured, named.unit) + "); needs to " +
                      (drop ? "fall" : "rise") + " by at least " +
                      withUnit(c.target, Unit::Fraction);
        return out;
    }
    const double v = out.measured, t = c.target;
    out.passed = c.kind == Check::Kind::Below    ? v < t
                 : c.kind == Check::Kind::AtMost ? v <= t
                 : c.kind == Check::Kind::Above  ? v > t
                                                 : v >= t;
    out.message = named.name + (named.plural ? " are " : " is ") + withUnit(v, named.unit) +
                  "; needs " + wordOf(c.kind) + " " + withUnit(t, named.unit);
    if (!out.passed) out.message += miss(v, t, named);
    return out;
}

} // namespace

std::string Check::describe() const {
    if (onBreaker())
        return "breaker " + metric + " " + wordOf(kind) + " " + readableNumber(target) + " s of " +
               readableNumber(afterS) + " s";
    if (relative()) return metric + " " + wordOf(kind) + " " + readableNumber(100 * target) + "%";
    return metric + " " + wordOf(kind) + " " + readableNumber(target);
}

double figure(const Json& report, const std::string& path) {
    const Json* at = &report;
    std::istringstream parts(path);
    for (std::string key; std::getline(parts, key, '/');) {
        if (at->is_array()) {
            char* end = nullptr;
            const unsigned long i = std::strtoul(key.c_str(), &end, 10);
            if (*end || i >= at->size()) return std::nan("");
            at = &(*at)[i];
        } else if (at->is_object()) {
            const auto it = at->find(key);
            if (it == at->end()) return std::nan("");
            at = &*it;
        } else {
            return std::nan("");
        }
    }
    return at->is_number() ? at->get<double>() : std::nan("");
}

TaskOutcome judge(const Task& task, const Json& report, const Json* start,
                  const model::Scenario* design) {
    const FigureNames names(report, design);
    TaskOutcome result{true, {}};
    for (const Check& c : task.checks) {
        CheckOutcome out =
            c.onBreaker() ? judgeBreaker(c, report, names) : judgeFigure(c, report, start, names);
        result.passed = result.passed && out.passed;
        result.checks.push_back(std::move(out));
    }
    return result;
}

TaskOutcome checkDesign(const Lesson& lesson, std::size_t step, const model::Scenario& design) {
    const Task& task = *lesson.steps.at(step).task;
    const Json report = run::runScenario(design);
    bool relative = false;
    for (const auto& c : task.checks)
        relative = relative || c.relative();
    if (!relative) return judge(task, report, nullptr, &design);
    const Json start = run::runScenario(model::loadScenarioFile(lesson.startingDesign(step)));
    return judge(task, report, &start, &design);
}

} // namespace sdlab::lessons
