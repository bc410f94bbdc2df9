#include "models/autonomic/cardiopulmonary.hpp"

#include <algorithm>
#include <cmath>

namespace resus::autonomic {
namespace {

// Exact update of a first-order lag toward `target` held over dt.
double lag(double y, double target, double dt, double tau) {
  return target + (y - target) * std::exp(-dt / tau);
}

}  // namespace

Cardiopulmonary::Cardiopulmonary(const CardiopulmonaryParams& p, const CardiopulmonaryReference& ref)
    : p_(&p), ref_(ref) {}

void Cardiopulmonary::tick(double pressure, double dt, CardiopulmonaryState& s) const {
  const CardiopulmonaryParams& p = *p_;
  // Signed, so the beat's and the breath's ripple averages out in the lags; only the lagged
  // unloading acts (shift).
  const double unloading = ref_.active ? ref_.set_point_mmHg - pressure : 0.0;
  s.resistance_fast = lag(s.resistance_fast, unloading, dt, p.resistance_tau_fast_s);
  s.resistance_slow = lag(s.resistance_slow, s.resistance_fast, dt, p.resistance_tau_slow_s);
  s.venous_fast = lag(s.venous_fast, unloading, dt, p.venous_tau_fast_s);
  s.venous_slow = lag(s.venous_slow, s.venous_fast, dt, p.venous_tau_slow_s);
}

VascularShift Cardiopulmonary::shift(const CardiopulmonaryState& s) const {
  const CardiopulmonaryParams& p = *p_;
  const double k = p.saturation_mmHg;
  // Only unloading acts: a distended atrium (volume loading, and every arrest, where the right
  // heart fills while the sympathetic outflow is already at its height) is not modelled as
  // sympathoinhibition (README "Loading is not modelled").
  const auto saturated = [&](double e) { return p.gain_scale * k * std::atan(std::max(e, 0.0) / k); };
  const double r = saturated(s.resistance_slow), v = saturated(s.venous_slow);
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
  using namespace bounds;
  c.in("cardiopulmonary.resistance_fast", s.resistance_fast, -kPressure_mmHg, kPressure_mmHg)
      .in("cardiopulmonary.resistance_slow", s.resistance_slow, -kPressure_mmHg, kPressure_mmHg)
      .in("cardiopulmonary.venous_fast", s.venous_fast, -kPressure_mmHg, kPressure_mmHg)
      .in("cardiopulmonary.venous_slow", s.venous_slow, -kPressure_mmHg, kPressure_mmHg);
}

}  // namespace resus::autonomic
