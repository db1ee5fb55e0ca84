#include "replication_group.h"

#include "metrics/latency_json.h"
#include "sim/simulation.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

namespace sdlab::components {

using sim::Index;
using sim::kNone;

namespace {

constexpr std::uint32_t kIdBits = 30;
constexpr std::uint32_t kIdMask = (1u << kIdBits) - 1;

const char* modeName(ReplicationGroup::Mode m) {
    switch (m) {
    case ReplicationGroup::Mode::Async:
        return "async";
    case ReplicationGroup::Mode::SemiSync:
        return "semi_sync";
    case ReplicationGroup::Mode::Sync:
        return "sync";
    case ReplicationGroup::Mode::Quorum:
        break;
    }
    return "quorum";
}

double rounded(double x) {
    return std::round(x * 1e6) / 1e6;
}

} // namespace

ReplicationGroup::ReplicationGroup(const Config& config, std::vector<Member> members,
                                   std::vector<std::vector<Index>> latencyLink)
    : config_(config)
    , latencyLink_(std::move(latencyLink)) {
    for (const auto& m : members) {
        MemberState s;
        s.member = m;
        s.term = m.primary ? 1 : 0;
        configuredPrimaries_ += m.primary;
        members_.push_back(std::move(s));
    }
    maxTerm_ = 1;
}

Index ReplicationGroup::memberOf(Index component) const {
    for (Index m = 0; m < members_.size(); ++m)
        if (members_[m].member.component == component) return m;
    return kNone;
}

std::pair<double, std::uint64_t> ReplicationGroup::lagTotals(Index component) const {
    const MemberState& s = members_[memberOf(component)];
    return {s.lagSumMs, s.lagCount};
}

bool ReplicationGroup::isPrimary(Index component) const {
    const Index m = memberOf(component);
    return m != kNone && members_[m].member.primary;
}

bool ReplicationGroup::up(const sim::Simulation& sim, Index m) const {
    return !sim.component(members_[m].member.component).faults.down;
}

bool ReplicationGroup::reachable(const sim::Simulation& sim, Index a, Index b) const {
    return a == b || !sim.partitioned(members_[a].member.component, members_[b].member.component);
}

std::vector<bool> ReplicationGroup::managerSide(const sim::Simulation& sim) const {
    // Sides of the partition: up members that can reach one another (union-find).
    const auto n = Index(members_.size());
    std::vector<Index> root(n);
    std::iota(root.begin(), root.end(), Index(0));
    auto find = [&](Index x) {
        while (root[x] != x)
            x = root[x] = root[root[x]];
        return x;
    };
    for (Index a = 0; a < n; ++a)
        for (Index b = a + 1; b < n; ++b)
            if (up(sim, a) && up(sim, b) && reachable(sim, a, b)) root[find(a)] = find(b);
    std::vector<Index> size(n, 0);
    for (Index m = 0; m < n; ++m)
        if (up(sim, m)) ++size[find(m)];
    Index chosen = kNone;
    for (Index m = 0; m < n && chosen == kNone; ++m)
        if (up(sim, m) && 2 * size[find(m)] > n) chosen = find(m);
    // No majority. A tie (exactly half: a pair split or half of it down) goes to the side with
    // the newest primary, else the first member's: the manager is the tie-breaking witness.
    // With fewer than half, a CP group has no quorum anywhere and stops; an AP group carries
    // on with whatever side is left.
    auto eligible = [&](Index m) { return up(sim, m) && (!config_.cp || 2 * size[find(m)] == n); };
    for (Index m = 0; m < n && chosen == kNone; ++m)
        if (eligible(m) && members_[m].member.primary) chosen = find(m);
    for (Index m = 0; m < n && chosen == kNone; ++m)
        if (eligible(m)) chosen = find(m);
    std::vector<bool> side(n, false);
    for (Index m = 0; m < n; ++m)
        side[m] = chosen != kNone && up(sim, m) && find(m) == chosen;
    return side;
}

Index ReplicationGroup::primaryReachableFrom(const sim::Simulation& sim, Index caller,
                                             Index m) const {
    const std::vector<bool> side = config_.cp ? managerSide(sim) : std::vector<bool>();
    Index best = kNone;
    for (Index p = 0; p < members_.size(); ++p) {
        if (!members_[p].member.primary || !up(sim, p)) continue;
        if (config_.cp && !side[p]) continue; // cut off from the majority: it must refuse
        const bool ok =
            up(sim, m) ? reachable(sim, m, p)
                       : caller == kNone || !sim.partitioned(caller, members_[p].member.component);
        if (!ok) continue;
        if (best == kNone || p == m || (best != m && members_[p].term > members_[best].term))
            best = p;
    }
    return best;
}

Index ReplicationGroup::route(sim::Simulation& sim, Index at, Index frame, sim::Outcome* why) {
    const Index m = memberOf(at);
    const sim::Frame& f = sim.frame(frame);
    const Index caller = f.inLink == kNone ? kNone : sim.link(f.inLink).from;
    const bool isWrite = sim.writes(frame);
    if (up(sim, m) && !isWrite) {
        if (config_.cp && !managerSide(sim)[m]) {
            *why = cutOff(sim) ? sim::Outcome::Partitioned : sim::Outcome::Crashed;
            return kNone;
        }
        return at;
    }
    // Writes, and anything sent to a crashed member, go to a primary (the endpoint moved).
    const Index p = primaryReachableFrom(sim, caller, m);
    if (p != kNone) return members_[p].member.component;
    bool anyPrimaryUp = false;
    for (Index q = 0; q < members_.size(); ++q)
        anyPrimaryUp = anyPrimaryUp || (members_[q].member.primary && up(sim, q));
    // A primary that is up but unusable is cut off, or (CP) without a quorum of live members.
    *why = anyPrimaryUp && cutOff(sim) ? sim::Outcome::Partitioned : sim::Outcome::Crashed;
    return kNone;
}

bool ReplicationGroup::cutOff(const sim::Simulation& sim) const {
    for (Index a = 0; a < members_.size(); ++a)
        for (Index b = a + 1; b < members_.size(); ++b)
            if (up(sim, a) && up(sim, b) && !reachable(sim, a, b)) return true;
    return false;
}

double ReplicationGroup::lag(sim::Simulation& sim, Index from, Index to) {
    sim::Link& link = sim.link(latencyLink_[from][to]);
    return link.latency.sample(link.rng);
}

void ReplicationGroup::schedule(sim::Simulation& sim, double delay, TimerKind kind, Index id) {
    sim.schedule(delay, sim::EventKind::Timer, members_.front().member.component,
                 (std::uint32_t(kind) << kIdBits) | (id & kIdMask));
}

void ReplicationGroup::write(sim::Simulation& sim, Index component, Index frame) {
    const Index m = memberOf(component);
    const std::uint32_t key = sim.requestOf(frame).key;
    Version& current = members_[m].data[key];
    const Version v{sim.now(), m, current.time, false};
    current = v;

    int reachableMembers = 0;
    std::vector<Index> sent;
    for (Index o = 0; o < members_.size(); ++o) {
        if (o == m) continue;
        const Index msg = messages_.acquire();
        messages_[msg] = Message{m, o, key, v, kNone, 0, MessageState::Stalled};
        if (up(sim, o) && reachable(sim, m, o)) {
            ++reachableMembers;
            sent.push_back(msg);
            send(sim, msg);
        }
    }
    const int majority = int(members_.size()) / 2 + 1;
    const int needed = config_.mode == Mode::Async      ? 0
                       : config_.mode == Mode::SemiSync ? std::min(1, reachableMembers)
                       : config_.mode == Mode::Sync     ? reachableMembers
                                                        : std::min(majority - 1, reachableMembers);
    if (needed == 0) {
        acknowledge(sim, PendingWrite{frame, m, key, 0, v.time});
        return;
    }
    const Index w = writes_.acquire();
    writes_[w] = PendingWrite{frame, m, key, needed, v.time};
    pendingWrites_.push_back(w);
    for (Index msg : sent) {
        messages_[msg].write = w;
        messages_[msg].writeGeneration = writes_.generation(w);
    }
}

void ReplicationGroup::acknowledge(sim::Simulation& sim, const PendingWrite& w) {
    double& acked = latestAcked_[w.key]; // the newest acknowledged version, by write time
    acked = std::max(acked, w.written);
    Version& own = members_[w.origin].data[w.key];
    if (own.origin == w.origin && own.time == w.written)
        own.acknowledged = true;
    else if (own.predecessor < w.written)
        // While it waited for its acks (sync, quorum: multi-primary), a concurrent write that
        // never saw it replaced it by last-write-wins: it is acknowledged, and already gone.
        ++sim.component(members_[w.origin].member.component).counters.lostWrites;
    sim.respond(w.frame, true);
}

void ReplicationGroup::read(sim::Simulation& sim, Index component, Index frame) {
    const MemberState& s = members_[memberOf(component)];
    metrics::ComponentCounters& counters = sim.component(component).counters;
    const std::uint32_t key = sim.requestOf(frame).key;
    ++counters.reads;
    const auto acked = latestAcked_.find(key);
    if (acked == latestAcked_.end()) return;
    const auto held = s.data.find(key);
    if (held == s.data.end() || held->second.time < acked->second) ++counters.staleReads;
}

void ReplicationGroup::drop(Index msg) {
    messages_[msg].state = MessageState::Done; // released slots must never look pending
    messages_.release(msg);
}

void ReplicationGroup::send(sim::Simulation& sim, Index msg) {
    messages_[msg].state = MessageState::InFlight;
    schedule(sim, lag(sim, messages_[msg].from, messages_[msg].to), Deliver, msg);
}

void ReplicationGroup::deliver(sim::Simulation& sim, Index msg) {
    Message& message = messages_[msg];
    if (message.state != MessageState::InFlight) { // dropped by a failover
        drop(msg);
        return;
    }
    // The latency is the time to ship a write: one whose primary dies first was never
    // shipped. Either way the stream resumes when it can (or a failover drops it).
    if (!up(sim, message.to) || !up(sim, message.from) ||
        !reachable(sim, message.from, message.to)) {
        message.state = MessageState::Stalled;
        return;
    }
    MemberState& to = members_[message.to];
    const double lagMs = (sim.now() - message.version.time) * 1000.0;
    if (sim.measuring()) to.lag.record(lagMs);
    to.lagSumMs += lagMs;
    ++to.lagCount;
    Version& current = to.data[message.key];
    if (message.version.newerThan(current)) {
        // An acknowledged write of this member's, replaced by one written without seeing it.
        if (current.origin == message.to && current.acknowledged &&
            message.version.predecessor < current.time)
            ++sim.component(to.member.component).counters.lostWrites;
        current = message.version;
    }
    ++to.applied;
    if (message.write == kNone) {
        drop(msg);
        return;
    }
    message.state = MessageState::Done;
    schedule(sim, lag(sim, message.to, message.from), Ack, msg);
}

void ReplicationGroup::ack(sim::Simulation& sim, Index msg) {
    const Index w = messages_[msg].write;
    const bool waiting = writes_.generation(w) == messages_[msg].writeGeneration;
    drop(msg);
    if (!waiting || --writes_[w].acksNeeded > 0) return;
    const PendingWrite done = writes_[w];
    writes_.release(w);
    pendingWrites_.erase(std::find(pendingWrites_.begin(), pendingWrites_.end(), w));
    acknowledge(sim, done);
}

void ReplicationGroup::onTimer(sim::Simulation& sim, Index payload) {
    const Index id = payload & kIdMask;
    switch (TimerKind(payload >> kIdBits)) {
    case Deliver:
        deliver(sim, id);
        break;
    case Ack:
        ack(sim, id);
        break;
    case FailoverStep:
        if (id == (phaseToken_ & kIdMask)) failoverStep(sim);
        break;
    case Rejudge:
        rejudge(sim);
        break;
    }
}

void ReplicationGroup::faultsChanged(sim::Simulation& sim) {
    // A zone outage downs several members at one instant: judge once, when all are down.
    if (rejudgeScheduled_) return;
    rejudgeScheduled_ = true;
    schedule(sim, 0, Rejudge, 0);
}

void ReplicationGroup::rejudge(sim::Simulation& sim) {
    rejudgeScheduled_ = false;
    Index newestPrimary = kNone;
    for (Index m = 0; m < members_.size(); ++m)
        if (members_[m].member.primary &&
            (newestPrimary == kNone || members_[m].term > members_[newestPrimary].term))
            newestPrimary = m;

    // Writes still waiting for acknowledgements fail when their primary crashes, or (CP) is
    // cut off from the majority and steps down, as a Raft leader would.
    std::vector<std::pair<Index, sim::Outcome>> failed;
    const std::vector<bool> majority = managerSide(sim);
    for (Index w : pendingWrites_) {
        const Index origin = writes_[w].origin;
        if (!up(sim, origin))
            failed.emplace_back(w, sim::Outcome::Crashed);
        else if (config_.cp && !majority[origin]) // no quorum: cut off, or the others died
            failed.emplace_back(w, cutOff(sim) ? sim::Outcome::Partitioned : sim::Outcome::Crashed);
    }
    for (Index m = 0; m < members_.size(); ++m) {
        MemberState& s = members_[m];
        const bool down = !up(sim, m);
        if (!down && s.down && s.rewindOnRestart && newestPrimary != kNone) {
            // Back after a failover: like pg_rewind, it drops what only it had and follows.
            s.data = members_[newestPrimary].data;
            s.rewindOnRestart = false;
        }
        s.down = down;
    }
    // Streams cut by a crash or a partition resume.
    for (Index msg = 0; msg < messages_.capacity(); ++msg) {
        const Message& message = messages_[msg];
        if (message.state == MessageState::Stalled && up(sim, message.from) &&
            up(sim, message.to) && reachable(sim, message.from, message.to))
            send(sim, msg);
    }
    if (singlePrimary()) {
        // Two primaries that see each other again (after a split brain): the newer one stays.
        for (Index m = 0; m < members_.size(); ++m)
            if (m != newestPrimary && members_[m].member.primary && up(sim, m) &&
                newestPrimary != kNone && up(sim, newestPrimary) &&
                reachable(sim, m, newestPrimary))
                members_[m].member.primary = false;
        const std::vector<bool> side = managerSide(sim);
        bool primaryOnSide = false, anyOnSide = false;
        for (Index m = 0; m < members_.size(); ++m) {
            anyOnSide = anyOnSide || side[m];
            primaryOnSide = primaryOnSide || (side[m] && members_[m].member.primary);
        }
        if (primaryOnSide && phase_ != Phase::None) {
            phase_ = Phase::None; // the primary came back before the promotion: no failover
            ++phaseToken_;
        } else if (!primaryOnSide && anyOnSide && phase_ == Phase::None) {
            phase_ = Phase::Detecting;
            failedAt_ = sim.now();
            lostPrimary_ = newestPrimary;
            schedule(sim, config_.detection, FailoverStep, ++phaseToken_);
        }
    }
    for (const auto& [w, cause] : failed) { // answered last: a caller may call straight back
        const PendingWrite pending = writes_[w];
        writes_.release(w);
        pendingWrites_.erase(std::find(pendingWrites_.begin(), pendingWrites_.end(), w));
        sim.respond(pending.frame, false, cause);
    }
}

void ReplicationGroup::failoverStep(sim::Simulation& sim) {
    const std::vector<bool> side = managerSide(sim);
    if (phase_ == Phase::Promoting && candidate_ != kNone && side[candidate_]) {
        promote(sim, candidate_);
        return;
    }
    // Detected (or the chosen replica was lost mid-promotion): pick the most up to date.
    Index best = kNone;
    for (Index m = 0; m < members_.size(); ++m)
        if (side[m] && (best == kNone || members_[m].applied > members_[best].applied)) best = m;
    if (best == kNone) {
        phase_ = Phase::None;
        return;
    }
    if (phase_ == Phase::Detecting) detectedAt_ = sim.now();
    phase_ = Phase::Promoting;
    candidate_ = best;
    schedule(sim, config_.promotion, FailoverStep, ++phaseToken_);
}

void ReplicationGroup::promote(sim::Simulation& sim, Index candidate) {
    Failover f{failedAt_, detectedAt_, sim.now(), lostPrimary_, candidate, 0, 0};
    if (lostPrimary_ != kNone && !up(sim, lostPrimary_)) {
        // What the dead primary acknowledged but never shipped to the new one is gone.
        double oldest = sim.now();
        for (Index msg = 0; msg < messages_.capacity(); ++msg) {
            Message& message = messages_[msg];
            if (message.from != lostPrimary_ || message.state == MessageState::Done) continue;
            const auto acked = latestAcked_.find(message.key);
            if (message.to == candidate && acked != latestAcked_.end() &&
                acked->second >= message.version.time &&
                message.version.newerThan(members_[candidate].data[message.key])) {
                ++f.lostWrites;
                oldest = std::min(oldest, message.version.time);
            }
            if (message.state == MessageState::Stalled)
                drop(msg);
            else
                message.state = MessageState::Done; // in flight: its delivery releases it
        }
        if (f.lostWrites) f.lossWindow = f.failedAt - oldest;
        members_[lostPrimary_].rewindOnRestart = true; // and comes back as a replica
        members_[lostPrimary_].member.primary = false;
        // The other replicas follow the new primary, dropping what they had from the old.
        for (Index m = 0; m < members_.size(); ++m)
            if (m != candidate && up(sim, m)) members_[m].data = members_[candidate].data;
    }
    if (lostPrimary_ != kNone)
        sim.component(members_[lostPrimary_].member.component).counters.lostWrites += f.lostWrites;
    members_[candidate].member.primary = true;
    members_[candidate].term = ++maxTerm_;
    failovers_.push_back(f);
    phase_ = Phase::None;
    candidate_ = kNone;
}

void ReplicationGroup::report(const sim::Simulation& sim,
                              const std::vector<metrics::CounterSnapshot>& windows,
                              nlohmann::ordered_json& out) const {
    auto name = [&](Index m) { return sim.component(members_[m].member.component).id(); };
    out["members"] = nlohmann::ordered_json::array();
    out["primaries"] = nlohmann::ordered_json::array();
    std::uint64_t reads = 0, stale = 0, lost = 0;
    for (Index m = 0; m < members_.size(); ++m) {
        out["members"].push_back(name(m));
        if (members_[m].member.primary) out["primaries"].push_back(name(m));
        const metrics::CounterSnapshot& w = windows[members_[m].member.component];
        reads += w.reads;
        stale += w.staleReads;
        lost += w.lostWrites;
    }
    out["replication"] = modeName(config_.mode);
    out["cap"] = config_.cp ? "CP" : "AP";
    out["reads"] = reads;
    out["stale_reads"] = stale;
    out["lost_writes"] = lost;
    auto& list = out["failovers"] = nlohmann::ordered_json::array();
    for (const auto& f : failovers_)
        list.push_back({{"failed_at_s", rounded(f.failedAt)},
                        {"detected_at_s", rounded(f.detectedAt)},
                        {"promoted_at_s", rounded(f.promotedAt)},
                        {"old_primary", f.oldPrimary == kNone ? "" : name(f.oldPrimary)},
                        {"new_primary", name(f.newPrimary)},
                        {"rto_s", rounded(f.promotedAt - f.failedAt)},
                        {"rpo_writes", f.lostWrites},
                        {"rpo_s", rounded(f.lossWindow)}});
}

void ReplicationGroup::reportMember(Index component, const metrics::CounterSnapshot& window,
                                    nlohmann::ordered_json& out) const {
    const MemberState& s = members_[memberOf(component)];
    const double reads = double(window.reads);
    out["replication"] = {
        {"role", s.member.primary ? "primary" : "replica"},
        {"reads", window.reads},
        {"stale_reads", window.staleReads},
        {"stale_read_ratio", reads > 0 ? rounded(double(window.staleReads) / reads) : 0.0},
        {"lost_writes", window.lostWrites},
        {"lag_ms", metrics::latencySummaryJson(s.lag)}};
}

} // namespace sdlab::components
