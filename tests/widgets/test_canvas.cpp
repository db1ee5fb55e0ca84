// The editor driven as a person would: drops from the palette, drags between cards, edits,
// undo/redo of long random edit sequences, save/open round trips, bad files, and the
// analysis overlay following the edits.
#include "canvas/alignment.h"
#include "canvas/canvas_scene.h"
#include "canvas/canvas_view.h"
#include "canvas/component_item.h"
#include "canvas/diagram_export.h"
#include "common/resources.h"
#include "document/document.h"
#include "gui/main_window.h"
#include "palette/palette_widget.h"

#include <QApplication>
#include <QFile>
#include <QFontDatabase>
#include <QMessageBox>
#include <QMimeData>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace sdlab;

namespace {

/// Drops a palette entry onto the view at `viewportPos`, through the real drag-and-drop
/// handlers (QDrag::exec's nested loop is not scriptable; the events it delivers are).
void dropFromPalette(gui::MainWindow& w, const QString& type, QPoint viewportPos) {
    QTreeWidget* tree = w.palette()->tree();
    QModelIndexList indexes;
    for (auto* item : tree->findItems("*", Qt::MatchWildcard | Qt::MatchRecursive))
        if (item->data(0, Qt::UserRole + 1).toString() == type)
            indexes << tree->model()->index(item->parent()->indexOfChild(item), 0,
                                            tree->indexFromItem(item->parent()));
    QVERIFY2(!indexes.isEmpty(), qPrintable("palette has no " + type));
    std::unique_ptr<QMimeData> mime(tree->model()->mimeData(indexes));
    QVERIFY(mime);
    QWidget* target = w.view()->viewport();
    QDragEnterEvent enter(viewportPos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QDragMoveEvent move(viewportPos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(viewportPos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

QPoint viewportPoint(gui::MainWindow& w, QPointF scenePos) {
    return w.view()->mapFromScene(scenePos);
}

/// Presses on `from`'s handle (`offset` from its centre, in pixels), drags to `to`'s centre
/// and releases: the connect gesture.
void dragLink(gui::MainWindow& w, const QString& from, const QString& to, QPoint offset = {}) {
    auto* a = w.scene()->componentItem(from);
    auto* b = w.scene()->componentItem(to);
    QVERIFY(a && b);
    QWidget* vp = w.view()->viewport();
    const QPoint start = viewportPoint(w, a->handleScenePos()) + offset;
    const QPoint end = viewportPoint(w, b->cardSceneRect().center());
    QTest::mouseMove(vp, start);
    QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, start);
    QMouseEvent drag(QEvent::MouseMove, end, vp->mapToGlobal(end), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(vp, &drag);
    QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, end);
}

/// Shows `w` at a fixed size with a new, empty design (no dialogs).
bool showEmpty(gui::MainWindow& w) {
    w.setAutoAnswer(QMessageBox::Discard);
    w.resize(1400, 900);
    w.show();
    w.newDocument();
    return QTest::qWaitForWindowExposed(&w);
}

QStringList componentIds(const widgets::Document& doc) {
    QStringList ids;
    for (const auto& c : doc.scenario().components)
        ids << QString::fromStdString(c.id);
    return ids;
}

} // namespace

class TestCanvas : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        widgets::initResources();
        QVERIFY2(!QFontDatabase::families().isEmpty(), "no fonts: text would render as boxes");
    }

    void dropCreatesComponentAndDragCreatesLink() {
        gui::MainWindow w;
        QVERIFY(showEmpty(w));
        const QPoint centre = w.view()->viewport()->rect().center();
        dropFromPalette(w, "client", centre - QPoint(250, 0));
        dropFromPalette(w, "service", centre + QPoint(150, 0));
        QCOMPARE(componentIds(*w.document()), QStringList({"client1", "service1"}));
        // The new card sits where it was dropped (centred on the drop point, snapped).
        auto* service = w.scene()->componentItem("service1");
        QVERIFY(
            QLineF(service->cardSceneRect().center(), w.view()->mapToScene(centre + QPoint(150, 0)))
                .length() < 12);

        dragLink(w, "client1", "service1");
        QCOMPARE(w.document()->scenario().links.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(w.document()->scenario().links[0].to), QString("service1"));

        // The handle still starts a link where an existing link leaves the card.
        dropFromPalette(w, "database", centre + QPoint(150, 200));
        dragLink(w, "client1", "database1");
        QCOMPARE(w.document()->scenario().links.size(), std::size_t(2));

        // The reverse would send requests into a client: refused, with the reason shown.
        dragLink(w, "service1", "client1");
        QCOMPARE(w.document()->scenario().links.size(), std::size_t(2));
        QVERIFY(w.statusBar()->currentMessage().contains("receives none"));
    }

    // A load balancer (any card) starts a link from anywhere on its handle, also with a run
    // on screen.
    void aHandleStartsALinkOverItsWholeDisc() {
        gui::MainWindow w;
        QVERIFY(showEmpty(w));
        const QPoint centre = w.view()->viewport()->rect().center();
        dropFromPalette(w, "client", centre - QPoint(300, 0));
        dropFromPalette(w, "service", centre + QPoint(250, 0));
        dragLink(w, "client1", "service1");
        w.runFor(3);
        dropFromPalette(w, "load_balancer", centre + QPoint(0, -200));
        dragLink(w, "client1", "load_balancer1");
        QCOMPARE(w.document()->scenario().links.size(), std::size_t(2));
        // Pressed on the handle's inner half, over the card (found by a first-time user: the
        // card's shape left that half a hole).
        dragLink(w, "load_balancer1", "service1", QPoint(-6, 2));
        QCOMPARE(w.document()->scenario().links.size(), std::size_t(3));
    }

    // A fitted diagram stays fitted as the window grows, until the user zooms.
    void aFittedDiagramFollowsTheWindowSize() {
        gui::MainWindow w;
        QVERIFY(showEmpty(w));
        QVERIFY(w.openExample(":/examples/url-shortener.json"));
        w.resize(900, 700);
        QApplication::processEvents();
        w.view()->fitToContents();
        const qreal small = w.view()->zoom();
        w.resize(1600, 1000);
        QApplication::processEvents();
        QVERIFY2(w.view()->zoom() > small * 1.3, qPrintable(QString::number(w.view()->zoom())));
        w.view()->zoomIn();
        const qreal chosen = w.view()->zoom();
        w.resize(1000, 800);
        QApplication::processEvents();
        QCOMPARE(w.view()->zoom(), chosen);
    }

    // Ctrl+D twice on a server: a tidy column of three, no card over another.
    void duplicatesLandClearOfTheOriginal() {
        gui::MainWindow w;
        QVERIFY(showEmpty(w));
        const QPoint centre = w.view()->viewport()->rect().center();
        dropFromPalette(w, "service", centre);
        QAction* duplicate = nullptr;
        for (auto* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+D"))) duplicate = a;
        QVERIFY(duplicate);
        w.scene()->selectComponents({"service1"});
        duplicate->trigger();
        duplicate->trigger();
        const QStringList ids = componentIds(*w.document());
        QCOMPARE(ids.size(), 3);
        for (int i = 0; i < ids.size(); ++i)
            for (int j = i + 1; j < ids.size(); ++j)
                QVERIFY(!w.scene()->componentItem(ids[i])->cardSceneRect().intersects(
                    w.scene()->componentItem(ids[j])->cardSceneRect()));
    }

    void moveIsOneUndoStep() {
        gui::MainWindow w;
        w.setAutoAnswer(QMessageBox::Discard);
        w.show();
        w.newDocument();
        const QString id = w.document()->addComponent("service", QPointF(0, 0));
        auto* item = w.scene()->componentItem(id);
        QWidget* vp = w.view()->viewport();
        const QPoint start = viewportPoint(w, item->cardSceneRect().center() - QPointF(40, 0));
        const QPoint end = start + QPoint(120, 60);
        const int before = w.document()->undoStack()->count();
        QTest::mousePress(vp, Qt::LeftButton, Qt::NoModifier, start);
        for (int k = 1; k <= 6; ++k) {
            const QPoint p = start + (end - start) * k / 6;
            QMouseEvent move(QEvent::MouseMove, p, vp->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(vp, &move);
        }
        QTest::mouseRelease(vp, Qt::LeftButton, Qt::NoModifier, end);
        QCOMPARE(w.document()->undoStack()->count(), before + 1);
        const QPointF moved = widgets::Document::positionOf(w.document()->scenario().components[0]);
        QVERIFY(moved.x() > 80 && moved.y() > 40);
        w.document()->undoStack()->undo();
        QCOMPARE(widgets::Document::positionOf(w.document()->scenario().components[0]),
                 QPointF(0, 0));
        QCOMPARE(item->pos(), QPointF(0, 0));
    }

    void randomEditsUndoAllAndRedoAll() {
        widgets::Document doc;
        widgets::CanvasScene scene(&doc); // the scene follows along: it must not crash either
        doc.newScenario();
        const QByteArray empty = doc.serialized();
        QRandomGenerator rng(12345);
        const QStringList types = {"client", "service", "load_balancer", "cache", "database"};
        int edits = 0;
        for (int step = 0; step < 2000 && edits < 600; ++step) {
            const QStringList ids = componentIds(doc);
            const int before = doc.undoStack()->index();
            switch (rng.bounded(8)) {
            case 0:
            case 1:
                doc.addComponent(types[rng.bounded(int(types.size()))],
                                 QPointF(rng.bounded(1000), rng.bounded(800)));
                break;
            case 2:
                if (ids.size() >= 2)
                    doc.addLink(ids[rng.bounded(int(ids.size()))],
                                ids[rng.bounded(int(ids.size()))]);
                break;
            case 3:
                if (!ids.isEmpty()) doc.removeItems({ids[rng.bounded(int(ids.size()))]}, {});
                break;
            case 4:
                if (!ids.isEmpty())
                    doc.moveComponents({{ids[rng.bounded(int(ids.size()))],
                                         QPointF(rng.bounded(1000), rng.bounded(800))}});
                break;
            case 5:
                for (const auto& id : ids)
                    if (doc.scenario()
                            .components[std::size_t(doc.scenario().indexOf(id.toStdString()))]
                            .type == "service") {
                        doc.setComponentParam({id}, "replicas", rng.bounded(1, 4));
                        break;
                    }
                break;
            case 6:
                if (!ids.isEmpty()) {
                    const QString id = ids[rng.bounded(int(ids.size()))];
                    doc.renameComponent(id, id + "x");
                }
                break;
            case 7:
                if (!ids.isEmpty())
                    doc.paste(doc.copy({ids[rng.bounded(int(ids.size()))]}), QPointF(20, 20));
                break;
            }
            edits += doc.undoStack()->index() != before;
        }
        QVERIFY2(edits >= 500, qPrintable(QString::number(edits)));
        const QByteArray final = doc.serialized();
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(doc.serialized(), empty);
        QCOMPARE(scene.items().size(), 0);
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(doc.serialized(), final);
        // The scene mirrors the model after all that.
        QCOMPARE(qsizetype(scene.selectedComponentIds().size()), qsizetype(0));
        for (const auto& c : doc.scenario().components)
            QVERIFY(scene.componentItem(QString::fromStdString(c.id)));
    }

    void saveOpenRoundTripsExactly() {
        QTemporaryDir dir;
        widgets::Document doc;
        QVERIFY(doc.openTemplate(":/examples/url-shortener.json", nullptr));
        doc.setComponentParam({"app1"}, "workers", 12);
        const QString path = dir.filePath("shortener.json");
        QString error;
        QVERIFY2(doc.saveAs(path, &error), qPrintable(error));
        QVERIFY(!doc.isModified());
        widgets::Document reopened;
        QVERIFY(reopened.open(path, &error));
        QCOMPARE(reopened.serialized(), doc.serialized());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), doc.serialized());
    }

    void invalidFileShowsErrorAndKeepsDocument() {
        QTemporaryDir dir;
        const QString bad = dir.filePath("bad.json");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 1, \"components\": [{\"id\": \"a\", \"type\": \"service\", "
                "\"workers\": -2}]}");
        f.close();
        gui::MainWindow w;
        w.setAutoAnswer(QMessageBox::Discard);
        w.show();
        QVERIFY(w.openExample(":/examples/url-shortener.json"));
        const QByteArray before = w.document()->serialized();
        QString shown;
        QTimer::singleShot(0, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box) {
                shown = box->text();
                box->accept();
            }
        });
        QVERIFY(!w.openFile(bad));
        QVERIFY2(shown.contains("components[0].workers"), qPrintable(shown));
        QVERIFY(shown.contains("bad.json:1:"));
        QCOMPARE(w.document()->serialized(), before);
    }

    void singlePointOfFailureFollowsReplicas() {
        gui::MainWindow w;
        w.setAutoAnswer(QMessageBox::Discard);
        w.show();
        w.newDocument();
        auto* doc = w.document();
        doc->addComponent("client", QPointF(0, 0));
        doc->addComponent("service", QPointF(300, 0));
        QVERIFY(doc->addLink("client1", "service1"));
        QTRY_VERIFY(w.scene()->componentItem("service1")->isSinglePointOfFailure());
        QVERIFY(w.statusAnalysisText().contains("service1"));
        QVERIFY(doc->setComponentParam({"service1"}, "replicas", 2));
        QTRY_VERIFY(!w.scene()->componentItem("service1")->isSinglePointOfFailure());
        doc->undoStack()->undo();
        QTRY_VERIFY(w.scene()->componentItem("service1")->isSinglePointOfFailure());
    }

    void presetsAddTheirProductsSettings() {
        // The palette's "Cassandra" adds a database with Cassandra's defaults, one undo step.
        widgets::Document doc;
        doc.newScenario();
        const QString id = doc.addComponent("database:cassandra", QPointF(0, 0));
        QVERIFY(id.startsWith(QStringLiteral("database")));
        const auto& c = doc.scenario().components.front();
        QCOMPARE(QString::fromStdString(c.label), QStringLiteral("Cassandra"));
        QCOMPARE(QString::fromStdString(c.params["cap"].get<std::string>()), QStringLiteral("AP"));
        QCOMPARE(QString::fromStdString(c.params["sharding"].get<std::string>()),
                 QStringLiteral("consistent_hash"));
        doc.undoStack()->undo();
        QVERIFY(doc.scenario().components.empty());
    }

    void zonesGroupComponentsAndSurviveSaving() {
        QTemporaryDir dir;
        widgets::Document doc;
        widgets::CanvasScene scene(&doc);
        doc.newScenario();
        const QString a = doc.addComponent("service", QPointF(0, 0));
        const QString b = doc.addComponent("service", QPointF(0, 200));
        const QString zone = doc.addZone("Zone A", {a, b});
        QCOMPARE(doc.scenario().zones.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(doc.scenario().components[0].zone), zone);
        // The box encloses both cards.
        QGraphicsItem* box = nullptr;
        for (auto* item : scene.items())
            if (item->type() == QGraphicsItem::UserType + 3) box = item;
        QVERIFY(box && box->isVisible());
        const QRectF bounds = box->sceneBoundingRect();
        QVERIFY(bounds.contains(scene.componentItem(a)->cardSceneRect()));
        QVERIFY(bounds.contains(scene.componentItem(b)->cardSceneRect()));
        QString error;
        QVERIFY(doc.saveAs(dir.filePath("z.json"), &error));
        widgets::Document reopened;
        QVERIFY(reopened.open(dir.filePath("z.json"), &error));
        QCOMPARE(reopened.serialized(), doc.serialized());
        doc.undoStack()->undo(); // one step: the zone and its membership go together
        QVERIFY(doc.scenario().zones.empty());
        QVERIFY(doc.scenario().components[0].zone.empty());
    }

    void alignAndDistribute() {
        const QHash<QString, QPointF> cards = {{"a", {0, 0}}, {"b", {40, 100}}, {"c", {300, 170}}};
        const auto left = widgets::align(cards, widgets::Alignment::Left);
        QCOMPARE(left.size(), 2); // "a" is already there
        QCOMPARE(left["b"].x(), 0.0);
        QCOMPARE(left["c"], QPointF(0, 170));
        const auto spread = widgets::align(cards, widgets::Alignment::DistributeVertically);
        QCOMPARE(spread["b"].y(), 85.0); // halfway between the ends, which stay
        QVERIFY(!spread.contains("a") && !spread.contains("c"));
    }

    void exportWritesAllFormats() {
        QTemporaryDir dir;
        widgets::Document doc;
        QVERIFY(doc.openTemplate(":/examples/url-shortener.json", nullptr));
        widgets::CanvasScene scene(&doc);
        for (const char* name : {"d.png", "d.svg", "d.pdf"}) {
            QString error;
            QVERIFY2(widgets::exportDiagram(&scene, dir.filePath(name), 2, false, &error),
                     qPrintable(error));
            QVERIFY(QFileInfo(dir.filePath(name)).size() > 1000);
        }
        QImage png(dir.filePath("d.png"));
        QCOMPARE(png.width(), int(scene.contentRect().width() * 2));
        // Cards and links are cached as pixmaps on screen; a drawing stays vector all through.
        QFile svg(dir.filePath("d.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<path"));
        QVERIFY2(!text.contains("<image"), "the SVG export holds bitmaps");
    }
};

QTEST_MAIN(TestCanvas)
#include "test_canvas.moc"
