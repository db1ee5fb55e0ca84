#include "simulation.h"

#include <algorithm>
#include <boost/random/uniform_01.hpp>
#include <cmath>

namespace sdlab::sim {

namespace {

bool in(const std::vector<Index>& side, Index c) {
    return std::find(side.begin(), side.end(), c) != side.end();
}

} // namespace

StuckError::StuckError(Time at)
    : std::runtime_error("the simulation is stuck at t = " + std::to_string(at) +
                         " s: time does not advance (a loop of work that takes no time, such "
                         "as closed-loop users with zero think time calling components with "
                         "zero service time and latency)") {}

Index Simulation::addComponent(std::unique_ptr<Component> component) {
    components_.push_back(std::move(component));
    return Index(components_.size() - 1);
}

Index Simulation::addLink(Link link) {
    const auto index = Index(links_.size());
    if (!link.replication) components_[link.from]->addOutLink(index);
    links_.push_back(std::move(link));
    return index;
}

void Simulation::addFault(Fault fault) {
    faults_.push_back(std::move(fault));
}

void Simulation::start() {
    for (Index f = 0; f < faults_.size(); ++f) {
        events_.push(faults_[f].start, EventKind::Fault, 1, f);
        if (std::isfinite(faults_[f].end)) events_.push(faults_[f].end, EventKind::Fault, 0, f);
    }
    for (auto& c : components_)
        c->start(*this);
}

void Simulation::runUntil(Time t) {
    while (!events_.empty() && events_.top().time <= t)
        dispatch(events_.pop());
    if (t > now_) now_ = t;
}

bool Simulation::runNextEvent() {
    if (events_.empty()) return false;
    dispatch(events_.pop());
    return true;
}

Time Simulation::nextEventTime() {
    return events_.empty() ? std::numeric_limits<Time>::infinity() : events_.top().time;
}

inline void Simulation::dispatch(const Event& ev) {
    if (ev.time > now_) {
        now_ = ev.time;
        eventsAtThisInstant_ = 0;
    } else if (++eventsAtThisInstant_ > kMaxEventsAtOneInstant) {
        throw StuckError(now_);
    }
    ++eventsProcessed_;
    switch (ev.kind()) {
    case EventKind::Arrive:
        arrive(ev.payload);
        break;
    case EventKind::ServiceDone:
        components_[ev.target]->onServiceDone(*this, ev.payload);
        break;
    case EventKind::ResponseOk:
    case EventKind::ResponseFailed:
        deliver(ev.payload, ev.kind() == EventKind::ResponseOk);
        break;
    case EventKind::Timer:
        components_[ev.target]->onTimer(*this, ev.payload);
        break;
    case EventKind::CallTimeout:
        timeOut(ev.payload, ev.target);
        break;
    case EventKind::Retry:
        call(ev.payload, frames_[ev.payload].callLink);
        break;
    case EventKind::Fault:
        applyFault(ev.payload, ev.target != 0);
        break;
    case EventKind::BreakerWait:
        links_[ev.payload].breaker->openWaitOver(now_);
        break;
    }
}

Index Simulation::startRequest(Index client, RequestKind kind, std::uint32_t key, Time timeout) {
    const Index r = requests_.acquire();
    Request& req = requests_[r];
    req.id = nextRequestId_++;
    req.created = now_;
    req.deadline = now_ + timeout;
    req.key = key;
    req.kind = kind;
    req.client = client;
    const Index f = acquireFrame(r);
    Frame& root = frames_[f];
    root.component = client;
    root.arrived = now_;
    if (traceWanted_ && (traceClient_ == kNone || traceClient_ == client)) traceStart(f);
    return f;
}

void Simulation::traceNextRequest(Index client) {
    traceWanted_ = true;
    traceClient_ = client;
}

void Simulation::traceStart(Index rootFrame) {
    traceWanted_ = false;
    tracing_ = true;
    trace_ = std::make_unique<RequestTrace>(requests_[frames_[rootFrame].request].id);
    Span root;
    root.component = frames_[rootFrame].component;
    root.start = now_;
    trace_->open(rootFrame, kNone, root);
}

void Simulation::traceArrive(Index f) {
    const Frame& frame = frames_[f];
    Span span;
    span.component = frame.component;
    span.link = frame.inLink;
    span.attempt = frames_[frame.parent].callAttempt;
    span.start = now_;
    trace_->open(f, frame.parent, span);
}

void Simulation::traceRespond(Index f, bool ok, Outcome outcome) {
    trace_->close(f, now_, ok, outcome);
    if (trace_->complete()) tracing_ = false;
}

void Simulation::finishRequest(Index rootFrame) {
    if (tracing_ && traced(rootFrame))
        traceRespond(rootFrame, frames_[rootFrame].lastOutcome == Outcome::Ok,
                     frames_[rootFrame].lastOutcome);
    // Orphaned work may still be going on downstream: the request lives until it ends.
    requests_[frames_[rootFrame].request].finished = true;
    releaseFrame(rootFrame);
}

void Simulation::call(Index f, Index l) {
    Link& ln = links_[l];
    Frame& caller = frames_[f];
    caller.callLink = l;
    if (caller.callAttempt == 0) caller.callAttempt = 1; // a retry has counted itself already
    if (caller.depth >= kMaxHops) {
        caller.lastOutcome = Outcome::HopLimit;
        schedule(0, EventKind::ResponseFailed, caller.component, f);
        return;
    }
    if (!partitions_.empty() && partitioned(ln.from, ln.to)) { // the network drops it
        caller.lastOutcome = Outcome::Partitioned;
        caller.callRefused = true;
        schedule(0, EventKind::ResponseFailed, caller.component, f);
        return;
    }
    if (caller.callAttempt == 1 && ln.retry.budgetRatio > 0)
        ln.retryTokens = std::min(RetryPolicy::kBudgetCap, ln.retryTokens + ln.retry.budgetRatio);
    const bool bulkheadFull = ln.maxConcurrent > 0 && ln.inFlight >= ln.maxConcurrent;
    caller.callRefused = bulkheadFull || (ln.breaker && !ln.breaker->permit(now_));
    if (caller.callRefused && !bulkheadFull && ln.breaker->config().fallback) {
        ++ln.fallbacks; // a degraded answer at once: a success for the caller
        schedule(0, EventKind::ResponseOk, caller.component, f);
        return;
    }
    if (caller.callRefused) { // fails fast, without touching the network or the callee
        caller.lastOutcome = bulkheadFull ? Outcome::BulkheadFull : Outcome::BreakerOpen;
        schedule(0, EventKind::ResponseFailed, caller.component, f);
        return;
    }
    ++ln.inFlight;
    ++ln.calls;
    if (caller.callAttempt == 1) ++ln.firstCalls;
    caller.callStarted = now_;
    const Index child = acquireFrame(frames_[f].request);
    const Frame& parent = frames_[f];
    Frame& c = frames_[child];
    c.component = ln.to;
    c.parent = f;
    c.inLink = l;
    c.depth = std::uint16_t(parent.depth + 1);
    c.compensation = parent.compensation;
    if (std::isfinite(ln.timeout))
        events_.push(now_ + ln.timeout, EventKind::CallTimeout, frames_.generation(child), child);
    const Time delay = travel(l);
    if (delay <= 0)
        arrive(child);
    else
        events_.push(now_ + delay, EventKind::Arrive, ln.to, child);
}

void Simulation::arrive(Index f) {
    frames_[f].arrived = now_;
    if (tracing_ && traced(f)) [[unlikely]]
        traceArrive(f);
    components_[frames_[f].component]->onArrive(*this, f);
}

void Simulation::respond(Index f, bool ok, Outcome cause) {
    const Frame& done = frames_[f];
    const Index parent = done.parent;
    const Index l = done.inLink;
    const bool orphaned = done.orphaned;
    const Outcome outcome = ok                            ? Outcome::Ok
                            : cause == Outcome::Inherited ? done.lastOutcome
                                                          : cause;
    if (!ok) { // the component's own error count (the client's is end to end)
        metrics::ComponentCounters& counters = components_[done.component]->counters;
        ++counters.failed;
        ++counters.failedBy[std::size_t(outcome)];
    }
    if (tracing_ && traced(f)) [[unlikely]]
        traceRespond(f, ok, outcome);
    releaseFrame(f);
    if (orphaned) { // the caller gave up on this answer long ago
        ++wastedAnswers_;
        return;
    }
    frames_[parent].lastOutcome = outcome;
    const Time delay = travel(l);
    if (delay <= 0)
        deliver(parent, ok);
    else
        events_.push(now_ + delay, ok ? EventKind::ResponseOk : EventKind::ResponseFailed,
                     frames_[parent].component, parent);
}

void Simulation::deliver(Index f, bool ok) {
    const Frame& caller = frames_[f];
    if (caller.callLink != kNone && !caller.callRefused) --links_[caller.callLink].inFlight;
    if (caller.callLink != kNone && !caller.callRefused)
        if (auto* breaker = links_[caller.callLink].breaker.get()) {
            const bool wasOpen = breaker->state() == policies::CircuitBreaker::State::Open;
            breaker->record(!ok, now_ - caller.callStarted, now_);
            if (!wasOpen && breaker->state() == policies::CircuitBreaker::State::Open)
                events_.push(now_ + breaker->config().waitOpen, EventKind::BreakerWait, 0,
                             caller.callLink);
        }
    if (!ok && retryLater(f)) return;
    frames_[f].callAttempt = 0;
    components_[frames_[f].component]->onResponse(*this, f, ok);
}

bool Simulation::retryLater(Index f) {
    Frame& caller = frames_[f];
    if (caller.callLink == kNone || caller.lastOutcome == Outcome::HopLimit) return false;
    Link& ln = links_[caller.callLink];
    const RetryPolicy& policy = ln.retry;
    if (caller.callAttempt >= policy.maxAttempts) return false;
    if (policy.budgetRatio > 0) {
        if (ln.retryTokens < 1) return false; // the budget is spent: fail now
        ln.retryTokens -= 1;
    }
    const Time cap =
        std::min(policy.max, policy.base * std::pow(policy.multiplier, caller.callAttempt - 1));
    const double u = policy.jitter == RetryPolicy::Jitter::None
                         ? 1.0
                         : boost::random::uniform_01<double>()(ln.rng);
    const Time backoff = policy.jitter == RetryPolicy::Jitter::Full    ? cap * u
                         : policy.jitter == RetryPolicy::Jitter::Equal ? cap / 2 + cap / 2 * u
                                                                       : cap;
    ++caller.callAttempt;
    ++retries_;
    events_.push(now_ + backoff, EventKind::Retry, caller.component, f);
    return true;
}

void Simulation::timeOut(Index child, std::uint32_t generation) {
    if (frames_.generation(child) != generation) return; // answered (or gone) in time
    Frame& late = frames_[child];
    late.orphaned = true; // it keeps working; its answer will be wasted
    if (tracing_ && traced(child)) trace_->abandon(child, now_);
    const Index parent = late.parent;
    frames_[parent].lastOutcome = Outcome::Timeout;
    frames_[parent].callTimedOut = true;
    ++links_[late.inLink].timeouts;
    deliver(parent, false);
}

bool Simulation::partitioned(Index from, Index to) const {
    for (Index f : partitions_) {
        const Fault& p = faults_[f];
        if ((in(p.targets, from) && in(p.peers, to)) || (in(p.peers, from) && in(p.targets, to)))
            return true;
    }
    return false;
}

Index Simulation::injectFault(Fault fault) {
    const auto id = Index(faults_.size());
    fault.start = std::max(fault.start, now_);
    faults_.push_back(std::move(fault));
    // One due now applies at once: a paused run shows it, and clearing it before the clock
    // moves ends a fault that really started.
    if (faults_.back().start <= now_)
        applyFault(id, true);
    else
        events_.push(faults_.back().start, EventKind::Fault, 1, id);
    if (std::isfinite(faults_.back().end))
        events_.push(faults_.back().end, EventKind::Fault, 0, id);
    return id;
}

void Simulation::clearFault(Index id) {
    if (id >= faults_.size() || faults_[id].cleared) return;
    if (faults_[id].start <= now_) applyFault(id, false);
    faults_[id].cleared = true; // its scheduled start or end, if still to come, does nothing
}

void Simulation::applyFault(Index id, bool starting) {
    const Fault& fault = faults_[id];
    if (fault.cleared) return;
    faultLog_.push_back({now_, id, starting});
    if (fault.kind == Fault::Kind::PacketLoss) {
        for (Link& link : links_)
            if (lossAffects(fault, link)) link.lossRate = starting ? fault.rate : 0.0;
        return;
    }
    if (fault.kind == Fault::Kind::Partition) {
        if (starting)
            partitions_.push_back(id);
        else
            partitions_.erase(std::remove(partitions_.begin(), partitions_.end(), id),
                              partitions_.end());
    }
    for (Index target : fault.targets) {
        FaultState& state = components_[target]->faults;
        switch (fault.kind) {
        case Fault::Kind::Crash:
            if (fault.instance >= 0)
                components_[target]->setInstanceDown(fault.instance, starting);
            else
                state.down = (state.crashes += starting ? 1 : -1) > 0;
            break;
        case Fault::Kind::Slow:
            state.slowFactor = starting ? fault.factor : 1.0;
            break;
        case Fault::Kind::Errors:
            state.errorRate = starting ? fault.rate : 0.0;
            break;
        case Fault::Kind::CacheFlush:
            if (starting) components_[target]->flush(*this);
            break;
        case Fault::Kind::ConsumerStop:
            components_[target]->stopConsumers(*this, fault.peers, starting);
            break;
        case Fault::Kind::Partition:
        case Fault::Kind::PacketLoss:
            break; // between components, not in them: handled above
        }
        components_[target]->onFaultsChanged(*this);
    }
    if (fault.kind == Fault::Kind::Partition)
        for (auto& c : components_)
            c->onFaultsChanged(*this);
}

bool Simulation::lossAffects(const Fault& fault, const Link& link) const {
    if (fault.peers.empty()) return in(fault.targets, link.from) || in(fault.targets, link.to);
    return (in(fault.targets, link.from) && in(fault.peers, link.to)) ||
           (in(fault.peers, link.from) && in(fault.targets, link.to));
}

Time Simulation::retransmissionDelay(Link& link) {
    constexpr Time kInitialRto = 0.2, kMaxRto = 60; // Linux's TCP_RTO_MIN and TCP_RTO_MAX
    Time delay = 0, rto = kInitialRto;
    while (boost::random::uniform_01<double>()(link.rng) < link.lossRate) {
        delay += rto;
        rto = std::min(2 * rto, kMaxRto);
        ++link.retransmissions;
    }
    return delay;
}

std::size_t Simulation::poolBytes() const {
    return events_.capacity() * sizeof(Event) + requests_.capacity() * sizeof(Request) +
           frames_.capacity() * sizeof(Frame);
}

} // namespace sdlab::sim
