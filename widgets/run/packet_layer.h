#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace sdlab::widgets {

class CanvasScene;
class LiveRunController;
class PacketItem;

/// Animates a live run's requests as dots travelling along the canvas links. On each advance
/// it reads the core's cumulative counters (calls per link, failures of the callee) and
/// spawns dots for the difference; nothing in the core calls back, so the engine's hot path
/// is untouched. A dot takes the link's mean latency at the current speed to cross it (at
/// least kMinTravelMs, so fast links still show motion). Live dots are capped by sampling;
/// a link carrying more than can be drawn is thickened and labelled with its rate instead.
class PacketLayer : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxPackets = 2000;
    static constexpr double kMinTravelMs = 150, kMaxTravelMs = 5000;
    /// Dots a second on one link beyond which they merge into a line: show the rate instead.
    static constexpr double kReadableRate = 40;

    /// CacheHit: answered by a cache (or CDN edge) itself; Ok: answered, by going further.
    enum class Outcome : std::uint8_t { Ok, Failed, TimedOut, Rejected, CacheHit };
    static constexpr std::size_t kOutcomes = 5;
    using Counts = std::array<int, kOutcomes>; ///< live dots by Outcome

    explicit PacketLayer(CanvasScene* scene, QObject* parent = nullptr);
    ~PacketLayer() override;
    /// Follows `controller`'s run (null: none; the dots go).
    void attach(LiveRunController* controller);

    int packetCount() const { return int(packets_.size()); }
    /// Live dots on the link from → to, by outcome.
    Counts packetsOn(const QString& from, const QString& to) const;
    /// The rate written beside the link ("1.2k/s"), empty when its dots are readable alone.
    QString rateLabel(const QString& from, const QString& to) const;
    /// The link's smoothed rate (calls per simulated second) its label shows; 0: no link.
    double rateOn(const QString& from, const QString& to) const;
    /// Moves the dots and repaints now (on every advance of the run).
    void frame();

private:
    struct Packet {
        float born, duration; ///< on the animation clock, ms
        std::uint16_t lane;
        Outcome outcome;
    };
    /// One scenario link: the counters last read, and its smoothed rates.
    struct Lane {
        QString from, to;
        std::uint64_t calls = 0, timeouts = 0;
        std::uint64_t calleeArrivals = 0, calleeFailed = 0, calleeRejected = 0, calleeHits = 0;
        double simRate = 0;    ///< calls per simulated second
        bool measured = false; ///< simRate has had a first reading
        double wallRate = 0;   ///< calls per wall second at the current speed
    };
    void onAdvanced();
    void onStateChanged();
    void resetLanes();
    void spawn(double wallMs, double simS);
    Outcome drawOutcome(const std::array<double, kOutcomes>& share);
    PacketItem* item();
    int laneOf(const QString& from, const QString& to) const;

    CanvasScene* scene_;
    QPointer<LiveRunController> controller_;
    QPointer<PacketItem> item_;
    std::vector<Lane> lanes_;
    std::vector<Packet> packets_;
    QElapsedTimer wall_; ///< runs while playing
    double clockMs_ = 0; ///< animation clock: stands still while paused
    double lastAdvanceMs_ = 0;
    double lastNow_ = 0;
    std::minstd_rand rng_{12345};
};

/// "950/s", "1.2k/s", "45k/s", "1.1M/s".
QString rateText(double perSecond);

} // namespace sdlab::widgets
