#include "projector_palette.h"

namespace sdlab::widgets {

QPalette projectorPalette(bool dark) {
    const QColor back = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
    const QColor ink = dark ? QColor(255, 255, 255) : QColor(0x0B, 0x0B, 0x0B);
    const QColor second = dark ? QColor(0xE2, 0xE2, 0xE2) : QColor(0x26, 0x26, 0x26);
    QPalette p;
    p.setColor(QPalette::Window, dark ? QColor(0x0B, 0x0B, 0x0B) : back);
    p.setColor(QPalette::WindowText, ink);
    p.setColor(QPalette::Base, back);
    p.setColor(QPalette::AlternateBase, dark ? QColor(0x1A, 0x1A, 0x1A) : QColor(0xF2, 0xF2, 0xF2));
    p.setColor(QPalette::Text, ink);
    p.setColor(QPalette::PlaceholderText, second); // card subtitles, secondary labels
    p.setColor(QPalette::Button, dark ? QColor(0x22, 0x22, 0x22) : QColor(0xEE, 0xEE, 0xEE));
    p.setColor(QPalette::ButtonText, ink);
    p.setColor(QPalette::Mid, dark ? QColor(0xB0, 0xB0, 0xB0) : QColor(0x44, 0x44, 0x44));
    p.setColor(QPalette::Dark, dark ? QColor(0xD0, 0xD0, 0xD0) : QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Light, dark ? QColor(0x30, 0x30, 0x30) : QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::ToolTipBase, back);
    p.setColor(QPalette::ToolTipText, ink);
    p.setColor(QPalette::Highlight, dark ? QColor(0x5A, 0xA9, 0xFF) : QColor(0x00, 0x47, 0xCC));
    p.setColor(QPalette::HighlightedText, dark ? QColor(0, 0, 0) : QColor(255, 255, 255));
    p.setColor(QPalette::Link, dark ? QColor(0x7C, 0xC0, 0xFF) : QColor(0x00, 0x3C, 0xB0));
    return p;
}

} // namespace sdlab::widgets
