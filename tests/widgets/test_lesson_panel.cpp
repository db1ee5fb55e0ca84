// The lesson player with real widgets on the offscreen platform, on the two-step
// load-balancing lesson: opening a step loads its design, Check fails the start and passes
// "show me", Undo brings the learner's design back, hints come one at a time, Next/Previous
// move between steps, and progress outlives the panel.
#include "common/resources.h"
#include "document/document.h"
#include "lessons/lesson_catalog.h"
#include "lessons/lesson_panel.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
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

    // Typing in the find box keeps the lessons whose title or concepts hold the words.
    void findFiltersTheBrowser() {
        auto* browser = child<QTreeWidget>("lessonBrowser");
        auto* find = child<QLineEdit>("lessonFind");
        QVERIFY(find);
        const auto shownIds = [&] {
            QSet<QString> ids;
            for (int g = 0; g < browser->topLevelItemCount(); ++g) {
                const QTreeWidgetItem* group = browser->topLevelItem(g);
                for (int i = 0; i < group->childCount(); ++i)
                    if (!group->isHidden() && !group->child(i)->isHidden())
                        ids.insert(group->child(i)->data(0, Qt::UserRole).toString());
            }
            return ids;
        };
        const auto all = shownIds();
        QTest::keyClicks(find, "breaker");
        const auto found = shownIds();
        QVERIFY(found.contains("circuit-breaker"));
        QVERIFY(!found.contains("sharding"));
        QVERIFY(found.size() < all.size());
        find->clear();
        QCOMPARE(shownIds(), all);
    }

    void browserListsLessonsGroupedByTag() {
        auto* browser = child<QTreeWidget>("lessonBrowser");
        QVERIFY(child<QLabel>("browserNote")->isHidden()); // every lesson read
        QSet<QString> lessons;
        QMap<QString, QStringList> byGroup;
        for (int g = 0; g < browser->topLevelItemCount(); ++g) {
            const QTreeWidgetItem* group = browser->topLevelItem(g);
            for (int i = 0; i < group->childCount(); ++i) {
                const QTreeWidgetItem* item = group->child(i);
                const QString id = item->data(0, Qt::UserRole).toString();
                lessons.insert(id);
                byGroup[group->text(0)] << id;
                // Titles are elided in a narrow panel: each cell tells the whole title.
                for (int c = 0; c < 3; ++c)
                    QVERIFY(item->toolTip(c).startsWith(item->text(0)));
            }
        }
        QVERIFY(lessons.size() >= 18);
        QVERIFY(browser->topLevelItemCount() > 3); // grouped, not one flat list
        // A lesson sits under each concept it shares with others, its main one included:
        // the load-balancing lesson with weighted round robin, and with autoscaling.
        QVERIFY(byGroup["load balancing"].contains("load-balancing"));
        QVERIFY(byGroup["load balancing"].contains("weighted-round-robin"));
        QVERIFY(byGroup["horizontal scaling"].contains("load-balancing"));
        QVERIFY(byGroup["horizontal scaling"].contains("autoscaling"));
        QVERIFY(!byGroup.contains("round robin")); // a concept of one lesson only: no group
        QVERIFY(byGroup["circuit breaker"].contains("circuit-breaker"));
        QVERIFY(byGroup["exercises"].contains("url-shortener"));
        QVERIFY(byGroup["caching"].contains("url-shortener")); // and under what they practise
        // In a narrow dock a long title wraps onto a second line instead of being cut short.
        panel->resize(380, 900);
        QTest::qWait(20); // the rows are fitted once the view has its new width
        const QTreeWidgetItem* longTitle = nullptr;
        for (int g = 0; g < browser->topLevelItemCount() && !longTitle; ++g)
            for (int i = 0; i < browser->topLevelItem(g)->childCount(); ++i)
                if (browser->topLevelItem(g)->child(i)->data(0, Qt::UserRole) == "load-balancing")
                    longTitle = browser->topLevelItem(g)->child(i);
        QVERIFY(longTitle);
        const int line = browser->fontMetrics().height();
        QVERIFY2(browser->visualItemRect(longTitle).height() >= 2 * line,
                 qPrintable(QString::number(browser->visualItemRect(longTitle).height())));
    }

    void aMissingLessonsFolderIsExplained() {
        // The binary looks next to itself or in $SDLAB_LESSONS_DIR: with neither, the panel
        // says where it looked and how to point it elsewhere, instead of an empty list.
        QTemporaryDir dir;
        const QString missing = dir.filePath("nowhere");
        qputenv("SDLAB_LESSONS_DIR", missing.toUtf8());
        panel = std::make_unique<LessonPanel>(doc.get(), findLessonsDir());
        qunsetenv("SDLAB_LESSONS_DIR");
        panel->show();
        auto* note = child<QLabel>("browserNote");
        QVERIFY(note->isVisible());
        QVERIFY(child<QTreeWidget>("lessonBrowser")->isHidden());
        QVERIFY2(note->text().contains("No lessons found"), qPrintable(note->text()));
        QVERIFY(note->text().contains(missing));
        QVERIFY(note->text().contains("no such folder"));
        QVERIFY(note->text().contains("SDLAB_LESSONS_DIR"));

        // Not set, and nothing next to the binary (the test's folder has no lessons/).
        panel = std::make_unique<LessonPanel>(doc.get(), QString());
        panel->show();
        const QString text = child<QLabel>("browserNote")->text();
        QVERIFY2(text.contains("not set"), qPrintable(text));
        QVERIFY(text.contains(
            QDir::toNativeSeparators(QCoreApplication::applicationDirPath() + "/lessons")));

        // A folder with a broken lesson: the others are listed, the broken one named.
        QDir(dir.path()).mkpath("broken");
        QFile bad(dir.filePath("broken/lesson.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"id": "broken", "title": "Broken", "steps": []})");
        bad.close();
        panel = std::make_unique<LessonPanel>(doc.get(), dir.path());
        panel->show();
        const QString broken = child<QLabel>("browserNote")->text();
        QVERIFY2(broken.contains("could not be read") && broken.contains("broken/lesson.json") &&
                     broken.contains("steps"),
                 qPrintable(broken));
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
        const int total = int(panel->lesson()->steps[0].task->hints.size());
        QVERIFY(total >= 2);
        for (int i = 2; i <= total; ++i) {
            QVERIFY(hint->isEnabled());
            QTest::mouseClick(hint, Qt::LeftButton);
            QCOMPARE(panel->hintsShown(), i);
            QVERIFY(hints->text().contains(QStringLiteral("Hint %1").arg(i)));
        }
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
