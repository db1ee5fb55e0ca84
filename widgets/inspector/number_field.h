#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace sdlab::widgets {

/// A line edit for a number with its unit after it. A plain QLineEdit, not a spin box: a spin
/// box clamps what people type, and the inspector must instead say why a value is refused.
/// While the user types (from the first key to Enter or focus out) setText() leaves the text
/// alone, so a model refresh never fights the keyboard.
class NumberField : public QWidget {
    Q_OBJECT
public:
    /// `objectName` goes to the line edit (tests find fields by it), "<objectName>_unit" to the
    /// unit.
    NumberField(const QString& objectName, const QString& unit, QWidget* parent = nullptr);

    QLineEdit* lineEdit() const { return edit_; }
    QString text() const;
    /// Shows a value (ignored while the user is typing here).
    void setText(const QString& text);
    /// Empty with the placeholder "(mixed)": the selected items differ (ignored while typing).
    void setMixed();
    /// The grey text an empty field shows when it is not "(mixed)" ("unlimited").
    void setEmptyText(const QString& text);
    /// Shows mixed values and the user has not typed a value over them.
    bool isMixed() const;
    bool isEditing() const { return editing_; }
    /// Changes the unit shown after the field ("calls" → "s"; "= 50%" for a share).
    void setUnit(const QString& unit);
    /// Width the unit needs (0 without one).
    int unitWidth() const;
    /// Reserves `width` for the unit, so that fields in a column end at the same place.
    void setUnitWidth(int width);

signals:
    /// The user changed the text.
    void edited();
    /// Enter or focus out after typing.
    void finished();

private:
    QLineEdit* edit_;
    QLabel* unit_;
    QString emptyText_;
    bool editing_ = false;
    bool mixed_ = false;
};

} // namespace sdlab::widgets
