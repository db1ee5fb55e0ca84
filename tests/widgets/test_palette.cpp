// The palette with real widgets on the offscreen platform: every core type listed, search by
// title and keyword, Enter adds the first match, and a search nothing matches says so.
#include "common/component_style.h"
#include "common/resources.h"
#include "model/component_types.h"
#include "palette/palette_widget.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace sdlab;
using namespace sdlab::widgets;

namespace {

QStringList allTypes() {
    QStringList types; // presets are listed as "type:preset" (PostgreSQL under Database)
    for (const auto& t : model::componentTypes()) {
        types << QString::fromStdString(t.name);
        for (const auto& p : t.presets)
            types << QString::fromStdString(t.name + ":" + p.name);
    }
    return types;
}

} // namespace

class TestPalette : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PaletteWidget> palette;

    QLineEdit* search() const { return palette->findChild<QLineEdit*>("paletteSearch"); }
    QLabel* noMatch() const { return palette->findChild<QLabel*>("paletteNoMatch"); }

    /// Types the search into the box, as a user does.
    void type(const QString& text) {
        search()->setFocus();
        search()->selectAll();
        QTest::keyClick(search(), Qt::Key_Backspace);
        QTest::keyClicks(search(), text);
    }

private slots:
    void initTestCase() { initResources(); }

    void init() {
        palette = std::make_unique<PaletteWidget>();
        palette->resize(260, 600);
        palette->show();
        QVERIFY(QTest::qWaitForWindowExposed(palette.get()));
        palette->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(palette.get()));
        QVERIFY(search());
        QVERIFY(noMatch());
    }
    void cleanup() { palette.reset(); }

    void listsEveryCoreType() {
        QStringList listed = palette->visibleTypes();
        QStringList expected = allTypes();
        QVERIFY(!expected.isEmpty());
        listed.sort();
        expected.sort();
        QCOMPARE(listed, expected);
        // Under their titles, with icons, in category groups.
        QStringList titles;
        QTreeWidget* tree = palette->tree();
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            QVERIFY(tree->topLevelItem(g)->childCount() > 0);
            for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
                titles << tree->topLevelItem(g)->child(i)->text(0);
                QVERIFY(!tree->topLevelItem(g)->child(i)->icon(0).isNull());
            }
        }
        for (const QString& t : expected)
            if (!t.contains(':')) QVERIFY2(titles.contains(style::title(t)), qPrintable(t));
        QVERIFY(titles.contains("PostgreSQL") && titles.contains("Cassandra"));
        QVERIFY(noMatch()->isHidden());
    }

    void searchesTitlesAndKeywords_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("keyword redis") << "redis"
                                       << "cache";
        QTest::newRow("keyword lb") << "lb"
                                    << "load_balancer";
        QTest::newRow("keyword upper case") << "NGINX"
                                            << "load_balancer";
        QTest::newRow("keyword postgres") << "postgres"
                                          << "database,database:postgresql";
        QTest::newRow("preset") << "mongo"
                                << "database,database:mongodb";
        QTest::newRow("title") << "Load bal"
                               << "load_balancer";
        QTest::newRow("type name") << "load_balancer"
                                   << "load_balancer";
        QTest::newRow("two words") << "memcached kv"
                                   << "cache";
    }

    void searchesTitlesAndKeywords() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        // The keywords the core gives are what the palette searches.
        const QStringList matches = expected.split(',');
        const auto* t = model::findComponentType(matches.front().toStdString());
        QVERIFY(t);
        type(text);
        QCOMPARE(palette->visibleTypes(), matches);
        QVERIFY(noMatch()->isHidden());
        QVERIFY(palette->tree()->isVisible());
        QVERIFY(palette->tree()->currentItem()); // the one Enter adds, highlighted
        QCOMPARE(palette->tree()->currentItem()->text(0), style::title(matches.front()));
        search()->clear();
        QCOMPARE(palette->visibleTypes().size(), allTypes().size());
    }

    void everyKeywordFindsItsType() {
        for (const auto& t : model::componentTypes()) {
            const QString type = QString::fromStdString(t.name);
            for (const QString& word :
                 QString::fromStdString(t.keywords).split(' ', Qt::SkipEmptyParts)) {
                search()->setText(word);
                QVERIFY2(palette->visibleTypes().contains(type),
                         qPrintable(word + QStringLiteral(" → ") + type));
            }
        }
    }

    void searchIgnoresTheTooltipMarkup() {
        // The tooltips are HTML ("<b>", "<br>") with a "Drag onto the canvas" hint: none of
        // that is a reason to match.
        for (const char* text : {"<br>", "canvas", "double-click"}) {
            search()->setText(QString::fromLatin1(text));
            QVERIFY2(palette->visibleTypes().isEmpty(), text);
        }
    }

    void enterAddsTheFirstMatch() {
        QSignalSpy added(palette.get(), &PaletteWidget::addRequested);
        type(QStringLiteral("redis"));
        QTest::keyClick(search(), Qt::Key_Return);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.front().front().toString(), QStringLiteral("cache"));

        // Several matches: the first one in the list.
        type(QStringLiteral("e"));
        const QStringList visible = palette->visibleTypes();
        QVERIFY(visible.size() > 1);
        QTest::keyClick(search(), Qt::Key_Enter);
        QCOMPARE(added.count(), 2);
        QCOMPARE(added.back().front().toString(), visible.front());

        // Nothing typed, or nothing found: Enter adds nothing.
        search()->clear();
        QTest::keyClick(search(), Qt::Key_Return);
        type(QStringLiteral("zzz"));
        QTest::keyClick(search(), Qt::Key_Return);
        QCOMPARE(added.count(), 2);
    }

    void saysWhenNothingMatches() {
        type(QStringLiteral("kafka2000"));
        QVERIFY(palette->visibleTypes().isEmpty());
        QVERIFY(noMatch()->isVisible());
        QCOMPARE(noMatch()->text(), QStringLiteral("No component matches “kafka2000”"));
        QVERIFY(palette->tree()->isHidden());
        // Grey: the text colour, faded.
        QVERIFY(noMatch()->palette().color(QPalette::WindowText).alphaF() < 1.0);

        type(QStringLiteral("memcached")); // a word only the cache has (a CDN edge caches too)
        QVERIFY(noMatch()->isHidden());
        QVERIFY(palette->tree()->isVisible());
        QCOMPARE(palette->visibleTypes(), QStringList{QStringLiteral("cache")});

        type(QStringLiteral("memcached nosuchword"));
        QVERIFY(noMatch()->isVisible());
        search()->clear();
        QVERIFY(noMatch()->isHidden());
        QVERIFY(palette->tree()->isVisible());
    }
};

QTEST_MAIN(TestPalette)
#include "test_palette.moc"
