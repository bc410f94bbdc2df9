// The rescuer's breaths in the pauses of programmed CPR (30:2): when a pause begins the rescuer
// reaches for the bag and gives each breath over about a second, letting the chest fall between
// them. Pure: the engine passes the compression source's events and the time, and gives the
// breaths this returns through the airway device in place.
#pragma once

#include <cstdint>

#include "models/common/state_check.hpp"
#include "models/cpr/compression.hpp"

namespace resus::cpr {

constexpr double kReachBag_s = 0.3;       // from the chest to the bag when a pause begins [U]
constexpr double kBreathCycle_s = 2.0;    // 1 s inspiration and ~1 s to let the chest fall
constexpr double kPauseBreathTi_s = 1.0;  // ERC 2021 / AHA 2020: each rescue breath over ~1 s

struct RescuerBreaths {
  int32_t pending;       // breaths still to give in this pause
  int32_t pad;
  double next_breath_s;  // when the next one is due
  double volume_mL;      // of each
};

struct BreathRequest {
  int32_t give;          // 1: give a breath now
  int32_t pad;
  double volume_mL;
  double inspiratory_time_s;
};

// Called once per step at time t, after advance_to() moved the source there and returned `e`.
// `tolerance_s` is half the caller's step: a breath due within it is given now.
BreathRequest rescuer_breath(RescuerBreaths& r, const CompressionState& source,
                             CompressionEvents e, double t, double tolerance_s);
// Compressions stopped: no more breaths from this pause.
inline void stop_breaths(RescuerBreaths& r) { r.pending = 0; }

void check_state(const RescuerBreaths& r, StateCheck& c);

}  // namespace resus::cpr
