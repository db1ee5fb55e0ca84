#pragma once

#include "station.h"

namespace sdlab::components {

/// An S3-like object store: a pool of connections, each request taking its time to first
/// byte plus its object's size over the per-connection bandwidth (Config::transferTime, the
/// size distribution scaled by 1 / bandwidth). It calls nothing downstream.
class ObjectStorage final : public Station {
public:
    ObjectStorage(std::string id, sim::Index index, const Config& config, sim::Rng rng,
                  double meanObjectKb)
        : Station(std::move(id), index, config, std::move(rng))
        , firstByteMs_(config.readTime.mean() * 1000)
        , transferMs_(config.transferTime.mean() * 1000)
        , meanObjectKb_(meanObjectKb) {}
    void onResponse(sim::Simulation& sim, sim::Index frame, bool ok) override;
    void reportExtra(nlohmann::ordered_json& out,
                     const metrics::CounterSnapshot& window) const override;

private:
    void afterLocalWork(sim::Simulation& sim, sim::Index frame) override;
    double firstByteMs_, transferMs_, meanObjectKb_;
};

} // namespace sdlab::components
