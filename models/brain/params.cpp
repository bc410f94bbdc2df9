// The adult brain's O2 thresholds and time courses (README.md gives each one's source).
#include "models/brain/brain.hpp"

namespace resus::brain {

BrainParams default_brain_params() {
  BrainParams p{};
  p.flow_tau_s = 4.0;                  // syncope ~6-10 s after the circulation stops [M]
  p.demand_per_C = 0.07;               // CMRO2 ~6-7% per C [M]
  p.electrical_failure_share = 0.4;    // CBF ~20 of 50 mL/100 g/min: EEG fails [M, Astrup 1981]
  p.conscious_share = 0.6;             // [U]
  p.cold_conscious_C = 32.0;           // HT I (35-32): conscious; HT II (< 32-28): impaired;
  p.cold_unconscious_C = 28.0;         // HT III (< 28-24): unconscious (B.4 row 78, Paal 2016) [V]
  p.ischaemic_share = 0.3;             // CBF ~15 of 50: the membrane fails, infarction [M]
  p.loss_tau_s = 4.0;                  // [U] unresponsive within ~10-15 s of arrest
  p.recovery_tau_s = 30.0;             // [U] a brief arrest: awake within a couple of minutes
  p.recovery_per_min = 1.0;            // [U]
  p.coma_min = 15.0;                   // [U] no-flow beyond ~10-15 min: coma (issue 13 proxy)
  p.pupil_normal_mm = 3.5;
  p.pupil_dilated_mm = 7.0;
  p.pupil_tau_s = 20.0;                // pupils dilate within ~30-60 s of arrest [M]
  p.brainstem_share = 0.3;             // [U]
  p.reflex_loss_min = 20.0;            // [U]
  p.autoregulation_lower_mmHg = 50.0;  // Lassen 1959: flow held from ~50 to ~150 mmHg [M]
  p.autoregulation_upper_mmHg = 140.0; // (MAP 60-150 with an ICP of 10)
  p.autoregulation_tau_s = 4.0;        // Aaslid 1989: a step in pressure corrected in ~5-10 s [M]
  p.perfusion_tau_s = 1.5;             // [U] the heartbeat averaged
  p.co2_reactivity_per_mmHg = 0.034;   // Markwalder 1984 (TCD, n = 31): exp(0.034/mmHg) [M]
  p.co2_tau_s = 20.0;                  // [U] CBF follows a step in PaCO2 over tens of seconds
  p.autoregulation_ischaemia_half_min = 2.0;  // [U] most comatose survivors lose it (README)
  // Secondary injury (README, "Secondary injury"): index minutes per hour, from odds ratios at
  // ~0.45 logit per index minute.
  p.vulnerable_min = 5.0;              // [U]
  p.fever_min_per_C_h = 0.1;           // Zeiner 2001 OR 2.26/C of peak; Bro-Jeppesen 2013 [M]
  p.fever_threshold_C = 37.5;          // ERC-ESICM 2021: prevent fever (> 37.7 C)
  p.hyperoxia_min_per_h = 0.2;         // Elmer 2015 OR 1.2/h > 300; Roberts 2018 ~1.05/h [M]
  p.hyperoxia_threshold_mmHg = 300.0;  // Kilgannon 2010
  p.hypoperfusion_min_per_h = 2.0;     // Trzeciak 2009 OR 2.7 (SBP < 90, first hour) [M]
  p.penumbra_share = 0.55;             // [M] BOX 2022: MAP 63 vs 77, same outcome (README)
  // Post-anoxic seizures (README): 29% clinical seizures within 7 days of comatose survivors
  // (Lybeck 2017), most within the first ~12 h of EEG (Rittenberger 2012).
  p.seizure_rate_per_h = 0.02;         // [calibrated] 1 - exp(-0.02 x 24) = 38% at full severity
  p.seizure_tau_h = 24.0;              // [U]
  p.seizure_index_min = 5.0;           // [U] Seder 2015: myoclonus with longer ischaemic times
  p.seizure_index_span_min = 10.0;     // [U]
  p.seizure_duration_s = 120.0;        // [U] a generalised seizure lasts 1-3 min
  p.seizure_demand = 1.5;              // [U] CMRO2 rises in a seizure
  // Neuroglycopenia (README, "Glucose"): the EEG slows at a median 2.0 mmol/L (Pramming 1988);
  // awake at a nadir of 1.7 in brief clamped hypoglycaemia (Ann Emerg Med 1999;33:291) [M];
  // unconscious at 1.0 [U].
  p.glucose_conscious_mmol_L = 2.0;
  p.glucose_unconscious_mmol_L = 1.0;
  p.glucose_seizure_per_h = 0.5;       // [U] seizures in ~7% of symptomatic hypoglycaemia (README)
  return p;
}

namespace {

#define F(f) RESUS_FIELD(BrainParams, f)
constexpr ParamSpec<BrainParams> kTable[] = {
    {"brain_flow_tau_s", "s", 0.5, 60, "the brain sees its O2 delivery over this time", F(flow_tau_s)},
    {"brain_demand_per_C", "1/C", 0, 0.15, "share of cerebral O2 demand lost per C below 37", F(demand_per_C)},
    {"brain_electrical_failure_share", "1", 0.1, 0.8, "O2 delivery share below which the cortex falls silent", F(electrical_failure_share)},
    {"brain_conscious_share", "1", 0.2, 1, "O2 delivery share at which consciousness is full", F(conscious_share)},
    {"cold_conscious_C", "C", 25, 36, "core temperature above which cold leaves consciousness whole", F(cold_conscious_C)},
    {"cold_unconscious_C", "C", 20, 34, "and below which cold alone leaves the patient unconscious", F(cold_unconscious_C)},
    {"brain_ischaemic_share", "1", 0.05, 0.6, "O2 delivery share below which neurons are injured", F(ischaemic_share)},
    {"consciousness_loss_tau_s", "s", 0.5, 60, "consciousness fades this fast", F(loss_tau_s)},
    {"consciousness_recovery_tau_s", "s", 1, 3600, "and returns this slowly after a brief arrest", F(recovery_tau_s)},
    {"consciousness_recovery_per_min", "1/min", 0, 10, "recovery slows by this share per ischaemia minute", F(recovery_per_min)},
    {"coma_ischaemia_min", "min", 1, 120, "ischaemia minutes after which consciousness does not return", F(coma_min)},
    {"pupil_normal_mm", "mm", 1, 6, "pupil diameter of a perfused brain", F(pupil_normal_mm)},
    {"pupil_dilated_mm", "mm", 4, 9, "pupil diameter of an ischaemic brain", F(pupil_dilated_mm)},
    {"pupil_tau_s", "s", 1, 600, "pupils dilate and recover over this time", F(pupil_tau_s)},
    {"brainstem_share", "1", 0.05, 0.8, "O2 delivery share above which the light reflex works", F(brainstem_share)},
    {"pupil_reflex_loss_min", "min", 1, 240, "ischaemia minutes after which the light reflex is lost", F(reflex_loss_min)},
    {"cerebral_autoregulation_lower_mmHg", "mmHg", 20, 100, "cerebral perfusion pressure below which the arterioles are fully dilated", F(autoregulation_lower_mmHg)},
    {"cerebral_autoregulation_upper_mmHg", "mmHg", 100, 250, "cerebral perfusion pressure above which they are fully constricted", F(autoregulation_upper_mmHg)},
    {"cerebral_autoregulation_tau_s", "s", 0.5, 120, "how fast the cerebral tone follows the pressure and PaCO2", F(autoregulation_tau_s)},
    {"cerebral_perfusion_tau_s", "s", 0.1, 30, "the perfusion pressure the cerebral vessels sense is averaged over this time", F(perfusion_tau_s)},
    {"cerebral_co2_reactivity_per_mmHg", "1/mmHg", 0, 0.1, "cerebral flow x exp(k x (PaCO2 - rest))", F(co2_reactivity_per_mmHg)},
    {"cerebral_co2_tau_s", "s", 1, 300, "the PaCO2 the cerebral vessels sense is averaged over this time", F(co2_tau_s)},
    {"cerebral_autoregulation_ischaemia_half_min", "min", 0.1, 1000, "brain ischaemia minutes that halve the pressure autoregulation", F(autoregulation_ischaemia_half_min)},
    {"brain_vulnerable_min", "min", 0.1, 120, "ischaemia minutes that make the brain fully vulnerable to secondary injury", F(vulnerable_min)},
    {"brain_fever_min_per_C_h", "min/(C*h)", 0, 10, "secondary injury per hour per C of fever", F(fever_min_per_C_h)},
    {"brain_fever_threshold_C", "C", 36, 40, "core temperature above which fever injures", F(fever_threshold_C)},
    {"brain_hyperoxia_min_per_h", "min/h", 0, 10, "secondary injury per hour per 100 mmHg of PaO2 above the threshold", F(hyperoxia_min_per_h)},
    {"brain_hyperoxia_threshold_mmHg", "mmHg", 100, 700, "PaO2 above which hyperoxaemia injures", F(hyperoxia_threshold_mmHg)},
    {"brain_hypoperfusion_min_per_h", "min/h", 0, 60, "secondary injury per hour at a delivery down at the injury threshold", F(hypoperfusion_min_per_h)},
    {"brain_penumbra_share", "1", 0.3, 1.5, "O2 delivery share below which a vulnerable brain is injured further", F(penumbra_share)},
    {"seizure_rate_per_h", "1/h", 0, 1, "post-anoxic seizure hazard at full severity just after reperfusion", F(seizure_rate_per_h)},
    {"seizure_tau_h", "h", 0.1, 500, "the seizure hazard fades over this time after reperfusion", F(seizure_tau_h)},
    {"seizure_index_min", "min", 0, 100, "brain injury index below which no seizures", F(seizure_index_min)},
    {"seizure_index_span_min", "min", 0.1, 100, "index above seizure_index_min at which the hazard is full", F(seizure_index_span_min)},
    {"seizure_duration_s", "s", 5, 3600, "one seizure's length", F(seizure_duration_s)},
    {"seizure_demand", "1", 1, 4, "cerebral O2 demand during a seizure, times the resting", F(seizure_demand)},
    {"glucose_conscious_mmol_L", "mmol/L", 0.5, 5, "plasma glucose at and above which neuroglycopenia leaves consciousness whole", F(glucose_conscious_mmol_L)},
    {"glucose_unconscious_mmol_L", "mmol/L", 0, 4, "and at and below which it leaves the patient unresponsive", F(glucose_unconscious_mmol_L)},
    {"glucose_seizure_per_h", "1/h", 0, 10, "seizure hazard of a brain wholly short of glucose", F(glucose_seizure_per_h)},
};
#undef F

}  // namespace

std::span<const ParamSpec<BrainParams>> param_table() { return kTable; }

}  // namespace resus::brain
