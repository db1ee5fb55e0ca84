#pragma once

#include "model/scenario.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace sdlab::widgets {

/// How a component type looks: its icon (resources/icons/<type>.svg), its palette category
/// and that category's colour. One place, so the palette, the canvas and the inspector agree.
namespace style {

QString iconPath(const QString& type);
QIcon icon(const QString& type);
QColor categoryColor(const QString& category);
QColor typeColor(const QString& type);
/// The type's title for people ("Load balancer"), from the core's type table.
QString title(const QString& type);
/// One line saying what matters most about a component ("8 workers · 2 ms").
QString summary(const model::ComponentSpec& spec);
/// A duration parameter as people read it ("exp 10 ms", "2–8 ms").
QString durationText(const model::Json& value);

/// The palette's categories in display order.
const QStringList& categories();

} // namespace style
} // namespace sdlab::widgets
