#include "object_storage.h"

#include "sim/simulation.h"

#include <nlohmann/json.hpp>

namespace sdlab::components {

void ObjectStorage::afterLocalWork(sim::Simulation& sim, sim::Index frame) {
    sim.respond(frame, true);
}

void ObjectStorage::onResponse(sim::Simulation& sim, sim::Index frame, bool ok) {
    sim.respond(frame, ok); // never called: it has no downstream links
}

void ObjectStorage::reportExtra(nlohmann::ordered_json& out,
                                const metrics::CounterSnapshot& window) const {
    // The model's means, to read beside the measured latency (which adds queueing).
    out["first_byte_ms"] = firstByteMs_;
    out["transfer_ms"] = transferMs_;
    out["expected_service_ms"] = firstByteMs_ + transferMs_;
    out["throughput_mb_s"] =
        window.time > 0 ? double(window.completed) * meanObjectKb_ / 1000.0 / window.time : 0.0;
}

} // namespace sdlab::components
