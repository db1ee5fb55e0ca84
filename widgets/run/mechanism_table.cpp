#include "mechanism_table.h"

#include "components/cache.h"
#include "components/message_queue.h"

#include <QLocale>
#include <QObject>

#include <algorithm>
#include <numeric>

namespace sdlab::widgets {

namespace {

constexpr std::size_t kHottestShown = 5;
constexpr std::size_t kPartitionsShown = 16;

/// Counts with thousands separators: offsets grow long.
QString count(std::uint64_t n) {
    return QLocale(QLocale::English).toString(qulonglong(n));
}

QString percent(double fraction) {
    return fraction < 0.1 ? QStringLiteral("%1%").arg(fraction * 100, 0, 'f', 1)
                          : QStringLiteral("%1%").arg(qRound(fraction * 100));
}

QString rate(double perSecond) {
    return QObject::tr("%1/s").arg(perSecond, 0, 'f', perSecond < 10 ? 1 : 0);
}

QString colourOf(MechanismTable::Tone tone) {
    switch (tone) {
    case MechanismTable::Tone::Good:
        return QStringLiteral("#1E8E3E");
    case MechanismTable::Tone::Bad:
        return QStringLiteral("#D92D20");
    case MechanismTable::Tone::Muted:
        return QStringLiteral("#8A8F98");
    case MechanismTable::Tone::Plain:
        break;
    }
    return {};
}

QString tableHtml(const MechanismTable& t) {
    // Columns that start a group get a wider gap, so the groups read as blocks.
    std::vector<bool> groupStart(std::size_t(t.header.size()), false);
    int column = 0;
    for (const auto& group : t.groups) {
        if (column > 0 && column < int(groupStart.size())) groupStart[std::size_t(column)] = true;
        column += group.second;
    }
    const auto cellStyle = [&](std::size_t c) {
        return QStringLiteral("white-space:nowrap; padding-left:%1px")
            .arg(c < groupStart.size() && groupStart[c] ? 20 : 8);
    };
    QString html = QStringLiteral("<p style='margin-top:6px; margin-bottom:2px'><b>%1</b></p>")
                       .arg(t.caption.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    if (!t.groups.empty()) {
        html += QStringLiteral("<tr>");
        column = 0;
        for (const auto& [text, span] : t.groups) {
            html += QStringLiteral("<th colspan='%1' align='center' style='%2'>%3</th>")
                        .arg(span)
                        .arg(cellStyle(std::size_t(column)), text.toHtmlEscaped());
            column += span;
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("<tr>");
    for (int c = 0; c < t.header.size(); ++c)
        html += QStringLiteral("<th align='right' style='%1'>%2</th>")
                    .arg(cellStyle(std::size_t(c)), t.header[c].toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const auto& row : t.rows) {
        html += QStringLiteral("<tr>");
        for (std::size_t c = 0; c < row.size(); ++c) {
            const QString colour = colourOf(row[c].tone);
            const QString text = row[c].text.toHtmlEscaped();
            html +=
                QStringLiteral("<td align='right' style='%1'>%2</td>")
                    .arg(
                        cellStyle(c),
                        colour.isEmpty()
                            ? text
                            : QStringLiteral("<span style='color:%1'>%2</span>").arg(colour, text));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    for (const QString& note : t.notes)
        html += QStringLiteral("<p style='margin:0; color:#8A8F98; white-space:pre'>%1</p>")
                    .arg(note.toHtmlEscaped());
    return html;
}

} // namespace

QString MechanismTable::cell(const QString& first, int column) const {
    for (const auto& row : rows)
        if (!row.empty() && row.front().text == first && column < int(row.size()))
            return row[std::size_t(column)].text;
    return {};
}

std::vector<MechanismTable> hotKeysTables(const components::Cache& cache, double now,
                                          QStringList& lines) {
    const auto& store = cache.store();
    const auto& hot = cache.hotKeys();
    if (store.capacity() > 0)
        lines << QObject::tr("Holds %1 of %2 entries (%3 full)")
                     .arg(count(store.size()), count(store.capacity()),
                          percent(double(store.size()) / store.capacity()));
    else
        lines << QObject::tr("Holds nothing: its capacity is 0");
    if (hot.hitRatio() < 0) {
        lines << QObject::tr("No look-ups yet");
        return {};
    }
    lines << QObject::tr("Hit ratio over the last ~%1 s: %2")
                 .arg(hot.tau(), 0, 'g', 3)
                 .arg(percent(hot.hitRatio()));
    MechanismTable t;
    t.caption =
        QObject::tr("Hottest keys (look-ups over the last ~%1 s)").arg(hot.tau(), 0, 'g', 3);
    t.header = {QObject::tr("#"), QObject::tr("key"), QObject::tr("share"), QObject::tr("rate"),
                QObject::tr("next look-up")};
    const double total = hot.total(now), span = hot.span(now);
    bool estimated = false;
    const auto top = hot.top(kHottestShown, now);
    for (std::size_t r = 0; r < top.size(); ++r) {
        const auto& k = top[r];
        // A key that became hot late may be credited with its hash bucket's weight.
        const bool rough = k.error > 0.1 * k.count;
        estimated |= rough;
        const QString approx = rough ? QStringLiteral("≈") : QString();
        const bool cached = store.contains(k.key, now);
        t.rows.push_back(
            {{QString::number(r + 1)},
             {QString::number(k.key)},
             {approx + percent(total > 0 ? k.count / total : 0)},
             {approx + rate(span > 0 ? k.count / span : 0)},
             cached ? MechanismTable::Cell{QObject::tr("hit (cached)"), MechanismTable::Tone::Good}
                    : MechanismTable::Cell{QObject::tr("miss (not cached)"),
                                           MechanismTable::Tone::Bad}});
    }
    if (estimated) t.notes << QObject::tr("≈: an upper bound (counted in a shared bucket before)");
    return {t};
}

std::vector<MechanismTable> partitionTables(const components::MessageQueue& queue) {
    const std::size_t groups = queue.groupCount();
    if (groups == 0) return {};
    const std::size_t partitions = queue.group(0).partitions();
    MechanismTable t;
    t.caption = QObject::tr("Partitions: lag = end offset − committed offset");
    t.groups.push_back({QString(), 2});
    t.header = {QObject::tr("partition"), QObject::tr("end offset")};
    for (std::size_t g = 0; g < groups; ++g) {
        const auto& group = queue.group(sim::Index(g));
        QString name = QString::fromStdString(queue.groupName(sim::Index(g)));
        if (group.stopped()) name += QObject::tr(" (stopped)");
        t.groups.push_back({name, 3});
        t.header << QObject::tr("committed") << QObject::tr("lag") << QObject::tr("consumer");
    }
    // Too many partitions to list: the ones furthest behind, in partition order.
    std::vector<std::size_t> shown(partitions);
    std::iota(shown.begin(), shown.end(), 0);
    const auto lagOf = [&](std::size_t p) {
        std::uint64_t lag = 0;
        for (std::size_t g = 0; g < groups; ++g)
            lag += queue.group(sim::Index(g)).lag(sim::Index(p));
        return lag;
    };
    if (partitions > kPartitionsShown) {
        std::stable_sort(shown.begin(), shown.end(),
                         [&](std::size_t a, std::size_t b) { return lagOf(a) > lagOf(b); });
        shown.resize(kPartitionsShown);
        std::sort(shown.begin(), shown.end());
    }
    for (std::size_t p : shown) {
        const auto i = sim::Index(p);
        std::vector<MechanismTable::Cell> row = {{QString::number(p)},
                                                 {count(queue.group(0).endOffset(i))}};
        for (std::size_t g = 0; g < groups; ++g) {
            const auto& group = queue.group(sim::Index(g));
            const std::uint64_t lag = group.lag(i);
            row.push_back({count(group.committedOffset(i))});
            row.push_back(
                {count(lag), lag ? MechanismTable::Tone::Plain : MechanismTable::Tone::Muted});
            if (group.holder(i) >= 0)
                row.push_back({QObject::tr("#%1").arg(group.holder(i) + 1)});
            else if (group.heldBack(i))
                row.push_back({QObject::tr("retry wait"), MechanismTable::Tone::Bad});
            else
                row.push_back({QObject::tr("–"), MechanismTable::Tone::Muted});
        }
        t.rows.push_back(std::move(row));
    }
    if (shown.size() < partitions)
        t.notes << QObject::tr("The %1 of %2 partitions furthest behind")
                       .arg(shown.size())
                       .arg(partitions);
    for (std::size_t g = 0; g < groups; ++g) {
        const auto& group = queue.group(sim::Index(g));
        t.notes << QObject::tr("%1: %2 of %3 consumers busy; lag %4, of which %5 not processed yet")
                       .arg(QString::fromStdString(queue.groupName(sim::Index(g))))
                       .arg(group.consumers() - group.idle())
                       .arg(group.consumers())
                       .arg(count(group.lag()))
                       .arg(count(group.backlog()));
    }
    const double commit = queue.config().commitInterval;
    t.notes << (commit > 0 ? QObject::tr("Consumers commit every %1 s; the consumer column is "
                                         "who holds the partition now")
                                 .arg(commit, 0, 'g', 3)
                           : QObject::tr("Each message is committed once processed; the "
                                         "consumer column is who holds the partition now"));
    return {t};
}

QString mechanismHtml(const QStringList& lines, const std::vector<MechanismTable>& tables) {
    QStringList escaped;
    for (const QString& line : lines)
        escaped << line.toHtmlEscaped();
    QString html = QStringLiteral("<html><p style='margin:0; white-space:pre'>%1</p>")
                       .arg(escaped.join(QStringLiteral("<br>")));
    for (const auto& t : tables)
        html += tableHtml(t);
    return html + QStringLiteral("</html>");
}

} // namespace sdlab::widgets
