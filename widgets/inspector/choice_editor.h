#pragma once

#include "param_editor.h"

class QComboBox;
class QLabel;

namespace sdlab::widgets {

/// A Choice parameter: a combo box named "param_<name>" listing the choices as the file
/// spells them, each with what it does in its tooltip; "(mixed)" when the selected items
/// differ. The line "param_<name>_meaning" under it says what the chosen one does.
class ChoiceEditor : public ParamEditor {
    Q_OBJECT
public:
    explicit ChoiceEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    void setValues(const std::vector<model::Json>& values) override;
    ProposedValue propose(const model::Json& current) const override;
    bool isEditing() const override { return false; }

protected:
    QList<QWidget*> inputs() const override;
    QWidget* errorInput() const override;

private:
    void showMeaning();

    QComboBox* combo_;
    QLabel* meaning_;
};

} // namespace sdlab::widgets
