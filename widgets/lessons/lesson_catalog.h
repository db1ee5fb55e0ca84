#pragma once

#include "lessons/lesson.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace sdlab::widgets {

/// Where the lessons live: $SDLAB_LESSONS_DIR, else `lessons/` next to the binary (the build
/// copies them there); empty when neither exists. Lessons stay plain
/// files rather than Qt resources: loadLesson and `sdlab lesson check` read them from disk,
/// designs are named relative to the lesson, and teachers can drop in their own.
QString findLessonsDir();

/// Every `*/lesson.json` under `dir`, by title. Lessons that fail to load are left out and
/// described in `errors` (file:line:column: field: message).
std::vector<lessons::Lesson> loadLessons(const QString& dir, QStringList* errors = nullptr);

} // namespace sdlab::widgets
