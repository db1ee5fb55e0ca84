#include "edit_burst.h"

namespace sdlab::widgets {

EditBurst::EditBurst(QUndoStack* stack, QObject* context)
    : stack_(stack) {
    QObject::connect(stack, &QUndoStack::indexChanged, context, [this](int index) {
        if (index != index_) forget();
    });
}

void EditBurst::track(int indexBefore) {
    if (stack_->index() == indexBefore + 1) {
        command_ = stack_->command(indexBefore);
        index_ = stack_->index();
    } else if (!isOpen()) {
        forget();
    }
}

bool EditBurst::isOpen() const {
    return command_ && stack_->canUndo() && stack_->index() == index_ &&
           stack_->count() == index_ && stack_->command(index_ - 1) == command_;
}

void EditBurst::revert() {
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

} // namespace sdlab::widgets
