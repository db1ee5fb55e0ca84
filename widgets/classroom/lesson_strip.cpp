#include "lesson_strip.h"

#include "lessons/lesson_panel.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sdlab::widgets {

LessonStrip::LessonStrip(LessonPanel* panel, QWidget* parent)
    : QWidget(parent)
    , panel_(panel)
    , heading_(new QLabel)
    , text_(new QTextBrowser) {
    setObjectName("lessonStrip");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 18);
    layout->setSpacing(12);
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::RichText);
    text_->setObjectName("lessonStripText");
    text_->setFrameShape(QFrame::NoFrame);
    text_->setOpenExternalLinks(true);
    layout->addWidget(heading_);
    layout->addWidget(text_, 1);
    connect(panel_, &LessonPanel::stepChanged, this, &LessonStrip::refresh);
    refresh();
}

bool LessonStrip::hasStep() const {
    return panel_->playing();
}

QString LessonStrip::stepText() const {
    return text_->toPlainText();
}

void LessonStrip::refresh() {
    if (!hasStep()) {
        heading_->clear();
        text_->clear();
        return;
    }
    const auto* lesson = panel_->lesson();
    const auto& step = lesson->steps[std::size_t(panel_->step())];
    heading_->setText(tr("<span style='font-size:large'><b>%1</b></span><br>Step %2 of %3")
                          .arg(QString::fromStdString(lesson->title).toHtmlEscaped())
                          .arg(panel_->step() + 1)
                          .arg(lesson->steps.size()));
    QString markdown =
        QStringLiteral("## %1\n\n%2")
            .arg(QString::fromStdString(step.title), QString::fromStdString(step.text));
    if (step.task) // right under the text: what the class is to achieve
        markdown += tr("\n\n**Goal:** %1").arg(QString::fromStdString(step.task->goal));
    text_->setMarkdown(markdown);
}

} // namespace sdlab::widgets
