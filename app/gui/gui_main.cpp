#include "gui_main.h"

#include "autosave.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/link_item.h"
#include "charts/charts_panel.h"
#include "classroom/classroom.h"
#include "classroom/presentation_mode.h"
#include "classroom/presentation_overlays.h"
#include "common/resources.h"
#include "document/document.h"
#include "lessons/lesson_panel.h"
#include "main_window.h"
#include "run/live_run_controller.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFontDatabase>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace sdlab::gui {

namespace {

/// With no display at all a Qt GUI aborts; a screenshot needs none, so use the offscreen
/// platform for it, and explain the situation otherwise.
bool prepareDisplay(bool screenshot) {
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
        qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return true;
    if (screenshot) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return true;
    }
    QTextStream(stderr) << "sdlab: no display found. Run the editor on a desktop (or under "
                           "xvfb-run), render it with `sdlab --screenshot OUT.png [FILE]`, or "
                           "simulate headlessly with `sdlab run FILE --out DIR`.\n";
    return false;
}

struct ShotOptions {
    QString out;
    QString file;
    QString select;    ///< component to select (the inspector shows it)
    double runFor = 0; ///< simulated seconds to run first (charts in view)
    bool welcome = false;
    QString lesson;            ///< a lesson to open, its first hint shown and its design checked
    bool trace = false;        ///< then trace the next request (waterfall and path on the canvas)
    bool presentation = false; ///< in presentation mode (full screen: the screen's size)
};

/// Traces the next request after the run so far: steps until it is answered (at most ten
/// simulated seconds).
void traceForShot(MainWindow& window) {
    auto* controller = window.liveRun();
    bool ready = false;
    QObject::connect(controller, &widgets::LiveRunController::traceReady, [&] { ready = true; });
    if (auto* action = window.findChild<QAction*>("traceAction")) action->trigger();
    for (int i = 0; i < 100 && !ready; ++i)
        controller->stepTime();
    QApplication::processEvents();
}

/// Opens a lesson in the Lessons dock and checks its starting design, so the picture shows
/// the player at work.
bool openLessonForShot(MainWindow& window, const QString& id) {
    window.showLessons();
    auto* panel = window.lessonPanel();
    if (!panel->openLesson(id)) return false;
    panel->showNextHint();
    QEventLoop loop;
    QObject::connect(panel, &widgets::LessonPanel::checkFinished, &loop, &QEventLoop::quit);
    panel->check();
    if (panel->checking()) loop.exec();
    return true;
}

int screenshot(MainWindow& window, const ShotOptions& o) {
    window.setAutoAnswer(QMessageBox::Discard);
    const bool opened = o.welcome             ? true
                        : !o.lesson.isEmpty() ? openLessonForShot(window, o.lesson)
                        : o.file.isEmpty()    ? window.openExample(":/examples/url-shortener.json")
                                              : window.openFile(o.file, true);
    if (!opened) {
        QTextStream(stderr) << "sdlab: cannot open " << (o.lesson.isEmpty() ? o.file : o.lesson)
                            << "\n";
        return 2;
    }
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    if (!o.welcome) window.view()->fitToContents();
    if (const auto arrow = o.select.indexOf(QLatin1String("->")); arrow > 0) { // a link
        window.scene()->clearSelection();
        if (auto* link = window.scene()->linkItem({o.select.left(arrow), o.select.mid(arrow + 2)}))
            link->setSelected(true);
    } else if (!o.select.isEmpty()) {
        window.scene()->selectComponents({o.select});
    }
    QApplication::processEvents();
    if (o.runFor > 0) {
        window.runFor(o.runFor);
        QApplication::processEvents();
        window.chartsPanel()->replotNow(); // at its laid-out size
    }
    if (o.trace) traceForShot(window);
    if (o.presentation) {
        window.classroom()->presentation()->enter();
        window.classroom()->presentation()->overlays()->hideHelp(); // the picture shows the run
        QApplication::processEvents();
        QApplication::processEvents(); // the full-screen fit comes one turn later
    }
    if (!window.grab().save(o.out)) {
        QTextStream(stderr) << "sdlab: cannot write " << o.out << "\n";
        return 1;
    }
    QTextStream(stdout) << "Wrote " << o.out << "\n";
    return 0;
}

} // namespace

int guiMain(int argc, char* argv[]) {
    bool wantsScreenshot = false;
    for (int i = 1; i < argc; ++i)
        wantsScreenshot |= QByteArrayView(argv[i]) == "--screenshot";
    if (!prepareDisplay(wantsScreenshot)) return 1;

    QApplication app(argc, argv);
    QApplication::setApplicationName("sdlab");
    QApplication::setOrganizationName("System Design Lab");
    QApplication::setApplicationDisplayName(QObject::tr("System Design Lab"));
    QApplication::setApplicationVersion(SDLAB_VERSION);
    widgets::initResources();
    applyTheme(themeFromName(QSettings().value("theme").toString()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("System Design Lab: build architectures and "
                    "watch them run.\nHeadless: sdlab run FILE --out DIR"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption shot("screenshot", QObject::tr("Render the window to a PNG and exit."),
                                  "out.png");
    const QCommandLineOption select(
        "select", QObject::tr("With --screenshot: select a component (ID) or a link (FROM->TO)."),
        "id");
    const QCommandLineOption runFor(
        "run-for", QObject::tr("With --screenshot: run the design S simulated seconds first."),
        "S");
    const QCommandLineOption welcome("welcome",
                                     QObject::tr("With --screenshot: the welcome page."));
    const QCommandLineOption theme("theme", QObject::tr("system, light or dark (remembered)."),
                                   "name");
    const QCommandLineOption lesson(
        "lesson", QObject::tr("With --screenshot: open a lesson (ID) and check its design."), "id");
    const QCommandLineOption trace(
        "trace", QObject::tr("With --screenshot: then trace the next request and show its path."));
    const QCommandLineOption presentation(
        "presentation", QObject::tr("With --screenshot: in presentation mode (full screen)."));
    parser.addOptions({shot, select, runFor, welcome, theme, lesson, trace, presentation});
    parser.addPositionalArgument("file", QObject::tr("Scenario to open."), "[FILE]");
    parser.process(app);
    const QString file = parser.positionalArguments().value(0);
    if (parser.isSet(theme)) {
        applyTheme(themeFromName(parser.value(theme)));
        if (!parser.isSet(shot)) QSettings().setValue("theme", parser.value(theme));
    }

    MainWindow window;
    if (parser.isSet(shot)) {
        bool ok = true;
        const double seconds = parser.isSet(runFor) ? parser.value(runFor).toDouble(&ok) : 0.0;
        if (!ok || seconds < 0) {
            QTextStream(stderr) << "sdlab: --run-for wants a number of seconds\n";
            return 2;
        }
        return screenshot(window, {parser.value(shot), file, parser.value(select), seconds,
                                   parser.isSet(welcome), parser.value(lesson), parser.isSet(trace),
                                   parser.isSet(presentation)});
    }

    if (!file.isEmpty()) {
        window.openFile(file);
    } else if (const QString leftover = Autosave::leftover(); !leftover.isEmpty()) {
        if (QMessageBox::question(nullptr, QObject::tr("Recover unsaved work?"),
                                  QObject::tr("System Design Lab did not close normally. Recover "
                                              "the diagram you were working on?")) ==
            QMessageBox::Yes)
            window.recover(leftover);
    }
    window.show();
    return app.exec();
}

} // namespace sdlab::gui
