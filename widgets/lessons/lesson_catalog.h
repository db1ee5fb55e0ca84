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

/// Why a learner sees no lessons, as rich text for the lesson browser: the folders looked in
/// (`dir`, as the panel was given it — empty when findLessonsDir found none —, and
/// findLessonsDir's places) with what is wrong with each, and how to point sdlab at the lessons
/// with SDLAB_LESSONS_DIR.
QString missingLessonsHelp(const QString& dir);

/// Every `*/lesson.json` under `dir`, by title. Lessons that fail to load are left out and
/// described in `errors` (file:line:column: field: message).
std::vector<lessons::Lesson> loadLessons(const QString& dir, QStringList* errors = nullptr);

} // namespace sdlab::widgets
