#include "consumer_group.h"

#include <algorithm>

namespace sdlab::components {

ConsumerGroup::ConsumerGroup(sim::Index link, int partitions, int consumers)
    : link_(link)
    , consumers_(consumers)
    , parts_(std::size_t(partitions)) {
    for (int c = consumers; c-- > 0;) // consumer 0 on top: a light load keeps to the first
        idle_.push_back(c);
}

void ConsumerGroup::markReady(sim::Index partition) {
    Partition& p = parts_[partition];
    if (p.busy || p.ready || !p.pending()) return;
    p.ready = true;
    ready_.push({p.log[p.done].seq, partition});
}

void ConsumerGroup::append(sim::Index partition, Entry entry) {
    parts_[partition].log.push_back(entry);
    ++parts_[partition].end;
    ++backlog_;
    ++waiting_;
    ++lag_;
    maxBacklog = std::max(maxBacklog, backlog_);
    markReady(partition);
}

sim::Index ConsumerGroup::take() {
    while (!idle_.empty() && !ready_.empty()) {
        const auto [seq, partition] = ready_.top();
        ready_.pop();
        Partition& p = parts_[partition];
        p.ready = false;
        if (p.busy || !p.pending()) continue;
        if (p.log[p.done].seq != seq) { // its head was dropped meanwhile: queue it by the new one
            markReady(partition);
            continue;
        }
        p.busy = p.inFlight = true;
        p.consumer = idle_.back();
        idle_.pop_back();
        --waiting_;
        return partition;
    }
    return sim::kNone;
}

void ConsumerGroup::endDelivery(Partition& p) {
    p.inFlight = false;
    idle_.push_back(p.consumer);
    p.consumer = -1;
}

void ConsumerGroup::processed(sim::Index partition) {
    Partition& p = parts_[partition];
    endDelivery(p);
    ++p.done;
    --backlog_;
    p.busy = false;
    markReady(partition);
}

void ConsumerGroup::failed(sim::Index partition) {
    endDelivery(parts_[partition]);
    ++waiting_;
}

std::uint64_t ConsumerGroup::rewind(sim::Index partition) {
    Partition& p = parts_[partition];
    endDelivery(p);
    const std::uint64_t again = p.done + 1;
    backlog_ += p.done;
    waiting_ += again;
    maxBacklog = std::max(maxBacklog, backlog_);
    p.done = 0;
    return again;
}

void ConsumerGroup::deadLetter(sim::Index partition) {
    Partition& p = parts_[partition];
    endDelivery(p);
    p.log.erase(p.log.begin() + p.done);
    ++p.committed; // skipped: the group is done with it
    --backlog_;
    --lag_;
    p.busy = false;
    markReady(partition);
}

void ConsumerGroup::release(sim::Index partition) {
    parts_[partition].busy = false;
    markReady(partition);
}

sim::Index ConsumerGroup::dropOldestWaiting() {
    Partition* oldest = nullptr;
    std::size_t at = 0;
    for (Partition& p : parts_) {
        const std::size_t head = p.done + (p.inFlight ? 1 : 0);
        if (head < p.log.size() && (!oldest || p.log[head].seq < oldest->log[at].seq)) {
            oldest = &p;
            at = head;
        }
    }
    if (!oldest) return sim::kNone;
    const sim::Index message = oldest->log[at].message;
    oldest->log.erase(oldest->log.begin() + std::ptrdiff_t(at));
    ++oldest->committed; // skipped, unprocessed
    --backlog_;
    --waiting_;
    --lag_;
    return message;
}

} // namespace sdlab::components
