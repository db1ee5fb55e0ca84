#pragma once

#include <QWidget>

class QListWidget;

namespace sdlab::gui {

/// What the app opens on: start a new diagram, open a file, reopen a recent one, or begin
/// from an example (shown as thumbnails of the diagrams themselves).
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void setRecentFiles(const QStringList& paths);
    /// The bundled examples, as Qt resource paths.
    static QStringList examplePaths();

signals:
    void newRequested();
    void openRequested();
    void fileRequested(const QString& path);
    void exampleRequested(const QString& resourcePath);

private:
    QListWidget* recent_;
    QListWidget* examples_;
};

} // namespace sdlab::gui
