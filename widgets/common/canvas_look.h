#pragma once

#include <QtGlobal>

namespace sdlab::widgets::look {

/// How boldly the canvas draws. Normally 1 and off; presentation mode thickens every stroke
/// (cards' borders, links and their arrows, packets, overlay bars) and turns translucent ink
/// opaque, so that the diagram reads on a projector from the back of a room.
struct CanvasLook {
    qreal stroke = 1;          ///< multiplies pen widths and arrow sizes
    qreal dots = 1;            ///< multiplies packets' dots (less: busy links would merge)
    bool highContrast = false; ///< links and other translucent ink drawn opaque
};

const CanvasLook& canvasLook();
void setCanvasLook(const CanvasLook& look);
/// A pen width as the current look draws it.
inline qreal stroke(qreal width) {
    return width * canvasLook().stroke;
}

} // namespace sdlab::widgets::look
