#include "scenario.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "format.hpp"
#include "json_checks.hpp"

namespace resus_cli {
namespace {

using json = nlohmann::json;

const char* const kTopLevelFields[] = {"patient", "seed", "duration_s", "record", "print_interval_s",
                                       "actions"};
const char* const kRecordFields[] = {"interval_s", "signals"};

template <std::size_t N>
std::string list(const char* const (&names)[N]) {
  std::string out;
  for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// Reads one scenario, prefixing every complaint with the source and the JSON path.
class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& path_and_message) const {
    throw InputError(source_ + ": " + path_and_message);
  }

  double number(const json& v, const std::string& path) const {
    if (!v.is_number()) fail(path + ": expected a number, got " + json_type(v));
    return v.get<double>();
  }

  // Times are whole fixed steps, so that recording and printing land exactly on step boundaries.
  double time_value(const json& v, const std::string& path, double min_exclusive, double max) const {
    const double t = number(v, path);
    if (!(t > min_exclusive && t <= max))
      fail(path + " = " + num(t) + " is out of range; valid range is (" + num(min_exclusive) +
           ", " + num(max) + "] s");
    const double steps = t / resus_step_seconds();
    if (std::abs(steps - std::round(steps)) > 1e-6)
      fail(path + " = " + num(t) + " is not a whole number of " + num(resus_step_seconds()) +
           " s steps");
    return t;
  }

  void read_top_level(const json& root, Scenario& sc) const {
    if (!root.is_object()) fail("expected a JSON object at the top level, got " + json_type(root));
    for (const auto& [key, value] : root.items()) {
      bool known = false;
      for (const char* f : kTopLevelFields) known = known || key == f;
      if (!known) fail(cut_input(key) + ": unknown field; known fields: " + list(kTopLevelFields));
    }
    read_patient(root.value("patient", json::object()), sc);
    read_seed(root, sc);
    if (!root.contains("duration_s")) fail("duration_s: required, the run's length in seconds");
    sc.duration_s = time_value(root["duration_s"], "duration_s", 0.0, kMaxDuration_s);
    read_record(root.value("record", json::object()), sc);
    if (root.contains("print_interval_s"))
      sc.print_interval_s = time_value(root["print_interval_s"], "print_interval_s", 0.0, kMaxDuration_s);
    read_actions(root.value("actions", json::array()), sc);
  }

 private:
  void read_patient(const json& p, Scenario& sc) const {
    // The library checks the contents; here only the shape, and the preset made explicit.
    if (!p.is_object()) fail("patient: expected an object, got " + json_type(p));
    sc.patient = p;
    if (!sc.patient.contains("preset")) sc.patient["preset"] = kDefaultPreset;
  }

  void read_seed(const json& root, Scenario& sc) const {
    if (!root.contains("seed")) return;
    const json& v = root["seed"];
    if (!v.is_number_unsigned())
      fail("seed: expected a non-negative integer, got " + (v.is_number() ? v.dump() : json_type(v)));
    sc.seed = v.get<uint64_t>();
  }

  void read_record(const json& r, Scenario& sc) const {
    if (!r.is_object()) fail("record: expected an object, got " + json_type(r));
    for (const auto& [key, value] : r.items()) {
      bool known = false;
      for (const char* f : kRecordFields) known = known || key == f;
      if (!known) fail("record." + cut_input(key) + ": unknown field; known fields: " + list(kRecordFields));
    }
    if (r.contains("interval_s"))
      sc.record_interval_s = time_value(r["interval_s"], "record.interval_s", 0.0, sc.duration_s);
    else if (sc.record_interval_s > sc.duration_s)
      sc.record_interval_s = sc.duration_s;
    if (!r.contains("signals")) {
      for (const std::string& name : default_signals()) {
        int32_t index = -1;
        if (resus_signal_find(name.c_str(), &index) != RESUS_OK)
          fail("record.signals: the default signal '" + name + "' is unknown to this library");
        sc.signals.push_back(name);
        sc.signal_indices.push_back(index);
      }
    } else {
      const json& list = r["signals"];
      if (!list.is_array()) fail("record.signals: expected an array of signal names, got " + json_type(list));
      std::set<std::string> seen;
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = element_path("record.signals", i);
        if (!list[i].is_string()) fail(path + ": expected a signal name, got " + json_type(list[i]));
        const std::string name = list[i].get<std::string>();
        int32_t index = -1;
        if (resus_signal_find(name.c_str(), &index) != RESUS_OK)
          fail(path + ": unknown signal " + quoted_input(name) + " (see 'resus info')");
        if (!seen.insert(name).second) fail(path + ": signal " + quoted_input(name) + " is listed twice");
        sc.signals.push_back(name);
        sc.signal_indices.push_back(index);
      }
    }
  }

  void read_actions(const json& list, Scenario& sc) const {
    if (!list.is_array()) fail("actions: expected an array, got " + json_type(list));
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = element_path("actions", i);
      const json& a = list[i];
      if (!a.is_object()) fail(path + ": expected an object, got " + json_type(a));
      // The library owns the action's fields and ranges; it names the field as "action.<field>".
      ActionValues parsed;
      double at_s = NAN;
      const resus_status status =
          resus_action_parse_values(a.dump().c_str(), &parsed.kind, parsed.values.data(),
                                    RESUS_ACTION_MAX_FIELDS, &parsed.count, &at_s);
      if (status != RESUS_OK) fail(rebase_action_message(path, error_text(status)));
      if (std::isnan(at_s)) fail(path + ".at_s: required, the time in seconds to apply the action");
      // An action at the very end would never be applied: the run stops on that step boundary.
      if (!(at_s >= 0.0 && at_s < sc.duration_s))
        fail(path + ".at_s = " + num(at_s) + " is out of range; valid range is [0, " +
             num(sc.duration_s) + ") s (duration_s)");
      sc.actions.push_back(ScenarioAction{i, at_s, a["do"].get<std::string>(), parsed});
    }
    // Actions are handed to the sim as the run reaches them (runner.cpp), but those at one
    // moment must fit its queue together.
    std::map<int64_t, std::size_t> per_step;
    for (const ScenarioAction& a : sc.actions)
      if (++per_step[std::llround(a.at_s / resus_step_seconds())] > RESUS_ACTION_QUEUE_CAPACITY)
        fail(element_path("actions", a.index) + ".at_s = " + num(a.at_s) + ": more than " +
             std::to_string(RESUS_ACTION_QUEUE_CAPACITY) + " actions at one time");
  }

  // "action.rate_mL_min = -5 ..." becomes "actions[2].rate_mL_min = -5 ...".
  static std::string rebase_action_message(const std::string& path, const std::string& message) {
    const std::string prefix = "action";
    if (message.rfind(prefix, 0) == 0 && message.size() > prefix.size() &&
        (message[prefix.size()] == '.' || message[prefix.size()] == ':'))
      return path + message.substr(prefix.size());
    return path + ": " + message;
  }

  const std::string& source_;
};

}  // namespace

double ActionValues::get(const char* field) const {
  int32_t i = -1;
  if (resus_action_field_find(kind, field, &i) != RESUS_OK || i < 0 || i >= count) return NAN;
  return values[static_cast<std::size_t>(i)];
}

const std::vector<std::string>& default_signals() {
  static const std::vector<std::string> names = {
      "hr_bpm", "sbp_mmHg", "dbp_mmHg", "map_mmHg", "pulse_pressure_mmHg",
      "co_L_min", "cvp_mmHg", "blood_volume_mL"};
  return names;
}

Scenario parse_scenario(std::string_view text, const std::string& source) {
  const Reader reader(source);
  json root;
  try {
    root = parse_strict(text);
  } catch (const JsonProblem& e) {
    reader.fail(e.path().empty() ? e.what() : e.path() + ": " + e.what());
  }
  Scenario sc;
  sc.source = source;
  reader.read_top_level(root, sc);
  return sc;
}

namespace {

// Reads at most kMaxScenarioBytes; one byte more means the input is too large.
std::string read_bounded(std::istream& in, const std::string& name) {
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf), in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxScenarioBytes)
      throw InputError(name + ": larger than " + std::to_string(kMaxScenarioBytes) +
                       " bytes; a scenario file is far smaller");
  }
  if (in.bad()) throw InputError(name + ": cannot read: " + std::strerror(errno));
  return text;
}

}  // namespace

Scenario load_scenario_file(const std::string& path) {
  if (path == "-") return parse_scenario(read_bounded(std::cin, "<stdin>"), "<stdin>");
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) throw InputError(path + ": no such file");
  if (fs::is_directory(st)) throw InputError(path + ": is a directory, not a scenario file");
  // A device (/dev/zero, /dev/urandom), a FIFO or a socket never ends: give '-' for a pipe.
  if (!fs::is_regular_file(st))
    throw InputError(path + ": not a regular file (use '-' to read a scenario from standard input)");
  if (fs::file_size(path, ec) > kMaxScenarioBytes)
    throw InputError(path + ": larger than " + std::to_string(kMaxScenarioBytes) +
                     " bytes; a scenario file is far smaller");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open: " + std::strerror(errno));
  return parse_scenario(read_bounded(in, path), path);
}

ModelPtr compile_patient(const Scenario& sc) {
  resus_model* model = nullptr;
  const resus_status status = resus_model_create_json(sc.patient.dump().c_str(), &model);
  if (status == RESUS_OK) return ModelPtr(model);

  // The library checks the patient; give its message the JSON path of the field it is about.
  const std::string message = error_text(status);
  std::string path = "patient";
  if (message.rfind("patient", 0) == 0) {
    path.clear();  // already has its path
  } else if (sc.patient["preset"].is_string()) {
    bool known = false;
    for (int32_t i = 0; i < resus_preset_count(); ++i)
      known = known || sc.patient["preset"].get<std::string>() == resus_preset_name(i);
    if (!known) path = "patient.preset";
  }
  if (path == "patient" && sc.patient.contains("overrides") && sc.patient["overrides"].is_object())
    for (const auto& [name, value] : sc.patient["overrides"].items())
      if (message.find("'" + name + "'") != std::string::npos) path = "patient.overrides." + name;
  throw InputError(sc.source + ": " + (path.empty() ? "" : path + ": ") + message);
}

void check_duration_override(double duration_s) {
  const double steps = duration_s / resus_step_seconds();
  if (!(duration_s > 0.0 && duration_s <= kMaxDuration_s))
    throw InputError("--duration " + num(duration_s) + " is out of range; valid range is (0, " +
                     num(kMaxDuration_s) + "] s");
  if (std::abs(steps - std::round(steps)) > 1e-6)
    throw InputError("--duration " + num(duration_s) + " is not a whole number of " +
                     num(resus_step_seconds()) + " s steps");
}

}  // namespace resus_cli
