// The whole mutable state of one simulated patient, as one trivially copyable struct: the
// snapshot is its bytes, a restored sim continues bit-identically, and creating a sim is a copy.
// It is laid out as the clock, the bus (engine/bus.hpp: what subsystems share), one section per
// stage (engine/stages/: what only that stage reads and writes), and the rings a host drains.
#pragma once

#include <array>
#include <cstdint>

#include "engine/actions.hpp"
#include "engine/bus.hpp"
#include "engine/signals.hpp"
#include "models/autonomic/baroreflex.hpp"
#include "models/blood/blood.hpp"
#include "models/chemistry/chemistry.hpp"
#include "models/thermal/thermal.hpp"
#include "models/thorax/thorax.hpp"
#include "models/thrombosis/thrombosis.hpp"
#include "models/fluids/fluids.hpp"
#include "models/brain/brain.hpp"
#include "models/brain/vessels.hpp"
#include "models/inflammation/inflammation.hpp"
#include "models/pharmacology/pharmacology.hpp"
#include "models/cardiovascular/circulation.hpp"
#include "models/cpr/compression.hpp"
#include "models/cpr/pulse.hpp"
#include "models/cpr/quality.hpp"
#include "models/cpr/rescuer.hpp"
#include "models/ecg/ecg.hpp"
#include "models/electrophysiology/conduction.hpp"
#include "models/electrophysiology/myocardium.hpp"
#include "models/respiration/respiration.hpp"

namespace resus {

constexpr double kStep_s = 0.002;   // fixed integration step (see engine/README.md)
constexpr int kBaroSteps = 5;        // steps per baroreflex tick (kBaroTick_s / kStep_s)
constexpr int kQueueCapacity = 256; // scheduled actions
constexpr int kEventCapacity = 256; // undrained events kept (oldest dropped first)
constexpr int kInfusionSlots = 4;   // concurrent fluid boluses
constexpr double kMaxDuration_s = 1e9;  // ~31 years: keeps step counts far from int64 overflow
constexpr int kBeatCapacity = 256;  // undrained beat annotations kept (oldest dropped first)
constexpr int kEcgCapacity = 8192;  // ECG samples kept per lead (8 s at 1000 Hz, 33 s at 250 Hz)
constexpr int kWaveCapacity = 8192; // waveform samples kept per wave (16 s at 500 Hz)

// SimState::failed: 0 healthy, kFailedState when the circulation's state went non-finite,
// kFailedSignal0 + i when signal i would have.
constexpr int32_t kFailedState = 1;
constexpr int32_t kFailedSignal0 = 2;

// Values match resus_event_kind in the C API (append-only).
enum class EventKind : int32_t {
  kActionApplied = 1,    // detail = ActionKind, value = rate, volume, rhythm, energy or current
  kHemorrhageEnded = 2,  // value = volume lost by that hemorrhage, mL
  kBolusEnded = 3,       // value = volume infused, mL
  kRhythmChanged = 4,    // detail = new ep::Rhythm, value = previous rhythm
  kShockDelivered = 5,   // detail = ep::ShockOutcome, or 6 no R wave to synchronise on, or 7 no
                         // shock advised (AED mode); value = J
  kPacingCapture = 6,    // detail = 1 capture gained, 0 lost; value = current, mA
  kLabResult = 7,        // a blood gas is ready: detail = site (0 arterial, 1 venous), value = pH
  kNeedleFailed = 8,     // a decompression catheter stopped working: detail = side, value = its life, s
  kSeizure = 9,          // a post-anoxic seizure began: value = the brain injury index, min
  kLastEventKind = kSeizure
};

struct Event {
  double time_s;
  EventKind kind;
  int32_t detail;
  double value;
};

// One ventricular activation, for hosts that annotate or count beats (R-wave times).
struct Beat {
  double time_s;
  int32_t origin;  // ep::BeatOrigin
  int32_t rhythm;  // ep::Rhythm at that moment
  double rr_s;     // interval from the previous ventricular activation
};

struct ScheduledAction {
  int64_t step;  // applied at the boundary before this step
  int64_t seq;   // ties keep their scheduling order
  Action action;
};

// ---- each stage's own state (engine/stages/) ------------------------------------------------

// stages/heart.cpp: the conduction system, the myocardium, shocks and pacing.
struct HeartState {
  ep::ConductionState conduction;
  double myocardial_energy;         // 0..1 (physiology.md A.8)
  double coronary_perfusion_ratio;  // coronary O2 delivery / resting (flow x content), low-passed
  double myocardial_injury;         // ischaemic injury D: caps the energy, feeds the stunning
  ep::Stunning myocardial_stunning;  // post-arrest stunning S: follows D (minutes, then hours)
  // The RV's pressure load: its wall load (transmural pressure x volume, for its wall stress) and
  // the aortic-to-RV pressure perfusing it (low-passed), their resting values, and the
  // contraction they leave the RV.
  double rv_wall_load_mmHg_L, rv_supply_mmHg;
  double rv_wall_load_rest_mmHg_L, rv_supply_rest_mmHg;
  double rv_contraction;
  double last_termination_time;     // last shock that ended VF/VT (refibrillation clock)
  // The last return of the coronary supply after ischaemia (a ROSC, however it came): the
  // injury's refibrillation clock restarts there too.
  double last_reperfusion_time;
  double sync_armed_time;           // NaN: no cardioversion waiting for an R wave
  double sync_energy_J;
  int32_t sync_waveform;
  uint32_t rhythm_draws;            // draws used from the rhythm stream
  uint32_t shock_draws;             // and from the shock stream
  uint32_t ectopy_draws;            // and from the ectopy stream
  int32_t coronary_ischaemic;       // 1 from the supply's fall below a third until its return
  int32_t fibrillated;              // 1 once the heart has been in VF, pulseless VT or torsades
};

struct Bleed {
  double rate_mL_s;     // 0 when none
  double remaining_mL;  // volume still to lose; infinity when open-ended
  double lost_mL;       // lost so far by this hemorrhage
  int32_t site;         // BleedSiteCode
  int32_t pad;
};

struct Infusion {
  double rate_mL_s;  // 0 when the slot is free
  double remaining_mL;
  double infused_mL;
  double temperature_C;  // of what is given (a merged fluid: volume-weighted)
  int32_t kind;      // fluids::FluidKind
  int32_t pad;
};

// stages/circulation.cpp: the ODE state, the hemorrhage and the fluid boluses running.
struct CirculationState {
  cv::State x;
  cv::SeptumStart septum;  // warm start of the septal Newton solve
  Bleed bleed;
  std::array<Infusion, kInfusionSlots> infusions;
};

// stages/compressions.cpp: where the chest depth comes from, and the rescuer's breaths.
struct CompressionsState {
  cpr::CompressionState source;
  cpr::RescuerBreaths breaths;
};

// stages/cpr_meter.cpp: what a CPR-feedback device and a palpating hand measure.
struct CprMeterState {
  cpr::QualityState quality;  // the readout is computed when the signals are read
  cpr::PulseState pulse;
  cpr::PulseReadout pulse_readout;
};

// stages/breathing.cpp: the respiration model.
struct BreathingState {
  resp::RespState resp;
  double last_airway_flow_mL_s;
};

// stages/blood.cpp: the blood pools and tissue stores (models/blood), which also carry the
// chemistry's solutes.
struct BloodStageState {
  blood::BloodState pools;
};

// stages/pharmacology.cpp: drugs and the body's own hormones (models/pharmacology).
struct PharmacologyState {
  pharm::PharmState pk;
};

// A blood gas as an analyser reports it (the `blood_gas` action's result).
struct LabResult {
  double ph, po2_mmHg, pco2_mmHg, hco3_mmol_L, be_mmol_L, lactate_mmol_L, k_mmol_L, ica_mmol_L,
      glucose_mmol_L, hb_g_dL;
};

// stages/chemistry.cpp: the solutes (models/chemistry), the doses of solutes it has taken from
// the pharmacology, and the blood-gas analyser.
struct ChemistryState {
  chem::ChemState chem;
  double tick_s, tick_flow_mL;  // gas ticks gathered toward the chemistry's 100 ms tick
  std::array<double, pharm::kNumDrugs> taken_ug;  // of bus.dosing.delivered_ug
  LabResult lab_drawn;     // the sample in the analyser
  LabResult lab_shown;     // the last result (NaN before the first)
  double lab_due_s;        // when the drawn sample's result appears (NaN: none pending)
  int32_t lab_site;        // of the drawn sample
  int32_t lab_shown_site;  // of the shown result (-1: none)
};

// stages/thermal.cpp: the body's temperature (models/thermal).
struct ThermalStageState {
  thermal::ThermalState body;
  double tick_s, tick_flow_mL;          // gas ticks gathered toward the 100 ms tick
  double tick_infused_heat_capacity_J_C, tick_infused_heat_J;  // fluids' heat over the tick
  double mean_flow_mL_s, rest_flow_mL_s;  // systemic flow, low-passed (30 s), and at rest
};

// stages/brain.cpp: the brain's O2, consciousness and ischaemia, and its vessels (models/brain).
struct BrainStageState {
  brain::BrainState body;
  brain::VesselState vessels;
  brain::VesselRest vessel_rest;  // what the vessels hold: set with the model's rest
  double rest_o2_content;  // arterial Hb x saturation at rest, g/dL
  int32_t regulating;      // the vessels regulate once the rest is set (0 while settling)
  uint32_t seizure_draws;  // draws made from the brain's stream (post-anoxic seizures)
};

// stages/thorax.cpp: pericardial fluid and pleural air (models/thorax).
struct ThoraxStageState {
  thorax::ThoraxState spaces;
};

// stages/thrombosis.cpp: clots (models/thrombosis).
struct ThrombosisStageState {
  thrombosis::ThrombosisState clots;
  int32_t steps;  // since the last 100 ms tick
  int32_t pad;
};

struct ReflexState {
  autonomic::BaroreflexState baro;
  autonomic::ChemoreflexState chemo;
  autonomic::CardiopulmonaryState cardiopulmonary;
  double pressure_sum;  // carotid pressure summed over the tick's steps
  double atrial_sum;    // transmural right atrial pressure summed over them
  int32_t samples;
  int32_t pad;
};

// stages/cycle_stats.cpp: running sums over one cardiac cycle (from one ventricular activation,
// or while compressions run one compression, to the next).
struct CycleStats {
  double start_time;
  int64_t samples;
  double sum_arterial, max_arterial, min_arterial;
  double sum_cvp, sum_pa, max_pa, min_pa, sum_wedge;
  double aortic_volume, coronary_volume, cerebral_volume;  // mL through, over the cycle
  double min_lv_volume, end_diastolic_volume, coronary_perfusion;
};

// stages/cycle_stats.cpp: the beats' swing over each breath (pulse pressure and systolic pressure
// variation, Michard 2000), the last three breaths kept.
struct BreathVariation {
  static constexpr int kBreaths = 3;
  double breath_start_time;       // the inspiration that opened the breath now gathered
  double last_beat_time;          // the last mechanical beat's
  double last_airway_flow_mL_s;
  int32_t beats;                  // mechanical beats so far in this breath
  int32_t kept;                   // breaths in the ring (0..kBreaths)
  int32_t head;                   // the ring's next slot
  int32_t pad;
  double pp_max, pp_min, sbp_max, sbp_min;
  std::array<double, kBreaths> ppv_pct, spv_mmHg;
};

// stages/ecg.cpp: the synthetic ECG (samples go to the sim's per-lead rings, not the state).
struct EcgStageState {
  ecg::EcgState generator;
  ecg::ArtefactSwitches artefacts;
  int32_t rate_hz;  // 0: off
  int32_t pad;
  int64_t sample_index;  // the next sample: time = index / rate
  std::array<double, ecg::kNumLeads> latest;
};

// stages/vf_pads.cpp: the engine's own pads recording of VF and its AMSA.
struct VfPadsState {
  ecg::EcgState source;           // the VF source's own phases and noises (not the ECG's)
  std::array<float, 500> window;  // the last samples at 250 Hz, oldest first
  int32_t filled;                 // samples in `window` (500: the 2 s an AMSA needs)
  int32_t phase;                  // steps since the last sample (one every two 2-ms steps)
  uint32_t draws;                 // noise draws made (the VF pads stream's counter)
  int32_t measured;               // 1 once an AMSA has been measured in this episode of VF
  int32_t rhythm;                 // the episode's ep::Rhythm (a change starts a new recording)
  int32_t pad;
};

// stages/waveforms.cpp: monitor waveforms (samples go to the sim's rings).
struct WaveStageState {
  int32_t rate_hz;  // 0: off
  int32_t pad;
  int64_t sample_index;
};

// ---- the rings a host drains, and the action queue -------------------------------------------

struct BeatRing {
  std::array<Beat, kBeatCapacity> beats;
  int64_t head;
  int32_t count;
  int32_t pad;
  int64_t dropped;
};

struct EventRing {
  std::array<Event, kEventCapacity> events;
  int64_t head;  // index of the oldest undrained event
  int32_t count;
  int32_t pad;
  int64_t dropped;
};

struct ActionQueue {
  std::array<ScheduledAction, kQueueCapacity> entries;  // sorted by (step, seq)
  int32_t size;
  int32_t pad;
  int64_t next_seq;
};

struct SimState {
  // The clock: time is step * kStep_s, never a running sum.
  int64_t step;
  double carry_s;  // requested time not yet stepped (advance() takes any duration)
  int32_t failed;  // kFailed*: why the sim refuses to advance (0: it does not)
  int32_t pad;

  Bus bus;

  HeartState heart;
  CirculationState circulation;
  CompressionsState compressions;
  CprMeterState cpr_meter;
  BreathingState breathing;
  BloodStageState blood;
  PharmacologyState pharmacology;
  ChemistryState chemistry;
  ThermalStageState thermal;
  ThoraxStageState thorax;
  ThrombosisStageState thrombosis;
  fluids::FluidsState fluids;  // stages/fluids.cpp
  BrainStageState brain;
  inflammation::InflammationState inflammation;  // stages/inflammation.cpp
  ReflexState reflex;
  CycleStats cycle;
  BreathVariation breath_variation;
  EcgStageState ecg;
  VfPadsState vf_pads;
  WaveStageState waves;

  BeatRing beats;
  EventRing events;
  ActionQueue queue;

  std::array<double, kNumSignals> signals;
  uint64_t seed;
  uint64_t patient_id;
};

}  // namespace resus
