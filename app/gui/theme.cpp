#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace sdlab::gui {

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x1F, 0x22, 0x28), base(0x16, 0x18, 0x1D), text(0xE6, 0xE8, 0xEC);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x98, 0xA2, 0xB3));
    p.setColor(QPalette::Button, QColor(0x2A, 0x2E, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, QColor(0x2A, 0x2E, 0x36));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x4C, 0x8D, 0xF6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7C, 0xAE, 0xFF));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6B, 0x72, 0x80));
    return p;
}

} // namespace

void applyTheme(Theme theme) {
    static const QString systemStyle = QApplication::style()->name();
    static const QPalette systemPalette = QApplication::palette();
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(systemPalette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create("Fusion"));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                  : QApplication::style()->standardPalette());
}

Theme themeFromName(const QString& name) {
    if (name == "dark") return Theme::Dark;
    if (name == "light") return Theme::Light;
    return Theme::System;
}

QString themeName(Theme theme) {
    return theme == Theme::Dark ? "dark" : theme == Theme::Light ? "light" : "system";
}

} // namespace sdlab::gui
