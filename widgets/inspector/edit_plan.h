#pragma once

#include "document/document.h"
#include "model/param_check.h"
#include "model/scenario_error.h"
#include "param_editor.h"

#include <QStringList>
#include <algorithm>
#include <utility>
#include <vector>

namespace sdlab::widgets {

/// What an edit of one parameter asks of the Document, worked out before anything is pushed:
/// an edit is all or nothing, so every item is checked with the model's own rules first.
///
/// Header-only: the inspector is its only user.
struct EditPlan {
    /// Items that end up with the same value, and that value (a link: one group, no ids).
    std::vector<std::pair<QStringList, model::Json>> groups;
    bool changes = false;    ///< some item's value differs from its current one
    bool nothing = false;    ///< nothing to apply ("(mixed)" left as it was)
    bool incomplete = false; ///< refused only so far: more typing may make it a value
    QString error;           ///< refused by the editor or by the model
};

/// A parameter's value in `params`, or its default.
inline model::Json paramValue(const model::Json& params, const model::ParamSpec& spec) {
    const auto it = params.find(spec.name);
    return it == params.end() ? spec.defaultValue : *it;
}

namespace detail {

/// The plan for text the editor does not turn into a value.
inline EditPlan notAValue(const ProposedValue& proposed) {
    EditPlan plan;
    plan.nothing = proposed.kind == ProposedValue::Nothing;
    plan.incomplete = proposed.incomplete;
    plan.error = proposed.reason;
    return plan;
}

} // namespace detail

/// What `editor`'s text asks for the components `ids`.
inline EditPlan planComponentEdit(const Document& doc, const QStringList& ids,
                                  const ParamEditor& editor) {
    const auto& sc = doc.scenario();
    const std::string name = editor.spec().name;
    EditPlan plan;
    for (const auto& id : ids) {
        const int i = sc.indexOf(id.toStdString());
        if (i < 0) continue;
        const auto& c = sc.components[std::size_t(i)];
        const model::Json current = paramValue(c.params, editor.spec());
        const auto proposed = editor.propose(current);
        if (proposed.kind != ProposedValue::Value) return detail::notAValue(proposed);
        auto params = c.params;
        params[name] = proposed.value;
        try {
            model::checkComponentParams(*model::findComponentType(c.type), params, c.id);
        } catch (const model::ScenarioError& e) {
            EditPlan refused;
            refused.error = QString::fromStdString(e.what());
            return refused;
        }
        plan.changes = plan.changes || proposed.value != current;
        auto g = std::find_if(plan.groups.begin(), plan.groups.end(),
                              [&](const auto& group) { return group.second == proposed.value; });
        if (g == plan.groups.end())
            plan.groups.push_back({{id}, proposed.value});
        else
            g->first << id;
    }
    plan.nothing = plan.groups.empty();
    return plan;
}

/// What `editor`'s text asks for `link`.
inline EditPlan planLinkEdit(const Document& doc, const LinkKey& key, const ParamEditor& editor) {
    EditPlan plan;
    const int i = doc.linkIndex(key);
    if (i < 0) {
        plan.nothing = true;
        return plan;
    }
    const auto& link = doc.scenario().links[std::size_t(i)];
    const model::Json current = paramValue(link.params, editor.spec());
    const auto proposed = editor.propose(current);
    if (proposed.kind != ProposedValue::Value) return detail::notAValue(proposed);
    auto params = link.params;
    if (proposed.value.is_null()) // an optional object turned off: the key goes
        params.erase(editor.spec().name);
    else
        params[editor.spec().name] = proposed.value;
    try {
        model::checkParams(params, model::linkParams(), "link", {}, "a link");
    } catch (const model::ScenarioError& e) {
        plan.error = QString::fromStdString(e.what());
        return plan;
    }
    plan.changes = proposed.value != current;
    plan.groups.push_back({{}, proposed.value});
    return plan;
}

} // namespace sdlab::widgets
