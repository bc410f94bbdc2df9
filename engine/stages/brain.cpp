// The brain stage: models/brain on the blood's gas tick (10 ms). Reads bus.haemodynamics (the
// cerebral flow and the pressures across the cerebral bed), bus.blood (haemoglobin and
// saturation: the arterial O2 content; PaCO2), bus.chemistry (glucose) and bus.temperature; writes bus.brain (the cerebral
// vessels' tone, which the circulation's cerebral bed takes, and the flow the PaCO2 asks for,
// against which breathing judges the brainstem's flow), its own state and signals.
#include <algorithm>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::brain {
namespace {

double o2_content(const SimState& s) {
  return s.bus.blood.hemoglobin_g_dL * s.bus.blood.arterial_sat;
}

// The cerebral bed's perfusion pressure: arterial minus its outflow's, the larger of the ICP and
// the jugular pressure (the circulation's Starling resistor).
double cerebral_perfusion(const PatientParams& pp, const SimState& s) {
  const auto& P = s.bus.haemodynamics.h.pressure;
  return P[cv::kArteries] - std::max(pp.circulation.intracranial_pressure, P[cv::kJugularVeins]);
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
  in.pao2_mmHg = s.bus.blood.arterial_po2_mmHg;
  in.glucose_mmol_L = s.bus.chemistry.glucose_mmol_L;
  in.pupil_constriction = s.bus.effects[Effect::kPupilConstriction];
  const PatientParams& pp = c.model.params();
  resus::brain::step(pp.brain, in, b.body);
  // Drawn only while a seizure can start, so that a healthy brain uses no random draws.
  const double hazard = resus::brain::seizure_hazard_per_s(pp.brain, b.body, in.glucose_mmol_L);
  if (hazard > 0.0 &&
      c.draws.rng().uniform(RngStream::kBrain, b.seizure_draws++) < hazard * in.dt_s) {
    resus::brain::start_seizure(pp.brain, b.body);
    c.events.push(EventKind::kSeizure, 0, resus::brain::injury_index(b.body));
  }
  const resus::brain::VesselInputs v{in.dt_s, cerebral_perfusion(pp, s),
                                     s.bus.blood.arterial_pco2_mmHg, b.body.ischaemia_min,
                                     b.body.delivery};
  resus::brain::step_vessels(pp.brain, b.vessel_rest, v, b.regulating != 0, b.vessels);
  s.bus.brain.cerebral_resistance = b.vessels.tone;
  s.bus.brain.o2_delivery = b.body.delivery;
  s.bus.brain.co2_flow = b.regulating ? resus::brain::co2_flow(pp.brain, b.vessel_rest,
                                                                b.vessels.paco2_mmHg,
                                                                b.body.delivery)
                                      : 1.0;
}

void start(const PatientParams& pp, SimState& s) {
  s.brain.body = resus::brain::initial_state(pp.brain);
  s.brain.rest_o2_content = std::max(o2_content(s), 1.0);
  const double perfusion = cerebral_perfusion(pp, s);
  const double paco2 = s.bus.blood.arterial_pco2_mmHg;
  s.brain.vessels = resus::brain::initial_vessels(perfusion, paco2);
  s.brain.vessel_rest = {std::max(perfusion, 1.0), std::clamp(paco2, 5.0, 200.0)};
  s.brain.regulating = 0;
  s.bus.brain.cerebral_resistance = 1.0;
  s.bus.brain.co2_flow = 1.0;
  s.bus.brain.o2_delivery = 1.0;
}

void set_rest(SimState& s, const resus::brain::VesselRest& rest) {
  // The vessels hold what they sensed as the model settled, from a resting tone.
  s.brain.vessel_rest = {std::max(rest.perfusion_mmHg, 1.0),
                         std::clamp(rest.paco2_mmHg, 5.0, 200.0)};
  s.brain.vessels.tone = 1.0;
  s.brain.regulating = 1;
  s.bus.brain.cerebral_resistance = 1.0;
  s.bus.brain.co2_flow = 1.0;
  s.bus.brain.o2_delivery = 1.0;
  s.brain.rest_o2_content = std::max(o2_content(s), 1.0);
  s.brain.body.delivery = 1.0;
  s.brain.body.consciousness = 1.0;
  s.brain.body.ischaemia_min = 0.0;
  s.brain.body.secondary_min = 0.0;
  s.brain.body.reperfused_s = 0.0;
  s.brain.body.seizure_s = 0.0;
}

void publish(const Model& m, const SimState& s, double* sig) {
  const resus::brain::BrainState& b = s.brain.body;
  sig[kCerebralO2Delivery] = b.delivery;
  sig[kConsciousness] = b.consciousness;
  sig[kBrainIschaemia] = b.ischaemia_min;
  sig[kPupilDiameter] = b.pupil_mm;
  sig[kPupilsReactive] = resus::brain::pupils_reactive(m.params().brain, b) ? 1.0 : 0.0;
  sig[kBrainSecondaryInjury] = b.secondary_min;
  sig[kBrainInjuryIndex] = resus::brain::injury_index(b);
  sig[kSeizing] = b.seizure_s > 0.0 ? 1.0 : 0.0;
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const resus::brain::BrainState& b = s.brain.body;
  c.in("brain.delivery", b.delivery, 0.0, 3.0)
      .in("brain.consciousness", b.consciousness, 0.0, 1.0)
      .in("brain.ischaemia_min", b.ischaemia_min, 0.0, kAny)
      .in("brain.pupil_mm", b.pupil_mm, 0.5, 10.0)
      .in("brain.secondary_min", b.secondary_min, 0.0, kAny)
      .in("brain.reperfused_s", b.reperfused_s, 0.0, kAny)
      .in("brain.seizure_s", b.seizure_s, 0.0, 3600.0)
      .in("brain.rest_o2_content", s.brain.rest_o2_content, 1.0, 40.0);
  const resus::brain::VesselState& v = s.brain.vessels;
  c.in("brain.vessels.perfusion_mmHg", v.perfusion_mmHg, -kAny, kAny)
      .in("brain.vessels.paco2_mmHg", v.paco2_mmHg, 0.0, 400.0)
      .in("brain.vessels.tone", v.tone, 0.01, 400.0)
      .in("brain.vessel_rest.perfusion_mmHg", s.brain.vessel_rest.perfusion_mmHg, 1.0, 400.0)
      .in("brain.vessel_rest.paco2_mmHg", s.brain.vessel_rest.paco2_mmHg, 5.0, 200.0)
      .in("bus.brain.cerebral_resistance", s.bus.brain.cerebral_resistance, 0.01, 400.0)
      .in("bus.brain.co2_flow", s.bus.brain.co2_flow, 0.001, 100.0)
      .in("bus.brain.o2_delivery", s.bus.brain.o2_delivery, 0.0, 3.0)
      .index("brain.regulating", s.brain.regulating, 0, 1);
}

}  // namespace resus::stages::brain
