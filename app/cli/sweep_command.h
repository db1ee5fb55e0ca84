#pragma once

#include <QStringList>

namespace sdlab::cli {

/// `sdlab sweep FILE --param clients.<id>.rps --from A --to B --steps N --out DIR
/// [--threads T]`: runs the design at each value in parallel, writes DIR/sweep.csv and
/// DIR/sweep.json (p50/p99 latency, throughput and error rate per value, and the knee where
/// latency takes off) and prints the table. Exit codes as for `sdlab run`.
int sweepCommand(const QStringList& arguments);

} // namespace sdlab::cli
