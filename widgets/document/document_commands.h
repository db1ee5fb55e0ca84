#pragma once

#include "document.h"
#include "model/scenario.h"

#include <QHash>
#include <QUndoCommand>
#include <vector>

namespace sdlab::widgets {

/// Merge ids: continuous edits of the same kind fold into one undo step.
enum CommandId { MoveComponentsId = 1, ChangeParamId };

class AddComponentCommand : public QUndoCommand {
public:
    AddComponentCommand(Document* doc, model::ComponentSpec spec);
    void redo() override;
    void undo() override;

private:
    Document* doc_;
    model::ComponentSpec spec_;
    int index_;
};

class AddLinkCommand : public QUndoCommand {
public:
    AddLinkCommand(Document* doc, model::LinkSpec spec);
    void redo() override;
    void undo() override;

private:
    Document* doc_;
    model::LinkSpec spec_;
    int index_;
};

/// Removes components and links; undo puts each back at its old position in the file.
class RemoveItemsCommand : public QUndoCommand {
public:
    RemoveItemsCommand(Document* doc, std::vector<int> componentIndexes,
                       std::vector<int> linkIndexes);
    void redo() override;
    void undo() override;

private:
    Document* doc_;
    std::vector<int> componentIndexes_; ///< ascending
    std::vector<int> linkIndexes_;      ///< ascending
    std::vector<model::ComponentSpec> components_;
    std::vector<model::LinkSpec> links_;
};

/// Adds (or, with `insert` false, removes) a zone at an index of the zone list.
class ZoneCommand : public QUndoCommand {
public:
    ZoneCommand(Document* doc, model::ZoneSpec zone, int index, bool insert);
    void redo() override;
    void undo() override;

private:
    void apply(bool insert);
    Document* doc_;
    model::ZoneSpec zone_;
    int index_;
    bool insert_;
};

class ChangeSettingsCommand : public QUndoCommand {
public:
    ChangeSettingsCommand(Document* doc, ScenarioSettings before, ScenarioSettings after);
    void redo() override { doc_->applySettings(after_); }
    void undo() override { doc_->applySettings(before_); }

private:
    Document* doc_;
    ScenarioSettings before_, after_;
};

/// Sets the scheduled faults and load changes (kept in step with renames and removals).
class ScheduleCommand : public QUndoCommand {
public:
    ScheduleCommand(Document* doc, model::Schedule before, model::Schedule after)
        : doc_(doc)
        , before_(std::move(before))
        , after_(std::move(after)) {}
    void redo() override { doc_->setSchedule(after_); }
    void undo() override { doc_->setSchedule(before_); }

private:
    Document* doc_;
    model::Schedule before_, after_;
};

/// Swaps the whole scenario (a lesson's design); undo brings the previous one back.
class ReplaceScenarioCommand : public QUndoCommand {
public:
    ReplaceScenarioCommand(Document* doc, const QString& text, model::Scenario before,
                           model::Scenario after)
        : QUndoCommand(text)
        , doc_(doc)
        , before_(std::move(before))
        , after_(std::move(after)) {}
    void redo() override { doc_->setScenario(after_); }
    void undo() override { doc_->setScenario(before_); }

private:
    Document* doc_;
    model::Scenario before_, after_;
};

class RenameZoneCommand : public QUndoCommand {
public:
    RenameZoneCommand(Document* doc, int index, model::ZoneSpec before, model::ZoneSpec after);
    void redo() override { doc_->replaceZone(index_, after_); }
    void undo() override { doc_->replaceZone(index_, before_); }

private:
    Document* doc_;
    int index_;
    model::ZoneSpec before_, after_;
};

/// Replaces components' and links' specs with new versions (parameters, labels, positions,
/// renames); mergeable when `mergeKey` is not empty and matches the previous command's.
class ChangeItemsCommand : public QUndoCommand {
public:
    struct ComponentChange {
        int index;
        model::ComponentSpec before, after;
    };
    struct LinkChange {
        int index;
        model::LinkSpec before, after;
    };
    ChangeItemsCommand(Document* doc, QString text, std::vector<ComponentChange> components,
                       std::vector<LinkChange> links, int id = -1, QString mergeKey = {},
                       bool open = false);
    void redo() override;
    void undo() override;
    int id() const override { return id_; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* doc_;
    std::vector<ComponentChange> components_;
    std::vector<LinkChange> links_;
    int id_;
    QString mergeKey_;
    bool open_; ///< a continuous edit in progress: the next one with the same key joins it
};

} // namespace sdlab::widgets
