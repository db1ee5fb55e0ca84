#pragma once

#include <QWidget>

class QIcon;
class QLabel;

namespace sdlab::widgets {

/// The top of the inspector: the type's icon and title, a subtitle (ids, "from → to") and
/// the type's help text in a softer colour.
class InspectorHeader : public QWidget {
    Q_OBJECT
public:
    InspectorHeader(const QIcon& icon, const QString& title, QWidget* parent = nullptr);

    void setSubtitle(const QString& text);
    void setHelp(const QString& text);
    QString title() const;
    QString subtitle() const;

private:
    QLabel* title_;
    QLabel* subtitle_;
    QLabel* help_;
};

/// A bold section title with a rule under it ("Parameters").
QWidget* createSectionTitle(const QString& text, QWidget* parent = nullptr);
/// Gives `label` the palette's text colour at reduced strength: secondary text that still
/// reads in light and dark themes.
void makeSecondary(QLabel* label);

} // namespace sdlab::widgets
