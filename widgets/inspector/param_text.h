#pragma once

#include "model/component_types.h"

#include <QString>
#include <optional>

namespace sdlab::widgets {

/// Text for the inspector: numbers as people type them, titles and tooltips from ParamSpecs.

/// Shortest text that reads back as `value` ("10", "0.5", "1e-06").
QString formatNumber(double value);
/// A JSON number as text ("" for anything else); integers stay integers.
QString formatJsonNumber(const model::Json& value);
/// A number typed by the user: "12", " 0.5", "1e3", "0,5". Nothing for "", "abc", "inf".
std::optional<double> parseNumber(const QString& text);
/// `value` as the file stores it: an integer when it is whole and `integer` is set.
model::Json numberJson(double value, bool integer);

/// Whether -1 means "no limit" for this parameter (an integer whose range starts at -1, such
/// as queue_capacity).
bool hasUnlimited(const model::ParamSpec& spec);
/// "unlimited": how such a parameter's -1 reads, and a word people may type for it.
QString unlimitedText();
/// `text` asks for no limit: the word (translated or not, any case) or "-1".
bool meansUnlimited(const QString& text);
/// `text` is the start of the word: more typing may make it mean no limit.
bool startsUnlimited(const QString& text);

/// A share: a fraction from 0 to 1 without a unit (a read ratio, a breaker's failure rate
/// threshold, an availability), shown as a percentage beside the field.
bool isShare(const model::ParamSpec& spec);
/// What a choice does, for its tooltip and the line under the field; empty without one.
QString choiceMeaning(const model::ParamSpec& spec, const QString& value);

/// "Queue capacity" for queue_capacity, "TTL" for ttl_s (its unit is shown apart).
QString paramTitle(const model::ParamSpec& spec);
/// A value for people: "4 workers", "exponential, mean 10 ms", "open".
QString describeValue(const model::ParamSpec& spec, const model::Json& value);
/// Rich-text tooltip: title and file name, help, range or choices, default.
QString paramToolTip(const model::ParamSpec& spec);
/// A reason as a sentence: "must be between 1 and 10" → "Must be between 1 and 10."
QString asSentence(const QString& reason);
/// Help and titles come from the core's schema; they go through translate() like tr() text.
QString schemaText(const std::string& text);

} // namespace sdlab::widgets
