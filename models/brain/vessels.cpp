#include "models/brain/vessels.hpp"

#include <algorithm>
#include <cmath>

namespace resus::brain {
namespace {

double relax(double value, double target, double dt, double tau) {
  return value + (target - value) * -std::expm1(-dt / tau);
}

double smoothstep(double x, double lo, double hi) {
  if (!(hi > lo)) return x >= lo ? 1.0 : 0.0;  // a host may set the two shares equal
  const double u = std::clamp((x - lo) / (hi - lo), 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
}

// The tone's limits relative to rest: fully dilated at the lower limit of Lassen's plateau, fully
// constricted at the upper. A resting pressure outside the plateau (a patient's high ICP) keeps
// its resting tone.
double dilated(const BrainParams& p, const VesselRest& rest) {
  return std::min(p.autoregulation_lower_mmHg / rest.perfusion_mmHg, 1.0);
}
double constricted(const BrainParams& p, const VesselRest& rest) {
  return std::max(p.autoregulation_upper_mmHg / rest.perfusion_mmHg, 1.0);
}

// Regulation needs a working tissue: below the cortex's electrical failure the bed is pressure-
// passive at its resting tone, fully regulating again where consciousness is full (README).
double vasomotor(const BrainParams& p, double delivery) {
  return smoothstep(delivery, p.electrical_failure_share, p.conscious_share);
}

}  // namespace

VesselState initial_vessels(double perfusion_mmHg, double paco2_mmHg) {
  return {perfusion_mmHg, paco2_mmHg, 1.0};
}

double autoregulation_capacity(const BrainParams& p, double ischaemia_min) {
  return 1.0 / (1.0 + std::max(ischaemia_min, 0.0) / p.autoregulation_ischaemia_half_min);
}

double co2_flow(const BrainParams& p, const VesselRest& rest, double paco2_mmHg, double delivery) {
  // Markwalder 1984: flow x exp(k (PaCO2 - rest)) at a held pressure, half at 20 mmHg; the
  // dilation and constriction limits bound it.
  const double co2 = std::clamp(paco2_mmHg, 10.0, 100.0) - rest.paco2_mmHg;
  const double full = std::clamp(std::exp(p.co2_reactivity_per_mmHg * co2),
                                 1.0 / constricted(p, rest), 1.0 / dilated(p, rest));
  return 1.0 + vasomotor(p, delivery) * (full - 1.0);
}

double tone_target(const BrainParams& p, const VesselRest& rest, double perfusion_mmHg,
                   double paco2_mmHg, double ischaemia_min, double delivery) {
  // Lassen's plateau: between its limits the arterioles take up a change in perfusion pressure,
  // holding the flow; outside it they are fully dilated or constricted and the flow follows the
  // pressure. A brain that an arrest has injured keeps only part of that (after a long arrest it
  // is pressure-passive); its CO2 reactivity stays.
  const double lo = dilated(p, rest), hi = constricted(p, rest);
  const double pressure = std::max(perfusion_mmHg, 0.0) / rest.perfusion_mmHg;
  const double held =
      std::clamp(1.0 + autoregulation_capacity(p, ischaemia_min) * (pressure - 1.0), lo, hi);
  const double co2 = std::clamp(paco2_mmHg, 10.0, 100.0) - rest.paco2_mmHg;
  const double full = std::clamp(held * std::exp(-p.co2_reactivity_per_mmHg * co2), lo, hi);
  return 1.0 + vasomotor(p, delivery) * (full - 1.0);
}

void step_vessels(const BrainParams& p, const VesselRest& rest, const VesselInputs& in,
                  bool regulating, VesselState& s) {
  s.perfusion_mmHg = relax(s.perfusion_mmHg, in.perfusion_mmHg, in.dt_s, p.perfusion_tau_s);
  s.paco2_mmHg = relax(s.paco2_mmHg, in.paco2_mmHg, in.dt_s, p.co2_tau_s);
  if (!regulating) return;
  const double target =
      tone_target(p, rest, s.perfusion_mmHg, s.paco2_mmHg, in.ischaemia_min, in.delivery);
  s.tone = relax(s.tone, target, in.dt_s, p.autoregulation_tau_s);
}

}  // namespace resus::brain
