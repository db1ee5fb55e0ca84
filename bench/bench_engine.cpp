// Engine benchmark: prints one JSON object per line. Compares, in the same run, the full
// engine on M/M/1 with a minimal hand-written M/M/1 kernel, measures the URL-shortener
// example at 10,000 req/s in simulated seconds per wall second, and the process's memory
// after 1 and 10 simulated minutes. Each timing is the median of several repetitions.
#include "components/build_simulation.h"
#include "minimal_kernel.h"
#include "model/scenario_json.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace sdlab;

namespace {

double seconds(const std::function<void()>& work) {
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double residentMiB() {
    long pages = 0, resident = 0;
    std::ifstream("/proc/self/statm") >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peakMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

model::Scenario mm1Scenario(double duration) {
    return model::parseScenario(R"({"version": 1, "seed": 1, "duration_s": )" +
                                std::to_string(duration) + R"(, "components": [
        {"id": "clients", "type": "client", "rps": 80, "read_ratio": 1.0},
        {"id": "server", "type": "service", "workers": 1,
         "service_time": {"dist": "exponential", "mean_ms": 10}}],
        "links": [{"from": "clients", "to": "server"}]})");
}

model::Scenario urlShortenerAt(double rps) {
    model::Scenario s = model::loadScenarioFile(SDLAB_EXAMPLES_DIR "/url-shortener.json");
    for (auto& c : s.components)
        if (c.type == "client") c.params["rps"] = rps;
    return s;
}

} // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;

    // 1. Full engine vs minimal kernel, M/M/1 at rho = 0.8, 2 million customers.
    const double customers = 2e6;
    std::vector<double> kernel, engine;
    double sink = 0;
    for (int r = 0; r < reps; ++r) {
        kernel.push_back(
            seconds([&] { sink += bench::minimalMM1(std::uint64_t(customers), 80, 100, 1); }));
        const auto scenario = mm1Scenario(customers / 80);
        engine.push_back(seconds([&] {
            auto sim = components::buildSimulation(scenario);
            sim->start();
            sim->runUntil(scenario.durationS);
            sink += double(sim->eventsProcessed());
        }));
    }
    const double kernelNs = median(kernel) / customers * 1e9;
    const double engineNs = median(engine) / customers * 1e9;
    std::printf("{\"bench\": \"mm1_minimal_kernel\", \"ns_per_request\": %.1f}\n", kernelNs);
    std::printf("{\"bench\": \"mm1_full_engine\", \"ns_per_request\": %.1f}\n", engineNs);
    std::printf("{\"bench\": \"mm1_engine_vs_kernel\", \"ratio\": %.2f, \"target_max\": 3}\n",
                engineNs / kernelNs);

    // 2. URL shortener (5 hops: client, LB, app, cache, database) at 10,000 req/s.
    const double simulated = 60;
    const auto url = urlShortenerAt(10000);
    std::vector<double> wall;
    std::uint64_t events = 0;
    double requests = 0;
    for (int r = 0; r < reps; ++r) {
        wall.push_back(seconds([&] {
            auto sim = components::buildSimulation(url);
            sim->start();
            sim->runUntil(simulated);
            events = sim->eventsProcessed();
            requests = double(sim->component(0).counters.arrivals);
        }));
    }
    const double w = median(wall);
    std::printf(
        "{\"bench\": \"url_shortener_10k_rps\", \"simulated_s_per_wall_s\": %.1f, "
        "\"requests_per_wall_s\": %.0f, \"events_per_wall_s\": %.0f, \"target_min\": 100}\n",
        simulated / w, requests / w, double(events) / w);

    // 3. Memory over simulated time: the same run, read at 1 and at 10 simulated minutes.
    auto sim = components::buildSimulation(url);
    sim->start();
    sim->runUntil(60);
    const double rss1 = residentMiB(), peak1 = peakMiB();
    const std::size_t pools1 = sim->poolBytes();
    sim->runUntil(600);
    std::printf("{\"bench\": \"memory_url_shortener_10k_rps\", \"rss_mib_at_1min\": %.1f, "
                "\"rss_mib_at_10min\": %.1f, \"peak_rss_mib_at_1min\": %.1f, "
                "\"peak_rss_mib_at_10min\": %.1f, \"engine_pool_kib_at_1min\": %.1f, "
                "\"engine_pool_kib_at_10min\": %.1f}\n",
                rss1, residentMiB(), peak1, peakMiB(), double(pools1) / 1024,
                double(sim->poolBytes()) / 1024);
    std::fprintf(stderr, "(checksum %g)\n", sink);
    return 0;
}
