#include "lesson_catalog.h"

#include "model/scenario_error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace sdlab::widgets {

QString findLessonsDir() {
    const QString fromEnv = qEnvironmentVariable("SDLAB_LESSONS_DIR");
    if (!fromEnv.isEmpty()) return fromEnv;
    const QString app = QCoreApplication::applicationDirPath();
    return QFileInfo(app + "/lessons").isDir() ? app + "/lessons" : QString();
}

std::vector<lessons::Lesson> loadLessons(const QString& dir, QStringList* errors) {
    std::vector<lessons::Lesson> found;
    const QDir root(dir);
    for (const QString& folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString file = root.filePath(folder + "/lesson.json");
        if (!QFileInfo::exists(file)) continue;
        try {
            found.push_back(lessons::loadLesson(file.toStdString()));
        } catch (const model::ScenarioError& e) {
            if (errors) *errors << QString::fromStdString(e.describe(file.toStdString()));
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.title < b.title; });
    return found;
}

} // namespace sdlab::widgets
