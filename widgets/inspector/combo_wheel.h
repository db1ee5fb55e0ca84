#pragma once

class QComboBox;

namespace sdlab::widgets {

/// Lets the mouse wheel scroll the inspector instead of changing a combo box it passes over:
/// the combo only takes the wheel once it has focus (a click or Tab gives it).
void ignoreWheelUnlessFocused(QComboBox* combo);

} // namespace sdlab::widgets
