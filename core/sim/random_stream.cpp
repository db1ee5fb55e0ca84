#include "random_stream.h"

namespace sdlab::sim {

std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hashString(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

Rng makeStream(std::uint64_t scenarioSeed, std::string_view streamId) {
    return Rng(mix64(mix64(scenarioSeed) ^ hashString(streamId)));
}

} // namespace sdlab::sim
