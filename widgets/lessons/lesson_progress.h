#pragma once

#include "lessons/lesson.h"

#include <QSet>
#include <QString>

namespace sdlab::widgets {

/// Which steps of which lessons a learner has completed, kept in QSettings
/// ("lessons/<id>/completed") so it survives restarts.
namespace lesson_progress {

QSet<int> completedSteps(const QString& lessonId);
void markCompleted(const QString& lessonId, int step);
bool isCompleted(const lessons::Lesson& lesson);

} // namespace lesson_progress

} // namespace sdlab::widgets
