// The baroreflex's state as a restored snapshot must hold it (models/common/state_check.hpp).
#include "models/autonomic/baroreflex.hpp"

namespace resus::autonomic {

void check_state(const BaroreflexState& s, StateCheck& c) {
  using namespace bounds;
  constexpr double kFiring = 1e3;  // spikes/s, far above any nerve's maximum
  c.in("baro.lead_lag", s.lead_lag, -kPressure_mmHg, kPressure_mmHg)
      .in("baro.afferent", s.afferent, 0.0, kFiring)
      .in("baro.sympathetic", s.sympathetic, 0.0, kFiring)
      .in("baro.cardiac_sympathetic", s.cardiac_sympathetic, 0.0, kFiring)
      .in("baro.vagal", s.vagal, 0.0, kFiring)
      .all_in("baro.delta", s.delta, -kAny, kAny)
      .all_in("baro.sympathetic_history", s.sympathetic_history, -kFiring, kFiring)
      .all_in("baro.cardiac_sympathetic_history", s.cardiac_sympathetic_history, -kFiring, kFiring)
      .all_in("baro.vagal_history", s.vagal_history, -kFiring, kFiring)
      .index("baro.head", s.head, 0, kBaroHistory - 1);
}

}  // namespace resus::autonomic
