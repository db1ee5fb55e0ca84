#include "number_editor.h"

#include "number_field.h"
#include "param_text.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace sdlab::widgets {

NumberEditor::NumberEditor(const model::ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent)
    , field_(new NumberField(objectPrefix(), QString::fromStdString(spec.unit), this)) {
    contentLayout()->addWidget(field_);
    setFocusProxy(field_);
    setToolTips(paramToolTip(spec));
    if (hasUnlimited(spec)) field_->setEmptyText(unlimitedText());
    if (isShare(spec)) field_->setUnit(tr("= %1%").arg(100)); // its widest, for the column
    connect(field_, &NumberField::edited, this, [this] {
        showShare();
        emit edited(false);
    });
    connect(field_, &NumberField::finished, this, [this] { emit edited(true); });
}

void NumberEditor::setValues(const std::vector<model::Json>& values) {
    if (field_->isEditing()) return;
    clearError();
    if (!allEqual(values))
        field_->setMixed();
    else if (hasUnlimited(spec()) && values.front() == -1)
        field_->setText(unlimitedText());
    else
        field_->setText(formatJsonNumber(values.front()));
    showShare();
}

void NumberEditor::followParams(const model::Json& params) {
    if (!spec().unitWhen.empty())
        field_->setUnit(QString::fromStdString(model::unitFor(spec(), params)));
}

void NumberEditor::showShare() {
    if (!isShare(spec())) return;
    const auto value = parseNumber(field_->text());
    field_->setUnit(value && *value >= 0 && *value <= 1
                        ? tr("= %1%").arg(QString::number(100 * *value, 'g', 4))
                        : QString());
}

ProposedValue NumberEditor::propose(const model::Json&) const {
    if (field_->isMixed()) return {};
    const QString text = field_->text().trimmed();
    const bool unlimited = hasUnlimited(spec());
    // Where -1 means no limit, an empty field and the word say so.
    if (unlimited && (text.isEmpty() || meansUnlimited(text)))
        return {ProposedValue::Value, model::Json(-1), {}};
    if (const auto number = parseNumber(text))
        return {ProposedValue::Value,
                numberJson(*number, spec().kind == model::ParamKind::Integer),
                {}};
    if (unlimited)
        return {ProposedValue::Invalid,
                {},
                tr("“%1” is neither a number nor “%2”.").arg(text, unlimitedText()),
                startsUnlimited(text)};
    return {ProposedValue::Invalid,
            {},
            text.isEmpty() ? tr("Enter a number.") : tr("“%1” is not a number.").arg(text)};
}

bool NumberEditor::isEditing() const {
    return field_->isEditing();
}

QList<QWidget*> NumberEditor::inputs() const {
    return {field_->lineEdit()};
}

QWidget* NumberEditor::errorInput() const {
    return field_->lineEdit();
}

} // namespace sdlab::widgets
