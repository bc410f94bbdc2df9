// Respiration step: orchestrates mechanics, alveolar gas and dead space, blood pools, tissue
// stores and monitors (physiology.md A.5). Commands and the settled initial state.
#include "models/respiration/respiration.hpp"

#include <algorithm>
#include <cmath>

#include "models/respiration/internal.hpp"

namespace resus::resp {

using namespace detail;

namespace {

// First-order filter gain for a step dt: the bilinear form of 1 - exp(-dt/tau), without exp()
// (dt/tau is below 0.01 for every filter here).
double alpha(double dt, double tau) { return dt / (tau + 0.5 * dt); }

struct Gas {
  double vol, o2, co2;  // mL BTPS of gas and of each species
};

// Tanks in series (~plug flow). Push `dv` mL of gas of fractions (fo2, fco2) into the dead
// space at the mouth (inward) or at the alveolar end (outward); returns what leaves the other end.
Gas push_dead_space(RespState& s, double vd_mL, double dv, double fo2, double fco2, bool inward) {
  Gas out{0.0, 0.0, 0.0};
  if (!(dv > 0.0)) return out;
  const double vc = vd_mL / kDeadSpaceCells;
  int n = static_cast<int>(std::ceil(dv / (0.5 * vc)));
  if (n < 1) n = 1;
  if (n > 64) n = 64;
  const double a = clampd(dv / n / vc, 0.0, 1.0);
  const double vsub = dv / n;
  constexpr int last = kDeadSpaceCells - 1;
  for (int k = 0; k < n; ++k) {
    if (inward) {
      out.o2 += vsub * s.ds_fo2[last];
      out.co2 += vsub * s.ds_fco2[last];
      for (int i = last; i > 0; --i) {
        s.ds_fo2[i] += a * (s.ds_fo2[i - 1] - s.ds_fo2[i]);
        s.ds_fco2[i] += a * (s.ds_fco2[i - 1] - s.ds_fco2[i]);
      }
      s.ds_fo2[0] += a * (fo2 - s.ds_fo2[0]);
      s.ds_fco2[0] += a * (fco2 - s.ds_fco2[0]);
    } else {
      out.o2 += vsub * s.ds_fo2[0];
      out.co2 += vsub * s.ds_fco2[0];
      for (int i = 0; i < last; ++i) {
        s.ds_fo2[i] += a * (s.ds_fo2[i + 1] - s.ds_fo2[i]);
        s.ds_fco2[i] += a * (s.ds_fco2[i + 1] - s.ds_fco2[i]);
      }
      s.ds_fo2[last] += a * (fo2 - s.ds_fo2[last]);
      s.ds_fco2[last] += a * (fco2 - s.ds_fco2[last]);
    }
  }
  out.vol = dv;
  return out;
}

// Bring the perfused and dead-space alveolar gas to their share of the mechanical lung volume,
// moving gas through the dead space. This carries tidal ventilation and also apnoeic mass flow
// (O2 uptake exceeding CO2 output draws gas in from the airway).
void reconcile_alveoli(RespState& s, double v_lung, double vd_mL, double fio2) {
  double vp = s.p_o2_mL + s.p_co2_mL + s.p_n2_mL;
  double vdd = s.d_o2_mL + s.d_co2_mL + s.d_n2_mL;
  const double f = s.dead_fraction;
  const double dp = (1.0 - f) * v_lung - vp;
  const double dd = f * v_lung - vdd;
  Gas pool{0.0, 0.0, 0.0};
  auto take_out = [&pool](double& o2, double& co2, double& n2, double vol, double amount) {
    const double x = vol > 1e-9 ? clampd(amount / vol, 0.0, 1.0) : 0.0;
    pool.vol += x * vol;
    pool.o2 += x * o2;
    pool.co2 += x * co2;
    o2 -= x * o2; co2 -= x * co2; n2 -= x * n2;
  };
  if (dp < 0.0) take_out(s.p_o2_mL, s.p_co2_mL, s.p_n2_mL, vp, -dp);
  if (dd < 0.0) take_out(s.d_o2_mL, s.d_co2_mL, s.d_n2_mL, vdd, -dd);
  const double net = dp + dd;
  if (net > 0.0) {
    const Gas g = push_dead_space(s, vd_mL, net, fio2, 0.0, true);
    pool.vol += g.vol; pool.o2 += g.o2; pool.co2 += g.co2;
  }
  const double fo2 = pool.vol > 1e-12 ? pool.o2 / pool.vol : fio2;
  const double fco2 = pool.vol > 1e-12 ? pool.co2 / pool.vol : 0.0;
  const double fn2 = clampd(1.0 - fo2 - fco2, 0.0, 1.0);
  if (dp > 0.0) { s.p_o2_mL += dp * fo2; s.p_co2_mL += dp * fco2; s.p_n2_mL += dp * fn2; }
  if (dd > 0.0) { s.d_o2_mL += dd * fo2; s.d_co2_mL += dd * fco2; s.d_n2_mL += dd * fn2; }
  if (net < 0.0) push_dead_space(s, vd_mL, -net, fo2, fco2, false);
}

RespInputs sanitize(const RespInputs& in, const RespParams& p) {
  RespInputs c;
  c.pulmonary_flow_mL_s = clampd(finite_or(in.pulmonary_flow_mL_s, 0.0), 0.0, 1000.0);
  c.systemic_flow_mL_s = clampd(finite_or(in.systemic_flow_mL_s, 0.0), 0.0, 1000.0);
  c.arterial_blood_mL = clampd(finite_or(in.arterial_blood_mL, 1100.0), 200.0, 5000.0);
  c.venous_blood_mL = clampd(finite_or(in.venous_blood_mL, 3900.0), 500.0, 12000.0);
  c.cerebral_flow_ratio = clampd(finite_or(in.cerebral_flow_ratio, 0.0), 0.0, 3.0);
  c.brain_o2_delivery = clampd(finite_or(in.brain_o2_delivery, 1.0), 0.0, 3.0);
  c.pulmonary_artery_mmHg = clampd(finite_or(in.pulmonary_artery_mmHg, 0.0), -50.0, 200.0);
  c.arterial_pressure_mmHg = clampd(finite_or(in.arterial_pressure_mmHg, 0.0), -50.0, 400.0);
  c.resting_pulse_pressure_mmHg =
      clampd(finite_or(in.resting_pulse_pressure_mmHg, 40.0), 5.0, 200.0);
  c.temperature_C = clampd(finite_or(in.temperature_C, 37.0), 20.0, 43.0);
  c.time_s = finite_or(in.time_s, 0.0);
  c.venous_o2_mL_mL = clampd(finite_or(in.venous_o2_mL_mL, 0.15), 0.0, 1.0);
  c.venous_co2_mL_mL = clampd(finite_or(in.venous_co2_mL_mL, 0.52), 0.0, 5.0);
  c.venous_base_excess_mmol_L = clampd(finite_or(in.venous_base_excess_mmol_L, 0.0), -40.0, 40.0);
  c.arterial_base_excess_mmol_L = clampd(finite_or(in.arterial_base_excess_mmol_L, 0.0), -40.0, 40.0);
  c.arterial_sat = clampd(finite_or(in.arterial_sat, 0.97), 0.0, 1.0);
  c.arterial_po2_mmHg = clampd(finite_or(in.arterial_po2_mmHg, 90.0), 0.0, 2000.0);
  c.arterial_pco2_mmHg = clampd(finite_or(in.arterial_pco2_mmHg, 40.0), 0.0, 400.0);
  c.hemoglobin_g_dL = clampd(finite_or(in.hemoglobin_g_dL, 15.0), 3.0, 25.0);
  c.drive_scale = clampd(finite_or(in.drive_scale, 1.0), 0.0, 10.0);
  c.compliance_scale = clampd(finite_or(in.compliance_scale, 1.0), 0.05, 10.0);
  c.shunt_offset = clampd(finite_or(in.shunt_offset, 0.0), -1.0, 1.0);
  c.dead_space_offset = clampd(finite_or(in.dead_space_offset, 0.0), 0.0, 1.0);
  (void)p;
  return c;
}

// O2 and CO2 between the perfused alveoli and the pulmonary capillary blood over the time and
// flow gathered since the last tick: end-capillary blood equilibrates with the perfused
// alveolar gas; what it takes (O2) and gives (CO2) goes to the blood model.
void exchange_gases(const blood::BloodParams& b, const RespInputs& in, double shunt,
                    RespState& s) {
  using namespace blood;
  RespReadout& o = s.out;
  const double dt = s.gas_dt_s;
  const double qp = s.gas_qp_mL / dt;
  const double T = in.temperature_C, hb = in.hemoglobin_g_dL;
  const double vp = s.p_o2_mL + s.p_co2_mL + s.p_n2_mL;
  const double pao2_alv = vp > 1e-6 ? s.p_o2_mL / vp * kDryPressure_mmHg : 0.0;
  const double paco2_alv = vp > 1e-6 ? s.p_co2_mL / vp * kDryPressure_mmHg : 0.0;
  const double be = in.venous_base_excess_mmol_L;  // the lungs do not change it
  const double ph_c = ph_from(paco2_alv, be);
  const double cc_o2 = o2_content(pao2_alv, ph_c, T, hb, b.p50_mmHg);
  const double sc = o2_saturation(pao2_alv, ph_c, T, b.p50_mmHg);
  const double cc_co2 = co2_content(paco2_alv, sc, be, b);
  const double qpc = (1.0 - shunt) * qp;
  // STPD fluxes into blood; per-step removal limited to half of what the alveoli hold.
  double d_o2 = qpc * (cc_o2 - in.venous_o2_mL_mL) * kBtpsPerStpd * dt;
  if (d_o2 > 0.5 * s.p_o2_mL) d_o2 = 0.5 * s.p_o2_mL;
  double d_co2 = qpc * (in.venous_co2_mL_mL - cc_co2) * kBtpsPerStpd * dt;
  if (d_co2 < -0.5 * s.p_co2_mL) d_co2 = -0.5 * s.p_co2_mL;
  s.p_o2_mL = clampd(s.p_o2_mL - d_o2, 0.0, 1e5);
  s.p_co2_mL = clampd(s.p_co2_mL + d_co2, 0.0, 1e5);
  o.gas_tick = 1;
  o.tick_dt_s = dt;
  o.tick_pulmonary_flow_mL = s.gas_qp_mL;
  o.tick_systemic_flow_mL = s.gas_qs_mL;
  o.o2_uptake_mL_s = d_o2 / (kBtpsPerStpd * dt);
  o.co2_release_mL_s = d_co2 / (kBtpsPerStpd * dt);
}

}  // namespace

RespInputs resting_inputs(const RespParams& p, const blood::BloodState& blood,
                          double hemoglobin_g_dL) {
  RespInputs in{};
  in.pulmonary_flow_mL_s = p.resting_cardiac_output_mL_s;
  in.systemic_flow_mL_s = p.resting_cardiac_output_mL_s;
  in.arterial_blood_mL = 1100.0;
  in.venous_blood_mL = 3900.0;
  in.cerebral_flow_ratio = 1.0;
  in.pulmonary_artery_mmHg = 15.0;
  in.arterial_pressure_mmHg = 93.0;
  in.resting_pulse_pressure_mmHg = 40.0;
  in.temperature_C = 37.0;
  in.hemoglobin_g_dL = hemoglobin_g_dL;
  in.venous_o2_mL_mL = blood.venous[blood::kO2];
  in.venous_co2_mL_mL = blood.venous[blood::kCO2];
  in.venous_base_excess_mmol_L = blood.out.base_excess_venous;
  in.arterial_sat = blood.art_sat;
  in.arterial_po2_mmHg = blood.out.pao2_mmHg;
  in.arterial_pco2_mmHg = blood.out.paco2_mmHg;
  return in;
}

void step_with_blood(const Respiration& r, RespInputs in, double dt_s, RespState& s,
                     blood::BloodState& blood) {
  in.venous_o2_mL_mL = blood.venous[blood::kO2];
  in.venous_co2_mL_mL = blood.venous[blood::kCO2];
  in.venous_base_excess_mmol_L = blood.out.base_excess_venous;
  in.arterial_base_excess_mmol_L = blood.out.base_excess_arterial;
  in.arterial_sat = blood.art_sat;
  in.arterial_po2_mmHg = blood.out.pao2_mmHg;
  in.arterial_pco2_mmHg = blood.out.paco2_mmHg;
  r.step(in, dt_s, s);
  const RespReadout& o = s.out;
  if (!o.gas_tick) return;
  blood::BloodInputs b{};
  b.dt_s = o.tick_dt_s;
  b.pulmonary_flow_mL = o.tick_pulmonary_flow_mL;
  b.systemic_flow_mL = o.tick_systemic_flow_mL;
  b.arterial_blood_mL = in.arterial_blood_mL;
  b.venous_blood_mL = in.venous_blood_mL;
  b.temperature_C = in.temperature_C;
  b.metabolic_scale = 1.0;
  b.lung_flux_mL_s[blood::kO2] = o.o2_uptake_mL_s;
  b.lung_flux_mL_s[blood::kCO2] = -o.co2_release_mL_s;
  blood::transport(r.blood_params(), b, blood);
}

void Respiration::step(const RespInputs& raw, double dt_s, RespState& s) const noexcept {
  const RespParams& p = p_;
  const double dt = clampd(finite_or(dt_s, 0.002), 1e-5, 0.02);
  const RespInputs in = sanitize(raw, p);
  const double qp = in.pulmonary_flow_mL_s, qs = in.systemic_flow_mL_s;
  const double qrest = p.resting_cardiac_output_mL_s;
  RespReadout& o = s.out;
  o.gas_tick = 0;

  // Slow signals: brainstem perfusion, chemoreceptors, flows, pressures.
  s.brain_perfusion += (in.cerebral_flow_ratio - s.brain_perfusion) * alpha(dt, p.brain_tau_s);
  // The brainstem's O2 over the same time as its flow: it outlasts the cortex (README).
  s.brain_o2_delivery += (in.brain_o2_delivery - s.brain_o2_delivery) * alpha(dt, p.brain_tau_s);
  s.paco2_sensed_mmHg += (in.arterial_pco2_mmHg - s.paco2_sensed_mmHg) * alpha(dt, p.chemo_tau_s);
  s.pao2_sensed_mmHg += (in.arterial_po2_mmHg - s.pao2_sensed_mmHg) * alpha(dt, p.chemo_tau_s);
  s.base_excess_sensed_mmol_L +=
      (in.arterial_base_excess_mmol_L - s.base_excess_sensed_mmol_L) * alpha(dt, p.chemo_tau_s);
  s.map_sensed_mmHg += (in.arterial_pressure_mmHg - s.map_sensed_mmHg) * alpha(dt, p.chemo_tau_s);
  s.qp_f_mL_s += (qp - s.qp_f_mL_s) * alpha(dt, 5.0);
  s.qs_f_mL_s += (qs - s.qs_f_mL_s) * alpha(dt, 3.0);
  s.ppa_f_mmHg += (in.pulmonary_artery_mmHg - s.ppa_f_mmHg) * alpha(dt, 5.0);

  // --- Breathing pattern and mechanics ---
  update_pattern(p, s, dt, in.drive_scale, b_.rq * b_.vo2_rest_mL_min);
  AirwayConfig cfg = airway_config(p, s.airway);
  cfg.crs_mL_cmH2O *= in.compliance_scale;
  // An upper-airway obstruction narrows the path (resistance with the inverse square of the open
  // area, capped near closure); a tracheal tube passes it.
  const bool bypassed = s.airway == Airway::kTrachealTube || s.airway == Airway::kRightMainstem;
  if (s.obstruction > 0.0 && !bypassed) {
    const double open = clampd(1.0 - s.obstruction, 1e-3, 1.0);
    cfg.r_cmH2O_s_mL /= open * open;
  }
  double pexp = 0.0;
  const double qdev = device_flow(p, s, dt, pexp);
  const double elastic = (s.lung_volume_mL - p.frc_mL) / cfg.crs_mL_cmH2O;
  const MechResult m = solve_mechanics(cfg, elastic, s.pmus_cmH2O, qdev, pexp);
  const double v_old = s.lung_volume_mL;
  s.lung_volume_mL =
      clampd(v_old + m.q_lung * dt, p.residual_volume_mL, p.total_lung_capacity_mL);
  const double q_lung = (s.lung_volume_mL - v_old) / dt;
  s.gastric_mL += m.q_gastric * dt;
  s.leak_mL += m.q_leak * dt;
  const double palv_mmHg = (elastic - s.pmus_cmH2O) / kCmH2OPerMmHg;
  s.palv_f_mmHg += (palv_mmHg - s.palv_f_mmHg) * alpha(dt, 5.0);

  // --- Alveolar dead space: West zone 1 (PA pressure below alveolar pressure over the
  // vertical lung height, 0.736 mmHg/cm) and low-flow heterogeneity [U], both in the lung that
  // is still perfused. An embolism's share of the ventilation that is dead (the offset) is
  // counted once, and the flow its clot turns away goes to the rest: the low flow is judged per
  // unit of the ventilated lung left perfused (1 - offset; the open bed itself is a little
  // smaller, so this understates its overperfusion), so a massive embolism's overperfused
  // remainder is not counted dead a second time. ---
  const double h = p.lung_height_cm;
  const double z_star = 0.5 * h + (s.ppa_f_mmHg - s.palv_f_mmHg) / 0.736;
  const double zone1 = clampd((h - z_star) / h, 0.0, 1.0);
  const double f0 = p.alveolar_dead_space_fraction;
  const double embolised = clampd(in.dead_space_offset, 0.0, 0.95);
  const double perfused_flow = s.qp_f_mL_s / (qrest * (1.0 - embolised));
  const double lowflow = p.lowflow_dead_space_gain * (1.0 - clampd(perfused_flow, 0.0, 1.0));
  const double f_target = clampd(
      f0 + embolised + (1.0 - f0 - embolised) * (zone1 > lowflow ? zone1 : lowflow), 0.0, 0.95);
  s.dead_fraction += (f_target - s.dead_fraction) * alpha(dt, 5.0);

  double shunt = clampd(p.shunt_fraction + in.shunt_offset, 0.0, 1.0);
  if (s.airway == Airway::kRightMainstem)
    shunt += (1.0 - shunt) * (1.0 - p.mainstem_ventilated_fraction) * p.mainstem_hpv_factor;

  // --- Gas exchange, on a 10 ms tick with the blood flow averaged over it (the pools' time
  // constants are seconds; the ODC inversions are the costliest part of a step) ---
  s.gas_dt_s += dt;
  s.gas_qp_mL += qp * dt;
  s.gas_qs_mL += qs * dt;
  if (++s.gas_steps >= kGasSteps) {
    exchange_gases(b_, in, shunt, s);
    s.gas_steps = 0;
    s.gas_dt_s = s.gas_qp_mL = s.gas_qs_mL = 0.0;
  }

  // --- Alveolar gas follows the mechanical volume through the dead space ---
  reconcile_alveoli(s, s.lung_volume_mL, cfg.dead_space_mL, clampd(s.fio2, 0.0, 1.0));

  // --- Monitors ---
  const double mouth_pco2 =
      s.airway == Airway::kOesophagealTube ? 0.0 : s.ds_fco2[0] * kDryPressure_mmHg;
  update_monitors(p, in, dt, q_lung + m.q_gastric, q_lung, mouth_pco2, s);

  // --- Readout ---
  o.pleural_delta_mmHg =
      ((s.lung_volume_mL - p.frc_mL) / p.chest_wall_compliance_mL_cmH2O - s.pmus_cmH2O) /
      kCmH2OPerMmHg;
  o.airway_pressure_cmH2O = m.paw_cmH2O;
  o.airway_flow_mL_s = q_lung;
  o.alveolar_pressure_mmHg = palv_mmHg;
  o.lung_volume_mL = s.lung_volume_mL;
  const double vp2 = s.p_o2_mL + s.p_co2_mL + s.p_n2_mL;
  o.alveolar_po2_mmHg = vp2 > 1e-6 ? s.p_o2_mL / vp2 * kDryPressure_mmHg : 0.0;
  o.alveolar_pco2_mmHg = vp2 > 1e-6 ? s.p_co2_mL / vp2 * kDryPressure_mmHg : 0.0;
  o.spontaneous = (s.spontaneous_enabled && s.breathing) ? 1 : 0;
  o.gastric_volume_mL = s.gastric_mL;
  o.leak_volume_mL = s.leak_mL;
}

// ---- Commands ----
void Respiration::set_airway(RespState& s, Airway a) {
  const int v = static_cast<int>(a);
  s.airway = (v >= 0 && v <= 5) ? a : Airway::kNone;
}

void Respiration::set_ventilation(RespState& s, const VentSettings& v) {
  const int mode = static_cast<int>(v.mode);
  VentSettings c = v;
  if (mode < 0 || mode > 3) c.mode = VentMode::kNone;
  c.rate_per_min = clampd(finite_or(v.rate_per_min, 10.0), 1.0, 100.0);
  c.tidal_volume_mL = clampd(finite_or(v.tidal_volume_mL, 0.0), 0.0, 3000.0);
  c.inspiratory_time_s = clampd(finite_or(v.inspiratory_time_s, 1.0), 0.1, 10.0);
  c.peep_cmH2O = clampd(finite_or(v.peep_cmH2O, 0.0), 0.0, 30.0);
  const bool restart = c.mode != s.vent.mode;
  s.vent = c;
  if (restart) {
    s.dev_active = 0;
    s.dev_cycle_t_s = 1e9;  // first automatic breath on the next step
  }
}

bool Respiration::request_breath(RespState& s, double volume_mL, double inspiratory_time_s) {
  if (s.queue_count >= kBreathQueue) return false;
  s.queue[s.queue_count].volume_mL = clampd(finite_or(volume_mL, 0.0), 0.0, 3000.0);
  s.queue[s.queue_count].inspiratory_time_s =
      clampd(finite_or(inspiratory_time_s, 1.0), 0.1, 10.0);
  ++s.queue_count;
  return true;
}

void Respiration::set_bag_flow(RespState& s, double flow_mL_s) {
  s.bag_flow_mL_s = clampd(finite_or(flow_mL_s, 0.0), 0.0, 5000.0);
}

void Respiration::set_fio2(RespState& s, double fio2) {
  s.fio2 = clampd(finite_or(fio2, 0.21), 0.05, 1.0);
}

void Respiration::set_spontaneous_enabled(RespState& s, bool on) {
  s.spontaneous_enabled = on ? 1 : 0;
}

void Respiration::set_obstruction(RespState& s, double severity) {
  s.obstruction = clampd(finite_or(severity, 0.0), 0.0, 1.0);
}

// ---- Initial state: analytic steady state, then a short settle ----
RespState initial_state(const RespParams& p, const blood::BloodParams& b, blood::BloodState& blood,
                        double settle_s) {
  RespState s{};
  s.airway = Airway::kNone;
  s.vent = VentSettings{VentMode::kNone, 10.0, 0.0, 1.0, 0.0};
  s.fio2 = 0.21;
  s.spontaneous_enabled = 1;
  s.dev_idle_s = 1e9;
  s.lung_volume_mL = p.frc_mL;
  s.breath_period_s = 60.0 / p.resting_rr_per_min;
  s.breath_t_s = s.breath_period_s;  // first breath at once
  s.gasp_reserve = 1.0;
  s.dead_fraction = p.alveolar_dead_space_fraction;
  const double q = p.resting_cardiac_output_mL_s;

  // Alveolar gas equation at PACO2 = setpoint (A.5).
  const double paco2 = p.paco2_setpoint_mmHg - 0.2;
  const double fi = s.fio2;
  const double pao2 = fi * kDryPressure_mmHg - paco2 * (fi + (1.0 - fi) / b.rq);
  const double vp = (1.0 - s.dead_fraction) * p.frc_mL, vd = s.dead_fraction * p.frc_mL;
  s.p_o2_mL = vp * pao2 / kDryPressure_mmHg;
  s.p_co2_mL = vp * paco2 / kDryPressure_mmHg;
  s.p_n2_mL = vp - s.p_o2_mL - s.p_co2_mL;
  s.d_o2_mL = vd * fi;
  s.d_n2_mL = vd * (1.0 - fi);
  for (int i = 0; i < kDeadSpaceCells; ++i) {
    s.ds_fo2[i] = pao2 / kDryPressure_mmHg;
    s.ds_fco2[i] = paco2 / kDryPressure_mmHg;
  }
  blood = blood::initial_state(b, pao2, paco2, p.shunt_fraction, q);
  s.paco2_sensed_mmHg = p.paco2_setpoint_mmHg;
  s.pao2_sensed_mmHg = pao2;
  s.brain_perfusion = 1.0;
  s.brain_o2_delivery = 1.0;
  s.qp_f_mL_s = s.qs_f_mL_s = q;
  s.ppa_f_mmHg = 15.0;
  s.spo2_lag1 = s.spo2_lag2 = s.spo2_avg = blood.art_sat;
  s.spo2_shown = 100.0 * blood.art_sat;
  s.pa_mean_mmHg = s.pa_hi_mmHg = s.pa_lo_mmHg = 93.0;
  s.map_sensed_mmHg = 93.0;

  // Settle breathing, dead space and pools under resting inputs with a pulsatile pressure.
  const Respiration r(p, b);
  RespInputs in = resting_inputs(p, blood, b.hemoglobin_g_dL);
  constexpr double dt = 0.002;
  const int steps = static_cast<int>(std::max(settle_s, 0.0) / dt + 0.5);
  for (int k = 0; k < steps; ++k) {
    in.arterial_pressure_mmHg = 93.0 + 20.0 * std::sin(2.0 * 3.141592653589793 * 1.25 * k * dt);
    in.time_s = (k + 1) * dt;
    step_with_blood(r, in, dt, s, blood);
  }
  // The settling's clock ends here: breath times are kept relative to a clock starting at 0.
  const double t_end = steps * dt;
  for (double& t : s.breath_times_s) t -= t_end;
  s.last_breath_t_s -= t_end;
  blood.o2_debt_mL = 0.0;
  blood.out.o2_debt_mL = 0.0;
  s.gastric_mL = 0.0;
  s.leak_mL = 0.0;
  s.out.gastric_volume_mL = s.out.leak_volume_mL = 0.0;
  return s;
}

}  // namespace resus::resp
