#include "inspector_widget.h"

#include "field_validity.h"
#include "inspector_header.h"
#include "model/param_check.h"
#include "model/scenario_error.h"
#include "number_field.h"
#include "param_editor.h"
#include "param_text.h"

#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace sdlab::widgets {

namespace {

QString fromStd(const std::string& s) {
    return QString::fromStdString(s);
}

model::Json paramValue(const model::Json& params, const model::ParamSpec& spec) {
    const auto it = params.find(spec.name);
    return it == params.end() ? spec.defaultValue : *it;
}

/// The parameters every type in `types` has, with the same name and kind, in the first
/// type's order.
std::vector<model::ParamSpec> commonParams(const std::vector<const model::ComponentType*>& types) {
    std::vector<model::ParamSpec> common;
    for (const auto& spec : types.front()->params) {
        const bool shared = std::all_of(types.begin(), types.end(), [&](const auto* t) {
            return std::any_of(t->params.begin(), t->params.end(), [&](const auto& p) {
                return p.name == spec.name && p.kind == spec.kind;
            });
        });
        if (shared) common.push_back(spec);
    }
    return common;
}

QFormLayout* createForm() {
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    return form;
}

/// A label for a form row, lined up with the first line of a field.
QLabel* rowLabel(const QString& text, const QString& toolTip, QWidget* buddy) {
    auto* label = new QLabel(text);
    label->setToolTip(toolTip);
    label->setBuddy(buddy);
    // The fields are a line edit's height; centre the label on that first line.
    const int fieldHeight = QLineEdit().sizeHint().height();
    label->setMinimumHeight(fieldHeight);
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    label->setMaximumHeight(fieldHeight);
    return label;
}

} // namespace

InspectorWidget::InspectorWidget(Document* document, QWidget* parent)
    : QWidget(parent)
    , doc_(document)
    , scroll_(new QScrollArea(this)) {
    setObjectName(QStringLiteral("inspector"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll_);

    connect(doc_, &Document::reset, this, &InspectorWidget::showNothing);
    connect(doc_, &Document::componentRemoved, this, &InspectorWidget::onComponentRemoved);
    connect(doc_, &Document::componentAdded, this, &InspectorWidget::onComponentAdded);
    connect(doc_, &Document::componentChanged, this, &InspectorWidget::onComponentChanged);
    connect(doc_, &Document::linkRemoved, this, &InspectorWidget::onLinkRemoved);
    connect(doc_, &Document::linkAdded, this, &InspectorWidget::onLinkAdded);
    connect(doc_, &Document::linkChanged, this, &InspectorWidget::onLinkChanged);
    connect(doc_, &Document::changed, this, &InspectorWidget::onChanged);
    rebuild();
}

InspectorWidget::~InspectorWidget() = default;

std::optional<LinkKey> InspectorWidget::shownLink() const {
    if (mode_ != Mode::Link) return std::nullopt;
    return link_;
}

// --- selection ------------------------------------------------------------------------------

void InspectorWidget::showComponents(const QStringList& ids) {
    if (renaming_) return; // see applyId()
    QStringList existing;
    for (const auto& id : ids)
        if (doc_->scenario().indexOf(id.toStdString()) >= 0 && !existing.contains(id))
            existing << id;
    if (existing.isEmpty()) {
        showNothing();
        return;
    }
    QStringList sortedNew = existing, sortedOld = ids_;
    sortedNew.sort();
    sortedOld.sort();
    if (mode_ == Mode::Components && sortedNew == sortedOld) {
        refreshValues(); // same selection: keep the widgets (and whatever the user is typing)
        return;
    }
    mode_ = Mode::Components;
    ids_ = existing;
    rebuild();
}

void InspectorWidget::showLink(const LinkKey& link) {
    if (renaming_) return;
    if (doc_->linkIndex(link) < 0) {
        showNothing();
        return;
    }
    if (mode_ == Mode::Link && link_ == link) {
        refreshValues();
        return;
    }
    mode_ = Mode::Link;
    link_ = link;
    ids_.clear();
    rebuild();
}

void InspectorWidget::clear() {
    if (renaming_) return;
    showNothing();
}

void InspectorWidget::showNothing() {
    const bool wasEmpty = mode_ == Mode::Empty && scroll_->widget();
    mode_ = Mode::Empty;
    ids_.clear();
    link_ = {};
    pendingRemovedId_.clear();
    pendingRemovedLink_.reset();
    if (!wasEmpty) rebuild();
}

// --- building ---------------------------------------------------------------------------------

void InspectorWidget::rebuild() {
    editors_.clear();
    shownValues_.clear();
    form_ = nullptr;
    header_ = nullptr;
    idEdit_ = nullptr;
    idError_ = nullptr;
    labelEdit_ = nullptr;
    idEditing_ = labelEditing_ = false;

    if (QWidget* old = scroll_->takeWidget()) {
        // Hiding a focused field emits editingFinished; it must not reach the new selection.
        for (QObject* child : old->findChildren<QObject*>())
            child->blockSignals(true);
        old->hide();
        old->deleteLater(); // we may be inside one of its signals
    }
    QWidget* content = mode_ == Mode::Components ? buildComponents()
                       : mode_ == Mode::Link     ? buildLink()
                                                 : buildEmpty();
    content->setObjectName(QStringLiteral("inspectorContent"));
    // One column for units, so that the number fields end at the same place.
    const auto fields = content->findChildren<NumberField*>();
    int unitWidth = 0;
    for (const auto* f : fields)
        unitWidth = std::max(unitWidth, f->unitWidth());
    for (auto* f : fields)
        f->setUnitWidth(unitWidth);
    scroll_->setWidget(content);
    refreshValues();
}

QWidget* InspectorWidget::buildEmpty() {
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 24, 24, 24);
    auto* hint = new QLabel(tr("Select a component or link to edit it.") + QStringLiteral("\n\n") +
                                tr("Drag components from the palette; drag from a component's "
                                   "handle to another to connect them."),
                            content);
    hint->setObjectName(QStringLiteral("inspectorHint"));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignCenter);
    makeSecondary(hint);
    layout->addStretch(1);
    layout->addWidget(hint);
    layout->addStretch(2);
    return content;
}

QWidget* InspectorWidget::buildComponents() {
    const auto& sc = doc_->scenario();
    std::vector<const model::ComponentType*> types;
    for (const auto& id : ids_) {
        const auto& c = sc.components[std::size_t(sc.indexOf(id.toStdString()))];
        if (const auto* t = model::findComponentType(c.type)) types.push_back(t);
    }
    if (types.empty()) return buildEmpty();
    const bool sameType =
        std::all_of(types.begin(), types.end(), [&](const auto* t) { return t == types.front(); });
    const bool single = ids_.size() == 1;

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 14, 14, 14);
    layout->setSpacing(10);

    const QIcon icon =
        sameType ? QIcon(QStringLiteral(":/icons/%1.svg").arg(fromStd(types.front()->name)))
                 : QIcon();
    header_ = new InspectorHeader(
        icon, sameType ? schemaText(types.front()->title) : tr("Components"), content);
    if (single) {
        header_->setHelp(schemaText(types.front()->help));
    } else {
        header_->setHelp(tr("Only the parameters they share are shown. “(mixed)” marks "
                            "different values; a value typed there goes to all of them."));
    }
    layout->addWidget(header_);

    auto* form = createForm();
    if (single) {
        auto* idBox = new QWidget(content);
        auto* idLayout = new QVBoxLayout(idBox);
        idLayout->setContentsMargins(0, 0, 0, 0);
        idLayout->setSpacing(3);
        idEdit_ = new QLineEdit(idBox);
        idEdit_->setObjectName(QStringLiteral("component_id"));
        const QString idTip = tr("The name links, results and files use: letters, digits, "
                                 "'_', '-' and '.'. Press Enter to rename.");
        setFieldToolTip(idEdit_, idTip);
        idError_ = createErrorLabel(idBox);
        idLayout->addWidget(idEdit_);
        idLayout->addWidget(idError_);
        form->addRow(rowLabel(tr("Id"), idTip, idEdit_), idBox);
        connect(idEdit_, &QLineEdit::textEdited, this, [this] {
            idEditing_ = true;
            markFieldValid(idEdit_); // the old reason is about the old text
            showError(idError_, QString());
        });
        connect(idEdit_, &QLineEdit::editingFinished, this, &InspectorWidget::applyId);

        labelEdit_ = new QLineEdit(content);
        labelEdit_->setObjectName(QStringLiteral("component_label"));
        labelEdit_->setPlaceholderText(tr("(none)"));
        const QString labelTip = tr("A caption for people, shown on the canvas; the simulation "
                                    "ignores it.");
        labelEdit_->setToolTip(labelTip);
        form->addRow(rowLabel(tr("Label"), labelTip, labelEdit_), labelEdit_);
        connect(labelEdit_, &QLineEdit::textEdited, this, [this] {
            labelEditing_ = true;
            applyLabel();
        });
        connect(labelEdit_, &QLineEdit::editingFinished, this, [this] {
            labelEditing_ = false;
            applyLabel();
        });
    }
    const auto params = commonParams(types);
    form->addRow(createSectionTitle(params.empty() ? tr("No shared parameters") : tr("Parameters"),
                                    content));
    addParamRows(form, params, false);
    layout->addLayout(form);
    layout->addStretch(1);
    return content;
}

QWidget* InspectorWidget::buildLink() {
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 14, 14, 14);
    layout->setSpacing(10);
    header_ =
        new InspectorHeader(QIcon(QStringLiteral(":/icons/connect.svg")), tr("Link"), content);
    header_->setHelp(tr("Each request sent along this link waits its latency on the way. "
                        "The weight sets its share when the sender splits traffic by weight."));
    layout->addWidget(header_);
    auto* form = createForm();
    form->addRow(createSectionTitle(tr("Parameters"), content));
    addParamRows(form, model::linkParams(), true);
    layout->addLayout(form);
    layout->addStretch(1);
    return content;
}

void InspectorWidget::addParamRows(QFormLayout* form, const std::vector<model::ParamSpec>& specs,
                                   bool link) {
    form_ = form;
    for (const auto& spec : specs) {
        ParamEditor* editor = createParamEditor(spec);
        form->addRow(rowLabel(paramTitle(spec), paramToolTip(spec), editor), editor);
        editors_.push_back(editor);
        shownValues_.emplace_back();
        connect(editor, &ParamEditor::edited, this, [this, editor, link](bool finished) {
            if (link)
                applyLinkParam(editor, finished);
            else
                applyComponentParam(editor, finished);
        });
    }
}

// --- showing values ---------------------------------------------------------------------------

void InspectorWidget::refreshValues() {
    if (mode_ == Mode::Empty) return;
    const auto& sc = doc_->scenario();
    refreshing_ = true;
    std::vector<const model::Json*> params;
    if (mode_ == Mode::Components) {
        for (const auto& id : ids_)
            if (const int i = sc.indexOf(id.toStdString()); i >= 0)
                params.push_back(&sc.components[std::size_t(i)].params);
        if (ids_.size() > 1 && header_)
            header_->setSubtitle(
                tr("%n selected: %1", "", int(ids_.size())).arg(ids_.join(QStringLiteral(", "))));
        if (ids_.size() == 1 && !params.empty()) {
            const auto& c = sc.components[std::size_t(sc.indexOf(ids_.front().toStdString()))];
            // A refused id stays on show until the user changes it.
            if (idEdit_ && !idEditing_ && !isFieldInvalid(idEdit_)) idEdit_->setText(ids_.front());
            if (labelEdit_ && !labelEditing_ && labelEdit_->text() != fromStd(c.label))
                labelEdit_->setText(fromStd(c.label));
        }
    } else if (const int i = doc_->linkIndex(link_); i >= 0) {
        params.push_back(&sc.links[std::size_t(i)].params);
        if (header_) header_->setSubtitle(tr("%1 → %2").arg(link_.from, link_.to));
    }
    for (std::size_t e = 0; e < editors_.size(); ++e) {
        std::vector<model::Json> values;
        bool applies = false;
        for (const auto* p : params) {
            values.push_back(paramValue(*p, editors_[e]->spec()));
            applies = applies || model::paramApplies(editors_[e]->spec(), *p);
        }
        // Rows that matter for none of the items (a closed loop's rate) are hidden.
        if (form_ && !editors_[e]->isEditing()) form_->setRowVisible(editors_[e], applies);
        // A refused value stays on show, with its reason, until the model value changes.
        if (editors_[e]->hasError() && values == shownValues_[e]) continue;
        shownValues_[e] = values;
        editors_[e]->setValues(values);
    }
    refreshing_ = false;
}

// --- applying edits ---------------------------------------------------------------------------

void InspectorWidget::applyComponentParam(ParamEditor* editor, bool finished) {
    if (refreshing_ || applying_) return;
    const auto& sc = doc_->scenario();
    const std::string name = editor->spec().name;
    // The value for each item; items that end up with the same value form one group.
    std::vector<std::pair<QStringList, model::Json>> groups;
    bool changes = false;
    for (const auto& id : ids_) {
        const int i = sc.indexOf(id.toStdString());
        if (i < 0) continue;
        const auto& c = sc.components[std::size_t(i)];
        const model::Json current = paramValue(c.params, editor->spec());
        const auto proposed = editor->propose(current);
        if (proposed.kind == ProposedValue::Nothing) return;
        if (proposed.kind == ProposedValue::Invalid) {
            editor->showError(proposed.reason);
            return;
        }
        // Check each item first: an edit is all or nothing, and a refused one pushes nothing.
        auto params = c.params;
        params[name] = proposed.value;
        try {
            model::checkComponentParams(*model::findComponentType(c.type), params, c.id);
        } catch (const model::ScenarioError& e) {
            editor->showError(QString::fromStdString(e.what()));
            return;
        }
        changes = changes || proposed.value != current;
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& group) { return group.second == proposed.value; });
        if (g == groups.end())
            groups.push_back({{id}, proposed.value});
        else
            g->first << id;
    }
    if (groups.empty()) return;
    // Items that keep some of their own values ("(mixed)" parts) need one call each; that
    // happens on Enter, not at every key.
    if (changes && groups.size() > 1 && !finished) return;

    QString reason;
    bool ok = true;
    if (changes) {
        applying_ = true;
        // Keys typed in a row merge into one undo step (the Document merges them); a pick from
        // a list or a value applied on Enter is a step of its own, which the macro ensures.
        if (finished)
            doc_->undoStack()->beginMacro(tr("Change %1").arg(QString::fromStdString(name)));
        for (const auto& [ids, value] : groups)
            ok = doc_->setComponentParam(ids, QString::fromStdString(name), value, &reason) && ok;
        if (finished) doc_->undoStack()->endMacro();
        applying_ = false;
    }
    if (!ok) {
        editor->showError(reason);
        return;
    }
    editor->clearError();
    if (finished) refreshValues(); // show the value as stored ("1e3" → "1000")
}

void InspectorWidget::applyLinkParam(ParamEditor* editor, bool finished) {
    if (refreshing_ || applying_) return;
    const int i = doc_->linkIndex(link_);
    if (i < 0) return;
    const auto& link = doc_->scenario().links[std::size_t(i)];
    const std::string name = editor->spec().name;
    const model::Json current = paramValue(link.params, editor->spec());
    const auto proposed = editor->propose(current);
    if (proposed.kind == ProposedValue::Nothing) return;
    if (proposed.kind == ProposedValue::Invalid) {
        editor->showError(proposed.reason);
        return;
    }
    auto params = link.params;
    params[name] = proposed.value;
    try {
        model::checkParams(params, model::linkParams(), "link", {}, "a link");
    } catch (const model::ScenarioError& e) {
        editor->showError(QString::fromStdString(e.what()));
        return;
    }
    QString reason;
    bool ok = true;
    if (proposed.value != current) {
        applying_ = true;
        if (finished)
            doc_->undoStack()->beginMacro(tr("Change %1").arg(QString::fromStdString(name)));
        ok = doc_->setLinkParam(link_, QString::fromStdString(name), proposed.value, &reason);
        if (finished) doc_->undoStack()->endMacro();
        applying_ = false;
    }
    if (!ok) {
        editor->showError(reason);
        return;
    }
    editor->clearError();
    if (finished) refreshValues();
}

void InspectorWidget::applyId() {
    if (!idEdit_ || !idEditing_ || ids_.size() != 1) return;
    idEditing_ = false;
    const QString oldId = ids_.front();
    const QString newId = idEdit_->text().trimmed();
    QString reason;
    bool ok = true;
    if (newId != oldId) {
        // The Document reports a rename as a removal and an addition, so views that show the
        // selection may drop it on the way; this inspector keeps showing the component it
        // renames (onComponentAdded follows the new id).
        renaming_ = true;
        ok = doc_->renameComponent(oldId, newId, &reason);
        renaming_ = false;
    }
    if (!idEdit_) return;
    if (!ok) {
        markFieldInvalid(idEdit_, reason);
        showError(idError_, reason);
        return;
    }
    markFieldValid(idEdit_);
    showError(idError_, QString());
    refreshValues();
}

void InspectorWidget::applyLabel() {
    if (refreshing_ || !labelEdit_ || ids_.size() != 1) return;
    doc_->setLabel(ids_.front(), labelEdit_->text());
}

// --- following the document ---------------------------------------------------------------

void InspectorWidget::onComponentRemoved(const QString& id) {
    if (mode_ == Mode::Components && ids_.contains(id)) pendingRemovedId_ = id;
}

void InspectorWidget::onComponentAdded(const QString& id) {
    if (pendingRemovedId_.isEmpty()) return;
    // Removed and added in one change: a rename. Keep editing the same component.
    ids_[ids_.indexOf(pendingRemovedId_)] = id;
    pendingRemovedId_.clear();
    if (idEdit_ && !idEditing_) {
        markFieldValid(idEdit_);
        showError(idError_, QString());
    }
    refreshValues();
}

void InspectorWidget::onComponentChanged(const QString& id) {
    if (mode_ == Mode::Components && ids_.contains(id)) refreshValues();
}

void InspectorWidget::onLinkRemoved(const LinkKey& link) {
    if (mode_ == Mode::Link && link == link_) pendingRemovedLink_ = link;
}

void InspectorWidget::onLinkAdded(const LinkKey& link) {
    if (!pendingRemovedLink_) return;
    link_ = link; // an end was renamed
    pendingRemovedLink_.reset();
    refreshValues();
}

void InspectorWidget::onLinkChanged(const LinkKey& link) {
    if (mode_ == Mode::Link && link == link_) refreshValues();
}

void InspectorWidget::onChanged() {
    if (!pendingRemovedId_.isEmpty()) { // really removed
        ids_.removeAll(pendingRemovedId_);
        pendingRemovedId_.clear();
        if (ids_.isEmpty())
            showNothing();
        else
            rebuild(); // the shared parameters may differ now
    }
    if (pendingRemovedLink_) showNothing();
}

} // namespace sdlab::widgets
