// Control of breathing: central CO2 drive on filtered PaCO2 plus the carotid bodies' hypoxic,
// metabolic (base deficit) and stagnant (low pressure) drives, gated by
// brainstem perfusion; the breath pattern is generated as an inspiratory muscle pressure so it
// superposes with any device (physiology.md A.5; brief "Spontaneous breathing").
#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/respiration/internal.hpp"

namespace resus::resp::detail {

double chemical_drive(const RespParams& p, const RespState& s) {
  // Linear CO2 response (apnoeic threshold where it crosses 0) [M slope 1-2 L/min/mmHg].
  const double central = 1.0 + p.co2_gain_per_mmHg * (s.paco2_sensed_mmHg - p.paco2_setpoint_mmHg);
  const double hypoxic =
      p.hypoxic_gain_per_mmHg * (p.hypoxic_threshold_mmHg - s.pao2_sensed_mmHg);
  // A metabolic acidosis drives the carotid bodies (Kussmaul breathing), an alkalosis quiets them.
  const double metabolic = -p.metabolic_gain_per_mmol * s.base_excess_sensed_mmol_L;
  // So does a low pressure: their flow falls and their tissue goes hypoxic whatever the PaO2
  // (stagnant hypoxia), as in haemorrhage and cardiogenic shock.
  const double stagnant =
      p.hypotension_gain_per_mmHg * (p.hypotension_threshold_mmHg - s.map_sensed_mmHg);
  return clampd((central > 0.0 ? central : 0.0) + (hypoxic > 0.0 ? hypoxic : 0.0) + metabolic +
                    (stagnant > 0.0 ? stagnant : 0.0),
                0.0, 8.0);
}

// Breathing needs a perfused brainstem: apnoea when filtered cerebral flow falls below
// gate_off [U]; what a starved brainstem still does is gasp (below).
// The brainstem breathes with flow and with O2: a hypoxic gas or a profound hypoxaemia stops it
// as surely as a failing circulation does (README, "Hypoxic apnoea").
double brainstem_o2_gate(const RespParams& p, const RespState& s) {
  const double span = p.o2_gate_on_share - p.o2_gate_off_share;
  if (!(span > 0.0)) return s.brain_o2_delivery >= p.o2_gate_off_share ? 1.0 : 0.0;
  return clampd((s.brain_o2_delivery - p.o2_gate_off_share) / span, 0.0, 1.0);
}

double brainstem_flow_gate(const RespParams& p, const RespState& s) {
  return clampd((s.brain_perfusion - p.gate_off_ratio) / (p.gate_on_ratio - p.gate_off_ratio),
                0.0, 1.0);
}

double brainstem_gate(const RespParams& p, const RespState& s) {
  return brainstem_flow_gate(p, s) * brainstem_o2_gate(p, s);
}

// Resting minute ventilation that puts PaCO2 at the setpoint by construction: the perfused
// alveoli need VA = VCO2 * 1.21 * 713 / PACO2 (alveolar ventilation equation), the alveolar dead
// space takes its share and each breath first fills the anatomic dead space.
double resting_minute_ventilation_mL_min(const RespParams& p, double resting_vco2_mL_min) {
  const double vco2 = resting_vco2_mL_min;
  // Arterial = alveolar + shunt admixture (~0.2 mmHg at rest).
  const double paco2 = p.paco2_setpoint_mmHg - 0.2;
  const double va = vco2 * kBtpsPerStpd * kDryPressure_mmHg / paco2;
  return va / (1.0 - p.alveolar_dead_space_fraction) +
         p.resting_rr_per_min * p.anatomic_dead_space_mL;
}

// Agonal gasping (Menegazzi 1995, swine VF: every animal gasped through minute 2, 42% at 4, 17%
// at 7; Zuercher 2010: breathing first, gasps from the second minute, none after 6 without
// therapy): the reserve is spent in proportion to how far the brainstem's flow is below what
// keeps it breathing, so compressions that bring some flow prolong it, and is regained once it
// is supplied again. Once the breathing has stopped its O2 delivery counts too, if lower: an
// asphyxia with a beating heart ends the gasping as the blood's O2 runs out (primary apnoea,
// gasping, terminal apnoea), where a breathing patient's hypoxaemia or a seizure's demand
// spends nothing it will need after an arrest.
void update_gasp_reserve(const RespParams& p, RespState& s, double dt_s) {
  const double supply =
      s.breathing ? s.brain_perfusion : std::min(s.brain_perfusion, s.brain_o2_delivery);
  const double starvation = clampd(1.0 - supply / p.gate_on_ratio, 0.0, 1.0);
  const double change = starvation > 0.0
                            ? -starvation * dt_s / std::max(p.gasp_reserve_s, 1e-9)
                            : dt_s / p.gasp_recovery_s;
  s.gasp_reserve = clampd(s.gasp_reserve + change, 0.0, 1.0);
}

// A brainstem that has stopped breathing for want of flow (not for want of drive: an opioid's
// apnoea has a perfused brainstem, and a hyperventilated patient's has no chemical drive, though
// hypocapnia narrows the cerebral vessels and lowers the flow) gasps while its reserve lasts. One
// that stops for want of O2 alone does not: its gasps would ventilate it back (README).
bool gasps(const RespParams& p, const RespState& s) {
  return s.spontaneous_enabled && brainstem_flow_gate(p, s) < 1.0 &&
         chemical_drive(p, s) >= p.apnoea_drive && s.gasp_reserve > 0.0 && p.gasp_vt_mL > 0.0;
}

void update_pattern(const RespParams& p, RespState& s, double dt_s, double drive_scale,
                    double resting_vco2_mL_min) {
  update_gasp_reserve(p, s, dt_s);
  const double drive =
      s.spontaneous_enabled ? chemical_drive(p, s) * brainstem_gate(p, s) * drive_scale : 0.0;
  s.out.ventilation_drive = chemical_drive(p, s) * brainstem_gate(p, s) * drive_scale;
  s.breathing = drive >= p.apnoea_drive ? 1 : 0;

  s.breath_t_s += dt_s;
  if (s.breath_t_s >= s.breath_period_s) {
    s.breath_t_s = 0.0;
    s.out.gasping = 0;
    if (s.breathing) {
      // RR and Vt both rise with drive; RR takes drive^e, Vt the rest [U].
      const double ve = resting_minute_ventilation_mL_min(p, resting_vco2_mL_min) * drive;
      const double rr =
          clampd(p.resting_rr_per_min * std::pow(drive, p.rr_drive_exponent), 4.0, p.max_rr_per_min);
      s.breath_period_s = 60.0 / rr;
      s.breath_ti_s = p.ti_fraction * s.breath_period_s;
      s.breath_vt_mL = clampd(ve / rr, 0.0, p.max_vt_mL);
      s.breath_active = 1;
    } else if (gasps(p, s)) {
      // Slow, short, deep, and shallower as the reserve runs out.
      s.breath_period_s = 60.0 / p.gasp_rate_per_min;
      s.breath_ti_s = std::min(p.gasp_ti_s, 0.5 * s.breath_period_s);
      s.breath_vt_mL = p.gasp_vt_mL * s.gasp_reserve;
      s.breath_active = 1;
      s.out.gasping = 1;
    } else {
      s.breath_period_s = 1.0;  // look again in a second
      s.breath_active = 0;
    }
  }
  if (s.breath_active && s.breath_t_s < s.breath_ti_s) {
    // Muscle pressure that would move the native lung along a (1 - cos) volume profile:
    // Pmus = Vdes/Crs + Raw dVdes/dt.
    const double ti = s.breath_ti_s, t = s.breath_t_s + 0.5 * dt_s;
    const double w = std::numbers::pi / ti;
    const double v = 0.5 * s.breath_vt_mL * (1.0 - std::cos(w * t));
    const double q = 0.5 * s.breath_vt_mL * w * std::sin(w * t);
    s.pmus_cmH2O = v / crs_native(p) + p.airway_resistance_cmH2O_s_L / 1000.0 * q;
  } else {
    s.breath_active = 0;
    s.pmus_cmH2O *= std::exp(-dt_s / p.pmus_release_tau_s);
  }
}

}  // namespace resus::resp::detail
