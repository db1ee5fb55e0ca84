#pragma once

#include <QHash>
#include <QPointF>
#include <QString>

namespace sdlab::widgets {

enum class Alignment {
    Left,
    HorizontalCentre,
    Right,
    Top,
    VerticalCentre,
    Bottom,
    DistributeHorizontally, ///< equal gaps between left edges, ends fixed
    DistributeVertically,
};

/// New top-left corners for cards (all the same size) so they line up as asked; ids whose
/// position would not change are left out.
QHash<QString, QPointF> align(const QHash<QString, QPointF>& topLefts, Alignment how);

} // namespace sdlab::widgets
