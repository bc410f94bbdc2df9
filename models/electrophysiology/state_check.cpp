// The conduction system's state as a restored snapshot must hold it
// (models/common/state_check.hpp).
#include "models/electrophysiology/conduction.hpp"

namespace resus::ep {

void check_state(const ConductionState& s, StateCheck& c) {
  using namespace bounds;
  c.index("conduction.rhythm", s.rhythm, 0, static_cast<int>(Rhythm::kNumRhythms) - 1)
      .index("conduction.atrial", s.atrial, 0, static_cast<int>(AtrialMode::kSilent))
      .index("conduction.av", s.av, 0, static_cast<int>(AvMode::kComplete))
      .index("conduction.ventricular", s.ventricular, 0, static_cast<int>(VentricularMode::kStandstill))
      .flag("conduction.pea", s.pea)
      .flag("conduction.escape_enabled", s.escape_enabled)
      .index("conduction.infranodal_count", s.infranodal_count, 0, INT32_MAX)
      .index("conduction.pending_origin", s.pending_origin, 0, static_cast<int>(BeatOrigin::kPaced))
      .index("conduction.acquired_by", s.acquired_by, 0, static_cast<int>(AcquiredBy::kSodiumBlock))
      .index("conduction.premature_beats", s.premature_beats, 0, INT32_MAX)
      .in("conduction.sinus_rate_override_bpm", s.sinus_rate_override_bpm, 0.0, 400.0)
      .in("conduction.next_atrial_time", s.next_atrial_time, -kTime_s, kTime_s)
      .in("conduction.last_atrial_time", s.last_atrial_time, -kTime_s, kTime_s)
      .in("conduction.av_exit_time", s.av_exit_time, -kTime_s, kTime_s)
      .in_or_nan("conduction.pending_ventricular_time", s.pending_ventricular_time, -kTime_s, kTime_s)
      .in("conduction.last_ventricular_time", s.last_ventricular_time, -kTime_s, kTime_s)
      // Every activation books min(interval, 3 s) and intervals are longer than the ventricles'
      // refractory period; the heart rate signal divides by it.
      .in("conduction.previous_rr_s", s.previous_rr_s, 0.01, 3.0)
      .in("conduction.next_focus_time", s.next_focus_time, -kTime_s, kTime_s)
      .in_or_nan("conduction.next_premature_time", s.next_premature_time, -kTime_s, kTime_s)
      .flag("conduction.pacing", s.pacing)
      .flag("conduction.pacing_captured", s.pacing_captured)
      .in("conduction.next_pacer_time", s.next_pacer_time, -kTime_s, kTime_s)
      .in("conduction.last_pacer_spike_time", s.last_pacer_spike_time, -kTime_s, kTime_s);
  // Settings of a running pacer are those the pacing action accepts; a stopped one keeps its last.
  if (s.pacing) {
    c.in("conduction.pacer_rate_bpm", s.pacer_rate_bpm, 30.0, 180.0)
        .in("conduction.pacer_current_mA", s.pacer_current_mA, 0.0, 200.0);
  } else {
    c.in("conduction.pacer_rate_bpm", s.pacer_rate_bpm, 0.0, 180.0)
        .in("conduction.pacer_current_mA", s.pacer_current_mA, 0.0, 200.0);
  }
}

}  // namespace resus::ep
