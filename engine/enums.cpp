#include "engine/enums.hpp"

#include <array>
#include <iterator>

#include "engine/sim_state.hpp"
#include "engine/status.hpp"
#include "models/electrophysiology/myocardium.hpp"

namespace resus {
namespace {

// The kinds' names, from the action table, behind a "none" at value 0.
const std::array<const char*, std::size(action_table::kRows) + 1>& action_kind_names() {
  static const auto names = [] {
    std::array<const char*, std::size(action_table::kRows) + 1> out{"none"};
    for (std::size_t i = 0; i < std::size(action_table::kRows); ++i) out[i + 1] = action_table::kRows[i].name;
    return out;
  }();
  return names;
}

// The engine's enums and the names here must agree.
static_assert(std::size(enum_names::kStatus) == static_cast<std::size_t>(Status::kInternal) + 1);
static_assert(std::size(enum_names::kEventKinds) ==
              static_cast<std::size_t>(EventKind::kLastEventKind) + 1);
static_assert(static_cast<int>(ep::ShockOutcome::kNotConverted) + 3 ==
              static_cast<int>(std::size(enum_names::kShockOutcomes)));
static_assert(static_cast<int>(FieldType::kEnum) + 1 == static_cast<int>(std::size(enum_names::kFieldTypes)));

}  // namespace

std::span<const char* const> enum_names_of(EnumType type) {
  switch (type) {
    case EnumType::kStatus: return enum_names::kStatus;
    case EnumType::kActionKind: return action_kind_names();
    case EnumType::kEventKind: return enum_names::kEventKinds;
    case EnumType::kRhythm: return ep::kRhythmNames;
    case EnumType::kShockOutcome: return enum_names::kShockOutcomes;
    case EnumType::kShockWaveform: return action_table::kShockWaveforms;
    case EnumType::kAirway: return resp::kAirwayNames;
    case EnumType::kVentMode: return resp::kVentModeNames;
    case EnumType::kBleedSite: return action_table::kBleedSites;
    case EnumType::kFieldType: return enum_names::kFieldTypes;
    case EnumType::kEffect: return enum_names::kEffects;
    case EnumType::kCount: break;
  }
  return {};
}

const char* enum_name(EnumType type, int32_t value) {
  const auto names = enum_names_of(type);
  return value >= 0 && static_cast<std::size_t>(value) < names.size() ? names[static_cast<std::size_t>(value)]
                                                                       : nullptr;
}

}  // namespace resus
