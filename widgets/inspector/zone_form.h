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
class ZoneForm : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(sdlab::widgets::ZoneForm)

public:
    ZoneForm(Document* document, const QString& zoneId, QWidget* parent = nullptr);

    static QString helpText();

    /// Shows the Document's label (except while the user types in it) and members. Does
    /// nothing once the zone is gone: the inspector is replacing the form then.
    void refresh();

private:
    struct Member {
        QString id, label, type;
        bool operator==(const Member&) const = default;
    };

    /// One line per member: its type's icon and its label (its id when it has none), the id
    /// in the tooltip. Rebuilt only when the members change (not at every move of a card).
    void showMembers(const std::vector<Member>& members);

    Document* doc_;
    QString zoneId_;
    QLineEdit* label_ = nullptr;
    QWidget* membersBox_ = nullptr;
    QVBoxLayout* membersLayout_ = nullptr;
    std::vector<Member> shownMembers_;
    bool labelEditing_ = false;
};

} // namespace sdlab::widgets
