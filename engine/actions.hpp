// Actions a host or scenario applies to a running sim: a kind and its fields' values, read and
// checked through the action table (engine/action_table.hpp), so the typed C calls, the values
// form, the JSON form and scenario timelines all reach the same dispatcher with the same ranges.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "engine/action_table.hpp"

namespace resus {

enum class BleedSiteCode : int32_t { kVenous = 0, kArterial = 1 };

// Limits other paths share with the table: the streamed inputs and the snapshot checks.
constexpr double kMaxDepth_mm = action_table::kCprStart[1].max;
constexpr double kMaxTidalVolume_mL = action_table::kBreath[0].max;
constexpr double kMaxBagFlow_mL_s = 3000.0;  // a streamed bag flow (not an action)
constexpr double kMaxShock_J = action_table::kShock[0].max;
constexpr double kMaxRate_mL_min = action_table::kHemorrhage[0].max;
constexpr double kMaxVolume_mL = action_table::kHemorrhage[1].max;

// An action of `kind` with every field at its default (NaN where a field has none).
Action default_action(ActionKind kind);

// Checks every field against the kind's row and fills defaults: NaN means "absent", and 0
// stands for the default where the row says so. Throws resus::Error naming the field, the
// value and the valid range (kUnknownName for a kind outside the table).
Action validated(const Action& a);

// Parses {"do": "...", ...fields}. A field "at_s" is accepted and returned through *at_s (NaN
// when absent). Throws resus::Error naming the offending field.
Action parse_action_json(std::string_view json, double* at_s);

// A field's valid range in words, as messages and docs give it: "[30, 250] /min",
// "(0, 10000] mL (0 for the default)", "{0 venous, 1 arterial}".
std::string describe_range(const FieldSpec& f);

}  // namespace resus
