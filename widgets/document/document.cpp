#include "document.h"

#include "analysis/topology_check.h"
#include "auto_layout.h"
#include "document_commands.h"
#include "model/component_types.h"
#include "model/param_check.h"
#include "model/scenario_error.h"
#include "model/scenario_json.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUndoStack>
#include <cmath>

namespace sdlab::widgets {

namespace {

model::Json toJson(const QByteArray& bytes) {
    return model::Json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

bool validId(const QString& id) {
    static const QRegularExpression pattern("^[A-Za-z0-9_.-]+$");
    return pattern.match(id).hasMatch();
}

} // namespace

Document::Document(QObject* parent)
    : QObject(parent)
    , undoStack_(new QUndoStack(this)) {
    connect(undoStack_, &QUndoStack::cleanChanged, this, &Document::changed);
}

Document::~Document() = default;

QString Document::displayName() const {
    if (!filePath_.isEmpty()) return QFileInfo(filePath_).fileName();
    // An example or a lesson's design is not a file of the user's yet: its own name says
    // what is on screen better than "Untitled".
    return scenario_.name.empty()
               ? tr("Untitled")
               : tr("%1 (not saved)").arg(QString::fromStdString(scenario_.name));
}

QString Document::componentName(const QString& id) const {
    const int i = scenario_.indexOf(id.toStdString());
    if (i < 0 || scenario_.components[std::size_t(i)].label.empty()) return id;
    return QString::fromStdString(scenario_.components[std::size_t(i)].label);
}

bool Document::isModified() const {
    return !undoStack_->isClean();
}

void Document::newScenario() {
    undoStack_->clear();
    scenario_ = model::Scenario{};
    scenario_.name = tr("Untitled").toStdString();
    filePath_.clear();
    undoStack_->setClean();
    emit filePathChanged(filePath_);
    emit reset();
    emit changed();
}

bool Document::open(const QString& path, QString* error) {
    return load(path, error) && (setFilePath(path), true);
}

bool Document::openTemplate(const QString& path, QString* error) {
    return load(path, error) && (setFilePath(QString()), true);
}

void Document::setFilePath(const QString& path) {
    filePath_ = path;
    emit filePathChanged(filePath_);
}

std::optional<model::Scenario> Document::read(const QString& path, QString* error) const {
    QFile file(path); // QFile, not std::ifstream: templates live in Qt resources
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("%1: cannot open the file (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray text = file.readAll();
    try {
        model::Scenario loaded =
            model::parseScenario(std::string_view(text.data(), std::size_t(text.size())));
        layOutIfUnplaced(loaded);
        return loaded;
    } catch (const model::ScenarioError& e) {
        if (error) *error = QString::fromStdString(e.describe(path.toStdString()));
        return std::nullopt;
    }
}

bool Document::load(const QString& path, QString* error) {
    std::optional<model::Scenario> loaded = read(path, error);
    if (!loaded) return false;
    undoStack_->clear();
    scenario_ = std::move(*loaded);
    undoStack_->setClean();
    emit reset();
    emit changed();
    return true;
}

bool Document::replaceFromFile(const QString& path, const QString& undoText, QString* error) {
    std::optional<model::Scenario> loaded = read(path, error);
    if (!loaded) return false;
    undoStack_->push(new ReplaceScenarioCommand(this, undoText, scenario_, std::move(*loaded)));
    return true;
}

void Document::setScenario(const model::Scenario& scenario) {
    scenario_ = scenario;
    emit reset();
    emit changed();
}

QByteArray Document::serialized() const {
    return QByteArray::fromStdString(model::serializeScenario(scenario_));
}

bool Document::saveAs(const QString& path, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(serialized()) < 0 || !file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    filePath_ = path;
    undoStack_->setClean();
    emit filePathChanged(filePath_);
    emit changed();
    return true;
}

QString Document::uniqueId(const QString& wanted) const {
    // "service3" copied, or a new "service": number from the stem (service1, service2, …),
    // never "service31".
    QString stem = wanted;
    stem.remove(QRegularExpression("[0-9]+$"));
    if (stem.isEmpty()) stem = QStringLiteral("c");
    for (int n = 1;; ++n) {
        const QString candidate = stem + QString::number(n);
        if (scenario_.indexOf(candidate.toStdString()) < 0) return candidate;
    }
}

QPointF Document::positionOf(const model::ComponentSpec& spec) {
    const auto x = spec.ui.find("x"), y = spec.ui.find("y");
    if (x == spec.ui.end() || y == spec.ui.end() || !x->is_number() || !y->is_number()) return {};
    return {x->get<double>(), y->get<double>()};
}

void Document::setPosition(model::ComponentSpec& spec, QPointF position) {
    // Whole pixels keep saved files short and diffs readable.
    spec.ui["x"] = std::lround(position.x());
    spec.ui["y"] = std::lround(position.y());
}

QString Document::addComponent(const QString& typeAndPreset, QPointF position) {
    const QString type = typeAndPreset.section(':', 0, 0);
    const QString preset = typeAndPreset.section(':', 1);
    const auto* t = model::findComponentType(type.toStdString());
    if (!t) return {};
    model::ComponentSpec spec;
    spec.id = uniqueId(type).toStdString();
    spec.type = t->name;
    model::Json given = model::Json::object();
    for (const auto& p : t->presets)
        if (QString::fromStdString(p.name) == preset) {
            given["preset"] = p.name;
            spec.label = p.title;
        }
    spec.params = model::checkComponentParams(*t, given, spec.id);
    setPosition(spec, position);
    undoStack_->push(new AddComponentCommand(this, spec));
    return QString::fromStdString(spec.id);
}

bool Document::addLink(const QString& from, const QString& to, QString* reason) {
    auto fail = [&](const QString& why) {
        if (reason) *reason = why;
        return false;
    };
    if (from == to) return fail(tr("A component cannot call itself."));
    if (linkIndex({from, to}) >= 0) return fail(tr("%1 already calls %2.").arg(from, to));
    model::LinkSpec link;
    link.from = from.toStdString();
    link.to = to.toStdString();
    link.params =
        model::checkParams(model::Json::object(), model::linkParams(), "link", {}, "link");
    model::Scenario trial = scenario_;
    trial.links.push_back(link);
    try {
        analysis::checkTopology(trial);
    } catch (const model::ScenarioError& e) {
        return fail(QString::fromStdString(e.what()));
    }
    undoStack_->push(new AddLinkCommand(this, link));
    return true;
}

void Document::removeItems(const QStringList& componentIds, const QList<LinkKey>& links) {
    std::vector<int> components, linkIndexes;
    for (const auto& id : componentIds)
        if (const int i = scenario_.indexOf(id.toStdString()); i >= 0) components.push_back(i);
    for (int i = 0; i < int(scenario_.links.size()); ++i) {
        const auto& l = scenario_.links[std::size_t(i)];
        const LinkKey key{QString::fromStdString(l.from), QString::fromStdString(l.to)};
        if (links.contains(key) || componentIds.contains(key.from) || componentIds.contains(key.to))
            linkIndexes.push_back(i);
    }
    if (components.empty() && linkIndexes.empty()) return;
    std::sort(components.begin(), components.end());
    components.erase(std::unique(components.begin(), components.end()), components.end());
    undoStack_->beginMacro(tr("Delete"));
    undoStack_->push(new RemoveItemsCommand(this, components, linkIndexes));
    pruneSchedule();
    undoStack_->endMacro();
}

void Document::moveComponents(const QHash<QString, QPointF>& positions, bool continuous) {
    std::vector<ChangeItemsCommand::ComponentChange> changes;
    QStringList keys = positions.keys();
    keys.sort(); // a stable order: the merge key below depends on it
    for (const auto& id : keys) {
        const int i = scenario_.indexOf(id.toStdString());
        if (i < 0) continue;
        auto after = scenario_.components[std::size_t(i)];
        setPosition(after, positions[id]);
        if (after.ui == scenario_.components[std::size_t(i)].ui) continue;
        changes.push_back({i, scenario_.components[std::size_t(i)], after});
    }
    if (changes.empty()) return;
    undoStack_->push(new ChangeItemsCommand(this, tr("Move"), std::move(changes), {},
                                            continuous ? MoveComponentsId : -1,
                                            continuous ? keys.join(',') : QString(), continuous));
}

bool Document::setComponentParam(const QStringList& ids, const QString& name,
                                 const model::Json& value, QString* reason, bool continuous) {
    std::vector<ChangeItemsCommand::ComponentChange> changes;
    for (const auto& id : ids) {
        const int i = scenario_.indexOf(id.toStdString());
        if (i < 0) continue;
        const auto& before = scenario_.components[std::size_t(i)];
        const auto* type = model::findComponentType(before.type);
        auto after = before;
        after.params[name.toStdString()] = value;
        try {
            after.params = model::checkComponentParams(*type, after.params, before.id);
        } catch (const model::ScenarioError& e) {
            if (reason) *reason = QString::fromStdString(e.what());
            return false;
        }
        if (after.params != before.params) changes.push_back({i, before, after});
    }
    if (changes.empty()) return true;
    undoStack_->push(new ChangeItemsCommand(this, tr("Change %1").arg(name), std::move(changes), {},
                                            ChangeParamId, ids.join(',') + QLatin1Char('/') + name,
                                            continuous));
    return true;
}

bool Document::setLinkParam(const LinkKey& key, const QString& name, const model::Json& value,
                            QString* reason, bool continuous) {
    const int i = linkIndex(key);
    if (i < 0) return false;
    const auto& before = scenario_.links[std::size_t(i)];
    auto after = before;
    if (value.is_null()) // an optional policy (a circuit breaker) switched off
        after.params.erase(name.toStdString());
    else
        after.params[name.toStdString()] = value;
    try {
        after.params = model::checkParams(after.params, model::linkParams(), "link", {}, "a link");
    } catch (const model::ScenarioError& e) {
        if (reason) *reason = QString::fromStdString(e.what());
        return false;
    }
    if (after.params == before.params) return true;
    undoStack_->push(new ChangeItemsCommand(
        this, tr("Change %1").arg(name), {}, {{i, before, after}}, ChangeParamId,
        key.from + QLatin1String("->") + key.to + '/' + name, continuous));
    return true;
}

bool Document::renameComponent(const QString& id, const QString& newId, QString* reason) {
    const int i = scenario_.indexOf(id.toStdString());
    if (i < 0 || id == newId) return i >= 0;
    if (!validId(newId)) {
        if (reason) *reason = tr("Use letters, digits, '_', '-' and '.' only.");
        return false;
    }
    if (scenario_.indexOf(newId.toStdString()) >= 0) {
        if (reason) *reason = tr("'%1' is taken.").arg(newId);
        return false;
    }
    auto after = scenario_.components[std::size_t(i)];
    after.id = newId.toStdString();
    std::vector<ChangeItemsCommand::LinkChange> links;
    for (int l = 0; l < int(scenario_.links.size()); ++l) {
        auto link = scenario_.links[std::size_t(l)];
        if (link.from != id.toStdString() && link.to != id.toStdString()) continue;
        const auto before = link;
        if (link.from == id.toStdString()) link.from = after.id;
        if (link.to == id.toStdString()) link.to = after.id;
        links.push_back({l, before, link});
    }
    model::Schedule schedule = model::scheduleOf(scenario_);
    model::renameInSchedule(schedule, id.toStdString(), after.id);
    const bool scheduled = !model::sameSchedule(schedule, model::scheduleOf(scenario_));
    if (scheduled) undoStack_->beginMacro(tr("Rename %1").arg(id));
    undoStack_->push(new ChangeItemsCommand(this, tr("Rename %1").arg(id),
                                            {{i, scenario_.components[std::size_t(i)], after}},
                                            std::move(links)));
    if (scheduled) { // the faults and load changes that name it follow
        undoStack_->push(new ScheduleCommand(this, model::scheduleOf(scenario_), schedule));
        undoStack_->endMacro();
    }
    return true;
}

void Document::setLabel(const QString& id, const QString& label) {
    const int i = scenario_.indexOf(id.toStdString());
    if (i < 0 || scenario_.components[std::size_t(i)].label == label.toStdString()) return;
    auto after = scenario_.components[std::size_t(i)];
    after.label = label.toStdString();
    undoStack_->push(new ChangeItemsCommand(this, tr("Rename %1").arg(id),
                                            {{i, scenario_.components[std::size_t(i)], after}}, {},
                                            ChangeParamId, id + QLatin1String("/label")));
}

QByteArray Document::copy(const QStringList& ids) const {
    model::Json out = {{"sdlab_clipboard", 1},
                       {"components", model::Json::array()},
                       {"links", model::Json::array()}};
    for (const auto& c : scenario_.components)
        if (ids.contains(QString::fromStdString(c.id)))
            out["components"].push_back({{"id", c.id},
                                         {"type", c.type},
                                         {"label", c.label},
                                         {"params", c.params},
                                         {"ui", c.ui}});
    for (const auto& l : scenario_.links)
        if (ids.contains(QString::fromStdString(l.from)) &&
            ids.contains(QString::fromStdString(l.to)))
            out["links"].push_back({{"from", l.from}, {"to", l.to}, {"params", l.params}});
    return QByteArray::fromStdString(out.dump());
}

QStringList Document::paste(const QByteArray& clipboardJson, QPointF offset) {
    const model::Json in = toJson(clipboardJson);
    if (!in.is_object() || !in.contains("sdlab_clipboard")) return {};
    QStringList added;
    QHash<QString, QString> renamed;
    undoStack_->beginMacro(tr("Paste"));
    for (const auto& c : in["components"]) {
        const auto* type = model::findComponentType(c.value("type", ""));
        if (!type) continue;
        model::ComponentSpec spec;
        const QString oldId = QString::fromStdString(c.value("id", type->name));
        spec.id = uniqueId(oldId).toStdString();
        spec.type = type->name;
        spec.label = c.value("label", "");
        try {
            spec.params = model::checkComponentParams(
                *type, c.value("params", model::Json::object()), spec.id);
        } catch (const model::ScenarioError&) {
            continue;
        }
        spec.ui = c.value("ui", model::Json::object());
        setPosition(spec, positionOf(spec) + offset);
        undoStack_->push(new AddComponentCommand(this, spec));
        renamed[oldId] = QString::fromStdString(spec.id);
        added << QString::fromStdString(spec.id);
    }
    for (const auto& l : in["links"]) {
        const QString from = renamed.value(QString::fromStdString(l.value("from", "")));
        const QString to = renamed.value(QString::fromStdString(l.value("to", "")));
        if (from.isEmpty() || to.isEmpty() || !addLink(from, to)) continue;
        setLinkParam({from, to}, "latency_ms", l["params"].value("latency_ms", model::Json(0.0)));
        setLinkParam({from, to}, "weight", l["params"].value("weight", model::Json(1.0)));
    }
    undoStack_->endMacro();
    return added;
}

std::vector<int> Document::componentIndexes(const QStringList& ids) const {
    std::vector<int> out;
    for (const auto& id : ids)
        if (const int i = scenario_.indexOf(id.toStdString()); i >= 0) out.push_back(i);
    return out;
}

QString Document::addZone(const QString& label, const QStringList& memberIds) {
    model::ZoneSpec zone;
    QString base = label.toLower();
    base.replace(QRegularExpression("[^a-z0-9_.-]+"), "-");
    base.remove(QRegularExpression("^-+|-+$"));
    QString id = base.isEmpty() ? QStringLiteral("zone") : base;
    for (int n = 2;
         scenario_.zoneIndexOf(id.toStdString()) >= 0 || scenario_.indexOf(id.toStdString()) >= 0;
         ++n)
        id = (base.isEmpty() ? QStringLiteral("zone") : base) + QString::number(n);
    zone.id = id.toStdString();
    zone.label = label.toStdString();
    undoStack_->beginMacro(tr("Group into %1").arg(label));
    undoStack_->push(new ZoneCommand(this, zone, int(scenario_.zones.size()), true));
    setComponentZone(memberIds, id);
    undoStack_->endMacro();
    return id;
}

void Document::setComponentZone(const QStringList& ids, const QString& zoneId) {
    std::vector<ChangeItemsCommand::ComponentChange> changes;
    for (int i : componentIndexes(ids)) {
        auto after = scenario_.components[std::size_t(i)];
        if (after.zone == zoneId.toStdString()) continue;
        after.zone = zoneId.toStdString();
        changes.push_back({i, scenario_.components[std::size_t(i)], after});
    }
    if (changes.empty()) return;
    undoStack_->push(new ChangeItemsCommand(
        this, zoneId.isEmpty() ? tr("Remove from zone") : tr("Move into %1").arg(zoneId),
        std::move(changes), {}));
}

void Document::removeZone(const QString& zoneId) {
    const int z = scenario_.zoneIndexOf(zoneId.toStdString());
    if (z < 0) return;
    QStringList members;
    for (const auto& c : scenario_.components)
        if (c.zone == zoneId.toStdString()) members << QString::fromStdString(c.id);
    undoStack_->beginMacro(tr("Delete zone %1").arg(zoneId));
    setComponentZone(members, QString());
    undoStack_->push(new ZoneCommand(this, scenario_.zones[std::size_t(z)], z, false));
    pruneSchedule(); // a zone outage of it goes with it
    undoStack_->endMacro();
}

void Document::renameZone(const QString& zoneId, const QString& label) {
    const int z = scenario_.zoneIndexOf(zoneId.toStdString());
    if (z < 0 || scenario_.zones[std::size_t(z)].label == label.toStdString()) return;
    auto after = scenario_.zones[std::size_t(z)];
    after.label = label.toStdString();
    undoStack_->push(new RenameZoneCommand(this, z, scenario_.zones[std::size_t(z)], after));
}

ScenarioSettings Document::settings() const {
    return {scenario_.name, scenario_.description, scenario_.seed, scenario_.durationS,
            scenario_.warmupS};
}

bool Document::setScenarioSettings(const ScenarioSettings& s, QString* reason) {
    auto fail = [&](const QString& why) {
        if (reason) *reason = why;
        return false;
    };
    if (!(s.durationS >= 1e-3 && s.durationS <= 1e7))
        return fail(tr("The duration must be between 0.001 and 10000000 s."));
    if (!(s.warmupS >= 0 && s.warmupS < s.durationS))
        return fail(tr("The warm-up must be at least 0 and shorter than the duration."));
    if (s.seed > 9'007'000'000'000'000ULL) return fail(tr("The seed is too large."));
    if (s == settings()) return true;
    undoStack_->push(new ChangeSettingsCommand(this, settings(), s));
    return true;
}

void Document::pruneSchedule() {
    model::Schedule pruned = model::prunedSchedule(scenario_);
    if (!model::sameSchedule(pruned, model::scheduleOf(scenario_)))
        undoStack_->push(new ScheduleCommand(this, model::scheduleOf(scenario_), pruned));
}

void Document::setSchedule(const model::Schedule& schedule) {
    scenario_.faults = schedule.faults;
    scenario_.loadChanges = schedule.loadChanges;
    emit changed();
}

void Document::applySettings(const ScenarioSettings& s) {
    scenario_.name = s.name;
    scenario_.description = s.description;
    scenario_.seed = s.seed;
    scenario_.durationS = s.durationS;
    scenario_.warmupS = s.warmupS;
    emit settingsChanged();
    emit changed();
}

void Document::insertZoneAt(int index, const model::ZoneSpec& spec) {
    scenario_.zones.insert(scenario_.zones.begin() + index, spec);
    emit zonesChanged();
    emit changed();
}

model::ZoneSpec Document::takeZoneAt(int index) {
    auto spec = scenario_.zones[std::size_t(index)];
    scenario_.zones.erase(scenario_.zones.begin() + index);
    emit zonesChanged();
    emit changed();
    return spec;
}

void Document::replaceZone(int index, const model::ZoneSpec& spec) {
    scenario_.zones[std::size_t(index)] = spec;
    emit zonesChanged();
    emit changed();
}

// --- raw mutators ---------------------------------------------------------------------------

void Document::insertComponentAt(int index, const model::ComponentSpec& spec) {
    scenario_.components.insert(scenario_.components.begin() + index, spec);
    emit componentAdded(QString::fromStdString(spec.id));
    emit changed();
}

model::ComponentSpec Document::takeComponentAt(int index) {
    auto spec = scenario_.components[std::size_t(index)];
    scenario_.components.erase(scenario_.components.begin() + index);
    emit componentRemoved(QString::fromStdString(spec.id));
    emit changed();
    return spec;
}

void Document::replaceComponent(int index, const model::ComponentSpec& spec) {
    auto& slot = scenario_.components[std::size_t(index)];
    const QString oldId = QString::fromStdString(slot.id);
    slot = spec;
    if (oldId != QString::fromStdString(spec.id))
        emit componentRenamed(oldId, QString::fromStdString(spec.id));
    emit componentChanged(QString::fromStdString(spec.id));
    emit changed();
}

void Document::insertLinkAt(int index, const model::LinkSpec& spec) {
    scenario_.links.insert(scenario_.links.begin() + index, spec);
    emit linkAdded({QString::fromStdString(spec.from), QString::fromStdString(spec.to)});
    emit changed();
}

model::LinkSpec Document::takeLinkAt(int index) {
    auto spec = scenario_.links[std::size_t(index)];
    scenario_.links.erase(scenario_.links.begin() + index);
    emit linkRemoved({QString::fromStdString(spec.from), QString::fromStdString(spec.to)});
    emit changed();
    return spec;
}

void Document::replaceLink(int index, const model::LinkSpec& spec) {
    auto& slot = scenario_.links[std::size_t(index)];
    const LinkKey oldKey{QString::fromStdString(slot.from), QString::fromStdString(slot.to)};
    const LinkKey newKey{QString::fromStdString(spec.from), QString::fromStdString(spec.to)};
    slot = spec;
    if (oldKey == newKey) {
        emit linkChanged(newKey);
    } else {
        emit linkRemoved(oldKey);
        emit linkAdded(newKey);
    }
    emit changed();
}

int Document::linkIndex(const LinkKey& key) const {
    for (int i = 0; i < int(scenario_.links.size()); ++i) {
        const auto& l = scenario_.links[std::size_t(i)];
        if (l.from == key.from.toStdString() && l.to == key.to.toStdString()) return i;
    }
    return -1;
}

} // namespace sdlab::widgets
