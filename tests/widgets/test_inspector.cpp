// The inspector with real widgets on the offscreen platform: typing, refusing, undo steps,
// distributions, multi-selection, links, zones (the row and the zone's own page), the
// scenario's settings, and following the Document.
#include "common/resources.h"
#include "document/document.h"
#include "inspector/inspector_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>
#include <functional>

namespace sdlab::model {
// QCOMPARE prints JSON values it finds different.
char* toString(const Json& value) {
    return qstrdup(value.dump().c_str());
}
} // namespace sdlab::model

using namespace sdlab;
using namespace sdlab::widgets;

namespace {

const model::ComponentSpec& component(const Document& doc, const QString& id) {
    return doc.scenario().components[std::size_t(doc.scenario().indexOf(id.toStdString()))];
}

model::Json param(const Document& doc, const QString& id, const char* name) {
    return component(doc, id).params[name];
}

model::Json linkParam(const Document& doc, const LinkKey& key, const char* name) {
    // find(), not operator[]: on a const object a missing key (a breaker switched off) is
    // undefined behaviour in nlohmann::json.
    const auto& params = doc.scenario().links[std::size_t(doc.linkIndex(key))].params;
    const auto it = params.find(name);
    return it == params.end() ? model::Json() : *it;
}

/// Replaces the text the way a user does: select all, type, Enter.
void typeInto(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

/// Types without finishing: the keys of a burst, one by one.
void typeKeys(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

/// Picks the item with this data by keyboard, as a user would (each step is a user pick).
void pick(QComboBox* combo, const QString& data) {
    const int target = combo->findData(data);
    QVERIFY2(target >= 0, qPrintable(data));
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
}

/// The error line of the editor holding `field` (empty when hidden).
QString errorText(QWidget* field) {
    for (QWidget* w = field; w; w = w->parentWidget()) {
        if (!w->objectName().startsWith(QLatin1String("editor_"))) continue;
        auto* label = w->findChild<QLabel*>(QStringLiteral("errorText"));
        return label && !label->isHidden() ? label->text() : QString();
    }
    return {};
}

} // namespace

class TestInspector : public QObject {
    Q_OBJECT

private:
    Document doc;
    std::unique_ptr<InspectorWidget> inspector;

    template <class T> T* find(const char* name) const {
        return inspector->findChild<T*>(QLatin1String(name));
    }

    /// The zone page's member lines, as shown, and their tooltips.
    QStringList memberNames() const {
        QStringList names;
        for (const auto* label : inspector->findChildren<QLabel*>(QStringLiteral("zone_member")))
            names << label->text();
        return names;
    }
    QStringList memberToolTips() const {
        QStringList tips;
        for (const auto* label : inspector->findChildren<QLabel*>(QStringLiteral("zone_member")))
            tips << label->toolTip();
        return tips;
    }

private slots:
    void initTestCase() { initResources(); }

    void init() {
        doc.newScenario();
        inspector = std::make_unique<InspectorWidget>(&doc);
        inspector->resize(360, 700);
        inspector->show();
        QVERIFY(QTest::qWaitForWindowExposed(inspector.get()));
        // Tab and focus out need an active window.
        inspector->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(inspector.get()));
    }
    void cleanup() { inspector.reset(); }

    void emptySelectionShowsHint() {
        auto* hint = find<QLabel>("inspectorHint");
        QVERIFY(hint);
        QVERIFY(hint->text().contains(QLatin1String("Select a component or link")));
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        QVERIFY(!find<QLabel>("inspectorHint"));
        inspector->showComponents({});
        QVERIFY(find<QLabel>("inspectorHint"));
    }

    // Closing while a field holds typed, unconfirmed text: its focus-out must not reach an
    // inspector half destroyed (it crashed).
    void destroyedWhileTypingInAField() {
        inspector->show();
        inspector->showComponents({doc.addComponent(QStringLiteral("service"), {})});
        auto* workers = find<QLineEdit>("param_workers");
        QVERIFY(workers);
        workers->setFocus();
        QTest::keyClick(workers, Qt::Key_End);
        QTest::keyClicks(workers, "2");
        inspector.reset();
        QVERIFY(doc.undoStack()->count() >= 1); // and the document is still whole
    }

    void rowsComeFromTheSchema() {
        inspector->showComponents({doc.addComponent(QStringLiteral("service"), {})});
        for (const char* name : {"param_replicas", "param_workers", "param_queue_capacity",
                                 "param_service_time_mean_ms", "param_availability"})
            QVERIFY2(find<QLineEdit>(name), name);
        QVERIFY(find<QComboBox>("param_service_time_dist"));
        QCOMPARE(find<QLineEdit>("param_workers")->text(), QStringLiteral("4"));
        QCOMPARE(find<QLineEdit>("component_id")->text(), QStringLiteral("service1"));
        QVERIFY(find<QLineEdit>("param_workers")->toolTip().contains(QLatin1String("100000")));
        QCOMPARE(find<QLabel>("inspectorTitle")->text(), QStringLiteral("Service"));

        const QString balancer = doc.addComponent(QStringLiteral("load_balancer"), {});
        inspector->showComponents({balancer});
        QVERIFY(!find<QLineEdit>("param_workers"));
        auto* algorithm = find<QComboBox>("param_algorithm");
        QVERIFY(algorithm);
        QCOMPARE(algorithm->currentText(), QStringLiteral("round_robin"));
        pick(algorithm, QStringLiteral("least_connections"));
        QCOMPARE(param(doc, balancer, "algorithm"), "least_connections");
    }

    void everyChoiceSaysWhatItDoes() {
        // A list of bare names ("round_robin, power_of_two, …") tells a learner nothing: every
        // choice of every component type, link and nested policy has its line.
        int choices = 0;
        std::function<void(const std::vector<model::ParamSpec>&, const QString&)> walk =
            [&](const std::vector<model::ParamSpec>& specs, const QString& where) {
                for (const auto& spec : specs) {
                    const QString name = where + "." + QString::fromStdString(spec.name);
                    walk(spec.fields, name);
                    if (spec.kind != model::ParamKind::Choice) continue;
                    QCOMPARE(spec.choiceHelp.size(), spec.choices.size());
                    for (std::size_t i = 0; i < spec.choices.size(); ++i, ++choices)
                        QVERIFY2(spec.choiceHelp[i].size() > 8,
                                 qPrintable(name + "=" + QString::fromStdString(spec.choices[i])));
                }
            };
        for (const auto& type : model::componentTypes())
            walk(type.params, QString::fromStdString(type.name));
        walk(model::linkParams(), QStringLiteral("link"));
        QVERIFY(choices > 40);
    }

    void aChoiceSaysWhatItDoes() {
        const QString id = doc.addComponent(QStringLiteral("load_balancer"), {});
        inspector->showComponents({id});
        auto* algorithm = find<QComboBox>("param_algorithm");
        auto* meaning = find<QLabel>("param_algorithm_meaning");
        QVERIFY(algorithm && meaning);
        // Each item of the list tells what it does when hovered; the line under the field
        // tells what the chosen one does.
        for (int i = 0; i < algorithm->count(); ++i)
            QVERIFY2(!algorithm->itemData(i, Qt::ToolTipRole).toString().isEmpty(),
                     qPrintable(algorithm->itemText(i)));
        QVERIFY(meaning->isVisible());
        QCOMPARE(meaning->text(), algorithm->itemData(0, Qt::ToolTipRole).toString());
        QVERIFY(meaning->text().contains(QLatin1String("in turn")));
        QVERIFY(algorithm->toolTip().contains(QLatin1String("power_of_two")));
        QVERIFY(algorithm->toolTip().contains(QLatin1String("fewest requests in progress")));
        pick(algorithm, QStringLiteral("least_connections"));
        QVERIFY(meaning->text().contains(QLatin1String("fewest requests in progress")));
        // The line follows the model, not only the user's picks (each key press was a pick).
        while (param(doc, id, "algorithm") != "round_robin")
            doc.undoStack()->undo();
        QCOMPARE(algorithm->currentText(), QStringLiteral("round_robin"));
        QVERIFY(meaning->text().contains(QLatin1String("in turn")));
        // Two balancers with different algorithms: "(mixed)", and no line.
        const QString other = doc.addComponent(QStringLiteral("load_balancer"), {300, 0});
        inspector->showComponents({other});
        pick(find<QComboBox>("param_algorithm"), QStringLiteral("random"));
        inspector->showComponents({id, other});
        QVERIFY(find<QLabel>("param_algorithm_meaning")->isHidden());
    }

    void breakerFieldsSayTheirUnits() {
        const QString client = doc.addComponent(QStringLiteral("client"), {});
        const QString service = doc.addComponent(QStringLiteral("service"), {200, 0});
        QVERIFY(doc.addLink(client, service));
        inspector->showLink({client, service});
        find<QCheckBox>("param_circuit_breaker_enabled")->click();
        // The window counts calls or seconds, as its type says.
        auto* windowUnit = find<QLabel>("param_circuit_breaker.window_unit");
        QVERIFY(windowUnit);
        QCOMPARE(windowUnit->text(), QStringLiteral("calls"));
        pick(find<QComboBox>("param_circuit_breaker.window_type"), QStringLiteral("time"));
        QCOMPARE(windowUnit->text(), QStringLiteral("s"));
        QVERIFY(find<QLabel>("param_circuit_breaker.window_type_meaning")
                    ->text()
                    .contains(QLatin1String("seconds")));
        doc.undoStack()->undo();
        QCOMPARE(windowUnit->text(), QStringLiteral("calls"));
        // A threshold is a fraction: 0.5 reads as 50%, so nobody types 50.
        auto* thresholdUnit = find<QLabel>("param_circuit_breaker.failure_rate_threshold_unit");
        QVERIFY(thresholdUnit);
        QCOMPARE(thresholdUnit->text(), QStringLiteral("= 50%"));
        typeInto(find<QLineEdit>("param_circuit_breaker.failure_rate_threshold"),
                 QStringLiteral("0.25"));
        QCOMPARE(thresholdUnit->text(), QStringLiteral("= 25%"));
        typeKeys(find<QLineEdit>("param_circuit_breaker.failure_rate_threshold"),
                 QStringLiteral("50"));
        QVERIFY(thresholdUnit->text().isEmpty()); // not a share: the Document refuses it
        typeInto(find<QLineEdit>("param_circuit_breaker.failure_rate_threshold"),
                 QStringLiteral("0.5"));
        QCOMPARE(thresholdUnit->text(), QStringLiteral("= 50%"));
        auto* wait = find<QLineEdit>("param_circuit_breaker.wait_open_s");
        QVERIFY(wait->toolTip().contains(QLatin1String("Too long")));
    }

    void wheelOverAnUnfocusedComboScrollsInsteadOfEditing() {
        const QString id = doc.addComponent(QStringLiteral("load_balancer"), {});
        inspector->showComponents({id});
        auto* algorithm = find<QComboBox>("param_algorithm");
        find<QLineEdit>("param_virtual_nodes")->setFocus();
        const QPointF at(5, 5);
        QWheelEvent wheel(at, algorithm->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(algorithm, &wheel);
        QCOMPARE(param(doc, id, "algorithm"), "round_robin");
        QCOMPARE(algorithm->currentIndex(), 0);

        // The same wheel turns a plain combo box: the event above did reach the filter.
        QComboBox plain(inspector.get());
        plain.addItems({QStringLiteral("a"), QStringLiteral("b")});
        plain.show();
        QApplication::sendEvent(&plain, &wheel);
        QCOMPARE(plain.currentIndex(), 1);
    }

    void hidesParametersThatDoNotApply() {
        const QString id = doc.addComponent(QStringLiteral("client"), {});
        inspector->showComponents({id});
        auto* users = find<QLineEdit>("param_users");
        QVERIFY(find<QLineEdit>("param_rps")->isVisible());
        QVERIFY(!users->isVisible()); // closed loop only
        pick(find<QComboBox>("param_mode"), QStringLiteral("closed"));
        QVERIFY(users->isVisible());
        QVERIFY(!find<QLineEdit>("param_rps")->isVisible());
        doc.undoStack()->undo();
        QVERIFY(!users->isVisible());
    }

    void hidesNestedFieldsThatDoNotApply() {
        // A gateway's rate limit: the token bucket's fields, or the sliding window's.
        const QString id = doc.addComponent(QStringLiteral("api_gateway"), {});
        inspector->showComponents({id});
        find<QCheckBox>("param_rate_limit_enabled")->click();
        auto* capacity = find<QLineEdit>("param_rate_limit.capacity");
        auto* limit = find<QLineEdit>("param_rate_limit.limit");
        QVERIFY(capacity && limit);
        QVERIFY(capacity->isVisible());
        QVERIFY(!limit->isVisible());
        pick(find<QComboBox>("param_rate_limit.algorithm"), QStringLiteral("sliding_window"));
        QVERIFY(limit->isVisible());
        QVERIFY(!capacity->isVisible());
        doc.undoStack()->undo();
        QVERIFY(capacity->isVisible());
        QVERIFY(!limit->isVisible());
    }

    void editsWorkersAndUndoRestoresTheField() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* workers = find<QLineEdit>("param_workers");
        QVERIFY(workers);
        const int steps = doc.undoStack()->count();
        typeInto(workers, QStringLiteral("16"));
        QCOMPARE(param(doc, id, "workers"), 16);
        QCOMPARE(doc.undoStack()->count(), steps + 1); // "1" then "16": one step
        QVERIFY(!workers->property("invalid").toBool());

        doc.undoStack()->undo();
        QCOMPARE(param(doc, id, "workers"), 4);
        QCOMPARE(workers->text(), QStringLiteral("4"));
        doc.undoStack()->redo();
        QCOMPARE(workers->text(), QStringLiteral("16"));
    }

    void twoTypingBurstsAreTwoUndoSteps() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* workers = find<QLineEdit>("param_workers");
        const int steps = doc.undoStack()->count();

        typeKeys(workers, QStringLiteral("16"));
        QCOMPARE(param(doc, id, "workers"), 16); // applied while typing
        QTest::keyClick(workers, Qt::Key_Tab);   // focus out ends the burst
        typeKeys(workers, QStringLiteral("20"));
        QTest::keyClick(workers, Qt::Key_Return);
        QCOMPARE(param(doc, id, "workers"), 20);
        QCOMPARE(doc.undoStack()->count(), steps + 2);

        doc.undoStack()->undo();
        QCOMPARE(param(doc, id, "workers"), 16);
        QCOMPARE(workers->text(), QStringLiteral("16"));
        doc.undoStack()->undo();
        QCOMPARE(param(doc, id, "workers"), 4);

        // A burst that ends where it began leaves no step.
        const int now = doc.undoStack()->index();
        typeKeys(workers, QStringLiteral("48"));
        QTest::keyClick(workers, Qt::Key_Backspace);
        QTest::keyClick(workers, Qt::Key_Return);
        QCOMPARE(param(doc, id, "workers"), 4);
        QCOMPARE(doc.undoStack()->index(), now);
        QCOMPARE(doc.undoStack()->count(), now);
    }

    void refusedFinalTextLeavesModelAndHistoryAsBefore() {
        // "1" is a valid read ratio on the way to "1.5": stored while typing, it must go
        // again when the final text is refused.
        const QString id = doc.addComponent(QStringLiteral("client"), {});
        inspector->showComponents({id});
        auto* ratio = find<QLineEdit>("param_read_ratio");
        const int index = doc.undoStack()->index();
        const int count = doc.undoStack()->count();
        const QString undoText = doc.undoStack()->undoText();
        const QByteArray saved = doc.serialized();

        ratio->setFocus();
        ratio->selectAll();
        QTest::keyClick(ratio, '1');
        QCOMPARE(param(doc, id, "read_ratio"), 1.0); // valid on the way: applied
        QTest::keyClick(ratio, '.');
        QTest::keyClick(ratio, '5');
        QVERIFY(ratio->property("invalid").toBool()); // said at once
        QTest::keyClick(ratio, Qt::Key_Tab);

        QVERIFY(!ratio->hasFocus());
        QCOMPARE(param(doc, id, "read_ratio"), 0.9);
        QCOMPARE(doc.undoStack()->index(), index);
        QCOMPARE(doc.undoStack()->count(), count); // no redo entry either
        QCOMPARE(doc.undoStack()->undoText(), undoText);
        QCOMPARE(doc.serialized(), saved); // what Save would write
        QCOMPARE(ratio->text(), QStringLiteral("1.5"));
        QVERIFY(ratio->property("invalid").toBool());
        QVERIFY2(errorText(ratio).contains(QLatin1String("between 0 and 1")),
                 qPrintable(errorText(ratio)));

        // Leaving refused text for another selection (no focus out) keeps the model too.
        typeKeys(find<QLineEdit>("param_read_ratio"), QStringLiteral("1.5"));
        const QString other = doc.addComponent(QStringLiteral("client"), {100, 0});
        inspector->showComponents({other});
        QCOMPARE(param(doc, id, "read_ratio"), 0.9);
        QCOMPARE(param(doc, other, "read_ratio"), 0.9);
        QCOMPARE(doc.undoStack()->index(), index + 1); // the component added
        inspector->showComponents({id});
        ratio = find<QLineEdit>("param_read_ratio");
        typeInto(ratio, QStringLiteral("1.5"));

        // An unrelated change keeps the refused text on show; fixing it stores one step.
        QVERIFY(doc.setComponentParam({id}, QStringLiteral("keys"), 50));
        QCOMPARE(ratio->text(), QStringLiteral("1.5"));
        typeInto(ratio, QStringLiteral("0.75"));
        QCOMPARE(param(doc, id, "read_ratio"), 0.75);
        QCOMPARE(doc.undoStack()->count(), count + 3);
        QVERIFY(!ratio->property("invalid").toBool());
    }

    void typingNeverReachesTheNextSelection() {
        // The canvas may change the selection while a field still has the keyboard.
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString b = doc.addComponent(QStringLiteral("service"), {100, 0});
        inspector->showComponents({a});
        typeKeys(find<QLineEdit>("param_workers"), QStringLiteral("9"));
        inspector->showComponents({b});
        QCOMPARE(param(doc, a, "workers"), 9); // valid text is stored as typed
        QCOMPARE(param(doc, b, "workers"), 4);
        QCOMPARE(find<QLineEdit>("param_workers")->text(), QStringLiteral("4"));
    }

    void queueCapacityReadsUnlimited() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* capacity = find<QLineEdit>("param_queue_capacity");
        QCOMPARE(param(doc, id, "queue_capacity"), -1);
        QCOMPARE(capacity->text(), QStringLiteral("unlimited"));
        QCOMPARE(capacity->placeholderText(), QStringLiteral("unlimited"));
        QVERIFY(capacity->toolTip().contains(QLatin1String("-1 is unbounded")));
        QVERIFY(capacity->toolTip().contains(QLatin1String("no limit")));

        typeInto(capacity, QStringLiteral("50"));
        QCOMPARE(param(doc, id, "queue_capacity"), 50);
        typeInto(capacity, QStringLiteral("Unlimited"));
        QCOMPARE(param(doc, id, "queue_capacity"), -1);
        QCOMPARE(capacity->text(), QStringLiteral("unlimited"));
        QVERIFY(!capacity->property("invalid").toBool());

        typeInto(capacity, QStringLiteral("50"));
        capacity->setFocus();
        capacity->selectAll();
        QTest::keyClick(capacity, Qt::Key_Backspace); // empty: no limit
        QCOMPARE(param(doc, id, "queue_capacity"), -1);
        QTest::keyClick(capacity, Qt::Key_Return);
        QCOMPARE(capacity->text(), QStringLiteral("unlimited"));

        // Halfway through the word is no error yet; a wrong word is one.
        typeKeys(capacity, QStringLiteral("unl"));
        QVERIFY(!capacity->property("invalid").toBool());
        QTest::keyClick(capacity, Qt::Key_Return);
        QVERIFY(capacity->property("invalid").toBool());
        QCOMPARE(param(doc, id, "queue_capacity"), -1);
        typeInto(capacity, QStringLiteral("lots"));
        QVERIFY(errorText(capacity).contains(QLatin1String("unlimited")));
        QCOMPARE(param(doc, id, "queue_capacity"), -1);
    }

    void showsEditsMadeElsewhere() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        QVERIFY(doc.setComponentParam({id}, QStringLiteral("replicas"), 3));
        QCOMPARE(find<QLineEdit>("param_replicas")->text(), QStringLiteral("3"));
        doc.setLabel(id, QStringLiteral("Checkout"));
        QCOMPARE(find<QLineEdit>("component_label")->text(), QStringLiteral("Checkout"));
        // Showing the same selection again keeps the widgets.
        auto* before = find<QLineEdit>("param_replicas");
        inspector->showComponents({id});
        QCOMPARE(find<QLineEdit>("param_replicas"), before);
    }

    void refusesInvalidNumbers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("negative") << "-3"
                                  << "between 1 and 100000";
        QTest::newRow("not a number") << "abc"
                                      << "not a number";
        QTest::newRow("fraction") << "2.5"
                                  << "integer"; // "2" was fine on the way
        QTest::newRow("empty") << ""
                               << "Enter a number";
    }
    void refusesInvalidNumbers() {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* workers = find<QLineEdit>("param_workers");
        const int steps = doc.undoStack()->count();
        if (text.isEmpty()) {
            workers->setFocus();
            workers->selectAll();
            QTest::keyClick(workers, Qt::Key_Backspace);
            QTest::keyClick(workers, Qt::Key_Return);
        } else {
            typeInto(workers, text);
        }
        QCOMPARE(param(doc, id, "workers"), 4); // never clamped, never applied
        QCOMPARE(doc.undoStack()->count(), steps);
        QVERIFY(workers->property("invalid").toBool());
        QCOMPARE(workers->text(), text); // the text stays for the user to fix
        QVERIFY2(errorText(workers).contains(reason, Qt::CaseInsensitive),
                 qPrintable(errorText(workers)));
        QVERIFY(workers->toolTip().contains(reason, Qt::CaseInsensitive));

        // An unrelated change keeps the refused text and its reason on show.
        QVERIFY(doc.setComponentParam({id}, QStringLiteral("replicas"), 2));
        QVERIFY(workers->property("invalid").toBool());

        typeInto(workers, QStringLiteral("6"));
        QCOMPARE(param(doc, id, "workers"), 6);
        QVERIFY(!workers->property("invalid").toBool());
        QVERIFY(errorText(workers).isEmpty());
    }

    void changesTheServiceTimeDistribution() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* dist = find<QComboBox>("param_service_time_dist");
        auto* mean = find<QLineEdit>("param_service_time_mean_ms");
        QCOMPARE(dist->currentData().toString(), QStringLiteral("exponential"));
        QCOMPARE(mean->text(), QStringLiteral("10"));
        QVERIFY(!find<QLineEdit>("param_service_time_cv")->isVisible());

        pick(dist, QStringLiteral("deterministic"));
        typeInto(mean, QStringLiteral("5"));
        QCOMPARE(param(doc, id, "service_time"),
                 (model::Json{{"dist", "deterministic"}, {"mean_ms", 5.0}}));

        pick(dist, QStringLiteral("lognormal"));
        QCOMPARE(param(doc, id, "service_time"),
                 (model::Json{{"dist", "lognormal"}, {"mean_ms", 5.0}, {"cv", 1.0}}));
        QVERIFY(find<QLineEdit>("param_service_time_cv")->isVisible());
        typeInto(find<QLineEdit>("param_service_time_cv"), QStringLiteral("0.5"));
        QCOMPARE(param(doc, id, "service_time")["cv"], 0.5);

        pick(dist, QStringLiteral("uniform"));
        auto* min = find<QLineEdit>("param_service_time_min_ms");
        auto* max = find<QLineEdit>("param_service_time_max_ms");
        QVERIFY(min->isVisible() && max->isVisible() && !mean->isVisible());
        QCOMPARE(min->text(), QStringLiteral("2.5"));
        QCOMPARE(max->text(), QStringLiteral("7.5"));

        // max below min: refused with the Document's reason, on the field that was typed in.
        const auto before = param(doc, id, "service_time");
        typeInto(max, QStringLiteral("1"));
        QCOMPARE(param(doc, id, "service_time"), before);
        QVERIFY(max->property("invalid").toBool());
        QVERIFY(!min->property("invalid").toBool());
        QVERIFY(errorText(max).contains(QLatin1String("above min_ms")));
        typeInto(max, QStringLiteral("20"));
        QCOMPARE(param(doc, id, "service_time"),
                 (model::Json{{"dist", "uniform"}, {"min_ms", 2.5}, {"max_ms", 20.0}}));
        QVERIFY(!max->property("invalid").toBool());

        doc.undoStack()->undo();
        QCOMPARE(max->text(), QStringLiteral("7.5"));
    }

    void multiSelectionShowsMixedAndEditsAllAtOnce() {
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString b = doc.addComponent(QStringLiteral("service"), {100, 0});
        QVERIFY(doc.setComponentParam({b}, QStringLiteral("workers"), 8));
        inspector->showComponents({a, b});
        QVERIFY(!find<QLineEdit>("component_id")); // ids are edited one at a time
        auto* workers = find<QLineEdit>("param_workers");
        QVERIFY(workers->text().isEmpty());
        QCOMPARE(workers->placeholderText(), QStringLiteral("(mixed)"));
        QCOMPARE(find<QLineEdit>("param_replicas")->text(), QStringLiteral("1"));

        const int steps = doc.undoStack()->count();
        typeInto(workers, QStringLiteral("6"));
        QCOMPARE(param(doc, a, "workers"), 6);
        QCOMPARE(param(doc, b, "workers"), 6);
        QCOMPARE(workers->text(), QStringLiteral("6"));
        QCOMPARE(doc.undoStack()->count(), steps + 1);

        doc.undoStack()->undo();
        QCOMPARE(param(doc, a, "workers"), 4);
        QCOMPARE(param(doc, b, "workers"), 8);
        QVERIFY(workers->text().isEmpty());
        QCOMPARE(workers->placeholderText(), QStringLiteral("(mixed)"));

        // Mixed lognormal spreads: a new mean keeps each one's own cv, in one step.
        QVERIFY(doc.setComponentParam({a}, QStringLiteral("service_time"),
                                      {{"dist", "lognormal"}, {"mean_ms", 10}, {"cv", 1}}));
        QVERIFY(doc.setComponentParam({b}, QStringLiteral("service_time"),
                                      {{"dist", "lognormal"}, {"mean_ms", 20}, {"cv", 2}}));
        QCOMPARE(find<QComboBox>("param_service_time_dist")->currentData().toString(),
                 QStringLiteral("lognormal"));
        auto* mean = find<QLineEdit>("param_service_time_mean_ms");
        QCOMPARE(mean->placeholderText(), QStringLiteral("(mixed)"));
        const int before = doc.undoStack()->count();
        typeInto(mean, QStringLiteral("15"));
        QCOMPARE(param(doc, a, "service_time"),
                 (model::Json{{"dist", "lognormal"}, {"mean_ms", 15.0}, {"cv", 1}}));
        QCOMPARE(param(doc, b, "service_time"),
                 (model::Json{{"dist", "lognormal"}, {"mean_ms", 15.0}, {"cv", 2}}));
        QCOMPARE(doc.undoStack()->count(), before + 1);
        QCOMPARE(mean->text(), QStringLiteral("15"));
        QVERIFY(find<QLineEdit>("param_service_time_cv")->text().isEmpty());
    }

    void multiSelectionOfTypesShowsSharedParameters() {
        const QString s = doc.addComponent(QStringLiteral("service"), {});
        const QString c = doc.addComponent(QStringLiteral("cache"), {100, 0});
        inspector->showComponents({s, c});
        QVERIFY(!find<QLineEdit>("param_replicas"));
        QVERIFY(!find<QLineEdit>("param_capacity"));
        QVERIFY(find<QLineEdit>("param_workers"));
        QVERIFY(find<QComboBox>("param_service_time_dist")->currentIndex() < 0); // mixed dists
        pick(find<QComboBox>("param_service_time_dist"), QStringLiteral("deterministic"));
        QCOMPARE(param(doc, s, "service_time")["dist"], "deterministic");
        QCOMPARE(param(doc, c, "service_time")["dist"], "deterministic");
    }

    void editsALinksLatency() {
        const QString client = doc.addComponent(QStringLiteral("client"), {});
        const QString service = doc.addComponent(QStringLiteral("service"), {200, 0});
        QVERIFY(doc.addLink(client, service));
        const LinkKey key{client, service};
        inspector->showLink(key);
        auto* subtitle = find<QLabel>("inspectorSubtitle");
        QCOMPARE(subtitle->text(), QStringLiteral("client1 → service1"));
        doc.setLabel(service, QStringLiteral("Checkout"));
        QCOMPARE(subtitle->text(), QStringLiteral("client1 → Checkout")); // labels people read
        QCOMPARE(subtitle->toolTip(), QStringLiteral("client1 → service1"));
        doc.undoStack()->undo();
        QCOMPARE(subtitle->text(), QStringLiteral("client1 → service1"));
        auto* dist = find<QComboBox>("param_latency_ms_dist");
        auto* latency = find<QLineEdit>("param_latency_ms_mean_ms");
        QCOMPARE(dist->currentData().toString(), QStringLiteral("fixed"));
        QCOMPARE(latency->text(), QStringLiteral("0"));

        typeInto(latency, QStringLiteral("25"));
        QCOMPARE(linkParam(doc, key, "latency_ms"), 25.0);
        QVERIFY(linkParam(doc, key, "latency_ms").is_number());

        pick(dist, QStringLiteral("exponential"));
        QCOMPARE(linkParam(doc, key, "latency_ms"),
                 (model::Json{{"dist", "exponential"}, {"mean_ms", 25.0}}));
        pick(dist, QStringLiteral("fixed"));
        QCOMPARE(linkParam(doc, key, "latency_ms"), 25.0);

        auto* weight = find<QLineEdit>("param_weight");
        const int steps = doc.undoStack()->count();
        typeInto(weight, QStringLiteral("0"));
        QCOMPARE(linkParam(doc, key, "weight"), 1.0);
        QVERIFY(weight->property("invalid").toBool());
        typeInto(weight, QStringLiteral("3x")); // "3" on the way is taken back
        QCOMPARE(linkParam(doc, key, "weight"), 1.0);
        QCOMPARE(doc.undoStack()->count(), steps);
        typeInto(weight, QStringLiteral("3"));
        QCOMPARE(linkParam(doc, key, "weight"), 3.0);

        doc.undoStack()->undo();
        QCOMPARE(weight->text(), QStringLiteral("1"));
        doc.undoStack()->undo(); // the pick of "fixed"
        QCOMPARE(dist->currentData().toString(), QStringLiteral("exponential"));
        doc.undoStack()->undo(); // the pick of "exponential"
        QCOMPARE(latency->text(), QStringLiteral("25"));
        doc.undoStack()->undo(); // the keys typed: one step
        QCOMPARE(latency->text(), QStringLiteral("0"));
        QCOMPARE(linkParam(doc, key, "latency_ms"), 0.0);

        // Renaming an end keeps the link on show; removing it shows the hint.
        QVERIFY(doc.renameComponent(service, QStringLiteral("api")));
        QCOMPARE(inspector->shownLink(), std::optional<LinkKey>(LinkKey{client, "api"}));
        QCOMPARE(find<QLabel>("inspectorSubtitle")->text(), QStringLiteral("client1 → api"));
        doc.removeItems({}, {{client, QStringLiteral("api")}});
        QVERIFY(find<QLabel>("inspectorHint"));
    }

    void editsALinksNestedPolicies() {
        const QString client = doc.addComponent(QStringLiteral("client"), {});
        const QString service = doc.addComponent(QStringLiteral("service"), {200, 0});
        QVERIFY(doc.addLink(client, service));
        const LinkKey key{client, service};
        inspector->showLink(key);

        // Retries: always there; a nested field writes the whole object back.
        auto* group = find<QWidget>("param_retries_group");
        QVERIFY(group);
        QVERIFY(group->toolTip().contains(QLatin1String("backoff")));
        auto* attempts = find<QLineEdit>("param_retries.max_attempts");
        QVERIFY(attempts);
        QCOMPARE(attempts->text(), QStringLiteral("1"));
        const model::Json before = linkParam(doc, key, "retries");
        const int steps = doc.undoStack()->count();
        typeInto(attempts, QStringLiteral("3"));
        QCOMPARE(linkParam(doc, key, "retries")["max_attempts"], 3);
        QCOMPARE(linkParam(doc, key, "retries")["base_ms"], before["base_ms"]);
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.undoStack()->undo();
        QCOMPARE(linkParam(doc, key, "retries"), before);
        QCOMPARE(attempts->text(), QStringLiteral("1")); // follows linkChanged
        typeInto(attempts, QStringLiteral("3"));
        pick(find<QComboBox>("param_retries.jitter"), QStringLiteral("none"));
        QCOMPARE(linkParam(doc, key, "retries")["jitter"], "none");
        QCOMPARE(linkParam(doc, key, "retries")["max_attempts"], 3);
        while (doc.undoStack()->index() > steps)
            doc.undoStack()->undo();
        QCOMPARE(linkParam(doc, key, "retries"), before);
        typeInto(attempts, QStringLiteral("21")); // out of range: refused
        QCOMPARE(linkParam(doc, key, "retries"), before);
        QVERIFY(attempts->property("invalid").toBool());
        QVERIFY(!errorText(attempts).isEmpty());

        // The breaker: absent until enabled, then the defaults.
        auto* enabled = find<QCheckBox>("param_circuit_breaker_enabled");
        QVERIFY(enabled);
        QVERIFY(!enabled->isChecked());
        QVERIFY(!linkParam(doc, key, "circuit_breaker").is_object());
        auto* threshold = find<QLineEdit>("param_circuit_breaker.failure_rate_threshold");
        QVERIFY(threshold);
        QVERIFY(!threshold->isVisible());
        enabled->click();
        const model::Json breaker = linkParam(doc, key, "circuit_breaker");
        QVERIFY(breaker.is_object());
        QCOMPARE(breaker["failure_rate_threshold"], 0.5);
        QCOMPARE(breaker["window_type"], "count");
        QCOMPARE(breaker["window"], 100);
        QVERIFY(enabled->isChecked());
        QVERIFY(threshold->isVisible());
        QCOMPARE(threshold->text(), QStringLiteral("0.5"));

        // An invalid nested value is refused, with the Document's reason.
        const int stepsBefore = doc.undoStack()->count();
        typeInto(threshold, QStringLiteral("1.5"));
        QCOMPARE(linkParam(doc, key, "circuit_breaker"), breaker);
        QCOMPARE(doc.undoStack()->count(), stepsBefore);
        QVERIFY(threshold->property("invalid").toBool());
        QVERIFY(!errorText(threshold).isEmpty());
        typeInto(threshold, QStringLiteral("0.25"));
        QCOMPARE(linkParam(doc, key, "circuit_breaker")["failure_rate_threshold"], 0.25);

        // Switched off: the key leaves the link (no breaker), and the box follows.
        enabled->click();
        QVERIFY(!linkParam(doc, key, "circuit_breaker").is_object());
        QVERIFY(!doc.scenario().links[std::size_t(doc.linkIndex(key))].params.contains(
            "circuit_breaker"));
        QVERIFY(!enabled->isChecked());
        doc.undoStack()->undo();
        QCOMPARE(linkParam(doc, key, "circuit_breaker")["failure_rate_threshold"], 0.25);
        QVERIFY(!threshold->property("invalid").toBool());

        // Undo takes the breaker away again.
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(!linkParam(doc, key, "circuit_breaker").is_object());
        QVERIFY(!enabled->isChecked());
    }

    void renamesAndFollowsRenames() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        const QString other = doc.addComponent(QStringLiteral("service"), {100, 0});
        inspector->showComponents({id});
        auto* idEdit = find<QLineEdit>("component_id");

        typeInto(idEdit, other); // taken
        QVERIFY(idEdit->property("invalid").toBool());
        QCOMPARE(doc.scenario().indexOf(id.toStdString()), 0);
        typeInto(idEdit, QStringLiteral("bad id!"));
        QVERIFY(idEdit->property("invalid").toBool());

        typeInto(idEdit, QStringLiteral("checkout"));
        QVERIFY(!idEdit->property("invalid").toBool());
        QCOMPARE(inspector->shownComponents(), QStringList{QStringLiteral("checkout")});
        QCOMPARE(doc.scenario().components[0].id, "checkout");
        QCOMPARE(find<QLineEdit>("component_id"), idEdit); // not rebuilt

        typeInto(find<QLineEdit>("param_workers"), QStringLiteral("7"));
        QCOMPARE(param(doc, QStringLiteral("checkout"), "workers"), 7);

        doc.undoStack()->undo(); // workers
        doc.undoStack()->undo(); // rename
        QCOMPARE(inspector->shownComponents(), QStringList{id});
        QCOMPARE(idEdit->text(), id);

        auto* label = find<QLineEdit>("component_label");
        label->setFocus();
        QTest::keyClicks(label, QStringLiteral("Cart"));
        QCOMPARE(component(doc, id).label, "Cart"); // applied as typed
        QTest::keyClick(label, Qt::Key_Return);

        doc.removeItems({id}, {});
        QVERIFY(find<QLabel>("inspectorHint"));
        doc.undoStack()->undo();
        QVERIFY(find<QLabel>("inspectorHint")); // the canvas decides what to show again
    }

    void followsARenameWhileTheUserTypesElsewhere() {
        // The canvas keeps a renamed item selected; the inspector follows the new id by
        // itself, without rebuilding under the user's fingers.
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* idEdit = find<QLineEdit>("component_id");
        auto* workers = find<QLineEdit>("param_workers");
        typeKeys(workers, QStringLiteral("9"));
        QVERIFY(doc.renameComponent(id, QStringLiteral("checkout")));
        QCOMPARE(inspector->shownComponents(), QStringList{QStringLiteral("checkout")});
        QCOMPARE(find<QLineEdit>("param_workers"), workers); // not rebuilt
        QCOMPARE(workers->text(), QStringLiteral("9"));      // the typing goes on
        QVERIFY(workers->hasFocus());
        QCOMPARE(idEdit->text(), QStringLiteral("checkout"));
        QTest::keyClicks(workers, QStringLiteral("6"));
        QTest::keyClick(workers, Qt::Key_Return);
        QCOMPARE(param(doc, QStringLiteral("checkout"), "workers"), 96);

        // Showing the renamed selection again keeps the widgets too.
        inspector->showComponents({QStringLiteral("checkout")});
        QCOMPARE(find<QLineEdit>("param_workers"), workers);

        // In a multi-selection, in another order, with labels in the subtitle.
        const QString other = doc.addComponent(QStringLiteral("service"), {100, 0});
        inspector->showComponents({QStringLiteral("checkout"), other});
        workers = find<QLineEdit>("param_workers");
        inspector->showComponents({other, QStringLiteral("checkout")});
        QCOMPARE(find<QLineEdit>("param_workers"), workers);
        doc.setLabel(other, QStringLiteral("Cart"));
        QVERIFY(doc.renameComponent(QStringLiteral("checkout"), QStringLiteral("pay")));
        QCOMPARE(find<QLineEdit>("param_workers"), workers);
        QCOMPARE(inspector->shownComponents(), (QStringList{QStringLiteral("pay"), other}));
        auto* subtitle = find<QLabel>("inspectorSubtitle");
        QCOMPARE(subtitle->text(), QStringLiteral("2 selected: pay, Cart"));
        QCOMPARE(subtitle->toolTip(), QStringLiteral("pay, ") + other);
        doc.undoStack()->undo(); // the rename
        QCOMPARE(inspector->shownComponents(), (QStringList{QStringLiteral("checkout"), other}));
    }

    void typingALabelIsOneUndoStep() {
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        auto* label = find<QLineEdit>("component_label");
        const int steps = doc.undoStack()->count();
        typeKeys(label, QStringLiteral("Cart"));
        QCOMPARE(component(doc, id).label, "Cart"); // applied as typed
        QTest::keyClick(label, Qt::Key_Return);
        typeKeys(label, QStringLiteral("Checkout"));
        QTest::keyClick(label, Qt::Key_Tab);
        QCOMPARE(component(doc, id).label, "Checkout");
        QCOMPARE(doc.undoStack()->count(), steps + 2);
        doc.undoStack()->undo();
        QCOMPARE(component(doc, id).label, "Cart");
        QCOMPARE(label->text(), QStringLiteral("Cart"));
        doc.undoStack()->undo();
        QCOMPARE(component(doc, id).label, "");
    }

    void zoneRowMovesComponentsBetweenZones() {
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString b = doc.addComponent(QStringLiteral("service"), {100, 0});
        inspector->showComponents({a});
        auto* zone = find<QComboBox>("component_zone");
        QVERIFY(zone);
        QCOMPARE(zone->count(), 1); // "(none)" only
        QVERIFY(!zone->isEnabled());

        const QString east = doc.addZone(QStringLiteral("East"), {b});
        QCOMPARE(find<QComboBox>("component_zone"), zone); // refreshed, not rebuilt
        QCOMPARE(zone->count(), 2);
        QVERIFY(zone->isEnabled());
        QCOMPARE(zone->itemText(1), QStringLiteral("East"));
        QCOMPARE(zone->currentIndex(), 0);

        const int steps = doc.undoStack()->count();
        pick(zone, east);
        QCOMPARE(component(doc, a).zone, east.toStdString());
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.renameZone(east, QStringLiteral("US East"));
        QCOMPARE(zone->currentText(), QStringLiteral("US East"));
        doc.undoStack()->undo(); // the rename of the zone
        doc.undoStack()->undo(); // the pick
        QCOMPARE(zone->currentIndex(), 0);

        // Several components: "(mixed)" until one pick moves them all.
        inspector->showComponents({a, b});
        zone = find<QComboBox>("component_zone");
        QCOMPARE(zone->currentIndex(), -1);
        QCOMPARE(zone->placeholderText(), QStringLiteral("(mixed)"));
        pick(zone, QString());
        QCOMPARE(component(doc, a).zone, "");
        QCOMPARE(component(doc, b).zone, "");
        doc.removeZone(east);
        QCOMPARE(zone->count(), 1);
    }

    void zonePageShowsLabelIdAndMembers() {
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString b = doc.addComponent(QStringLiteral("cache"), {100, 0});
        const QString outside = doc.addComponent(QStringLiteral("database"), {200, 0});
        doc.setLabel(b, QStringLiteral("Sessions"));
        const QString east = doc.addZone(QStringLiteral("East"), {a, b});
        inspector->showZone(east);
        QCOMPARE(inspector->shownZone(), east);
        QVERIFY(inspector->shownComponents().isEmpty());
        QVERIFY(!inspector->shownLink());
        QCOMPARE(find<QLabel>("inspectorTitle")->text(), QStringLiteral("Zone"));
        QCOMPARE(find<QLabel>("inspectorHelp")->text(),
                 QStringLiteral("A zone is a failure domain — an availability zone or region. A "
                                "zone outage fault takes every member down at once."));
        QCOMPARE(find<QLabel>("zone_id")->text(), east);
        QCOMPARE(find<QLineEdit>("zone_label")->text(), QStringLiteral("East"));
        QVERIFY(find<QPushButton>("zone_delete"));
        QCOMPARE(memberNames(), (QStringList{a, QStringLiteral("Sessions")}));
        QVERIFY(memberToolTips().at(1).contains(b));
        QVERIFY(!memberNames().contains(outside));
        QVERIFY(!find<QLabel>("zone_no_members"));

        // Members follow the Document: moves in and out, labels, renames, removals.
        auto* page = find<QWidget>("inspectorContent");
        doc.setComponentZone({outside}, east);
        QCOMPARE(memberNames(), (QStringList{a, QStringLiteral("Sessions"), outside}));
        doc.setComponentZone({a}, QString());
        QCOMPARE(memberNames(), (QStringList{QStringLiteral("Sessions"), outside}));
        doc.setLabel(outside, QStringLiteral("Orders"));
        QCOMPARE(memberNames(),
                 (QStringList{QStringLiteral("Sessions"), QStringLiteral("Orders")}));
        QVERIFY(doc.renameComponent(b, QStringLiteral("sessions")));
        QVERIFY(memberToolTips().at(0).contains(QLatin1String("sessions")));
        doc.removeItems({outside}, {});
        QCOMPARE(memberNames(), QStringList{QStringLiteral("Sessions")});
        doc.undoStack()->undo(); // the removal
        QCOMPARE(memberNames(),
                 (QStringList{QStringLiteral("Sessions"), QStringLiteral("Orders")}));
        QCOMPARE(find<QWidget>("inspectorContent"), page); // refreshed, not rebuilt
        inspector->showZone(east);                         // the same zone again: kept too
        QCOMPARE(find<QWidget>("inspectorContent"), page);

        const QString empty = doc.addZone(QStringLiteral("Spare"), {});
        inspector->showZone(empty);
        QVERIFY(memberNames().isEmpty());
        QVERIFY(find<QLabel>("zone_no_members"));

        // Other selections replace the page; a zone that does not exist shows the settings.
        inspector->showComponents({a});
        QVERIFY(inspector->shownZone().isEmpty());
        QVERIFY(!find<QLineEdit>("zone_label"));
        inspector->showZone(QStringLiteral("nowhere"));
        QVERIFY(inspector->shownZone().isEmpty());
        QVERIFY(find<QLineEdit>("scenario_name"));
    }

    void zoneLabelIsOneUndoStepPerEdit() {
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString east = doc.addZone(QStringLiteral("East"), {a});
        inspector->showZone(east);
        auto* label = find<QLineEdit>("zone_label");
        const int steps = doc.undoStack()->count();
        typeKeys(label, QStringLiteral("US East"));
        QCOMPARE(doc.scenario().zones.front().label, "East"); // applied when done
        QTest::keyClick(label, Qt::Key_Return);
        QCOMPARE(doc.scenario().zones.front().label, "US East");
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        typeKeys(label, QStringLiteral("us-east-1"));
        QTest::keyClick(label, Qt::Key_Tab); // focus out finishes too
        QCOMPARE(doc.scenario().zones.front().label, "us-east-1");
        QCOMPARE(doc.undoStack()->count(), steps + 2);
        label->setFocus();
        QTest::keyClick(label, Qt::Key_Return); // nothing typed: no step
        typeInto(label, QStringLiteral("us-east-1"));
        QCOMPARE(doc.undoStack()->count(), steps + 2); // the same text: no step either

        doc.undoStack()->undo();
        QCOMPARE(label->text(), QStringLiteral("US East"));
        doc.renameZone(east, QStringLiteral("Virginia")); // elsewhere (the canvas)
        QCOMPARE(label->text(), QStringLiteral("Virginia"));
        // While the user types, the field keeps the text.
        typeKeys(label, QStringLiteral("Ohio"));
        doc.setComponentZone({a}, QString());
        QCOMPARE(label->text(), QStringLiteral("Ohio"));
        QTest::keyClick(label, Qt::Key_Return);
        QCOMPARE(doc.scenario().zones.front().label, "Ohio");
    }

    void deletingTheZoneOrUndoingItFallsBackToTheSettings() {
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString b = doc.addComponent(QStringLiteral("service"), {100, 0});
        const QString east = doc.addZone(QStringLiteral("East"), {a, b});
        inspector->showZone(east);
        const int steps = doc.undoStack()->count();
        // Clicking the button leaves the label field: what was typed is applied first.
        typeKeys(find<QLineEdit>("zone_label"), QStringLiteral("West"));
        QTest::mouseClick(find<QPushButton>("zone_delete"), Qt::LeftButton);
        QVERIFY(doc.scenario().zones.empty());
        QCOMPARE(doc.scenario().components.size(), std::size_t(2)); // the members stay
        QCOMPARE(component(doc, a).zone, "");
        QCOMPARE(component(doc, b).zone, "");
        QCOMPARE(doc.undoStack()->count(), steps + 2); // the label, the deletion
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Delete zone %1").arg(east));
        QVERIFY(inspector->shownZone().isEmpty());
        QVERIFY(find<QLineEdit>("scenario_name"));
        QVERIFY(!find<QLineEdit>("zone_label"));

        doc.undoStack()->undo();
        QCOMPARE(component(doc, a).zone, east.toStdString());
        QCOMPARE(doc.scenario().zones.front().label, "West");
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().zones.front().label, "East");
        inspector->showZone(east);
        QCOMPARE(memberNames(), (QStringList{a, b}));

        // Deleted elsewhere (the canvas) while the user types: the half-typed label goes with
        // the page and changes nothing.
        typeKeys(find<QLineEdit>("zone_label"), QStringLiteral("North"));
        doc.removeZone(east);
        QVERIFY(inspector->shownZone().isEmpty());
        QCoreApplication::processEvents(); // the old page is deleted: no late edits
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().zones.front().label, "East");

        inspector->showZone(east);
        doc.undoStack()->undo(); // the zone's creation: it is gone again
        QVERIFY(doc.scenario().zones.empty());
        QVERIFY(inspector->shownZone().isEmpty());
        QVERIFY(find<QLineEdit>("scenario_name"));

        doc.undoStack()->redo();
        inspector->showZone(east);
        QCOMPARE(inspector->shownZone(), east);
        doc.newScenario();
        QVERIFY(inspector->shownZone().isEmpty());
        QVERIFY(find<QLabel>("inspectorHint"));
    }

    void scenarioSettingsWhenNothingIsSelected() {
        auto* name = find<QLineEdit>("scenario_name");
        auto* description = find<QPlainTextEdit>("scenario_description");
        auto* seed = find<QLineEdit>("param_seed");
        auto* duration = find<QLineEdit>("param_duration_s");
        auto* warmup = find<QLineEdit>("param_warmup_s");
        QVERIFY(name && description && seed && duration && warmup);
        QVERIFY(find<QLabel>("inspectorHint")); // the hint stays, above
        QCOMPARE(duration->text(), QStringLiteral("60"));
        QCOMPARE(seed->text(), QStringLiteral("1"));

        const int steps = doc.undoStack()->count();
        typeInto(name, QStringLiteral("Checkout at peak"));
        QCOMPARE(doc.scenario().name, "Checkout at peak");
        typeInto(seed, QStringLiteral("42"));
        QCOMPARE(doc.scenario().seed, 42u);
        typeInto(duration, QStringLiteral("120"));
        QCOMPARE(doc.scenario().durationS, 120.0);
        description->setFocus();
        QTest::keyClicks(description, QStringLiteral("Black Friday"));
        QCOMPARE(doc.scenario().description, ""); // applied when the field is left
        name->setFocus();
        QCOMPARE(doc.scenario().description, "Black Friday");
        QCOMPARE(doc.undoStack()->count(), steps + 4);

        // Refused: the model keeps its value, the field its text and the reason.
        typeInto(warmup, QStringLiteral("200"));
        QCOMPARE(doc.scenario().warmupS, 0.0);
        QVERIFY(warmup->property("invalid").toBool());
        QVERIFY2(errorText(warmup).contains(QLatin1String("shorter than the duration")),
                 qPrintable(errorText(warmup)));
        typeInto(seed, QStringLiteral("-4"));
        QCOMPARE(doc.scenario().seed, 42u);
        QVERIFY(seed->property("invalid").toBool());
        typeInto(seed, QStringLiteral("1.5"));
        QCOMPARE(doc.scenario().seed, 42u);
        QCOMPARE(doc.undoStack()->count(), steps + 4);
        typeInto(warmup, QStringLiteral("10"));
        QCOMPARE(doc.scenario().warmupS, 10.0);
        QVERIFY(!warmup->property("invalid").toBool());

        // Undo and edits made elsewhere show.
        doc.undoStack()->undo();
        QCOMPARE(warmup->text(), QStringLiteral("0"));
        auto settings = doc.settings();
        settings.name = "Renamed";
        QVERIFY(doc.setScenarioSettings(settings));
        QCOMPARE(name->text(), QStringLiteral("Renamed"));

        // A component shown and gone again: the settings are back.
        const QString id = doc.addComponent(QStringLiteral("service"), {});
        inspector->showComponents({id});
        QVERIFY(!find<QLineEdit>("scenario_name"));
        inspector->clear();
        QCOMPARE(find<QLineEdit>("scenario_name")->text(), QStringLiteral("Renamed"));
        typeKeys(find<QLineEdit>("scenario_name"), QStringLiteral("half typed"));
        doc.newScenario(); // nothing typed carries over to the new scenario
        QCOMPARE(find<QLineEdit>("scenario_name")->text(),
                 QString::fromStdString(doc.scenario().name));
        QCOMPARE(doc.undoStack()->undoText(), QString());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void removingOneOfSeveralKeepsTheRest() {
        const QString a = doc.addComponent(QStringLiteral("service"), {});
        const QString b = doc.addComponent(QStringLiteral("cache"), {100, 0});
        inspector->showComponents({a, b});
        QVERIFY(!find<QLineEdit>("param_replicas"));
        doc.removeItems({b}, {});
        QCOMPARE(inspector->shownComponents(), QStringList{a});
        QVERIFY(find<QLineEdit>("param_replicas"));
        doc.newScenario();
        QVERIFY(find<QLabel>("inspectorHint"));
    }
};

QTEST_MAIN(TestInspector)
#include "test_inspector.moc"
