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
};

enum class BleedSiteCode : int32_t { kVenous = 0, kArterial = 1 };

struct Action {
  ActionKind kind;
  int32_t site;         // BleedSiteCode for hemorrhage
  double rate_mL_min;   // 0 = default for the kind
  double volume_mL;     // 0 = unlimited (hemorrhage) / required (bolus)
};

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
