#include "models/cpr/pulse.hpp"

#include <algorithm>
#include <cmath>

namespace resus::cpr {
namespace {

constexpr double kMinPressure_mmHg = -100.0;  // clamps garbage so peak - trough stays finite
constexpr double kMaxPressure_mmHg = 1000.0;
constexpr double kLogit90 = 4.394449154672439;  // 2 ln 9: logistic 0.1 -> 0.9 spans this many scales

PulseSiteParams sanitize(const PulseSiteParams& p, const PulseSiteParams& fallback) {
  PulseSiteParams q = fallback;
  if (std::isfinite(p.half_palpable_systolic_mmHg))
    q.half_palpable_systolic_mmHg = std::clamp(p.half_palpable_systolic_mmHg, -100.0, 1000.0);
  if (std::isfinite(p.width_mmHg) && p.width_mmHg > 0.0) q.width_mmHg = std::clamp(p.width_mmHg, 0.1, 1000.0);
  if (std::isfinite(p.min_pulse_pressure_mmHg))
    q.min_pulse_pressure_mmHg = std::clamp(p.min_pulse_pressure_mmHg, 0.1, 1000.0);
  return q;
}

double clean(double x_mmHg, double last_mmHg) {
  if (!std::isfinite(x_mmHg)) return last_mmHg;
  return std::clamp(x_mmHg, kMinPressure_mmHg, kMaxPressure_mmHg);
}

void fill(PulseEnvelope& e, double x_mmHg) {
  for (int i = 0; i < kPulseBlocks; ++i) e.block_max_mmHg[i] = e.block_min_mmHg[i] = x_mmHg;
  e.last_mmHg = x_mmHg;
}

struct Felt {
  double strength, actuator;
};

Felt palpate(const PulseSiteParams& p, const PulseEnvelope& e) {
  double peak = e.block_max_mmHg[0], trough = e.block_min_mmHg[0];
  for (int i = 1; i < kPulseBlocks; ++i) {
    peak = std::max(peak, e.block_max_mmHg[i]);
    trough = std::min(trough, e.block_min_mmHg[i]);
  }
  const double pulse_mmHg = peak - trough;
  // A flat pressure is no pulse at any level: fade in from min to twice min pulse pressure.
  const double g = std::clamp(pulse_mmHg / p.min_pulse_pressure_mmHg - 1.0, 0.0, 1.0);
  const double gate = g * g * (3.0 - 2.0 * g);
  const double z = std::clamp((peak - p.half_palpable_systolic_mmHg) * kLogit90 / p.width_mmHg, -60.0, 60.0);
  const double strength = gate / (1.0 + std::exp(-z));
  const double position = pulse_mmHg > 1e-9 ? std::clamp((e.last_mmHg - trough) / pulse_mmHg, 0.0, 1.0) : 0.0;
  return {strength, position * strength};
}

}  // namespace

PulseParams default_pulse_params() {
  PulseParams p{};
  // ATLS teaching (carotid ~60, femoral ~70, radial ~80 mmHg systolic); Deakin & Low 2000
  // found these overestimate pressure, so the thresholds are soft (20 mmHg 10-90 % span).
  p.carotid = {60.0, 20.0, 5.0};
  p.femoral = {70.0, 20.0, 5.0};
  p.femoral_venous = {35.0, 20.0, 5.0};  // assumed: venous pulsations felt during CPR
  p.envelope_window_s = 2.0;             // > one beat down to 30/min, > one compression
  return p;
}

PulseState make_pulse_state() { return PulseState{}; }

void update_pulse(const PulseParams& p, double dt_s, double carotid_mmHg,
                  double femoral_arterial_mmHg, double femoral_venous_mmHg, PulseState& s,
                  PulseReadout& out) noexcept {
  const PulseParams def = default_pulse_params();
  const PulseSiteParams carotid = sanitize(p.carotid, def.carotid);
  const PulseSiteParams femoral = sanitize(p.femoral, def.femoral);
  const PulseSiteParams venous = sanitize(p.femoral_venous, def.femoral_venous);
  const double window_s = std::isfinite(p.envelope_window_s)
                              ? std::clamp(p.envelope_window_s, 0.2, 20.0)
                              : def.envelope_window_s;
  const double block_s = window_s / kPulseBlocks;
  const double dt = (std::isfinite(dt_s) && dt_s > 0.0) ? std::min(dt_s, 3600.0) : 0.0;

  PulseEnvelope* env[3] = {&s.carotid, &s.femoral_arterial, &s.femoral_venous};
  const double raw[3] = {carotid_mmHg, femoral_arterial_mmHg, femoral_venous_mmHg};
  double x[3];
  for (int k = 0; k < 3; ++k) x[k] = clean(raw[k], s.primed ? env[k]->last_mmHg : 0.0);

  if (!s.primed) {
    for (int k = 0; k < 3; ++k) fill(*env[k], x[k]);
    s.primed = 1;
    s.block = 0;
    s.block_elapsed_s = 0.0;
  } else {
    s.block_elapsed_s += dt;
    // Start new blocks (the oldest drops out of the window); a long step clears them all.
    for (int n = 0; s.block_elapsed_s >= block_s && n < kPulseBlocks; ++n) {
      s.block = (s.block + 1) % kPulseBlocks;
      s.block_elapsed_s -= block_s;
      for (int k = 0; k < 3; ++k) env[k]->block_max_mmHg[s.block] = env[k]->block_min_mmHg[s.block] = x[k];
    }
    if (!(s.block_elapsed_s < block_s)) s.block_elapsed_s = 0.0;
    for (int k = 0; k < 3; ++k) {
      env[k]->block_max_mmHg[s.block] = std::max(env[k]->block_max_mmHg[s.block], x[k]);
      env[k]->block_min_mmHg[s.block] = std::min(env[k]->block_min_mmHg[s.block], x[k]);
      env[k]->last_mmHg = x[k];
    }
  }

  const Felt c = palpate(carotid, s.carotid);
  const Felt fa = palpate(femoral, s.femoral_arterial);
  const Felt fv = palpate(venous, s.femoral_venous);
  out.carotid_strength = c.strength;
  out.carotid_actuator = c.actuator;
  // The rescuer cannot tell which vessel pulses under the finger: the stronger one wins.
  out.femoral_strength = std::max(fa.strength, fv.strength);
  out.femoral_actuator = std::max(fa.actuator, fv.actuator);
}

}  // namespace resus::cpr
