// sdlab: System Design Lab. `sdlab run FILE --out DIR` simulates a scenario headlessly.
#include "cli/run_command.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("sdlab");
    QCoreApplication::setApplicationVersion(SDLAB_VERSION);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() >= 2 && args[1] == "run") return sdlab::cli::runCommand(args.mid(1));

    QTextStream(stderr) << "usage: sdlab run FILE --out DIR [--seed N] [--duration S]\n"
                           "       sdlab run --help\n";
    return args.size() >= 2 && (args[1] == "--help" || args[1] == "-h") ? 0 : 2;
}
