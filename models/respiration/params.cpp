// Adult defaults (physiology.md A.5, B.1). Volumes and compliances scale with mass / 70 kg [U].
#include "models/respiration/internal.hpp"

namespace resus::resp {

RespParams default_resp_params(double body_mass_kg) {
  const double m = detail::clampd(detail::finite_or(body_mass_kg, 70.0), 20.0, 250.0);
  const double k = m / 70.0;
  RespParams p{};
  p.body_mass_kg = m;
  p.lung_compliance_mL_cmH2O = 150.0 * k;
  p.chest_wall_compliance_mL_cmH2O = 140.0 * k;  // Crs ~72: A.5 50-80 supine
  p.frc_mL = 2200.0 * k;                         // A.5 2.0-2.5 L supine
  p.residual_volume_mL = 1000.0 * k;
  p.total_lung_capacity_mL = 6000.0 * k;
  p.airway_resistance_cmH2O_s_L = 3.0;           // A.5 2-5
  p.mask_airway_resistance_cmH2O_s_L = 6.0;      // [U]
  p.sga_resistance_cmH2O_s_L = 2.0;              // [U]
  p.ett_resistance_cmH2O_s_L = 4.0;              // A.5: ETT 8.0 adds 3-5
  p.mainstem_extra_resistance_cmH2O_s_L = 3.0;   // [U]
  p.mainstem_ventilated_fraction = 0.55;         // right lung share [M]
  p.anatomic_dead_space_mL = 2.2 * m;            // ~150 mL [M]
  p.tube_dead_space_mL = 1.5 * m;                // upper airway bypassed, tube added [U]
  p.mask_seal_cmH2O = 20.0;
  p.sga_seal_cmH2O = 28.0;
  p.leak_resistance_cmH2O_s_mL = 0.005;          // 10 cmH2O over the seal leaks 2 L/s [U]
  p.mask_les_opening_cmH2O = 20.0;
  p.sga_les_opening_cmH2O = 30.0;
  p.gastric_resistance_cmH2O_s_mL = 0.01;
  p.sga_gastric_resistance_cmH2O_s_mL = 0.1;
  p.oesophageal_resistance_cmH2O_s_mL = 0.01;
  p.shunt_fraction = 0.03;                       // A.5 2-5%
  p.mainstem_hpv_factor = 0.5;                   // [U]
  p.alveolar_dead_space_fraction = 0.06;         // [U] gives PaCO2-EtCO2 ~3 (B.1 row 14)
  // Alveolar dead space ~0.62 of alveolar ventilation during CPR (Tang 1991, Circulation 84:2101,
  // rats: (PaCO2 - EtCO2)/PaCO2 before epinephrine) at ~18% of resting flow [F, one source].
  p.lowflow_dead_space_gain = 0.75;
  p.lung_height_cm = 15.0;
  p.resting_cardiac_output_mL_s = 5000.0 / 60.0;
  p.paco2_setpoint_mmHg = 40.0;
  p.co2_gain_per_mmHg = 0.15;                    // ~1 L/min/mmHg
  p.hypoxic_threshold_mmHg = 60.0;
  p.hypoxic_gain_per_mmHg = 0.04;
  // Peripheral chemoreceptors on a metabolic acidosis: acutely about half of Winter's
  // compensation (PaCO2 = 1.5 HCO3 + 8 is reached over 12-24 h as the CSF follows) [U].
  p.metabolic_gain_per_mmol = 0.09;
  // The carotid bodies' own flow (stagnant hypoxia): anaesthetised cats bled from 100 to 60 mmHg
  // breathed 33% more with EtCO2 falling, and not after carotid denervation ("The effects of
  // acute haemorrhage on respiration in the cat", J Physiol); every chemoreceptor fibre fires
  // more below 50-60 mmHg (Biscoe, Bradley and Purves 1970, J Physiol 208:99). The onset sits at
  // 75, the cat's 100 scaled to a human's resting MAP (~80% of it), below a normal adult's MAP
  // so resting breathing is untouched; the gain takes the cat's +33% over the 40 mmHg below its
  // onset as raw drive (at the PaCO2 of ~30 it brings the model's central drive is withdrawn):
  // 1.33 / 40 mmHg [U].
  p.hypotension_threshold_mmHg = 75.0;
  p.hypotension_gain_per_mmHg = 0.033;
  p.chemo_tau_s = 20.0;
  p.brain_tau_s = 20.0;
  p.gate_off_ratio = 0.35;
  p.gate_on_ratio = 0.75;
  p.resting_rr_per_min = 14.0;
  p.rr_drive_exponent = 0.4;
  p.ti_fraction = 0.38;
  p.max_rr_per_min = 40.0;
  p.max_vt_mL = 2500.0 * k;
  p.apnoea_drive = 0.1;
  p.pmus_release_tau_s = 0.1;
  p.gasp_rate_per_min = 8.0;   // Menegazzi 1995: 6-11/min in swine VF
  p.gasp_vt_mL = 600.0;        // [U] swine 500-850 mL (21 kg): deep, here ~9 mL/kg
  p.gasp_ti_s = 0.6;           // [U]
  p.gasp_reserve_s = 240.0;    // Menegazzi 1995: 92% still gasp at 3 min, 42% at 4, 17% at 7
  p.gasp_recovery_s = 120.0;   // [U]
  // README, "Hypoxic apnoea": full drive while the brain gets what keeps its brainstem's reflexes
  // (models/brain's brainstem_share, 0.3), none at 0.15 [U].
  p.o2_gate_off_share = 0.15;
  p.o2_gate_on_share = 0.3;
  p.capnometer_tau_s = 0.1;
  p.etco2_timeout_s = 20.0;
  p.spo2_averaging_s = 8.0;
  p.spo2_lag_s = 8.0;
  p.perfusion_index_rest_pct = 3.0;
  p.perfusion_index_min_pct = 0.5;
  return p;
}

}  // namespace resus::resp
