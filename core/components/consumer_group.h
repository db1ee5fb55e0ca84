#pragma once

#include "metrics/latency_histogram.h"
#include "sim/request.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <queue>
#include <vector>

namespace sdlab::components {

/// What a consumer group did, counted from time 0 (or over a window, as a difference).
struct GroupCounts {
    std::uint64_t published = 0;    ///< messages handed to the group
    std::uint64_t processed = 0;    ///< messages processed OK (the first time)
    std::uint64_t duplicates = 0;   ///< further OK processings of a message already processed
    std::uint64_t redeliveries = 0; ///< deliveries made again after a failure or a lost ack
    std::uint64_t deadLettered = 0; ///< given up on after max_attempts failed processings
    std::uint64_t dropped = 0;      ///< pushed out unprocessed by a full backlog (drop_oldest)
};

/// One consumer group's view of a partitioned topic: per partition, the messages from the
/// committed offset on, in order. A partition is served by one consumer at a time (`busy`),
/// so its messages are processed in order; among partitions ready to be served, the one
/// whose next message is oldest goes first, which makes the group one FIFO queue served by
/// its consumers when partitions outnumber them. Pure bookkeeping: no events, no time.
class ConsumerGroup {
public:
    struct Entry {
        std::uint64_t seq = 0;       ///< publication order over the whole queue
        sim::Index message = 0;      ///< the queue's message slot
        std::uint16_t attempts = 0;  ///< failed processings so far
        std::uint16_t successes = 0; ///< OK processings so far (> 1: duplicates)
    };

    ConsumerGroup(sim::Index link, int partitions, int consumers);

    void append(sim::Index partition, Entry entry);
    /// A free consumer takes the next message: the oldest at the head of a partition nobody
    /// serves. Returns the partition (its entry is head()), or kNone if there is none.
    sim::Index take();
    Entry& head(sim::Index partition) { return parts_[partition].log[parts_[partition].done]; }

    // How the delivery of head(partition) ended. Each frees its consumer.
    /// Processed OK: the partition moves on to its next message.
    void processed(sim::Index partition);
    /// Failed: the partition stays locked until release(), then delivers the message again.
    void failed(sim::Index partition);
    /// The consumer was lost (or its ack): the partition goes back to its committed offset, so
    /// what was processed since is delivered again; locked until release(). Returns how many
    /// messages are to be delivered again.
    std::uint64_t rewind(sim::Index partition);
    /// Given up on: removed; the partition moves on.
    void deadLetter(sim::Index partition);
    /// A failed or rewound partition's wait is over: it may be served again.
    void release(sim::Index partition);

    /// Acknowledges every processed message of a partition (all partitions: kNone): calls
    /// `forget(message)` for each, as the group no longer needs it.
    template <class F> void commit(sim::Index partition, F&& forget);
    /// Removes the oldest message no consumer holds, for a full backlog. Returns its slot, or
    /// kNone if every waiting message is in a consumer's hands.
    sim::Index dropOldestWaiting();

    sim::Index link() const { return link_; }
    int consumers() const { return consumers_; }
    int idle() const { return int(idle_.size()); }
    bool stopped() const { return stops_ > 0; }
    /// Consumer-stop faults may overlap: the group consumes again when the last one ends.
    void setStopped(bool stopped) { stops_ = std::max(0, stops_ + (stopped ? 1 : -1)); }
    /// Messages not yet processed (in a consumer's hands included).
    std::uint64_t backlog() const { return backlog_; }
    /// Messages not handed to a consumer yet (what a bounded backlog limits).
    std::uint64_t waiting() const { return waiting_; }
    /// Kafka's consumer lag: messages after the committed offset, summed over partitions.
    std::uint64_t lag() const { return lag_; }
    std::uint64_t lag(sim::Index partition) const { return parts_[partition].log.size(); }
    std::size_t partitions() const { return parts_.size(); }
    /// Kafka's log-end offset: messages ever appended to the partition.
    std::uint64_t endOffset(sim::Index partition) const { return parts_[partition].end; }
    /// The committed offset: messages of the partition the group is done with — committed
    /// after processing, or skipped (dead-lettered, dropped by a full backlog). The lag is
    /// endOffset − committedOffset.
    std::uint64_t committedOffset(sim::Index partition) const {
        return parts_[partition].committed;
    }
    /// The consumer (0-based) processing the partition's next message now, or -1. Any free
    /// consumer takes any ready partition, so this changes from message to message.
    int holder(sim::Index partition) const { return parts_[partition].consumer; }
    /// Whether the partition waits out a redelivery delay (after a failure or a lost consumer).
    bool heldBack(sim::Index partition) const {
        return parts_[partition].busy && !parts_[partition].inFlight;
    }

    GroupCounts total;                  ///< from time 0
    GroupCounts window;                 ///< in the measured window
    metrics::LatencyHistogram endToEnd; ///< publication → processed, measured window, ms
    std::uint64_t maxBacklog = 0;       ///< the highest backlog, from time 0

private:
    struct Partition {
        std::deque<Entry> log;       ///< from the committed offset on
        std::uint32_t done = 0;      ///< log[0, done) processed, not yet committed
        bool busy = false;           ///< a consumer holds it, or it waits to deliver again
        bool inFlight = false;       ///< log[done] is in a consumer's hands
        bool ready = false;          ///< in the ready heap
        int consumer = -1;           ///< who has log[done] in hand, while inFlight
        std::uint64_t end = 0;       ///< log-end offset
        std::uint64_t committed = 0; ///< committed offset: end - committed == log.size()
        bool pending() const { return done < log.size(); }
    };
    /// (seq of the head message, partition), oldest first; entries may be stale.
    using Ready = std::pair<std::uint64_t, sim::Index>;
    void markReady(sim::Index partition);
    void endDelivery(Partition& p);

    sim::Index link_;
    int consumers_;
    std::vector<int> idle_; ///< free consumers, the next to take work last
    int stops_ = 0;
    std::vector<Partition> parts_;
    std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready_;
    std::uint64_t backlog_ = 0, waiting_ = 0, lag_ = 0;
};

template <class F> void ConsumerGroup::commit(sim::Index partition, F&& forget) {
    const std::size_t from = partition == sim::kNone ? 0 : partition;
    const std::size_t to = partition == sim::kNone ? parts_.size() : partition + 1;
    for (std::size_t i = from; i < to; ++i) {
        Partition& p = parts_[i];
        lag_ -= p.done;
        p.committed += p.done;
        for (; p.done > 0; --p.done) {
            forget(p.log.front().message);
            p.log.pop_front();
        }
    }
}

} // namespace sdlab::components
