#include "scenario_settings_form.h"

#include <algorithm>

namespace sdlab::widgets {

const std::vector<model::ParamSpec>& ScenarioSettingsForm::numberSpecs() {
    static const std::vector<model::ParamSpec> specs = {
        {"seed",
         model::ParamKind::Integer,
         1,
         0,
         9.007e15,
         "",
         {},
         QT_TRANSLATE_NOOP("sdlab::model",
                           "Seed of the random numbers: the same seed gives the same run, "
                           "another seed another sample of the same system.")},
        {"duration_s",
         model::ParamKind::Number,
         60.0,
         1e-3,
         1e7,
         "s",
         {},
         QT_TRANSLATE_NOOP("sdlab::model", "Simulated time in all, warm-up included.")},
        {"warmup_s",
         model::ParamKind::Number,
         0.0,
         0,
         1e7,
         "s",
         {},
         QT_TRANSLATE_NOOP("sdlab::model",
                           "First part of the run that the results leave out, while queues "
                           "fill up; shorter than the duration.")},
    };
    return specs;
}

ScenarioSettingsForm::ScenarioSettingsForm(Document* document, QWidget* parent)
    : QWidget(parent)
    , doc_(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 14);
    layout->setSpacing(10);
    auto* header =
        new InspectorHeader(QIcon(QStringLiteral(":/icons/sdlab.svg")), tr("Scenario"), this);
    layout->addWidget(header);
    auto* hint = new QLabel(tr("Select a component or link to edit it. Drag components from "
                               "the palette; drag from a component's handle to another to "
                               "connect them."),
                            this);
    hint->setObjectName(QStringLiteral("inspectorHint"));
    hint->setWordWrap(true);
    makeSecondary(hint);
    layout->addWidget(hint);

    QFormLayout* form = createInspectorForm();
    form->addRow(createSectionTitle(tr("Settings"), this));

    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("scenario_name"));
    name_->setPlaceholderText(tr("Untitled"));
    const QString nameTip = tr("A title for people; the file's name stays as it is.");
    name_->setToolTip(nameTip);
    form->addRow(createRowLabel(tr("Name"), nameTip, name_), name_);
    connect(name_, &QLineEdit::textEdited, this, [this] { nameEditing_ = true; });
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (!nameEditing_) return;
        nameEditing_ = false;
        apply([this](ScenarioSettings& s) { s.name = name_->text().toStdString(); });
    });

    description_ = new DescriptionEdit(this);
    description_->setObjectName(QStringLiteral("scenario_description"));
    description_->setPlaceholderText(tr("What the scenario shows (optional)"));
    const QString descriptionTip = tr("Notes for people; applied when you leave the field.");
    description_->setToolTip(descriptionTip);
    description_->setTabChangesFocus(true);
    description_->setMaximumHeight(description_->fontMetrics().lineSpacing() * 6);
    description_->finished = [this] {
        if (!description_->document()->isModified()) return;
        description_->document()->setModified(false);
        apply([this](ScenarioSettings& s) {
            s.description = description_->toPlainText().toStdString();
        });
    };
    form->addRow(createRowLabel(tr("Description"), descriptionTip, description_), description_);

    const QStringList titles = {tr("Seed"), tr("Duration"), tr("Warm-up")};
    for (std::size_t i = 0; i < numberSpecs().size(); ++i) {
        ParamEditor* editor = createParamEditor(numberSpecs()[i], this);
        form->addRow(createRowLabel(titles[int(i)], paramToolTip(numberSpecs()[i]), editor),
                     editor);
        numbers_.push_back(editor);
        shown_.emplace_back();
        connect(editor, &ParamEditor::edited, this,
                [this, editor](bool finished) { applyNumber(editor, finished); });
    }
    layout->addLayout(form);
    layout->addStretch(1);

    connect(doc_, &Document::settingsChanged, this, &ScenarioSettingsForm::refresh);
    connect(doc_, &Document::reset, this, &ScenarioSettingsForm::refresh);
    refresh();
}

void ScenarioSettingsForm::refresh() {
    const ScenarioSettings s = doc_->settings();
    const QString name = QString::fromStdString(s.name);
    if (!nameEditing_ && name_->text() != name) name_->setText(name);
    const QString description = QString::fromStdString(s.description);
    if (!description_->document()->isModified() && description_->toPlainText() != description)
        description_->setPlainText(description);
    for (std::size_t i = 0; i < numbers_.size(); ++i) {
        const model::Json value = numberValue(s, i);
        if (numbers_[i]->hasError() && value == shown_[i]) continue;
        shown_[i] = value;
        numbers_[i]->setValues({value});
    }
}

void ScenarioSettingsForm::DescriptionEdit::focusOutEvent(QFocusEvent* event) {
    QPlainTextEdit::focusOutEvent(event);
    // Blocked while the inspector tears the form down: nothing goes to the Document.
    if (finished && !signalsBlocked()) finished();
}

QString ScenarioSettingsForm::apply(const std::function<void(ScenarioSettings&)>& change) {
    ScenarioSettings s = doc_->settings();
    change(s);
    QString reason;
    if (!doc_->setScenarioSettings(s, &reason) && reason.isEmpty())
        reason = tr("Not a valid setting.");
    return reason;
}

void ScenarioSettingsForm::applyNumber(ParamEditor* editor, bool finished) {
    const std::size_t i =
        std::size_t(std::find(numbers_.begin(), numbers_.end(), editor) - numbers_.begin());
    const model::ParamSpec& spec = numberSpecs()[i];
    const ScenarioSettings before = doc_->settings();
    const auto proposed = editor->propose(numberValue(before, i));
    if (proposed.kind == ProposedValue::Nothing) return;
    if (proposed.kind == ProposedValue::Invalid) {
        if (proposed.incomplete && !finished)
            editor->clearError();
        else
            refuse(editor, i, proposed.reason);
        return;
    }
    model::Json checked;
    try { // the file format's range and kind, with its words
        checked = model::checkParams(model::Json{{spec.name, proposed.value}}, {spec}, "", {},
                                     "a scenario")[spec.name];
    } catch (const model::ScenarioError& e) {
        refuse(editor, i, QString::fromStdString(e.what()));
        return;
    }
    if (!finished) { // applied when the user is done: one step per edit
        editor->clearError();
        return;
    }
    const QString reason = apply([&](ScenarioSettings& s) {
        if (i == 0)
            s.seed = checked.get<std::uint64_t>();
        else
            (i == 1 ? s.durationS : s.warmupS) = checked.get<double>();
    });
    if (!reason.isEmpty()) {
        refuse(editor, i, reason);
        return;
    }
    editor->clearError();
    refresh(); // the value as stored ("1e3" → "1000")
}

} // namespace sdlab::widgets
