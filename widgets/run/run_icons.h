#pragma once

#include <QIcon>

namespace sdlab::widgets {

enum class RunGlyph { Play, Pause, StepEvent, StepTime };

/// The run controls' icons, drawn in `colour` (the theme's text colour): the style's stock
/// media icons are black, unreadable on the dark theme.
QIcon runIcon(RunGlyph glyph, const QColor& colour);

} // namespace sdlab::widgets
