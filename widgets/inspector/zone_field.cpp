#include "zone_field.h"

namespace sdlab::widgets {

ZoneField::ZoneField(Document* document, const QStringList& ids, QWidget* parent)
    : QComboBox(parent)
    , doc_(document)
    , ids_(ids) {
    setObjectName(QStringLiteral("component_zone"));
    ignoreWheelUnlessFocused(this);
    setPlaceholderText(tr("(mixed)"));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setToolTip(toolTipText());
    // activated: only the user's picks, never the refresh below.
    connect(this, &QComboBox::activated, this,
            [this](int index) { doc_->setComponentZone(ids_, itemData(index).toString()); });
    connect(doc_, &Document::zonesChanged, this, &ZoneField::refresh);
    refresh();
}

QString ZoneField::toolTipText() {
    return tr("The failure domain (availability zone, region, rack) the component runs in: "
              "a zone outage takes down all its members. Group components into a new zone "
              "with Ctrl+G.");
}

void ZoneField::refresh() {
    const auto& sc = doc_->scenario();
    QString zone;
    bool mixed = false, first = true;
    for (const auto& id : ids_) {
        const int i = sc.indexOf(id.toStdString());
        if (i < 0) continue;
        const QString z = QString::fromStdString(sc.components[std::size_t(i)].zone);
        mixed = mixed || (!first && z != zone);
        zone = z;
        first = false;
    }
    const QSignalBlocker block(this);
    clear();
    addItem(tr("(none)"), QString());
    for (const auto& z : sc.zones) {
        const QString id = QString::fromStdString(z.id);
        addItem(z.label.empty() ? id : QString::fromStdString(z.label), id);
        setItemData(count() - 1, id, Qt::ToolTipRole);
    }
    setCurrentIndex(mixed ? -1 : std::max(0, findData(zone)));
    setEnabled(sc.zones.size() > 0 || !zone.isEmpty());
}

} // namespace sdlab::widgets
