#include "hot_keys.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace sdlab::metrics {

namespace {

/// Weights are computed once per step of τ/1024 (a request counts as if at the start of its
/// step: at most 0.1% light, the same for every key), so there is no exp() per request.
constexpr double kStepsPerTau = 1024;
/// Weights grow as e^{t/τ}: the base moves on well before a double would overflow.
constexpr double kRebaseAfterTaus = 40;

/// log2 of the power of two at or above n.
int bitsFor(std::size_t n) {
    int bits = 0;
    while ((std::size_t(1) << bits) < n)
        ++bits;
    return bits;
}

} // namespace

HotKeys::HotKeys(std::size_t capacity, double tau, std::size_t filterBuckets)
    : tau_(tau)
    , step_(tau / kStepsPerTau)
    , capacity_(std::clamp<std::size_t>(capacity, 1, 4096)) {
    const int bits = bitsFor(4 * capacity_); // a quarter full at most: probes stay short
    table_.assign(std::size_t(1) << bits, 0);
    mask_ = table_.size() - 1;
    shift_ = 32 - bits;
    const int filterBits = std::clamp(bitsFor(filterBuckets), 1, 24);
    filter_.assign(std::size_t(1) << filterBits, 0.0);
    filterShift_ = 32 - filterBits;
    held_.reserve(capacity_);
    heap_.reserve(capacity_);
    pos_.reserve(capacity_);
}

double HotKeys::weight(double now) {
    if (now >= stepEnd_ || now < stepEnd_ - step_) { // a new step (or the first)
        const double from = std::floor(now / step_) * step_;
        stepEnd_ = from + step_;
        if (from - base_ > kRebaseAfterTaus * tau_) rebase(from);
        weight_ = std::exp((from - base_) / tau_);
    }
    return weight_;
}

void HotKeys::rebase(double to) {
    const double factor = std::exp(-(to - base_) / tau_);
    for (Entry& e : heap_)
        e.count *= factor;
    for (Held& h : held_)
        h.error *= factor;
    for (double& b : filter_)
        b *= factor;
    total_ *= factor;
    hits_ *= factor;
    base_ = to;
}

double HotKeys::decay(double now) const {
    return std::exp(-(now - base_) / tau_);
}

double HotKeys::span(double now) const {
    return start_ < 0 ? 0.0 : tau_ * (1 - std::exp(-(now - start_) / tau_));
}

void HotKeys::add(std::uint32_t key, double now, bool hit) {
    const double w = weight(now);
    if (start_ < 0) start_ = now;
    total_ += w;
    if (hit) hits_ += w;
    const std::size_t at = probe(key);
    if (table_[at]) { // held: it grows, and may sink below a lighter child
        const std::size_t pos = pos_[table_[at] - 1u];
        heap_[pos].count += w;
        siftDown(pos);
        return;
    }
    if (held_.size() < capacity_) { // a free counter
        const auto slot = std::uint16_t(held_.size());
        held_.push_back({key, 0});
        pos_.push_back(0);
        heap_.push_back({w, slot});
        table_[at] = slot + 1u;
        siftUp(heap_.size() - 1);
        return;
    }
    double& b = filter_[bucket(key)];
    if (b + w <= heap_.front().count) { // still lighter than every key held
        b += w;
        return;
    }
    // It takes the lightest counter over; what that counter held goes back to its bucket.
    const std::uint16_t slot = heap_.front().slot;
    Held& h = held_[slot];
    unindex(h.key);
    double& oldBucket = filter_[bucket(h.key)];
    oldBucket = std::max(oldBucket, heap_.front().count);
    const double credit = filter_[bucket(key)]; // read after: it may be the same bucket
    h = {key, credit};
    table_[probe(key)] = slot + 1u;
    heap_.front().count = credit + w;
    siftDown(0);
}

std::vector<HotKeys::Key> HotKeys::top(std::size_t n, double now) const {
    std::vector<Key> keys;
    keys.reserve(heap_.size());
    const double d = decay(now);
    for (const Entry& e : heap_)
        keys.push_back({held_[e.slot].key, e.count * d, held_[e.slot].error * d});
    n = std::min(n, keys.size());
    std::partial_sort(keys.begin(), keys.begin() + std::ptrdiff_t(n), keys.end(),
                      [](const Key& a, const Key& b) {
                          return a.count > b.count || (a.count == b.count && a.key < b.key);
                      });
    keys.resize(n);
    return keys;
}

void HotKeys::siftDown(std::size_t pos) {
    const Entry moving = heap_[pos];
    const std::size_t n = heap_.size();
    const std::size_t from = pos;
    for (;;) {
        const std::size_t left = 2 * pos + 1, right = left + 1;
        if (left >= n) break;
        const std::size_t child =
            right < n && heap_[right].count < heap_[left].count ? right : left;
        if (!(heap_[child].count < moving.count)) break;
        place(pos, heap_[child]);
        pos = child;
    }
    if (pos != from) place(pos, moving);
}

void HotKeys::siftUp(std::size_t pos) {
    const Entry moving = heap_[pos];
    while (pos > 0 && moving.count < heap_[(pos - 1) / 2].count) {
        place(pos, heap_[(pos - 1) / 2]);
        pos = (pos - 1) / 2;
    }
    place(pos, moving);
}

std::size_t HotKeys::probe(std::uint32_t key) const {
    std::size_t i = home(key);
    while (table_[i] && held_[table_[i] - 1u].key != key)
        i = (i + 1) & mask_;
    return i;
}

void HotKeys::unindex(std::uint32_t key) {
    // Linear probing's deletion: later entries of the run shift back over the hole unless
    // their home lies after it (cyclically), so every key stays reachable from its home.
    std::size_t hole = probe(key);
    assert(table_[hole]);
    table_[hole] = 0;
    for (std::size_t j = (hole + 1) & mask_; table_[j]; j = (j + 1) & mask_) {
        const std::size_t h = home(held_[table_[j] - 1u].key);
        const bool stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
        if (stays) continue;
        table_[hole] = table_[j];
        table_[j] = 0;
        hole = j;
    }
}

} // namespace sdlab::metrics
