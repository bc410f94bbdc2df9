// Adult values of the pharmacology model (README.md gives each one's source), and each by name.
// Tissue volumes and site volumes scale with mass / 70 kg.
#include <algorithm>

#include "models/pharmacology/pharmacology.hpp"

namespace resus::pharm {

PharmParams default_pharm_params(double body_mass_kg) {
  const double m = std::clamp(body_mass_kg, 20.0, 250.0);
  const double k = m / 70.0;
  PharmParams p{};
  p.body_mass_kg = m;
  // Reference man (ICRP 89): brain 1.45 kg, heart 0.33 kg, liver + gut + kidneys + spleen ~5 kg;
  // the rest of the lean and fat mass is the periphery.
  p.brain_mL = 1400.0 * k;
  p.heart_mL = 300.0 * k;
  p.splanchnic_organs_mL = 5000.0 * k;
  p.periphery_mL = 50000.0 * k;
  p.antecubital_vein_mL = 10.0 * k;
  p.arm_veins_mL = 25.0 * k;
  p.arm_flow_share = 0.04;
  p.humeral_marrow_mL = 5.0 * k;
  p.humeral_flow_share = 0.5;
  p.sternal_marrow_mL = 5.0 * k;
  p.sternal_flow_share = 0.01;
  p.tibial_marrow_mL = 10.0 * k;
  p.tibial_flow_share = 0.004;
  p.leg_veins_mL = 80.0 * k;
  p.leg_flow_share = 0.08;
  p.tracheal_absorption_per_min = 0.7;
  p.nebulised_deposition = 0.1;
  p.intramuscular_absorption_per_min = 0.15;
  // Tablets leave the stomach before anything is absorbed: liquids empty with a half-time of
  // 10-20 min, an immediate-release tablet's absorption lags 15-30 min in PK studies [U: 0.035,
  // a half-time of 20 min].
  p.gastric_emptying_per_min = 0.035;
  p.oral_absorption_per_min = 0.03;
  p.epinephrine_rest_ng_mL = 0.034;     // Wortsman 1984: 0.034 +- 0.002
  p.norepinephrine_rest_ng_mL = 0.228;  // Wortsman 1984: 0.228 +- 0.01
  p.vasopressin_rest_ng_mL = 0.002;     // normal < 5 pg/mL
  p.epinephrine_stress_gain = 65.0;     // fitted once to Wortsman 1984 / Lindner 1996 in arrest
  p.norepinephrine_stress_gain = 7.0;
  p.vasopressin_stress_gain = 60.0;
  p.stress_hypotension_mmHg = 50.0;
  p.stress_hypoxia_po2_mmHg = 60.0;
  p.stress_acidosis_ph = 7.35;
  p.stress_time_constant_s = 20.0;
  p.alpha1_tolerance_max = 0.4;        // [U] swine CPR: repeated doses, less coronary response
  p.alpha1_tolerance_tau_s = 300.0;    // [U]
  // Hypoxic vessels answer alpha-1 agonists less (K-ATP channels, adenosine): in swine CPR 222
  // ng/mL moved no DBP where 1103 did (PMID 1739196). Fitted with the chest's displacement
  // (models/cpr) to B.2 rows 21-24 and a human 1 mg's few mmHg of CPP [F, README].
  p.alpha1_ischaemic_shift = 6.0;
  p.alpha1_hypoxia_tau_s = 60.0;            // [U] vasodilator metabolites build and wash out in a minute
  // A starved heart's adenosine opposes beta-1 (Dobson 1983): EC50 x (1 + 300 (1 - M)^2). Set so
  // that a dose about triples asystole's escape (PARAMEDIC2, Perkins 2018) [F, README].
  p.beta1_ischaemic_shift = 300.0;
  // McCabe 1998 (swine, nortriptyline, QRS 144 ms untreated): hyperventilation to pH 7.5-7.6
  // narrowed it to 125, 3 mmol/kg bicarbonate to 105, 15 mmol/kg hypertonic saline to 80 [F].
  p.sodium_block_per_ph = 1.7;
  p.sodium_block_sodium_exponent = 10.0;
  p.calcium_block_calcium_exponent = 1.5;  // [U] calcium partly reverses verapamil's effects
  // Vascular hyporesponsiveness to catecholamines below pH ~7.2; the pressor response to
  // norepinephrine roughly halves near pH 7.0 in animal models (Kimmoun 2015 review) [U].
  p.acidosis_threshold_ph = 7.20;
  p.acidosis_catecholamine_ph_scale = 0.29;
  // Mitrakou 1991 (Am J Physiol 260:E67): epinephrine secretion begins at 68 mg/dL (3.8 mmol/L)
  // in clamped volunteers. The slope lies between two reports that disagree five-fold (README):
  // 0.25 ng/mL after a brief fall below 2.8 and 0.43 at 3.4 held for 3 h [F].
  p.hypoglycaemia_epinephrine_mmol_L = 3.8;
  p.hypoglycaemia_epinephrine_per_mmol = 12.0;
  return p;
}

namespace {

#define F(f) RESUS_FIELD(PharmParams, f)
constexpr ParamSpec<PharmParams> kTable[] = {
    {"brain_tissue_mL", "mL", 500, 3000, "brain tissue (drug distribution)", F(brain_mL)},
    {"heart_tissue_mL", "mL", 100, 1000, "heart muscle (drug distribution)", F(heart_mL)},
    {"splanchnic_organs_mL", "mL", 1000, 20000, "liver, gut, kidneys, spleen (drug distribution)", F(splanchnic_organs_mL)},
    {"peripheral_tissue_mL", "mL", 10000, 200000, "muscle, skin, fat and bone (drug distribution)", F(periphery_mL)},
    {"antecubital_vein_mL", "mL", 1, 100, "forearm veins holding a peripheral dose", F(antecubital_vein_mL)},
    {"arm_veins_mL", "mL", 5, 200, "veins from the elbow to the superior vena cava", F(arm_veins_mL)},
    {"arm_flow_share", "1", 0.005, 0.2, "one arm's share of extrasplanchnic flow", F(arm_flow_share)},
    {"humeral_marrow_mL", "mL", 1, 50, "humeral marrow holding an IO dose", F(humeral_marrow_mL)},
    {"humeral_flow_share", "1", 0.05, 1, "humeral marrow flow as a share of the arm's", F(humeral_flow_share)},
    {"sternal_marrow_mL", "mL", 1, 50, "sternal marrow holding an IO dose", F(sternal_marrow_mL)},
    {"sternal_flow_share", "1", 0.001, 0.1, "sternal marrow flow as a share of extrasplanchnic", F(sternal_flow_share)},
    {"tibial_marrow_mL", "mL", 1, 50, "tibial marrow holding an IO dose", F(tibial_marrow_mL)},
    {"tibial_flow_share", "1", 0.0005, 0.05, "tibial marrow flow as a share of extrasplanchnic", F(tibial_flow_share)},
    {"leg_veins_mL", "mL", 10, 500, "veins from the knee to the vena cava", F(leg_veins_mL)},
    {"leg_flow_share", "1", 0.01, 0.3, "one leg's share of extrasplanchnic flow", F(leg_flow_share)},
    {"tracheal_absorption_per_min", "1/min", 0.05, 5, "tracheal deposit absorbed per minute at resting pulmonary flow", F(tracheal_absorption_per_min)},
    {"nebulised_deposition", "1", 0.01, 0.5, "share of a nebulised dose deposited in the airways", F(nebulised_deposition)},
    {"intramuscular_absorption_per_min", "1/min", 0.01, 2, "intramuscular depot absorbed per minute at resting flow", F(intramuscular_absorption_per_min)},
    {"gastric_emptying_per_min", "1/min", 0.001, 1, "oral dose moved from the stomach to the small intestine per minute", F(gastric_emptying_per_min)},
    {"oral_absorption_per_min", "1/min", 0.001, 0.5, "oral dose absorbed per minute at resting splanchnic flow", F(oral_absorption_per_min)},
    {"epinephrine_rest_ng_mL", "ng/mL", 0.005, 0.5, "resting arterial plasma epinephrine", F(epinephrine_rest_ng_mL)},
    {"norepinephrine_rest_ng_mL", "ng/mL", 0.05, 2, "resting arterial plasma norepinephrine", F(norepinephrine_rest_ng_mL)},
    {"vasopressin_rest_ng_mL", "ng/mL", 0.0002, 0.02, "resting plasma vasopressin", F(vasopressin_rest_ng_mL)},
    {"epinephrine_stress_gain", "1", 0, 500, "adrenal epinephrine secretion: 1 + gain x stress^2 times rest", F(epinephrine_stress_gain)},
    {"norepinephrine_stress_gain", "1", 0, 100, "norepinephrine release: 1 + gain x stress^2 times rest", F(norepinephrine_stress_gain)},
    {"vasopressin_stress_gain", "1", 0, 1000, "vasopressin secretion: 1 + gain x stress^2 times rest", F(vasopressin_stress_gain)},
    {"stress_hypotension_mmHg", "mmHg", 10, 200, "fall of MAP below rest that counts as one unit of stress", F(stress_hypotension_mmHg)},
    {"stress_hypoxia_po2_mmHg", "mmHg", 20, 100, "PaO2 below which hypoxia adds stress (one unit 40 mmHg lower)", F(stress_hypoxia_po2_mmHg)},
    {"stress_acidosis_ph", "1", 7.0, 7.45, "arterial pH below which acidosis adds stress (one unit 0.35 lower)", F(stress_acidosis_ph)},
    {"stress_time_constant_s", "s", 1, 300, "how fast hormone secretion follows the stress", F(stress_time_constant_s)},
    {"alpha1_tolerance_max", "1", 0, 0.9, "share of the alpha-1 response above rest lost to tolerance at full occupancy", F(alpha1_tolerance_max)},
    {"alpha1_tolerance_tau_s", "s", 10, 3600, "time constant of alpha-1 tolerance (recovery 3x slower)", F(alpha1_tolerance_tau_s)},
    {"alpha1_ischaemic_shift", "1", 0, 100, "alpha-1 EC50 x (1 + shift x the vessels' hypoxia, 0..1)", F(alpha1_ischaemic_shift)},
    {"alpha1_hypoxia_tau_s", "s", 1, 3600, "how fast the vessels' hypoxia follows the tissues' unmet O2 share", F(alpha1_hypoxia_tau_s)},
    {"beta1_ischaemic_shift", "1", 0, 1000, "beta-1 EC50 x (1 + shift x (1 - myocardial energy)^2)", F(beta1_ischaemic_shift)},
    {"sodium_block_per_ph", "1/pH", 0, 10, "ln-fall of a sodium-channel blocker's drive per pH unit above 7.40", F(sodium_block_per_ph)},
    {"sodium_block_sodium_exponent", "1", 0, 30, "sodium-channel blocker's drive x (140 / Na)^n", F(sodium_block_sodium_exponent)},
    {"calcium_block_calcium_exponent", "1", 0, 5, "calcium-channel blocker's drive x (1.25 / iCa)^n", F(calcium_block_calcium_exponent)},
    {"catecholamine_acidosis_threshold_ph", "1", 6.8, 7.4, "arterial pH below which acidosis blunts the adrenergic receptors", F(acidosis_threshold_ph)},
    {"acidosis_catecholamine_ph_scale", "1", 0.05, 10, "adrenergic drive x exp(-(threshold - pH) / scale) below the threshold", F(acidosis_catecholamine_ph_scale)},
    {"hypoglycaemia_epinephrine_mmol_L", "mmol/L", 1, 6, "plasma glucose below which the adrenal medulla secretes more epinephrine", F(hypoglycaemia_epinephrine_mmol_L)},
    {"hypoglycaemia_epinephrine_per_mmol", "1/(mmol/L)", 0, 200, "epinephrine secretion x (1 + this x the glucose below the threshold)", F(hypoglycaemia_epinephrine_per_mmol)},
};
#undef F

}  // namespace

std::span<const ParamSpec<PharmParams>> param_table() { return kTable; }

}  // namespace resus::pharm
