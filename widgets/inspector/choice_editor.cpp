#include "choice_editor.h"

#include "combo_wheel.h"
#include "param_text.h"

#include <QComboBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace sdlab::widgets {

ChoiceEditor::ChoiceEditor(const model::ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent)
    , combo_(new QComboBox(this)) {
    combo_->setObjectName(objectPrefix());
    ignoreWheelUnlessFocused(combo_);
    combo_->setPlaceholderText(tr("(mixed)"));
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (const auto& c : spec.choices) {
        const QString value = QString::fromStdString(c);
        combo_->addItem(value, value);
    }
    contentLayout()->addWidget(combo_);
    setFocusProxy(combo_);
    setToolTips(paramToolTip(spec));
    // activated: only the user's picks, never setCurrentIndex() from a refresh.
    connect(combo_, &QComboBox::activated, this, [this] { emit edited(true); });
}

void ChoiceEditor::setValues(const std::vector<model::Json>& values) {
    const QSignalBlocker block(combo_);
    clearError();
    if (allEqual(values) && values.front().is_string())
        combo_->setCurrentIndex(
            combo_->findData(QString::fromStdString(values.front().get<std::string>())));
    else
        combo_->setCurrentIndex(-1);
}

ProposedValue ChoiceEditor::propose(const model::Json&) const {
    if (combo_->currentIndex() < 0) return {};
    return {ProposedValue::Value, model::Json(combo_->currentData().toString().toStdString()), {}};
}

QList<QWidget*> ChoiceEditor::inputs() const {
    return {combo_};
}

QWidget* ChoiceEditor::errorInput() const {
    return combo_;
}

} // namespace sdlab::widgets
