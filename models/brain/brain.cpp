#include "models/brain/brain.hpp"

#include <algorithm>
#include <cmath>

namespace resus::brain {
namespace {

double smoothstep(double x, double lo, double hi) {
  if (!(hi > lo)) return x >= lo ? 1.0 : 0.0;  // a host may set the two shares equal
  const double u = std::clamp((x - lo) / (hi - lo), 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
}

double relax(double value, double target, double dt, double tau) {
  return value + (target - value) * -std::expm1(-dt / tau);
}

// Secondary injury (index minutes per hour): what fever, hyperoxaemia and a delivery short of the
// penumbra do to a brain that an ischaemia has made vulnerable (none to an uninjured one).
double secondary_injury_per_h(const BrainParams& p, const BrainInputs& in, const BrainState& s) {
  const double vulnerable = std::clamp(s.ischaemia_min / p.vulnerable_min, 0.0, 1.0);
  // Below the injury threshold the ischaemia counts, and nothing is added to it (an arrest, CPR).
  if (vulnerable <= 0.0 || s.delivery < p.ischaemic_share) return 0.0;
  const double fever = std::max(in.temperature_C - p.fever_threshold_C, 0.0);
  const double hyperoxia =
      std::clamp((in.pao2_mmHg - p.hyperoxia_threshold_mmHg) / 100.0, 0.0, 2.0);
  const double span = p.penumbra_share - p.ischaemic_share;  // a host may close the penumbra
  const double short_of_penumbra =
      span > 0.0 ? std::clamp((p.penumbra_share - s.delivery) / span, 0.0, 1.0) : 0.0;
  return vulnerable * (p.fever_min_per_C_h * fever + p.hyperoxia_min_per_h * hyperoxia +
                       p.hypoperfusion_min_per_h * short_of_penumbra);
}

}  // namespace

BrainState initial_state(const BrainParams& p) {
  return {1.0, 1.0, 0.0, p.pupil_normal_mm, 0.0, 0.0, 0.0};
}

void step(const BrainParams& p, const BrainInputs& in, BrainState& s) {
  // Cold lowers the demand (CMRO2 ~7%/C), so the same flow is a larger share of it.
  const double cold = std::clamp(37.0 - in.temperature_C, -4.0, 20.0);
  const double seizing = s.seizure_s > 0.0 ? p.seizure_demand : 1.0;
  const double demand = std::max(1.0 - p.demand_per_C * cold, 0.2) * seizing;
  const double share = std::max(in.flow_ratio, 0.0) * std::max(in.content_ratio, 0.0) / demand;
  s.delivery = relax(s.delivery, std::clamp(share, 0.0, 3.0), in.dt_s, p.flow_tau_s);
  // Ischaemia: below the injury threshold each minute counts by how far below it the supply is
  // (no flow a full minute; CPR's ~25% about a third).
  const double deficit = std::clamp(1.0 - s.delivery / p.ischaemic_share, 0.0, 1.0);
  s.ischaemia_min += deficit * in.dt_s / 60.0;
  s.secondary_min += secondary_injury_per_h(p, in, s) * in.dt_s / 3600.0;
  s.reperfused_s = s.delivery >= p.electrical_failure_share ? s.reperfused_s + in.dt_s : 0.0;
  s.seizure_s = std::max(s.seizure_s - in.dt_s, 0.0);
  // Consciousness follows the cortex's O2 (the penumbra thresholds), fades in seconds and
  // returns over minutes, the more slowly the longer the ischaemia; after coma_min it does not.
  // Cold dims it by itself, between the staging's conscious and unconscious temperatures, and
  // so does a want of glucose.
  const double awake = smoothstep(s.delivery, p.electrical_failure_share, p.conscious_share) *
                       (1.0 - neuroglycopenia(p, in.glucose_mmol_L)) *
                       std::clamp(1.0 - injury_index(s) / p.coma_min, 0.0, 1.0) *
                       (s.seizure_s > 0.0 ? 0.0 : 1.0) *
                       smoothstep(in.temperature_C, p.cold_unconscious_C, p.cold_conscious_C);
  const double tau = awake < s.consciousness
                         ? p.loss_tau_s
                         : p.recovery_tau_s * (1.0 + p.recovery_per_min * injury_index(s));
  s.consciousness = std::clamp(relax(s.consciousness, awake, in.dt_s, tau), 0.0, 1.0);
  if (s.consciousness < 1e-9) s.consciousness = 0.0;  // no subnormals: they are slow
  // A brainstem short of O2 dilates the pupils, whatever narrowed them: an opioid's pinpoint
  // pupils widen as the hypoxia it caused deepens.
  const double dilated = s.delivery < p.electrical_failure_share ? 1.0 : 0.0;
  const double lit = p.pupil_normal_mm * (1.0 - std::clamp(in.pupil_constriction, 0.0, 0.9));
  s.pupil_mm = relax(s.pupil_mm, lit + dilated * (p.pupil_dilated_mm - lit), in.dt_s, p.pupil_tau_s);
}

double neuroglycopenia(const BrainParams& p, double glucose_mmol_L) {
  // A glucose nobody measured (not finite) is taken as enough: NaN must not reach the state.
  if (!std::isfinite(glucose_mmol_L)) return 0.0;
  return 1.0 - smoothstep(glucose_mmol_L, p.glucose_unconscious_mmol_L, p.glucose_conscious_mmol_L);
}

double seizure_hazard_per_s(const BrainParams& p, const BrainState& s, double glucose_mmol_L) {
  // A cortex that seizes has O2 enough to fire.
  if (s.seizure_s > 0.0 || s.delivery < p.electrical_failure_share) return 0.0;
  // Neuroglycopenia brings seizures awake or not.
  const double hypoglycaemic = p.glucose_seizure_per_h / 3600.0 * neuroglycopenia(p, glucose_mmol_L);
  // Post-anoxic: reperfused and injured enough to be comatose; the hazard grows with the injury
  // and fades over the days after reperfusion.
  if (s.consciousness >= 0.5) return hypoglycaemic;
  const double severity =
      std::clamp((injury_index(s) - p.seizure_index_min) / p.seizure_index_span_min, 0.0, 1.0);
  if (severity <= 0.0) return hypoglycaemic;
  return hypoglycaemic + p.seizure_rate_per_h / 3600.0 * severity *
                             std::exp(-s.reperfused_s / (3600.0 * p.seizure_tau_h));
}

void start_seizure(const BrainParams& p, BrainState& s) { s.seizure_s = p.seizure_duration_s; }

bool pupils_reactive(const BrainParams& p, const BrainState& s) {
  return s.delivery >= p.brainstem_share && s.ischaemia_min < p.reflex_loss_min;
}

}  // namespace resus::brain
