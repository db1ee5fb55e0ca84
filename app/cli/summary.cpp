#include "summary.h"

#include <cstdio>

namespace sdlab::cli {

namespace {

template <class... Args> std::string format(const char* fmt, Args... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, fmt, args...);
    return buf;
}

} // namespace

model::Json analysisJson(const analysis::TopologyAnalysis& a) {
    model::Json out = {{"single_points_of_failure", a.singlePointsOfFailure},
                       {"unreachable", a.unreachable},
                       {"loops", a.loops}};
    if (a.availability >= 0) {
        out["availability_estimate"] = a.availability;
        out["availability_exact"] = a.availabilityExact;
        out["downtime_per_year"] = analysis::downtimePerYear(a.availability);
    }
    return out;
}

std::string formatSummary(const model::Scenario& s, const model::Json& r, double wallSeconds) {
    const auto& e = r["end_to_end"];
    const auto& lat = e["latency_ms"];
    const double measured = r["measured_s"].get<double>();
    std::string out;
    out += format("%s: %g s simulated (%g s warm-up not counted), seed %llu, in %.2f s wall "
                  "(%.0fx real time)\n",
                  s.name.empty() ? "scenario" : s.name.c_str(), s.durationS, s.warmupS,
                  (unsigned long long)s.seed, wallSeconds,
                  wallSeconds > 0 ? s.durationS / wallSeconds : 0.0);
    out += format("End to end: %llu sent, %llu completed, %llu failed (%.2f%% errors), "
                  "%.1f req/s over %g s\n",
                  e["sent"].get<unsigned long long>(), e["completed"].get<unsigned long long>(),
                  e["failed"].get<unsigned long long>(), 100.0 * e["error_rate"].get<double>(),
                  e["throughput_rps"].get<double>(), measured);
    out += format("Latency (ms): mean %.2f  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f\n\n",
                  lat["mean"].get<double>(), lat["p50"].get<double>(), lat["p95"].get<double>(),
                  lat["p99"].get<double>(), lat["max"].get<double>());
    out += format("%-16s %-14s %10s %9s %7s %8s %9s %9s  %s\n", "component", "type", "req/s",
                  "rejected", "util", "queue", "mean ms", "p99 ms", "");
    for (const auto& [id, c] : r["components"].items()) {
        const std::string type = c["type"].get<std::string>();
        // Clients, load balancers and sagas do no queued work of their own: no utilisation or
        // queue.
        const bool queues = type != "client" && type != "load_balancer" && type != "saga";
        const std::string util =
            queues ? format("%.1f%%", 100.0 * c["utilization"].get<double>()) : "-";
        const std::string queue =
            queues ? format("%.2f", c["mean_queue_length"].get<double>()) : "-";
        std::string extra;
        if (c.contains("hit_ratio")) extra = format("hit ratio %.3f", c["hit_ratio"].get<double>());
        if (type == "client") extra = "end to end";
        if (c.contains("sagas"))
            extra = format("sagas: %llu committed, %llu compensated, %llu stuck",
                           c["sagas"]["committed"].get<unsigned long long>(),
                           c["sagas"]["compensated"].get<unsigned long long>(),
                           c["sagas"]["stuck"].get<unsigned long long>());
        out +=
            format("%-16s %-14s %10.1f %9llu %7s %8s %9.2f %9.2f  %s\n", id.c_str(), type.c_str(),
                   c["throughput_rps"].get<double>(), c["rejected"].get<unsigned long long>(),
                   util.c_str(), queue.c_str(), c["latency_ms"]["mean"].get<double>(),
                   c["latency_ms"]["p99"].get<double>(), extra.c_str());
    }
    if (r.contains("analysis")) {
        const auto& a = r["analysis"];
        auto list = [](const model::Json& ids) {
            std::string text;
            for (const auto& id : ids)
                text += (text.empty() ? "" : ", ") + id.get<std::string>();
            return text.empty() ? std::string("none") : text;
        };
        out += "\nSingle points of failure: " + list(a["single_points_of_failure"]) + "\n";
        if (!a["unreachable"].empty())
            out += "Unreachable from any client: " + list(a["unreachable"]) + "\n";
        if (a.contains("availability_estimate"))
            out += format("Availability estimate: %.4f%% (about %s down a year)%s\n",
                          100 * a["availability_estimate"].get<double>(),
                          a["downtime_per_year"].get<std::string>().c_str(),
                          a["availability_exact"].get<bool>() ? "" : ", approximate");
    }
    return out + "\n";
}

} // namespace sdlab::cli
