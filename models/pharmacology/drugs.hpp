// The pharmacy: one row of data per drug (its preparation, units, pharmacokinetics and the targets
// it acts on), the routes a dose can take, and the targets with the effect channels each moves.
// Sources and the status of each number (measured, fitted, guessed) are in README.md.
#pragma once

#include <array>
#include <cstdint>

namespace resus::pharm {

// Append-only: values are the `drug` field of the drug and infusion actions.
enum class Drug : int32_t {
  kEpinephrine = 0,
  kNorepinephrine,
  kVasopressin,
  kAmiodarone,
  kLidocaine,
  kAtropine,
  kAdenosine,
  kNaloxone,
  kMorphine,
  kFentanyl,
  kDobutamine,
  // Drugs of the blood's chemistry (issue 11). The solutes among them travel from their site of
  // injection like any drug; once in the central veins models/chemistry takes them on.
  kInsulin,
  kSalbutamol,
  kSodiumBicarbonate,
  kCalciumChloride,
  kCalciumGluconate,
  kPotassiumChloride,
  kDextrose,
  kMagnesiumSulfate,
  // The causes' drugs (issue 12).
  kAlteplase,
  // The toxins (issue 12) and their antidotes (issue 10).
  kGlucagon,
  kAmitriptyline,
  kPropranolol,
  kVerapamil,
  kHypertonicSaline,  // a solute: sodium for the tricyclic's sodium-channel block
  kNumDrugs
};
constexpr int kNumDrugs = static_cast<int>(Drug::kNumDrugs);
constexpr const char* kDrugNames[] = {"epinephrine", "norepinephrine", "vasopressin", "amiodarone",
                                      "lidocaine",   "atropine",       "adenosine",   "naloxone",
                                      "morphine",    "fentanyl",       "dobutamine",
                                      "insulin",     "salbutamol",     "sodium_bicarbonate",
                                      "calcium_chloride", "calcium_gluconate",
                                      "potassium_chloride", "dextrose", "magnesium_sulfate",
                                      "alteplase", "glucagon", "amitriptyline", "propranolol",
                                      "verapamil", "hypertonic_saline"};
static_assert(sizeof(kDrugNames) / sizeof(kDrugNames[0]) == kNumDrugs);

// Where a dose enters. Append-only.
enum class Route : int32_t {
  kPeripheralIv = 0,  // antecubital vein
  kCentralIv,         // superior vena cava
  kIoHumeral,
  kIoTibial,
  kIoSternal,
  kTracheal,
  kNebulised,
  kIntramuscular,
  kOral,
  kNumRoutes
};
constexpr int kNumRoutes = static_cast<int>(Route::kNumRoutes);
constexpr const char* kRouteNames[] = {"peripheral_iv", "central_iv", "io_humeral",
                                       "io_tibial",     "io_sternal", "tracheal",
                                       "nebulised",     "intramuscular", "oral"};
static_assert(sizeof(kRouteNames) / sizeof(kRouteNames[0]) == kNumRoutes);

// A bolus's unit; "default" is the drug's own (its row's default_unit).
enum class DoseUnit : int32_t { kDefault = 0, kMg, kUg, kMmol, kUnits, kMgPerKg, kMl, kNumUnits };
constexpr const char* kDoseUnitNames[] = {"default", "mg", "ug", "mmol", "units", "mg_kg", "mL"};
static_assert(sizeof(kDoseUnitNames) / sizeof(kDoseUnitNames[0]) ==
              static_cast<int>(DoseUnit::kNumUnits));

// An infusion's unit.
// (No mL/h: an infusion's dilution is the pharmacy's, not the bolus preparation's.)
enum class RateUnit : int32_t {
  kUgPerKgMin = 0, kUgPerMin, kMgPerMin, kMgPerHour, kUnitsPerMin, kUnitsPerHour, kMmolPerHour,
  kNumUnits
};
constexpr const char* kRateUnitNames[] = {"ug_kg_min", "ug_min", "mg_min", "mg_h", "units_min",
                                          "units_h", "mmol_h"};
static_assert(sizeof(kRateUnitNames) / sizeof(kRateUnitNames[0]) ==
              static_cast<int>(RateUnit::kNumUnits));

// What drugs act on. Agonists at one target add as concentrations relative to their EC50
// (Loewe additivity); antagonists (naloxone at mu, propranolol at beta, amitriptyline at alpha-1)
// compete, dividing the agonists' drive by 1 + the sum of their concentrations over their Ki.
enum Target : int {
  kAlpha1 = 0,        // vascular smooth muscle: constriction
  kBeta1,             // heart: inotropy, chronotropy, dromotropy, automaticity
  kBeta2,             // vascular smooth muscle: dilation
  kV1,                // vasopressin V1a: constriction
  kMuscarinicBlock,   // atropine: the vagus's hold on the SA and AV nodes
  kAdenosineA1,       // AV-node block, sinus slowing
  kClassIII,          // amiodarone: repolarisation, refractoriness; its excipient's hypotension
  kSodiumChannel,     // lidocaine (class Ib)
  kSodiumToxicity,    // local-anaesthetic toxicity: conduction and contractility depressed
  kMuOpioid,          // respiratory depression
  kInsulinReceptor,   // glucose uptake, the Na/K pump
  kFibrinolysis,      // plasminogen activation: clots lyse
  kCalciumChannel,    // L-type calcium-channel block (verapamil): nodes, contraction, arterioles
  kGlucagonReceptor,  // cAMP without the beta receptor: the beta-blocker's antidote
  kNumTargets
};
constexpr const char* kTargetNames[] = {"alpha1", "beta1", "beta2", "v1", "muscarinic_block",
                                        "adenosine_a1", "class_iii", "sodium_channel",
                                        "sodium_toxicity", "mu_opioid", "insulin", "fibrinolysis",
                                        "calcium_channel", "glucagon"};
static_assert(sizeof(kTargetNames) / sizeof(kTargetNames[0]) == kNumTargets);

struct DrugSpec {
  const char* name;
  const char* preparation;     // the standard preparation, for `resus info` and the mL unit
  double prep_mg_per_mL;
  double molar_mass_g_mol;     // 0: mmol is not a unit of this drug
  double mg_per_unit;          // 0: units are not a unit of this drug
  double default_dose;         // in default_unit: the usual adult ACLS dose
  DoseUnit default_unit;
  double max_dose_mg;          // more than a syringe could hold: refused (overdoses are not)
  double max_rate_mg_min;      // the same for an infusion
  // Pharmacokinetics.
  double kp_fast;              // tissue:blood partition, brain, heart and splanchnic organs
  double kp_slow;              // tissue:blood partition, muscle, skin, fat and bone
  double systemic_extraction;  // resting extraction in every systemic bed (catecholamines)
  double splanchnic_extraction;  // resting extraction of the splanchnic organs (liver, kidney)
  double blood_half_life_s;    // breakdown in blood itself (adenosine: red cells); 0: none
  double ke0_per_min;          // plasma to effect site
  double absorbed_tracheal;    // share of a tracheal dose that reaches the blood
  double absorbed_oral;        // share of an oral dose past the gut wall and liver
  double clearance_per_C;      // fractional fall of metabolic clearance per degree below 37 C
  // Pharmacodynamics: EC50 at each target where the drug is an agonist, ng/mL (0: no action).
  std::array<double, kNumTargets> ec50_ng_mL;
  // 1: a solute of the blood's chemistry (bicarbonate, calcium, potassium, glucose, magnesium,
  // sodium): it leaves this model's transport where it reaches the central veins
  // (DrugState::delivered_ug).
  int32_t solute = 0;
  // Ki at each target where the drug is a competitive antagonist, ng/mL (0: none).
  std::array<double, kNumTargets> ki_ng_mL = {};
  // The drug's oral absorption relative to the patient's rate (oral_absorption_per_min): slower
  // for a tricyclic, whose anticholinergic action slows the gut that absorbs it.
  double oral_absorption_scale = 1.0;
  // The brain's extraction at resting flow where the blood-brain barrier keeps the drug out of
  // the tissue that would clear it (catecholamines); < 0: the systemic extraction, as elsewhere.
  double brain_extraction = -1.0;
};

// Rows in Drug order.
const DrugSpec& drug_spec(Drug d);

// What the drugs change, as factors (1: none) except the offsets (QT in ms, clot lysis per hour,
// the shares of beta-1, alpha-1 and fast sodium channels blocked). The
// engine's stage maps each to its effect channel on the bus.
enum Channel : int {
  kSystemicResistance = 0, kVenousUnstressedVolume, kPulmonaryResistance, kCoronaryResistance,
  kLvContractility, kRvContractility, kChronotropy, kVagalEffect, kAvConduction, kAutomaticity,
  kVfHazard, kRefibrillationHazard, kDefibrillationThreshold, kRespiratoryDrive, kMetabolicRate,
  kPotassiumUptake, kGlucoseUptake,
  kNumScaleChannels,
  kQt_ms = kNumScaleChannels,  // offsets from here
  kThrombolysis_per_h,         // fractional clot lysis per hour
  kBeta1Blockade,              // share of beta-1 receptors an antagonist holds (0..1)
  kAlpha1Blockade,             // the same at alpha-1
  kSodiumChannelBlock,         // share of the fast sodium current blocked (0..1): QRS widens
  kPupilConstriction,          // share by which the pupils narrow (0..1): miosis
  kNumChannels
};

// A target's effect on one channel: factor 1 + emax * occupancy (a scale), or emax * occupancy
// added (the offset).
struct TargetEffect {
  Channel channel;
  double emax;
};
struct TargetSpec {
  double hill;
  const TargetEffect* effects;
  int count;
};
const TargetSpec& target_spec(int target);

// Conversions: a dose or a rate in a unit, to ug and ug/s; NaN when the unit is not one of the
// drug's.
double dose_ug(Drug d, double amount, DoseUnit u, double body_mass_kg);
double rate_ug_s(Drug d, double amount, RateUnit u, double body_mass_kg);

}  // namespace resus::pharm
