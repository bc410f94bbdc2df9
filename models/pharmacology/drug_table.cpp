// The drug rows and the targets' effects. Every number's source and status is in README.md
// ("The drugs", "The targets"); [M] measured or standard, [F] fitted the van Meurs way (time to
// peak effect and dose-response), [U] a guess with its reasoning.
#include <cstddef>

#include "models/pharmacology/drugs.hpp"

namespace resus::pharm {
namespace {

constexpr double kNone = 0.0;
using U = DoseUnit;
// Catecholamines barely cross the blood-brain barrier: a brain uptake index of 2.7-4.5% for
// noradrenaline against a freely diffusible tracer (Hardebo 1977, Acta Physiol Scand 101:342,
// Oldendorf's single-pass method), so the brain clears little of what it is perfused with.
constexpr double kBarrier = 0.04;

// EC50s in target order: alpha1, beta1, beta2, V1, muscarinic block, A1, class III, sodium
// channel, sodium toxicity, mu, insulin, fibrinolysis, calcium channel, glucagon; then, after the
// solute flag, the Ki of an antagonist in the same order.
constexpr DrugSpec kDrugs[] = {
    // name, preparation, mg/mL, g/mol, mg/unit, dose, unit, max mg, max mg/min,
    // kp fast, kp slow, E systemic, E splanchnic, blood t1/2 s, ke0 /min, F tracheal, F oral,
    // clearance per C, EC50s; then, where they differ from the defaults, the solute flag, the
    // antagonist Ki, the oral absorption scale and the brain's extraction
    {"epinephrine", "1 mg in 10 mL (1:10,000)", 0.1, 183.2, kNone, 1, U::kMg, 100, 1,
     0.4, 0.1, 0.6, 0.0, 0, 1.5, 0.3, 0.01, 0.05,
     {20, 1.0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0}, 0, {}, 1.0, kBarrier},
    {"norepinephrine", "4 mg in 50 mL (80 ug/mL)", 0.08, 169.2, kNone, 4, U::kUg, 100, 1,
     0.5, 0.15, 0.45, 0.0, 0, 1.5, 0.3, 0.01, 0.05,
     {15, 30.0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, {}, 1.0, kBarrier},
    {"vasopressin", "40 units in 2 mL (20 units/mL)", 0.05, 1084.2, 0.0025, 40, U::kUnits, 10,
     0.01, 0.35, 0.1, 0.0, 0.2, 0, 1.0, 0.3, 0.0, 0.05,
     {0, 0, 0, 0.3, 0, 0, 0, 0, 0, 0, 0}},
    {"amiodarone", "300 mg in 10 mL (30 mg/mL)", 30, 645.3, kNone, 300, U::kMg, 5000, 50,
     50, 80, 0.0, 0.08, 0, 0.3, 0.1, 0.5, 0.07,
     {0, 0, 0, 0, 0, 0, 1500, 0, 0, 0, 0}},
    {"lidocaine", "100 mg in 10 mL (1%)", 10, 234.3, kNone, 1.5, U::kMgPerKg, 5000, 50,
     3, 1.2, 0.0, 0.7, 0, 0.5, 0.3, 0.35, 0.07,
     {0, 0, 0, 0, 0, 0, 0, 2500, 8000, 0, 0}},
    {"atropine", "1 mg in 10 mL (0.1 mg/mL)", 0.1, 289.4, kNone, 1, U::kMg, 100, 1,
     4, 3.3, 0.0, 0.4, 0, 0.5, 0.3, 0.9, 0.05,
     {0, 0, 0, 0, 3.0, 0, 0, 0, 0, 0, 0}},
    {"adenosine", "6 mg in 2 mL (3 mg/mL)", 3, 267.2, kNone, 6, U::kMg, 500, 50,
     0.1, 0.1, 0.0, 0.0, 6, 30, 0.0, 0.0, 0.0,
     {0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0}},
    {"naloxone", "0.4 mg in 1 mL", 0.4, 327.4, kNone, 0.4, U::kMg, 100, 1,
     3, 2.5, 0.1, 0.8, 0, 0.5, 0.3, 0.02, 0.07,
     {}, 0, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5}},
    {"morphine", "10 mg in 1 mL", 10, 285.3, kNone, 10, U::kMg, 5000, 50,
     4, 3.5, 0.0, 0.7, 0, 0.03, 0.3, 0.3, 0.07,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0}},
    {"fentanyl", "100 ug in 2 mL (50 ug/mL)", 0.05, 336.5, kNone, 100, U::kUg, 100, 1,
     4, 4.5, 0.0, 0.4, 0, 0.147, 0.3, 0.3, 0.07,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.9, 0}},
    {"dobutamine", "250 mg in 250 mL (1 mg/mL)", 1, 301.4, kNone, 0.25, U::kMg, 2000, 5,
     0.5, 0.15, 0.75, 0.0, 0, 1.0, 0.3, 0.01, 0.05,
     {1500, 150, 500, 0, 0, 0, 0, 0, 0, 0, 0}, 0, {}, 1.0, kBarrier},
    // Regular insulin: 1 unit = 34.7 ug (6 nmol). Hepatic and renal extraction give a plasma
    // t1/2 of minutes; the slow ke0 is interstitial insulin's lag (effect peaks at 30-60 min).
    {"insulin", "100 units in 1 mL (regular)", 3.47, 5808, 0.0347, 10, U::kUnits, 3.47, 0.1,
     0.1, 0.1, 0.15, 0.6, 0, 0.05, 0.0, 0.0, 0.05,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3.5}},
    // Salbutamol (albuterol): nebulised 10-20 mg for hyperkalaemia (Allon 1989), a beta-2
    // agonist with a little beta-1; t1/2 4-6 h, Vd ~2 L/kg.
    {"salbutamol", "5 mg in 2.5 mL nebule (2 mg/mL)", 2, 239.3, kNone, 10, U::kMg, 100, 1,
     2.5, 2.0, 0.0, 0.1, 0, 0.2, 0.1, 0.5, 0.05,
     {0, 60, 3, 0, 0, 0, 0, 0, 0, 0, 0}},
    // Solutes: the chemistry takes them on in the central veins (models/chemistry README).
    {"sodium_bicarbonate", "50 mmol in 50 mL (8.4%)", 84, 84.01, kNone, 50, U::kMmol, 42000, 840,
     0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
    {"calcium_chloride", "1 g in 10 mL (10%, 6.8 mmol)", 100, 147.0, kNone, 10, U::kMl, 10000,
     1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
    {"calcium_gluconate", "1 g in 10 mL (10%, 2.2 mmol)", 100, 448.4, kNone, 30, U::kMl, 30000,
     3000, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
    {"potassium_chloride", "20 mmol in 10 mL (15%)", 149.1, 74.55, kNone, 20, U::kMmol, 15000,
     1500, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
    {"dextrose", "25 g in 50 mL (50%)", 500, 180.16, kNone, 50, U::kMl, 200000, 20000,
     0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
    {"magnesium_sulfate", "2 g in 4 mL (50%, 8 mmol)", 500, 246.47, kNone, 2000, U::kMg, 20000,
     2000, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
    // Alteplase (rt-PA): 50 mg bolus in arrest from PE (ERC 2021), 100 mg over 2 h otherwise.
    // Plasma-confined (Vd ~0.1 L/kg), hepatic clearance 550-680 mL/min: t1/2 4-6 min (label).
    {"alteplase", "50 mg in 50 mL (1 mg/mL)", 1, 0, kNone, 50, U::kMg, 250, 5,
     0.1, 0.1, 0.0, 0.4, 0, 1.0, 0.0, 0.0, 0.05,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000}},
    // Glucagon: 3-10 mg (50-150 ug/kg) then 2-10 mg/h for beta-blocker and calcium-channel
    // blocker poisoning. Vd ~0.25 L/kg, t1/2 8-18 min, hepatic and renal; its inotropy and
    // chronotropy bypass the beta receptor and last 10-20 min after a bolus.
    {"glucagon", "1 mg vial in 1 mL", 1, 3485, 1.0, 5, U::kMg, 100, 5,
     0.25, 0.25, 0.1, 0.7, 0, 0.5, 0.0, 0.0, 0.05,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50}},
    // Amitriptyline: toxic above 10 mg/kg, 2.5 g a severe overdose. Vd ~15 L/kg, F 0.3-0.6,
    // t1/2 ~20 h, hepatic (CYP2D6, 2C19); peak 2-6 h after an overdose (absorption x 0.15). Plasma levels (with nortriptyline) above 1000 ng/mL go
    // with QRS > 100 ms (Boehnert and Lovejoy 1985). Sodium-channel block, muscarinic block,
    // alpha-1 antagonism. The mL unit is the former 10 mg/mL intramuscular injection.
    {"amitriptyline", "25 mg tablet (10 mg/mL injection for the mL unit)", 10, 277.4, kNone, 25,
     U::kMg, 50000, 100,
     15, 20, 0.0, 0.4, 0, 0.2, 0.0, 0.45, 0.07,
     {0, 0, 0, 0, 300, 0, 0, 0, 2000, 0, 0, 0, 0, 0}, 0,
     {300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.15},
    // Propranolol: 1 mg IV slowly; overdoses above 1 g. Vd ~4 L/kg, F ~0.25, t1/2 3-6 h,
    // high hepatic extraction, peak at 1-2 h. Competitive at beta-1 and beta-2 (exercise tachycardia halved
    // at ~10 ng/mL); membrane-stabilising (sodium-channel block) at the levels of severe
    // overdose (2-8 ug/mL).
    {"propranolol", "1 mg in 1 mL", 1, 259.3, kNone, 1, U::kMg, 20000, 100,
     5, 5.5, 0.0, 0.6, 0, 0.5, 0.0, 0.25, 0.07,
     {0, 0, 0, 0, 0, 0, 0, 0, 4000, 0, 0, 0, 0, 0}, 0,
     {0, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.6},
    // Verapamil: 2.5-5 mg IV for SVT; overdoses above 1-2 g (often sustained-release). Vd 3-5
    // L/kg, F ~0.2, t1/2 3-7 h, high hepatic extraction, peak at 1-2 h. Therapeutic 50-250 ng/mL (PR +10-20%).
    {"verapamil", "5 mg in 2 mL (2.5 mg/mL)", 2.5, 454.6, kNone, 5, U::kMg, 30000, 100,
     5, 6, 0.0, 0.7, 0, 0.3, 0.0, 0.2, 0.07,
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 600, 0}, 0, {}, 0.6},
    // Hypertonic saline 3% (513 mmol/L): sodium for a sodium-channel blocker's QRS (McCabe 1998).
    {"hypertonic_saline", "3% sodium chloride (0.51 mmol/mL)", 30, 58.44, kNone, 250, U::kMl,
     200000, 20000, 0, 0, 0, 0, 0, 0, 0, 0, 0, {}, 1},
};
static_assert(sizeof(kDrugs) / sizeof(kDrugs[0]) == kNumDrugs);

// Target effects. Factors are 1 + emax x occupancy; emax > -1 keeps every factor positive.
// No coronary constriction: in CPR the drug raises myocardial flow (Lindner 1992: 52 -> 118
// mL/min/100 g; Holmes and Babbs: 25 -> 79 mL/min), an ischaemic bed dilated past what alpha-1
// tone can close (README, "Epinephrine and the PEA threshold").
constexpr TargetEffect kAlpha1Effects[] = {{kSystemicResistance, 2.0},
                                           {kVenousUnstressedVolume, -0.25},
                                           {kPulmonaryResistance, 0.3}};
constexpr TargetEffect kBeta1Effects[] = {
    {kLvContractility, 0.8}, {kRvContractility, 0.8}, {kChronotropy, 0.8},
    {kAvConduction, 0.5},    {kAutomaticity, 1.0},    {kVfHazard, 1.0},
    {kRefibrillationHazard, 0.5}, {kMetabolicRate, 0.25}};
// Beta-2 also drives the Na/K pump: an epinephrine infusion at stress levels lowers plasma
// potassium by ~0.8 mmol/L (Brown 1983, NEJM 309:1414) [F].
constexpr TargetEffect kBeta2Effects[] = {{kSystemicResistance, -0.35}, {kPotassiumUptake, 0.6}};
constexpr TargetEffect kV1Effects[] = {{kSystemicResistance, 1.5}};
// Blocking the vagus also lifts its resting hold on the sinus node: the intrinsic rate is about
// 1.4 times the resting rate (Jose and Collison 1970: 118 - 0.57 x age /min).
constexpr TargetEffect kMuscarinicEffects[] = {{kVagalEffect, -0.95}, {kChronotropy, 0.4}};
constexpr TargetEffect kA1Effects[] = {{kAvConduction, -0.97}, {kChronotropy, -0.4}};
constexpr TargetEffect kClassIIIEffects[] = {
    {kRefibrillationHazard, -0.35}, {kVfHazard, -0.15},       {kDefibrillationThreshold, -0.1},
    {kAvConduction, -0.3},         {kChronotropy, -0.15},     {kSystemicResistance, -0.25},
    {kLvContractility, -0.1},      {kQt_ms, 60.0}};
constexpr TargetEffect kSodiumEffects[] = {{kRefibrillationHazard, -0.25},
                                           {kVfHazard, -0.1},
                                           {kDefibrillationThreshold, 0.25},
                                           {kAutomaticity, -0.3}};
// Toxic sodium-channel block: the QRS widens with the share of current blocked (the ECG and the
// heart's arrhythmia hazard read it), conduction and contraction fail.
constexpr TargetEffect kSodiumToxicEffects[] = {{kLvContractility, -0.5},
                                                {kRvContractility, -0.5},
                                                {kAvConduction, -0.5},
                                                {kSodiumChannelBlock, 1.0}};
// Mu agonists: at full occupancy no breath starts whatever the CO2 (fentanyl gives apnoea despite
// a raised CO2, Algera 2021 Clin Pharmacol Ther, doi 10.1002/cpt.2027; Emax 1 as in the PK-PD
// models of opioid ventilatory depression).
// They narrow the pupils through the Edinger-Westphal nucleus: pinpoint pupils are the
// overdose's sign (the triad with coma and slowed breathing); 0.6 of the resting diameter at
// full occupancy takes a 3.5 mm pupil to 1.4 mm [M].
constexpr TargetEffect kMuEffects[] = {{kRespiratoryDrive, -1.0},
                                       {kChronotropy, -0.1},
                                       {kSystemicResistance, -0.1},
                                       {kPupilConstriction, 0.6}};

// Insulin: glucose uptake (up to ~4-5 times basal at full stimulation, clamp studies) and the
// Na/K pump (10 units lower potassium 0.6-1.0 mmol/L at 30-60 min: A.6) [F].
// High doses are also inotropic, most where the heart is starved of fuel (calcium-channel blocker
// poisoning: Kline 1995, canine verapamil) [U: +20% at full occupancy].
constexpr TargetEffect kInsulinEffects[] = {{kGlucoseUptake, 3.0},
                                            {kPotassiumUptake, 0.6},
                                            {kLvContractility, 0.2},
                                            {kRvContractility, 0.2}};
// Fibrinolysis: a fresh coronary clot lyses at up to 1.6 per hour [F]: the accelerated regimen
// (15 mg, 50 mg over 30 min, 35 mg over 60 min) opens an LAD occlusion at about 90 min (GUSTO
// angiographic substudy: TIMI-3 flow at 90 min in 54%).
constexpr TargetEffect kFibrinolysisEffects[] = {{kThrombolysis_per_h, 1.6}};
// L-type calcium-channel block: the sinus and AV nodes, the escape pacemakers, contraction and
// arteriolar tone all depend on the calcium current (verapamil's overdose: bradycardia, AV block,
// hypotension from vasodilation and a weak heart) [U: the Emax; EC50 from PR +10-20% at 50-250
// ng/mL].
constexpr TargetEffect kCalciumChannelEffects[] = {
    {kAvConduction, -0.9},    {kChronotropy, -0.5},     {kAutomaticity, -0.4},
    {kLvContractility, -0.6}, {kRvContractility, -0.6}, {kSystemicResistance, -0.5}};
// Glucagon: cAMP through its own receptor, so a beta-blocker does not stop it [U: HR +10-20/min,
// cardiac index +20-40% after 50 ug/kg].
constexpr TargetEffect kGlucagonEffects[] = {
    {kChronotropy, 0.4}, {kLvContractility, 0.5}, {kRvContractility, 0.5}, {kAvConduction, 0.3}};

template <std::size_t N>
constexpr TargetSpec target(double hill, const TargetEffect (&e)[N]) {
  return {hill, e, static_cast<int>(N)};
}

constexpr TargetSpec kTargets[] = {
    target(0.8, kAlpha1Effects),     target(1.0, kBeta1Effects),   target(1.0, kBeta2Effects),
    target(1.0, kV1Effects),         target(1.0, kMuscarinicEffects), target(2.0, kA1Effects),
    target(1.0, kClassIIIEffects),   target(1.0, kSodiumEffects),  target(3.0, kSodiumToxicEffects),
    target(1.5, kMuEffects),         target(1.0, kInsulinEffects), target(1.0, kFibrinolysisEffects),
    target(1.5, kCalciumChannelEffects), target(1.0, kGlucagonEffects)};
static_assert(sizeof(kTargets) / sizeof(kTargets[0]) == kNumTargets);

}  // namespace

const DrugSpec& drug_spec(Drug d) { return kDrugs[static_cast<std::size_t>(d)]; }
const TargetSpec& target_spec(int target) { return kTargets[static_cast<std::size_t>(target)]; }

}  // namespace resus::pharm
