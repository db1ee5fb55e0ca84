#pragma once

#include "common/component_style.h"
#include "document/document.h"
#include "inspector_header.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <vector>

namespace sdlab::widgets {

/// What the inspector shows for one selected zone: its label (editable, one undo step per
/// edit, applied on Enter or focus out), its id, its member components and a "Delete zone"
/// button (the members stay, zoneless). It follows the Document by itself (renames, members
/// moving in and out); the inspector replaces it when the zone goes away.
///
/// Header-only: the inspector builds it and nothing else does.
class ZoneForm : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(sdlab::widgets::ZoneForm)

public:
    ZoneForm(Document* document, const QString& zoneId, QWidget* parent = nullptr)
        : QWidget(parent)
        , doc_(document)
        , zoneId_(zoneId) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(14, 14, 14, 14);
        layout->setSpacing(10);
        auto* header =
            new InspectorHeader(QIcon(QStringLiteral(":/icons/zone.svg")), tr("Zone"), this);
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

    static QString helpText() {
        return tr("A zone is a failure domain — an availability zone or region. A zone outage "
                  "fault takes every member down at once.");
    }

    /// Shows the Document's label (except while the user types in it) and members. Does
    /// nothing once the zone is gone: the inspector is replacing the form then.
    void refresh() {
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

private:
    struct Member {
        QString id, label, type;
        bool operator==(const Member&) const = default;
    };

    /// One line per member: its type's icon and its label (its id when it has none), the id
    /// in the tooltip. Rebuilt only when the members change (not at every move of a card).
    void showMembers(const std::vector<Member>& members) {
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

    Document* doc_;
    QString zoneId_;
    QLineEdit* label_ = nullptr;
    QWidget* membersBox_ = nullptr;
    QVBoxLayout* membersLayout_ = nullptr;
    std::vector<Member> shownMembers_;
    bool labelEditing_ = false;
};

} // namespace sdlab::widgets
