// The circulation's state as a restored snapshot must hold it (models/common/state_check.hpp).
#include "models/cardiovascular/circulation.hpp"

namespace resus::cv {

void check_state(const State& x, StateCheck& c) {
  using namespace bounds;
  for (int i = 0; i < kNumVolumes; ++i) c.in("circulation.volume_mL", x[i], -kVolume_mL, kVolume_mL, i);
  // Valve flows are projected onto >= 0 after every step.
  for (int i = kQMitral; i <= kQPulmonic; ++i) c.in("circulation.valve_flow_mL_s", x[i], 0.0, kFlow_mL_s, i);
  c.in("circulation.blood_lost_mL", x[kBloodLost], 0.0, kCumulative_mL);
  c.in("circulation.fluid_infused_mL", x[kFluidInfused], 0.0, kCumulative_mL);
  c.in("circulation.refilled_mL", x[kRefilled], -kCumulative_mL, kCumulative_mL);
}

}  // namespace resus::cv
