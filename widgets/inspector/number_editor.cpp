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
    connect(field_, &NumberField::edited, this, [this] { emit edited(false); });
    connect(field_, &NumberField::finished, this, [this] { emit edited(true); });
}

void NumberEditor::setValues(const std::vector<model::Json>& values) {
    if (field_->isEditing()) return;
    clearError();
    if (allEqual(values))
        field_->setText(formatJsonNumber(values.front()));
    else
        field_->setMixed();
}

ProposedValue NumberEditor::propose(const model::Json&) const {
    if (field_->isMixed()) return {};
    const auto number = parseNumber(field_->text());
    if (!number)
        return {ProposedValue::Invalid,
                {},
                field_->text().trimmed().isEmpty()
                    ? tr("Enter a number.")
                    : tr("“%1” is not a number.").arg(field_->text().trimmed())};
    return {
        ProposedValue::Value, numberJson(*number, spec().kind == model::ParamKind::Integer), {}};
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
