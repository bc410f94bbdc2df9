#include "engine/actions.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engine/json_input.hpp"
#include "engine/status.hpp"
#include "models/electrophysiology/conduction.hpp"

namespace resus {
namespace {

constexpr ActionInfo kActions[] = {
    {"hemorrhage",
     "rate_mL_min (0-10000] and/or volume_mL (0-10000] (a volume alone bleeds at 1000 mL/min), "
     "site \"venous\" (default) or \"arterial\"; replaces a running hemorrhage"},
    {"hemorrhage_stop", "no fields"},
    {"fluid_bolus", "volume_mL (0-10000], rate_mL_min (0-10000] (default 250)"},
    {"rhythm", "rhythm: sinus, sinus_bradycardia, sinus_tachycardia, atrial_fibrillation, "
               "atrial_flutter, svt, av_block_1, mobitz_1, mobitz_2, av_block_3, vt, "
               "pulseless_vt, torsades, vf_coarse, vf_fine, asystole, pea"},
    {"shock", "energy_J [1-360], waveform \"biphasic\" (default) or \"monophasic\", "
              "only_if_shockable (true: AED mode, no shock unless VF/VT); unsynchronised"},
    {"cardioversion", "energy_J [1-360], waveform; delivered on the next R wave (within 3 s)"},
    {"pacing_start", "rate_per_min [30-180] (default 70), current_mA [0-200] (default 70); "
                     "transcutaneous, demand mode"},
    {"pacing_stop", "no fields"},
    {"cpr_start", "rate_per_min [30-250] (default 110), depth_mm [0-100] (default 55), "
                  "duty_cycle [0.2-0.8] (default 0.5), leaning_mm [0-30] (< depth), "
                  "compressions_per_cycle [0-100] (0 continuous, 30 for 30:2), pause_s [0-60] "
                  "(default 2.5 s per breath), breaths_per_pause [0-4], tidal_volume_mL [0-3000] (default 500); updates a "
                  "running CPR"},
    {"cpr_stop", "no fields"},
    {"airway", "airway: none, bag_mask, supraglottic, tracheal_tube, oesophageal_tube, "
               "right_mainstem"},
    {"ventilation", "mode: none, manual, bag_rate, ventilator; rate_per_min [4-60], "
                    "tidal_volume_mL (0-3000], inspiratory_time_s [0.3-3] (default 1), "
                    "peep_cmH2O [0-30]"},
    {"breath", "tidal_volume_mL (0-3000] (default 500), inspiratory_time_s [0.3-3] (default 1); "
               "one bag breath through the airway device"},
    {"oxygen", "fio2 [0.21-1] or source: room_air 0.21, nasal_cannula 0.32, face_mask 0.5, "
               "non_rebreather 0.8, bag_no_reservoir 0.5, bag_reservoir 0.95"},
    {"spontaneous_breathing", "enabled: true (own drive) or false (paralysed or sedated)"},
};

[[noreturn]] void out_of_range(const char* field, double v, const char* range) {
  std::ostringstream os;
  os << field << " = " << v << " is out of range; valid range is " << range;
  throw Error(Status::kInvalidArgument, os.str());
}

void check_optional(const char* field, double v, double max) {
  if (!std::isfinite(v) || v < 0.0 || v > max) {
    std::ostringstream range;
    range << "(0, " << max << "] (0 for default)";
    out_of_range(field, v, range.str().c_str());
  }
}

void check_range(const char* field, double v, double lo, double hi, const char* range) {
  if (!std::isfinite(v) || v < lo || v > hi) out_of_range(field, v, range);
}

void check_inspiratory_time(Action& a) {
  if (a.inspiratory_time_s == 0.0) a.inspiratory_time_s = kDefaultInspiratoryTime_s;
  check_range("inspiratory_time_s", a.inspiratory_time_s, 0.3, 3.0, "[0.3, 3] s (0 for 1 s)");
}

void check_cpr(Action& a) {
  if (a.rate_per_min == 0.0) a.rate_per_min = 110.0;
  if (a.depth_mm == 0.0) a.depth_mm = 55.0;
  if (a.duty_cycle == 0.0) a.duty_cycle = 0.5;
  check_range("rate_per_min", a.rate_per_min, kMinCprRate, kMaxCprRate, "[30, 250] /min");
  check_range("depth_mm", a.depth_mm, 0.0, kMaxDepth_mm, "[0, 100] mm");
  check_range("duty_cycle", a.duty_cycle, 0.2, 0.8, "[0.2, 0.8]");
  check_range("leaning_mm", a.leaning_mm, 0.0, std::min(kMaxLeaning_mm, a.depth_mm),
              "[0, 30] mm and not deeper than depth_mm");
  if (a.compressions_per_cycle < 0 || a.compressions_per_cycle > 100)
    out_of_range("compressions_per_cycle", a.compressions_per_cycle, "[0, 100] (0 continuous)");
  if (a.breaths_per_pause < 0 || a.breaths_per_pause > 4)
    out_of_range("breaths_per_pause", a.breaths_per_pause, "[0, 4]");
  // A rescuer who gives breaths pauses for them: 2.5 s per breath unless told otherwise (ERC
  // 2021 / AHA 2020: two breaths within a pause of under 10 s; 5 s is our choice [U]).
  if (a.pause_s == 0.0 && a.compressions_per_cycle > 0 && a.breaths_per_pause > 0)
    a.pause_s = 2.5 * a.breaths_per_pause;
  check_range("pause_s", a.pause_s, 0.0, 60.0, "[0, 60] s");
  if (a.tidal_volume_mL == 0.0 && a.breaths_per_pause > 0) a.tidal_volume_mL = kDefaultBreathVolume_mL;
  check_range("tidal_volume_mL", a.tidal_volume_mL, 0.0, kMaxTidalVolume_mL, "[0, 3000] mL");
}

void check_ventilation(Action& a) {
  if (a.vent_mode < 0 || a.vent_mode > 3)
    out_of_range("vent_mode", a.vent_mode, "{0 none, 1 manual, 2 bag_rate, 3 ventilator}");
  if (a.vent_mode < 2) return;  // none and manual take no settings
  check_range("rate_per_min", a.rate_per_min, 4.0, 60.0, "[4, 60] /min");
  if (a.tidal_volume_mL == 0.0) a.tidal_volume_mL = kDefaultBreathVolume_mL;
  check_range("tidal_volume_mL", a.tidal_volume_mL, 1.0, kMaxTidalVolume_mL, "(0, 3000] mL");
  check_inspiratory_time(a);
  if (a.inspiratory_time_s > 0.8 * 60.0 / a.rate_per_min)
    out_of_range("inspiratory_time_s", a.inspiratory_time_s,
                 "at most 80% of the breath period 60/rate_per_min");
  check_range("peep_cmH2O", a.peep_cmH2O, 0.0, 30.0, "[0, 30] cmH2O");
}

}  // namespace

std::span<const ActionInfo> action_registry() { return kActions; }

Action validated(const Action& in) {
  Action a = in;
  switch (a.kind) {
    case ActionKind::kHemorrhage:
      check_optional("rate_mL_min", a.rate_mL_min, kMaxRate_mL_min);
      check_optional("volume_mL", a.volume_mL, kMaxVolume_mL);
      if (a.rate_mL_min == 0.0 && a.volume_mL == 0.0)
        throw Error(Status::kInvalidArgument,
                    "rate_mL_min = 0 and volume_mL = 0: a hemorrhage needs one of them > 0");
      if (a.rate_mL_min == 0.0) a.rate_mL_min = kDefaultBleedRate_mL_min;
      if (a.site != static_cast<int32_t>(BleedSiteCode::kVenous) &&
          a.site != static_cast<int32_t>(BleedSiteCode::kArterial))
        out_of_range("site", a.site, "{0 venous, 1 arterial}");
      return a;
    case ActionKind::kHemorrhageStop:
      return a;
    case ActionKind::kRhythm:
      if (a.rhythm < 0 || a.rhythm >= static_cast<int32_t>(ep::Rhythm::kNumRhythms))
        out_of_range("rhythm", a.rhythm,
                     ("[0, " + std::to_string(static_cast<int>(ep::Rhythm::kNumRhythms) - 1) +
                      "] (see resus info)").c_str());
      return a;
    case ActionKind::kShock:
    case ActionKind::kCardioversion:
      if (!std::isfinite(a.energy_J) || a.energy_J < kMinShock_J || a.energy_J > kMaxShock_J)
        out_of_range("energy_J", a.energy_J, "[1, 360] J");
      if (a.waveform != 0 && a.waveform != 1)
        out_of_range("waveform", a.waveform, "{0 biphasic, 1 monophasic}");
      if (a.only_if_shockable != 0 && a.only_if_shockable != 1)
        out_of_range("only_if_shockable", a.only_if_shockable, "{0, 1}");
      return a;
    case ActionKind::kPacingStart:
      if (a.rate_per_min == 0.0) a.rate_per_min = kDefaultPacingRate;
      if (!std::isfinite(a.rate_per_min) || a.rate_per_min < kMinPacingRate ||
          a.rate_per_min > kMaxPacingRate)
        out_of_range("rate_per_min", a.rate_per_min, "[30, 180] /min");
      if (!std::isfinite(a.current_mA) || a.current_mA < 0.0 || a.current_mA > kMaxPacingCurrent_mA)
        out_of_range("current_mA", a.current_mA, "[0, 200] mA");
      return a;
    case ActionKind::kPacingStop:
      return a;
    case ActionKind::kCprStart:
      check_cpr(a);
      return a;
    case ActionKind::kCprStop:
      return a;
    case ActionKind::kAirway:
      if (a.airway < 0 || a.airway > 5)
        out_of_range("airway", a.airway,
                     "{0 none, 1 bag_mask, 2 supraglottic, 3 tracheal_tube, 4 oesophageal_tube, "
                     "5 right_mainstem}");
      return a;
    case ActionKind::kVentilation:
      check_ventilation(a);
      return a;
    case ActionKind::kBreath:
      if (a.tidal_volume_mL == 0.0) a.tidal_volume_mL = kDefaultBreathVolume_mL;
      check_range("tidal_volume_mL", a.tidal_volume_mL, 1.0, kMaxTidalVolume_mL, "(0, 3000] mL");
      check_inspiratory_time(a);
      return a;
    case ActionKind::kOxygen:
      check_range("fio2", a.fio2, 0.21, 1.0, "[0.21, 1]");
      return a;
    case ActionKind::kSpontaneousBreathing:
      if (a.enabled != 0 && a.enabled != 1) out_of_range("enabled", a.enabled, "{0, 1}");
      return a;
    case ActionKind::kFluidBolus:
      check_optional("rate_mL_min", a.rate_mL_min, kMaxRate_mL_min);
      if (!std::isfinite(a.volume_mL) || a.volume_mL <= 0.0 || a.volume_mL > kMaxVolume_mL)
        out_of_range("volume_mL", a.volume_mL, "(0, 10000]");
      if (a.rate_mL_min == 0.0) a.rate_mL_min = kDefaultBolusRate_mL_min;
      return a;
  }
  throw Error(Status::kUnknownName,
              "unknown action kind " + std::to_string(static_cast<int>(a.kind)));
}

Action parse_action_json(std::string_view text, double* at_s) {
  if (at_s) *at_s = std::numeric_limits<double>::quiet_NaN();
  const nlohmann::json j = parse_json_input(text, "action");
  if (!j.is_object()) throw Error(Status::kParseError, "action: expected a JSON object");
  auto it = j.find("do");
  if (it == j.end() || !it->is_string())
    throw Error(Status::kParseError, "action.do: required, a string naming the action");
  const std::string name = it->get<std::string>();

  Action a{};
  if (name == "hemorrhage") a.kind = ActionKind::kHemorrhage;
  else if (name == "hemorrhage_stop") a.kind = ActionKind::kHemorrhageStop;
  else if (name == "fluid_bolus") a.kind = ActionKind::kFluidBolus;
  else if (name == "rhythm") a.kind = ActionKind::kRhythm;
  else if (name == "shock") a.kind = ActionKind::kShock;
  else if (name == "cardioversion") a.kind = ActionKind::kCardioversion;
  else if (name == "pacing_start") {
    a.kind = ActionKind::kPacingStart;
    a.current_mA = kDefaultPacingCurrent_mA;
  }
  else if (name == "pacing_stop") a.kind = ActionKind::kPacingStop;
  else if (name == "cpr_start") a.kind = ActionKind::kCprStart;
  else if (name == "cpr_stop") a.kind = ActionKind::kCprStop;
  else if (name == "airway") a.kind = ActionKind::kAirway;
  else if (name == "ventilation") a.kind = ActionKind::kVentilation;
  else if (name == "breath") a.kind = ActionKind::kBreath;
  else if (name == "oxygen") a.kind = ActionKind::kOxygen;
  else if (name == "spontaneous_breathing") a.kind = ActionKind::kSpontaneousBreathing;
  else {
    std::string known;
    for (const ActionInfo& info : kActions) known += std::string(known.empty() ? "" : ", ") + info.name;
    throw Error(Status::kUnknownName, "action.do: unknown action " + quoted_input(name) + "; known: " + known);
  }

  auto number = [&](const std::string& key, const nlohmann::json& v) {
    if (!v.is_number()) throw Error(Status::kParseError, "action." + key + ": expected a number");
    return v.get<double>();
  };
  // An integer field is range-checked on the JSON's own 64-bit value, before it is narrowed to
  // the action's int32_t (4294967326 must not become 30).
  auto integer = [&](const std::string& key, const nlohmann::json& v, int32_t lo, int32_t hi) {
    if (!v.is_number_integer())
      throw Error(Status::kParseError, "action." + key + ": expected an integer");
    const bool fits = v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(hi)
                                             : v.get<int64_t>() >= lo && v.get<int64_t>() <= hi;
    if (!fits)
      throw Error(Status::kInvalidArgument, "action." + key + " = " + v.dump() +
                                                " is out of range; valid range is [" +
                                                std::to_string(lo) + ", " + std::to_string(hi) + "]");
    return static_cast<int32_t>(v.get<int64_t>());
  };
  auto string_field = [&](const std::string& key, const nlohmann::json& v) {
    if (!v.is_string()) throw Error(Status::kParseError, "action." + key + ": expected a string");
    return v.get<std::string>();
  };
  const bool volumes = a.kind == ActionKind::kHemorrhage || a.kind == ActionKind::kFluidBolus;
  const bool shock = a.kind == ActionKind::kShock || a.kind == ActionKind::kCardioversion;
  const bool pacing = a.kind == ActionKind::kPacingStart;
  const bool cpr = a.kind == ActionKind::kCprStart;
  const bool vent = a.kind == ActionKind::kVentilation;
  const bool breath = a.kind == ActionKind::kBreath;
  auto choice = [&](const std::string& key, const nlohmann::json& v,
                    std::initializer_list<const char*> names) {
    const std::string s = string_field(key, v);
    int32_t i = 0;
    std::string known;
    for (const char* n : names) {
      if (s == n) return i;
      known += std::string(i ? ", " : "") + n;
      ++i;
    }
    throw Error(Status::kInvalidArgument, "action." + key + ": " + quoted_input(s) + " is not one of " + known);
  };
  bool has_rhythm = false;
  for (const auto& [key, v] : j.items()) {
    if (key == "do") continue;
    if (key == "at_s") {
      const double t = number(key, v);
      if (at_s) *at_s = t;
    } else if (key == "rate_mL_min" && volumes) {
      a.rate_mL_min = number(key, v);
    } else if (key == "volume_mL" && volumes) {
      a.volume_mL = number(key, v);
    } else if (key == "site" && a.kind == ActionKind::kHemorrhage) {
      const std::string s = string_field(key, v);
      if (s == "venous") a.site = static_cast<int32_t>(BleedSiteCode::kVenous);
      else if (s == "arterial") a.site = static_cast<int32_t>(BleedSiteCode::kArterial);
      else throw Error(Status::kInvalidArgument, "action.site: " + quoted_input(s) + " is not 'venous' or 'arterial'");
    } else if (key == "rhythm" && a.kind == ActionKind::kRhythm) {
      const std::string s = string_field(key, v);
      ep::Rhythm r;
      if (!ep::rhythm_from_name(s.c_str(), &r))
        throw Error(Status::kUnknownName, "action.rhythm: unknown rhythm " + quoted_input(s) + " (see resus info)");
      a.rhythm = static_cast<int32_t>(r);
      has_rhythm = true;
    } else if (key == "energy_J" && shock) {
      a.energy_J = number(key, v);
    } else if (key == "waveform" && shock) {
      const std::string s = string_field(key, v);
      if (s == "biphasic") a.waveform = 0;
      else if (s == "monophasic") a.waveform = 1;
      else throw Error(Status::kInvalidArgument, "action.waveform: " + quoted_input(s) + " is not 'biphasic' or 'monophasic'");
    } else if (key == "only_if_shockable" && a.kind == ActionKind::kShock) {
      if (!v.is_boolean()) throw Error(Status::kParseError, "action.only_if_shockable: expected true or false");
      a.only_if_shockable = v.get<bool>() ? 1 : 0;
    } else if (key == "rate_per_min" && pacing) {
      a.rate_per_min = number(key, v);
    } else if (key == "current_mA" && pacing) {
      a.current_mA = number(key, v);
    } else if (key == "rate_per_min" && (cpr || vent)) {
      a.rate_per_min = number(key, v);
    } else if (key == "depth_mm" && cpr) {
      a.depth_mm = number(key, v);
    } else if (key == "duty_cycle" && cpr) {
      a.duty_cycle = number(key, v);
    } else if (key == "leaning_mm" && cpr) {
      a.leaning_mm = number(key, v);
    } else if (key == "compressions_per_cycle" && cpr) {
      a.compressions_per_cycle = integer(key, v, 0, 100);
    } else if (key == "breaths_per_pause" && cpr) {
      a.breaths_per_pause = integer(key, v, 0, 4);
    } else if (key == "pause_s" && cpr) {
      a.pause_s = number(key, v);
    } else if (key == "tidal_volume_mL" && (cpr || vent || breath)) {
      a.tidal_volume_mL = number(key, v);
    } else if (key == "inspiratory_time_s" && (vent || breath)) {
      a.inspiratory_time_s = number(key, v);
    } else if (key == "peep_cmH2O" && vent) {
      a.peep_cmH2O = number(key, v);
    } else if (key == "mode" && vent) {
      a.vent_mode = choice(key, v, {"none", "manual", "bag_rate", "ventilator"});
    } else if (key == "airway" && a.kind == ActionKind::kAirway) {
      a.airway = choice(key, v, {"none", "bag_mask", "supraglottic", "tracheal_tube",
                                 "oesophageal_tube", "right_mainstem"});
    } else if (key == "fio2" && a.kind == ActionKind::kOxygen) {
      a.fio2 = number(key, v);
    } else if (key == "source" && a.kind == ActionKind::kOxygen) {
      constexpr double kFio2[] = {0.21, 0.32, 0.5, 0.8, 0.5, 0.95};
      a.fio2 = kFio2[choice(key, v, {"room_air", "nasal_cannula", "face_mask", "non_rebreather",
                                     "bag_no_reservoir", "bag_reservoir"})];
    } else if (key == "enabled" && a.kind == ActionKind::kSpontaneousBreathing) {
      if (!v.is_boolean()) throw Error(Status::kParseError, "action.enabled: expected true or false");
      a.enabled = v.get<bool>() ? 1 : 0;
    } else {
      throw Error(Status::kUnknownName, "action." + cut_input(key) + ": unknown field for '" + name + "'");
    }
  }
  if (a.kind == ActionKind::kRhythm && !has_rhythm)
    throw Error(Status::kParseError, "action.rhythm: required, a rhythm name (see resus info)");
  if (a.kind == ActionKind::kAirway && !j.contains("airway"))
    throw Error(Status::kParseError, "action.airway: required, a device name");
  if (vent && !j.contains("mode"))
    throw Error(Status::kParseError, "action.mode: required (none, manual, bag_rate, ventilator)");
  if (a.kind == ActionKind::kOxygen && !j.contains("fio2") && !j.contains("source"))
    throw Error(Status::kParseError, "action.fio2: required (or a source name)");
  if (a.kind == ActionKind::kSpontaneousBreathing && !j.contains("enabled"))
    throw Error(Status::kParseError, "action.enabled: required, true or false");
  if (shock && !j.contains("energy_J"))
    throw Error(Status::kParseError, "action.energy_J: required, 1-360 J");
  try {
    return validated(a);
  } catch (const Error& e) {
    throw Error(e.status(), "action." + std::string(e.what()));
  }
}

}  // namespace resus
