#pragma once

#include <QWidget>

class QFormLayout;
class QIcon;
class QLabel;

namespace sdlab::widgets {

/// The top of the inspector: the type's icon and title, a subtitle (ids, "from → to") and
/// the type's help text in a softer colour.
class InspectorHeader : public QWidget {
    Q_OBJECT
public:
    InspectorHeader(const QIcon& icon, const QString& title, QWidget* parent = nullptr);

    /// A line under the title; `toolTip` may add what it leaves out (ids behind labels).
    void setSubtitle(const QString& text, const QString& toolTip = {});
    void setHelp(const QString& text);
    QString title() const;
    QString subtitle() const;
    QString subtitleToolTip() const;

private:
    QLabel* title_;
    QLabel* subtitle_;
    QLabel* help_;
};

/// A form for the inspector's rows: labels on the left, fields that grow, long rows wrapped.
QFormLayout* createInspectorForm();
/// A label for a form row, lined up with the first line of its field (a line edit's height).
QLabel* createRowLabel(const QString& text, const QString& toolTip, QWidget* buddy);
/// A bold section title with a rule under it ("Parameters").
QWidget* createSectionTitle(const QString& text, QWidget* parent = nullptr);
/// Gives `label` the palette's text colour at reduced strength: secondary text that still
/// reads in light and dark themes.
void makeSecondary(QLabel* label);

} // namespace sdlab::widgets
