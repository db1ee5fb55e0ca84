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

/// What `editor`'s text asks for the components `ids`.
EditPlan planComponentEdit(const Document& doc, const QStringList& ids, const ParamEditor& editor);

/// What `editor`'s text asks for `link`.
EditPlan planLinkEdit(const Document& doc, const LinkKey& key, const ParamEditor& editor);

} // namespace sdlab::widgets
