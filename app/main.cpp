// sdlab: System Design Lab.
//   sdlab [FILE]                        the editor (opens FILE if given)
//   sdlab --screenshot OUT.png [FILE]   renders the window at 1600×1000 to OUT.png and exits
//   sdlab run FILE --out DIR ...        simulates headlessly (see `sdlab run --help`)
//   sdlab sweep FILE --param P ...      what-if over a range (see `sdlab sweep --help`)
#include "cli/run_command.h"
#include "cli/sweep_command.h"
#include "gui/gui_main.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    const bool run = argc >= 2 && QByteArrayView(argv[1]) == "run";
    if (run || (argc >= 2 && QByteArrayView(argv[1]) == "sweep")) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("sdlab");
        QCoreApplication::setApplicationVersion(SDLAB_VERSION);
        const QStringList arguments = QCoreApplication::arguments().mid(1);
        return run ? sdlab::cli::runCommand(arguments) : sdlab::cli::sweepCommand(arguments);
    }
    return sdlab::gui::guiMain(argc, argv);
}
