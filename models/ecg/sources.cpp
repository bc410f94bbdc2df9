#include "models/ecg/sources.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/electrophysiology/conduction.hpp"

namespace resus::ecg::detail {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

double wrap(double phase) { return phase >= kTwoPi ? phase - kTwoPi * std::floor(phase / kTwoPi) : phase; }

// Moves a 0..1 fade towards on/off with time constant tau.
double fade(double env, bool on, double dt, double tau) {
  return env + ((on ? 1.0 : 0.0) - env) * std::min(dt / tau, 1.0);
}

}  // namespace

double one_pole(double fc_Hz, double dt) {
  const double tau = 1.0 / (kTwoPi * fc_Hz);
  return dt / (tau + dt);
}

void rotate(const double k[3], double c, double sn, double v[3]) {
  const double kv = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
  const double x[3] = {k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2],
                       k[0] * v[1] - k[1] * v[0]};
  for (int i = 0; i < 3; ++i) v[i] = v[i] * c + x[i] * sn + k[i] * kv * (1.0 - c);
}

void advance_slow_noise(const EcgInputs& in, double dt, EcgState& s) {
  // Two cascaded one-pole low-passes (smooth, no white tail), scaled to unit variance: the
  // cascade's impulse response a^2 (n+1) r^n has power a^4 (1 + r^2) / (1 - r^2)^3, r = 1 - a.
  const double a = one_pole(0.5, dt), r2 = (1.0 - a) * (1.0 - a);
  const double g = std::sqrt((1.0 - r2) * (1.0 - r2) * (1.0 - r2) / (1.0 + r2)) / (a * a);
  for (int j = 0; j < 2; ++j) {
    s.slow_stage[j] += a * (g * in.noise[2 + j] - s.slow_stage[j]);
    s.slow_noise[j] += a * (s.slow_stage[j] - s.slow_noise[j]);
  }
  // One pole at ~3 Hz on the same draws, scaled to unit variance (a^2 g^2 / (1 - (1-a)^2) = 1).
  const double b = one_pole(3.0, dt), h = std::sqrt((2.0 - b) / b);
  for (int j = 0; j < 2; ++j) s.fast_noise[j] += b * (h * in.noise[2 + j] - s.fast_noise[j]);
}

void add_vf(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s, double d[3]) {
  const bool on = in.ventricular_mode == static_cast<int32_t>(ep::VentricularMode::kFibrillation);
  s.vf_env = fade(s.vf_env, on, dt, p.source_tau_s);
  if (s.vf_env < 1e-6) return;
  // Two slow noises drive the frequency jitter of each sinusoid, the AM and the axis sway.
  const double n0 = s.slow_noise[0], n1 = s.slow_noise[1];
  const double eta[3] = {n0, n1, (n0 - n1) * std::numbers::sqrt2 * 0.5};
  const double df = std::clamp(in.vf_frequency_Hz, 0.5, 20.0);
  double v[3] = {0.0, 0.0, 0.0};
  for (int k = 0; k < 3; ++k) {
    const double fast = k == 1 ? s.fast_noise[1] : s.fast_noise[0];
    const double f = df * p.vf_ratio[k] * (1.0 + p.vf_jitter * eta[k] + p.vf_cycle_jitter * fast);
    s.vf_phase[k] = wrap(s.vf_phase[k] + kTwoPi * std::max(f, 0.0) * dt);
    double x = p.vf_weight[k] * std::sin(s.vf_phase[k]);
    // The dominant wave is not a sine: its harmonics, in a sawtooth's phases, give it the steep
    // deflections that put half of human VF's AMSA above 10 Hz.
    if (k == 0)
      x += -p.vf_harmonic[0] * std::sin(2.0 * s.vf_phase[0]) + p.vf_harmonic[1] * std::sin(3.0 * s.vf_phase[0]);
    for (int i = 0; i < 3; ++i) v[i] += x * p.vf_dir[k][i];
  }
  const double am = std::max(1.0 + p.vf_am * (n0 + n1) * std::numbers::sqrt2 * 0.5, 0.2);
  const double a = std::max(in.vf_amplitude_mV, 0.0) * p.vf_pp_per_mV * am * s.vf_env;
  // The dipole sways about a fixed oblique axis, so the leads decorrelate.
  const double psi = p.vf_sway_rad * n1;
  for (double& x : v) x *= a;
  rotate(p.vf_sway_axis, std::cos(psi), std::sin(psi), v);
  d[0] += v[0];
  d[1] += v[1];
  d[2] += v[2];
}

void add_af(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s, double d[3]) {
  const bool on = in.atrial_mode == static_cast<int32_t>(ep::AtrialMode::kFibrillation);
  s.af_env = fade(s.af_env, on, dt, 0.4 * p.source_tau_s);
  if (s.af_env < 1e-6) return;
  // Extended sawtooth: theta' = 2pi(F0 + dF cos(2pi f_f t)), amplitude a + a/3 sin(2pi f_a t),
  // f = -sum_{i=1..3} 2/(i pi) amp sin(i theta); F0 drifts with slow noise (irregularity).
  s.af_mod_phase = wrap(s.af_mod_phase + kTwoPi * p.af_modulation_Hz * dt);
  const double cm = std::cos(s.af_mod_phase), sm = std::sin(s.af_mod_phase);
  const double f = p.af_f0_Hz * (1.0 + p.af_jitter * s.slow_noise[0]) + p.af_deviation_Hz * cm;
  s.af_phase = wrap(s.af_phase + kTwoPi * std::max(f, 0.0) * dt);
  const double s1 = std::sin(s.af_phase), c1 = std::cos(s.af_phase);
  const double s2 = 2.0 * s1 * c1, s3 = s1 * (3.0 - 4.0 * s1 * s1);
  const double amp = p.af_mV * (1.0 + sm / 3.0) * std::max(1.0 + 0.25 * s.slow_noise[1], 0.3);
  const double x = -amp * (2.0 / std::numbers::pi) * (s1 + s2 / 2.0 + s3 / 3.0) * s.af_env;
  for (int i = 0; i < 3; ++i) d[i] += x * p.af_dir[i];
}

void add_flutter(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s, double d[3]) {
  const bool on = in.atrial_mode == static_cast<int32_t>(ep::AtrialMode::kFlutter);
  s.flutter_env = fade(s.flutter_env, on, dt, 0.4 * p.source_tau_s);
  if (s.flutter_env < 1e-6) return;
  // Locked to the atrial activations when they form a regular flutter cycle (so the F waves and
  // the conducted QRS keep their AV ratio); free-running otherwise.
  const double a0 = in.atrial_times[0], a1 = in.atrial_times[1];
  const double cycle = a0 - a1, since = in.t - a0;
  if (on && cycle > 0.15 && cycle < 0.45 && since >= 0.0 && since < 1.5 * cycle)
    s.flutter_phase = wrap(kTwoPi * (since / cycle));
  else
    s.flutter_phase = wrap(s.flutter_phase + kTwoPi * p.flutter_Hz * dt);
  // Sawtooth sum_{i=1..6} sigma_i sin(i theta)/i with Lanczos sigma (no Gibbs ringing): slow
  // fall then a sharp rise at each atrial activation.
  const double sn = std::sin(s.flutter_phase), c2 = 2.0 * std::cos(s.flutter_phase);
  constexpr double kLanczos[6] = {0.9668, 0.8710, 0.7241, 0.5431, 0.3484, 0.1611};
  double prev = 0.0, cur = sn, saw = 0.0;
  for (int i = 1; i <= 6; ++i) {
    saw += kLanczos[i - 1] * cur / i;
    const double next = c2 * cur - prev;  // sin((i+1) theta)
    prev = cur;
    cur = next;
  }
  const double x = p.flutter_mV * saw * s.flutter_env;
  for (int i = 0; i < 3; ++i) d[i] += x * p.flutter_dir[i];
}

}  // namespace resus::ecg::detail
