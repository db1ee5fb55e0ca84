#include "inspector_header.h"

#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sdlab::widgets {

void makeSecondary(QLabel* label) {
    QPalette p = label->palette();
    QColor c = p.color(QPalette::WindowText);
    c.setAlphaF(0.75);
    p.setColor(QPalette::WindowText, c);
    label->setPalette(p);
}

InspectorHeader::InspectorHeader(const QIcon& icon, const QString& title, QWidget* parent)
    : QWidget(parent)
    , title_(new QLabel(title, this))
    , subtitle_(new QLabel(this))
    , help_(new QLabel(this)) {
    setObjectName(QStringLiteral("inspectorHeader"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);

    const int iconSize = 2 * fontMetrics().height() + 4;
    auto* iconLabel = new QLabel(this);
    iconLabel->setFixedSize(iconSize, iconSize);
    if (!icon.isNull()) iconLabel->setPixmap(icon.pixmap(iconSize, iconSize));
    iconLabel->setVisible(!icon.isNull());

    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title_->setFont(big);
    title_->setObjectName(QStringLiteral("inspectorTitle"));
    title_->setTextFormat(Qt::PlainText);
    subtitle_->setObjectName(QStringLiteral("inspectorSubtitle"));
    subtitle_->setTextFormat(Qt::PlainText);
    subtitle_->setWordWrap(true);
    subtitle_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    subtitle_->hide();
    help_->setObjectName(QStringLiteral("inspectorHelp"));
    help_->setTextFormat(Qt::PlainText);
    help_->setWordWrap(true);
    help_->hide();
    makeSecondary(subtitle_);
    makeSecondary(help_);

    grid->addWidget(iconLabel, 0, 0, 2, 1, Qt::AlignTop);
    grid->addWidget(title_, 0, 1, Qt::AlignBottom);
    grid->addWidget(subtitle_, 1, 1, Qt::AlignTop);
    grid->addWidget(help_, 2, 0, 1, 2);
    help_->setContentsMargins(0, 6, 0, 0);
    grid->setColumnStretch(1, 1);
}

void InspectorHeader::setSubtitle(const QString& text, const QString& toolTip) {
    subtitle_->setText(text);
    subtitle_->setToolTip(toolTip);
    subtitle_->setVisible(!text.isEmpty());
}

void InspectorHeader::setHelp(const QString& text) {
    help_->setText(text);
    help_->setVisible(!text.isEmpty());
}

QString InspectorHeader::title() const {
    return title_->text();
}

QString InspectorHeader::subtitle() const {
    return subtitle_->text();
}

QString InspectorHeader::subtitleToolTip() const {
    return subtitle_->toolTip();
}

QFormLayout* createInspectorForm() {
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    return form;
}

QLabel* createRowLabel(const QString& text, const QString& toolTip, QWidget* buddy) {
    auto* label = new QLabel(text);
    label->setToolTip(toolTip);
    label->setBuddy(buddy);
    // The fields are a line edit's height; centre the label on that first line.
    const int fieldHeight = QLineEdit().sizeHint().height();
    label->setMinimumHeight(fieldHeight);
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    label->setMaximumHeight(fieldHeight);
    return label;
}

QWidget* createSectionTitle(const QString& text, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 10, 0, 2);
    layout->setSpacing(3);
    auto* label = new QLabel(text, box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    auto* rule = new QFrame(box);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    // A plain line in the text colour, faded: quiet in light and dark palettes alike.
    QPalette p = rule->palette();
    QColor c = p.color(QPalette::WindowText);
    c.setAlphaF(0.3);
    p.setColor(QPalette::WindowText, c);
    rule->setPalette(p);
    layout->addWidget(label);
    layout->addWidget(rule);
    return box;
}

} // namespace sdlab::widgets
