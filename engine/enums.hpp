// The names of every enum the C API takes or hands out (statuses, action kinds, event kinds,
// rhythms, shock outcomes and waveforms, airway devices, ventilation modes, bleed sites, field
// types, effect channels), in one place the shim and the bindings read. Values index the names.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "engine/action_table.hpp"
#include "engine/bus.hpp"

namespace resus {

// Values match resus_enum in the C API (append-only).
enum class EnumType : int32_t {
  kStatus = 0,
  kActionKind = 1,    // names from 1 (resus_action_kind); value 0 has the name "none"
  kEventKind = 2,     // from 1, as the action kinds
  kRhythm = 3,
  kShockOutcome = 4,
  kShockWaveform = 5,
  kAirway = 6,
  kVentMode = 7,
  kBleedSite = 8,
  kFieldType = 9,
  kEffect = 10,
  kCount
};

namespace enum_names {
inline constexpr const char* kStatus[] = {
    "ok", "invalid_argument", "null_handle", "unknown_name", "parse_error", "buffer_too_small",
    "incompatible", "numerical", "capacity", "out_of_memory", "internal"};
inline constexpr const char* kEventKinds[] = {"none",           "action_applied", "hemorrhage_ended",
                                              "bolus_ended",    "rhythm_changed", "shock_delivered",
                                              "pacing_capture", "lab_result",     "needle_failed",
                                              "seizure"};
inline constexpr const char* kShockOutcomes[] = {"no_effect",    "terminated",    "not_terminated",
                                                 "induced_vf",   "converted",     "not_converted",
                                                 "no_sync",      "no_shock_advised"};
inline constexpr const char* kFieldTypes[] = {"number", "integer", "boolean", "enum"};
inline constexpr const char* kEffects[] = {
    "systemic_resistance", "pulmonary_resistance", "coronary_resistance",
    "venous_unstressed_volume", "lv_contractility", "rv_contractility", "chronotropy",
    "vagal_effect", "av_conduction", "automaticity", "vf_hazard", "refibrillation_hazard",
    "defibrillation_threshold", "respiratory_drive", "lung_compliance", "metabolic_rate",
    "potassium_uptake", "glucose_uptake", "qt_ms", "membrane_stability_mmol_L", "vf_hazard_per_s", "shunt",
    "thrombolysis_per_h", "alveolar_dead_space", "beta1_blockade", "alpha1_blockade",
    "sodium_channel_block", "pupil_constriction"};
static_assert(sizeof(kEffects) / sizeof(kEffects[0]) == kNumEffectChannels);
}  // namespace enum_names

// The names of an enum's values (value i has name i; action kinds count from 1, so their list
// starts with "none"). Empty for a type outside the list.
std::span<const char* const> enum_names_of(EnumType type);

// A value's name, or null when out of range.
const char* enum_name(EnumType type, int32_t value);

}  // namespace resus
