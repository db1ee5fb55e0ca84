// Every lesson in lessons/: the file parses, each task's starting design fails its check and
// the reference solution passes it — run headless through the same code as the GUI. Bad
// lesson files are refused with the step and field named.
#include "lessons/lesson_check.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

using namespace sdlab;

namespace {

QStringList lessonFiles() {
    QStringList files;
    const QDir root(QStringLiteral(SDLAB_LESSONS_DIR));
    for (const QString& folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (QFileInfo::exists(root.filePath(folder + "/lesson.json")))
            files << root.filePath(folder + "/lesson.json");
    return files;
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT
private slots:
    void everyLessonFailsFromItsStartAndPassesWithItsSolution_data() {
        QTest::addColumn<QString>("file");
        const QStringList files = lessonFiles();
        QVERIFY(files.size() >= 6);
        for (const QString& f : files)
            QTest::newRow(qPrintable(QFileInfo(f).dir().dirName())) << f;
    }
    void everyLessonFailsFromItsStartAndPassesWithItsSolution() {
        QFETCH(QString, file);
        const lessons::Lesson lesson = lessons::loadLesson(file.toStdString());
        QVERIFY(!lesson.title.empty());
        int tasks = 0;
        for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
            if (!lesson.steps[i].task) continue;
            ++tasks;
            const auto start =
                lessons::checkDesign(lesson, i, model::loadScenarioFile(lesson.startingDesign(i)));
            QVERIFY2(!start.passed, qPrintable(QString("step %1's start passes").arg(i + 1)));
            const auto solved = lessons::checkDesign(
                lesson, i, model::loadScenarioFile(lesson.steps[i].task->solution));
            for (const auto& c : solved.checks)
                if (!c.passed) qWarning("%s", c.message.c_str());
            QVERIFY2(solved.passed, qPrintable(QString("step %1's solution fails").arg(i + 1)));
            QVERIFY(!lesson.steps[i].task->hints.empty());
        }
        QVERIFY(tasks > 0);
    }

    void checksSayWhatFailedAndByHowMuch() {
        lessons::Task task;
        task.checks = {{lessons::Check::Kind::Below, "end_to_end/latency_ms/p99", 100},
                       {lessons::Check::Kind::DropsBy, "components/db/arrivals", 0.8},
                       {lessons::Check::Kind::AtLeast, "components/nobody/arrivals", 1}};
        const model::Json report = {{"end_to_end", {{"latency_ms", {{"p99", 142.5}}}}},
                                    {"components", {{"db", {{"arrivals", 500}}}}}};
        const model::Json start = {{"components", {{"db", {{"arrivals", 1000}}}}}};
        const auto r = lessons::judge(task, report, &start);
        QVERIFY(!r.passed);
        QCOMPARE(
            QString::fromStdString(r.checks[0].message),
            QStringLiteral("end_to_end/latency_ms/p99 is 142.5; needs below 100 (off by 42.5)"));
        QVERIFY(QString::fromStdString(r.checks[1].message)
                    .startsWith("components/db/arrivals fell 50%"));
        QVERIFY(!r.checks[1].passed);
        QVERIFY(QString::fromStdString(r.checks[2].message).contains("no figure"));
    }

    void badLessonsNameTheStepAndField_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        const QString design = R"("design": "d.json")";
        QTest::newRow("no steps") << R"({"id": "x", "title": "X", "steps": []})"
                                  << "steps";
        QTest::newRow("unknown check word")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "d.json",
                        "checks": [{"metric": "end_to_end/error_rate", "under": 1}]}}]})")
                   .arg(design)
            << "steps[0].task.checks[0]";
        QTest::newRow("missing solution file")
            << QString(R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t", %1,
               "task": {"goal": "g", "solution": "nope.json",
                        "checks": [{"metric": "end_to_end/error_rate", "below": 1}]}}]})")
                   .arg(design)
            << "steps[0].task.solution";
        QTest::newRow("first step without a design")
            << R"({"id": "x", "title": "X", "steps": [{"title": "a", "text": "t"}]})"
            << "steps[0].design";
    }
    void badLessonsNameTheStepAndField() {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QTemporaryDir dir;
        std::ofstream(dir.filePath("d.json").toStdString())
            << R"({"version": 1, "components": [{"id": "c", "type": "client"},
                   {"id": "s", "type": "service"}], "links": [{"from": "c", "to": "s"}]})";
        std::ofstream(dir.filePath("lesson.json").toStdString()) << text.toStdString();
        try {
            lessons::loadLesson(dir.filePath("lesson.json").toStdString());
            QFAIL("accepted");
        } catch (const model::ScenarioError& e) {
            QCOMPARE(QString::fromStdString(e.path()), path);
            QVERIFY(e.line() > 0);
        }
    }
};

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
