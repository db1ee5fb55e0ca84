#pragma once

#include "cache_store.h"

#include <vector>

namespace sdlab::policies {

/// LRU (promote on hit) or FIFO/TTL (insertion order) over an intrusive doubly linked list
/// of slots: head is the next victim, tail the newest.
class ListCacheStore final : public CacheStore {
public:
    ListCacheStore(std::uint32_t capacity, std::uint32_t keySpace, double ttl, bool promoteOnHit);
    bool lookup(std::uint32_t key, double now) override;
    void insert(std::uint32_t key, double now) override;
    double storedAt(std::uint32_t key) const override { return insertedAt_[slotOf_[key]]; }
    void erase(std::uint32_t key) override;
    std::size_t size() const override { return size_; }
    std::uint32_t capacity() const override { return capacity_; }
    bool contains(std::uint32_t key, double now) const override {
        const std::uint32_t s = slotOf_[key];
        return s != kNil && !(ttl_ > 0 && now - insertedAt_[s] >= ttl_);
    }
    void clear() override {
        while (head_ != kNil)
            freeSlot(head_);
    }

private:
    static constexpr std::uint32_t kNil = 0xffffffffu;
    void unlink(std::uint32_t slot);
    void pushTail(std::uint32_t slot);
    void freeSlot(std::uint32_t slot);

    std::uint32_t capacity_;
    double ttl_;
    bool promoteOnHit_;
    std::vector<std::uint32_t> slotOf_; ///< key → slot or kNil
    std::vector<std::uint32_t> keyOf_, prev_, next_;
    std::vector<double> insertedAt_;
    std::vector<std::uint32_t> freeSlots_;
    std::uint32_t head_ = kNil, tail_ = kNil;
    std::size_t size_ = 0;
};

} // namespace sdlab::policies
