#pragma once

#include "combo_wheel.h"
#include "document/document.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSignalBlocker>
#include <QStringList>
#include <algorithm>

namespace sdlab::widgets {

/// The Zone row: "(none)" and the scenario's zones by label (id in the tooltip). A pick moves
/// the components it edits into that zone, or out of any, as one undo step. It follows the
/// Document's zones (added, removed, renamed) by itself; the inspector calls refresh() when
/// the components change and setComponents() when they are renamed.
class ZoneField : public QComboBox {
    Q_DECLARE_TR_FUNCTIONS(sdlab::widgets::ZoneField)

public:
    ZoneField(Document* document, const QStringList& ids, QWidget* parent = nullptr);

    static QString toolTipText();

    /// The components it edits now (after a rename).
    void setComponents(const QStringList& ids) {
        ids_ = ids;
        refresh();
    }

    /// Lists the zones again and shows the components' zone ("(mixed)" when they differ).
    void refresh();

private:
    Document* doc_;
    QStringList ids_;
};

} // namespace sdlab::widgets
