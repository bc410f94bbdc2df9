// Parameters of the respiration model (physiology.md A.5): lungs, airway devices, control of
// breathing and monitors; blood and tissue are models/blood's. Units are in the names. Confidence
// tags follow the reference: [M] textbook, [V] validated against data, [U] a guess / tuned.
#pragma once

#include "models/common/param_spec.hpp"

namespace resus::resp {

struct RespParams {
  double body_mass_kg;             // the patient's metabolic mass (engine/patient.cpp)

  // --- Mechanics (one compartment; A.5 table) ---
  double lung_compliance_mL_cmH2O;        // CL [M ~150-200]
  double chest_wall_compliance_mL_cmH2O;  // Ccw [M ~150-200 upright, less supine]
  double frc_mL;                          // relaxation volume, supine [M 2000-2500]
  double residual_volume_mL;              // lower clamp of the lung volume [M]
  double total_lung_capacity_mL;          // upper clamp [M]
  double airway_resistance_cmH2O_s_L;     // native airways incl. upper airway [M 2-5]
  double mask_airway_resistance_cmH2O_s_L;  // extra: pharynx + mask under positive pressure [U]
  double sga_resistance_cmH2O_s_L;        // extra for a supraglottic airway [U]
  double ett_resistance_cmH2O_s_L;        // extra for a tracheal tube [M 3-5 for 8.0]
  double mainstem_extra_resistance_cmH2O_s_L;  // one main bronchus only [U]
  double mainstem_ventilated_fraction;    // right lung share of lung compliance [M ~0.55]
  double anatomic_dead_space_mL;          // natural airway [M ~150]
  double tube_dead_space_mL;              // with ETT/SGA (upper airway bypassed) [U]

  // --- Leaks and gastric insufflation (A.5 "Mechanics") ---
  double mask_seal_cmH2O;                 // mask leaks above this [U ~20]
  double sga_seal_cmH2O;                  // [U 25-30]
  double leak_resistance_cmH2O_s_mL;      // resistance of the leak path above seal [U]
  double mask_les_opening_cmH2O;          // lower oesophageal opening pressure, mask [U ~20]
  double sga_les_opening_cmH2O;           // SGA: gastric inflation much less [U]
  double gastric_resistance_cmH2O_s_mL;   // resistance into the stomach above opening [U]
  double sga_gastric_resistance_cmH2O_s_mL;  // [U]
  double oesophageal_resistance_cmH2O_s_mL;  // device into the stomach via an oesophageal tube [U]

  // --- Gas exchange ---
  double shunt_fraction;                  // Qs/Qt [M 0.02-0.05]
  double mainstem_hpv_factor;             // share of left-lung perfusion left after HPV [U]
  double alveolar_dead_space_fraction;    // of alveolar volume, rest [U tuned to grad 2-5]
  double lowflow_dead_space_gain;         // extra dead space x (1 - Qp/Qrest) [U]
  double lung_height_cm;                  // vertical lung height for West zone 1 [M ~15 supine]
  double resting_cardiac_output_mL_s;     // for flow-scaled terms [M 83 = 5 L/min; the engine
                                          // sets the compiled circulation's own]

  // --- Control of breathing ---
  double paco2_setpoint_mmHg;             // resting PaCO2 [M 40]
  double co2_gain_per_mmHg;               // d(VE/VE0)/dPaCO2 [M ~1-2 L/min/mmHg -> 0.15-0.3]
  double hypoxic_threshold_mmHg;          // [M ~60]
  double hypoxic_gain_per_mmHg;           // d(VE/VE0)/dPaO2 below threshold [U]
  double metabolic_gain_per_mmol;         // d(VE/VE0) per mmol/L of arterial base deficit [U]
  double hypotension_threshold_mmHg;      // MAP below which the carotid bodies' flow falls [U]
  double hypotension_gain_per_mmHg;       // d(VE/VE0) per mmHg of MAP below it [U, cat]
  double chemo_tau_s;                     // chemoreceptor filter [U tens of s]
  double brain_tau_s;                     // brainstem perfusion filter [U]
  double gate_off_ratio, gate_on_ratio;   // filtered cerebral ratio: apnoea .. full drive [U]
  double resting_rr_per_min;              // [M 12-16]
  double rr_drive_exponent;               // RR ~ drive^e, Vt takes the rest [U]
  double ti_fraction;                     // Ti / breath period [M ~0.38]
  double max_rr_per_min, max_vt_mL;       // pattern limits
  double apnoea_drive;                    // drive below which no breath is started [U]
  double pmus_release_tau_s;              // muscle relaxation at end of inspiration [U]
  // Agonal gasping: a brainstem starved below the flow that keeps it breathing still fires slow,
  // deep gasps until its reserve is spent; some flow (compressions) spends it more slowly.
  double gasp_rate_per_min;               // [M swine 6-11/min, Menegazzi 1995]
  double gasp_vt_mL;                      // at a full reserve, falling with it [U]
  double gasp_ti_s;                       // a gasp's short inspiration [U]
  double gasp_reserve_s;                  // s without cerebral flow until gasping ends [M]
  double gasp_recovery_s;                 // reserve regained by a perfused brainstem [U]
  // The brainstem needs O2 as well as flow: the brain's O2 delivery share (models/brain) below
  // which it stops breathing, and above which it drives fully [U].
  double o2_gate_off_share, o2_gate_on_share;

  // --- Monitors ---
  double capnometer_tau_s;                // sensor rise time [M ~0.1]
  double etco2_timeout_s;                 // no breath for this long: EtCO2 0 [M ~20]
  double spo2_averaging_s;                // [M 5-15]
  double spo2_lag_s;                      // each of two circulation lag stages at rest [U]
  double perfusion_index_rest_pct;        // [M 1-5]
  double perfusion_index_min_pct;         // below: no reading [U]
};

// Adult defaults for a given mass.
RespParams default_resp_params(double body_mass_kg);

// Each parameter by name (body mass is the patient's).
std::span<const ParamSpec<RespParams>> param_table();

}  // namespace resus::resp

