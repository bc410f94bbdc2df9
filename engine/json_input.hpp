// Untrusted JSON for the library's own parsers (actions, patients): bounded size and nesting, no
// field twice in one object, and a number beyond a double's range reported as a parse error that
// names its field. Messages quote what the caller sent only up to a readable length.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace resus {

inline constexpr std::size_t kMaxJsonBytes = 1 << 20;  // an action or a patient is a few hundred
inline constexpr int kMaxJsonDepth = 32;               // containers inside containers

// Parses `text`; `what` ("action", "patient") starts every message and path. Throws
// Error(kParseError) naming the JSON path of the problem.
nlohmann::json parse_json_input(std::string_view text, std::string_view what);

// `text` in single quotes for a message, cut to kMaxQuoted characters with its length said.
inline constexpr std::size_t kMaxQuoted = 64;
std::string quoted_input(std::string_view text);
// The same without quotes, for a field name in a path ("action.<name>").
std::string cut_input(std::string_view text);

}  // namespace resus
