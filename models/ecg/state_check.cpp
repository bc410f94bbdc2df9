// The ECG generator's state as a restored snapshot must hold it (models/common/state_check.hpp).
#include "models/ecg/ecg.hpp"

namespace resus::ecg {

void check_state(const EcgState& s, StateCheck& c) {
  using namespace bounds;
  // The noises are standard normal draws low-passed, each stage within a few units of variance:
  // 50 is never reached, and a forged value above it (found by fuzz_snapshot_flips: 9e7 mV on
  // the next sample) is refused.
  constexpr double kNoise = 50.0;
  c.all_in("ecg.vf_phase", s.vf_phase, -kAny, kAny)
      .in("ecg.vf_env", s.vf_env, 0.0, 1.0)
      .in("ecg.af_phase", s.af_phase, -kAny, kAny)
      .in("ecg.af_mod_phase", s.af_mod_phase, -kAny, kAny)
      .in("ecg.af_env", s.af_env, 0.0, 1.0)
      .in("ecg.flutter_phase", s.flutter_phase, -kAny, kAny)
      .in("ecg.flutter_env", s.flutter_env, 0.0, 1.0)
      .in("ecg.torsades_angle", s.torsades_angle, -kAny, kAny)
      .all_in("ecg.slow_stage", s.slow_stage, -kNoise, kNoise)
      .all_in("ecg.slow_noise", s.slow_noise, -kNoise, kNoise)
      .all_in("ecg.fast_noise", s.fast_noise, -kNoise, kNoise)
      .all_in("ecg.wander", s.wander[0], -kNoise, kNoise)
      .all_in("ecg.wander", s.wander[1], -kNoise, kNoise)
      .all_in("ecg.muscle_lp", s.muscle_lp, -kNoise, kNoise)
      .in("ecg.mains_phase", s.mains_phase, -kAny, kAny)
      .in("ecg.last_ventricular_time", s.last_ventricular_time, -kTime_s, kTime_s)
      .index("ecg.beat_count", s.beat_count, INT32_MIN, INT32_MAX);
}

void check_switches(const ArtefactSwitches& a, StateCheck& c) {
  c.flag("ecg_artefacts.cpr", a.cpr)
      .flag("ecg_artefacts.shock", a.shock)
      .flag("ecg_artefacts.pacer", a.pacer)
      .flag("ecg_artefacts.baseline_wander", a.baseline_wander)
      .flag("ecg_artefacts.mains", a.mains)
      .flag("ecg_artefacts.muscle", a.muscle);
}

}  // namespace resus::ecg
