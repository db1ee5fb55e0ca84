#include "minimal_kernel.h"

#include "sim/random_stream.h"

#include <boost/random/exponential_distribution.hpp>
#include <queue>
#include <vector>

namespace sdlab::bench {

double minimalMM1(std::uint64_t customers, double lambda, double mu, std::uint64_t seed) {
    struct Ev {
        double time;
        bool arrival;
        bool operator>(const Ev& o) const { return time > o.time; }
    };
    std::priority_queue<Ev, std::vector<Ev>, std::greater<>> heap;
    auto rng = sim::makeStream(seed, "minimal");
    boost::random::exponential_distribution<double> gap(lambda), work(mu);
    std::queue<double> waiting; // arrival times
    bool busy = false;
    double inService = 0, totalResponse = 0;
    std::uint64_t arrived = 0, done = 0;
    heap.push({gap(rng), true});
    while (done < customers) {
        const Ev e = heap.top();
        heap.pop();
        if (e.arrival) {
            if (++arrived < customers * 2) heap.push({e.time + gap(rng), true});
            if (busy) {
                waiting.push(e.time);
            } else {
                busy = true;
                inService = e.time;
                heap.push({e.time + work(rng), false});
            }
        } else {
            totalResponse += e.time - inService;
            ++done;
            if (waiting.empty()) {
                busy = false;
            } else {
                inService = waiting.front();
                waiting.pop();
                heap.push({e.time + work(rng), false});
            }
        }
    }
    return totalResponse / double(done);
}

} // namespace sdlab::bench
