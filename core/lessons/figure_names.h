#pragma once
// Figures of metrics.json named and written for learners: "p99 latency is 142 ms" rather than
// "end_to_end/latency_ms/p99 is 142.5". Check messages are built from these.

#include "model/scenario.h"

#include <string>

namespace sdlab::lessons {

/// How a figure is measured, which decides how its numbers are written.
enum class Unit {
    Plain,        ///< a number without a unit (a mean queue length): "3.2"
    Count,        ///< things counted: "25,959"
    Milliseconds, ///< "142 ms"
    Seconds,      ///< "0.092 s"
    Fraction,     ///< a share from 0 to 1, written as a percentage: "15.3%"
    PerSecond,    ///< "2,900 req/s"
    Times,        ///< a multiple: "1.8×"
    MegabytesPerSecond
};

/// A figure named for people.
struct FigureName {
    std::string name; ///< "p99 latency", "calls reaching Payments"
    Unit unit = Unit::Plain;
    bool plural = false; ///< "failed requests are …" rather than "… is …"
};

/// Names the figures of one run's report (docs/metrics.md), components by their labels in the
/// design that was run (their ids when there is no design or no label).
class FigureNames {
public:
    FigureNames(const model::Json& report, const model::Scenario* design);

    /// The figure at a '/' path ("components/db/arrivals"); paths it does not know keep their
    /// words, with a unit guessed from the last key ("_ms", "_s", "ratio", …).
    FigureName name(const std::string& path) const;
    /// Why the report has no figure at `path` (named `named` for people), for a check's
    /// message: a component the design lacks, a component of a kind that does not report it
    /// ("Orders, a service, reports no sagas …"), or the path itself.
    std::string whyMissing(const std::string& path, const std::string& named) const;
    /// A component's label, or its id.
    std::string component(const std::string& id) const;
    /// "Checkout → Payments" for a link key "checkout->payments".
    std::string link(const std::string& key) const;

private:
    bool isClient(const std::string& id) const;
    FigureName componentFigure(const std::string& id, const std::vector<std::string>& keys) const;

    const model::Json& report_;
    const model::Scenario* design_;
};

/// A number as learners read it: three significant digits (two below 1), whole numbers with
/// thousands separators from 1,000 on: 142, 42.5, 0.092, 25,959.
std::string readableNumber(double x);
/// A value in its unit: "142 ms", "15.3%", "25,959", "2,900 req/s".
std::string withUnit(double x, Unit unit);

} // namespace sdlab::lessons
