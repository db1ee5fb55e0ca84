#include "lesson_progress.h"

#include <QSettings>
#include <QVariantList>

namespace sdlab::widgets::lesson_progress {

namespace {
QString key(const QString& lessonId) {
    return QStringLiteral("lessons/%1/completed").arg(lessonId);
}
} // namespace

QSet<int> completedSteps(const QString& lessonId) {
    QSet<int> steps;
    for (const QVariant& v : QSettings().value(key(lessonId)).toList())
        steps.insert(v.toInt());
    return steps;
}

void markCompleted(const QString& lessonId, int step) {
    QSet<int> steps = completedSteps(lessonId);
    if (steps.contains(step)) return;
    steps.insert(step);
    QVariantList list;
    for (int s : steps)
        list << s;
    QSettings().setValue(key(lessonId), list);
}

bool isCompleted(const lessons::Lesson& lesson) {
    return completedSteps(QString::fromStdString(lesson.id)).size() >= int(lesson.steps.size());
}

} // namespace sdlab::widgets::lesson_progress
