#include "param_editor.h"

#include "choice_editor.h"
#include "distribution_editor.h"
#include "field_validity.h"
#include "number_editor.h"
#include "param_text.h"

#include <QLabel>
#include <QVBoxLayout>

namespace sdlab::widgets {

ParamEditor::ParamEditor(const model::ParamSpec& spec, QWidget* parent)
    : QWidget(parent)
    , spec_(spec)
    , content_(new QVBoxLayout)
    , error_(createErrorLabel(this)) {
    setObjectName(QStringLiteral("editor_") + QString::fromStdString(spec.name));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    content_->setContentsMargins(0, 0, 0, 0);
    content_->setSpacing(6);
    layout->addLayout(content_);
    layout->addWidget(error_);
}

QString ParamEditor::objectPrefix() const {
    return QStringLiteral("param_") + QString::fromStdString(spec_.name);
}

void ParamEditor::setToolTips(const QString& toolTip) {
    for (QWidget* input : inputs())
        setFieldToolTip(input, toolTip);
}

void ParamEditor::showError(const QString& reason) {
    for (QWidget* input : inputs())
        if (input != errorInput()) markFieldValid(input);
    const QString sentence = asSentence(reason);
    if (QWidget* input = errorInput()) markFieldInvalid(input, sentence);
    widgets::showError(error_, sentence);
}

void ParamEditor::clearError() {
    for (QWidget* input : inputs())
        markFieldValid(input);
    widgets::showError(error_, QString());
}

bool ParamEditor::hasError() const {
    return !error_->isHidden();
}

ParamEditor* createParamEditor(const model::ParamSpec& spec, QWidget* parent) {
    switch (spec.kind) {
    case model::ParamKind::Integer:
    case model::ParamKind::Number:
        return new NumberEditor(spec, parent);
    case model::ParamKind::Choice:
        return new ChoiceEditor(spec, parent);
    case model::ParamKind::Duration:
    case model::ParamKind::Latency:
        return new DistributionEditor(spec, parent);
    case model::ParamKind::Object: // nested policies (retries) have no editor yet
        return nullptr;
    }
    return nullptr;
}

bool allEqual(const std::vector<model::Json>& values) {
    if (values.empty()) return false;
    for (const auto& v : values)
        if (v != values.front()) return false;
    return true;
}

} // namespace sdlab::widgets
