#include "edit_plan.h"

namespace sdlab::widgets {

namespace {

/// The plan for text the editor does not turn into a value.
EditPlan notAValue(const ProposedValue& proposed) {
    EditPlan plan;
    plan.nothing = proposed.kind == ProposedValue::Nothing;
    plan.incomplete = proposed.incomplete;
    plan.error = proposed.reason;
    return plan;
}

} // namespace

EditPlan planComponentEdit(const Document& doc, const QStringList& ids, const ParamEditor& editor) {
    const auto& sc = doc.scenario();
    const std::string name = editor.spec().name;
    EditPlan plan;
    for (const auto& id : ids) {
        const int i = sc.indexOf(id.toStdString());
        if (i < 0) continue;
        const auto& c = sc.components[std::size_t(i)];
        const model::Json current = paramValue(c.params, editor.spec());
        const auto proposed = editor.propose(current);
        if (proposed.kind != ProposedValue::Value) return notAValue(proposed);
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

EditPlan planLinkEdit(const Document& doc, const LinkKey& key, const ParamEditor& editor) {
    EditPlan plan;
    const int i = doc.linkIndex(key);
    if (i < 0) {
        plan.nothing = true;
        return plan;
    }
    const auto& link = doc.scenario().links[std::size_t(i)];
    const model::Json current = paramValue(link.params, editor.spec());
    const auto proposed = editor.propose(current);
    if (proposed.kind != ProposedValue::Value) return notAValue(proposed);
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
