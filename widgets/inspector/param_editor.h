#pragma once

#include "model/component_types.h"

#include <QList>
#include <QWidget>
#include <vector>

class QCheckBox;
class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace sdlab::widgets {

/// What an editor asks to store for one selected item.
struct ProposedValue {
    enum Kind {
        Nothing, ///< nothing to apply (a "(mixed)" field left as it was)
        Value,   ///< store `value`
        Invalid  ///< the text is not a value; `reason` says why
    };
    Kind kind = Nothing;
    model::Json value;
    QString reason;
    /// Invalid only so far: more typing may make it a value (the "unl" of "unlimited"), so
    /// no error is shown until the user is done.
    bool incomplete = false;
};

/// Edits one parameter, generated from its ParamSpec: the inspector builds one per row and
/// never needs to know the parameter. The editor only shows values and proposes new ones; the
/// inspector applies them through the Document, which has the last word on what is valid.
class ParamEditor : public QWidget {
    Q_OBJECT
public:
    /// Object names of the editor's inputs start with "param_<name>".
    explicit ParamEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    const model::ParamSpec& spec() const { return spec_; }
    QString objectPrefix() const;

    /// Shows the current values of the selected items, one each: equal values show as one,
    /// different ones as "(mixed)". Inputs the user is typing in keep their text.
    virtual void setValues(const std::vector<model::Json>& values) = 0;
    /// The value the user asks for, for an item whose value now is `current`.
    virtual ProposedValue propose(const model::Json& current) const = 0;
    /// The user is typing in one of the inputs.
    virtual bool isEditing() const = 0;
    /// The parameters of the (first) item shown, for what depends on other parameters: a
    /// unit that follows another field (ParamSpec::unitWhen).
    virtual void followParams(const model::Json& params) { (void)params; }

    /// Marks the input the user last changed invalid and shows `reason` under the editor.
    virtual void showError(const QString& reason);
    virtual void clearError();
    virtual bool hasError() const;

signals:
    /// The user changed the value: `finished` after Enter, focus out or a pick from a list.
    void edited(bool finished);

protected:
    /// The row's inputs sit in this layout, above the line for errors.
    QVBoxLayout* contentLayout() const { return content_; }
    /// Every input, for tooltips and unmarking.
    virtual QList<QWidget*> inputs() const = 0;
    /// The input an error is about (the last one the user changed).
    virtual QWidget* errorInput() const = 0;
    /// Gives every input the parameter's tooltip; call once the inputs exist.
    void setToolTips(const QString& toolTip);

private:
    model::ParamSpec spec_;
    QVBoxLayout* content_;
    QLabel* error_;
};

/// An Object parameter (a link's retry policy, its circuit breaker): a titled group whose
/// rows edit the nested fields with the usual editors. It proposes the whole object, the
/// field the user last changed replaced, so the Document checks and stores it as one value.
/// An optional object (null default: absent means off) has an "Enabled" check box named
/// "param_<name>_enabled": checking it proposes the fields' defaults, unchecking a null (the
/// key removed). Nested inputs are named "param_<name>.<field>".
class ObjectEditor : public ParamEditor {
    Q_OBJECT
public:
    explicit ObjectEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    void setValues(const std::vector<model::Json>& values) override;
    ProposedValue propose(const model::Json& current) const override;
    bool isEditing() const override;
    void showError(const QString& reason) override;
    void clearError() override;
    bool hasError() const override;

    /// The object with every field at its default.
    model::Json defaults() const;

protected:
    QList<QWidget*> inputs() const override;
    QWidget* errorInput() const override;

private:
    QCheckBox* enabled_ = nullptr;
    QWidget* fieldsBox_ = nullptr;
    QFormLayout* form_ = nullptr; ///< the fields' rows (hidden when they do not apply)
    std::vector<ParamEditor*> fields_;
    std::vector<std::vector<model::Json>> shownFields_; ///< per field: the values last shown
    ParamEditor* lastEdited_ = nullptr;                 ///< nullptr: the check box
    bool shownEnabled_ = false;
};

/// The editor for `spec.kind`: Integer and Number → NumberEditor, Choice → ChoiceEditor,
/// Duration and Latency → DistributionEditor, Object → ObjectEditor.
ParamEditor* createParamEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

/// True when all `values` are equal (and there is at least one).
bool allEqual(const std::vector<model::Json>& values);

} // namespace sdlab::widgets
