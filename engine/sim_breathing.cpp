// Breathing in the running sim: the respiration model is fed the circulation's flows and
// volumes each step, and its pleural pressure change goes back into the circulation's drive on
// the next step (a 2 ms lag, far below the lung's time constants).
#include <algorithm>
#include <cmath>

#include "engine/sim.hpp"

namespace resus {

Status Sim::set_bag_flow(double flow_mL_s) noexcept {
  if (!std::isfinite(flow_mL_s) || flow_mL_s < 0.0 || flow_mL_s > kMaxBagFlow_mL_s)
    return Status::kInvalidArgument;
  resp::Respiration::set_bag_flow(s_.resp, flow_mL_s);
  return Status::kOk;
}

void Sim::apply_breathing(const Action& a) noexcept {
  double value = 0.0;
  switch (a.kind) {
    case ActionKind::kAirway:
      resp::Respiration::set_airway(s_.resp, static_cast<resp::Airway>(a.airway));
      value = a.airway;
      break;
    case ActionKind::kVentilation:
      resp::Respiration::set_ventilation(
          s_.resp, resp::VentSettings{static_cast<resp::VentMode>(a.vent_mode), a.rate_per_min,
                                      a.tidal_volume_mL, a.inspiratory_time_s, a.peep_cmH2O});
      value = a.vent_mode;
      break;
    case ActionKind::kBreath:
      // A full queue (a fifth breath while four wait) is dropped; the event says so with -1.
      value = resp::Respiration::request_breath(s_.resp, a.tidal_volume_mL, a.inspiratory_time_s)
                  ? a.tidal_volume_mL
                  : -1.0;
      break;
    case ActionKind::kOxygen:
      resp::Respiration::set_fio2(s_.resp, a.fio2);
      value = a.fio2;
      break;
    case ActionKind::kSpontaneousBreathing:
      resp::Respiration::set_spontaneous_enabled(s_.resp, a.enabled != 0);
      value = a.enabled;
      break;
    default:
      return;
  }
  push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), value);
}

void Sim::step_breathing(const cv::Hemodynamics& h) noexcept {
  if (!breathing_coupled_) return;
  const cv::State& x = s_.x;
  const double arterial = x[cv::kPulmonaryVeins] + x[cv::kLA] + x[cv::kLV] + x[cv::kAorta] +
                          x[cv::kArteries];
  resp::RespInputs in{};
  in.pulmonary_flow_mL_s = h.q_pulmonary;
  in.systemic_flow_mL_s = std::max(h.q_splanchnic, 0.0) + std::max(h.q_extrasplanchnic, 0.0) +
                          h.q_cerebral + std::max(h.q_coronary, 0.0);
  in.arterial_blood_mL = arterial;
  in.venous_blood_mL = cv::Circulation::blood_volume(x) - arterial;
  in.cerebral_flow_ratio = h.q_cerebral / model_->resting_cerebral_flow();
  in.pulmonary_artery_mmHg = h.pressure[cv::kPulmonaryArteries];
  in.arterial_pressure_mmHg = h.pressure[cv::kArteries];
  in.resting_pulse_pressure_mmHg = model_->resting_pulse_pressure();
  in.temperature_C = s_.hooks.temperature_C;
  respiration_.step(in, kStep_s, s_.resp);
  // Central pressures are read at end-expiration, as at the bedside: remember the pleural
  // pressure where inspiration begins.
  const double flow = s_.resp.out.airway_flow_mL_s;
  if (s_.last_airway_flow_mL_s <= 0.0 && flow > 0.0)
    s_.end_expiratory_pleural_mmHg = s_.resp.out.pleural_delta_mmHg;
  s_.last_airway_flow_mL_s = flow;
}

void Sim::update_breathing_signals() noexcept {
  const resp::RespReadout& r = s_.resp.out;
  auto& sig = s_.signals;
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
  sig[kPao2] = r.pao2_mmHg;
  sig[kPaco2] = r.paco2_mmHg;
  sig[kSao2] = 100.0 * r.sao2;
  sig[kPhArterial] = r.ph_arterial;
  sig[kBicarbonate] = r.hco3_mmol_L;
  sig[kPvo2] = r.pvo2_mmHg;
  sig[kPvco2] = r.pvco2_mmHg;
  sig[kSvo2] = 100.0 * r.svo2;
  sig[kPhVenous] = r.ph_venous;
  sig[kAlveolarPo2] = r.alveolar_po2_mmHg;
  sig[kAlveolarPco2] = r.alveolar_pco2_mmHg;
  sig[kFio2] = s_.resp.fio2;
  sig[kVo2] = r.vo2_mL_min;
  sig[kVco2] = r.vco2_mL_min;
  sig[kO2Debt] = r.o2_debt_mL;
  sig[kGastricVolume] = r.gastric_volume_mL;
  sig[kLeakVolume] = r.leak_volume_mL;
  sig[kSpontaneousBreathing] = r.spontaneous;
  sig[kVentilationDrive] = r.ventilation_drive;
  sig[kAirwayDevice] = static_cast<double>(s_.resp.airway);
}

}  // namespace resus
