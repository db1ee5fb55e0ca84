#pragma once

#include <cstdint>
#include <vector>

namespace sdlab::metrics {

/// The most requested keys of late, in bounded memory: Filtered Space-Saving (Homem &
/// Carvalho) over exponentially decayed counts. It holds `capacity` counters. A key not held
/// adds to its hash bucket in a small filter instead; once that bucket outweighs the lightest
/// counter, the key takes the counter over, the bucket's weight counted as a possible
/// overestimate (`error`). So the long tail of a skewed stream costs a bucket increment, and
/// its heaviest keys, held from early on, are counted almost exactly.
/// A request at time t weighs e^{-(now-t)/τ} at a reading at `now` (forward decay: each
/// request is added once with weight e^{(t-base)/τ}, the base moving on now and then, so
/// nothing ages per reading or per key).
class HotKeys {
public:
    struct Key {
        std::uint32_t key = 0;
        double count = 0; ///< decayed requests (an upper bound; count - error is a lower one)
        double error = 0; ///< what it may have been credited with before it was held
    };

    explicit HotKeys(std::size_t capacity = 64, double tau = 10, std::size_t filterBuckets = 2048);

    /// Counts one request for `key` at `now` (times never decrease); `hit` for the ratio.
    void add(std::uint32_t key, double now, bool hit);

    /// The `n` held keys with the highest counts, highest first, decayed to `now`.
    std::vector<Key> top(std::size_t n, double now) const;
    /// Decayed requests over all keys (exact, not only the held ones).
    double total(double now) const { return total_ * decay(now); }
    /// Hits over requests, decayed alike; -1 before the first request.
    double hitRatio() const { return total_ > 0 ? hits_ / total_ : -1; }
    /// What a count decays to per unit of steady rate: r requests/s count r × span(now).
    double span(double now) const;
    double tau() const { return tau_; }

private:
    /// A held key, in a slot of its own while held.
    struct Held {
        std::uint32_t key;
        double error;
    };
    /// The held keys' counts as a min-heap (the root is handed over next).
    struct Entry {
        double count;
        std::uint16_t slot;
    };
    double weight(double now);
    double decay(double now) const;
    void rebase(double to);
    void place(std::size_t pos, Entry e) {
        heap_[pos] = e;
        pos_[e.slot] = std::uint16_t(pos);
    }
    void siftDown(std::size_t pos);
    void siftUp(std::size_t pos);
    std::size_t home(std::uint32_t key) const { return (key * 2654435761u) >> shift_; }
    /// The hash table's index for `key`: where it is, or the empty one where it would go.
    std::size_t probe(std::uint32_t key) const;
    void unindex(std::uint32_t key);
    std::size_t bucket(std::uint32_t key) const { return (key * 0x85EBCA6Bu) >> filterShift_; }

    double tau_;
    double step_; ///< weights are computed once per step (see weight())
    std::size_t capacity_;
    std::vector<Held> held_;
    std::vector<Entry> heap_;
    std::vector<std::uint16_t> pos_;   ///< slot → heap position
    std::vector<std::uint16_t> table_; ///< open addressing on key: slot + 1, 0 empty
    std::size_t mask_;
    int shift_;                  ///< a key's home slot: the top bits of key × a Fibonacci constant
    std::vector<double> filter_; ///< decayed requests of keys not held, by hash
    int filterShift_;
    double base_ = 0;     ///< weights are e^{(t - base)/τ}
    double start_ = -1;   ///< the first request's time
    double stepEnd_ = -1; ///< the end of the time step the cached weight is for
    double weight_ = 1;
    double total_ = 0, hits_ = 0;
};

} // namespace sdlab::metrics
