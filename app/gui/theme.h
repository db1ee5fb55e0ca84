#pragma once

#include <QString>

namespace sdlab::gui {

enum class Theme { System, Light, Dark };

/// Applies a theme to the whole application: the system's own palette, or the Fusion style
/// with a light or dark palette (for projectors and dark rooms whatever the desktop says).
void applyTheme(Theme theme);
Theme themeFromName(const QString& name); ///< "system", "light", "dark"
QString themeName(Theme theme);

} // namespace sdlab::gui
