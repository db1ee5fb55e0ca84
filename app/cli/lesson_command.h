#pragma once

#include <QStringList>

namespace sdlab::cli {

/// `sdlab lesson check LESSON [DESIGN] [--step N] [--json]`. With DESIGN: grades it against
/// the task of step N (default: the last step with a task) — exit 0 passed, 1 failed. Without:
/// checks the lesson itself — every task's starting design fails and its solution passes.
/// Exit 2 for bad input (the message names the file, step and field).
int lessonCommand(const QStringList& arguments);

} // namespace sdlab::cli
