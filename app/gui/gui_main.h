#pragma once

namespace sdlab::gui {

/// The editor's entry point: parses the GUI options, makes the QApplication and runs it.
int guiMain(int argc, char* argv[]);

} // namespace sdlab::gui
