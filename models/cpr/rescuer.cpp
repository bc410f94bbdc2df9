#include "models/cpr/rescuer.hpp"

namespace resus::cpr {

BreathRequest rescuer_breath(RescuerBreaths& r, const CompressionState& source,
                             CompressionEvents e, double t, double tolerance_s) {
  const Program& program = source.program;
  if (e.pause_started && program.breaths_per_pause > 0) {
    r.pending = program.breaths_per_pause;
    r.next_breath_s = t + kReachBag_s;
    r.volume_mL = program.breath_volume_mL;
  }
  if (!source.paused) r.pending = 0;  // compressions resumed: no more breaths
  BreathRequest out{};
  if (r.pending <= 0 || t + tolerance_s < r.next_breath_s) return out;
  out = BreathRequest{1, 0, r.volume_mL, kPauseBreathTi_s};
  --r.pending;
  r.next_breath_s = t + kBreathCycle_s;
  return out;
}

void check_state(const RescuerBreaths& r, StateCheck& c) {
  c.index("rescuer.pending", r.pending, 0, 4)
      .in("rescuer.next_breath_s", r.next_breath_s, -bounds::kTime_s, bounds::kTime_s)
      .in("rescuer.volume_mL", r.volume_mL, 0.0, 3000.0);
}

}  // namespace resus::cpr
