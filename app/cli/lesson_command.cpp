#include "lesson_command.h"

#include "cli_common.h"
#include "lessons/lesson_check.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <iostream>

namespace sdlab::cli {

namespace {

using model::Json;

Json outcomeJson(const lessons::TaskOutcome& outcome) {
    Json checks = Json::array();
    for (const auto& c : outcome.checks) {
        Json j = {{"check", c.check.describe()}, {"passed", c.passed}, {"message", c.message}};
        if (!std::isnan(c.measured)) j["measured"] = c.measured;
        if (!std::isnan(c.baseline)) j["baseline"] = c.baseline;
        checks.push_back(std::move(j));
    }
    return {{"passed", outcome.passed}, {"checks", checks}};
}

void print(const lessons::TaskOutcome& outcome) {
    for (const auto& c : outcome.checks)
        std::cout << (c.passed ? "  pass  " : "  FAIL  ") << c.message << "\n";
}

/// The step a design is graded against: `wanted` (1-based), or the last one with a task.
int taskStep(const lessons::Lesson& lesson, int wanted) {
    if (wanted > 0)
        return wanted <= int(lesson.steps.size()) && lesson.steps[std::size_t(wanted - 1)].task
                   ? wanted - 1
                   : -1;
    for (int i = int(lesson.steps.size()); i-- > 0;)
        if (lesson.steps[std::size_t(i)].task) return i;
    return -1;
}

} // namespace

int lessonCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Check a design against a lesson's task, or a lesson.");
    parser.addHelpOption();
    parser.addPositionalArgument("check", "The action: check.");
    parser.addPositionalArgument("lesson", "Lesson file (lessons/<id>/lesson.json).");
    parser.addPositionalArgument("design", "A design to grade (optional).", "[design]");
    parser.addOptions({{"step", "The step whose task grades the design (1-based).", "n", "0"},
                       {"json", "Print the result as JSON."}});
    if (!parser.parse(arguments)) return badInput(parser.errorText());
    if (parser.isSet("help")) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2 || args.size() > 3 || args[0] != "check")
        return badInput("expected: sdlab lesson check LESSON [DESIGN] [--step N] [--json]");
    const QString lessonFile = args[1];
    lessons::Lesson lesson;
    try {
        lesson = lessons::loadLesson(lessonFile.toStdString());
    } catch (const model::ScenarioError& e) {
        return badInput(QString::fromStdString(e.describe(lessonFile.toStdString())));
    }
    const bool json = parser.isSet("json");
    if (args.size() == 3) {
        const int step = taskStep(lesson, parser.value("step").toInt());
        if (step < 0) return badInput("--step: that step has no task to check");
        model::Scenario design;
        if (!loadScenarioForCommand(args[2], design)) return 2;
        const auto outcome = lessons::checkDesign(lesson, std::size_t(step), design);
        if (json) {
            Json out = outcomeJson(outcome);
            out["lesson"] = lesson.id;
            out["step"] = step + 1;
            out["design"] = args[2].toStdString();
            std::cout << out.dump(2) << "\n";
        } else {
            std::cout << lesson.title << " — step " << step + 1 << ": "
                      << lesson.steps[std::size_t(step)].task->goal << "\n";
            print(outcome);
            std::cout << (outcome.passed ? "PASSED\n" : "NOT YET\n");
        }
        return outcome.passed ? 0 : 1;
    }
    // The lesson itself: each task must fail from its start and pass with its solution.
    bool ok = true;
    Json steps = Json::array();
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        if (!lesson.steps[i].task) continue;
        const auto start =
            lessons::checkDesign(lesson, i, model::loadScenarioFile(lesson.startingDesign(i)));
        const auto solved = lessons::checkDesign(
            lesson, i, model::loadScenarioFile(lesson.steps[i].task->solution));
        ok = ok && !start.passed && solved.passed;
        if (json) {
            steps.push_back({{"step", i + 1},
                             {"start", outcomeJson(start)},
                             {"solution", outcomeJson(solved)}});
        } else {
            std::cout << "step " << i + 1 << ": starting design "
                      << (start.passed ? "PASSES (it should not)" : "fails, as it should") << "\n";
            print(start);
            std::cout << "step " << i + 1 << ": solution "
                      << (solved.passed ? "passes" : "FAILS (it should pass)") << "\n";
            print(solved);
        }
    }
    if (json)
        std::cout << Json{{"lesson", lesson.id}, {"ok", ok}, {"steps", steps}}.dump(2) << "\n";
    return ok ? 0 : 1;
}

} // namespace sdlab::cli
