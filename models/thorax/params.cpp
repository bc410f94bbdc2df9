// Chest-cause constants (physiology.md A.3, A.4; README.md gives each source).
#include <algorithm>

#include "models/thorax/thorax.hpp"

namespace resus::thorax {

ThoraxParams default_thorax_params(double body_mass_kg, double frc_mL,
                                   double lung_compliance_mL_mmHg,
                                   double normal_pericardial_fluid_mL) {
  const double s = std::clamp(body_mass_kg, 20.0, 250.0) / 70.0;
  ThoraxParams p{};
  p.normal_pericardial_fluid_mL = normal_pericardial_fluid_mL;  // B.3 row 66: 15-50 mL
  p.effusion_source_mmHg = 10.0;          // [U] capillary over venous pressure
  p.inflow_taper_mmHg = 5.0;              // [U]
  p.chronic_stretch_share = 0.9;          // [U] A.3: V0 raised over weeks
  p.drain_taper_mmHg = 2.0;               // [U]
  p.frc_mL = frc_mL;
  p.lung_compliance_mL_mmHg = lung_compliance_mL_mmHg;
  p.left_lung_share = 0.45;               // [M] right lung ~55% of volume and perfusion
  p.collapse_share = 0.9;                 // [U] a collapsed lung keeps ~10% of its FRC
  p.hemithorax_elastance_mmHg_per_mL = 1.0 / (75.0 * s);  // [U] A.4: 1 mmHg per 50-100 mL
  p.mediastinal_transmission = 0.5;       // [U] A.4: w 0.5-1 with mediastinal shift
  p.leak_reference_mmHg = 5.0;            // [U] alveolar-pleural pressure of a quiet breath
  p.resting_minute_ventilation_mL_min = 7000.0 * s;  // [M] 14/min x 500 mL
  p.collapsed_perfusion_share = 0.5;      // [U] hypoxic vasoconstriction halves its flow
  p.needle_resistance_mmHg_s_per_mL = 0.02;        // [U] 14 G: ~0.5 L/s at 10 mmHg
  p.thoracostomy_resistance_mmHg_s_per_mL = 0.002; // [U]
  p.finger_evacuation_s = 30.0;           // [U] breaths re-expand the lung
  p.tube_evacuation_s = 15.0;             // [U] a drain on suction
  p.chest_wall_mm = 42.0;                 // [V] Givens 2004: 4.24 cm at 2nd ICS, MCL
  p.lateral_chest_wall_offset_mm = 13.0;  // [V] Inaba 2012: 12.9 (right), 13.4 (left) mm thinner
  p.needle_failure_per_min = 0.06;        // [F] Martin 2012: 26% of 14 G failed within 5 min
  p.blood_evacuation_s = 120.0;           // [U] a chest drain empties a haemothorax in minutes
  p.tracheal_deviation_mm_per_mmHg = 0.6; // [U]
  p.max_tracheal_deviation_mm = 25.0;     // [U]
  return p;
}

namespace {

#define F(f) RESUS_FIELD(ThoraxParams, f)
constexpr ParamSpec<ThoraxParams> kTable[] = {
    {"effusion_source_mmHg", "mmHg", 0, 50, "an effusion's source pressure above the central venous pressure", F(effusion_source_mmHg)},
    {"pericardial_inflow_taper_mmHg", "mmHg", 0.1, 50, "inflow falls to nothing over this last gap to the source's pressure", F(inflow_taper_mmHg)},
    {"chronic_stretch_share", "1", 0, 1, "share of a chronic effusion the stretched pericardium holds without pressure", F(chronic_stretch_share)},
    {"pericardial_drain_taper_mmHg", "mmHg", 0.1, 50, "drainage falls to nothing below this transmural pressure", F(drain_taper_mmHg)},
    {"left_lung_share", "1", 0.2, 0.8, "left lung's share of volume and perfusion", F(left_lung_share)},
    {"lung_collapse_share", "1", 0.1, 1, "share of a lung's resting volume that air replaces before the hemithorax stretches", F(collapse_share)},
    {"hemithorax_elastance_mmHg_per_mL", "mmHg/mL", 1e-4, 1, "pleural pressure per mL of air beyond collapse", F(hemithorax_elastance_mmHg_per_mL)},
    {"mediastinal_transmission", "1", 0, 1, "share of one side's excess pleural pressure the other side gets", F(mediastinal_transmission)},
    {"pleural_leak_reference_mmHg", "mmHg", 0.5, 50, "alveolar-to-pleural pressure at which a leak admits its stated rate", F(leak_reference_mmHg)},
    {"leak_minute_ventilation_mL_min", "mL/min", 1000, 30000, "the minute ventilation a leak's rate is stated for", F(resting_minute_ventilation_mL_min)},
    {"collapsed_perfusion_share", "1", 0, 1, "perfusion a collapsed lung keeps (the rest of it is diverted)", F(collapsed_perfusion_share)},
    {"needle_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "a decompression catheter's resistance to air", F(needle_resistance_mmHg_s_per_mL)},
    {"thoracostomy_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-5, 0.1, "a thoracostomy's resistance to air", F(thoracostomy_resistance_mmHg_s_per_mL)},
    {"finger_evacuation_s", "s", 1, 3600, "time constant of re-expansion through a finger thoracostomy", F(finger_evacuation_s)},
    {"tube_evacuation_s", "s", 1, 3600, "time constant of re-expansion through a chest tube", F(tube_evacuation_s)},
    {"chest_wall_mm", "mm", 10, 120, "chest wall thickness at the 2nd intercostal space; a shorter catheter fails", F(chest_wall_mm)},
    {"lateral_chest_wall_offset_mm", "mm", 0, 60, "how much thinner the chest wall is at the 5th intercostal space, anterior axillary line", F(lateral_chest_wall_offset_mm)},
    {"needle_failure_per_min", "1/min", 0, 10, "hazard of a placed decompression catheter kinking, blocking or dislodging", F(needle_failure_per_min)},
    {"blood_evacuation_s", "s", 1, 3600, "time constant of draining pleural blood through a finger or tube thoracostomy", F(blood_evacuation_s)},
    {"tracheal_deviation_mm_per_mmHg", "mm/mmHg", 0, 5, "tracheal shift per mmHg of left-right pleural pressure difference", F(tracheal_deviation_mm_per_mmHg)},
    {"max_tracheal_deviation_mm", "mm", 0, 60, "largest tracheal shift", F(max_tracheal_deviation_mm)},
};
#undef F

}  // namespace

std::span<const ParamSpec<ThoraxParams>> param_table() { return kTable; }

}  // namespace resus::thorax
