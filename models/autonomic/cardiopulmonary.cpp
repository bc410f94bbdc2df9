#include "models/autonomic/cardiopulmonary.hpp"

#include <algorithm>
#include <cmath>

namespace resus::autonomic {

Cardiopulmonary::Cardiopulmonary(const CardiopulmonaryParams& p, const CardiopulmonaryReference& ref,
                                 double tick_s)
    : p_(&p),
      ref_(ref),
      resistance_fast_decay_(std::exp(-tick_s / p.resistance_tau_fast_s)),
      resistance_slow_decay_(std::exp(-tick_s / p.resistance_tau_slow_s)),
      venous_fast_decay_(std::exp(-tick_s / p.venous_tau_fast_s)),
      venous_slow_decay_(std::exp(-tick_s / p.venous_tau_slow_s)) {}

void Cardiopulmonary::tick(double pressure, CardiopulmonaryState& s) const {
  const CardiopulmonaryParams& p = *p_;
  // Heldt's receptors saturate, S atan(e / S), before the response's time course; signed, so the
  // beat's and the breath's ripple averages out in the lags and a distended atrium (in arrest,
  // 10-30 mmHg over rest) pulls them at most S pi/2 the other way. Only the lagged unloading
  // acts (shift).
  const double k = p.saturation_mmHg;
  const double e = ref_.active ? k * std::atan((ref_.set_point_mmHg - pressure) / k) : 0.0;
  // Exact first-order updates with the input held over the tick.
  const auto lag = [](double y, double target, double decay) { return target + (y - target) * decay; };
  s.resistance_fast = lag(s.resistance_fast, e, resistance_fast_decay_);
  s.resistance_slow = lag(s.resistance_slow, s.resistance_fast, resistance_slow_decay_);
  s.venous_fast = lag(s.venous_fast, e, venous_fast_decay_);
  s.venous_slow = lag(s.venous_slow, s.venous_fast, venous_slow_decay_);
}

VascularShift Cardiopulmonary::shift(const CardiopulmonaryState& s) const {
  const CardiopulmonaryParams& p = *p_;
  // Only unloading acts: a distended atrium (volume loading, and every arrest, where the right
  // heart fills while the sympathetic outflow is already at its height) is not modelled as
  // sympathoinhibition (README "Loading is not modelled").
  const double r = p.gain_scale * std::max(s.resistance_slow, 0.0);
  const double v = p.gain_scale * std::max(s.venous_slow, 0.0);
  return {p.resistance_share_per_mmHg * r, p.splanchnic_venous_mL_per_mmHg * v,
          p.extrasplanchnic_venous_mL_per_mmHg * v};
}

CardiopulmonaryParams reference_cardiopulmonary() {
  CardiopulmonaryParams c{};
  // Heldt et al. 2002 as set in Whittle's transcription of the model (README.md): saturation
  // 5 mmHg; -0.05 PRU/mmHg on each of four beds of 3.0-4.5 PRU (1.3% of a 3.75 PRU bed);
  // venous tone 13 + 3 + 30 mL/mmHg outside the gut and 64 mL/mmHg in it.
  c.saturation_mmHg = 5.0;
  c.resistance_share_per_mmHg = 0.05 / 3.75;
  c.splanchnic_venous_mL_per_mmHg = 64.0;
  c.extrasplanchnic_venous_mL_per_mmHg = 46.0;
  // Heldt's impulse responses: resistance delay 2.5 s, peak 5.5 s, end 35 s (centroid 14.3 s);
  // venous tone delay 5 s, peak 9 s, end 40 s (centroid 18 s). Two lags with the same centroid
  // and peak: 3 + 11.3 s (peak 5.4 s) and 9 + 9 s (peak 9 s).
  c.resistance_tau_fast_s = 3.0;
  c.resistance_tau_slow_s = 11.3;
  c.venous_tau_fast_s = 9.0;
  c.venous_tau_slow_s = 9.0;
  c.gain_scale = 1.0;
  return c;
}

void check_state(const CardiopulmonaryState& s, StateCheck& c) {
  constexpr double kMax_mmHg = 100.0;  // the saturated unloading is S pi/2, S a few mmHg
  c.in("cardiopulmonary.resistance_fast", s.resistance_fast, -kMax_mmHg, kMax_mmHg)
      .in("cardiopulmonary.resistance_slow", s.resistance_slow, -kMax_mmHg, kMax_mmHg)
      .in("cardiopulmonary.venous_fast", s.venous_fast, -kMax_mmHg, kMax_mmHg)
      .in("cardiopulmonary.venous_slow", s.venous_slow, -kMax_mmHg, kMax_mmHg);
}

}  // namespace resus::autonomic
