#include "cli_common.h"

#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <QTextStream>

namespace sdlab::cli {

int badInput(QString message) {
    // One line, whatever the file name or the file's strings hold.
    for (qsizetype i = 0; i < message.size(); ++i)
        if (message[i].unicode() < 0x20 || message[i].unicode() == 0x7f)
            message.replace(i, 1, QString("\\x%1").arg(message[i].unicode(), 2, 16, QChar('0')));
    QTextStream(stderr) << "sdlab: error: " << message << "\n";
    return 2;
}

bool loadScenarioForCommand(const QString& file, model::Scenario& scenario) {
    try {
        scenario = model::loadScenarioFile(file.toStdString());
        return true;
    } catch (const model::ScenarioError& e) {
        badInput(QString::fromStdString(e.describe(file.toStdString())));
        return false;
    }
}

} // namespace sdlab::cli
