#include "component_style.h"

#include "model/component_types.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

namespace sdlab::widgets::style {

namespace {
QString number(double v) {
    return QString::number(v, 'g', 4);
}
} // namespace

QString iconPath(const QString& type) {
    const QString path = QStringLiteral(":/icons/%1.svg").arg(type);
    return QFile::exists(path) ? path : QStringLiteral(":/icons/service.svg");
}

QIcon icon(const QString& type) {
    return QIcon(iconPath(type));
}

QColor categoryColor(const QString& category) {
    // The icon set's tile colours (resources/icons), chosen for contrast with white glyphs.
    static const QHash<QString, QColor> colours = {
        {"Traffic", QColor(0x2F, 0x6F, 0xDE)},   {"Edge", QColor(0x0C, 0x85, 0x7A)},
        {"Compute", QColor(0x7A, 0x5A, 0xF8)},   {"Data", QColor(0xBF, 0x5B, 0x04)},
        {"Messaging", QColor(0xC1, 0x15, 0x74)}, {"Control", QColor(0x5B, 0x68, 0x80)}};
    return colours.value(category, QColor(0x5B, 0x68, 0x80));
}

QColor typeColor(const QString& type) {
    const auto* t = model::findComponentType(type.toStdString());
    return categoryColor(t ? QString::fromStdString(t->category) : QString());
}

QString title(const QString& type) {
    const auto* t = model::findComponentType(type.toStdString());
    return t ? QCoreApplication::translate("ComponentTypes", t->title.c_str()) : type;
}

QString durationText(const model::Json& v) {
    if (v.is_number())
        return QCoreApplication::translate("Style", "%1 ms").arg(number(v.get<double>()));
    if (!v.is_object() || !v.contains("dist")) return {};
    const std::string dist = v["dist"].get<std::string>();
    if (dist == "uniform")
        return QCoreApplication::translate("Style", "%1–%2 ms")
            .arg(number(v["min_ms"].get<double>()), number(v["max_ms"].get<double>()));
    const QString mean = number(v["mean_ms"].get<double>());
    if (dist == "deterministic") return QCoreApplication::translate("Style", "%1 ms").arg(mean);
    if (dist == "exponential") return QCoreApplication::translate("Style", "~%1 ms").arg(mean);
    return QCoreApplication::translate("Style", "~%1 ms (cv %2)")
        .arg(mean, number(v["cv"].get<double>()));
}

QString summary(const model::ComponentSpec& spec) {
    const auto& p = spec.params;
    auto tr = [](const char* s) { return QCoreApplication::translate("Style", s); };
    if (spec.type == "client")
        return p["mode"] == "closed" ? tr("%1 users").arg(p["users"].get<int>())
                                     : tr("%1 req/s").arg(number(p["rps"].get<double>()));
    if (spec.type == "service")
        return tr("%1 workers · %2")
            .arg(p["workers"].get<int>())
            .arg(durationText(p["service_time"]));
    if (spec.type == "database") {
        QString text = tr("%1 conns · r %2")
                           .arg(p["connections"].get<int>())
                           .arg(durationText(p["read_time"]));
        if (const int shards = p.value("shards", 1); shards > 1)
            text = tr("%1 shards · %2").arg(shards).arg(text);
        if (p.value("role", "primary") == "replica") text = tr("replica · %1").arg(text);
        return text;
    }
    if (spec.type == "cache")
        return tr("%1 entries · %2")
            .arg(p["capacity"].get<long>())
            .arg(QString::fromStdString(p["eviction"].get<std::string>()).toUpper());
    if (spec.type == "saga")
        return tr("%1 · undo ×%2")
            .arg(durationText(p["step_time"]))
            .arg(p["compensation_attempts"].get<int>());
    if (spec.type == "cdn")
        return tr("%1 objects · TTL %2 s")
            .arg(p["capacity"].get<long>())
            .arg(number(p["ttl_s"].get<double>()));
    if (spec.type == "object_storage")
        return tr("%1 + %2 kB at %3 MB/s")
            .arg(durationText(p["first_byte"]), number(p["object_size_kb"].get<double>()),
                 number(p["bandwidth_mb_s"].get<double>()));
    if (spec.type == "service_registry")
        return tr("TTL %1 s · refresh %2 s")
            .arg(number(p["heartbeat_ttl_s"].get<double>()),
                 number(p["refresh_interval_s"].get<double>()));
    if (spec.type == "feed_service")
        return tr("fan-out %1")
            .arg(QString::fromStdString(p["strategy"].get<std::string>()).replace('_', ' '));
    if (spec.type == "message_queue")
        return tr("%1 partitions · %2 consumers")
            .arg(p["partitions"].get<int>())
            .arg(p["consumers"].get<int>());
    if (spec.type == "api_gateway") {
        if (!p.contains("rate_limit"))
            return tr("%1 workers · no limit").arg(p["workers"].get<int>());
        const auto& limit = p["rate_limit"];
        const QString rate = limit["algorithm"] == "sliding_window"
                                 ? tr("%1 per %2 s")
                                       .arg(limit["limit"].get<long>())
                                       .arg(number(limit["window_s"].get<double>()))
                                 : tr("%1 req/s").arg(number(limit["refill_per_s"].get<double>()));
        return limit["scope"] == "per_client" ? tr("%1 per client").arg(rate) : rate;
    }
    if (spec.type == "load_balancer")
        return QString::fromStdString(p["algorithm"].get<std::string>()).replace('_', ' ');
    return {};
}

const QStringList& categories() {
    static const QStringList list = {"Traffic", "Edge", "Compute", "Data", "Messaging", "Control"};
    return list;
}

} // namespace sdlab::widgets::style
