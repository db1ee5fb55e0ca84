#pragma once

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace sdlab::components {
class Cache;
class MessageQueue;
} // namespace sdlab::components

namespace sdlab::widgets {

/// A mechanism's inner state as a small table for a card's tooltip: a cache's hottest keys,
/// a message queue's partitions. Cells are text, so tests read exactly what is shown.
struct MechanismTable {
    enum class Tone { Plain, Good, Bad, Muted };
    struct Cell {
        QString text;
        Tone tone = Tone::Plain;
    };
    QString caption;
    /// An optional header row above `header`: (text, columns spanned).
    std::vector<std::pair<QString, int>> groups;
    QStringList header;
    std::vector<std::vector<Cell>> rows;
    QStringList notes; ///< lines under the table

    /// The cell in the row whose first cell is `first`, column `column`; empty if none.
    QString cell(const QString& first, int column) const;
};

/// A cache's (or CDN edge's) hottest keys of late: rank, key, share and rate of the recent
/// look-ups, and whether a look-up would hit now; `lines` gets its fill and recent hit ratio.
std::vector<MechanismTable> hotKeysTables(const components::Cache& cache, double now,
                                          QStringList& lines);

/// A message queue's partitions: the log-end offset, and per consumer group the committed
/// offset, the lag between them and the consumer holding the partition now.
std::vector<MechanismTable> partitionTables(const components::MessageQueue& queue);

/// Rich text: `lines` (escaped, one a line), then the tables.
QString mechanismHtml(const QStringList& lines, const std::vector<MechanismTable>& tables);

} // namespace sdlab::widgets
