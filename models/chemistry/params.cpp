// Adult plasma chemistry and the constants of its exchanges (physiology.md A.6, B.1 row 15-16;
// README.md gives each source). Volumes and rates scale with body mass.
#include <algorithm>

#include "models/chemistry/chemistry.hpp"

namespace resus::chem {

ChemParams default_chem_params(double body_mass_kg) {
  const double m = std::clamp(body_mass_kg, 20.0, 250.0);
  ChemParams p{};
  p.body_mass_kg = m;
  p.buffer_volume_L_kg = 0.5;             // A.6: HCO3 space ~0.5 L/kg acutely
  p.ecf_volume_L_kg = 0.2;                // A.6: ECF ~14 L at 70 kg
  p.body_water_L_kg = 0.6;                // men 0.6, women 0.5 (Adrogue and Madias 2000)
  p.base_excess_mmol_L = 0.0;             // B.1 row 15
  p.lactate_mmol_L = 1.0;                 // B.1 row 16
  p.potassium_mmol_L = 4.2;               // B.1 row 16
  p.ionised_calcium_mmol_L = 1.2;         // B.1 row 16
  p.glucose_mmol_L = 5.0;                 // B.1 row 16
  p.sodium_mmol_L = 140.0;
  p.magnesium_mmol_L = 0.85;
  p.lactate_half_life_min = 30.0;         // A.6: perfused t1/2 20-60 min [U]
  p.hepatic_flow_share = 0.25;            // liver ~1.5 L/min of 5-6 [M]
  p.lactate_per_o2_deficit_mmol_mL = 0.12;  // [F] see README
  p.lactate_per_pump_drive = 8.0;           // [F] see README (beta-2 aerobic glycolysis)
  p.icf_potassium_mmol = 50.0 * m;        // A.6: ~3500 mmol at 70 kg
  p.potassium_shift_tau_min = 20.0;       // [U] insulin and salbutamol nadirs at 30-60 min (A.6)
  p.potassium_cell_buffer_share = 0.6;    // [U] see README
  p.potassium_ischaemic_pump_loss = 0.4;  // [U] see README
  p.potassium_lysis_mmol_per_mL = 0.01;   // [U] see README
  // Adrogue and Madias 1981: ~0.6 mmol/L K per 0.1 pH of mineral acidosis (~6.5 mmol/L of base
  // deficit at a constant PCO2), in vivo, so with the cells' limited buffering: a pump drive s
  // moves K by (1 - s)/(s + (1 - share)/share) of rest, 0.6/4.2 at s = 0.79: -ln(0.79)/6.5.
  // Alkalosis about a third of that (Adrogue and Madias: 0.1-0.4 per 0.1 pH).
  p.potassium_acidosis_per_mmol = 0.036;
  p.potassium_alkalosis_per_mmol = 0.012;
  p.renal_potassium_clearance_mL_min = 16.5;  // ~100 mmol/day at 4.2 mmol/L
  p.ionised_calcium_share = 0.5;          // ~45% of plasma calcium is protein-bound [M]
  p.calcium_half_life_min = 30.0;         // B.3 row 51: effect lasts 30-60 min [U]
  p.magnesium_half_life_min = 240.0;      // [U] renal excretion over hours
  p.glucose_uptake_mmol_min = 2.0 * m / 180.16;  // 2 mg/kg/min [M]
  p.glucose_counterregulation_per_mmol = 0.5;    // [U] see README
  // Rizza 1981: glucose production halved at 29 uU/mL of insulin (basal ~10), where insulin's
  // uptake scale is 1.48 here: ln 2 / 0.48 [F].
  p.glucose_output_insulin_suppression = 1.44;
  // Hyperkalaemia's bradycardia from ~7 mmol/L (Mattu 2000, Am J Emerg Med 18:721: sinus
  // bradycardia, sinoatrial block and slow escape rhythms among its ECG signs) [M]; the rate
  // halved by 10, where the sine wave comes [U].
  p.potassium_sinus_mmol_L[0] = 7.0;
  p.potassium_sinus_mmol_L[1] = 10.0;
  p.potassium_sinus_slowing = 0.5;
  // Kraut and Madias 2007 (Clin J Am Soc Nephrol 2:162): a normal gap of about 12 (+-4) without
  // potassium; Figge 1998: it falls ~2.5 mmol/L per g/dL of albumin lost, 11 of it at 4.4 g/dL.
  p.anion_gap_mmol_L = 12.0;
  p.anion_gap_albumin_mmol_L = 11.0;
  p.calcium_membrane_mmol_per_mmol = 2.5;  // [U] see README
  p.potassium_ecg_sensitivity = 1.0;
  p.potassium_membrane_adaptation = 0.5;  // [U] see README
  p.potassium_adaptation_tau_h = 48.0;    // [U]
  // Severe acidaemia depresses the myocardium below pH ~7.2 (Mitchell 1972; Kimmoun 2015: the
  // in-vivo depression appears below 7.2, once the catecholamines no longer mask it) [M]; the
  // slope is a guess [U].
  p.acidosis_threshold_ph = 7.20;
  p.acidosis_contractility_ph_scale = 0.6;
  // Hypermagnesaemia's staging (StatPearls "Hypermagnesemia"; in mEq/L, twice the mmol/L): 4-6
  // flushing and hyporeflexia; 6-10 somnolence, absent reflexes, hypotension, bradycardia and ECG
  // changes; above 10 paralysis, apnoea, complete heart block and arrest [M: stages; U: shapes].
  p.magnesium_vasodilation_mmol_L[0] = 2.5;
  p.magnesium_vasodilation_mmol_L[1] = 5.0;
  p.magnesium_vasodilation = 0.35;
  p.magnesium_nodal_mmol_L[0] = 3.0;
  p.magnesium_nodal_mmol_L[1] = 7.5;
  p.magnesium_respiratory_mmol_L[0] = 4.0;
  p.magnesium_respiratory_mmol_L[1] = 7.0;
  p.magnesium_calcium_antagonism = 4.0;
  p.dialyser_k0a_mL_min = 1000.0;         // a high-efficiency dialyser's urea K0A [S] see README
  p.dialysate_flow_mL_min = 500.0;        // [M]
  p.dialysate_sodium_mmol_L = 140.0;      // [M] a standard bicarbonate bath
  p.dialysate_calcium_mmol_L = 1.25;
  p.dialysate_magnesium_mmol_L = 0.5;
  p.dialysate_glucose_mmol_L = 5.5;
  return p;
}

namespace {

#define F(f) RESUS_FIELD(ChemParams, f)
constexpr ParamSpec<ChemParams> kTable[] = {
    {"buffer_volume_L_kg", "L/kg", 0.2, 1.0, "apparent volume of fixed-acid buffering", F(buffer_volume_L_kg)},
    {"ecf_volume_L_kg", "L/kg", 0.12, 0.4, "extracellular fluid volume", F(ecf_volume_L_kg)},
    {"body_water_L_kg", "L/kg", 0.3, 0.8, "total body water (sodium's distribution volume)", F(body_water_L_kg)},
    {"base_excess_mmol_L", "mmol/L", -20, 20, "resting base excess", F(base_excess_mmol_L)},
    {"lactate_mmol_L", "mmol/L", 0.3, 10, "resting plasma lactate", F(lactate_mmol_L)},
    {"potassium_mmol_L", "mmol/L", 2.0, 8.0, "resting plasma potassium (a renal patient's may be high)", F(potassium_mmol_L)},
    {"ionised_calcium_mmol_L", "mmol/L", 0.6, 2.0, "resting ionised calcium", F(ionised_calcium_mmol_L)},
    {"glucose_mmol_L", "mmol/L", 4.0, 30, "resting plasma glucose (below 4.0 is a hypoglycaemia, not a rest)", F(glucose_mmol_L)},
    {"sodium_mmol_L", "mmol/L", 110, 170, "resting plasma sodium", F(sodium_mmol_L)},
    {"magnesium_mmol_L", "mmol/L", 0.3, 2.0, "resting plasma magnesium", F(magnesium_mmol_L)},
    {"lactate_half_life_min", "min", 5, 300, "lactate half-life at resting liver flow", F(lactate_half_life_min)},
    {"hepatic_flow_share", "1", 0.1, 0.4, "the liver's share of systemic flow", F(hepatic_flow_share)},
    {"lactate_per_pump_drive", "1", 0, 20, "resting lactate production added per unit of Na/K pump drive above rest (beta-2 glycolysis)", F(lactate_per_pump_drive)},
    {"lactate_per_o2_deficit_mmol_mL", "mmol/mL", 0, 0.5, "lactate made per mL of O2 demand not met", F(lactate_per_o2_deficit_mmol_mL)},
    {"icf_potassium_mmol", "mmol", 500, 20000, "potassium in the cells", F(icf_potassium_mmol)},
    {"potassium_shift_tau_min", "min", 2, 240, "time constant of extracellular potassium's return after a shift", F(potassium_shift_tau_min)},
    {"potassium_cell_buffer_share", "1", 0.05, 0.95, "share of an acute potassium load the cells hold at equilibrium", F(potassium_cell_buffer_share)},
    {"potassium_ischaemic_pump_loss", "1", 0, 1, "share of the Na/K pump lost without aerobic metabolism", F(potassium_ischaemic_pump_loss)},
    {"potassium_acidosis_per_mmol", "1/(mmol/L)", 0, 0.1, "fall of potassium uptake (ln) per mmol/L of mineral base deficit", F(potassium_acidosis_per_mmol)},
    {"potassium_alkalosis_per_mmol", "1/(mmol/L)", 0, 0.1, "rise of potassium uptake (ln) per mmol/L of mineral base excess", F(potassium_alkalosis_per_mmol)},
    {"potassium_lysis_mmol_per_mL", "mmol/mL", 0, 0.1, "potassium released by injured cells per mL of O2 demand not met", F(potassium_lysis_mmol_per_mL)},
    {"renal_potassium_clearance_mL_min", "mL/min", 0, 200, "renal clearance of potassium above rest (0: renal failure)", F(renal_potassium_clearance_mL_min)},
    {"ionised_calcium_share", "1", 0.2, 1, "share of a calcium dose that stays ionised", F(ionised_calcium_share)},
    {"calcium_half_life_min", "min", 5, 600, "half-life of ionised calcium's return to rest", F(calcium_half_life_min)},
    {"magnesium_half_life_min", "min", 30, 3000, "half-life of magnesium's return to rest", F(magnesium_half_life_min)},
    {"glucose_uptake_mmol_min", "mmol/min", 0.1, 5, "whole-body glucose utilisation at rest", F(glucose_uptake_mmol_min)},
    {"glucose_counterregulation_per_mmol", "1/(mmol/L)", 0, 5, "rise of hepatic glucose output per mmol/L below rest (glucagon, catecholamines)", F(glucose_counterregulation_per_mmol)},
    {"calcium_membrane_mmol_per_mmol", "1", 0, 10, "potassium thresholds raised per mmol/L of ionised calcium above rest", F(calcium_membrane_mmol_per_mmol)},
    {"potassium_ecg_sensitivity", "1", 0.2, 3, "how strongly this patient's heart and ECG respond to potassium", F(potassium_ecg_sensitivity)},
    {"potassium_membrane_adaptation", "1", 0, 1, "share of a chronically raised potassium (above 4.2) the heart no longer feels", F(potassium_membrane_adaptation)},
    {"potassium_adaptation_tau_h", "h", 1, 1000, "time constant of that adaptation to the plasma potassium", F(potassium_adaptation_tau_h)},
    {"acidosis_threshold_ph", "1", 6.8, 7.4, "arterial pH below which acidosis weakens the heart", F(acidosis_threshold_ph)},
    {"acidosis_contractility_ph_scale", "1", 0.05, 10, "contractility x exp(-(threshold - pH) / scale) below the threshold", F(acidosis_contractility_ph_scale)},
    {"magnesium_vasodilation_lo_mmol_L", "mmol/L", 1, 10, "magnesium at which its vasodilation starts", F(magnesium_vasodilation_mmol_L[0])},
    {"magnesium_vasodilation_hi_mmol_L", "mmol/L", 1, 15, "and at which it is full", F(magnesium_vasodilation_mmol_L[1])},
    {"magnesium_vasodilation", "1", 0, 0.9, "share of the arteriolar tone a high magnesium takes", F(magnesium_vasodilation)},
    {"magnesium_nodal_lo_mmol_L", "mmol/L", 1, 10, "magnesium at which the sinus and AV nodes start to slow", F(magnesium_nodal_mmol_L[0])},
    {"magnesium_nodal_hi_mmol_L", "mmol/L", 1, 20, "and at which the AV node blocks", F(magnesium_nodal_mmol_L[1])},
    {"magnesium_respiratory_lo_mmol_L", "mmol/L", 1, 10, "magnesium at which breathing starts to fail", F(magnesium_respiratory_mmol_L[0])},
    {"magnesium_respiratory_hi_mmol_L", "mmol/L", 1, 20, "and at which it has stopped", F(magnesium_respiratory_mmol_L[1])},
    {"magnesium_calcium_antagonism", "1", 0, 20, "magnesium (mmol/L) that each mmol/L of ionised calcium above rest antagonises", F(magnesium_calcium_antagonism)},
    {"dialyser_k0a_mL_min", "mL/min", 100, 2000, "dialyser mass-transfer area coefficient for small solutes (potassium, bicarbonate)", F(dialyser_k0a_mL_min)},
    {"dialysate_flow_mL_min", "mL/min", 10, 1000, "dialysate flow (continuous renal replacement: ~35)", F(dialysate_flow_mL_min)},
    {"dialysate_sodium_mmol_L", "mmol/L", 120, 160, "dialysate sodium", F(dialysate_sodium_mmol_L)},
    {"dialysate_calcium_mmol_L", "mmol/L", 0, 2.5, "dialysate calcium", F(dialysate_calcium_mmol_L)},
    {"dialysate_magnesium_mmol_L", "mmol/L", 0, 2, "dialysate magnesium", F(dialysate_magnesium_mmol_L)},
    {"dialysate_glucose_mmol_L", "mmol/L", 0, 20, "dialysate glucose", F(dialysate_glucose_mmol_L)},
    {"glucose_output_insulin_suppression", "1", 0, 10, "hepatic glucose output x exp(-k x (insulin's uptake scale - 1))", F(glucose_output_insulin_suppression)},
    {"potassium_sinus_lo_mmol_L", "mmol/L", 4, 15, "potassium (as the membrane feels it) at which the sinus node starts to slow", F(potassium_sinus_mmol_L[0])},
    {"potassium_sinus_hi_mmol_L", "mmol/L", 4, 20, "and at which its slowing is full", F(potassium_sinus_mmol_L[1])},
    {"potassium_sinus_slowing", "1", 0, 0.9, "share of the sinus rate hyperkalaemia takes away at full slowing", F(potassium_sinus_slowing)},
    {"anion_gap_mmol_L", "mmol/L", 3, 25, "resting anion gap (Na - Cl - HCO3)", F(anion_gap_mmol_L)},
    {"anion_gap_albumin_mmol_L", "mmol/L", 0, 20, "albumin's share of the resting anion gap", F(anion_gap_albumin_mmol_L)},
};
#undef F

}  // namespace

std::span<const ParamSpec<ChemParams>> param_table() { return kTable; }

}  // namespace resus::chem
