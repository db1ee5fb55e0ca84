#include "run_icons.h"

#include <QPainter>
#include <QPixmap>
#include <QPolygonF>

namespace sdlab::widgets {

QIcon runIcon(RunGlyph glyph, const QColor& colour) {
    constexpr int kSize = 40; // drawn at 2× the toolbar's 20 px: sharp on high-DPI screens
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    // Triangles pointing right, `w` wide, from x; bars `w` wide at x.
    const auto triangle = [&](double x, double w) {
        p.drawPolygon(QPolygonF({QPointF(x, 8), QPointF(x + w, 20), QPointF(x, 32)}));
    };
    const auto bar = [&](double x, double w) { p.drawRect(QRectF(x, 8, w, 24)); };
    switch (glyph) {
    case RunGlyph::Play:
        triangle(10, 22);
        break;
    case RunGlyph::Pause:
        bar(10, 7);
        bar(23, 7);
        break;
    case RunGlyph::StepEvent:
        triangle(8, 18);
        bar(27, 5);
        break;
    case RunGlyph::StepTime:
        triangle(4, 16);
        triangle(20, 16);
        break;
    }
    return QIcon(pixmap);
}

} // namespace sdlab::widgets
