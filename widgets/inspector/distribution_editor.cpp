#include "distribution_editor.h"

#include "combo_wheel.h"
#include "field_validity.h"
#include "number_field.h"
#include "param_text.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

namespace sdlab::widgets {

namespace {

constexpr int kMean = 0, kCv = 1, kMin = 2, kMax = 3;

/// The fields a distribution stores (a fixed latency is the plain number, in the mean field).
std::vector<int> fieldsOf(const QString& dist) {
    if (dist == QLatin1String("lognormal")) return {kMean, kCv};
    if (dist == QLatin1String("uniform")) return {kMin, kMax};
    if (dist.isEmpty()) return {};
    return {kMean};
}

double meanOf(const model::Json& v) {
    if (v.is_number()) return v.get<double>();
    if (!v.is_object()) return 0;
    if (v.value("dist", "") == "uniform")
        return (v.value("min_ms", 0.0) + v.value("max_ms", 0.0)) / 2;
    return v.value("mean_ms", 0.0);
}

} // namespace

DistributionEditor::DistributionEditor(const model::ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent)
    , combo_(new QComboBox(this)) {
    const QString prefix = objectPrefix();
    combo_->setObjectName(prefix + QStringLiteral("_dist"));
    ignoreWheelUnlessFocused(combo_);
    combo_->setPlaceholderText(tr("(mixed)"));
    struct Item {
        const char* dist;
        QString title, help;
    };
    std::vector<Item> items;
    if (spec.kind == model::ParamKind::Latency)
        items.push_back({"fixed", tr("Fixed"), tr("The same delay every time, in ms.")});
    items.insert(items.end(),
                 {{"exponential", tr("Exponential"),
                   tr("Random and memoryless: many short times, a few long ones.")},
                  {"deterministic", tr("Deterministic"), tr("Exactly the same time, every time.")},
                  {"lognormal", tr("Lognormal"),
                   tr("Random with a long tail; cv sets how spread out it is.")},
                  {"uniform", tr("Uniform"), tr("Any time between min and max, equally likely.")}});
    for (const auto& item : items) {
        combo_->addItem(item.title, QString::fromLatin1(item.dist));
        combo_->setItemData(combo_->count() - 1, item.help, Qt::ToolTipRole);
    }
    contentLayout()->addWidget(combo_);

    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(1, 1);
    const std::array<std::pair<const char*, QString>, 4> keys = {
        {{"mean_ms", tr("ms")}, {"cv", QString()}, {"min_ms", tr("ms")}, {"max_ms", tr("ms")}}};
    for (int i = 0; i < 4; ++i) {
        auto* input = new NumberField(prefix + QLatin1Char('_') + QLatin1String(keys[i].first),
                                      keys[i].second, this);
        auto* caption = new QLabel(this);
        caption->setBuddy(input->lineEdit());
        grid->addWidget(caption, i, 0);
        grid->addWidget(input, i, 1);
        fields_[i] = {keys[i].first, caption, input};
        connect(input, &NumberField::edited, this, [this, input] {
            lastChanged_ = input->lineEdit();
            emit edited(false);
        });
        connect(input, &NumberField::finished, this, [this, input] {
            lastChanged_ = input->lineEdit();
            emit edited(true);
        });
    }
    contentLayout()->addLayout(grid);
    setFocusProxy(combo_);

    const QString toolTip = paramToolTip(spec);
    setToolTips(toolTip);
    const QString timeHelp = QStringLiteral("<p>%1</p>");
    auto addHelp = [&](int i, const QString& help) {
        const QString tip = timeHelp.arg(help.toHtmlEscaped()) + toolTip;
        setFieldToolTip(fields_[i].input->lineEdit(), tip);
        fields_[i].caption->setToolTip(tip);
    };
    addHelp(kMean, tr("Average time (or the fixed time), in ms."));
    addHelp(kCv, tr("Coefficient of variation: standard deviation ÷ mean. 1 spreads like an "
                    "exponential; below 1 is steadier, above 1 has a longer tail."));
    addHelp(kMin, tr("Shortest time, in ms."));
    addHelp(kMax, tr("Longest time, in ms; above the shortest."));

    connect(combo_, &QComboBox::activated, this, [this] {
        lastChanged_ = combo_;
        emit edited(true);
    });
    showFieldsFor(QString());
}

QString DistributionEditor::distOf(const model::Json& value) {
    if (value.is_number()) return QStringLiteral("fixed");
    if (value.is_object()) return QString::fromStdString(value.value("dist", ""));
    return {};
}

model::Json DistributionEditor::convert(const model::Json& value, const QString& dist) {
    if (distOf(value) == dist) return value;
    const double mean = meanOf(value);
    if (dist == QLatin1String("fixed")) return mean;
    // Only deterministic times may be 0; a random one needs a positive mean.
    const double positive = mean > 0 ? mean : 1.0;
    const std::string d = dist.toStdString();
    if (dist == QLatin1String("deterministic")) return {{"dist", d}, {"mean_ms", mean}};
    if (dist == QLatin1String("exponential")) return {{"dist", d}, {"mean_ms", positive}};
    if (dist == QLatin1String("lognormal"))
        return {{"dist", d}, {"mean_ms", positive}, {"cv", 1.0}};
    if (dist == QLatin1String("uniform"))
        return {{"dist", d}, {"min_ms", positive * 0.5}, {"max_ms", positive * 1.5}};
    return value;
}

void DistributionEditor::showFieldsFor(const QString& dist) {
    const auto shown = fieldsOf(dist);
    for (int i = 0; i < 4; ++i) {
        const bool visible = std::find(shown.begin(), shown.end(), i) != shown.end();
        fields_[i].caption->setVisible(visible);
        fields_[i].input->setVisible(visible);
    }
    QString meanCaption = tr("Mean");
    if (dist == QLatin1String("fixed"))
        meanCaption = tr("Delay");
    else if (dist == QLatin1String("deterministic"))
        meanCaption = tr("Time");
    fields_[kMean].caption->setText(meanCaption);
    fields_[kCv].caption->setText(tr("CV"));
    fields_[kMin].caption->setText(tr("Min"));
    fields_[kMax].caption->setText(tr("Max"));
}

void DistributionEditor::setValues(const std::vector<model::Json>& values) {
    if (isEditing()) return;
    clearError();
    QString dist = values.empty() ? QString() : distOf(values.front());
    for (const auto& v : values)
        if (distOf(v) != dist) dist.clear();
    {
        const QSignalBlocker block(combo_);
        combo_->setCurrentIndex(dist.isEmpty() ? -1 : combo_->findData(dist));
    }
    shownDist_ = dist;
    showFieldsFor(dist);
    setFieldValues(values);
}

void DistributionEditor::setFieldValues(const std::vector<model::Json>& values) {
    for (int i : fieldsOf(shownDist_)) {
        std::vector<model::Json> parts;
        for (const auto& v : values)
            parts.push_back(v.is_number() ? v : v.value(fields_[i].key, model::Json()));
        if (allEqual(parts))
            fields_[i].input->setText(formatJsonNumber(parts.front()));
        else
            fields_[i].input->setMixed();
    }
}

ProposedValue DistributionEditor::propose(const model::Json& current) const {
    if (lastChanged_ == combo_) {
        if (combo_->currentIndex() < 0) return {};
        return {ProposedValue::Value, convert(current, combo_->currentData().toString()), {}};
    }
    if (shownDist_.isEmpty()) return {};
    model::Json out = convert(current, shownDist_);
    for (int i : fieldsOf(shownDist_)) {
        const NumberField* input = fields_[i].input;
        if (input->isMixed()) continue; // keeps each item's own value
        const auto number = parseNumber(input->text());
        if (!number) {
            // Point the error at the field that holds the bad text.
            lastChanged_ = input->lineEdit();
            const QString text = input->text().trimmed();
            return {ProposedValue::Invalid,
                    {},
                    text.isEmpty() ? tr("Enter a number.") : tr("“%1” is not a number.").arg(text)};
        }
        if (out.is_number())
            out = *number;
        else
            out[fields_[i].key] = *number;
    }
    return {ProposedValue::Value, out, {}};
}

bool DistributionEditor::isEditing() const {
    return std::any_of(fields_.begin(), fields_.end(),
                       [](const Field& f) { return f.input->isEditing(); });
}

QList<QWidget*> DistributionEditor::inputs() const {
    QList<QWidget*> list{combo_};
    for (const auto& f : fields_)
        list << f.input->lineEdit();
    return list;
}

QWidget* DistributionEditor::errorInput() const {
    return lastChanged_ ? lastChanged_ : combo_;
}

} // namespace sdlab::widgets
