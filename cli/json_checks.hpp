// Strict JSON reading for scenario files: well-formed, no duplicate fields, and JSON paths
// ("actions[2].rate_mL_min") so that every complaint can point at the offending field.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace resus_cli {

// A problem at a JSON path ("" for the whole document).
class JsonProblem : public std::runtime_error {
 public:
  JsonProblem(std::string path, const std::string& message)
      : std::runtime_error(message), path_(std::move(path)) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A scenario nests a few levels; anything deeper than this is refused as it is read.
inline constexpr int kMaxScenarioDepth = 64;

// Parses `text`; throws JsonProblem for malformed JSON (with line and column), a field that
// appears twice in one object (nlohmann would silently keep the last one), nesting deeper than
// kMaxScenarioDepth, or a number beyond a double's range.
nlohmann::json parse_strict(std::string_view text);

// "parent.key" (or "key" at the top level) and "parent[i]".
std::string member_path(const std::string& parent, std::string_view key);
std::string element_path(const std::string& parent, std::size_t index);

// "a number", "a string", ... for messages about wrong types.
std::string json_type(const nlohmann::json& value);

}  // namespace resus_cli
