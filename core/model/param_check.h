#pragma once

#include "component_types.h"

#include <initializer_list>
#include <string>

namespace sdlab::model {

/// Checks the parameters in `object` (other than the names in `structural`) against `specs`
/// and returns them complete, defaults filled in. Throws ScenarioError naming the JSON path.
Json checkParams(const Json& object, const std::vector<ParamSpec>& specs, const std::string& path,
                 std::initializer_list<const char*> structural, const std::string& owner);

/// checkParams for a component of `type`, plus the rules that tie parameters together (a TTL
/// cache needs a TTL). The one check the file reader and the editor share.
Json checkComponentParams(const ComponentType& type, const Json& object, const std::string& path,
                          std::initializer_list<const char*> structural = {});

/// Throws a ScenarioError for an unknown key, suggesting the closest known name.
[[noreturn]] void failUnknownKey(const std::string& path, const std::string& key,
                                 const std::vector<std::string>& known, const std::string& owner);

/// The path of field `key` inside the value at `path` ("" is the top: just `key`).
std::string fieldPath(const std::string& path, const std::string& key);

/// A short description of a JSON value's type for error messages ("a string", "an array").
std::string describeType(const Json& value);

} // namespace sdlab::model
