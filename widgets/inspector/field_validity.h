#pragma once

#include <QString>

class QColor;
class QLabel;
class QPalette;
class QWidget;

namespace sdlab::widgets {

/// How the inspector marks a field whose text was refused: a red frame and tint that read in
/// light and dark palettes, the reason in the tooltip, and the dynamic property "invalid"
/// (true/false) for tests and style sheets.

/// Sets the field's tooltip; an invalid field shows its reason above it.
void setFieldToolTip(QWidget* field, const QString& toolTip);
void markFieldInvalid(QWidget* field, const QString& reason);
void markFieldValid(QWidget* field);
bool isFieldInvalid(const QWidget* field);

/// Red text that stays readable on the palette's window colour.
QColor errorColor(const QPalette& palette);
/// A hidden, word-wrapped line for a reason under a field; showError() fills it.
QLabel* createErrorLabel(QWidget* parent);
/// Shows `reason` in `label` (hides it when empty).
void showError(QLabel* label, const QString& reason);

} // namespace sdlab::widgets
