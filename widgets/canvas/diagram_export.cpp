#include "diagram_export.h"

#include "canvas_scene.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGraphicsItem>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace sdlab::widgets {

void renderDiagram(CanvasScene* scene, QPainter* painter, const QRectF& target, bool transparent) {
    const auto selected = scene->selectedItems();
    scene->clearSelection();
    QList<QGraphicsItem*> decorations; // a live run's figures are not the design
    // On screen cards and links are cached as pixmaps; a drawing must stay vector (SVG, PDF)
    // and a PNG is drawn afresh at its own scale.
    QList<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> cached;
    for (auto* item : scene->items()) {
        if (item->isVisible() && item->data(CanvasScene::kDecorationKey).toBool()) {
            item->hide();
            decorations << item;
        }
        if (item->cacheMode() != QGraphicsItem::NoCache) {
            cached.append({item, item->cacheMode()});
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    }
    scene->setPlainBackground(true, transparent);
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRectF source = scene->contentRect();
    if (!source.isEmpty()) scene->render(painter, target, source, Qt::KeepAspectRatio);
    scene->setPlainBackground(false, false);
    for (auto* item : selected)
        item->setSelected(true);
    for (auto* item : decorations)
        item->show();
    for (const auto& [item, mode] : cached)
        item->setCacheMode(mode);
}

bool exportDiagram(CanvasScene* scene, const QString& path, double scale, bool transparent,
                   QString* error) {
    const QRectF source = scene->contentRect();
    if (source.isEmpty()) {
        if (error) *error = QObject::tr("The diagram is empty.");
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = true;
    if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(), source.size()));
        svg.setTitle(QObject::tr("System Design Lab diagram"));
        QPainter painter(&svg);
        renderDiagram(scene, &painter, QRectF(QPointF(), source.size()), transparent);
    } else if (suffix == "pdf") {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(source.size(), QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(72);
        QPainter painter(&pdf);
        ok = painter.isActive();
        if (ok) renderDiagram(scene, &painter, QRectF(QPointF(), source.size()), transparent);
    } else {
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(1.0);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            renderDiagram(scene, &painter, QRectF(QPointF(), image.size()), transparent);
        }
        ok = image.save(path);
    }
    if (!ok && error) *error = QObject::tr("Cannot write %1").arg(path);
    return ok;
}

void exportDiagramInteractively(CanvasScene* scene, QWidget* parent) {
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export Diagram"), QObject::tr("diagram.png"),
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &filter);
    if (path.isEmpty()) return;
    QDialog options(parent);
    options.setWindowTitle(QObject::tr("Export Options"));
    auto* scale = new QComboBox;
    scale->addItems({"1×", "2×", "4×"});
    scale->setCurrentIndex(1);
    scale->setEnabled(QFileInfo(path).suffix().toLower() == "png");
    auto* transparent = new QCheckBox(QObject::tr("Transparent background"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* form = new QFormLayout(&options);
    form->addRow(QObject::tr("Scale (PNG):"), scale);
    form->addRow(transparent);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &options, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &options, &QDialog::reject);
    if (options.exec() != QDialog::Accepted) return;
    QString error;
    if (!exportDiagram(scene, path, double(1 << scale->currentIndex()), transparent->isChecked(),
                       &error))
        QMessageBox::warning(parent, QObject::tr("Export failed"), error);
}

} // namespace sdlab::widgets
