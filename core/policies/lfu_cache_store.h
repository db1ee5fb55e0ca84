#pragma once

#include "cache_store.h"

#include <vector>

namespace sdlab::policies {

/// "Perfect" LFU: request counts are kept for every key ever asked for, resident or not, and
/// the resident key with the fewest requests (least recently used among equals) is evicted.
/// Under independent requests it converges to holding the C most popular keys.
class LfuCacheStore final : public CacheStore {
public:
    LfuCacheStore(std::uint32_t capacity, std::uint32_t keySpace, double ttl);
    bool lookup(std::uint32_t key, double now) override;
    void insert(std::uint32_t key, double now) override;
    double storedAt(std::uint32_t key) const override { return heap_[heapPos_[key]].insertedAt; }
    void erase(std::uint32_t key) override;
    std::size_t size() const override { return heap_.size(); }
    std::uint32_t capacity() const override { return capacity_; }
    bool contains(std::uint32_t key, double now) const override {
        const std::uint32_t pos = heapPos_[key];
        return pos != kNil && !(ttl_ > 0 && now - heap_[pos].insertedAt >= ttl_);
    }
    void clear() override {
        for (const auto& e : heap_)
            heapPos_[e.key] = kNil;
        heap_.clear();
    }

private:
    static constexpr std::uint32_t kNil = 0xffffffffu;
    struct Entry {
        std::uint32_t key;
        std::uint32_t count;
        std::uint64_t lastUse;
        double insertedAt;
    };
    static bool colder(const Entry& a, const Entry& b) {
        return a.count < b.count || (a.count == b.count && a.lastUse < b.lastUse);
    }
    void place(std::size_t pos, const Entry& e);
    void siftUp(std::size_t pos);
    void siftDown(std::size_t pos);
    void removeAt(std::size_t pos);

    std::uint32_t capacity_;
    double ttl_;
    std::uint64_t clock_ = 0;
    std::vector<std::uint32_t> counts_;  ///< key → requests seen
    std::vector<std::uint32_t> heapPos_; ///< key → position in heap_ or kNil
    std::vector<Entry> heap_;            ///< min-heap on (count, lastUse)
};

} // namespace sdlab::policies
