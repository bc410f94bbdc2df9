#include "engine/actions.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

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
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(Status::kParseError, std::string("action: malformed JSON: ") + e.what());
  }
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
  else {
    std::string known;
    for (const ActionInfo& info : kActions) known += std::string(known.empty() ? "" : ", ") + info.name;
    throw Error(Status::kUnknownName, "action.do: unknown action '" + name + "'; known: " + known);
  }

  auto number = [&](const std::string& key, const nlohmann::json& v) {
    if (!v.is_number()) throw Error(Status::kParseError, "action." + key + ": expected a number");
    return v.get<double>();
  };
  auto string_field = [&](const std::string& key, const nlohmann::json& v) {
    if (!v.is_string()) throw Error(Status::kParseError, "action." + key + ": expected a string");
    return v.get<std::string>();
  };
  const bool volumes = a.kind == ActionKind::kHemorrhage || a.kind == ActionKind::kFluidBolus;
  const bool shock = a.kind == ActionKind::kShock || a.kind == ActionKind::kCardioversion;
  const bool pacing = a.kind == ActionKind::kPacingStart;
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
      else throw Error(Status::kInvalidArgument, "action.site: '" + s + "' is not 'venous' or 'arterial'");
    } else if (key == "rhythm" && a.kind == ActionKind::kRhythm) {
      const std::string s = string_field(key, v);
      ep::Rhythm r;
      if (!ep::rhythm_from_name(s.c_str(), &r))
        throw Error(Status::kUnknownName, "action.rhythm: unknown rhythm '" + s + "' (see resus info)");
      a.rhythm = static_cast<int32_t>(r);
      has_rhythm = true;
    } else if (key == "energy_J" && shock) {
      a.energy_J = number(key, v);
    } else if (key == "waveform" && shock) {
      const std::string s = string_field(key, v);
      if (s == "biphasic") a.waveform = 0;
      else if (s == "monophasic") a.waveform = 1;
      else throw Error(Status::kInvalidArgument, "action.waveform: '" + s + "' is not 'biphasic' or 'monophasic'");
    } else if (key == "only_if_shockable" && a.kind == ActionKind::kShock) {
      if (!v.is_boolean()) throw Error(Status::kParseError, "action.only_if_shockable: expected true or false");
      a.only_if_shockable = v.get<bool>() ? 1 : 0;
    } else if (key == "rate_per_min" && pacing) {
      a.rate_per_min = number(key, v);
    } else if (key == "current_mA" && pacing) {
      a.current_mA = number(key, v);
    } else {
      throw Error(Status::kUnknownName, "action." + key + ": unknown field for '" + name + "'");
    }
  }
  if (a.kind == ActionKind::kRhythm && !has_rhythm)
    throw Error(Status::kParseError, "action.rhythm: required, a rhythm name (see resus info)");
  if (shock && !j.contains("energy_J"))
    throw Error(Status::kParseError, "action.energy_J: required, 1-360 J");
  try {
    return validated(a);
  } catch (const Error& e) {
    throw Error(e.status(), "action." + std::string(e.what()));
  }
}

}  // namespace resus
