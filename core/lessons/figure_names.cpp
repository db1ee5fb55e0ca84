#include "figure_names.h"

#include "model/component_types.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace sdlab::lessons {

using model::Json;

namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> keys;
    std::istringstream parts(path);
    for (std::string key; std::getline(parts, key, '/');)
        keys.push_back(key);
    return keys;
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// "p99", "mean", "maximum": the statistic of a latency summary.
std::string statistic(const std::string& key) {
    if (key == "max") return "maximum";
    if (key == "min") return "minimum";
    return key;
}

/// A failure cause of errors_by_cause, as "failures from <this>".
std::string causeWords(const std::string& cause) {
    static const std::pair<const char*, const char*> words[] = {
        {"timeout", "timeouts"},
        {"breaker_open", "an open circuit breaker"},
        {"rate_limited", "the rate limit (429)"},
        {"rejected", "a full queue"},
        {"crashed", "a crashed component"},
        {"partitioned", "a network partition"},
        {"injected", "injected errors"},
        {"hop_limit", "a routing loop"},
        {"bulkhead_full", "a full bulkhead"},
    };
    for (const auto& [key, text] : words)
        if (cause == key) return text;
    return cause;
}

std::string possessive(const std::string& name) {
    return name + (!name.empty() && name.back() == 's' ? "'" : "'s");
}

/// "1" → 2nd item counted from one; lists in reports are numbered from 0.
std::string ordinalFromZero(const std::string& index) {
    char* end = nullptr;
    const unsigned long i = std::strtoul(index.c_str(), &end, 10);
    return *end ? index : std::to_string(i + 1);
}

/// A path the tables below do not know: its own words, a unit guessed from the last key.
FigureName fallback(const std::vector<std::string>& keys, const std::string& prefix) {
    std::string words;
    for (const auto& k : keys) {
        std::string w = k;
        std::replace(w.begin(), w.end(), '_', ' ');
        words += (words.empty() ? "" : " ") + w;
    }
    const std::string last = keys.empty() ? "" : keys.back();
    const std::string parent = keys.size() > 1 ? keys[keys.size() - 2] : "";
    Unit unit = Unit::Plain;
    if (endsWith(last, "_ms") || endsWith(parent, "_ms"))
        unit = Unit::Milliseconds;
    else if (endsWith(last, "_s") || endsWith(parent, "_s"))
        unit = Unit::Seconds;
    else if (endsWith(last, "_rps"))
        unit = Unit::PerSecond;
    else if (last.find("ratio") != std::string::npos || last.find("rate") != std::string::npos ||
             last.find("share") != std::string::npos)
        unit = Unit::Fraction;
    return {prefix + words, unit, false};
}

/// "p99 latency", "mean latency" for a latency summary's statistic.
FigureName latency(const std::string& stat, const std::string& what) {
    return {statistic(stat) + " " + what, Unit::Milliseconds, false};
}

/// A count of things, named in the plural ("failed requests"), or not ("backlog").
FigureName count(std::string name, bool plural = true) {
    return {std::move(name), Unit::Count, plural};
}

} // namespace

std::string readableNumber(double x) {
    if (std::isnan(x)) return "n/a";
    if (std::isinf(x)) return x > 0 ? "∞" : "−∞";
    const double a = std::abs(x);
    const std::string sign = x < 0 ? "-" : "";
    char buf[64];
    if (a >= 999.5) {
        std::snprintf(buf, sizeof buf, "%.0f", a);
        const std::string digits = buf;
        std::string grouped;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
            grouped += digits[i];
        }
        return sign + grouped;
    }
    if (a == 0) return "0";
    const int significant = a >= 1 ? 3 : 2;
    const int decimals = std::clamp(significant - 1 - int(std::floor(std::log10(a))), 0, 12);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, a);
    std::string text = buf;
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text == "0" ? text : sign + text;
}

std::string withUnit(double x, Unit unit) {
    switch (unit) {
    case Unit::Milliseconds:
        return readableNumber(x) + " ms";
    case Unit::Seconds:
        return readableNumber(x) + " s";
    case Unit::Fraction:
        return readableNumber(100 * x) + "%";
    case Unit::PerSecond:
        return readableNumber(x) + " req/s";
    case Unit::Times:
        return readableNumber(x) + "×";
    case Unit::MegabytesPerSecond:
        return readableNumber(x) + " MB/s";
    case Unit::Plain:
    case Unit::Count:
        break;
    }
    return readableNumber(x);
}

FigureNames::FigureNames(const Json& report, const model::Scenario* design)
    : report_(report)
    , design_(design) {}

std::string FigureNames::component(const std::string& id) const {
    if (design_) {
        const int i = design_->indexOf(id);
        if (i >= 0 && !design_->components[std::size_t(i)].label.empty())
            return design_->components[std::size_t(i)].label;
    }
    return id;
}

std::string FigureNames::link(const std::string& key) const {
    const auto arrow = key.find("->");
    if (arrow == std::string::npos) return key;
    return component(key.substr(0, arrow)) + " → " + component(key.substr(arrow + 2));
}

std::string FigureNames::whyMissing(const std::string& path, const std::string& named) const {
    const std::vector<std::string> keys = split(path);
    if (keys.size() >= 3 && keys[0] == "components") {
        const auto components = report_.find("components");
        const bool known =
            components != report_.end() && components->is_object() && components->contains(keys[1]);
        if (!known)
            return "the design has no component “" + keys[1] + "” (the check reads " + path + ")";
        const std::string type = components->at(keys[1]).value("type", "");
        const model::ComponentType* t = model::findComponentType(type);
        std::string kind = t ? t->title : type;
        if (!kind.empty()) kind[0] = char(std::tolower(static_cast<unsigned char>(kind[0])));
        const bool vowel = !kind.empty() && std::string("aeiou").find(kind[0]) != std::string::npos;
        return component(keys[1]) + ", " + (vowel ? "an " : "a ") + kind + ", reports no " + named +
               " (" + path + ")";
    }
    return "the run reports no figure for " + named + ": its metrics have no " + path;
}

bool FigureNames::isClient(const std::string& id) const {
    const auto components = report_.find("components");
    if (components == report_.end() || !components->is_object()) return false;
    const auto c = components->find(id);
    return c != components->end() && c->is_object() && c->value("type", "") == "client";
}

FigureName FigureNames::name(const std::string& path) const {
    const std::vector<std::string> keys = split(path);
    if (keys.empty()) return {path, Unit::Plain, false};
    const std::string& top = keys[0];
    const std::size_t n = keys.size();
    const auto key = [&](std::size_t i) { return i < n ? keys[i] : std::string(); };

    if (top == "end_to_end") {
        const std::string k = key(1);
        if (k == "latency_ms" && n == 3) return latency(keys[2], "latency");
        if (k == "error_rate") return {"error rate", Unit::Fraction, false};
        if (k == "throughput_rps") return {"throughput", Unit::PerSecond, false};
        if (k == "sent") return count("requests sent");
        if (k == "completed") return count("requests answered");
        if (k == "failed") return count("failed requests");
        if (k == "in_flight_at_end") return count("requests still open at the end");
        if (k == "retries") return count("retries");
        if (k == "wasted_answers") return count("answers wasted on callers that had given up");
        if (k == "errors_by_cause" && n == 3) return count("failures from " + causeWords(keys[2]));
    } else if (top == "components" && n >= 3) {
        return componentFigure(keys[1], {keys.begin() + 2, keys.end()});
    } else if (top == "links" && n == 3) {
        const std::string l = link(keys[1]), k = keys[2];
        if (k == "calls") return count("calls over " + l);
        if (k == "first_attempts") return count("first attempts over " + l);
        if (k == "timeouts") return count("timeouts on " + l);
        if (k == "amplification") return {"retry amplification on " + l, Unit::Times, false};
        if (k == "retransmissions") return count("retransmissions on " + l);
    } else if (top == "breakers" && n == 3) {
        const std::string l = link(keys[1]);
        if (keys[2] == "time_open_s")
            return {"time the breaker on " + l + " was open", Unit::Seconds, false};
        if (keys[2] == "fallbacks") return count("fallback answers of the breaker on " + l);
    } else if (top == "replication_groups" && n >= 3) {
        const std::string group =
            keys[1] == "0" ? "" : " (replication group " + ordinalFromZero(keys[1]) + ")";
        const std::string k = key(2);
        if (k == "reads" && n == 3) return count("reads" + group);
        if (k == "stale_reads" && n == 3) return count("stale reads" + group);
        if (k == "lost_writes" && n == 3) return count("acknowledged writes lost" + group);
        if (k == "failovers" && n == 5) {
            const std::string which =
                keys[3] == "0" ? "the failover" : "failover " + ordinalFromZero(keys[3]);
            const std::string f = keys[4];
            if (f == "rto_s")
                return {"recovery time (RTO) of " + which + group, Unit::Seconds, false};
            if (f == "rpo_writes") return count("writes lost in " + which + " (RPO)" + group);
            if (f == "rpo_s")
                return {"span of data lost in " + which + " (RPO)" + group, Unit::Seconds, false};
            if (f == "failed_at_s")
                return {"time the primary failed" + group, Unit::Seconds, false};
            if (f == "detected_at_s")
                return {"time the failure was detected" + group, Unit::Seconds, false};
            if (f == "promoted_at_s")
                return {"time a new primary was promoted" + group, Unit::Seconds, false};
        }
    } else if (top == "analysis" && n == 2) {
        if (keys[1] == "availability_estimate" || keys[1] == "availability_exact")
            return {"estimated availability", Unit::Fraction, false};
    }
    return fallback(keys, "");
}

FigureName FigureNames::componentFigure(const std::string& id,
                                        const std::vector<std::string>& keys) const {
    const std::string c = component(id), of = possessive(c);
    const std::size_t n = keys.size();
    const std::string& k = keys[0];
    const bool client = isClient(id);

    if (n == 1) {
        if (k == "arrivals") return count("calls reaching " + c);
        if (k == "completed")
            return count(client ? of + " answered requests" : "calls " + c + " completed");
        if (k == "rejected") return count("calls " + c + " turned away (full queue)");
        if (k == "failed")
            return count(client ? of + " failed requests"
                                : "calls " + c + " answered with an error");
        if (k == "availability") return {of + " availability", Unit::Fraction, false};
        if (k == "throughput_rps") return {of + " throughput", Unit::PerSecond, false};
        if (k == "utilization") return {of + " utilisation", Unit::Fraction, false};
        if (k == "mean_queue_length") return {of + " mean queue length", Unit::Plain, false};
        if (k == "mean_in_component") return {"mean number of calls in " + c, Unit::Plain, false};
        if (k == "reads") return count("reads at " + c);
        if (k == "hits") return count(of + " cache hits");
        if (k == "hit_ratio") return {of + " hit ratio", Unit::Fraction, false};
        if (k == "entries") return count("entries held in " + c + " at the end");
        if (k == "coalesced") return count("misses " + c + " coalesced");
        if (k == "origin_fetches") return count(of + " fetches from the origin");
        if (k == "offload")
            return {of + " offload (share the origin never saw)", Unit::Fraction, false};
        if (k == "rate_limited") return count("requests " + c + " rate-limited (429)");
        if (k == "admitted") return count("requests " + c + " admitted");
        if (k == "cache_reads") return count("reads looked up in " + of + " cache");
        if (k == "cache_hits") return count("reads answered from " + of + " cache");
        if (k == "cache_hit_ratio") return {of + " cache hit ratio", Unit::Fraction, false};
        if (k == "calls_to_dead_instances") return count("calls to dead instances listed by " + c);
        if (k == "throughput_mb_s") return {of + " throughput", Unit::MegabytesPerSecond, false};
        if (k == "first_byte_ms") return {of + " time to first byte", Unit::Milliseconds, false};
    }
    if (k == "latency_ms" && n == 2)
        return latency(keys[1], client ? "latency for " + c : "time spent in " + c);
    if (k == "errors_by_cause" && n == 2)
        return count(of + " failures from " + causeWords(keys[1]));
    if (k == "hit_age_s" && n == 2)
        return {statistic(keys[1]) + " age of what " + c + " served from its cache", Unit::Seconds,
                false};
    if (k == "instances" && n == 2) {
        static const std::pair<const char*, const char*> stats[] = {
            {"start", "instances %s started with"},
            {"min", "fewest instances of %s"},
            {"max", "most instances of %s"},
            {"mean", "mean instances of %s"},
            {"end", "instances of %s at the end"}};
        for (const auto& [stat, pattern] : stats) {
            if (keys[1] != stat) continue;
            std::string text = pattern;
            text.replace(text.find("%s"), 2, c);
            return {text, keys[1] == "mean" ? Unit::Plain : Unit::Count, true};
        }
    }
    if (k == "shards" && n >= 2) {
        if (keys[1] == "count") return count(of + " shards");
        if (keys[1] == "hottest_share")
            return {"the hottest shard's share of the requests to " + c, Unit::Fraction, false};
        if (keys[1] == "skew") return {of + " shard skew (busiest / mean)", Unit::Times, false};
        if (keys[1] == "arrivals" && n == 3)
            return count("requests to shard " + ordinalFromZero(keys[2]) + " of " + c);
    }
    if (k == "sagas" && n == 2) {
        const std::string s = keys[1];
        if (s == "in_progress") return count("sagas under way at " + c + " at the end");
        if (s == "stuck") return count("sagas stuck at " + c + " (needing manual repair)");
        if (s == "compensated") return count("sagas compensated (undone) by " + c);
        return count("sagas " + s + " by " + c);
    }
    if (k == "replication" && n >= 2) {
        const std::string r = keys[1];
        if (r == "stale_reads") return count("stale reads at " + c);
        if (r == "stale_read_ratio") return {of + " share of stale reads", Unit::Fraction, false};
        if (r == "lost_writes") return count(of + " acknowledged writes lost");
        if (r == "reads") return count("reads at " + c);
        if (r == "lag_ms" && n == 3) return latency(keys[2], "replication lag at " + c);
    }
    if (k == "write_behind" && n == 2) {
        const std::string w = keys[1];
        if (w == "writes") return count("writes " + c + " took");
        if (w == "absorbed") return count("writes " + c + " absorbed into a dirty key");
        if (w == "flushes") return count("flushes " + c + " sent to the store");
        if (w == "lost_writes") return count("unflushed writes " + c + " lost");
        if (w == "unflushed_end") return count("unflushed writes in " + c + " at the end");
        if (w == "unflushed_max") return count("most unflushed writes in " + c);
    }
    if (k == "feed" && n >= 2) {
        const std::string f = keys[1];
        if ((f == "post_latency_ms" || f == "read_latency_ms") && n == 3)
            return latency(keys[2], std::string(f == "post_latency_ms" ? "post" : "timeline read") +
                                        " latency at " + c);
        if (f == "write_amplification")
            return {of + " write amplification (store writes per post)", Unit::Times, false};
        if (f == "read_cost") return {of + " store reads per timeline read", Unit::Plain, false};
        if (f == "timeline_writes_per_post")
            return {of + " timeline writes per post", Unit::Plain, false};
        if (f == "mean_followers") return {of + " mean followers", Unit::Plain, false};
        if (n == 2) return fallback({f}, of + " ");
    }
    if (k == "queue" && n >= 2) {
        if (keys[1] == "ack_latency_ms" && n == 3)
            return latency(keys[2], "time producers wait for " + c);
        if (keys[1] == "stored" && n == 2) return count("messages stored in " + c + " at the end");
        if (keys[1] == "groups" && n >= 4) {
            const std::string g = component(keys[2]), f = keys[3];
            if (f == "processed") return count("messages " + g + " processed from " + c);
            if (f == "throughput_rps")
                return {possessive(g) + " processing rate from " + c, Unit::PerSecond, false};
            if (f == "duplicates") return count("duplicate processings by " + g);
            if (f == "redeliveries") return count("messages redelivered to " + g);
            if (f == "dead_lettered") return count("messages " + g + " dead-lettered");
            if (f == "dropped") return count("messages dropped before " + g + " got them");
            if (f == "published") return count("messages published to " + g);
            if (f == "backlog")
                return count(possessive(g) + " backlog in " + c + " at the end", false);
            if (f == "backlog_max") return count(possessive(g) + " largest backlog in " + c, false);
            if (f == "lag" && n == 5)
                return count(possessive(g) + " consumer lag on " + c +
                                 (keys[4] == "max" ? " (largest partition)" : ""),
                             false);
            if (f == "end_to_end_latency_ms" && n == 5)
                return latency(keys[4], "time from " + c + " to " + g + " (stored → processed)");
        }
    }
    return fallback(keys, of + " ");
}

} // namespace sdlab::lessons
