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
  kCprStart = 9,        // rate_per_min, depth_mm, duty_cycle, leaning_mm, compressions_per_cycle,
                        // pause_s, breaths_per_pause, tidal_volume_mL; a running CPR is updated
  kCprStop = 10,
  kAirway = 11,         // airway (resp::Airway): place a device (0 removes it)
  kVentilation = 12,    // vent_mode, rate_per_min, tidal_volume_mL, inspiratory_time_s, peep_cmH2O
  kBreath = 13,         // one bag breath: tidal_volume_mL, inspiratory_time_s
  kOxygen = 14,         // fio2 of the gas the patient breathes or is ventilated with
  kSpontaneousBreathing = 15,  // enabled: 0 paralysed/sedated (apnoea), 1 own drive
};

enum class BleedSiteCode : int32_t { kVenous = 0, kArterial = 1 };

struct Action {
  ActionKind kind{};
  int32_t site = 0;          // BleedSiteCode for hemorrhage
  double rate_mL_min = 0.0;  // 0 = default for the kind
  double volume_mL = 0.0;    // 0 = unlimited (hemorrhage) / required (bolus)
  int32_t rhythm = 0;        // ep::Rhythm, for kRhythm
  int32_t waveform = 0;      // ep::ShockWaveform (0 biphasic, 1 monophasic)
  double energy_J = 0.0;     // shock and cardioversion, 1-360 J
  double rate_per_min = 0.0; // pacing rate, 30-180 /min
  double current_mA = 0.0;   // pacing current, 0-200 mA
  int32_t only_if_shockable = 0;  // shock: 1 = AED mode, delivered only in VF/VT/torsades
  int32_t reserved = 0;
  // CPR, airway, ventilation and oxygen.
  double depth_mm = 0.0;            // CPR depth, 0-100 mm
  double duty_cycle = 0.0;          // 0 = default 0.5; 0.2-0.8
  double leaning_mm = 0.0;          // residual depth between compressions, 0-30 mm (< depth)
  int32_t compressions_per_cycle = 0;  // 0 continuous; 1-100 (30 for 30:2)
  int32_t breaths_per_pause = 0;    // 0-4 (2 for 30:2)
  double pause_s = 0.0;             // pause after each cycle, 0-60 s
  double tidal_volume_mL = 0.0;     // breath or ventilation volume, 0-3000 mL
  double inspiratory_time_s = 0.0;  // 0 = default 1 s; 0.3-3 s
  double peep_cmH2O = 0.0;          // 0-30
  double fio2 = 0.0;                // 0.21-1
  int32_t airway = 0;               // resp::Airway
  int32_t vent_mode = 0;            // resp::VentMode
  int32_t enabled = 0;              // spontaneous breathing switch
  int32_t reserved3 = 0;
};

constexpr double kMinCprRate = 30.0, kMaxCprRate = 250.0;
constexpr double kMaxDepth_mm = 100.0, kMaxLeaning_mm = 30.0;
constexpr double kMaxTidalVolume_mL = 3000.0;
constexpr double kMaxBagFlow_mL_s = 3000.0;
constexpr double kDefaultInspiratoryTime_s = 1.0;
constexpr double kDefaultBreathVolume_mL = 500.0;

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
