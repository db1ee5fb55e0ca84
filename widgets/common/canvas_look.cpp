#include "canvas_look.h"

namespace sdlab::widgets::look {

namespace {
CanvasLook current;
} // namespace

const CanvasLook& canvasLook() {
    return current;
}

void setCanvasLook(const CanvasLook& look) {
    current = look;
}

} // namespace sdlab::widgets::look
