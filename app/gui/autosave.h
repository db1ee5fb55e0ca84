#pragma once

#include <QObject>

class QTimer;

namespace sdlab::widgets {
class Document;
}

namespace sdlab::gui {

/// Keeps a copy of unsaved work: every 5 s while the document has unsaved changes it is
/// written (atomically) to the app's data folder. After a crash the next start offers it
/// back; a save or a deliberate close removes it.
class Autosave : public QObject {
    Q_OBJECT
public:
    Autosave(widgets::Document* doc, QObject* parent = nullptr);
    /// The file left by a session that did not end cleanly, if any.
    static QString leftover();
    static QString path();
    void writeNow();
    void discard();

private:
    widgets::Document* doc_;
    QTimer* timer_;
};

} // namespace sdlab::gui
