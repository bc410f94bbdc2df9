// Actions a host or scenario applies to a running sim. One plain struct for every kind, so the
// typed C calls, the JSON form and the scenario timeline all reach the same dispatcher.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace resus {

// Values match resus_action_kind in the C API (append-only).
enum class ActionKind : int32_t {
  kHemorrhage = 1,      // rate_mL_min and/or volume_mL, site
  kHemorrhageStop = 2,
  kFluidBolus = 3,      // volume_mL, rate_mL_min
  kRhythm = 4,          // rhythm (ep::Rhythm)
  kShock = 5,           // energy_J, waveform: unsynchronised defibrillation
  kCardioversion = 6,   // energy_J, waveform: synchronised on the next R wave
  kPacingStart = 7,     // rate_per_min, current_mA (replaces running settings)
  kPacingStop = 8,
};

enum class BleedSiteCode : int32_t { kVenous = 0, kArterial = 1 };

struct Action {
  ActionKind kind;
  int32_t site;         // BleedSiteCode for hemorrhage
  double rate_mL_min;   // 0 = default for the kind
  double volume_mL;     // 0 = unlimited (hemorrhage) / required (bolus)
  int32_t rhythm = 0;        // ep::Rhythm, for kRhythm
  int32_t waveform = 0;      // ep::ShockWaveform (0 biphasic, 1 monophasic)
  double energy_J = 0.0;     // shock and cardioversion, 1-360 J
  double rate_per_min = 0.0; // pacing rate, 30-180 /min
  double current_mA = 0.0;   // pacing current, 0-200 mA
  int32_t only_if_shockable = 0;  // shock: 1 = AED mode, delivered only in VF/VT/torsades
  int32_t reserved = 0;
};

constexpr double kMinShock_J = 1.0, kMaxShock_J = 360.0;
constexpr double kMinPacingRate = 30.0, kMaxPacingRate = 180.0;
constexpr double kMaxPacingCurrent_mA = 200.0;
constexpr double kDefaultPacingRate = 70.0, kDefaultPacingCurrent_mA = 70.0;

struct ActionInfo {
  const char* name;
  const char* fields;  // human-readable field list with units and ranges
};
std::span<const ActionInfo> action_registry();

constexpr double kDefaultBleedRate_mL_min = 1000.0;  // a volume given alone bleeds at this rate
constexpr double kDefaultBolusRate_mL_min = 250.0;   // rapid crystalloid bolus
constexpr double kMaxRate_mL_min = 10000.0;
constexpr double kMaxVolume_mL = 10000.0;

// Checks ranges and fills defaults. Throws resus::Error naming the field, value and range.
Action validated(const Action& a);

// Parses {"do": "...", ...fields}. A field "at_s" is accepted and returned through *at_s
// (NaN when absent). Throws resus::Error naming the offending field.
Action parse_action_json(std::string_view json, double* at_s);

}  // namespace resus
