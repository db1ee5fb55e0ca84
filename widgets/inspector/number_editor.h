#pragma once

#include "param_editor.h"

namespace sdlab::widgets {

class NumberField;

/// An Integer or Number parameter: a NumberField named "param_<name>" with the unit after it.
class NumberEditor : public ParamEditor {
    Q_OBJECT
public:
    explicit NumberEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    void setValues(const std::vector<model::Json>& values) override;
    ProposedValue propose(const model::Json& current) const override;
    bool isEditing() const override;

protected:
    QList<QWidget*> inputs() const override;
    QWidget* errorInput() const override;

private:
    NumberField* field_;
};

} // namespace sdlab::widgets
