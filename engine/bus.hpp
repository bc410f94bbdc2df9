// The bus: the quantities subsystems share, as one plain section of SimState (after MuJoCo's
// mjData). Each section names its one writer and its readers; a stage reads what earlier stages
// of the same step (or the previous step) wrote, and writes only its own section. Everything
// that changes during a run changes here; model parameters stay immutable.
//
// The effects section holds the modifier channels that drugs, chemistry, temperature and the
// causes write and the models read. Each writer owns a slot in every channel; the slots are
// combined in a fixed order (scales multiply as summed log-factors, offsets add), so several
// drugs and a condition combine without a special case and results stay bit-identical.
#pragma once

#include <array>
#include <cstdint>

#include "models/blood/blood.hpp"
#include "models/cardiovascular/circulation.hpp"
#include "models/cpr/rescuer.hpp"
#include "models/pharmacology/drugs.hpp"

namespace resus {

// ---- effect channels ---------------------------------------------------------------------------

// Append-only. Scale channels are dimensionless factors (1 = no effect); offset channels add in
// their unit (0 = no effect).
enum class Effect : int32_t {
  // scales
  kSystemicResistance = 0,   // systemic arteriolar resistance (splanchnic and extrasplanchnic)
  kPulmonaryResistance,      // pulmonary vascular resistance
  kCoronaryResistance,       // coronary vascular resistance
  kVenousUnstressedVolume,   // unstressed volume of the splanchnic and extrasplanchnic veins
  kLvContractility,          // LV end-systolic elastance
  kRvContractility,          // RV end-systolic elastance
  kChronotropy,              // sinus rate (divides the sinus period)
  kVagalEffect,              // the vagal share of the reflex's sinus slowing (atropine lowers it)
  kAvConduction,             // AV-node conduction (below 1 it slows and blocks: adenosine)
  kAutomaticity,             // rate of ventricular escape and ectopic foci
  kVfHazard,                 // hazard of VF from an organised rhythm
  kRefibrillationHazard,     // hazard of VF returning after a successful shock
  kDefibrillationThreshold,  // E50 of defibrillation and cardioversion
  kRespiratoryDrive,         // chemical drive to breathe
  kLungCompliance,           // respiratory-system compliance
  kMetabolicRate,            // whole-body O2 consumption
  kPotassiumUptake,          // the Na/K pump's uptake of potassium into cells (beta-2, insulin)
  kGlucoseUptake,            // insulin-driven glucose uptake
  kNumScales,
  // offsets
  kQt_ms = kNumScales,       // QTc, ms
  kMembraneStability_mmol_L, // raises the potassium thresholds of the ECG and of arrest, mmol/L
  kVfHazard_per_s,           // extra VF hazard from an organised rhythm, 1/s (ischaemia)
  kShunt,                    // intrapulmonary shunt fraction
  kThrombolysis_per_h,       // fractional lysis of clots per hour (thrombolytics)
  kAlveolarDeadSpace,        // alveolar dead-space fraction (ventilated, unperfused lung)
  kBeta1Blockade,            // share of the reflex's cardiac sympathetic limb blocked (0..1)
  kAlpha1Blockade,           // share of its vascular limb blocked (0..1)
  kSodiumChannelBlock,       // share of the fast sodium current blocked (0..1): QRS, arrhythmia
  kPupilConstriction,        // share by which the pupils narrow (0..1): an opioid's miosis
  kNumEffects
};
constexpr int kNumScaleEffects = static_cast<int>(Effect::kNumScales);
constexpr int kNumEffectChannels = static_cast<int>(Effect::kNumEffects);

// Who may write an effect: each owns one slot per channel. Append-only; slots combine in this
// order.
enum class EffectWriter : int32_t {
  kPharmacology = 0,
  kChemistry,
  kThermal,
  kConditions,   // the thorax's causes
  kThrombosis,   // pulmonary embolism and coronary occlusion
  kInflammation, // the post-arrest syndrome's vasoplegia
  kHost,  // a host or a test, through the engine API
  kNumWriters
};
constexpr int kNumEffectWriters = static_cast<int>(EffectWriter::kNumWriters);

struct Effects {
  // Scale slots hold natural-log factors, offset slots values in the channel's unit.
  std::array<std::array<double, kNumEffectWriters>, kNumEffectChannels> slot;
  // The combined value of each channel (a factor for scales, a sum for offsets), recomputed at
  // the start of a step for the channels whose slots changed.
  std::array<double, kNumEffectChannels> value;
  uint32_t dirty;  // bit per channel
  int32_t pad;

  double operator[](Effect e) const { return value[static_cast<std::size_t>(e)]; }
};
static_assert(kNumEffectChannels <= 32, "Effects::dirty holds one bit per channel");

Effects neutral_effects();
// Sets one writer's slot of a channel: `amount` is a factor for a scale channel (> 0), a value in
// the channel's unit for an offset channel.
void set_effect(Effects& e, Effect channel, EffectWriter writer, double amount);
// The same, but only when the amount differs from what the slot holds, so that a writer that
// republishes an unchanged value leaves the channel clean (nothing to recombine).
void update_effect(Effects& e, Effect channel, EffectWriter writer, double amount);
// Recomputes the channels whose slots changed, combining slots in writer order.
void combine_effects(Effects& e);

// ---- the sections -----------------------------------------------------------------------------

// Writer: the heart stage (stages/heart.cpp). Readers: circulation, cycle statistics, ECG,
// waveforms.
struct ElectricalBus {
  double atrial_activation_time;       // mechanical activation times, s
  double ventricular_activation_time;
  double previous_atrial_time;         // the activation before (the ECG draws both)
  double previous_ventricular_time;    // the electrical R wave before the last one
  double last_ventricular_time;        // the last electrical R wave (torsades: no contraction)
  double rr_s;                         // last RR interval
  double ventricular_systole_s;        // duration of the current ventricular activation
  double beat_contraction;             // contraction multiplier of the current beat
  double contractility;                // the myocardium's multiplier (energy, stunning)
  // The most contractile state (each ventricle's Emax against rest: reflex, drugs and energy) the
  // arterial O2 content can pay for with the whole coronary reserve; the circulation holds the
  // beats to it.
  double o2_inotropy_limit;
  double myocardial_energy;            // 1 healthy .. 0 exhausted (the ECG widens the QRS)
  double automaticity;                 // an exhausted heart's own rhythm slows (1: healthy)
  double rv_contraction;               // the RV's, under its pressure load (1: unloaded)
  double vf_amplitude_mV, vf_frequency_Hz;  // what VF looks like at the current energy
  double amsa_mV_Hz;                   // AMSA of the engine's own pads VF (stages/vf_pads.cpp)
  double pacer_spike_time;
  double last_shock_time;
  int32_t ventricular_origin;          // ep::BeatOrigin of the current beat
  int32_t previous_ventricular_origin;
  int32_t atrial_mode, ventricular_mode;  // ep::AtrialMode, ep::VentricularMode
  int32_t beat;                        // 1 when this step began with a ventricular activation
  int32_t rhythm;                      // ep::Rhythm (a new one restarts the pads' AMSA window)
};

// Writer: the reflex stage (stages/reflex.cpp). Readers: heart (sinus period), circulation.
struct AutonomicBus {
  double sinus_period_s;               // heart period the sinus node is driven at
  double lv_emax, rv_emax;             // reflex-set effectors, floored (models/autonomic)
  double r_splanchnic, r_extrasplanchnic;
  double vu_splanchnic_veins, vu_extrasplanchnic_veins;
  double av_dromotropy;                // the nerves' speed-up of AV conduction, 1 at rest
};

// Writer: the compressions stage (stages/compressions.cpp). Readers: circulation, CPR meter,
// breathing (the rescuer's breaths), waveforms.
struct ChestBus {
  double depth_mm;                     // at the start of the step
  double thoracic_mmHg, thoracic_slope;  // f_tp·Pc at the start of the step and its slope, /s
  double cardiac_mmHg, cardiac_slope;    // f_cp·Pc
  double displacement_mL, displacement_slope;  // V_d, LV cavity the sternum takes, mL; its slope, mL/s
  cpr::BreathRequest breath;           // a rescuer's breath due now (reader: breathing)
};

// Writer: the CPR-meter stage (stages/cpr_meter.cpp). Readers: heart and cycle statistics (a
// compression, not a beat, closes the cycle while compressions run), ECG (CPR artefact).
struct CprBus {
  double depth_mm;                     // the meter's mean peak depth
  double last_onset_s;                 // last compression onset (-1e9: none yet)
  double interval_s;                   // onset to onset, last measured
  int32_t compressing;                 // 1 while compressions are ongoing
  int32_t new_compression;             // 1 when this step saw a compression begin
};

// Writer: the breathing stage (stages/breathing.cpp). Readers: circulation (pleural pressure,
// with a one-step lag), cycle statistics (central pressures at end-expiration), waveforms, blood
// (what the lungs exchanged), reflex (lung volume, for the stretch receptors).
struct LungsBus {
  double pleural_delta_mmHg;           // pleural pressure minus its resting value
  double end_expiratory_pleural_mmHg;  // that change at the last start of inspiration
  double airway_pressure_cmH2O;        // what a ventilator and a capnograph show
  double airway_flow_mL_s;
  double alveolar_pressure_mmHg;       // relative to atmosphere
  double lung_volume_mL;               // absolute (the stretch receptors' input)
  double capnogram_mmHg;
  double pleth;                        // pulse oximeter plethysmogram, 0..1
  // Gas exchange runs on a 10 ms tick; on the step that closes one, what it exchanged.
  int32_t gas_tick;                    // 1 on that step
  int32_t right_lung_only;             // 1: a tube in the right main bronchus
  double tick_dt_s;                    // the tick's length
  double tick_pulmonary_flow_mL;       // blood through the lungs over the tick
  double tick_systemic_flow_mL;        // blood into the tissue beds over the tick
  double o2_uptake_mL_s, co2_release_mL_s;  // STPD, into and out of the blood
};

// Writer: the circulation stage (stages/circulation.cpp). Readers: every later stage of the step.
struct HaemodynamicsBus {
  cv::Hemodynamics h;                  // at the start of the step just taken
  double lv_volume_mL;                 // LV volume at the start of that step
  double blood_lost_mL;                // lost over that step
  double infused_hemoglobin_g;         // what the step's infusions brought (models/fluids)
  double infused_protein_mL;           // as mL of normal plasma
  // The step's infusions' heat: their heat capacity (sum of mL x J/mL/C) and that times their
  // temperature, J (the thermal stage takes what they bring to the core).
  double infused_heat_capacity_J_C, infused_heat_J;
  double arterial_blood_mL;            // pulmonary veins, left heart, aorta, arteries (now)
  double venous_blood_mL;              // every other compartment (now)
};

// Writer: the blood stage (stages/blood.cpp), after each gas tick. Readers: breathing (mixed
// venous contents and base excess for exchange, arterial tensions for the chemoreceptors and the
// oximeter), chemistry (the pools' solutes, the tissue's O2 deficit), pharmacology (PaO2, pH).
struct BloodBus {
  double hemoglobin_g_dL;
  double arterial_po2_mmHg, arterial_pco2_mmHg;
  double arterial_sat;                 // 0..1
  double arterial_ph;
  double venous_o2_mL_mL, venous_co2_mL_mL;  // mixed venous contents, STPD per mL
  double venous_base_excess_mmol_L;    // mixed venous
  double arterial_base_excess_mmol_L;
  double venous_po2_mmHg, venous_pco2_mmHg, venous_ph;
  double vo2_mL_s, o2_deficit_mL_s;    // the tissue's uptake and its unmet demand, last tick
  blood::Amounts arterial, venous;     // each species' content of the pools
  blood::Amounts tissue;               // each species' amount in the tissue compartment
};

// Writer: the chemistry stage (stages/chemistry.cpp). Readers: blood (what its next transport
// carries for each solute), heart (potassium, calcium: arrest hazards, pacing threshold), ECG,
// pharmacology (sodium and calcium: the channel blockers' hold; glucose: the adrenal medulla),
// brain (glucose).
struct ChemistryBus {
  double potassium_mmol_L;             // arterial plasma
  double ionised_calcium_mmol_L;
  double sodium_mmol_L;
  double magnesium_mmol_L;
  double glucose_mmol_L;
  blood::Amounts tissue_volume_mL, tissue_source, venous_source;  // blood::BloodInputs' meaning
};

// Writer: the pharmacology stage. Reader: chemistry. What of each drug has reached the central
// blood, ug since the start (drugs that are solutes: bicarbonate, calcium, potassium, glucose,
// magnesium leave the pharmacology's transport there and the chemistry takes them on).
struct DosingBus {
  std::array<double, pharm::kNumDrugs> delivered_ug;
};

// Writer: the thermal stage (stages/thermal.cpp). Readers: heart, breathing, blood, pharmacology,
// ECG.
struct TemperatureBus {
  double core_C;
  double q10_scale;  // the tissues' O2 use against 37 C (models/blood's Q10), for the myocardium
};

// Writer: the thorax stage (stages/thorax.cpp). Readers: circulation (the pericardium's contents,
// the pressure around the heart and great veins, blood into the pericardium), ECG (the fluid's
// low voltage and alternans).
struct ConditionsBus {
  double pericardial_fluid_mL;         // all of it
  double pericardial_slack_mL;         // what a chronically stretched pericardium holds slack
  double chest_bleed_mL_s;             // a haemopericardium's and a haemothorax's inflow, taken
                                       // from the aorta
  double mediastinal_mmHg;             // pleural air's pressure on the heart and great veins
};

// Writer: the thrombosis stage (stages/thrombosis.cpp). Reader: ECG (the injury current).
struct IschaemiaBus {
  int32_t territory;  // the ECG's: 0 none, 1 anterior, 2 inferior, 3 lateral
  int32_t pad;
  double extent;      // 0..1
};

// Writer: the fluids stage (stages/fluids.cpp). Readers: circulation (the refill enters the
// systemic veins), blood (haemoglobin carries the O2), chemistry (the analyser's Hb).
struct FluidsBus {
  double hemoglobin_g_dL;
  double refill_mL_s;                  // interstitium to plasma (negative: filtration out)
  double plasma_protein_ratio;         // the plasma's protein concentration / normal (chemistry:
                                       // albumin's share of the anion gap)
};

// Writer: the inflammation stage (stages/inflammation.cpp). Reader: thermal (the set point).
struct InflammationBus {
  double fever_C;                      // the post-arrest fever's rise of the temperature set point
};

// Writer: the brain stage (stages/brain.cpp). Readers: circulation (the cerebral bed's
// resistance), breathing (the brainstem's flow against what its PaCO2 asks, and its O2).
struct BrainBus {
  double cerebral_resistance;          // the cerebral vessels' tone: resistance / resting
  double co2_flow;                     // the flow / resting that the CO2 tone alone asks for
  double o2_delivery;                  // the brain's O2 delivery / its demand (low-passed)
};

struct Bus {
  ElectricalBus electrical;
  AutonomicBus autonomic;
  ChestBus chest;
  CprBus cpr;
  LungsBus lungs;
  HaemodynamicsBus haemodynamics;
  BloodBus blood;
  ChemistryBus chemistry;
  DosingBus dosing;
  TemperatureBus temperature;
  ConditionsBus conditions;
  IschaemiaBus ischaemia;
  FluidsBus fluids;
  BrainBus brain;
  InflammationBus inflammation;
  Effects effects;
};

}  // namespace resus
