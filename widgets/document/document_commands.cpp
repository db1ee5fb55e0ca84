#include "document_commands.h"

#include <QCoreApplication>

namespace sdlab::widgets {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("DocumentCommands", text);
}
} // namespace

AddComponentCommand::AddComponentCommand(Document* doc, model::ComponentSpec spec)
    : QUndoCommand(tr("Add %1").arg(QString::fromStdString(spec.id)))
    , doc_(doc)
    , spec_(std::move(spec))
    , index_(int(doc->scenario().components.size())) {}

void AddComponentCommand::redo() {
    doc_->insertComponentAt(index_, spec_);
}

void AddComponentCommand::undo() {
    doc_->takeComponentAt(index_);
}

AddLinkCommand::AddLinkCommand(Document* doc, model::LinkSpec spec)
    : QUndoCommand(tr("Connect %1 → %2")
                       .arg(QString::fromStdString(spec.from), QString::fromStdString(spec.to)))
    , doc_(doc)
    , spec_(std::move(spec))
    , index_(int(doc->scenario().links.size())) {}

void AddLinkCommand::redo() {
    doc_->insertLinkAt(index_, spec_);
}

void AddLinkCommand::undo() {
    doc_->takeLinkAt(index_);
}

RemoveItemsCommand::RemoveItemsCommand(Document* doc, std::vector<int> componentIndexes,
                                       std::vector<int> linkIndexes)
    : QUndoCommand(tr("Delete"))
    , doc_(doc)
    , componentIndexes_(std::move(componentIndexes))
    , linkIndexes_(std::move(linkIndexes)) {}

void RemoveItemsCommand::redo() {
    // Links first (they name the components), highest index first so the others stay put.
    links_.clear();
    components_.clear();
    for (auto i = linkIndexes_.rbegin(); i != linkIndexes_.rend(); ++i)
        links_.insert(links_.begin(), doc_->takeLinkAt(*i));
    for (auto i = componentIndexes_.rbegin(); i != componentIndexes_.rend(); ++i)
        components_.insert(components_.begin(), doc_->takeComponentAt(*i));
}

void RemoveItemsCommand::undo() {
    for (std::size_t k = 0; k < componentIndexes_.size(); ++k)
        doc_->insertComponentAt(componentIndexes_[k], components_[k]);
    for (std::size_t k = 0; k < linkIndexes_.size(); ++k)
        doc_->insertLinkAt(linkIndexes_[k], links_[k]);
}

ZoneCommand::ZoneCommand(Document* doc, model::ZoneSpec zone, int index, bool insert)
    : QUndoCommand(
          (insert ? tr("Add zone %1") : tr("Delete zone %1")).arg(QString::fromStdString(zone.id)))
    , doc_(doc)
    , zone_(std::move(zone))
    , index_(index)
    , insert_(insert) {}

void ZoneCommand::apply(bool insert) {
    if (insert)
        doc_->insertZoneAt(index_, zone_);
    else
        zone_ = doc_->takeZoneAt(index_);
}

void ZoneCommand::redo() {
    apply(insert_);
}

void ZoneCommand::undo() {
    apply(!insert_);
}

ChangeSettingsCommand::ChangeSettingsCommand(Document* doc, ScenarioSettings before,
                                             ScenarioSettings after)
    : QUndoCommand(tr("Change scenario settings"))
    , doc_(doc)
    , before_(std::move(before))
    , after_(std::move(after)) {}

RenameZoneCommand::RenameZoneCommand(Document* doc, int index, model::ZoneSpec before,
                                     model::ZoneSpec after)
    : QUndoCommand(tr("Rename zone"))
    , doc_(doc)
    , index_(index)
    , before_(std::move(before))
    , after_(std::move(after)) {}

ChangeItemsCommand::ChangeItemsCommand(Document* doc, QString text,
                                       std::vector<ComponentChange> components,
                                       std::vector<LinkChange> links, int id, QString mergeKey,
                                       bool open)
    : QUndoCommand(std::move(text))
    , doc_(doc)
    , components_(std::move(components))
    , links_(std::move(links))
    , id_(id)
    , mergeKey_(std::move(mergeKey))
    , open_(open) {}

void ChangeItemsCommand::redo() {
    for (const auto& c : components_)
        doc_->replaceComponent(c.index, c.after);
    for (const auto& l : links_)
        doc_->replaceLink(l.index, l.after);
}

void ChangeItemsCommand::undo() {
    for (auto c = components_.rbegin(); c != components_.rend(); ++c)
        doc_->replaceComponent(c->index, c->before);
    for (auto l = links_.rbegin(); l != links_.rend(); ++l)
        doc_->replaceLink(l->index, l->before);
}

bool ChangeItemsCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const ChangeItemsCommand*>(other);
    if (!open_ || mergeKey_.isEmpty() || o->mergeKey_ != mergeKey_ ||
        o->components_.size() != components_.size() || o->links_.size() != links_.size())
        return false;
    for (std::size_t k = 0; k < components_.size(); ++k)
        components_[k].after = o->components_[k].after;
    for (std::size_t k = 0; k < links_.size(); ++k)
        links_[k].after = o->links_[k].after;
    open_ = o->open_; // a closing edit (Enter) ends the step
    return true;
}

} // namespace sdlab::widgets
