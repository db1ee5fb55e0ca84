#pragma once

#include "lessons/lesson.h"
#include "lessons/lesson_check.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace sdlab::widgets {

class Document;

/// The lesson player: a browser of the lessons (grouped by concept, a lesson under each of its
/// concepts that several lessons share, with completion marks) and, for the open lesson, its steps,
/// text, task, Check, hints, "show me" and "reset step". Every design it loads goes through the
/// document's undo stack, so the learner's own work is never more than an Undo away.
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    LessonPanel(Document* doc, const QString& lessonsDir, QWidget* parent = nullptr);
    ~LessonPanel() override;

    /// Asked before a lesson starts; returning false keeps the current one. The window uses it
    /// to offer saving the open file and start untitled, as examples do, so a lesson's designs
    /// never end up saved over the learner's file.
    void setBeforeLessonStarts(std::function<bool()> ask) { beforeLesson_ = std::move(ask); }
    void showBrowser();
    bool openLesson(const QString& id);
    void openStep(int step);
    const lessons::Lesson* lesson() const;
    /// A lesson is open in the player (not the browser).
    bool playing() const;
    int step() const { return step_; }
    int hintsShown() const { return hintsShown_; }
    bool checking() const { return watcher_.isRunning(); }

    void check();
    void showNextHint();
    void showMe();
    void resetStep();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    /// The panel put a design in the document: the canvas should come forward.
    void designLoaded();
    void checkFinished(bool passed);
    /// The player shows another step (or another lesson), or went back to the browser.
    void stepChanged();

private:
    struct CheckResult {
        lessons::TaskOutcome outcome;
        QString error;
    };
    QWidget* buildBrowser();
    QWidget* buildPlayer();
    void fillBrowser();
    void fitBrowserRows();
    void refreshStep();
    void refreshSteps();
    void filterBrowser(const QString& text);
    void refreshHints();
    void loadDesign(const std::string& path, const QString& undoText);
    void showResult();
    const lessons::Task* task() const;

    Document* doc_;
    QString lessonsDir_;
    QStringList loadErrors_; ///< lessons that failed to load, file:line:column: field: why
    std::vector<lessons::Lesson> lessons_;
    int lesson_ = -1;
    int step_ = 0;
    int hintsShown_ = 0;
    QFutureWatcher<CheckResult> watcher_;
    std::function<bool()> beforeLesson_;

    QStackedWidget* pages_;
    QTreeWidget* browser_;
    QLineEdit* find_;     ///< filters the browser by title and concept
    QLabel* browserNote_; ///< why the browser is empty or short (no folder, unreadable lessons)
    QLabel* title_;
    QLabel* progress_;
    QListWidget* steps_;
    QTextBrowser* text_;
    QLabel* goal_;
    QLabel* hints_;
    QListWidget* results_;
    QPushButton *check_, *hint_, *showMe_, *reset_, *prev_, *next_;
};

} // namespace sdlab::widgets
