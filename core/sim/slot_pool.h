#pragma once

#include <cstdint>
#include <vector>

namespace sdlab::sim {

/// A vector of reusable slots with a free list: after warm-up, acquiring and releasing
/// never allocates. Slots are named by index; growth may move them.
template <class T> class SlotPool {
public:
    std::uint32_t acquire() {
        if (!free_.empty()) {
            const std::uint32_t i = free_.back();
            free_.pop_back();
            slots_[i] = T{};
            ++generations_[i];
            return i;
        }
        slots_.emplace_back();
        generations_.push_back(0);
        return std::uint32_t(slots_.size() - 1);
    }
    void release(std::uint32_t i) {
        ++generations_[i];
        free_.push_back(i);
    }
    /// Changes whenever slot i is released or reused: an event that remembered it can tell
    /// whether the slot still holds what it was scheduled for.
    std::uint32_t generation(std::uint32_t i) const { return generations_[i]; }
    T& operator[](std::uint32_t i) { return slots_[i]; }
    const T& operator[](std::uint32_t i) const { return slots_[i]; }
    std::size_t inUse() const { return slots_.size() - free_.size(); }
    std::size_t capacity() const { return slots_.size(); }

private:
    std::vector<T> slots_;
    std::vector<std::uint32_t> free_;
    std::vector<std::uint32_t> generations_;
};

} // namespace sdlab::sim
