#include "lesson_panel.h"

#include "document/document.h"
#include "lesson_catalog.h"
#include "lesson_progress.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <map>

namespace sdlab::widgets {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// Mid-tone green and red read on light and dark backgrounds alike (and on a projector);
// the ✓/✗ marks carry the meaning for anyone who cannot tell the colours apart.
const QColor kPass(0x2e, 0x9e, 0x4f);
const QColor kFail(0xd6, 0x45, 0x45);
const QString kDone = QStringLiteral("✓");

QPushButton* button(const QString& text, const char* name, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

LessonPanel::LessonPanel(Document* doc, const QString& lessonsDir, QWidget* parent)
    : QWidget(parent)
    , doc_(doc)
    , lessonsDir_(lessonsDir)
    , lessons_(loadLessons(lessonsDir, &loadErrors_))
    , pages_(new QStackedWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);
    pages_->addWidget(buildBrowser());
    // The player scrolls as a whole when the dock is short: hints and check messages then
    // push the page down instead of squeezing the step's text to a few lines.
    auto* player = new QScrollArea;
    player->setWidgetResizable(true);
    player->setFrameShape(QFrame::NoFrame);
    player->setWidget(buildPlayer());
    pages_->addWidget(player);
    connect(&watcher_, &QFutureWatcher<CheckResult>::finished, this, &LessonPanel::showResult);
    fillBrowser();
}

LessonPanel::~LessonPanel() {
    watcher_.waitForFinished(); // the run reads the lesson we own
}

QWidget* LessonPanel::buildBrowser() {
    auto* page = new QWidget;
    auto* v = new QVBoxLayout(page);
    v->setContentsMargins(0, 0, 0, 0);
    // Says why the list is empty or short: a learner must not face a blank panel.
    browserNote_ = new QLabel;
    browserNote_->setObjectName("browserNote");
    browserNote_->setWordWrap(true);
    browserNote_->setTextFormat(Qt::RichText);
    browserNote_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    browserNote_->setContentsMargins(8, 8, 8, 8);
    browser_ = new QTreeWidget;
    browser_->setObjectName("lessonBrowser");
    browser_->setHeaderLabels({tr("Lesson"), tr("Level"), tr("Min"), QString()});
    browser_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    browser_->header()->setStretchLastSection(false);
    for (int c = 1; c < 4; ++c)
        browser_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // Long titles wrap onto a second line rather than lose their end in a narrow dock; the
    // view does not grow rows for wrapped text by itself, so the rows are fitted to the
    // title column whenever it changes width.
    browser_->setWordWrap(true);
    browser_->setTextElideMode(Qt::ElideNone);
    browser_->viewport()->installEventFilter(this);
    connect(browser_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty()) openLesson(id);
    });
    find_ = new QLineEdit;
    find_->setObjectName("lessonFind");
    find_->setPlaceholderText(tr("Find a lesson or a concept…"));
    find_->setClearButtonEnabled(true);
    connect(find_, &QLineEdit::textChanged, this, &LessonPanel::filterBrowser);
    v->addWidget(browserNote_);
    v->addWidget(find_);
    v->addWidget(browser_, 1);
    v->addStretch(); // the note stays on top when there is no list
    return page;
}

void LessonPanel::filterBrowser(const QString& text) {
    // A lesson shows when its title or its tooltip (level, concepts) holds the words; a
    // concept's whole group when its name does.
    const QString needle = text.trimmed();
    const auto matches = [&](const QTreeWidgetItem* item) {
        return item->text(0).contains(needle, Qt::CaseInsensitive) ||
               item->toolTip(0).contains(needle, Qt::CaseInsensitive);
    };
    for (int g = 0; g < browser_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = browser_->topLevelItem(g);
        const bool wholeGroup =
            needle.isEmpty() || group->text(0).contains(needle, Qt::CaseInsensitive);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            const bool shown = wholeGroup || matches(group->child(i));
            group->child(i)->setHidden(!shown);
            any |= shown;
        }
        group->setHidden(!any && !wholeGroup);
        if (!needle.isEmpty() && any) group->setExpanded(true);
    }
}

QWidget* LessonPanel::buildPlayer() {
    auto* page = new QWidget;
    auto* v = new QVBoxLayout(page);
    auto* back = button(tr("← All lessons"), "backButton", page);
    back->setFlat(true);
    connect(back, &QPushButton::clicked, this, &LessonPanel::showBrowser);
    title_ = new QLabel;
    title_->setWordWrap(true);
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title_->setFont(big);
    progress_ = new QLabel;
    progress_->setObjectName("progressLabel");
    steps_ = new QListWidget;
    steps_->setObjectName("stepList");
    connect(steps_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { openStep(steps_->row(item)); });
    text_ = new QTextBrowser;
    text_->setMinimumHeight(160); // a step is read first: it keeps room for a paragraph or two
    text_->setObjectName("stepText");
    text_->setOpenExternalLinks(true);
    goal_ = new QLabel;
    goal_->setObjectName("goalLabel");
    goal_->setWordWrap(true);
    goal_->setTextFormat(Qt::RichText);
    check_ = button(tr("Check"), "checkButton", page);
    check_->setDefault(true);
    hint_ = button(tr("Hint"), "hintButton", page);
    showMe_ = button(tr("Show me"), "showMeButton", page);
    reset_ = button(tr("Reset step"), "resetButton", page);
    showMe_->setToolTip(tr("Put the reference solution on the canvas (Undo brings yours back)"));
    reset_->setToolTip(tr("Load the step's starting design again (undoable)"));
    connect(check_, &QPushButton::clicked, this, &LessonPanel::check);
    connect(hint_, &QPushButton::clicked, this, &LessonPanel::showNextHint);
    connect(showMe_, &QPushButton::clicked, this, &LessonPanel::showMe);
    connect(reset_, &QPushButton::clicked, this, &LessonPanel::resetStep);
    auto* actions = new QHBoxLayout;
    for (auto* b : {check_, hint_, showMe_, reset_})
        actions->addWidget(b);
    hints_ = new QLabel;
    hints_->setObjectName("hintsLabel");
    hints_->setWordWrap(true);
    hints_->setTextFormat(Qt::RichText);
    results_ = new QListWidget;
    results_->setObjectName("checkResults");
    results_->setWordWrap(true);
    // As tall as its messages (up to 160 px) and hidden without any: the step's text keeps
    // the room.
    const auto fitResults = [this] {
        int h = 2 * results_->frameWidth() + 6;
        const int width = std::max(120, results_->viewport()->width() - 8);
        for (int i = 0; i < results_->count(); ++i) // wrapped at the list's width
            h += results_->fontMetrics()
                     .boundingRect(QRect(0, 0, width, 4000), Qt::TextWordWrap,
                                   results_->item(i)->text())
                     .height() +
                 4;
        results_->setFixedHeight(std::min(h, 160));
        results_->setVisible(results_->count() > 0);
    };
    connect(results_->model(), &QAbstractItemModel::rowsInserted, this, fitResults);
    connect(results_->model(), &QAbstractItemModel::rowsRemoved, this, fitResults);
    connect(results_->model(), &QAbstractItemModel::modelReset, this, fitResults);
    prev_ = button(tr("← Previous"), "prevButton", page);
    next_ = button(tr("Next →"), "nextButton", page);
    connect(prev_, &QPushButton::clicked, this, [this] { openStep(step_ - 1); });
    connect(next_, &QPushButton::clicked, this, [this] {
        // A step without a task is done once read.
        if (!task()) lesson_progress::markCompleted(qs(lesson()->id), step_);
        openStep(step_ + 1);
    });
    auto* nav = new QHBoxLayout;
    nav->addWidget(prev_);
    nav->addStretch();
    nav->addWidget(next_);

    v->addWidget(back, 0, Qt::AlignLeft);
    v->addWidget(title_);
    v->addWidget(progress_);
    v->addWidget(steps_);
    v->addWidget(text_, 1);
    v->addWidget(goal_);
    v->addLayout(actions);
    v->addWidget(hints_);
    v->addWidget(results_);
    v->addLayout(nav);
    return page;
}

void LessonPanel::fillBrowser() {
    browser_->clear();
    QStringList notes;
    if (lessons_.empty()) notes << missingLessonsHelp(lessonsDir_);
    if (!loadErrors_.isEmpty()) {
        QStringList errors;
        for (const QString& e : loadErrors_)
            errors << e.toHtmlEscaped();
        notes << (errors.size() == 1
                      ? tr("<p><b>A lesson could not be read:</b></p>")
                      : tr("<p><b>%1 lessons could not be read:</b></p>").arg(errors.size())) +
                     "<p>" + errors.join("<br>") + "</p>";
    }
    browserNote_->setText(notes.join(QString()));
    browserNote_->setVisible(!notes.isEmpty());
    browser_->setVisible(!lessons_.empty());

    // A lesson is listed under each of its concepts that heads a group: every lesson's main
    // concept (its first tag), and any concept two or more lessons teach. Concepts of a single
    // lesson that is mainly about something else ("round robin") stay in its tooltip, or the
    // list would be mostly groups of one.
    QMap<QString, int> taught;
    QSet<QString> main;
    for (const auto& l : lessons_) {
        for (const auto& t : l.tags)
            ++taught[qs(t)];
        if (!l.tags.empty()) main.insert(qs(l.tags.front()));
    }
    // Case-insensitive order: "API gateway" between "algorithms" and "caching".
    std::map<QString, QTreeWidgetItem*, bool (*)(const QString&, const QString&)> groups(
        [](const QString& a, const QString& b) {
            return QString::compare(a, b, Qt::CaseInsensitive) < 0;
        });
    const auto groupFor = [&](const QString& topic) {
        auto*& group = groups[topic];
        if (!group) {
            group = new QTreeWidgetItem(QStringList{topic});
            group->setFlags(Qt::ItemIsEnabled);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
        }
        return group;
    };
    for (const auto& l : lessons_) {
        QStringList concepts;
        if (l.exercise) concepts << tr("exercises"); // whatever their tags say
        for (const auto& t : l.tags)
            if (!concepts.contains(qs(t)) && t != "exercise" &&
                (main.contains(qs(t)) || taught[qs(t)] >= 2))
                concepts << qs(t);
        if (concepts.isEmpty()) concepts << tr("other");
        QStringList tags;
        for (const auto& t : l.tags)
            tags << qs(t);
        const bool done = lesson_progress::isCompleted(l);
        // The title is elided in a narrow panel: every cell shows it whole on hover.
        const QString steps =
            l.steps.size() == 1 ? tr("1 step") : tr("%1 steps").arg(l.steps.size());
        const QString tip =
            tr("%1\n%2 · %3 min · %4\nConcepts: %5")
                .arg(qs(l.title), qs(l.level), QString::number(l.minutes), steps, tags.join(", "));
        for (const QString& topic : concepts) {
            auto* item = new QTreeWidgetItem(
                groupFor(topic),
                {qs(l.title), qs(l.level), QString::number(l.minutes), done ? kDone : ""});
            item->setData(0, Qt::UserRole, qs(l.id));
            item->setForeground(3, kPass);
            for (int c = 0; c < 4; ++c)
                item->setToolTip(c, tip);
        }
    }
    for (const auto& [topic, group] : groups) {
        group->setToolTip(0, group->childCount() == 1
                                 ? tr("1 lesson about %1").arg(topic)
                                 : tr("%1 lessons about %2").arg(group->childCount()).arg(topic));
        browser_->addTopLevelItem(group);
    }
    browser_->expandAll();
    fitBrowserRows();
}

bool LessonPanel::eventFilter(QObject* watched, QEvent* event) {
    // The stretched title column changes width with the view (the header does not signal
    // that): fit the rows once the header has followed.
    if (watched == browser_->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &LessonPanel::fitBrowserRows);
    return QWidget::eventFilter(watched, event);
}

void LessonPanel::fitBrowserRows() {
    // The item view's text margins and focus frame: some pixels each side, taken generously
    // (a row too tall looks better than a title cut short).
    const int width = browser_->header()->sectionSize(0) - browser_->indentation() - 24;
    if (width <= 0) return;
    const QFontMetrics fm(browser_->font());
    const int oneLine = fm.height();
    for (int g = 0; g < browser_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = browser_->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const int height =
                fm.boundingRect(QRect(0, 0, width, 100 * oneLine), Qt::TextWordWrap, item->text(0))
                    .height();
            // A valid size: Qt drops an invalid one (width -1). The column stretches anyway.
            const QSize hint(width, std::max(height, oneLine) + 4);
            if (item->sizeHint(0) != hint) item->setSizeHint(0, hint);
        }
    }
}

const lessons::Lesson* LessonPanel::lesson() const {
    return lesson_ < 0 ? nullptr : &lessons_[std::size_t(lesson_)];
}

const lessons::Task* LessonPanel::task() const {
    if (!lesson()) return nullptr;
    const auto& t = lesson()->steps[std::size_t(step_)].task;
    return t ? &*t : nullptr;
}

void LessonPanel::showBrowser() {
    fillBrowser(); // completion marks may have changed
    pages_->setCurrentIndex(0);
    emit stepChanged();
}

bool LessonPanel::playing() const {
    return lesson() && pages_->currentIndex() == 1;
}

bool LessonPanel::openLesson(const QString& id) {
    if (checking()) return false;
    for (std::size_t i = 0; i < lessons_.size(); ++i) {
        if (qs(lessons_[i].id) != id) continue;
        if (beforeLesson_ && !beforeLesson_()) return false;
        lesson_ = int(i);
        title_->setText(qs(lessons_[i].title));
        pages_->setCurrentIndex(1);
        openStep(0);
        return true;
    }
    return false;
}

void LessonPanel::openStep(int step) {
    if (!lesson() || step < 0 || step >= int(lesson()->steps.size()) || checking()) return;
    step_ = step;
    hintsShown_ = 0;
    results_->clear();
    const auto& s = lesson()->steps[std::size_t(step)];
    if (!s.design.empty()) loadDesign(s.design, tr("Lesson step: %1").arg(qs(s.title)));
    refreshStep();
}

void LessonPanel::refreshStep() {
    const auto& s = lesson()->steps[std::size_t(step_)];
    const int count = int(lesson()->steps.size());
    // Markdown with the step's title on top, so the text reads on its own.
    text_->setMarkdown(QStringLiteral("## %1\n\n%2").arg(qs(s.title), qs(s.text)));
    const lessons::Task* t = task();
    goal_->setVisible(t != nullptr);
    if (t) goal_->setText(tr("<b>Goal:</b> %1").arg(qs(t->goal).toHtmlEscaped()));
    for (auto* b : {check_, hint_, showMe_})
        b->setVisible(t != nullptr);
    showMe_->setEnabled(t && !t->solution.empty());
    results_->setVisible(t != nullptr && results_->count() > 0);
    prev_->setEnabled(step_ > 0);
    next_->setEnabled(step_ + 1 < count);
    refreshSteps();
    refreshHints();
    emit stepChanged();
}

void LessonPanel::refreshSteps() {
    const QSet<int> done = lesson_progress::completedSteps(qs(lesson()->id));
    const int count = int(lesson()->steps.size());
    progress_->setText(tr("Step %1 of %2 · %3 done").arg(step_ + 1).arg(count).arg(done.size()));
    steps_->clear();
    for (int i = 0; i < count; ++i) {
        const QString mark = done.contains(i) ? kDone : QStringLiteral("  ");
        steps_->addItem(QStringLiteral("%1 %2. %3")
                            .arg(mark)
                            .arg(i + 1)
                            .arg(qs(lesson()->steps[std::size_t(i)].title)));
    }
    steps_->setCurrentRow(step_);
    // As tall as its steps (up to five rows): the step's text gets the rest.
    const int rows = std::min(count, 5);
    steps_->setFixedHeight(rows * steps_->sizeHintForRow(0) + 2 * steps_->frameWidth() + 2);
}

void LessonPanel::refreshHints() {
    const lessons::Task* t = task();
    const int total = t ? int(t->hints.size()) : 0;
    QStringList shown;
    for (int i = 0; i < hintsShown_; ++i)
        shown << tr("<b>Hint %1:</b> %2")
                     .arg(i + 1)
                     .arg(qs(t->hints[std::size_t(i)]).toHtmlEscaped());
    hints_->setText(shown.join("<br>"));
    hints_->setVisible(!shown.isEmpty());
    hint_->setEnabled(hintsShown_ < total);
    hint_->setText(total == 0            ? tr("No hints")
                   : hintsShown_ < total ? tr("Hint (%1 of %2)").arg(hintsShown_ + 1).arg(total)
                                         : tr("All hints shown"));
}

void LessonPanel::showNextHint() {
    const lessons::Task* t = task();
    if (!t || hintsShown_ >= int(t->hints.size())) return;
    ++hintsShown_;
    refreshHints();
}

void LessonPanel::loadDesign(const std::string& path, const QString& undoText) {
    QString error;
    if (doc_->replaceFromFile(qs(path), undoText, &error)) {
        emit designLoaded();
    } else {
        results_->clear();
        results_->addItem(error);
        results_->setVisible(true);
    }
}

void LessonPanel::showMe() {
    if (const lessons::Task* t = task(); t && !t->solution.empty())
        loadDesign(t->solution,
                   tr("Show me: %1").arg(qs(lesson()->steps[std::size_t(step_)].title)));
}

void LessonPanel::resetStep() {
    if (!lesson()) return;
    const std::string start = lesson()->startingDesign(std::size_t(step_));
    if (!start.empty()) loadDesign(start, tr("Reset step"));
    results_->clear(); // the last check was of the design just replaced
}

void LessonPanel::check() {
    if (!task() || checking()) return;
    // The run takes a second or more (the design, and for relative checks the starting
    // design too): off the UI thread, on a snapshot of the design.
    check_->setEnabled(false);
    check_->setText(tr("Checking…"));
    results_->clear();
    results_->addItem(tr("Running the design…"));
    const lessons::Lesson lessonCopy = *lesson();
    const std::size_t step = std::size_t(step_);
    const model::Scenario design = doc_->scenario();
    watcher_.setFuture(QtConcurrent::run([lessonCopy, step, design] {
        CheckResult r;
        try {
            r.outcome = lessons::checkDesign(lessonCopy, step, design);
        } catch (const std::exception& e) {
            r.error = QString::fromStdString(e.what());
        }
        return r;
    }));
}

void LessonPanel::showResult() {
    const CheckResult r = watcher_.result();
    check_->setEnabled(true);
    check_->setText(tr("Check"));
    results_->clear();
    if (!r.error.isEmpty()) {
        results_->addItem(tr("The design could not run: %1").arg(r.error));
        emit checkFinished(false);
        return;
    }
    QStringList shown; // two checks of a missing thing say the same: once is enough
    for (const auto& c : r.outcome.checks) {
        const QString text =
            QStringLiteral("%1 %2").arg(c.passed ? kDone : QStringLiteral("✗"), qs(c.message));
        if (shown.contains(text)) continue;
        shown << text;
        auto* item = new QListWidgetItem(text, results_);
        item->setForeground(c.passed ? kPass : kFail);
    }
    if (r.outcome.passed) {
        lesson_progress::markCompleted(qs(lesson()->id), step_);
        results_->addItem(step_ + 1 < int(lesson()->steps.size())
                              ? tr("Step done. On to the next one.")
                              : tr("Lesson complete. Well done."));
        refreshSteps();
    }
    emit checkFinished(r.outcome.passed);
}

} // namespace sdlab::widgets
