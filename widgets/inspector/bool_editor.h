#pragma once

#include "param_editor.h"

class QCheckBox;

namespace sdlab::widgets {

/// A Boolean parameter: a check box named "param_<name>"; partly checked when the selected
/// items differ.
class BoolEditor : public ParamEditor {
    Q_OBJECT
public:
    explicit BoolEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    void setValues(const std::vector<model::Json>& values) override;
    ProposedValue propose(const model::Json& current) const override;
    bool isEditing() const override { return false; }

protected:
    QList<QWidget*> inputs() const override;
    QWidget* errorInput() const override;

private:
    QCheckBox* box_;
};

} // namespace sdlab::widgets
