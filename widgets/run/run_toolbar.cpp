#include "run_toolbar.h"

#include "components/client.h"
#include "document/document.h"
#include "live_run_controller.h"
#include "model/scenario_json.h"
#include "run_icons.h"

#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QSlider>
#include <QStyle>

#include <cmath>

namespace sdlab::widgets {

namespace {
constexpr int kSpeedSteps = 100; ///< slider positions per power of ten
constexpr int kMaxTrafficPercent = 300;

/// Whether two designs run the same: only the editor's layout (`ui`) may differ, so moving
/// a card while the run plays does not restart it.
bool sameRun(model::Scenario a, model::Scenario b) {
    for (auto* s : {&a, &b}) {
        s->ui = model::Json::object();
        for (auto& c : s->components)
            c.ui = model::Json::object();
        for (auto& l : s->links)
            l.ui = model::Json::object();
        for (auto& z : s->zones)
            z.ui = model::Json::object();
    }
    return model::serializeScenario(a) == model::serializeScenario(b);
}

QLabel* fixedWidthLabel(const QString& widest) {
    auto* label = new QLabel;
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(widest) + 8);
    label->setAlignment(Qt::AlignCenter);
    return label;
}
} // namespace

RunToolbar::RunToolbar(LiveRunController* controller, Document* document, QWidget* parent)
    : QToolBar(tr("Run"), parent)
    , controller_(controller)
    , document_(document) {
    setObjectName("runToolBar");
    setIconSize(QSize(20, 20));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto make = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this); // icons: refresh(), in the theme's colours
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    playAct_ = make(tr("Play"), QKeySequence(Qt::Key_Space), [this] {
        ensureCurrent();
        controller_->togglePlay();
    });
    stepEventAct_ = make(tr("Step Event"), QKeySequence(Qt::Key_Comma), [this] {
        ensureCurrent();
        controller_->stepEvent();
    });
    stepTimeAct_ = make(tr("Step 100 ms"), QKeySequence(Qt::Key_Period), [this] {
        ensureCurrent();
        controller_->stepTime();
    });
    restartAct_ = make(tr("Restart Run"), QKeySequence(tr("Ctrl+R")), [this] {
        if (stale_) {
            const bool wasPlaying = controller_->playing();
            ensureCurrent();
            if (wasPlaying) controller_->play();
        } else {
            controller_->restart();
        }
    });
    restartAct_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    addSeparator();

    speed_ = new QSlider(Qt::Horizontal);
    speed_->setRange(sliderForSpeed(LiveRunController::kMinSpeed),
                     sliderForSpeed(LiveRunController::kMaxSpeed));
    speed_->setValue(sliderForSpeed(controller_->speed()));
    speed_->setFixedWidth(200); // five decades: at 140 px one drag jumped from 1× to 800×
    speed_->setToolTip(tr("Simulation speed: simulated time per real second (log scale)"));
    speedLabel_ = fixedWidthLabel(QStringLiteral("0.01×"));
    connect(speed_, &QSlider::valueChanged, this,
            [this](int v) { controller_->setSpeed(speedForSlider(v)); });
    addWidget(new QLabel(tr("Speed")));
    addWidget(speed_);
    addWidget(speedLabel_);
    addSeparator();

    clock_ = fixedWidthLabel(QStringLiteral("00:00.0 / 00:00"));
    clock_->setToolTip(tr("Simulated time / the scenario's duration"));
    QFont mono = clock_->font();
    mono.setFamily(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    clock_->setFont(mono);
    clock_->setMinimumWidth(QFontMetrics(mono).horizontalAdvance("000:00.0 / 000:00") + 8);
    addWidget(clock_);
    seed_ = new QLabel;
    seed_->setToolTip(tr("The run's random seed: the same seed gives the same run"));
    addWidget(seed_);
    addSeparator();

    traffic_ = new QSlider(Qt::Horizontal);
    traffic_->setRange(0, kMaxTrafficPercent);
    traffic_->setValue(100);
    traffic_->setPageStep(25);
    traffic_->setFixedWidth(140);
    traffic_->setToolTip(tr("Traffic: scales every client's load live (0–300%)"));
    trafficLabel_ = fixedWidthLabel(QStringLiteral("300%"));
    connect(traffic_, &QSlider::valueChanged, this, [this] {
        applyTraffic();
        refresh();
    });
    addWidget(new QLabel(tr("Traffic")));
    addWidget(traffic_);
    addWidget(trafficLabel_);

    connect(controller_, &LiveRunController::stateChanged, this, [this] {
        applyTraffic(); // a restart builds fresh clients at 100%
        refresh();
    });
    connect(controller_, &LiveRunController::advanced, this, &RunToolbar::refresh);
    // Another file (new, open) is not an edit: the old run goes at once (its clock, charts
    // and overlays with it) and the new design waits at 0 for Play.
    connect(document_, &Document::reset, this, [this] {
        stale_ = false;
        controller_->load(document_->scenario());
    });
    // Queued: one edit can be several changes (a rename is a macro of them), and between
    // them the design is not whole yet — a run built then would join links to nothing.
    connect(document_, &Document::changed, this, &RunToolbar::designChanged, Qt::QueuedConnection);
    refresh();
}

QList<QAction*> RunToolbar::runActions() const {
    return {playAct_, stepEventAct_, stepTimeAct_, restartAct_};
}

int RunToolbar::sliderForSpeed(double speed) {
    return int(std::lround(std::log10(speed) * kSpeedSteps));
}

double RunToolbar::speedForSlider(int position) {
    return std::pow(10.0, double(position) / kSpeedSteps);
}

QString RunToolbar::speedText(double speed) {
    // Two significant digits: 0.01×, 0.25×, 1×, 2.5×, 40×, 1000×.
    const int decimals = speed < 0.1 ? 2 : speed < 10 ? 1 : 0;
    QString text = QString::number(speed, 'f', decimals);
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.')) text.chop(1);
    }
    return text + QStringLiteral("×");
}

QString RunToolbar::clockText(double seconds) {
    const int tenths = int(std::floor(seconds * 10 + 1e-6));
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600, 2, 10, QLatin1Char('0'))
        .arg(tenths / 10 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

void RunToolbar::ensureCurrent() {
    // Compared, not only flagged: the flag is set a moment after an edit (queued).
    if (controller_->loaded() && !stale_ && sameRun(controller_->scenario(), document_->scenario()))
        return;
    stale_ = false;
    controller_->load(document_->scenario());
}

void RunToolbar::designChanged() {
    if (controller_->loaded() && sameRun(controller_->scenario(), document_->scenario())) return;
    // The old run no longer matches what is drawn (its traffic would stay on a deleted link):
    // it restarts at once with the new design, and plays on if it was playing.
    const bool wasPlaying = controller_->playing();
    const bool hadRun = controller_->loaded() && controller_->now() > 0;
    stale_ = true;
    ensureCurrent();
    if (wasPlaying) controller_->play();
    if (hadRun) emit statusMessage(tr("The design changed: the run restarted with it."));
}

void RunToolbar::applyTraffic() {
    auto* run = controller_->run();
    if (!run) return;
    const double factor = traffic_->value() / 100.0;
    auto& sim = run->simulation();
    for (std::size_t i = 0; i < sim.componentCount(); ++i)
        if (auto* client = dynamic_cast<components::Client*>(&sim.component(sim::Index(i))))
            client->setRateFactor(factor);
}

void RunToolbar::changeEvent(QEvent* event) {
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) refresh(); // the icons follow the theme
}

void RunToolbar::refresh() {
    const bool playing = controller_->playing();
    playAct_->setText(playing ? tr("Pause") : tr("Play"));
    // Icons only when they change: refresh() runs on every tick, and each new icon leaves
    // its scaled pixmaps in the shared pixmap cache.
    const QColor ink = palette().color(QPalette::ButtonText);
    const std::pair<bool, QRgb> look{playing, ink.rgba()};
    if (look != iconLook_) {
        iconLook_ = look;
        playAct_->setIcon(runIcon(playing ? RunGlyph::Pause : RunGlyph::Play, ink));
        stepEventAct_->setIcon(runIcon(RunGlyph::StepEvent, ink));
        stepTimeAct_->setIcon(runIcon(RunGlyph::StepTime, ink));
    }
    speedLabel_->setText(speedText(controller_->speed()));
    trafficLabel_->setText(QStringLiteral("%1%").arg(traffic_->value()));
    const auto& scenario = controller_->loaded() ? controller_->scenario() : document_->scenario();
    clock_->setText(QStringLiteral("%1 / %2").arg(clockText(controller_->now()),
                                                  clockText(scenario.durationS).chopped(2)));
    seed_->setText(tr("seed %1").arg(scenario.seed));
}

} // namespace sdlab::widgets
