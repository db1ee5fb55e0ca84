// sdlab: System Design Lab.
//   sdlab [FILE]                        the editor (opens FILE if given)
//   sdlab --screenshot OUT.png [FILE]   renders the window at 1600×1000 to OUT.png and exits
//   sdlab run FILE --out DIR ...        simulates headlessly (see `sdlab run --help`)
//   sdlab sweep FILE --param P ...      what-if over a range (see `sdlab sweep --help`)
//   sdlab lesson check LESSON [DESIGN]  grades a design, or checks a lesson
#include "cli/lesson_command.h"
#include "cli/run_command.h"
#include "cli/sweep_command.h"
#include "gui/gui_main.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    const QByteArrayView command = argc >= 2 ? QByteArrayView(argv[1]) : QByteArrayView();
    if (command == "run" || command == "sweep" || command == "lesson") {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("sdlab");
        QCoreApplication::setApplicationVersion(SDLAB_VERSION);
        const QStringList arguments = QCoreApplication::arguments().mid(1);
        if (command == "run") return sdlab::cli::runCommand(arguments);
        if (command == "sweep") return sdlab::cli::sweepCommand(arguments);
        return sdlab::cli::lessonCommand(arguments);
    }
    return sdlab::gui::guiMain(argc, argv);
}
