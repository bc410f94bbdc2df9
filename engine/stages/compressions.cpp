// The compressions stage: where the chest depth comes from (a parametric rescuer or a host's
// depth stream), the chest pressure it makes as a ramp over each step (the Babbs hybrid pump's
// thoracic and cardiac shares, models/cpr), and the rescuer's breaths in 30:2 pauses. Writes
// bus.chest.
#include <cmath>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::compressions {
namespace {

// Chest pressure at both ends of the step starting at t, as a ramp the RK4 stages sample.
void chest_over_step(const cpr::CompressionParams& p, const cpr::ChestPump& pump,
                     const cpr::CompressionState& src, double t, ChestBus& chest) {
  chest.depth_mm = cpr::depth_at(src, t);
  const double depth1 = cpr::depth_at(src, t + kStep_s);
  const double pc0 = pump.pressure(chest.depth_mm);
  const double pc1 = pump.pressure(depth1);
  const double slope = (pc1 - pc0) / kStep_s;
  chest.thoracic_mmHg = p.thoracic_fraction * pc0;
  chest.thoracic_slope = p.thoracic_fraction * slope;
  chest.cardiac_mmHg = p.cardiac_fraction * pc0;
  chest.cardiac_slope = p.cardiac_fraction * slope;
  chest.displacement_mL = pump.displacement(chest.depth_mm);
  chest.displacement_slope = (pump.displacement(depth1) - chest.displacement_mL) / kStep_s;
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  CompressionsState& st = s.compressions;
  const cpr::CompressionEvents e = cpr::advance_to(st.source, c.t);
  const cpr::BreathRequest b = cpr::rescuer_breath(st.breaths, st.source, e, c.t, 0.5 * kStep_s);
  ChestBus& chest = s.bus.chest;
  chest.breath = b;
  chest_over_step(c.model.params().compression, c.eval.chest, st.source, c.t, chest);
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr ActionKind K = ActionKind::kCprStart;
  CompressionsState& st = s.compressions;
  if (a.kind == K) {
    const cpr::Program program{a[field_index(K, "rate_per_min")],
                               a[field_index(K, "depth_mm")],
                               a[field_index(K, "duty_cycle")],
                               a[field_index(K, "leaning_mm")],
                               static_cast<int32_t>(a[field_index(K, "compressions_per_cycle")]),
                               static_cast<int32_t>(a[field_index(K, "breaths_per_pause")]),
                               a[field_index(K, "pause_s")],
                               a[field_index(K, "tidal_volume_mL")]};
    cpr::start_program(st.source, program, now(s));
    c.events.push(EventKind::kActionApplied, static_cast<int32_t>(a.kind), program.depth_mm);
  } else if (a.kind == ActionKind::kCprStop) {
    cpr::stop(st.source);
    cpr::stop_breaths(st.breaths);
    c.events.push(EventKind::kActionApplied, static_cast<int32_t>(a.kind), 0.0);
  }
}

bool push_depth(SimState& s, double depth_mm) {
  if (!std::isfinite(depth_mm) || depth_mm < 0.0 || depth_mm > kMaxDepth_mm) return false;
  cpr::push_depth(s.compressions.source, depth_mm, now(s) + s.carry_s);
  return true;
}

void publish(const Model& m, SimState& s, double* sig) {
  const cpr::CompressionParams& p = m.params().compression;
  const cpr::ChestPump pump(p);
  chest_over_step(p, pump, s.compressions.source, now(s), s.bus.chest);
  sig[kChestDepth] = s.bus.chest.depth_mm;
  sig[kChestPressure] = pump.pressure(sig[kChestDepth]);
}

void check(const SimState& s, StateCheck& c) {
  cpr::check_state(s.compressions.source, now(s), c);
  cpr::check_state(s.compressions.breaths, c);
  c.in("chest.depth_mm", s.bus.chest.depth_mm, 0.0, kMaxDepth_mm);
}

}  // namespace resus::stages::compressions
