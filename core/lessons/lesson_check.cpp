#include "lesson_check.h"

#include "model/scenario_json.h"
#include "run/run_scenario.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace sdlab::lessons {

using model::Json;

namespace {

/// 25,960 rather than 2.596e+04: messages are read by learners.
std::string number(double x) {
    char buf[48];
    if (std::abs(x) < 1e4 || std::abs(x) >= 1e15) {
        std::snprintf(buf, sizeof buf, "%.4g", x);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.0f", std::abs(x));
    std::string digits = buf, grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return (x < 0 ? "-" : "") + grouped;
}

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
        break;
    }
    return "opens within";
}

CheckOutcome judgeBreaker(const Check& c, const Json& report) {
    CheckOutcome out;
    out.check = c;
    const auto breakers = report.find("breakers");
    const auto it = breakers == report.end() ? breakers : breakers->find(c.metric);
    if (breakers == report.end() || it == breakers->end()) {
        out.message = "there is no circuit breaker on " + c.metric;
        return out;
    }
    for (const auto& t : (*it)["transitions"]) {
        const double at = t[0].get<double>();
        if (at >= c.afterS && t[1] == "OPEN") {
            out.measured = at - c.afterS;
            out.passed = out.measured <= c.target;
            out.message = "the breaker on " + c.metric + " opened " + number(out.measured) +
                          " s after " + number(c.afterS) + " s (needs within " + number(c.target) +
                          " s)";
            return out;
        }
    }
    out.message = "the breaker on " + c.metric + " never opened after " + number(c.afterS) + " s";
    return out;
}

} // namespace

std::string Check::describe() const {
    if (kind == Kind::OpensWithin)
        return "breaker " + metric + " opens within " + number(target) + " s of " + number(afterS) +
               " s";
    if (relative()) return metric + " " + wordOf(kind) + " " + number(100 * target) + "%";
    return metric + " " + wordOf(kind) + " " + number(target);
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

TaskOutcome judge(const Task& task, const Json& report, const Json* start) {
    TaskOutcome result{true, {}};
    for (const Check& c : task.checks) {
        CheckOutcome out;
        if (c.kind == Check::Kind::OpensWithin) {
            out = judgeBreaker(c, report);
        } else {
            out.check = c;
            out.measured = figure(report, c.metric);
            if (std::isnan(out.measured)) {
                out.message = "the run reports no figure " + c.metric;
            } else if (c.relative()) {
                out.baseline = start ? figure(*start, c.metric) : std::nan("");
                const double change = out.baseline != 0 ? out.measured / out.baseline - 1 : 0;
                out.passed =
                    c.kind == Check::Kind::DropsBy ? change <= -c.target : change >= c.target;
                out.message = c.metric + (change <= 0 ? " fell " : " rose ") +
                              number(100 * std::abs(change)) + "% (from " + number(out.baseline) +
                              " to " + number(out.measured) + "); needs to " +
                              (c.kind == Check::Kind::DropsBy ? "fall" : "rise") + " by at least " +
                              number(100 * c.target) + "%";
            } else {
                const double v = out.measured, t = c.target;
                out.passed = c.kind == Check::Kind::Below    ? v < t
                             : c.kind == Check::Kind::AtMost ? v <= t
                             : c.kind == Check::Kind::Above  ? v > t
                                                             : v >= t;
                out.message =
                    c.metric + " is " + number(v) + "; needs " + wordOf(c.kind) + " " + number(t);
                if (!out.passed) out.message += " (off by " + number(std::abs(v - t)) + ")";
            }
        }
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
    if (!relative) return judge(task, report, nullptr);
    const Json start = run::runScenario(model::loadScenarioFile(lesson.startingDesign(step)));
    return judge(task, report, &start);
}

} // namespace sdlab::lessons
