#include "welcome_page.h"

#include "canvas/canvas_scene.h"
#include "canvas/diagram_export.h"
#include "document/document.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace sdlab::gui {

namespace {

constexpr QSize kThumbnail(240, 140); // two columns of examples in a 1600-wide window

QIcon thumbnail(const QString& path, QString* title) {
    widgets::Document doc;
    if (!doc.open(path, nullptr)) return {};
    *title = QString::fromStdString(doc.scenario().name);
    widgets::CanvasScene scene(&doc);
    QPixmap pixmap(kThumbnail);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    widgets::renderDiagram(&scene, &painter, QRectF(QPointF(), kThumbnail), false);
    return QIcon(pixmap);
}

QLabel* heading(const QString& text) {
    auto* label = new QLabel(text);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

QStringList WelcomePage::examplePaths() {
    QStringList paths;
    for (const auto& name : QDir(":/examples").entryList({"*.json"}, QDir::Files, QDir::Name))
        paths << ":/examples/" + name;
    // The richest example first.
    paths.sort();
    paths.move(std::max<qsizetype>(0, paths.indexOf(":/examples/url-shortener.json")), 0);
    return paths;
}

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , recent_(new QListWidget)
    , examples_(new QListWidget) {
    auto* title = new QLabel(tr("System Design Lab"));
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.2);
    tf.setBold(true);
    title->setFont(tf);
    auto* tagline = new QLabel(tr("Sketch an architecture, run real traffic through it, and see "
                                  "why it behaves the way it does."));
    tagline->setWordWrap(true);

    auto* newButton = new QPushButton(QIcon(":/icons/service.svg"), tr("New diagram"));
    auto* openButton = new QPushButton(tr("Open…"));
    newButton->setObjectName("welcomeNew");
    for (auto* b : {newButton, openButton}) {
        b->setMinimumHeight(40);
        b->setIconSize(QSize(24, 24));
    }
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);

    recent_->setObjectName("recentFiles");
    connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit fileRequested(item->data(Qt::UserRole).toString());
    });

    examples_->setObjectName("exampleGallery");
    examples_->setViewMode(QListView::IconMode);
    examples_->setIconSize(kThumbnail);
    examples_->setGridSize(kThumbnail + QSize(16, 50));
    examples_->setResizeMode(QListView::Adjust);
    examples_->setMovement(QListView::Static);
    examples_->setWordWrap(true);
    for (const auto& path : examplePaths()) {
        QString name;
        const QIcon icon = thumbnail(path, &name);
        auto* item = new QListWidgetItem(icon, name.isEmpty() ? QFileInfo(path).baseName() : name);
        item->setData(Qt::UserRole, path);
        item->setToolTip(tr("Open this example as a new diagram"));
        examples_->addItem(item);
    }
    connect(examples_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit exampleRequested(item->data(Qt::UserRole).toString());
    });
    connect(examples_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        emit exampleRequested(item->data(Qt::UserRole).toString());
    });

    auto* left = new QVBoxLayout;
    left->addWidget(title);
    left->addWidget(tagline);
    left->addSpacing(16);
    left->addWidget(newButton);
    left->addWidget(openButton);
    left->addSpacing(16);
    left->addWidget(heading(tr("Recent")));
    left->addWidget(recent_, 1);

    auto* right = new QVBoxLayout;
    right->addWidget(heading(tr("Start from an example")));
    right->addWidget(examples_, 1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(40);
    layout->addLayout(left, 1);
    layout->addLayout(right, 2);
}

void WelcomePage::setRecentFiles(const QStringList& paths) {
    recent_->clear();
    for (const auto& path : paths) {
        const QFileInfo info(path);
        auto* item =
            new QListWidgetItem(QStringLiteral("%1\n%2").arg(info.fileName(), info.absolutePath()));
        item->setToolTip(path);
        item->setData(Qt::UserRole, path);
        recent_->addItem(item);
    }
    if (paths.isEmpty()) {
        auto* item = new QListWidgetItem(tr("No recent files yet"));
        item->setFlags(Qt::NoItemFlags);
        recent_->addItem(item);
    }
}

} // namespace sdlab::gui
