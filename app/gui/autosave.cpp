#include "autosave.h"

#include "document/document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace sdlab::gui {

Autosave::Autosave(widgets::Document* doc, QObject* parent)
    : QObject(parent)
    , doc_(doc)
    , timer_(new QTimer(this)) {
    timer_->setInterval(5'000);
    connect(timer_, &QTimer::timeout, this, &Autosave::writeNow);
    timer_->start();
}

QString Autosave::path() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + QStringLiteral("/autosave.json");
}

QString Autosave::leftover() {
    return QFile::exists(path()) ? path() : QString();
}

void Autosave::writeNow() {
    if (!doc_->isModified()) return;
    QDir().mkpath(QFileInfo(path()).absolutePath());
    QSaveFile file(path());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(doc_->serialized());
        file.commit();
    }
}

void Autosave::discard() {
    QFile::remove(path());
}

} // namespace sdlab::gui
