#include "lesson_catalog.h"

#include "model/scenario_error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

namespace sdlab::widgets {

namespace {

QString besideTheBinary() {
    return QCoreApplication::applicationDirPath() + "/lessons";
}

/// "<path> — no such folder": a folder looked in, and why it gave no lessons.
QString lookedIn(const QString& path) {
    const QString shown = QDir::toNativeSeparators(path).toHtmlEscaped();
    return QFileInfo(path).isDir()
               ? QObject::tr("<code>%1</code> — no lesson could be read from it (a lesson is a "
                             "folder holding a <code>lesson.json</code>)")
                     .arg(shown)
               : QObject::tr("<code>%1</code> — no such folder").arg(shown);
}

} // namespace

QString findLessonsDir() {
    const QString fromEnv = qEnvironmentVariable("SDLAB_LESSONS_DIR");
    if (!fromEnv.isEmpty()) return fromEnv;
    return QFileInfo(besideTheBinary()).isDir() ? besideTheBinary() : QString();
}

QString missingLessonsHelp(const QString& dir) {
    const QString fromEnv = qEnvironmentVariable("SDLAB_LESSONS_DIR");
    QStringList places;
    if (!dir.isEmpty() && dir != fromEnv && dir != besideTheBinary()) places << lookedIn(dir);
    places << (fromEnv.isEmpty()
                   ? QObject::tr("the environment variable <code>SDLAB_LESSONS_DIR</code> — not "
                                 "set")
                   : QObject::tr("<code>SDLAB_LESSONS_DIR</code>: %1").arg(lookedIn(fromEnv)));
    if (fromEnv.isEmpty()) places << lookedIn(besideTheBinary());
    return QObject::tr("<p><b>No lessons found.</b></p><p>Looked in:</p><ul><li>%1</li></ul>"
                       "<p>The lessons are the <code>lessons</code> folder of System Design Lab; "
                       "the build copies it next to the <code>sdlab</code> program. To use "
                       "another folder, start sdlab with <code>SDLAB_LESSONS_DIR</code> set to "
                       "it, for example:</p><p><code>SDLAB_LESSONS_DIR=/path/to/sdlab/lessons "
                       "sdlab</code></p>")
        .arg(places.join("</li><li>"));
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
