#pragma once

#include "model/scenario.h"
#include "model/schedule_refs.h"
#include "scenario_settings.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <optional>

class QUndoStack;

namespace sdlab::widgets {

/// A link is named by its two ends: the file format allows one link per ordered pair.
struct LinkKey {
    QString from;
    QString to;
    bool operator==(const LinkKey&) const = default;
};

/// The open scenario: the one model the canvas, the inspector and the run controls share.
/// Every edit goes through an undo command on undoStack(); views listen to the typed change
/// signals and never change the model behind the document's back.
class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    const model::Scenario& scenario() const { return scenario_; }
    QUndoStack* undoStack() const { return undoStack_; }
    QString filePath() const { return filePath_; }
    /// The file's name, else the scenario's name marked unsaved, else "Untitled": for window
    /// titles.
    QString displayName() const;
    bool isModified() const;
    /// What people call a component: its label, or its id when it has none.
    QString componentName(const QString& id) const;

    // --- whole-document operations (not undoable; they reset the history) ---------------
    void newScenario();
    /// Reads and checks a scenario file. On error returns false and leaves the document as it
    /// was; `error` gets the file:line:column: path: message text.
    bool open(const QString& path, QString* error);
    /// Like open(), for an example: the document starts untitled, so Save asks where.
    bool openTemplate(const QString& path, QString* error);
    /// Writes atomically (QSaveFile); on success the document is clean and named `path`.
    bool saveAs(const QString& path, QString* error);
    /// The scenario as the file format writes it (what Save would write).
    QByteArray serialized() const;

    // --- edits: each one undoable --------------------------------------------------------
    /// Adds a component of `type` with default parameters at `position`; returns its id.
    QString addComponent(const QString& type, QPointF position);
    /// Adds a link unless the model's rules forbid it; `reason` says why not.
    bool addLink(const QString& from, const QString& to, QString* reason = nullptr);
    /// Removes components (with every link touching them) and links, as one step.
    void removeItems(const QStringList& componentIds, const QList<LinkKey>& links);
    /// Moves components; a burst of calls with `continuous` set (a drag) is one undo step.
    void moveComponents(const QHash<QString, QPointF>& positions, bool continuous = false);
    /// Sets one parameter on several components. Edits marked `continuous` (keystrokes while
    /// typing, a slider) stay open: the next edit of the same parameter folds into them, and
    /// the first non-continuous one (Enter, focus out) closes the step. Returns false and leaves
    /// everything as it was if any component rejects the value; `reason` says why.
    bool setComponentParam(const QStringList& ids, const QString& name, const model::Json& value,
                           QString* reason = nullptr, bool continuous = false);
    bool setLinkParam(const LinkKey& link, const QString& name, const model::Json& value,
                      QString* reason = nullptr, bool continuous = false);
    /// Renames a component (links follow). Returns false if the id is taken or malformed.
    bool renameComponent(const QString& id, const QString& newId, QString* reason = nullptr);
    void setLabel(const QString& id, const QString& label);
    ScenarioSettings settings() const;
    /// Changes name, description, seed, duration or warm-up (one undo step). Returns false,
    /// with `reason`, for values a file could not hold (warm-up not below the duration).
    bool setScenarioSettings(const ScenarioSettings& settings, QString* reason = nullptr);
    /// Makes a zone around `memberIds` (one step); returns its id.
    QString addZone(const QString& label, const QStringList& memberIds);
    /// Moves components into a zone, or out of any with an empty `zoneId`.
    void setComponentZone(const QStringList& ids, const QString& zoneId);
    /// Removes a zone; its members stay, zoneless.
    void removeZone(const QString& zoneId);
    void renameZone(const QString& zoneId, const QString& label);
    /// Pastes components and the links among them (ids made unique), offset by `offset`;
    /// returns the new ids.
    QStringList paste(const QByteArray& clipboardJson, QPointF offset);
    /// The components and the links among them, as clipboard JSON.
    QByteArray copy(const QStringList& ids) const;
    /// Replaces the whole scenario with a design file's, as one undo step named `undoText`
    /// (a lesson's "show me" and "reset step": the learner's own design stays one Undo away).
    /// On error returns false and leaves the document as it was.
    bool replaceFromFile(const QString& path, const QString& undoText, QString* error = nullptr);

    // --- raw mutators for undo commands only ---------------------------------------------
    void insertComponentAt(int index, const model::ComponentSpec& spec);
    model::ComponentSpec takeComponentAt(int index);
    void replaceComponent(int index, const model::ComponentSpec& spec);
    void insertLinkAt(int index, const model::LinkSpec& spec);
    model::LinkSpec takeLinkAt(int index);
    void replaceLink(int index, const model::LinkSpec& spec);
    int linkIndex(const LinkKey& key) const;
    void insertZoneAt(int index, const model::ZoneSpec& spec);
    model::ZoneSpec takeZoneAt(int index);
    void replaceZone(int index, const model::ZoneSpec& spec);
    void applySettings(const ScenarioSettings& settings);
    void setSchedule(const model::Schedule& schedule);
    void setScenario(const model::Scenario& scenario);

    static QPointF positionOf(const model::ComponentSpec& spec);
    static void setPosition(model::ComponentSpec& spec, QPointF position);

signals:
    /// The whole scenario was replaced (new, open): views rebuild.
    void reset();
    void componentAdded(const QString& id);
    void componentRemoved(const QString& id);
    /// A component's id changed (componentChanged follows, under the new id).
    void componentRenamed(const QString& oldId, const QString& newId);
    /// Parameters, label or position changed.
    void componentChanged(const QString& id);
    void linkAdded(const LinkKey& link);
    void linkRemoved(const LinkKey& link);
    void linkChanged(const LinkKey& link);
    /// After any change to the model (for analysis and dirty markers).
    void changed();
    void filePathChanged(const QString& path);
    /// A zone was added, removed or renamed (membership changes come as componentChanged).
    void zonesChanged();
    /// Name, description, seed, duration or warm-up changed.
    void settingsChanged();

private:
    QString uniqueId(const QString& base) const;
    std::vector<int> componentIndexes(const QStringList& ids) const;
    bool load(const QString& path, QString* error);
    /// Reads and checks a scenario file (laid out if unplaced) without touching the document.
    std::optional<model::Scenario> read(const QString& path, QString* error) const;
    void setFilePath(const QString& path);
    /// After a removal: drops what the schedule says about components or zones now gone
    /// (part of the undo step under way).
    void pruneSchedule();

    model::Scenario scenario_;
    QUndoStack* undoStack_;
    QString filePath_;
};

} // namespace sdlab::widgets
