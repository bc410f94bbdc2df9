#include "engine/json_input.hpp"

#include <vector>

#include "engine/status.hpp"

namespace resus {
namespace {

using json = nlohmann::json;

// Where the parser is, so that every complaint can name its field.
struct Frame {
  bool is_object;
  std::string key;          // current member (objects)
  std::size_t elements = 0; // elements finished (arrays)
  std::vector<std::string> keys;  // members seen (objects), to refuse duplicates
};

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

std::string path_of(std::string_view what, const std::vector<Frame>& stack) {
  std::string path(what);
  for (const Frame& f : stack) {
    if (f.is_object) {
      if (!f.key.empty()) path += "." + cut_input(f.key);
    } else {
      path += "[" + std::to_string(f.elements) + "]";
    }
  }
  return path;
}

}  // namespace

std::string cut_input(std::string_view text) {
  std::string out(text.substr(0, kMaxQuoted));
  if (text.size() > kMaxQuoted) out.append("...");
  return out;
}

std::string quoted_input(std::string_view text) {
  std::string out = "'";
  out.append(cut_input(text)).append("'");
  if (text.size() > kMaxQuoted) out.append(" (" + std::to_string(text.size()) + " characters)");
  return out;
}

json parse_json_input(std::string_view text, std::string_view what) {
  if (text.size() > kMaxJsonBytes)
    throw Error(Status::kParseError, std::string(what) + ": the JSON text is " +
                                         std::to_string(text.size()) + " bytes; at most " +
                                         std::to_string(kMaxJsonBytes) + " are accepted");
  std::vector<Frame> stack;
  auto track = [&](int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (depth >= kMaxJsonDepth)
          throw Error(Status::kParseError, path_of(what, stack) + ": nested deeper than " +
                                               std::to_string(kMaxJsonDepth) + " levels");
        stack.push_back(Frame{event == json::parse_event_t::object_start, {}, 0, {}});
        break;
      case json::parse_event_t::key: {
        Frame& top = stack.back();
        top.key = parsed.get<std::string>();
        for (const std::string& k : top.keys)
          if (k == top.key)
            throw Error(Status::kParseError, path_of(what, stack) + ": the field appears twice");
        top.keys.push_back(top.key);
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack.pop_back();
        [[fallthrough]];
      case json::parse_event_t::value:
        if (!stack.empty() && !stack.back().is_object) ++stack.back().elements;
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), track);
  } catch (const json::out_of_range& e) {
    // nlohmann's 406: a number too large for a double ("number overflow parsing '1e309'").
    std::string detail = readable_json_error(e.what());
    const auto at = detail.find("number overflow");
    detail = at == std::string::npos ? "a number out of range" : detail.substr(at);
    throw Error(Status::kParseError, path_of(what, stack) + ": " + detail +
                                         " (numbers must fit a double, up to about 1.8e308)");
  } catch (const json::exception& e) {
    // Line, column and reason, and a readable piece of what was read there.
    throw Error(Status::kParseError,
                std::string(what) + ": malformed JSON: " + readable_json_error(e.what()));
  }
}

}  // namespace resus
