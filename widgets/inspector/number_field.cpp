#include "number_field.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace sdlab::widgets {

NumberField::NumberField(const QString& objectName, const QString& unit, QWidget* parent)
    : QWidget(parent)
    , edit_(new QLineEdit(this))
    , unit_(new QLabel(unit, this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    edit_->setObjectName(objectName);
    unit_->setObjectName(objectName + QStringLiteral("_unit"));
    edit_->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    edit_->setMinimumWidth(edit_->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")));
    layout->addWidget(edit_, 1);
    layout->addWidget(unit_);
    unit_->setVisible(!unit.isEmpty());
    unit_->setBuddy(edit_);
    setFocusProxy(edit_);

    connect(edit_, &QLineEdit::textEdited, this, [this] {
        editing_ = true;
        emit edited();
    });
    connect(edit_, &QLineEdit::editingFinished, this, [this] {
        if (!editing_) return; // focus passing through, nothing typed
        editing_ = false;
        emit finished();
    });
}

QString NumberField::text() const {
    return edit_->text();
}

void NumberField::setText(const QString& text) {
    if (editing_) return;
    mixed_ = false;
    edit_->setPlaceholderText(emptyText_);
    if (edit_->text() != text) edit_->setText(text);
}

void NumberField::setMixed() {
    if (editing_) return;
    mixed_ = true;
    edit_->setPlaceholderText(tr("(mixed)"));
    edit_->clear();
}

void NumberField::setEmptyText(const QString& text) {
    emptyText_ = text;
    if (!mixed_) edit_->setPlaceholderText(text);
}

void NumberField::setUnit(const QString& unit) {
    if (unit_->text() == unit) return;
    unit_->setText(unit);
    unit_->setVisible(!unit.isEmpty() || unit_->minimumWidth() > 0);
}

int NumberField::unitWidth() const {
    return unit_->text().isEmpty() ? 0 : unit_->sizeHint().width();
}

void NumberField::setUnitWidth(int width) {
    unit_->setMinimumWidth(width);
    unit_->setVisible(width > 0);
}

bool NumberField::isMixed() const {
    return mixed_ && edit_->text().trimmed().isEmpty();
}

} // namespace sdlab::widgets
