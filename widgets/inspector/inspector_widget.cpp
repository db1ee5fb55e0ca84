#include "inspector_widget.h"

#include "edit_plan.h"
#include "field_validity.h"
#include "inspector_header.h"
#include "model/param_check.h"
#include "number_field.h"
#include "param_editor.h"
#include "param_text.h"
#include "scenario_settings_form.h"
#include "zone_field.h"
#include "zone_form.h"

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

} // namespace

InspectorWidget::InspectorWidget(Document* document, QWidget* parent)
    : QWidget(parent)
    , doc_(document)
    , scroll_(new QScrollArea(this))
    , paramBurst_(document->undoStack(), this)
    , labelBurst_(document->undoStack(), this) {
    setObjectName(QStringLiteral("inspector"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll_);

    connect(doc_, &Document::reset, this, &InspectorWidget::onReset);
    connect(doc_, &Document::componentRemoved, this, &InspectorWidget::onComponentRemoved);
    connect(doc_, &Document::componentRenamed, this, &InspectorWidget::onComponentRenamed);
    connect(doc_, &Document::componentChanged, this, &InspectorWidget::onComponentChanged);
    connect(doc_, &Document::linkRemoved, this, &InspectorWidget::onLinkRemoved);
    connect(doc_, &Document::linkAdded, this, &InspectorWidget::onLinkAdded);
    connect(doc_, &Document::linkChanged, this, &InspectorWidget::onLinkChanged);
    connect(doc_, &Document::changed, this, &InspectorWidget::onChanged);
    // Before any zone page connects: a zone that went away is gone from the inspector first.
    connect(doc_, &Document::zonesChanged, this, &InspectorWidget::onZonesChanged);
    rebuild();
}

InspectorWidget::~InspectorWidget() {
    // A focused field with typed text emits editingFinished as it is destroyed, after our
    // members are gone: nothing it says may reach us now.
    if (QWidget* content = scroll_->widget())
        for (QObject* child : content->findChildren<QObject*>())
            child->blockSignals(true);
}

std::optional<LinkKey> InspectorWidget::shownLink() const {
    if (mode_ != Mode::Link) return std::nullopt;
    return link_;
}

// --- selection ------------------------------------------------------------------------------

void InspectorWidget::showComponents(const QStringList& ids) {
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
    zoneId_.clear();
    rebuild();
}

void InspectorWidget::showLink(const LinkKey& link) {
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
    zoneId_.clear();
    rebuild();
}

void InspectorWidget::showZone(const QString& zoneId) {
    if (doc_->scenario().zoneIndexOf(zoneId.toStdString()) < 0) {
        showNothing();
        return;
    }
    if (mode_ == Mode::Zone && zoneId_ == zoneId) {
        if (zoneForm_) zoneForm_->refresh(); // keep the widgets (and what is typed in them)
        return;
    }
    mode_ = Mode::Zone;
    zoneId_ = zoneId;
    ids_.clear();
    link_ = {};
    pendingRemovedLink_.reset();
    rebuild();
}

void InspectorWidget::clear() {
    showNothing();
}

void InspectorWidget::showNothing() {
    const bool wasEmpty = mode_ == Mode::Empty && scroll_->widget();
    mode_ = Mode::Empty;
    ids_.clear();
    link_ = {};
    zoneId_.clear();
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
    zoneField_ = nullptr;
    zoneForm_ = nullptr;
    idEditing_ = labelEditing_ = false;
    // A field left while typing keeps what it applied: valid text is stored as typed, and
    // refused text already took its burst back (applyParam). Nothing is pushed from here, as
    // this may run inside a Document signal.
    paramBurst_.forget();
    labelBurst_.forget();
    burstEditor_ = nullptr;

    if (QWidget* old = scroll_->widget()) {
        // Taking a focused field away emits editingFinished; it must not reach the new
        // selection, so the signals are blocked first.
        for (QObject* child : old->findChildren<QObject*>())
            child->blockSignals(true);
        scroll_->takeWidget();
        old->hide();
        old->deleteLater(); // we may be inside one of its signals
    }
    if (mode_ == Mode::Zone) zoneForm_ = new ZoneForm(doc_, zoneId_);
    QWidget* content = mode_ == Mode::Components ? buildComponents()
                       : mode_ == Mode::Link     ? buildLink()
                       : mode_ == Mode::Zone     ? static_cast<QWidget*>(zoneForm_)
                                                 : new ScenarioSettingsForm(doc_);
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

QWidget* InspectorWidget::buildComponents() {
    const auto& sc = doc_->scenario();
    std::vector<const model::ComponentType*> types;
    for (const auto& id : ids_) {
        const auto& c = sc.components[std::size_t(sc.indexOf(id.toStdString()))];
        if (const auto* t = model::findComponentType(c.type)) types.push_back(t);
    }
    if (types.empty()) {
        mode_ = Mode::Empty;
        ids_.clear();
        return new ScenarioSettingsForm(doc_);
    }
    const bool sameType =
        std::all_of(types.begin(), types.end(), [&](const auto* t) { return t == types.front(); });

    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 14, 14, 14);
    layout->setSpacing(10);

    const QIcon icon =
        sameType ? QIcon(QStringLiteral(":/icons/%1.svg").arg(fromStd(types.front()->name)))
                 : QIcon();
    header_ = new InspectorHeader(
        icon, sameType ? schemaText(types.front()->title) : tr("Components"), content);
    if (ids_.size() == 1) {
        header_->setHelp(schemaText(types.front()->help));
    } else {
        header_->setHelp(tr("Only the parameters they share are shown. “(mixed)” marks "
                            "different values; a value typed there goes to all of them."));
    }
    layout->addWidget(header_);

    QFormLayout* form = createInspectorForm();
    addIdentityRows(form, content);
    const auto params = commonParams(types);
    form->addRow(createSectionTitle(params.empty() ? tr("No shared parameters") : tr("Parameters"),
                                    content));
    addParamRows(form, params, false);
    layout->addLayout(form);
    layout->addStretch(1);
    return content;
}

void InspectorWidget::addIdentityRows(QFormLayout* form, QWidget* content) {
    if (ids_.size() == 1) {
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
        form->addRow(createRowLabel(tr("Id"), idTip, idEdit_), idBox);
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
        form->addRow(createRowLabel(tr("Label"), labelTip, labelEdit_), labelEdit_);
        connect(labelEdit_, &QLineEdit::textEdited, this, [this] {
            labelEditing_ = true;
            applyLabel(false);
        });
        connect(labelEdit_, &QLineEdit::editingFinished, this, [this] {
            if (!labelEditing_) return; // focus passing through, nothing typed
            labelEditing_ = false;
            applyLabel(true);
        });
    }
    zoneField_ = new ZoneField(doc_, ids_, content);
    form->addRow(createRowLabel(tr("Zone"), ZoneField::toolTipText(), zoneField_), zoneField_);
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
    QFormLayout* form = createInspectorForm();
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
        if (!editor) continue;
        if (spec.kind == model::ParamKind::Object)
            form->addRow(editor); // a titled group of its own, across the form
        else
            form->addRow(createRowLabel(paramTitle(spec), paramToolTip(spec), editor), editor);
        editors_.push_back(editor);
        shownValues_.emplace_back();
        connect(editor, &ParamEditor::edited, this,
                [this, editor, link](bool finished) { applyParam(editor, finished, link); });
    }
}

// --- showing values ---------------------------------------------------------------------------

std::vector<model::Json> InspectorWidget::currentValues(const ParamEditor* editor) const {
    const auto& sc = doc_->scenario();
    std::vector<model::Json> values;
    if (mode_ == Mode::Components) {
        for (const auto& id : ids_)
            if (const int i = sc.indexOf(id.toStdString()); i >= 0)
                values.push_back(paramValue(sc.components[std::size_t(i)].params, editor->spec()));
    } else if (const int i = doc_->linkIndex(link_); mode_ == Mode::Link && i >= 0) {
        values.push_back(paramValue(sc.links[std::size_t(i)].params, editor->spec()));
    }
    return values;
}

void InspectorWidget::refreshHeader() {
    if (!header_) return;
    if (mode_ == Mode::Link) {
        // Labels read better; the ids are what files and results use.
        header_->setSubtitle(
            tr("%1 → %2").arg(doc_->componentName(link_.from), doc_->componentName(link_.to)),
            tr("%1 → %2").arg(link_.from, link_.to));
    } else if (mode_ == Mode::Components && ids_.size() > 1) {
        QStringList names;
        for (const auto& id : ids_)
            names << doc_->componentName(id);
        header_->setSubtitle(
            tr("%n selected: %1", "", int(ids_.size())).arg(names.join(QStringLiteral(", "))),
            ids_.join(QStringLiteral(", ")));
    }
}

void InspectorWidget::refreshValues() {
    // A zone's page follows the Document by itself.
    if (mode_ == Mode::Empty || mode_ == Mode::Zone || applying_) return;
    const auto& sc = doc_->scenario();
    refreshing_ = true;
    refreshHeader();
    std::vector<const model::Json*> params;
    if (mode_ == Mode::Components) {
        for (const auto& id : ids_)
            if (const int i = sc.indexOf(id.toStdString()); i >= 0)
                params.push_back(&sc.components[std::size_t(i)].params);
        if (ids_.size() == 1 && !params.empty()) {
            const auto& c = sc.components[std::size_t(sc.indexOf(ids_.front().toStdString()))];
            // A refused id stays on show until the user changes it.
            if (idEdit_ && !idEditing_ && !isFieldInvalid(idEdit_)) idEdit_->setText(ids_.front());
            if (labelEdit_ && !labelEditing_ && labelEdit_->text() != fromStd(c.label))
                labelEdit_->setText(fromStd(c.label));
        }
        if (zoneField_) zoneField_->refresh();
    } else if (const int i = doc_->linkIndex(link_); i >= 0) {
        params.push_back(&sc.links[std::size_t(i)].params);
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
        if (!params.empty()) editors_[e]->followParams(*params.front());
    }
    refreshing_ = false;
}

// --- applying edits ---------------------------------------------------------------------------

void InspectorWidget::applyParam(ParamEditor* editor, bool finished, bool link) {
    if (refreshing_ || applying_) return;
    applying_ = true;
    // Done typing: take back what this burst stored on the way, so that the final value is
    // judged, and stored, as one step from the value before the burst (or not at all).
    if (finished && burstEditor_ == editor) {
        paramBurst_.revert();
        burstEditor_ = nullptr;
    }
    const EditPlan plan =
        link ? planLinkEdit(*doc_, link_, *editor) : planComponentEdit(*doc_, ids_, *editor);
    QString reason = plan.error;
    bool ok = reason.isEmpty() && !plan.nothing;
    // Text that is no value (yet): the model goes back to where the burst began, so that it
    // only ever holds the field's value or the one before the typing ("1" of "1.5" goes).
    if (!ok && burstEditor_ == editor) paramBurst_.revert();
    // Items that keep some of their own values ("(mixed)" parts) need one call each; that
    // happens on Enter, not at every key.
    if (ok && plan.changes && (finished || plan.groups.size() == 1))
        ok = pushParam(editor, plan, link, !finished, &reason);
    applying_ = false;

    if (plan.incomplete && !finished) {
        editor->clearError(); // say nothing until the user is done
    } else if (!reason.isEmpty()) {
        editor->showError(reason);
        // The model keeps its value; the refused text stays until that value changes.
        const auto e =
            std::size_t(std::find(editors_.begin(), editors_.end(), editor) - editors_.begin());
        if (e < shownValues_.size()) shownValues_[e] = currentValues(editor);
    } else if (!plan.nothing) {
        editor->clearError();
    }
    refreshValues(); // other rows may apply now; after Enter, the value as stored
}

bool InspectorWidget::pushParam(ParamEditor* editor, const EditPlan& plan, bool link,
                                bool continuous, QString* reason) {
    QUndoStack* stack = doc_->undoStack();
    const QString name = QString::fromStdString(editor->spec().name);
    const int before = stack->index();
    bool ok = true;
    // Several groups ("(mixed)" parts kept) are several calls: one step all the same.
    const bool macro = plan.groups.size() > 1;
    if (macro) stack->beginMacro(tr("Change %1").arg(name));
    for (const auto& [ids, value] : plan.groups)
        ok = (link ? doc_->setLinkParam(link_, name, value, reason, continuous)
                   : doc_->setComponentParam(ids, name, value, reason, continuous)) &&
             ok;
    if (macro) stack->endMacro();
    if (continuous) {
        paramBurst_.track(before);
        burstEditor_ = editor;
    } else {
        paramBurst_.forget();
        burstEditor_ = nullptr;
    }
    return ok;
}

void InspectorWidget::applyId() {
    if (!idEdit_ || !idEditing_ || ids_.size() != 1) return;
    idEditing_ = false;
    const QString oldId = ids_.front();
    const QString newId = idEdit_->text().trimmed();
    QString reason;
    // On success componentRenamed follows the new id (onComponentRenamed).
    const bool ok = newId == oldId || doc_->renameComponent(oldId, newId, &reason);
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

void InspectorWidget::applyLabel(bool finished) {
    if (refreshing_ || !labelEdit_ || ids_.size() != 1) return;
    if (finished) { // every key was applied; the step is closed now
        labelBurst_.forget();
        return;
    }
    applying_ = true;
    labelBurst_.revert(); // this key's step replaces the last one's
    const int before = doc_->undoStack()->index();
    doc_->setLabel(ids_.front(), labelEdit_->text());
    labelBurst_.track(before);
    applying_ = false;
    refreshValues();
}

// --- following the document ---------------------------------------------------------------

void InspectorWidget::onReset() {
    // A new scenario: fresh widgets, even for the settings (nothing typed carries over).
    mode_ = Mode::Empty;
    ids_.clear();
    link_ = {};
    zoneId_.clear();
    pendingRemovedLink_.reset();
    rebuild();
}

void InspectorWidget::onComponentRemoved(const QString& id) {
    if (mode_ != Mode::Components || !ids_.contains(id)) return;
    ids_.removeAll(id);
    if (ids_.isEmpty())
        showNothing();
    else
        rebuild(); // the shared parameters may differ now
}

void InspectorWidget::onComponentRenamed(const QString& oldId, const QString& newId) {
    if (mode_ != Mode::Components || !ids_.contains(oldId)) return;
    // The same component under a new name: keep the widgets and whatever is typed in them;
    // componentChanged(newId) follows and refreshes the values.
    ids_[ids_.indexOf(oldId)] = newId;
    if (idEdit_ && !idEditing_) {
        markFieldValid(idEdit_);
        showError(idError_, QString());
    }
    if (zoneField_) zoneField_->setComponents(ids_);
}

void InspectorWidget::onComponentChanged(const QString& id) {
    if (applying_) return; // refreshed when our edit is in
    if ((mode_ == Mode::Components && ids_.contains(id)) ||
        (mode_ == Mode::Link && (id == link_.from || id == link_.to)))
        refreshValues();
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
    if (applying_) return;
    if (mode_ == Mode::Link && link == link_) refreshValues();
}

void InspectorWidget::onChanged() {
    if (pendingRemovedLink_) showNothing(); // really removed
}

void InspectorWidget::onZonesChanged() {
    // Added, renamed or removed: only a removal (undo of its creation, delete) concerns us.
    if (mode_ == Mode::Zone && doc_->scenario().zoneIndexOf(zoneId_.toStdString()) < 0)
        showNothing();
}

} // namespace sdlab::widgets
