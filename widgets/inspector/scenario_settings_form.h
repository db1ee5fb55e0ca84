#pragma once

#include "document/document.h"
#include "field_validity.h"
#include "inspector_header.h"
#include "model/param_check.h"
#include "model/scenario_error.h"
#include "param_editor.h"
#include "param_text.h"

#include <QCoreApplication>
#include <QFocusEvent>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <functional>
#include <vector>

namespace sdlab::widgets {

/// What the inspector shows when nothing is selected: a short hint, then the scenario's own
/// settings (name, description, seed, duration, warm-up). Each field goes to the Document
/// (one undo step) when the user is done with it: Enter or focus out. A refused number stays
/// in its field, marked with the reason, and changes nothing.
class ScenarioSettingsForm : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(sdlab::widgets::ScenarioSettingsForm)

public:
    /// The numbers, as ParamSpecs so that they get the parameters' editors and tooltips. The
    /// ranges are the file format's; the Document has the last word.
    static const std::vector<model::ParamSpec>& numberSpecs();

    explicit ScenarioSettingsForm(Document* document, QWidget* parent = nullptr);

    /// Shows the Document's values, except in a field the user is typing in and where a
    /// refused number waits for the user (until the stored value changes).
    void refresh();

private:
    /// A text box that reports leaving it: a description has no Enter to finish it.
    class DescriptionEdit : public QPlainTextEdit {
    public:
        using QPlainTextEdit::QPlainTextEdit;
        std::function<void()> finished;

    protected:
        void focusOutEvent(QFocusEvent* event) override;
    };

    static model::Json numberValue(const ScenarioSettings& s, std::size_t i) {
        if (i == 0) return model::Json(static_cast<long long>(s.seed));
        return model::Json(i == 1 ? s.durationS : s.warmupS);
    }

    /// Changes one field of the settings; returns the Document's reason when it refuses.
    QString apply(const std::function<void(ScenarioSettings&)>& change);

    void applyNumber(ParamEditor* editor, bool finished);

    void refuse(ParamEditor* editor, std::size_t i, const QString& reason) {
        editor->showError(reason);
        shown_[i] = numberValue(doc_->settings(), i);
    }

    Document* doc_;
    QLineEdit* name_ = nullptr;
    DescriptionEdit* description_ = nullptr;
    std::vector<ParamEditor*> numbers_; ///< seed, duration, warm-up
    std::vector<model::Json> shown_;    ///< per number: the value last shown
    bool nameEditing_ = false;
};

} // namespace sdlab::widgets