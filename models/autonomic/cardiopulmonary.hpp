// The cardiopulmonary (low-pressure) baroreflex after Heldt et al. 2002 (J Appl Physiol
// 92:1239): stretch receptors in the atria and great veins sense the right atrium's transmural
// pressure; as it falls below its resting value the sympathetic outflow to the vessels rises,
// constricting the resistance vessels and the capacitance veins, without acting on the heart.
// It holds the pressure in a loss the arterial baroreceptors barely see (ATLS class I) and adds
// to them in a larger one. Deviations are measured from the patient's resting pressure.
#pragma once

#include <cstdint>

#include "models/common/state_check.hpp"

namespace resus::autonomic {

struct CardiopulmonaryParams {
  // The unloading (resting pressure minus the sensed one) saturates as S atan(e / S).
  double saturation_mmHg;
  // Per mmHg of unloading: the resistances' rise as a share of their resting values, and the
  // unstressed volume each venous bed gives up (mL).
  double resistance_share_per_mmHg;
  double splanchnic_venous_mL_per_mmHg, extrasplanchnic_venous_mL_per_mmHg;
  // Each effector follows the unloading through two first-order lags in series, the shape of
  // Heldt's delayed impulse responses (rise, peak, long tail) without a delay line.
  double resistance_tau_fast_s, resistance_tau_slow_s;
  double venous_tau_fast_s, venous_tau_slow_s;
  double gain_scale;  // 1 intact, 0 no cardiopulmonary reflex
};

// The resting transmural right atrial pressure, found when the model is compiled; `active` is 0
// while the patient is being settled.
struct CardiopulmonaryReference {
  double set_point_mmHg;
  int32_t active;
  int32_t pad;
};

struct CardiopulmonaryState {
  double resistance_fast, resistance_slow;  // lagged unloading, mmHg
  double venous_fast, venous_slow;
};

// What the reflex adds to the vascular effectors now.
struct VascularShift {
  double resistance_share;                  // on both resistance beds, share of rest
  double splanchnic_mL, extrasplanchnic_mL;  // unstressed volume taken up (> 0 constricts)
};

class Cardiopulmonary {
 public:
  // Takes the parameters as they are now (frozen while a sim runs) and the tick it advances by:
  // each lag's decay over a tick is computed here, once.
  Cardiopulmonary(const CardiopulmonaryParams& p, const CardiopulmonaryReference& ref, double tick_s);

  // Advances by one tick with the mean transmural right atrial pressure over it.
  void tick(double right_atrial_transmural_mmHg, CardiopulmonaryState& s) const;
  VascularShift shift(const CardiopulmonaryState& s) const;

 private:
  const CardiopulmonaryParams* p_;
  CardiopulmonaryReference ref_;
  double resistance_fast_decay_, resistance_slow_decay_;  // exp(-tick / tau)
  double venous_fast_decay_, venous_slow_decay_;
};

CardiopulmonaryParams reference_cardiopulmonary();
void check_state(const CardiopulmonaryState& s, StateCheck& c);

}  // namespace resus::autonomic
