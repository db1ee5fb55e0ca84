#include "choice_editor.h"

#include "combo_wheel.h"
#include "param_text.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace sdlab::widgets {

ChoiceEditor::ChoiceEditor(const model::ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent)
    , combo_(new QComboBox(this))
    , meaning_(new QLabel(this)) {
    combo_->setObjectName(objectPrefix());
    ignoreWheelUnlessFocused(combo_);
    combo_->setPlaceholderText(tr("(mixed)"));
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    for (const auto& c : spec.choices) {
        const QString value = QString::fromStdString(c);
        combo_->addItem(value, value);
        // Hovering a choice in the open list says what it does before it is picked.
        if (const QString meaning = choiceMeaning(spec, value); !meaning.isEmpty())
            combo_->setItemData(combo_->count() - 1, meaning, Qt::ToolTipRole);
    }
    meaning_->setObjectName(objectPrefix() + QStringLiteral("_meaning"));
    meaning_->setWordWrap(true);
    meaning_->setTextFormat(Qt::PlainText);
    QPalette quiet = meaning_->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    meaning_->setPalette(quiet);
    contentLayout()->addWidget(combo_);
    contentLayout()->addWidget(meaning_);
    contentLayout()->setSpacing(2);
    setFocusProxy(combo_);
    setToolTips(paramToolTip(spec));
    // activated: only the user's picks, never setCurrentIndex() from a refresh.
    connect(combo_, &QComboBox::activated, this, [this] {
        showMeaning();
        emit edited(true);
    });
    showMeaning();
}

void ChoiceEditor::showMeaning() {
    const QString meaning = combo_->currentIndex() < 0
                                ? QString()
                                : choiceMeaning(spec(), combo_->currentData().toString());
    meaning_->setText(meaning);
    meaning_->setVisible(!meaning.isEmpty());
}

void ChoiceEditor::setValues(const std::vector<model::Json>& values) {
    const QSignalBlocker block(combo_);
    clearError();
    if (allEqual(values) && values.front().is_string())
        combo_->setCurrentIndex(
            combo_->findData(QString::fromStdString(values.front().get<std::string>())));
    else
        combo_->setCurrentIndex(-1);
    showMeaning();
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
