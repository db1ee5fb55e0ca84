#include "zone_form.h"

namespace sdlab::widgets {

ZoneForm::ZoneForm(Document* document, const QString& zoneId, QWidget* parent)
    : QWidget(parent)
    , doc_(document)
    , zoneId_(zoneId) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 14, 14, 14);
    layout->setSpacing(10);
    auto* header = new InspectorHeader(QIcon(QStringLiteral(":/icons/zone.svg")), tr("Zone"), this);
    header->setHelp(helpText());
    layout->addWidget(header);

    QFormLayout* form = createInspectorForm();
    label_ = new QLineEdit(this);
    label_->setObjectName(QStringLiteral("zone_label"));
    label_->setPlaceholderText(zoneId_);
    const QString labelTip = tr("The name shown on the zone's box; the id stays as it is.");
    label_->setToolTip(labelTip);
    form->addRow(createRowLabel(tr("Label"), labelTip, label_), label_);
    connect(label_, &QLineEdit::textEdited, this, [this] { labelEditing_ = true; });
    connect(label_, &QLineEdit::editingFinished, this, [this] {
        if (!labelEditing_) return; // focus passing through, nothing typed
        labelEditing_ = false;
        doc_->renameZone(zoneId_, label_->text().trimmed()); // one step, or none if equal
        refresh();
    });

    auto* id = new QLabel(zoneId_, this);
    id->setObjectName(QStringLiteral("zone_id"));
    id->setTextFormat(Qt::PlainText);
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString idTip = tr("The name files and zone outage faults use.");
    id->setToolTip(idTip);
    form->addRow(createRowLabel(tr("Id"), idTip, id), id);

    form->addRow(createSectionTitle(tr("Members"), this));
    membersBox_ = new QWidget(this);
    membersBox_->setObjectName(QStringLiteral("zone_members"));
    membersLayout_ = new QVBoxLayout(membersBox_);
    membersLayout_->setContentsMargins(0, 0, 0, 0);
    membersLayout_->setSpacing(4);
    form->addRow(membersBox_);
    layout->addLayout(form);

    auto* remove = new QPushButton(tr("Delete zone"), this);
    remove->setObjectName(QStringLiteral("zone_delete"));
    remove->setToolTip(tr("Removes the zone; its members stay where they are, in no zone."));
    connect(remove, &QPushButton::clicked, this, [this] { doc_->removeZone(zoneId_); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(doc_, &Document::zonesChanged, this, &ZoneForm::refresh);
    connect(doc_, &Document::componentAdded, this, &ZoneForm::refresh);
    connect(doc_, &Document::componentRemoved, this, &ZoneForm::refresh);
    connect(doc_, &Document::componentChanged, this, &ZoneForm::refresh);
    refresh();
}

QString ZoneForm::helpText() {
    return tr("A zone is a failure domain — an availability zone or region. A zone outage "
              "fault takes every member down at once.");
}

void ZoneForm::refresh() {
    const auto& sc = doc_->scenario();
    const int z = sc.zoneIndexOf(zoneId_.toStdString());
    if (z < 0) return;
    const QString label = QString::fromStdString(sc.zones[std::size_t(z)].label);
    if (!labelEditing_ && label_->text() != label) label_->setText(label);

    std::vector<Member> members;
    for (const auto& c : sc.components)
        if (c.zone == sc.zones[std::size_t(z)].id)
            members.push_back({QString::fromStdString(c.id), QString::fromStdString(c.label),
                               QString::fromStdString(c.type)});
    if (members != shownMembers_ || membersLayout_->isEmpty()) showMembers(members);
}

void ZoneForm::showMembers(const std::vector<Member>& members) {
    shownMembers_ = members;
    while (QLayoutItem* item = membersLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (members.empty()) {
        auto* none =
            new QLabel(tr("No components. Move some in with their Zone row."), membersBox_);
        none->setObjectName(QStringLiteral("zone_no_members"));
        none->setWordWrap(true);
        makeSecondary(none);
        membersLayout_->addWidget(none);
        return;
    }
    const int iconSize = fontMetrics().height();
    for (const auto& m : members) {
        auto* row = new QWidget(membersBox_);
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(6);
        auto* icon = new QLabel(row);
        icon->setPixmap(style::icon(m.type).pixmap(iconSize, iconSize));
        icon->setFixedSize(iconSize, iconSize);
        auto* text = new QLabel(m.label.isEmpty() ? m.id : m.label, row);
        text->setObjectName(QStringLiteral("zone_member"));
        text->setTextFormat(Qt::PlainText);
        const QString tip = tr("%1 · %2").arg(m.id, style::title(m.type));
        row->setToolTip(tip);
        text->setToolTip(tip);
        rowLayout->addWidget(icon);
        rowLayout->addWidget(text, 1);
        membersLayout_->addWidget(row);
    }
}

} // namespace sdlab::widgets
