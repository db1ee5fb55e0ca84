#pragma once

#include <QObject>
#include <QUndoCommand>
#include <QUndoStack>

namespace sdlab::widgets {

/// The undo step one burst of typing in a field left open (a Document edit marked continuous,
/// or a plain edit the next keystroke replaces). The inspector takes it back when the burst
/// ends on text the model refuses, so that a value only ever typed on the way (the "1" of
/// "1.5") never stays in the model or in the history.
///
/// Header-only: small, and the inspector is its only user.
class EditBurst {
public:
    /// Watches `stack` for as long as `context` lives: any other undo, redo or edit that moves
    /// the stack ends the burst (its step is no longer ours to take back).
    EditBurst(QUndoStack* stack, QObject* context)
        : stack_(stack) {
        QObject::connect(stack, &QUndoStack::indexChanged, context, [this](int index) {
            if (index != index_) forget();
        });
    }
    EditBurst(const EditBurst&) = delete;
    EditBurst& operator=(const EditBurst&) = delete;

    /// Call after an edit made while typing; `indexBefore` is the stack's index before it.
    /// A new step on top becomes the burst's; a step merged into the burst's keeps it.
    void track(int indexBefore) {
        if (stack_->index() == indexBefore + 1) {
            command_ = stack_->command(indexBefore);
            index_ = stack_->index();
        } else if (!isOpen()) {
            forget();
        }
    }

    /// Whether the burst's step is the stack's top one, with nothing undone above it and no
    /// macro being built (then it can be taken back).
    bool isOpen() const {
        return command_ && stack_->canUndo() && stack_->index() == index_ &&
               stack_->count() == index_ && stack_->command(index_ - 1) == command_;
    }

    /// Takes the burst's step back and drops it from the stack: the model is as it was before
    /// the burst and the history shows no trace of it (no redo entry either).
    void revert() {
        if (isOpen()) {
            // The stack hands out const commands; this one is ours to retire.
            auto* command = const_cast<QUndoCommand*>(command_);
            forget();
            command->undo();
            command->setObsolete(true);
            stack_->undo(); // an obsolete command is deleted, not undone a second time
        }
        forget();
    }

    void forget() {
        command_ = nullptr;
        index_ = -1;
    }

private:
    QUndoStack* stack_;
    const QUndoCommand* command_ = nullptr; ///< compared, never used, unless isOpen()
    int index_ = -1;
};

} // namespace sdlab::widgets
