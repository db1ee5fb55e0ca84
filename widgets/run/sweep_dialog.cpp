#include "sweep_dialog.h"

#include "model/scenario_error.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace sdlab::widgets {

namespace {

QCustomPlot* makePlot(const QString& title, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    plot->setMinimumHeight(220);
    plot->plotLayout()->insertRow(0);
    QFont font = plot->font(); // the application's face, not QCustomPlot's default serif
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, font));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    return plot;
}

void addLine(QCustomPlot* plot, QCPAxis* y, const QString& name, const QColor& colour,
             const QVector<double>& x, const QVector<double>& values) {
    QCPGraph* g = plot->addGraph(plot->xAxis, y);
    g->setName(name);
    g->setPen(QPen(colour, 2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    g->setData(x, values);
}

} // namespace

SweepDialog::SweepDialog(const model::Scenario& scenario, QWidget* parent)
    : QDialog(parent)
    , scenario_(scenario)
    , param_(new QComboBox)
    , from_(new QDoubleSpinBox)
    , to_(new QDoubleSpinBox)
    , steps_(new QSpinBox)
    , run_(new QPushButton(tr("Run sweep")))
    , stop_(new QPushButton(tr("Cancel")))
    , progress_(new QProgressBar)
    , knee_(new QLabel)
    , latency_(makePlot(tr("Latency"), tr("ms")))
    , throughput_(makePlot(tr("Throughput and errors"), tr("req/s"))) {
    setWindowTitle(tr("What-if sweep"));
    for (auto* box : {from_, to_}) {
        box->setRange(0, 1e7);
        box->setDecimals(3);
    }
    steps_->setRange(2, 200);
    steps_->setValue(12);
    fillParameters();
    auto* form = new QFormLayout;
    form->addRow(tr("Parameter"), param_);
    auto* range = new QHBoxLayout;
    range->addWidget(from_);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(to_);
    range->addWidget(new QLabel(tr("in")));
    range->addWidget(steps_);
    range->addWidget(new QLabel(tr("points")));
    form->addRow(tr("Range"), range);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(run_);
    buttons->addWidget(stop_);
    buttons->addWidget(progress_, 1);
    stop_->setEnabled(false);
    knee_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(knee_);
    layout->addWidget(latency_, 1);
    layout->addWidget(throughput_, 1);
    resize(760, 720);
    connect(run_, &QPushButton::clicked, this, &SweepDialog::start);
    connect(stop_, &QPushButton::clicked, this, &SweepDialog::cancel);
}

SweepDialog::~SweepDialog() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

void SweepDialog::fillParameters() {
    // Every numeric parameter of every component; clients' rates first (the usual sweep).
    for (const bool clients : {true, false})
        for (const auto& c : scenario_.components) {
            if ((c.type == "client") != clients) continue;
            for (const auto& [name, value] : c.params.items())
                if (value.is_number() && name != "availability")
                    param_->addItem(QStringLiteral("%1.%2").arg(QString::fromStdString(c.id),
                                                                QString::fromStdString(name)),
                                    value.get<double>());
        }
    auto pickDefaults = [this](int i) {
        const double v = param_->itemData(i).toDouble();
        from_->setValue(v / 4);
        to_->setValue(v > 0 ? v * 2 : 1);
    };
    connect(param_, &QComboBox::currentIndexChanged, this, pickDefaults);
    if (param_->count() > 0) pickDefaults(0);
}

void SweepDialog::setRange(const QString& param, double from, double to, int steps) {
    param_->setCurrentIndex(param_->findText(param));
    from_->setValue(from);
    to_->setValue(to);
    steps_->setValue(steps);
}

void SweepDialog::start() {
    if (running()) return;
    if (worker_.joinable()) worker_.join();
    run::SweepSpec spec;
    spec.param = "components." + param_->currentText().toStdString();
    spec.from = from_->value();
    spec.to = to_->value();
    spec.steps = steps_->value();
    try {
        run::checkSweep(scenario_, spec);
    } catch (const model::ScenarioError& e) {
        QMessageBox::warning(this, windowTitle(), QString::fromStdString(e.what()));
        return;
    }
    cancel_ = false;
    finished_ = false;
    progress_->setRange(0, spec.steps);
    progress_->setValue(0);
    run_->setEnabled(false);
    stop_->setEnabled(true);
    knee_->setText(tr("Running %1 points on all cores…").arg(spec.steps));
    // The runs go on worker threads; progress and the result come back as queued calls.
    worker_ = std::thread([this, spec] {
        auto progress = [this](int done, int) {
            QMetaObject::invokeMethod(progress_, "setValue", Qt::QueuedConnection,
                                      Q_ARG(int, done));
        };
        run::SweepResult r = run::runSweep(scenario_, spec, 0, progress, &cancel_);
        QMetaObject::invokeMethod(
            this,
            [this, r = std::move(r)] {
                result_ = r;
                finished_ = true;
                showResult();
                emit finished();
            },
            Qt::QueuedConnection);
    });
}

void SweepDialog::cancel() {
    cancel_ = true;
    knee_->setText(tr("Cancelling: the points under way finish first…"));
}

void SweepDialog::showResult() {
    run_->setEnabled(true);
    stop_->setEnabled(false);
    QVector<double> x, p50, p99, rps, errors;
    for (const auto& p : result_.points) {
        x << p.value;
        p50 << p.p50Ms;
        p99 << p.p99Ms;
        rps << p.throughputRps;
        errors << 100 * p.errorRate;
    }
    const QString axis = param_->currentText();
    for (QCustomPlot* plot : {latency_, throughput_}) {
        plot->clearGraphs();
        plot->clearItems();
        plot->xAxis->setLabel(axis);
    }
    addLine(latency_, latency_->yAxis, "p50", QColor(0x3b, 0x82, 0xf6), x, p50);
    addLine(latency_, latency_->yAxis, "p99", QColor(0xdc, 0x26, 0x26), x, p99);
    throughput_->yAxis2->setVisible(true);
    throughput_->yAxis2->setLabel(tr("errors %"));
    addLine(throughput_, throughput_->yAxis, tr("throughput"), QColor(0x05, 0x96, 0x69), x, rps);
    addLine(throughput_, throughput_->yAxis2, tr("errors"), QColor(0xea, 0x58, 0x0c), x, errors);
    if (result_.knee >= 0) {
        const double k = result_.points[std::size_t(result_.knee)].value;
        for (QCustomPlot* plot : {latency_, throughput_}) {
            auto* line = new QCPItemStraightLine(plot);
            line->point1->setCoords(k, 0);
            line->point2->setCoords(k, 1);
            line->setPen(QPen(QColor(0x7c, 0x3a, 0xed), 1.5, Qt::DashLine));
        }
        knee_->setText(
            tr("Knee at %1 = %2: beyond it p99 latency takes off.").arg(axis).arg(k, 0, 'g', 4));
    } else {
        knee_->setText(result_.points.empty()
                           ? tr("Cancelled before any point finished.")
                           : tr("No knee: p99 latency does not take off over this range."));
    }
    for (QCustomPlot* plot : {latency_, throughput_}) {
        plot->rescaleAxes();
        plot->yAxis->setRangeLower(0); // latency, throughput and errors start at zero
    }
    throughput_->yAxis2->setRange(0, std::max(1.0, throughput_->yAxis2->range().upper));
    for (QCustomPlot* plot : {latency_, throughput_})
        plot->replot();
}

} // namespace sdlab::widgets
