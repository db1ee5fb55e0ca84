#pragma once

#include "component.h"
#include "distribution.h"
#include "event_calendar.h"
#include "policies/circuit_breaker.h"
#include "request.h"
#include "request_trace.h"
#include "slot_pool.h"

#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sdlab::sim {

/// Calling again after a failure: exponential backoff with optional jitter (AWS's "full" and
/// "equal" jitter).
struct RetryPolicy {
    enum class Jitter { None, Full, Equal };
    int maxAttempts = 1; ///< in all, the first included: 1 = no retries
    Time base = 0.01;
    double multiplier = 2;
    Time max = 1;
    Jitter jitter = Jitter::Full;
    /// Retry budget: each first attempt earns this many tokens (at most kBudgetCap kept), each
    /// retry spends one; 0 = no budget. Keeps retries a bounded share of traffic in an outage.
    double budgetRatio = 0;
    static constexpr double kBudgetCap = 100;
};

struct Link {
    Index from = kNone;
    Index to = kNone;
    Distribution latency = Distribution::deterministic(0);
    double weight = 1;
    bool standby = false; ///< a balancer uses it only while no active target is eligible
    Time timeout = std::numeric_limits<Time>::infinity(); ///< the caller gives up after this
    RetryPolicy retry;
    double retryTokens = 0;
    int maxConcurrent = 0; ///< bulkhead: calls in flight at most (0 = no limit)
    int inFlight = 0;
    /// Cumulative counts, for amplification: calls sent (retries included), of which first
    /// attempts, and calls that timed out.
    std::uint64_t calls = 0, firstCalls = 0, timeouts = 0;
    /// Packet loss in force on this link (both ways), and the TCP retransmissions it caused.
    double lossRate = 0;
    std::uint64_t retransmissions = 0;
    std::uint64_t fallbacks = 0; ///< calls its open breaker answered with a fallback
    std::unique_ptr<policies::CircuitBreaker> breaker; ///< none unless configured
    Rng rng;
    bool replication = false; ///< carries a replication stream, not calls
    /// The requests a service or gateway sends over it: both kinds, or reads or writes only
    /// (CQRS: writes to a write store, reads from a read store).
    enum class Route : std::uint8_t { All, Reads, Writes };
    Route route = Route::All;
};

/// A fault from the scenario's schedule, applied to its targets between `start` and `end`.
struct Fault {
    enum class Kind { Crash, Slow, Errors, Partition, CacheFlush, PacketLoss, ConsumerStop };
    Kind kind = Kind::Crash;
    std::vector<Index> targets;
    /// partition, packet loss: the other side; consumer stop: the groups stopped (the
    /// components they consume for; empty: every group of the target queues)
    std::vector<Index> peers;
    Time start = 0;
    Time end = std::numeric_limits<Time>::infinity();
    double factor = 1;    ///< slow: service times multiplied by this
    double rate = 0;      ///< errors: fraction of calls failed; packet loss: of messages lost
    int instance = -1;    ///< crash: only this instance of each target (-1: all of it)
    bool cleared = false; ///< ended early by clearFault()
};

/// Thrown when time stops advancing: a loop of zero-duration work (say, users who never
/// think calling a server that takes no time) would otherwise run for ever.
class StuckError : public std::runtime_error {
public:
    explicit StuckError(Time at);
};

/// The discrete-event engine: clock, event calendar, request and frame pools, components and
/// links. It knows nothing of files, the GUI or reports; builders and recorders sit outside.
class Simulation {
public:
    /// Calls deeper than this fail (like an IP TTL): a safety net for loops with a way out
    /// that a request keeps missing.
    static constexpr int kMaxHops = 64;
    /// Far above any real burst (every user of a large closed population at once).
    static constexpr std::uint64_t kMaxEventsAtOneInstant = 20'000'000;

    explicit Simulation(Time warmup = 0)
        : warmup_(warmup) {}

    Index addComponent(std::unique_ptr<Component> component);
    Index addLink(Link link);
    /// A fault from the scenario's schedule (before start()).
    void addFault(Fault fault);
    /// A fault injected while the run is under way (the GUI's "crash this now"): it starts
    /// now (applied at once), or at its start if later, and ends at its end if set. Returns its
    /// id.
    Index injectFault(Fault fault);
    /// Ends a fault at once, whatever its schedule said.
    void clearFault(Index id);
    const Fault& fault(Index id) const { return faults_[id]; }
    /// Every fault's start and end as they happened (scheduled or injected), in time order.
    struct FaultEvent {
        Time time;
        Index fault;
        bool started;
    };
    const std::vector<FaultEvent>& faultLog() const { return faultLog_; }

    void start();
    /// Processes every event up to and including time t, then sets the clock to t.
    void runUntil(Time t);
    /// Processes the next event alone (the GUI's single step); false when none is left.
    bool runNextEvent();
    /// When the next event is due (infinity when none is). Not const: see EventCalendar::top.
    Time nextEventTime();

    Time now() const { return now_; }
    Time warmup() const { return warmup_; }
    bool measuring() const { return now_ >= warmup_; }
    std::uint64_t eventsProcessed() const { return eventsProcessed_; }

    // --- services for components -------------------------------------------------------
    void schedule(Time delay, EventKind kind, Index target, Index payload) {
        events_.push(now_ + delay, kind, target, payload);
    }
    /// Creates a request and the client's root frame for it.
    Index startRequest(Index client, RequestKind kind, std::uint32_t key, Time timeout);
    /// Releases a finished request and its root frame.
    void finishRequest(Index rootFrame);
    /// Sends the request of `frame` over `link`; the answer comes back as onResponse(frame).
    void call(Index frame, Index link);
    /// Answers `frame`'s caller; the frame is released. A failure carries `cause`, or, by
    /// default, the cause its own downstream call failed with.
    void respond(Index frame, bool ok, Outcome cause = Outcome::Inherited);
    /// A branch of `frame`: a frame of the same component and request that makes one call of a
    /// parallel fan-out, with that call's own timeout, retries and breaker. Its answer comes
    /// to the component's onResponse(branch); the component then ends it with endBranch().
    Index fork(Index frame);
    void endBranch(Index branch) { releaseFrame(branch); }

    Frame& frame(Index f) { return frames_[f]; }
    const Request& requestOf(Index f) const { return requests_[frames_[f].request]; }
    /// Whether `frame` changes state: a write, or a saga's compensation of any request.
    bool writes(Index f) const {
        return frames_[f].compensation || requests_[frames_[f].request].kind == RequestKind::Write;
    }
    Link& link(Index l) { return links_[l]; }
    const Link& link(Index l) const { return links_[l]; }
    std::size_t linkCount() const { return links_.size(); }
    Component& component(Index c) { return *components_[c]; }
    const Component& component(Index c) const { return *components_[c]; }
    std::size_t componentCount() const { return components_.size(); }
    std::size_t requestsInFlight() const { return requests_.inUse(); }
    /// Bytes held by the engine's pools and calendar (for the memory benchmark).
    std::size_t poolBytes() const;
    /// Answers that arrived after their caller had stopped waiting (work done for nothing).
    std::uint64_t wastedAnswers() const { return wastedAnswers_; }
    std::uint64_t retries() const { return retries_; }
    /// Follows the next request that `client` (any client: kNone) starts, span by span.
    void traceNextRequest(Index client = kNone);
    /// The request being followed, or the last one followed (null before any).
    const RequestTrace* trace() const { return trace_.get(); }
    /// Whether a partition in force cuts `from` off from `to`.
    bool partitioned(Index from, Index to) const;

private:
    void dispatch(const Event& event);
    void arrive(Index frame);
    /// An answer (or a timeout) reaches the frame waiting for it: retry, or hand it over.
    void deliver(Index frame, bool ok);
    bool retryLater(Index frame);
    void timeOut(Index child, std::uint32_t generation);
    void applyFault(Index fault, bool starting);

    // On every hop: defined here so that they inline.
    Index acquireFrame(Index request) {
        const Index f = frames_.acquire();
        frames_[f].request = request;
        ++requests_[request].liveFrames;
        return f;
    }
    void releaseFrame(Index f) {
        const Index r = frames_[f].request;
        frames_.release(f);
        Request& req = requests_[r];
        if (--req.liveFrames == 0 && req.finished) requests_.release(r);
    }
    Time travel(Index link) {
        Link& ln = links_[link];
        const Time t = ln.latency.sample(ln.rng);
        return ln.lossRate > 0 ? t + retransmissionDelay(ln) : t;
    }
    /// A lost message is sent again when TCP's retransmission timer fires (200 ms, doubling).
    Time retransmissionDelay(Link& link);
    bool lossAffects(const Fault& fault, const Link& link) const;

    Time now_ = 0;
    Time warmup_ = 0;
    std::uint64_t nextRequestId_ = 1;
    std::uint64_t eventsProcessed_ = 0;
    std::uint64_t eventsAtThisInstant_ = 0;
    EventCalendar events_;
    SlotPool<Request> requests_;
    SlotPool<Frame> frames_;
    std::vector<std::unique_ptr<Component>> components_;
    std::vector<Link> links_;
    std::vector<Fault> faults_;
    std::vector<Index> partitions_; ///< partitions in force (indexes into faults_)
    std::vector<FaultEvent> faultLog_;
    // Tracing one request: off the hot path unless asked for (one test of `tracing_`).
    bool traceWanted_ = false, tracing_ = false;
    Index traceClient_ = kNone;
    std::unique_ptr<RequestTrace> trace_;
    bool traced(Index frame) const {
        return requests_[frames_[frame].request].id == trace_->requestId();
    }
    void traceStart(Index rootFrame);
    void traceArrive(Index frame);
    void traceRespond(Index frame, bool ok, Outcome outcome);
    std::uint64_t wastedAnswers_ = 0;
    std::uint64_t retries_ = 0;
};

} // namespace sdlab::sim
