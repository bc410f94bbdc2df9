// The brain stage: models/brain on the blood's gas tick (10 ms). Reads bus.haemodynamics (the
// cerebral flow), bus.blood (haemoglobin and saturation: the arterial O2 content) and
// bus.temperature; writes only its own state and signals, which no other stage reads (the
// respiratory drive keeps its own view of the brain's perfusion).
#include <algorithm>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::brain {
namespace {

double o2_content(const SimState& s) {
  return s.bus.blood.hemoglobin_g_dL * s.bus.blood.arterial_sat;
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  if (!c.breathing_coupled || !s.bus.lungs.gas_tick) return;
  BrainStageState& b = s.brain;
  resus::brain::BrainInputs in{};
  in.dt_s = s.bus.lungs.tick_dt_s;
  in.flow_ratio = s.bus.haemodynamics.h.q_cerebral / c.model.resting_cerebral_flow();
  in.content_ratio = o2_content(s) / b.rest_o2_content;
  in.temperature_C = s.bus.temperature.core_C;
  resus::brain::step(c.model.params().brain, in, b.body);
}

void start(const PatientParams& pp, SimState& s) {
  s.brain.body = resus::brain::initial_state(pp.brain);
  s.brain.rest_o2_content = std::max(o2_content(s), 1.0);
}

void set_rest(SimState& s) {
  s.brain.rest_o2_content = std::max(o2_content(s), 1.0);
  s.brain.body.delivery = 1.0;
  s.brain.body.consciousness = 1.0;
  s.brain.body.ischaemia_min = 0.0;
}

void publish(const Model& m, const SimState& s, double* sig) {
  const resus::brain::BrainState& b = s.brain.body;
  sig[kCerebralO2Delivery] = b.delivery;
  sig[kConsciousness] = b.consciousness;
  sig[kBrainIschaemia] = b.ischaemia_min;
  sig[kPupilDiameter] = b.pupil_mm;
  sig[kPupilsReactive] = resus::brain::pupils_reactive(m.params().brain, b) ? 1.0 : 0.0;
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const resus::brain::BrainState& b = s.brain.body;
  c.in("brain.delivery", b.delivery, 0.0, 3.0)
      .in("brain.consciousness", b.consciousness, 0.0, 1.0)
      .in("brain.ischaemia_min", b.ischaemia_min, 0.0, kAny)
      .in("brain.pupil_mm", b.pupil_mm, 0.5, 10.0)
      .in("brain.rest_o2_content", s.brain.rest_o2_content, 1.0, 40.0);
}

}  // namespace resus::stages::brain
