#include "engine/actions.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engine/status.hpp"

namespace resus {
namespace {

constexpr ActionInfo kActions[] = {
    {"hemorrhage",
     "rate_mL_min (0-10000] and/or volume_mL (0-10000] (a volume alone bleeds at 1000 mL/min), "
     "site \"venous\" (default) or \"arterial\"; replaces a running hemorrhage"},
    {"hemorrhage_stop", "no fields"},
    {"fluid_bolus", "volume_mL (0-10000], rate_mL_min (0-10000] (default 250)"},
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
  else {
    std::string known;
    for (const ActionInfo& info : kActions) known += std::string(known.empty() ? "" : ", ") + info.name;
    throw Error(Status::kUnknownName, "action.do: unknown action '" + name + "'; known: " + known);
  }

  auto number = [&](const std::string& key, const nlohmann::json& v) {
    if (!v.is_number()) throw Error(Status::kParseError, "action." + key + ": expected a number");
    return v.get<double>();
  };
  for (const auto& [key, v] : j.items()) {
    if (key == "do") continue;
    if (key == "at_s") {
      const double t = number(key, v);
      if (at_s) *at_s = t;
    } else if (key == "rate_mL_min" && a.kind != ActionKind::kHemorrhageStop) {
      a.rate_mL_min = number(key, v);
    } else if (key == "volume_mL" && a.kind != ActionKind::kHemorrhageStop) {
      a.volume_mL = number(key, v);
    } else if (key == "site" && a.kind == ActionKind::kHemorrhage) {
      if (!v.is_string()) throw Error(Status::kParseError, "action.site: expected a string");
      const std::string s = v.get<std::string>();
      if (s == "venous") a.site = static_cast<int32_t>(BleedSiteCode::kVenous);
      else if (s == "arterial") a.site = static_cast<int32_t>(BleedSiteCode::kArterial);
      else throw Error(Status::kInvalidArgument, "action.site: '" + s + "' is not 'venous' or 'arterial'");
    } else {
      throw Error(Status::kUnknownName, "action." + key + ": unknown field for '" + name + "'");
    }
  }
  try {
    return validated(a);
  } catch (const Error& e) {
    throw Error(e.status(), "action." + std::string(e.what()));
  }
}

}  // namespace resus
