#include "param_editor.h"

#include "bool_editor.h"
#include "choice_editor.h"
#include "distribution_editor.h"
#include "field_validity.h"
#include "inspector_header.h"
#include "model/param_check.h"
#include "number_editor.h"
#include "param_text.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

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

// --- ObjectEditor ----------------------------------------------------------------------------

ObjectEditor::ObjectEditor(const model::ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent) {
    auto* group = new QGroupBox(paramTitle(spec), this);
    group->setObjectName(objectPrefix() + QStringLiteral("_group"));
    group->setToolTip(paramToolTip(spec));
    // Only as tall as its rows: a switched-off object is one check box, not a tall empty box.
    group->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* layout = new QVBoxLayout(group);
    layout->setSpacing(6);
    if (spec.defaultValue.is_null()) {
        enabled_ = new QCheckBox(tr("Enabled"), group);
        enabled_->setObjectName(objectPrefix() + QStringLiteral("_enabled"));
        layout->addWidget(enabled_);
        // clicked: only the user's changes, never setChecked() from a refresh.
        connect(enabled_, &QCheckBox::clicked, this, [this] {
            lastEdited_ = nullptr;
            emit edited(true);
        });
    }
    fieldsBox_ = new QWidget(group);
    QFormLayout* form = form_ = createInspectorForm();
    form->setContentsMargins(0, 0, 0, 0);
    fieldsBox_->setLayout(form);
    layout->addWidget(fieldsBox_);
    for (const auto& field : spec.fields) {
        // Named after the path in the file ("retries.max_attempts"); titled after the field.
        model::ParamSpec nested = field;
        nested.name = spec.name + '.' + field.name;
        ParamEditor* editor = createParamEditor(nested, fieldsBox_);
        if (!editor) continue;
        form->addRow(createRowLabel(paramTitle(field), paramToolTip(nested), editor), editor);
        fields_.push_back(editor);
        shownFields_.emplace_back();
        connect(editor, &ParamEditor::edited, this, [this, editor](bool finished) {
            lastEdited_ = editor;
            emit edited(finished);
        });
    }
    contentLayout()->addWidget(group);
    setToolTips(paramToolTip(spec));
}

model::Json ObjectEditor::defaults() const {
    return model::checkParams(model::Json::object(), spec().fields, spec().name, {}, spec().name);
}

namespace {

/// The nested field's name in the file ("max_attempts" of "retries.max_attempts").
std::string fieldName(const ParamEditor* editor) {
    const std::string& name = editor->spec().name;
    return name.substr(name.rfind('.') + 1);
}

} // namespace

void ObjectEditor::setValues(const std::vector<model::Json>& values) {
    ParamEditor::clearError(); // a refused check box: the model has moved on
    const bool present =
        !values.empty() && std::all_of(values.begin(), values.end(),
                                       [](const model::Json& v) { return v.is_object(); });
    shownEnabled_ = present;
    if (enabled_) {
        const QSignalBlocker block(enabled_);
        enabled_->setChecked(present);
    }
    fieldsBox_->setVisible(present || !enabled_);
    // The form around it sizes rows by height-for-width, which counts hidden rows too: cap a
    // switched-off object at its check box's height.
    layout()->activate();
    setMaximumHeight(fieldsBox_->isVisible() ? QWIDGETSIZE_MAX : layout()->sizeHint().height());
    const model::Json fallback = defaults();
    for (std::size_t f = 0; f < fields_.size(); ++f) {
        const std::string name = fieldName(fields_[f]);
        std::vector<model::Json> fieldValues;
        bool applies = values.empty();
        for (const auto& v : values) {
            fieldValues.push_back(v.is_object() && v.contains(name) ? v[name] : fallback[name]);
            applies =
                applies || model::paramApplies(fields_[f]->spec(), v.is_object() ? v : fallback);
        }
        // Fields that matter for none of the items (a token bucket's sliding window) are hidden.
        if (!fields_[f]->isEditing()) form_->setRowVisible(fields_[f], applies);
        // A refused field keeps its text and reason until its model value changes.
        if (fields_[f]->hasError() && fieldValues == shownFields_[f]) continue;
        shownFields_[f] = fieldValues;
        fields_[f]->setValues(fieldValues);
        fields_[f]->followParams(values.empty() || !values.front().is_object() ? fallback
                                                                               : values.front());
    }
}

ProposedValue ObjectEditor::propose(const model::Json& current) const {
    if (!lastEdited_) {
        if (!enabled_) return {};
        if (!enabled_->isChecked()) return {ProposedValue::Value, model::Json(), {}};
        return {ProposedValue::Value, current.is_object() ? current : defaults(), {}};
    }
    model::Json object = current.is_object() ? current : defaults();
    const std::string name = fieldName(lastEdited_);
    ProposedValue proposed =
        lastEdited_->propose(object.contains(name) ? object[name] : model::Json());
    if (proposed.kind != ProposedValue::Value) return proposed;
    object[name] = proposed.value;
    return {ProposedValue::Value, object, {}};
}

bool ObjectEditor::isEditing() const {
    return std::any_of(fields_.begin(), fields_.end(),
                       [](const ParamEditor* f) { return f->isEditing(); });
}

void ObjectEditor::showError(const QString& reason) {
    if (lastEdited_) {
        lastEdited_->showError(reason);
        return;
    }
    // The check box was refused: it goes back to what the model holds.
    if (enabled_) {
        const QSignalBlocker block(enabled_);
        enabled_->setChecked(shownEnabled_);
    }
    ParamEditor::showError(reason);
}

void ObjectEditor::clearError() {
    ParamEditor::clearError();
    if (lastEdited_) lastEdited_->clearError(); // the others keep theirs until their values change
}

bool ObjectEditor::hasError() const {
    return ParamEditor::hasError() ||
           std::any_of(fields_.begin(), fields_.end(),
                       [](const ParamEditor* f) { return f->hasError(); });
}

QList<QWidget*> ObjectEditor::inputs() const {
    if (enabled_) return {enabled_};
    return {};
}

QWidget* ObjectEditor::errorInput() const {
    return nullptr; // the reason shows in the line under the group
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
    case model::ParamKind::Object:
        return new ObjectEditor(spec, parent);
    case model::ParamKind::Boolean:
        return new BoolEditor(spec, parent);
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
