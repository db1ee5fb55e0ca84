#pragma once

#include <cstdint>
#include <vector>

namespace sdlab::sim {

/// FIFO of indices on a growable ring buffer (std::deque would allocate as it cycles).
class RingQueue {
public:
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    void push(std::uint32_t v) {
        if (size_ == buf_.size()) grow();
        buf_[(head_ + size_) & (buf_.size() - 1)] = v;
        ++size_;
    }
    std::uint32_t pop() {
        const std::uint32_t v = buf_[head_];
        head_ = (head_ + 1) & (buf_.size() - 1);
        --size_;
        return v;
    }

private:
    void grow() {
        std::vector<std::uint32_t> bigger(buf_.empty() ? 16 : buf_.size() * 2);
        for (std::size_t i = 0; i < size_; ++i)
            bigger[i] = buf_[(head_ + i) & (buf_.size() - 1)];
        buf_.swap(bigger);
        head_ = 0;
    }
    std::vector<std::uint32_t> buf_;
    std::size_t head_ = 0;
    std::size_t size_ = 0;
};

} // namespace sdlab::sim
