#pragma once

#include <QStringList>

namespace sdlab::cli {

/// `sdlab run FILE --out DIR [--seed N] [--duration S]`: simulates the scenario, writes
/// DIR/metrics.json and DIR/timeseries.csv and prints a summary. Returns the exit code:
/// 0 done, 2 bad input (the message names file, JSON path, line and column), 1 cannot write.
int runCommand(const QStringList& arguments);

} // namespace sdlab::cli
