#pragma once

namespace sdlab::widgets {

/// Registers the icons and bundled examples compiled into this static library (a linker
/// would otherwise drop their unreferenced registration code). Call once, after QApplication.
void initResources();

} // namespace sdlab::widgets
