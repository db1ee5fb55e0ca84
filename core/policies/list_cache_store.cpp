#include "list_cache_store.h"

namespace sdlab::policies {

ListCacheStore::ListCacheStore(std::uint32_t capacity, std::uint32_t keySpace, double ttl,
                               bool promoteOnHit)
    : capacity_(capacity)
    , ttl_(ttl)
    , promoteOnHit_(promoteOnHit)
    , slotOf_(keySpace, kNil)
    , keyOf_(capacity)
    , prev_(capacity)
    , next_(capacity)
    , insertedAt_(capacity) {
    freeSlots_.reserve(capacity);
    for (std::uint32_t s = capacity; s-- > 0;)
        freeSlots_.push_back(s);
}

void ListCacheStore::unlink(std::uint32_t s) {
    (prev_[s] == kNil ? head_ : next_[prev_[s]]) = next_[s];
    (next_[s] == kNil ? tail_ : prev_[next_[s]]) = prev_[s];
}

void ListCacheStore::pushTail(std::uint32_t s) {
    prev_[s] = tail_;
    next_[s] = kNil;
    (tail_ == kNil ? head_ : next_[tail_]) = s;
    tail_ = s;
}

void ListCacheStore::freeSlot(std::uint32_t s) {
    unlink(s);
    slotOf_[keyOf_[s]] = kNil;
    freeSlots_.push_back(s);
    --size_;
}

bool ListCacheStore::lookup(std::uint32_t key, double now) {
    const std::uint32_t s = slotOf_[key];
    if (s == kNil) return false;
    if (ttl_ > 0 && now - insertedAt_[s] >= ttl_) {
        freeSlot(s);
        return false;
    }
    if (promoteOnHit_ && s != tail_) {
        unlink(s);
        pushTail(s);
    }
    return true;
}

void ListCacheStore::insert(std::uint32_t key, double now) {
    if (capacity_ == 0) return;
    std::uint32_t s = slotOf_[key];
    if (s != kNil) { // filled again (e.g. two misses raced): refresh in place
        unlink(s);
    } else {
        if (freeSlots_.empty()) freeSlot(head_);
        s = freeSlots_.back();
        freeSlots_.pop_back();
        slotOf_[key] = s;
        keyOf_[s] = key;
        ++size_;
    }
    insertedAt_[s] = now;
    pushTail(s);
}

void ListCacheStore::erase(std::uint32_t key) {
    if (slotOf_[key] != kNil) freeSlot(slotOf_[key]);
}

} // namespace sdlab::policies
