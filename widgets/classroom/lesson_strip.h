#pragma once

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace sdlab::widgets {

class LessonPanel;

/// The open lesson's step, large, for a class to read off the wall: the lesson, "Step 2 of 5",
/// the step's text and its goal (its type is set by presentation mode). It follows the lesson panel
/// (→ and ← in presentation mode move it), and reads only — the panel stays where the lesson is
/// played.
class LessonStrip : public QWidget {
    Q_OBJECT
public:
    explicit LessonStrip(LessonPanel* panel, QWidget* parent = nullptr);
    /// Whether there is a step to show (a lesson open in the player).
    bool hasStep() const;
    QString stepText() const;

private:
    void refresh();

    LessonPanel* panel_;
    QLabel* heading_;
    QTextBrowser* text_;
};

} // namespace sdlab::widgets
