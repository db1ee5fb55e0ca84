#pragma once

#include <QObject>
#include <QUndoCommand>
#include <QUndoStack>

namespace sdlab::widgets {

/// The undo step one burst of typing in a field left open (a Document edit marked continuous,
/// or a plain edit the next keystroke replaces). The inspector takes it back when the burst
/// ends on text the model refuses, so that a value only ever typed on the way (the "1" of
/// "1.5") never stays in the model or in the history.
class EditBurst {
public:
    /// Watches `stack` for as long as `context` lives: any other undo, redo or edit that moves
    /// the stack ends the burst (its step is no longer ours to take back).
    EditBurst(QUndoStack* stack, QObject* context);
    EditBurst(const EditBurst&) = delete;
    EditBurst& operator=(const EditBurst&) = delete;

    /// Call after an edit made while typing; `indexBefore` is the stack's index before it.
    /// A new step on top becomes the burst's; a step merged into the burst's keeps it.
    void track(int indexBefore);

    /// Whether the burst's step is the stack's top one, with nothing undone above it and no
    /// macro being built (then it can be taken back).
    bool isOpen() const;

    /// Takes the burst's step back and drops it from the stack: the model is as it was before
    /// the burst and the history shows no trace of it (no redo entry either).
    void revert();

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
