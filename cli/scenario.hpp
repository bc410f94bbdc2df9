// A scenario file (docs/scenario.md): who the patient is, how long to run, what to record and
// which actions happen when. Everything is checked before anything runs.
#pragma once

#include <resus/resus.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "capi.hpp"

namespace resus_cli {

// Bad input: a message that starts with the file and the JSON path. Exit code 2.
class InputError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An action as the library's table describes it: its kind and its fields' values in order.
struct ActionValues {
  int32_t kind = 0;
  int32_t count = 0;
  std::array<double, RESUS_ACTION_MAX_FIELDS> values{};
  // A field's value by name; NaN when the kind has no such field.
  double get(const char* field) const;
};

struct ScenarioAction {
  std::size_t index;     // position in the file's "actions" array
  double at_s;
  std::string name;      // the "do" value
  ActionValues action;   // parsed and checked by the library, defaults filled in
};

struct Scenario {
  std::string source;            // file path, or the built-in default's name
  nlohmann::json patient;        // {"preset": ..., "overrides": {...}}, preset always present
  uint64_t seed = 1;
  double duration_s = 0.0;
  double record_interval_s = 1.0;
  std::vector<std::string> signals;
  std::vector<int32_t> signal_indices;
  double print_interval_s = 60.0;
  std::vector<ScenarioAction> actions;  // in file order
};

// Field defaults and limits, shared with docs/scenario.md.
inline constexpr const char* kDefaultPreset = "adult_male_70kg";
inline constexpr double kMaxDuration_s = 7 * 24 * 3600.0;
// A generated training scenario with tens of thousands of actions is a few megabytes.
inline constexpr std::size_t kMaxScenarioBytes = 64u << 20;
// Recorded when a scenario's "record" names no signals.
const std::vector<std::string>& default_signals();

// Parses and checks a scenario. `source` names it in messages. Throws InputError.
Scenario parse_scenario(std::string_view text, const std::string& source);
// Reads and parses a file, or standard input for "-". Only a regular file of at most
// kMaxScenarioBytes is read. Throws InputError (missing, not a file, too large, unreadable,
// malformed, invalid).
Scenario load_scenario_file(const std::string& path);

// Compiles the scenario's patient. Throws InputError with the "patient..." path of a bad field.
ModelPtr compile_patient(const Scenario& scenario);

// Checks a duration given on the command line (--duration). Throws InputError.
void check_duration_override(double duration_s);

}  // namespace resus_cli
