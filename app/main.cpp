// sdlab: System Design Lab.
//   sdlab [FILE]                        the editor (opens FILE if given)
//   sdlab --screenshot OUT.png [FILE]   renders the window at 1600×1000 to OUT.png and exits
//   sdlab run FILE --out DIR ...        simulates headlessly (see `sdlab run --help`)
#include "cli/run_command.h"
#include "gui/gui_main.h"

#include <QCoreApplication>

int main(int argc, char* argv[]) {
    if (argc >= 2 && QByteArrayView(argv[1]) == "run") {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("sdlab");
        QCoreApplication::setApplicationVersion(SDLAB_VERSION);
        return sdlab::cli::runCommand(QCoreApplication::arguments().mid(1));
    }
    return sdlab::gui::guiMain(argc, argv);
}
