// Lung mechanics and ventilation devices (physiology.md A.5 "Mechanics", A.2 "Ventilation"):
// Paw = (V - FRC)/Crs + Raw dV/dt - Pmus, a flow source during device inspiration split into
// lung, mask leak and gastric insufflation, passive expiration to atmosphere or PEEP.
#include <cmath>
#include <numbers>

#include "models/respiration/internal.hpp"

namespace resus::resp::detail {

double crs_native(const RespParams& p) {
  return 1.0 / (1.0 / p.lung_compliance_mL_cmH2O + 1.0 / p.chest_wall_compliance_mL_cmH2O);
}

AirwayConfig airway_config(const RespParams& p, Airway a) {
  AirwayConfig c{};
  const double raw = p.airway_resistance_cmH2O_s_L / 1000.0;  // cmH2O per mL/s
  c.r_cmH2O_s_mL = raw;
  c.crs_mL_cmH2O = crs_native(p);
  c.dead_space_mL = p.anatomic_dead_space_mL;
  c.leak_r = 0.0;
  c.gastric_r = 0.0;
  c.device_to_stomach = false;
  c.device_lost = false;
  switch (a) {
    case Airway::kNone:
      c.device_lost = true;  // nothing seals: device flow escapes (documented)
      break;
    case Airway::kBagMask:
      // Unprotected pharynx under positive pressure adds resistance; the mask leaks and the
      // oesophagus opens above ~20 cmH2O (A.5 [U]).
      c.r_cmH2O_s_mL += p.mask_airway_resistance_cmH2O_s_L / 1000.0;
      c.leak_open_cmH2O = p.mask_seal_cmH2O;
      c.leak_r = p.leak_resistance_cmH2O_s_mL;
      c.gastric_open_cmH2O = p.mask_les_opening_cmH2O;
      c.gastric_r = p.gastric_resistance_cmH2O_s_mL;
      break;
    case Airway::kSupraglottic:
      c.r_cmH2O_s_mL += p.sga_resistance_cmH2O_s_L / 1000.0;
      c.dead_space_mL = p.tube_dead_space_mL;
      c.leak_open_cmH2O = p.sga_seal_cmH2O;
      c.leak_r = p.leak_resistance_cmH2O_s_mL;
      c.gastric_open_cmH2O = p.sga_les_opening_cmH2O;
      c.gastric_r = p.sga_gastric_resistance_cmH2O_s_mL;
      break;
    case Airway::kTrachealTube:
      c.r_cmH2O_s_mL += p.ett_resistance_cmH2O_s_L / 1000.0;
      c.dead_space_mL = p.tube_dead_space_mL;
      break;
    case Airway::kOesophagealTube:
      c.device_to_stomach = true;  // the trachea stays open to the pharynx (atmosphere)
      break;
    case Airway::kRightMainstem: {
      // Only the right lung is ventilated: its lung compliance is ~55% of both lungs'.
      c.r_cmH2O_s_mL += (p.ett_resistance_cmH2O_s_L + p.mainstem_extra_resistance_cmH2O_s_L) /
                        1000.0;
      c.dead_space_mL = p.tube_dead_space_mL;
      const double cl = p.lung_compliance_mL_cmH2O * p.mainstem_ventilated_fraction;
      c.crs_mL_cmH2O = 1.0 / (1.0 / cl + 1.0 / p.chest_wall_compliance_mL_cmH2O);
      break;
    }
  }
  return c;
}

namespace {
constexpr double kMinExpiration_s = 1.0;  // a rescuer lets the chest fall before the next breath
}  // namespace

double device_flow(const RespParams& /*p*/, RespState& s, double dt_s, double& pexp_cmH2O) {
  const VentSettings& v = s.vent;
  pexp_cmH2O = v.mode == VentMode::kNone ? 0.0 : clampd(v.peep_cmH2O, 0.0, 30.0);
  double q = 0.0;
  // A rescuer's bag: single breaths (queued, each after at least kMinExpiration_s of
  // exhalation) and a streamed squeeze, whatever the automatic mode; a ventilator takes none.
  if (v.mode != VentMode::kVentilator) {
    q += s.bag_flow_mL_s;
    if (!s.dev_active && s.queue_count > 0 && s.dev_idle_s >= kMinExpiration_s) {
      s.dev_active = 1;
      s.dev_square = 0;
      s.dev_t_s = 0.0;
      s.dev_volume_mL = s.queue[0].volume_mL;
      s.dev_ti_s = s.queue[0].inspiratory_time_s;
      for (int i = 1; i < s.queue_count; ++i) s.queue[i - 1] = s.queue[i];
      --s.queue_count;
    }
  }
  switch (v.mode) {
    case VentMode::kNone:
    case VentMode::kManual:
      break;
    case VentMode::kBagRate:
    case VentMode::kVentilator: {
      const double period = 60.0 / clampd(v.rate_per_min, 1.0, 100.0);
      s.dev_cycle_t_s += dt_s;
      if (s.dev_cycle_t_s >= period) {
        s.dev_cycle_t_s = std::fmod(s.dev_cycle_t_s, period);
        s.dev_active = 1;
        s.dev_square = v.mode == VentMode::kVentilator ? 1 : 0;
        s.dev_t_s = 0.0;
        s.dev_volume_mL = clampd(v.tidal_volume_mL, 0.0, 3000.0);
        s.dev_ti_s = clampd(v.inspiratory_time_s, 0.1, 0.8 * period);
      }
      break;
    }
  }
  if (s.dev_active) {
    const double ti = clampd(s.dev_ti_s, 0.05, 10.0);
    const double vol = clampd(s.dev_volume_mL, 0.0, 3000.0);
    const double tm = s.dev_t_s + 0.5 * dt_s;  // midpoint: the sum over steps equals the volume
    if (tm < ti) {
      q += s.dev_square ? vol / ti
                        : vol * std::numbers::pi / (2.0 * ti) * std::sin(std::numbers::pi * tm / ti);
    }
    s.dev_t_s += dt_s;
    if (s.dev_t_s >= ti) s.dev_active = 0;
    s.dev_idle_s = 0.0;
  } else {
    s.dev_idle_s += dt_s;
  }
  return clampd(q, 0.0, 5000.0);
}

MechResult solve_mechanics(const AirwayConfig& c, double elastic_cmH2O, double pmus_cmH2O,
                           double q_device, double pexp_cmH2O) {
  MechResult r{};
  const double R = c.r_cmH2O_s_mL;
  if (c.device_lost || c.device_to_stomach || q_device <= 0.0) {
    // Lung open to the airway opening at a fixed pressure.
    const double pao = (c.device_lost || c.device_to_stomach) ? 0.0 : pexp_cmH2O;
    r.q_lung = (pao + pmus_cmH2O - elastic_cmH2O) / R;
    r.paw_cmH2O = pao;
    if (c.device_lost) r.q_leak = q_device;
    if (c.device_to_stomach) {
      r.q_gastric = q_device;
      r.paw_cmH2O = q_device * 0.01;  // pressure in the oesophageal tube [U]
    }
    return r;
  }
  // Flow source: find Paw with (Paw + Pmus - Pel)/R + sum max(0, Paw - open_i)/r_i = Qdev.
  // Piecewise linear and increasing: activate the branches in order of opening pressure.
  double open[2], rr[2];
  bool is_leak[2];
  int n = 0;
  if (c.leak_r > 0.0) { open[n] = c.leak_open_cmH2O; rr[n] = c.leak_r; is_leak[n] = true; ++n; }
  if (c.gastric_r > 0.0) {
    open[n] = c.gastric_open_cmH2O; rr[n] = c.gastric_r; is_leak[n] = false; ++n;
  }
  if (n == 2 && open[1] < open[0]) {
    double t = open[0]; open[0] = open[1]; open[1] = t;
    t = rr[0]; rr[0] = rr[1]; rr[1] = t;
    const bool b = is_leak[0]; is_leak[0] = is_leak[1]; is_leak[1] = b;
  }
  double paw = 0.0;
  for (int k = 0; k <= n; ++k) {
    double g = 1.0 / R, rhs = q_device + (elastic_cmH2O - pmus_cmH2O) / R;
    for (int i = 0; i < k; ++i) { g += 1.0 / rr[i]; rhs += open[i] / rr[i]; }
    paw = rhs / g;
    if (k == n || paw <= open[k]) break;
  }
  r.paw_cmH2O = paw;
  r.q_lung = (paw + pmus_cmH2O - elastic_cmH2O) / R;
  for (int i = 0; i < n; ++i) {
    const double q = paw > open[i] ? (paw - open[i]) / rr[i] : 0.0;
    if (is_leak[i]) r.q_leak += q; else r.q_gastric += q;
  }
  return r;
}

}  // namespace resus::resp::detail
