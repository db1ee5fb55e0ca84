#include "field_validity.h"

#include <QColor>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QVariant>
#include <QWidget>

namespace sdlab::widgets {

namespace {

constexpr char kInvalid[] = "invalid";
constexpr char kBaseToolTip[] = "sdlabBaseToolTip";

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

void applyToolTip(QWidget* field, const QString& reason) {
    const QString base = field->property(kBaseToolTip).toString();
    if (reason.isEmpty()) {
        field->setToolTip(base);
        return;
    }
    const QString color = errorColor(field->palette()).name();
    field->setToolTip(QStringLiteral("<p style='color:%1'><b>%2</b></p>%3")
                          .arg(color, reason.toHtmlEscaped(), base));
}

} // namespace

QColor errorColor(const QPalette& palette) {
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc5, 0x22, 0x1f);
}

void setFieldToolTip(QWidget* field, const QString& toolTip) {
    field->setProperty(kBaseToolTip, toolTip);
    applyToolTip(field,
                 isFieldInvalid(field) ? field->property("invalidReason").toString() : QString());
}

void markFieldInvalid(QWidget* field, const QString& reason) {
    const QColor red = errorColor(field->palette());
    QColor tint = red;
    tint.setAlpha(isDark(field->palette()) ? 56 : 28);
    field->setProperty(kInvalid, true);
    field->setProperty("invalidReason", reason);
    // Text fields get a red frame and tint; the text keeps the palette's colour. Lists keep
    // their native look (a styled frame would lose the arrow); their reason shows below.
    if (qobject_cast<QLineEdit*>(field))
        field->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid %1; border-radius: 3px;"
                                            " padding: 1px 2px; background-color: %2; }")
                                 .arg(red.name(), tint.name(QColor::HexArgb)));
    applyToolTip(field, reason);
}

void markFieldValid(QWidget* field) {
    if (!isFieldInvalid(field) && field->styleSheet().isEmpty()) return;
    field->setProperty(kInvalid, false);
    field->setProperty("invalidReason", QVariant());
    field->setStyleSheet(QString());
    applyToolTip(field, QString());
}

bool isFieldInvalid(const QWidget* field) {
    return field->property(kInvalid).toBool();
}

QLabel* createErrorLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setObjectName(QStringLiteral("errorText"));
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& reason) {
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, errorColor(p));
    label->setPalette(p);
    label->setText(reason);
    label->setVisible(!reason.isEmpty());
}

} // namespace sdlab::widgets
