#pragma once

#include <QPalette>

namespace sdlab::widgets {

/// Colours for a projector: pure white (or, in a dark room, pure black) behind near-black (or
/// white) text, no pale greys for secondary text, a saturated highlight. Projectors wash out
/// light tints and low-contrast text first; these survive.
QPalette projectorPalette(bool dark);

} // namespace sdlab::widgets
