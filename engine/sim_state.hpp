// The whole mutable state of one simulated patient, as one trivially copyable struct: the
// snapshot is its bytes, a restored sim continues bit-identically, and creating a sim is a copy.
#pragma once

#include <array>
#include <cstdint>

#include "engine/actions.hpp"
#include "engine/signals.hpp"
#include "models/autonomic/baroreflex.hpp"
#include "models/cardiovascular/circulation.hpp"
#include "models/cpr/compression.hpp"
#include "models/cpr/pulse.hpp"
#include "models/cpr/quality.hpp"
#include "models/ecg/ecg.hpp"
#include "models/electrophysiology/conduction.hpp"
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

// Running sums over one cardiac cycle (from one ventricular activation to the next).
struct CycleStats {
  double start_time;
  int64_t samples;
  double sum_arterial, max_arterial, min_arterial;
  double sum_cvp, sum_pa, max_pa, min_pa, sum_wedge;
  double aortic_volume, coronary_volume, cerebral_volume;  // mL through, over the cycle
  double min_lv_volume, end_diastolic_volume, coronary_perfusion;
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
};

struct SimState {
  cv::State x;
  double septum_guess;  // warm start of the septal Newton solve (part of the state so that a
                        // restored sim continues bit-identically)
  autonomic::BaroreflexState baro;
  double baro_pressure_sum;
  int32_t baro_samples;
  int32_t failed;  // kFailed*: why the sim refuses to advance (0: it does not)
  int64_t step;
  double carry_s;  // requested time not yet stepped (advance() takes any duration)

  // Electrical state and what it drives.
  ep::ConductionState conduction;
  ep::Hooks hooks;                  // drug, electrolyte and temperature influences
  double atrial_activation_time;    // mechanical activation times, s
  double ventricular_activation_time;
  double ventricular_systole_s;
  double beat_contraction;          // contraction multiplier of the current beat
  double myocardial_energy;         // 0..1 (physiology.md A.8)
  double coronary_perfusion_ratio;  // coronary flow / resting, low-pass filtered
  double last_termination_time;     // last shock that ended VF/VT (refibrillation clock)
  double sync_armed_time;           // NaN: no cardioversion waiting for an R wave
  double sync_energy_J;
  int32_t sync_waveform;
  uint32_t rhythm_draws;            // draws used from the rhythm stream
  uint32_t shock_draws;             // and from the shock stream
  double previous_atrial_time;      // the activation before the current one (ECG overlap)
  double previous_ventricular_time;
  int32_t ventricular_origin;       // ep::BeatOrigin of the current beat (set when it happens)
  int32_t previous_ventricular_origin;
  int32_t ecg_rate_hz;              // 0: the ECG is off
  int32_t pad_origin;
  double last_shock_time;

  // Synthetic ECG: generator state, switches and the next sample (time = index / rate).
  ecg::EcgState ecg;
  ecg::ArtefactSwitches ecg_artefacts;
  int64_t ecg_sample_index;
  std::array<double, ecg::kNumLeads> ecg_latest;

  // Chest compressions: the source, what the chest feels, and what a feedback device measures.
  cpr::CompressionState compression;
  cpr::QualityState cpr_quality;
  cpr::QualityReadout cpr_readout;
  cpr::PulseState pulse;
  cpr::PulseReadout pulse_readout;
  double chest_depth_mm;            // at the start of the current step
  double last_compression_onset_s;  // for the ECG artefact phase (-1e9: none yet)
  double compression_interval_s;    // onset to onset, last measured
  int32_t pending_breaths;          // breaths the rescuer still gives in this pause
  int32_t pad_breaths;
  double next_breath_s;
  double pause_breath_volume_mL;

  // Breathing and gases.
  resp::RespState resp;
  double end_expiratory_pleural_mmHg;  // pleural change at the last start of inspiration
  double last_airway_flow_mL_s;

  // Waveform streams (arterial, pleth, capnogram, ...): time = index / rate.
  int32_t wave_rate_hz;  // 0: off
  int32_t pad_wave;
  int64_t wave_sample_index;

  std::array<Beat, kBeatCapacity> beats;
  int64_t beat_head;
  int32_t beat_count;
  int32_t pad;
  int64_t beats_dropped;

  CycleStats cycle;
  Bleed bleed;
  std::array<Infusion, kInfusionSlots> infusions;

  std::array<ScheduledAction, kQueueCapacity> queue;  // sorted by (step, seq)
  int32_t queue_size;
  int32_t event_count;
  int64_t next_seq;
  int64_t event_head;  // index of the oldest undrained event
  int64_t events_dropped;
  std::array<Event, kEventCapacity> events;

  std::array<double, kNumSignals> signals;
  uint64_t seed;
  uint64_t patient_id;
};

}  // namespace resus
