#include "bool_editor.h"

#include "param_text.h"

#include <QCheckBox>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace sdlab::widgets {

BoolEditor::BoolEditor(const model::ParamSpec& spec, QWidget* parent)
    : ParamEditor(spec, parent)
    , box_(new QCheckBox(this)) {
    box_->setObjectName(objectPrefix());
    contentLayout()->addWidget(box_);
    setFocusProxy(box_);
    setToolTips(paramToolTip(spec));
    // clicked: only the user's clicks, never setCheckState() from a refresh.
    connect(box_, &QCheckBox::clicked, this, [this] { emit edited(true); });
}

void BoolEditor::setValues(const std::vector<model::Json>& values) {
    const QSignalBlocker block(box_);
    clearError();
    const bool same = allEqual(values) && values.front().is_boolean();
    box_->setTristate(!same); // "(mixed)" until the user picks
    box_->setCheckState(!same                        ? Qt::PartiallyChecked
                        : values.front().get<bool>() ? Qt::Checked
                                                     : Qt::Unchecked);
}

ProposedValue BoolEditor::propose(const model::Json&) const {
    if (box_->checkState() == Qt::PartiallyChecked) return {};
    return {ProposedValue::Value, model::Json(box_->isChecked()), {}};
}

QList<QWidget*> BoolEditor::inputs() const {
    return {box_};
}

QWidget* BoolEditor::errorInput() const {
    return box_;
}

} // namespace sdlab::widgets
