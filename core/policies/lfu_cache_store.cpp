#include "lfu_cache_store.h"

namespace sdlab::policies {

LfuCacheStore::LfuCacheStore(std::uint32_t capacity, std::uint32_t keySpace, double ttl)
    : capacity_(capacity)
    , ttl_(ttl)
    , counts_(keySpace, 0)
    , heapPos_(keySpace, kNil) {
    heap_.reserve(capacity);
}

void LfuCacheStore::place(std::size_t pos, const Entry& e) {
    heap_[pos] = e;
    heapPos_[e.key] = std::uint32_t(pos);
}

void LfuCacheStore::siftUp(std::size_t pos) {
    const Entry e = heap_[pos];
    while (pos > 0) {
        const std::size_t parent = (pos - 1) / 2;
        if (!colder(e, heap_[parent])) break;
        place(pos, heap_[parent]);
        pos = parent;
    }
    place(pos, e);
}

void LfuCacheStore::siftDown(std::size_t pos) {
    const Entry e = heap_[pos];
    const std::size_t n = heap_.size();
    for (;;) {
        std::size_t child = 2 * pos + 1;
        if (child >= n) break;
        if (child + 1 < n && colder(heap_[child + 1], heap_[child])) ++child;
        if (!colder(heap_[child], e)) break;
        place(pos, heap_[child]);
        pos = child;
    }
    place(pos, e);
}

void LfuCacheStore::removeAt(std::size_t pos) {
    heapPos_[heap_[pos].key] = kNil;
    const Entry last = heap_.back();
    heap_.pop_back();
    if (pos == heap_.size()) return;
    place(pos, last);
    siftDown(pos);
    siftUp(heapPos_[last.key]);
}

bool LfuCacheStore::lookup(std::uint32_t key, double now) {
    ++counts_[key];
    ++clock_;
    const std::uint32_t pos = heapPos_[key];
    if (pos == kNil) return false;
    if (ttl_ > 0 && now - heap_[pos].insertedAt >= ttl_) {
        removeAt(pos);
        return false;
    }
    heap_[pos].count = counts_[key];
    heap_[pos].lastUse = clock_;
    siftDown(pos); // it only grew warmer
    return true;
}

void LfuCacheStore::insert(std::uint32_t key, double now) {
    if (capacity_ == 0) return;
    ++clock_;
    if (heapPos_[key] != kNil) removeAt(heapPos_[key]);
    if (heap_.size() >= capacity_) removeAt(0);
    heap_.push_back({key, counts_[key], clock_, now});
    heapPos_[key] = std::uint32_t(heap_.size() - 1);
    siftUp(heap_.size() - 1);
}

void LfuCacheStore::erase(std::uint32_t key) {
    if (heapPos_[key] != kNil) removeAt(heapPos_[key]);
}

} // namespace sdlab::policies
