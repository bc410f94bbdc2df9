#include "models/ecg/artefacts.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/ecg/sources.hpp"

namespace resus::ecg::detail {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kShockWindow_s = 15.0;  // the offset is below 1e-15 mV by then

void add_cpr(const EcgParams& p, const EcgInputs& in, double phi[kNumElectrodes]) {
  // Harmonic series locked to the compression phase (ecg.md 3.4): shape 0 = sum h sin(k x),
  // shape 1 = sum h (cos(k x) - 1); both vanish at phase 0, so starts and pauses are smooth.
  const double x = kTwoPi * std::clamp(in.compression_phase, 0.0, 1.0);
  const double c1 = std::cos(x), s1 = std::sin(x);
  double ck = c1, sk = s1, shape0 = 0.0, shape1 = 0.0;
  for (int k = 0; k < 4; ++k) {
    shape0 += p.cpr_harmonics[0][k] * sk;
    shape1 += p.cpr_harmonics[1][k] * (ck - 1.0);
    const double cn = ck * c1 - sk * s1, sn = sk * c1 + ck * s1;  // angle addition
    ck = cn;
    sk = sn;
  }
  const double a = p.cpr_mV * std::max(in.compression_depth_mm, 0.0) / p.cpr_depth_ref_mm;
  for (int e = 0; e < kNumElectrodes; ++e)
    phi[e] += a * (p.cpr_weight[0][e] * shape0 + p.cpr_weight[1][e] * shape1);
}

void add_wander(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s,
                double phi[kNumElectrodes]) {
  // Two cascaded one-pole low-passes of white noise; unit impulse response a^2 (n+1) r^n has
  // power a^4 (1 + r^2) / (1 - r^2)^3 with r = 1 - a.
  const double a = one_pole(p.wander_Hz, dt), r2 = (1.0 - a) * (1.0 - a);
  const double power = a * a * a * a * (1.0 + r2) / ((1.0 - r2) * (1.0 - r2) * (1.0 - r2));
  const double g = p.wander_mV / std::sqrt(power);
  for (int j = 0; j < 2; ++j) {
    s.wander[j][0] += a * (in.noise[j] - s.wander[j][0]);
    s.wander[j][1] += a * (s.wander[j][0] - s.wander[j][1]);
    const double w = g * s.wander[j][1];
    for (int e = 0; e < kNumElectrodes; ++e) phi[e] += w * p.wander_weight[j][e];
  }
}

void add_muscle(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s,
                double phi[kNumElectrodes]) {
  // White noise minus its one-pole low-pass: broadband above muscle_Hz. Same draws as the
  // wander, but the two bands do not overlap, so the two are practically uncorrelated.
  const double a = one_pole(p.muscle_Hz, dt);
  const double power = 1.0 - 2.0 * a + a / (2.0 - a);
  const double g = p.muscle_mV / std::sqrt(power);
  for (int j = 0; j < 2; ++j) {
    s.muscle_lp[j] += a * (in.noise[j] - s.muscle_lp[j]);
    const double m = g * (in.noise[j] - s.muscle_lp[j]);
    for (int e = 0; e < kNumElectrodes; ++e) phi[e] += m * p.muscle_weight[j][e];
  }
}

}  // namespace

void add_electrode_artefacts(const EcgParams& p, const EcgInputs& in, const ArtefactSwitches& a,
                             double dt, EcgState& s, double phi[kNumElectrodes]) {
  if (a.cpr && in.compression_phase >= 0.0) add_cpr(p, in, phi);
  if (a.baseline_wander) add_wander(p, in, dt, s, phi);
  if (a.mains) {
    s.mains_phase += p.mains_Hz * dt;
    s.mains_phase -= std::floor(s.mains_phase);
    const double m = p.mains_mV * std::sin(kTwoPi * s.mains_phase);
    for (int e = 0; e < kNumElectrodes; ++e) phi[e] += m * p.mains_weight[e];
  }
  if (a.muscle) add_muscle(p, in, dt, s, phi);
}

void apply_shock(const EcgParams& p, const EcgInputs& in, double phi[kNumElectrodes]) {
  const double since = in.t - in.shock_time;
  if (since < 0.0 || since > kShockWindow_s) return;
  const double env = since < p.shock_hold_s ? 1.0 : std::exp(-(since - p.shock_hold_s) / p.shock_tau_s);
  const double offset = p.shock_offset_mV * env;
  for (int e = 0; e < kNumElectrodes; ++e) {
    const double rail = e == kEPads ? p.shock_pads_rail_mV : p.shock_rail_mV;
    phi[e] = std::clamp(phi[e] + offset * p.shock_pattern[e], -rail, rail);
  }
}

void add_pacer_spike(const EcgParams& p, const EcgInputs& in, double dt, double d[3]) {
  // Shown on the first sample at or after the pulse even when the pulse is shorter than dt.
  const double since = in.t - in.pacer_spike_time;
  if (since < 0.0 || since >= std::max(p.pacer_spike_ms * 1e-3, dt * (1.0 - 1e-9))) return;
  for (int i = 0; i < 3; ++i) d[i] += p.pacer_spike_mV * p.pacer_dir[i];
}

}  // namespace resus::ecg::detail
