// The lesson player with real widgets on the offscreen platform, on the two-step
// load-balancing lesson: opening a step loads its design, Check fails the start and passes
// "show me", Undo brings the learner's design back, hints come one at a time, Next/Previous
// move between steps, and progress outlives the panel.
#include "common/resources.h"
#include "document/document.h"
#include "lessons/lesson_panel.h"

#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>
#include <optional>

using namespace sdlab;
using namespace sdlab::widgets;

namespace {

const QString kLessons = QStringLiteral(SDLAB_LESSONS_DIR);
const QString kLesson = QStringLiteral("load-balancing");

/// A design file as the document would hold it, to compare with.
QByteArray designOf(const std::string& path) {
    Document d;
    QString error;
    if (!d.open(QString::fromStdString(path), &error)) qWarning() << error;
    return d.serialized();
}

} // namespace

class TestLessonPanel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Document> doc;
    std::unique_ptr<LessonPanel> panel;

    template <typename T> T* child(const char* name) const {
        auto* w = panel->findChild<T*>(name);
        if (!w) qFatal("no %s", name);
        return w;
    }
    QStringList results() const {
        QStringList lines;
        auto* list = child<QListWidget>("checkResults");
        for (int i = 0; i < list->count(); ++i)
            lines << list->item(i)->text();
        return lines;
    }
    /// Clicks Check and waits for the run: the outcome, or nothing if it never finished.
    std::optional<bool> clickCheck() {
        QSignalSpy done(panel.get(), &LessonPanel::checkFinished);
        auto* button = child<QPushButton>("checkButton");
        QTest::mouseClick(button, Qt::LeftButton);
        busyWhileChecking = !button->isEnabled(); // the run is off the UI thread
        if (done.isEmpty() && !done.wait(120000)) return std::nullopt;
        return done.first().first().toBool();
    }
    bool busyWhileChecking = false;

private slots:
    void initTestCase() {
        initResources();
        // Progress goes to QSettings: keep the test's apart from a learner's.
        QCoreApplication::setOrganizationName("sdlab-test");
        QCoreApplication::setApplicationName("test_lesson_panel");
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void init() {
        doc = std::make_unique<Document>();
        doc->newScenario();
        panel = std::make_unique<LessonPanel>(doc.get(), kLessons);
        panel->resize(420, 800);
        panel->show();
    }
    void cleanup() {
        panel.reset();
        doc.reset();
    }

    void browserListsLessonsGroupedByTag() {
        auto* browser = child<QTreeWidget>("lessonBrowser");
        int lessons = 0;
        for (int g = 0; g < browser->topLevelItemCount(); ++g)
            lessons += browser->topLevelItem(g)->childCount();
        QVERIFY(lessons >= 18);
        QVERIFY(browser->topLevelItemCount() > 3); // grouped, not one flat list
    }

    void openingALessonLoadsTheStepsDesign() {
        QSignalSpy loaded(panel.get(), &LessonPanel::designLoaded);
        QVERIFY(panel->openLesson(kLesson));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(panel->step(), 0);
        QCOMPARE(doc->serialized(), designOf(panel->lesson()->steps[0].design));
        QVERIFY(!child<QTextBrowser>("stepText")->toPlainText().isEmpty());
        QVERIFY(child<QLabel>("goalLabel")->text().contains("Goal"));
    }

    void aLessonWaitsForTheWindowsSayso() {
        panel->setBeforeLessonStarts([] { return false; }); // "Cancel" on save changes?
        const QByteArray before = doc->serialized();
        QVERIFY(!panel->openLesson(kLesson));
        QCOMPARE(doc->serialized(), before);
        QVERIFY(!panel->lesson());
    }

    void checkFailsTheStartShowMePassesUndoRestores() {
        QVERIFY(panel->openLesson(kLesson));
        const QByteArray start = doc->serialized();
        QCOMPARE(clickCheck(), std::optional(false));
        QVERIFY(busyWhileChecking);
        QVERIFY(child<QPushButton>("checkButton")->isEnabled());
        const QStringList failed = results();
        QCOMPARE(failed.size(), int(panel->lesson()->steps[0].task->checks.size()));
        QVERIFY(failed.join('\n').contains("✗"));

        QTest::mouseClick(child<QPushButton>("showMeButton"), Qt::LeftButton);
        QVERIFY(doc->serialized() != start);
        QCOMPARE(clickCheck(), std::optional(true));
        QVERIFY(!results().join('\n').contains("✗"));

        doc->undoStack()->undo();
        QCOMPARE(doc->serialized(), start);
    }

    void resetStepLoadsTheStartAgain() {
        QVERIFY(panel->openLesson(kLesson));
        const QByteArray start = doc->serialized();
        doc->addComponent("service", QPointF(10, 10));
        QTest::mouseClick(child<QPushButton>("resetButton"), Qt::LeftButton);
        QCOMPARE(doc->serialized(), start);
        doc->undoStack()->undo(); // the learner's edit is one Undo away
        QVERIFY(doc->serialized() != start);
    }

    void hintsComeOneAtATime() {
        QVERIFY(panel->openLesson(kLesson));
        auto* hint = child<QPushButton>("hintButton");
        auto* hints = child<QLabel>("hintsLabel");
        QCOMPARE(panel->hintsShown(), 0);
        QVERIFY(hints->isHidden());
        QTest::mouseClick(hint, Qt::LeftButton);
        QCOMPARE(panel->hintsShown(), 1);
        QVERIFY(hints->text().contains("Hint 1"));
        QVERIFY(!hints->text().contains("Hint 2"));
        QTest::mouseClick(hint, Qt::LeftButton);
        QCOMPARE(panel->hintsShown(), 2);
        QVERIFY(hints->text().contains("Hint 2"));
        QVERIFY(!hint->isEnabled()); // all shown
    }

    void nextAndPreviousMoveBetweenSteps() {
        QVERIFY(panel->openLesson(kLesson));
        auto* prev = child<QPushButton>("prevButton");
        auto* next = child<QPushButton>("nextButton");
        QVERIFY(!prev->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(panel->step(), 1);
        QCOMPARE(doc->serialized(), designOf(panel->lesson()->steps[1].design));
        QVERIFY(!next->isEnabled()); // the last step
        QVERIFY(child<QLabel>("progressLabel")->text().contains("Step 2 of 2"));
        QTest::mouseClick(prev, Qt::LeftButton);
        QCOMPARE(panel->step(), 0);
        QCOMPARE(doc->serialized(), designOf(panel->lesson()->steps[0].design));
    }

    void progressSurvivesANewPanel() {
        QSettings().clear();
        QVERIFY(panel->openLesson(kLesson));
        QTest::mouseClick(child<QPushButton>("showMeButton"), Qt::LeftButton);
        QCOMPARE(clickCheck(), std::optional(true));

        panel = std::make_unique<LessonPanel>(doc.get(), kLessons);
        QVERIFY(panel->openLesson(kLesson));
        auto* steps = child<QListWidget>("stepList");
        QVERIFY(steps->item(0)->text().startsWith("✓"));
        QVERIFY(!steps->item(1)->text().startsWith("✓"));
        QVERIFY(child<QLabel>("progressLabel")->text().contains("1 done"));
    }
};

QTEST_MAIN(TestLessonPanel)
#include "test_lesson_panel.moc"
