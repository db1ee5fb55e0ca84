#pragma once

#include "param_editor.h"

namespace sdlab::widgets {

class NumberField;

/// An Integer or Number parameter: a NumberField named "param_<name>" with the unit after it.
/// A share (a fraction from 0 to 1, see isShare()) shows its value as a percentage instead
/// ("= 50%"), so that nobody types 50 where 0.5 is meant.
class NumberEditor : public ParamEditor {
    Q_OBJECT
public:
    explicit NumberEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    void setValues(const std::vector<model::Json>& values) override;
    ProposedValue propose(const model::Json& current) const override;
    bool isEditing() const override;
    void followParams(const model::Json& params) override;

protected:
    QList<QWidget*> inputs() const override;
    QWidget* errorInput() const override;

private:
    void showShare();

    NumberField* field_;
};

} // namespace sdlab::widgets
