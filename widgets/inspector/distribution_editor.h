#pragma once

#include "param_editor.h"

#include <array>

class QComboBox;
class QGridLayout;
class QLabel;

namespace sdlab::widgets {

class NumberField;

/// A Duration or Latency parameter: a combo for the distribution ("param_<name>_dist") and
/// the fields that distribution needs ("param_<name>_mean_ms", "_cv", "_min_ms", "_max_ms").
/// A Latency also offers "fixed", stored as a plain number of ms in the mean field.
/// Switching distributions keeps the mean (uniform: mean ± 50 %), so the value stays valid.
class DistributionEditor : public ParamEditor {
    Q_OBJECT
public:
    explicit DistributionEditor(const model::ParamSpec& spec, QWidget* parent = nullptr);

    void setValues(const std::vector<model::Json>& values) override;
    ProposedValue propose(const model::Json& current) const override;
    bool isEditing() const override;

    /// "fixed" for a plain number, else the value's "dist".
    static QString distOf(const model::Json& value);
    /// `value` turned into distribution `dist` with about the same mean.
    static model::Json convert(const model::Json& value, const QString& dist);

protected:
    QList<QWidget*> inputs() const override;
    QWidget* errorInput() const override;

private:
    struct Field {
        const char* key; ///< "mean_ms", "cv", "min_ms", "max_ms"
        QLabel* caption;
        NumberField* input;
    };
    void showFieldsFor(const QString& dist);
    void setFieldValues(const std::vector<model::Json>& values);

    QComboBox* combo_;
    std::array<Field, 4> fields_{};
    QString shownDist_; ///< the dist the fields show; empty when the items' dists differ
    /// The input the user changed last: the combo or one of the fields.
    mutable QWidget* lastChanged_ = nullptr; // propose() points it at a bad field
};

} // namespace sdlab::widgets
