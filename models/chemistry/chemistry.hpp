// Blood chemistry: acid-base as a buffer base that lactate and acids lower and bicarbonate
// raises, lactate from each tick's oxygen deficit cleared by the liver's flow, potassium in the
// extracellular fluid and the cells (the Na/K pump moved by beta-2 agonists, insulin, pH and
// ischaemia; the kidneys over hours), ionised calcium, glucose, sodium and magnesium. The
// solutes ride models/blood's pools (arterial, mixed venous, tissue) as linear species: this model
// says how big each one's tissue compartment is and what enters or leaves it; the blood carries
// them by the circulation's flows. physiology.md A.6, B.1, B.3, B.4; als-next.md 2.
// Pure: no heap, no I/O, no exceptions; the state is one trivially copyable struct.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <type_traits>

#include "models/blood/blood.hpp"
#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"

namespace resus::chem {

// The solutes, as species of the blood's pools (concentrations in mmol/L).
enum Solute : int {
  kBufferBase = blood::kBufferBase,  // 48 + base excess
  kLactate,
  kPotassium,
  kCalcium,    // ionised
  kGlucose,
  kSodium,
  kMagnesium,
  kEndSolutes
};
constexpr int kNumSpecies = kEndSolutes;  // blood species in use: O2, CO2, then the solutes
static_assert(kNumSpecies <= blood::kMaxSpecies);

// What a dose of an infusate brings per mmol of its salt (or of glucose). Append-only.
enum class Infusate : int32_t {
  kSodiumBicarbonate = 0,
  kCalciumChloride,
  kCalciumGluconate,
  kPotassiumChloride,
  kGlucose,
  kMagnesiumSulfate,
  kSodiumChloride,
  kNumInfusates
};
constexpr int kNumInfusates = static_cast<int>(Infusate::kNumInfusates);

// The conditions this model runs (the `condition` action). Append-only.
enum class Condition : int32_t {
  kHyperkalaemia = 0,  // a potassium intake (renal failure, a potassium infusion)
  kHypokalaemia,       // a potassium loss (gut, kidney)
  kAcidLoad,           // a strong acid into the blood (a mineral acidosis)
  kNumConditions
};
constexpr int kNumConditions = static_cast<int>(Condition::kNumConditions);
constexpr const char* kConditionNames[] = {"hyperkalaemia", "hypokalaemia", "acid_load"};
static_assert(sizeof(kConditionNames) / sizeof(kConditionNames[0]) == kNumConditions);

struct ChemParams {
  double body_mass_kg;
  // Distribution: the tissue compartment of each solute is its volume less the blood's.
  double buffer_volume_L_kg;        // apparent volume of fixed-acid buffering [M 0.5, A.6]
  double ecf_volume_L_kg;           // extracellular fluid [M 0.2]
  double body_water_L_kg;           // sodium's: water follows it out of the cells [M 0.6]
  // Resting plasma values (a patient's own: a renal patient may rest at a higher potassium).
  double base_excess_mmol_L;        // [M -2..2]
  double lactate_mmol_L;            // [M < 2]
  double potassium_mmol_L;          // [M 3.5-5.0]
  double ionised_calcium_mmol_L;    // [M 1.1-1.3]
  double glucose_mmol_L;            // [M 4-7]
  double sodium_mmol_L;             // [M 135-145]
  double magnesium_mmol_L;          // [M 0.7-1.0]
  // Lactate.
  double lactate_half_life_min;     // at resting hepatic flow [U 20-60, A.6]
  double hepatic_flow_share;        // of systemic flow [M 0.25]
  double lactate_per_o2_deficit_mmol_mL;  // [F] A.6 4-8 mmol/L after 10-15 min of CPR
  double lactate_per_pump_drive;    // resting production added per unit of Na/K pump drive above
                                    // rest (beta-2 aerobic glycolysis)
  // Potassium.
  double icf_potassium_mmol;        // [M 3500 at 70 kg]
  double potassium_shift_tau_min;   // ECF potassium's return after a shift [U 20]
  double potassium_cell_buffer_share;  // of an acute load the cells hold at equilibrium [U 0.6]
  double potassium_ischaemic_pump_loss;  // share of pump lost with no aerobic metabolism [U]
  double potassium_lysis_mmol_per_mL;    // released by injured cells per mL of O2 deficit [U]
  double potassium_acidosis_per_mmol;    // ln-factor of the pump per mmol/L mineral base deficit
  double potassium_alkalosis_per_mmol;   // the same per mmol/L mineral base excess
  double renal_potassium_clearance_mL_min;  // of potassium above rest [M ~100 mmol/day]
  // Calcium, magnesium, sodium: the return to their resting values.
  double ionised_calcium_share;     // of a calcium dose that stays ionised [M ~0.5]
  double calcium_half_life_min;     // [U 30-60, B.3 row 51]
  double magnesium_half_life_min;   // renal [U 240]
  // Glucose.
  double glucose_uptake_mmol_min;   // whole-body utilisation at rest [M 2 mg/kg/min]
  double glucose_counterregulation_per_mmol;  // hepatic output's rise per mmol/L below rest [U]
  // The liver's output x exp(-k x (insulin's uptake scale - 1)): the liver is the more sensitive
  // to insulin (Rizza 1981) [F].
  double glucose_output_insulin_suppression;
  // Hyperkalaemia slows the sinus node: its rate x (1 - slowing x a smooth step of the potassium
  // the membrane feels, between the two levels, mmol/L) [U; README].
  double potassium_sinus_mmol_L[2];
  double potassium_sinus_slowing;
  // The anion gap (Na - Cl - HCO3) as its unmeasured anions: the resting gap, less albumin's
  // share of it as the plasma's protein is diluted, plus the lactate above rest.
  double anion_gap_mmol_L;          // [M 12 +- 4]
  double anion_gap_albumin_mmol_L;  // albumin's share at a normal plasma protein [M]
  // The membrane: what calcium and a patient's own sensitivity do to potassium's effects.
  double calcium_membrane_mmol_per_mmol;  // K thresholds raised per mmol/L of iCa above rest [U]
  double potassium_ecg_sensitivity;       // 1: average; log-normal among patients (als-next 2.3)
  // A membrane that has lived with a raised potassium feels less of it (row 62: a rapid rise is
  // more dangerous than a chronic level): this share of the level it has adapted to above normal,
  // which follows the plasma potassium with this time constant, comes off what it feels.
  double potassium_membrane_adaptation;   // [U 0.5]
  double potassium_adaptation_tau_h;      // [U 48]
  // Acidosis and the heart: below the threshold pH contractility falls as exp(-(pH_t - pH)/scale)
  // (protons compete with calcium at the myofilaments).
  double acidosis_threshold_ph;           // [M 7.20]
  double acidosis_contractility_ph_scale;  // [U 0.6: -28% at pH 7.0]
  // Hypermagnesaemia (each effect ramps smoothly between its two plasma levels, mmol/L): the
  // vessels dilate, the sinus and AV nodes slow and then block, breathing fails (neuromuscular
  // block). Calcium antagonises it: so many mmol/L of magnesium per mmol/L of ionised calcium
  // above rest do not act.
  double magnesium_vasodilation_mmol_L[2];   // [M 2.5-5: hypotension]
  double magnesium_vasodilation;             // share of the arteriolar tone lost [U 0.35]
  double magnesium_nodal_mmol_L[2];          // [M 3-7.5: bradycardia, PR, then complete block]
  double magnesium_respiratory_mmol_L[2];    // [M 4-7: reflexes gone, then apnoea]
  double magnesium_calcium_antagonism;       // [U 4]
  // Haemodialysis: the dialyser and the bath (the `dialysis` action sets blood flow, bath
  // potassium and bicarbonate).
  double dialyser_k0a_mL_min;             // mass-transfer area coefficient of small solutes
  double dialysate_flow_mL_min;           // [M 500]
  double dialysate_sodium_mmol_L, dialysate_calcium_mmol_L, dialysate_magnesium_mmol_L,
      dialysate_glucose_mmol_L;            // the bath's other solutes [M]
};

ChemParams default_chem_params(double body_mass_kg);
std::span<const ParamSpec<ChemParams>> param_table();

// What a tick of chemistry reads.
struct ChemInputs {
  double dt_s;
  double systemic_flow_mL;          // blood into the tissue beds over the tick
  // The blood's pools as its last tick left them: contents of arterial and mixed venous blood,
  // amounts in the tissue; the tissue's O2 uptake and unmet demand.
  blood::Amounts arterial, venous, tissue;
  double vo2_mL_s, o2_deficit_mL_s;
  double potassium_uptake_scale;    // the Na/K pump's drive from drugs and hormones (1: rest)
  double glucose_uptake_scale;      // insulin's (1: rest)
  std::array<double, kNumInfusates> delivered_mmol;  // reached the central veins this tick
  double hematocrit;                // of the blood a dialyser draws (its plasma carries the solutes)
};

// Derived outputs; always finite.
struct ChemReadout {
  double base_excess_mmol_L, lactate_mmol_L, lactate_venous_mmol_L, potassium_mmol_L,
      ionised_calcium_mmol_L, glucose_mmol_L, sodium_mmol_L, magnesium_mmol_L;
  double tissue_lactate_mmol_L, tissue_potassium_mmol_L;
  double membrane_stability_mmol_L;  // raises the potassium thresholds of the ECG and of arrest
};

struct ChemState {
  double icf_potassium_mmol;       // in the cells
  double icf_reference_mmol;       // what the living cells hold at rest (lysis lowers it)
  double adapted_potassium_mmol_L; // the plasma potassium the membrane has adapted to
  double rest_systemic_flow_mL_s;  // what the liver's and kidneys' flows refer to
  double mean_systemic_flow_mL_s;  // low-passed (30 s): organs clear on their mean flow
  // Running conditions: potassium in (+) or out (-), acid in at a rate until the amount is given.
  double potassium_intake_mmol_s;
  double acid_rate_mmol_s, acid_left_mmol;
  // Haemodialysis: the blood pump's flow (0: off) and the bath's potassium and bicarbonate.
  double dialysis_blood_flow_mL_s;
  double dialysate_potassium_mmol_L, dialysate_bicarbonate_mmol_L;
  // Totals, for conservation checks and the host.
  double potassium_in_mmol, potassium_excreted_mmol, acid_given_mmol, base_given_mmol;
  double lactate_made_mmol, lactate_cleared_mmol;
  // Taken out of the blood by dialysis (negative: put in; the base comes in from the bath).
  double potassium_dialysed_mmol, base_dialysed_mmol, lactate_dialysed_mmol;
  ChemReadout out;
};
static_assert(std::is_trivially_copyable_v<ChemState>);

// The blood's pools at rest: every solute at its resting value in every pool and tissue (call on
// a blood state from blood::initial_state; it sets the species in use).
void fill_resting_pools(const ChemParams& p, blood::BloodState& pools);
ChemState initial_state(const ChemParams& p, const blood::BloodState& pools,
                        double rest_systemic_flow_mL_s);

// Makes the state as it stands the resting reference: the mean flow is the resting flow, and every
// solute is at its resting value again (call at the end of settling).
void set_rest(const ChemParams& p, blood::BloodState& pools, ChemState& s);

// One tick: what the blood's next transport should carry for each solute (tissue volumes, tissue
// and venous sources, bicarbonate's CO2), and the cells' potassium.
void tick(const ChemParams& p, const ChemInputs& in, ChemState& s, blood::BloodInputs& out) noexcept;

// The readout from the pools' contents (arterial, venous) and tissue amounts as they are now.
void read(const ChemParams& p, const blood::Amounts& arterial, const blood::Amounts& venous,
          const blood::Amounts& tissue, ChemState& s) noexcept;

// The tissue compartment's volume of each solute, mL: its distribution volume less the blood's
// 70 mL/kg.
double tissue_volume_mL(const ChemParams& p, int solute);
// Everything of a solute in the body's extracellular pools (and the cells, for potassium), mmol.
double solute_in_body_mmol(const blood::BloodState& pools, const ChemState& s, int solute,
                           double arterial_mL, double venous_mL);

// Starts or stops a condition (rate in mmol/h; amount in mmol for the acid load, 0: until
// stopped).
void start_condition(Condition c, double rate_mmol_h, double amount_mmol, ChemState& s) noexcept;
void stop_condition(Condition c, ChemState& s) noexcept;

// Haemodialysis from a central venous catheter: blood through the dialyser at blood_flow_mL_min
// (0 stops it) against a bath of the given potassium and bicarbonate.
void set_dialysis(double blood_flow_mL_min, double potassium_mmol_L, double bicarbonate_mmol_L,
                  ChemState& s) noexcept;

// The dialyser's clearance of a small solute from plasma flowing at plasma_mL_min, counter-current
// to the bath (Michaels 1966), in mL/min.
double dialyser_clearance_mL_min(double k0a_mL_min, double plasma_mL_min,
                                 double dialysate_mL_min) noexcept;

void check_state(const ChemState& s, StateCheck& c);

// The factor an arterial pH puts on the ventricles' contractility: 1 down to the threshold.
double acidosis_contractility(const ChemParams& p, double arterial_ph);
// The anion gap (mmol/L) at an arterial lactate and a plasma protein concentration (/ normal).
double anion_gap(const ChemParams& p, double lactate_mmol_L, double plasma_protein_ratio);

// What a raised plasma magnesium does, as factors on the effect channels (1 at normal levels).
struct MagnesiumEffects {
  double systemic_resistance;
  double chronotropy;     // the sinus rate
  double av_conduction;   // below 0.1 the AV node blocks
  double respiratory_drive;
};
MagnesiumEffects magnesium_effects(const ChemParams& p, double magnesium_mmol_L,
                                   double ionised_calcium_mmol_L);
// The sinus rate's factor at the potassium the membrane feels (plasma potassium less the
// membrane-stability channel: calcium and adaptation hold it off).
double potassium_chronotropy(const ChemParams& p, double felt_potassium_mmol_L);

}  // namespace resus::chem
