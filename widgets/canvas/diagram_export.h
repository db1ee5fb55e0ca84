#pragma once

#include <QRectF>
#include <QString>

class QPainter;
class QWidget;

namespace sdlab::widgets {

class CanvasScene;

/// Paints the diagram (no grid, no selection) scaled into `target`, white behind it unless
/// `transparent`.
void renderDiagram(CanvasScene* scene, QPainter* painter, const QRectF& target, bool transparent);

/// Writes the diagram to a .png (at `scale` × its size), .svg or .pdf file.
bool exportDiagram(CanvasScene* scene, const QString& path, double scale, bool transparent,
                   QString* error);

/// Asks where and how (format by extension, PNG scale, background), then exports.
void exportDiagramInteractively(CanvasScene* scene, QWidget* parent);

} // namespace sdlab::widgets
