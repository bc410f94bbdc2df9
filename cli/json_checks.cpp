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

// nlohmann's message without its "[json.exception...] " tag, with the token it quotes ("last
// read: '...'", "parsing '...'") cut to 64 bytes and every byte outside printable ASCII shown as
// \xHH: the token is whatever the input held at that point.
std::string readable_json_error(std::string what) {
  const auto tag_end = what.find("] ");
  if (what.rfind("[json.exception", 0) == 0 && tag_end != std::string::npos) what.erase(0, tag_end + 2);
  const auto open = what.find('\'');
  const auto close = what.rfind('\'');
  if (open == std::string::npos || close <= open) return what;
  const std::string token = what.substr(open + 1, close - open - 1);
  std::string shown;
  for (std::size_t i = 0; i < token.size() && i < 64; ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    if (c >= 0x20 && c < 0x7f) {
      shown += static_cast<char>(c);
    } else {
      static const char kHex[] = "0123456789abcdef";
      shown.append("\\x").append(1, kHex[c >> 4]).append(1, kHex[c & 15]);
    }
  }
  if (token.size() > 64) shown.append("... (" + std::to_string(token.size()) + " bytes)");
  return what.substr(0, open + 1) + shown + what.substr(close);
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
    std::string what = readable_json_error(e.what());
    const auto at = what.find("number overflow");
    if (at != std::string::npos) what.erase(0, at);
    std::string path;
    if (!stack.empty()) {
      const Frame& top = stack.back();
      path = top.is_object ? member_path(top.path, top.key) : element_path(top.path, top.next);
    }
    throw JsonProblem(path, what + " (numbers must fit a double, up to about 1.8e308)");
  } catch (const json::parse_error& e) {
    // Line, column and reason, and a readable piece of what was read there.
    throw JsonProblem("", "malformed JSON: " + readable_json_error(e.what()));
  }
}

}  // namespace resus_cli
