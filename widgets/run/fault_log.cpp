#include "fault_log.h"

#include <QObject>
#include <QStringList>
#include <limits>

namespace sdlab::widgets {

namespace {

QString names(const std::vector<sim::Index>& ids, const model::Scenario& scenario) {
    QStringList list;
    for (sim::Index i : ids)
        if (i < scenario.components.size())
            list << QString::fromStdString(scenario.components[i].id);
    return list.join(QStringLiteral(", "));
}

} // namespace

std::vector<FaultSpan> faultSpans(const sim::Simulation& sim) {
    std::vector<FaultSpan> spans;
    for (const auto& e : sim.faultLog()) {
        if (e.started) {
            spans.push_back({e.fault, e.time, std::numeric_limits<double>::infinity()});
            continue;
        }
        for (auto it = spans.rbegin(); it != spans.rend(); ++it)
            if (it->fault == e.fault && it->end == std::numeric_limits<double>::infinity()) {
                it->end = e.time;
                break;
            }
    }
    return spans;
}

std::vector<sim::Index> activeFaults(const sim::Simulation& sim) {
    std::vector<sim::Index> active;
    for (const auto& span : faultSpans(sim))
        if (span.end == std::numeric_limits<double>::infinity()) active.push_back(span.fault);
    return active;
}

QString faultText(const sim::Fault& f, const model::Scenario& s) {
    const QString who = names(f.targets, s);
    switch (f.kind) {
    case sim::Fault::Kind::Crash:
        return f.instance >= 0 ? QObject::tr("Crash %1 (instance %2)").arg(who).arg(f.instance)
                               : QObject::tr("Crash %1").arg(who);
    case sim::Fault::Kind::Slow:
        return QObject::tr("Slow %1 ×%2").arg(who).arg(f.factor);
    case sim::Fault::Kind::Errors:
        return QObject::tr("Errors on %1: %2% of calls fail").arg(who).arg(f.rate * 100);
    case sim::Fault::Kind::Partition:
        return QObject::tr("Partition %1 ↔ %2").arg(who, names(f.peers, s));
    case sim::Fault::Kind::CacheFlush:
        return QObject::tr("Flush %1").arg(who);
    case sim::Fault::Kind::PacketLoss:
        return f.peers.empty() ? QObject::tr("Packet loss %1% at %2").arg(f.rate * 100).arg(who)
                               : QObject::tr("Packet loss %1% %2 ↔ %3")
                                     .arg(f.rate * 100)
                                     .arg(who, names(f.peers, s));
    case sim::Fault::Kind::ConsumerStop:
        return QObject::tr("Consumers of %1 stopped").arg(who);
    }
    return who;
}

QColor faultColor(sim::Fault::Kind kind) {
    switch (kind) {
    case sim::Fault::Kind::Crash:
        return QColor(0xD9, 0x2D, 0x20);
    case sim::Fault::Kind::Slow:
        return QColor(0xE0, 0x8E, 0x0B);
    case sim::Fault::Kind::Errors:
        return QColor(0xE8, 0x5D, 0x04);
    case sim::Fault::Kind::Partition:
        return QColor(0x8E, 0x44, 0xAD);
    case sim::Fault::Kind::CacheFlush:
        return QColor(0x0E, 0x9F, 0x9A);
    case sim::Fault::Kind::PacketLoss:
        return QColor(0x2E, 0x6F, 0xD8);
    case sim::Fault::Kind::ConsumerStop:
        return QColor(0x6B, 0x72, 0x80);
    }
    return Qt::gray;
}

} // namespace sdlab::widgets
