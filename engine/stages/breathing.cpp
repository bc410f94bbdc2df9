// The breathing stage: the respiration model (lungs, airway devices, ventilation, spontaneous
// breathing, alveolar gas, monitors) fed the circulation's flows and the blood's gases each step.
// Its pleural pressure goes to the circulation on the next step (a 2 ms lag, far below the
// lung's time constants); what it exchanged goes to the blood stage on the same step. Reads
// bus.haemodynamics, bus.blood, bus.chest (the rescuer's breaths), bus.temperature and the
// effects; writes bus.lungs.
#include <algorithm>
#include <cmath>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::breathing {

void step(const StepContext& c, SimState& s) {
  BreathingState& b = s.breathing;
  const cpr::BreathRequest& rescuer = s.bus.chest.breath;
  if (rescuer.give)
    resp::Respiration::request_breath(b.resp, rescuer.volume_mL, rescuer.inspiratory_time_s);
  if (!c.breathing_coupled) return;
  const HaemodynamicsBus& hb = s.bus.haemodynamics;
  const cv::Hemodynamics& h = hb.h;
  resp::RespInputs in{};
  in.pulmonary_flow_mL_s = h.q_pulmonary;
  in.systemic_flow_mL_s = std::max(h.q_splanchnic, 0.0) + std::max(h.q_extrasplanchnic, 0.0) +
                          h.q_cerebral + std::max(h.q_coronary, 0.0);
  in.arterial_blood_mL = hb.arterial_blood_mL;
  in.venous_blood_mL = hb.venous_blood_mL;
  // The brainstem's flow against what its PaCO2 asks: a hypocapnic narrowing of the cerebral
  // vessels is met by O2 extraction, not felt as ischaemia (models/brain, "Cerebral vessels").
  // A hypercapnic brain that cannot dilate as far as its CO2 asks is not starved either: its flow
  // is above rest, so an opioid's early apnoea does not gasp (a later, hypoxic brain that has lost
  // its autoregulation may: models/respiration README).
  in.cerebral_flow_ratio = h.q_cerebral / c.model.resting_cerebral_flow() /
                           std::clamp(s.bus.brain.co2_flow, 0.05, 1.0);
  in.brain_o2_delivery = s.bus.brain.o2_delivery;
  in.pulmonary_artery_mmHg = h.pressure[cv::kPulmonaryArteries];
  in.arterial_pressure_mmHg = h.pressure[cv::kArteries];
  in.resting_pulse_pressure_mmHg = c.model.resting_pulse_pressure();
  in.temperature_C = s.bus.temperature.core_C;
  in.time_s = now(s);
  const BloodBus& blood = s.bus.blood;
  in.venous_o2_mL_mL = blood.venous_o2_mL_mL;
  in.venous_co2_mL_mL = blood.venous_co2_mL_mL;
  in.venous_base_excess_mmol_L = blood.venous_base_excess_mmol_L;
  in.arterial_base_excess_mmol_L = blood.arterial_base_excess_mmol_L;
  in.arterial_sat = blood.arterial_sat;
  in.arterial_po2_mmHg = blood.arterial_po2_mmHg;
  in.arterial_pco2_mmHg = blood.arterial_pco2_mmHg;
  in.hemoglobin_g_dL = blood.hemoglobin_g_dL;
  const Effects& fx = s.bus.effects;
  in.drive_scale = fx[Effect::kRespiratoryDrive];
  in.compliance_scale = fx[Effect::kLungCompliance];
  in.shunt_offset = fx[Effect::kShunt];
  in.dead_space_offset = fx[Effect::kAlveolarDeadSpace];
  c.eval.respiration.step(in, kStep_s, b.resp);
  // Central pressures are read at end-expiration, as at the bedside: remember the pleural
  // pressure where inspiration begins.
  LungsBus& lungs = s.bus.lungs;
  const resp::RespReadout& o = b.resp.out;
  lungs.pleural_delta_mmHg = o.pleural_delta_mmHg;
  lungs.airway_pressure_cmH2O = o.airway_pressure_cmH2O;
  lungs.airway_flow_mL_s = o.airway_flow_mL_s;
  lungs.alveolar_pressure_mmHg = o.alveolar_pressure_mmHg;
  lungs.lung_volume_mL = o.lung_volume_mL;
  lungs.right_lung_only = b.resp.airway == resp::Airway::kRightMainstem ? 1 : 0;
  lungs.capnogram_mmHg = o.capnogram_mmHg;
  lungs.pleth = o.pleth;
  lungs.gas_tick = o.gas_tick;
  if (o.gas_tick) {
    lungs.tick_dt_s = o.tick_dt_s;
    lungs.tick_pulmonary_flow_mL = o.tick_pulmonary_flow_mL;
    lungs.tick_systemic_flow_mL = o.tick_systemic_flow_mL;
    lungs.o2_uptake_mL_s = o.o2_uptake_mL_s;
    lungs.co2_release_mL_s = o.co2_release_mL_s;
  }
  const double flow = b.resp.out.airway_flow_mL_s;
  if (b.last_airway_flow_mL_s <= 0.0 && flow > 0.0)
    lungs.end_expiratory_pleural_mmHg = b.resp.out.pleural_delta_mmHg;
  b.last_airway_flow_mL_s = flow;
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr ActionKind kVent = ActionKind::kVentilation, kBreath = ActionKind::kBreath;
  resp::RespState& r = s.breathing.resp;
  double value = 0.0;
  switch (a.kind) {
    case ActionKind::kAirway:
      value = a[field_index(ActionKind::kAirway, "airway")];
      resp::Respiration::set_airway(r, static_cast<resp::Airway>(value));
      break;
    case ActionKind::kVentilation:
      value = a[field_index(kVent, "mode")];
      resp::Respiration::set_ventilation(
          r, resp::VentSettings{static_cast<resp::VentMode>(value),
                                a[field_index(kVent, "rate_per_min")],
                                a[field_index(kVent, "tidal_volume_mL")],
                                a[field_index(kVent, "inspiratory_time_s")],
                                a[field_index(kVent, "peep_cmH2O")]});
      break;
    case ActionKind::kBreath: {
      // A full queue (a fifth breath while four wait) is dropped; the event says so with -1.
      const double volume = a[field_index(kBreath, "tidal_volume_mL")];
      value = resp::Respiration::request_breath(r, volume, a[field_index(kBreath, "inspiratory_time_s")])
                  ? volume
                  : -1.0;
      break;
    }
    case ActionKind::kOxygen:
      value = a[field_index(ActionKind::kOxygen, "fio2")];
      resp::Respiration::set_fio2(r, value);
      break;
    case ActionKind::kSpontaneousBreathing:
      value = a[field_index(ActionKind::kSpontaneousBreathing, "enabled")];
      resp::Respiration::set_spontaneous_enabled(r, value != 0.0);
      break;
    case ActionKind::kCondition:  // routed here only for airway_obstruction
      value = a[field_index(ActionKind::kCondition, "severity")];
      resp::Respiration::set_obstruction(r, value);
      break;
    case ActionKind::kConditionStop:  // the obstruction removed (forceps, thrusts)
      resp::Respiration::set_obstruction(r, 0.0);
      break;
    default:
      return;
  }
  c.events.push(EventKind::kActionApplied, static_cast<int32_t>(a.kind), value);
}

bool push_bag_flow(SimState& s, double flow_mL_s) {
  if (!std::isfinite(flow_mL_s) || flow_mL_s < 0.0 || flow_mL_s > kMaxBagFlow_mL_s) return false;
  resp::Respiration::set_bag_flow(s.breathing.resp, flow_mL_s);
  return true;
}

void publish(const SimState& s, double* sig) {
  const resp::RespReadout& r = s.breathing.resp.out;
  sig[kAirwayPressure] = r.airway_pressure_cmH2O;
  sig[kAirwayFlow] = r.airway_flow_mL_s;
  sig[kLungVolume] = r.lung_volume_mL;
  sig[kRespiratoryRate] = r.resp_rate_per_min;
  sig[kTidalVolume] = r.tidal_volume_mL;
  sig[kMinuteVentilation] = r.minute_ventilation_L_min;
  sig[kEtco2] = r.etco2_mmHg;
  sig[kCapnogram] = r.capnogram_mmHg;
  sig[kSpo2] = r.spo2_pct;
  sig[kSpo2Valid] = r.spo2_valid;
  sig[kPleth] = r.pleth;
  sig[kPerfusionIndex] = r.perfusion_index_pct;
  sig[kAlveolarPo2] = r.alveolar_po2_mmHg;
  sig[kAlveolarPco2] = r.alveolar_pco2_mmHg;
  sig[kFio2] = s.breathing.resp.fio2;
  sig[kGastricVolume] = r.gastric_volume_mL;
  sig[kLeakVolume] = r.leak_volume_mL;
  sig[kSpontaneousBreathing] = r.spontaneous;
  sig[kGasping] = r.gasping;
  sig[kVentilationDrive] = r.ventilation_drive;
  sig[kAirwayDevice] = static_cast<double>(s.breathing.resp.airway);
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  resp::check_state(s.breathing.resp, c);
  c.in("breathing.last_airway_flow_mL_s", s.breathing.last_airway_flow_mL_s, -kFlow_mL_s, kFlow_mL_s)
      .in("lungs.pleural_delta_mmHg", s.bus.lungs.pleural_delta_mmHg, -kPressure_mmHg, kPressure_mmHg)
      .in("lungs.lung_volume_mL", s.bus.lungs.lung_volume_mL, 0.0, kVolume_mL)
      .in("lungs.alveolar_pressure_mmHg", s.bus.lungs.alveolar_pressure_mmHg, -kPressure_mmHg,
          kPressure_mmHg)
      .in("lungs.end_expiratory_pleural_mmHg", s.bus.lungs.end_expiratory_pleural_mmHg,
          -kPressure_mmHg, kPressure_mmHg);
  const LungsBus& l = s.bus.lungs;
  c.flag("lungs.gas_tick", l.gas_tick)
      .flag("lungs.right_lung_only", l.right_lung_only)
      .in("lungs.tick_dt_s", l.tick_dt_s, 0.0, 1.0)
      .in("lungs.tick_pulmonary_flow_mL", l.tick_pulmonary_flow_mL, -kVolume_mL, kVolume_mL)
      .in("lungs.tick_systemic_flow_mL", l.tick_systemic_flow_mL, -kVolume_mL, kVolume_mL)
      .in("lungs.o2_uptake_mL_s", l.o2_uptake_mL_s, -kFlow_mL_s, kFlow_mL_s)
      .in("lungs.co2_release_mL_s", l.co2_release_mL_s, -kFlow_mL_s, kFlow_mL_s);
}

// Breath times follow the sim's clock; when the clock is rebased, so are they.
void rebase(SimState& s, double dt) {
  resp::RespState& r = s.breathing.resp;
  for (double& t : r.breath_times_s) t -= dt;
  r.last_breath_t_s -= dt;
}

}  // namespace resus::stages::breathing
