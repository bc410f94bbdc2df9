#include "json_checks.hpp"

#include <set>
#include <vector>

namespace resus_cli {
namespace {

constexpr std::size_t kMaxKey = 64;  // field names are cut to this in paths and messages

using json = nlohmann::json;

// Where the parser is, so that a duplicate field can be reported by its path.
struct Frame {
  bool is_object;
  std::string path;
  std::set<std::string> keys;
  std::string key;      // current member (objects)
  std::size_t next = 0; // next element index (arrays)
};

std::string child_path(std::vector<Frame>& stack) {
  if (stack.empty()) return "";
  Frame& top = stack.back();
  return top.is_object ? member_path(top.path, top.key) : element_path(top.path, top.next++);
}

}  // namespace

std::string member_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string element_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string json_type(const json& v) {
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_null()) return "null";
  if (v.is_array()) return "an array";
  return "an object";
}

json parse_strict(std::string_view text) {
  std::vector<Frame> stack;
  auto track = [&](int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start: {
        // Refused before it is built: 100,000 nested '[' would otherwise take gigabytes.
        if (depth >= kMaxScenarioDepth)
          throw JsonProblem(stack.empty() ? "" : stack.back().path,
                            "nested deeper than " + std::to_string(kMaxScenarioDepth) + " levels");
        std::string path = child_path(stack);
        stack.push_back(Frame{event == json::parse_event_t::object_start, std::move(path), {}, {}});
        break;
      }
      case json::parse_event_t::key: {
        Frame& top = stack.back();
        top.key = parsed.get<std::string>();
        if (top.key.size() > kMaxKey) top.key = top.key.substr(0, kMaxKey) + "...";
        if (!top.keys.insert(top.key).second)
          throw JsonProblem(member_path(top.path, top.key), "the field appears twice");
        break;
      }
      case json::parse_event_t::value:
        child_path(stack);  // counts array elements
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack.pop_back();
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), track);
  } catch (const json::out_of_range& e) {
    // A number beyond a double's range ("number overflow parsing '1e309'"), at the field the
    // parser was reading.
    std::string what = e.what();
    const auto at = what.find("number overflow");
    if (at != std::string::npos) what.erase(0, at);
    std::string path;
    if (!stack.empty()) {
      const Frame& top = stack.back();
      path = top.is_object ? member_path(top.path, top.key) : element_path(top.path, top.next);
    }
    throw JsonProblem(path, what + " (numbers must fit a double, up to about 1.8e308)");
  } catch (const json::parse_error& e) {
    // Drop nlohmann's "[json.exception.parse_error.101] " tag; keep line, column and reason.
    std::string what = e.what();
    const auto tag_end = what.find("] ");
    if (tag_end != std::string::npos) what.erase(0, tag_end + 2);
    throw JsonProblem("", "malformed JSON: " + what);
  }
}

}  // namespace resus_cli
