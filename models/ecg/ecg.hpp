// Synthetic multi-lead ECG: a 3-D cardiac dipole (vectorcardiogram) built from Gaussian kernels
// placed at the atrial and ventricular activation times, plus continuous sources (AF f-waves,
// flutter, VF, torsades), projected to electrode potentials through the Dower lead vectors;
// artefacts are added at the electrodes and the 12 leads plus the pads lead are derived from
// them, so I + III == II holds exactly. ../shared/reference/ecg.md sections 1.2, 1.3, 3 and 6.
// Pure: no I/O, no allocation, no random generator of its own (the engine supplies normal
// draws per sample), deterministic.
#pragma once

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace resus::ecg {

enum Lead : int { kI, kII, kIII, kAVR, kAVL, kAVF, kV1, kV2, kV3, kV4, kV5, kV6, kPads, kNumLeads };

// "I", "II", "III", "aVR", "aVL", "aVF", "V1".."V6", "pads"; "unknown" out of range.
const char* lead_name(int lead);
// Lead index by name, case-insensitive, with the usual aliases ("MLII", "AVR", "ECG II"); -1 if
// unknown.
int find_lead(std::string_view name);

// Electrodes whose potentials the dipole drives; artefacts enter here. The pads are one bipolar
// channel of their own.
enum Electrode : int { kRA, kLA, kLL, kEV1, kEV2, kEV3, kEV4, kEV5, kEV6, kEPads, kNumElectrodes };

// Beat components. P (with the atrial repolarisation Ta) hangs off the atrial activation; the
// others off the ventricular activation.
enum Wave : int32_t { kWaveP, kWaveQ, kWaveR, kWaveS, kWaveJ, kWaveT, kWaveU, kWaveSine, kNumWaves };

// One Gaussian kernel of the dipole: amp * exp(-(t - centre)^2 / (2 width^2)) on each axis.
// Frank axes: x to the patient's left, y to the feet, z to the back.
struct EcgKernel {
  int32_t wave;      // Wave
  int32_t reserved;  // explicit padding, keep 0
  double amp[3];     // mV-like dipole units on x, y, z
  double centre_ms;  // after the activation time
  double width_ms;   // standard deviation
};

constexpr int kMaxKernels = 24;

struct BeatTemplate {
  int32_t count;      // kernels in use
  int32_t reserved;
  double qrs_end_ms;  // J point of the template: ST-T kernels stretch about it
  double qt_ms;       // activation to T end of the template as tabulated (RR 1 s)
  EcgKernel kernels[kMaxKernels];
};

// Ventricular beat shapes by origin.
enum Template : int32_t { kTemplateNarrow, kTemplateVentricular, kTemplatePaced, kNumTemplates };

enum QtFormula : int32_t { kFridericia = 0, kBazett = 1 };

struct EcgParams {
  BeatTemplate atrial;                     // P and Ta
  BeatTemplate ventricular[kNumTemplates]; // conducted; ectopic, escape and torsades; paced

  // QT: QT = QTc * RR^(1/3) (Fridericia) or QTc * RR^(1/2) (Bazett), QTc shifted by the terms
  // below; the ST-T kernels are stretched about the J point to match.
  int32_t qt_formula;
  int32_t reserved0;
  double qtc_ms;                    // at neutral physiology
  double qt_drug_ms;                // added at qt_drug = 1
  double qt_calcium_ms_per_mmol;    // subtracted per mmol/L of ionised calcium above 1.2
  double qt_cold_ms_per_C;          // added per degree below 37
  double qt_hypokalaemia_ms;        // added at full hypokalaemia
  double rr_min_s, rr_max_s;        // RR clamp for the correction

  // Potassium maps: s(K; lo, hi) is a smoothstep from lo to hi (reversed when lo > hi).
  double k_t_peak[2], t_peak_gain;      // T amplitude *(1 + gain*s)
  double t_narrowing;                   // T width *(1 - narrowing*s), same s
  double k_p_flat[2];                   // P amplitude *(1 - s)
  double k_pr[2], pr_extra_ms;          // QRS delayed after the activation: longer effective PR
  double k_qrs[2], qrs_widening;        // QRS width *(1 + widening*s)
  double sodium_block_widening;         // QRS width *(1 + w*block) under a sodium-channel blocker
  // An exhausted myocardium conducts slowly: QRS width *(1 + w*(1 - smoothstep(energy, lo, hi))).
  double energy_qrs[2], energy_qrs_widening;
  double k_sine[2];                     // blend into the sine-wave complex
  double k_hypo[2];                     // hypokalaemia, e.g. (3.5, 2.5)
  double hypo_t_flattening;             // T amplitude *(1 - flattening*s)
  double hypo_u_gain;                   // U amplitude *(1 + gain*s)
  double hypo_st_mV;                    // ST depression along the T axis

  // Temperature.
  double osborn_onset_C;          // J (Osborn) wave appears below this
  double osborn_per_C;            // J kernel scale per degree below onset (kernel = 1 at scale 1)
  double cold_qrs_per_C;          // QRS width *(1 + k*(37 - T))
  double cold_pr_ms_per_C;        // effective PR extra per degree below 37

  // Pericardial effusion: global scale 1 - depth*s(V; lo, hi); alternate beats *(1 - alt*s).
  double effusion_low_voltage[2], low_voltage_depth;
  double effusion_alternans[2], alternans_depth;

  // Ischaemia: injury current vector per territory (anterior, inferior, lateral), unit-ish,
  // times injury_mV*extent over the ST segment.
  double injury_dir[3][3];
  double injury_mV;

  // Atrial fibrillation: extended sawtooth (Stridh & Sornmo 2001), 3 harmonics.
  double af_f0_Hz, af_deviation_Hz, af_modulation_Hz, af_mV, af_jitter;
  double af_dir[3];
  // Atrial flutter: sawtooth locked to the atrial activations when they are regular.
  double flutter_Hz, flutter_mV;
  double flutter_dir[3];
  // VF: three drifting sinusoids at DF*ratio, weights, directions; jitter and AM are fractions.
  double vf_ratio[3], vf_weight[3];
  double vf_dir[3][3];
  double vf_jitter, vf_am, vf_sway_rad;
  double vf_harmonic[2];          // the dominant wave's 2nd and 3rd harmonics (its sharp deflections)
  double vf_cycle_jitter;         // VF frequency's cycle-to-cycle variation (fast noise)
  double vf_sway_axis[3];         // unit axis the VF dipole sways about
  double vf_pp_per_mV;            // dipole scale so lead II peak-to-peak ~ vf_amplitude_mV
  double source_tau_s;            // fade in/out of the continuous sources
  // Torsades: the ventricular template rotated about an axis.
  double torsades_rotation_Hz;
  double torsades_axis[3];

  // Artefacts.
  double pacer_spike_mV, pacer_spike_ms;
  double pacer_dir[3];
  double cpr_mV, cpr_depth_ref_mm;          // at the reference depth
  double cpr_harmonics[2][4];               // two shapes: sine and cosine series
  double cpr_weight[2][kNumElectrodes];     // electrode gain of each shape
  double shock_rail_mV;                     // electrode input stage rails
  double shock_pads_rail_mV;                // pads channel rails
  double shock_offset_mV, shock_hold_s, shock_tau_s;  // polarisation offset and its recovery
  double shock_pattern[kNumElectrodes];     // sign/size of the offset per electrode
  double wander_mV, wander_Hz;              // RMS per source, corner frequency
  double wander_weight[2][kNumElectrodes];
  double mains_mV, mains_Hz;
  double mains_weight[kNumElectrodes];
  double muscle_mV, muscle_Hz;              // RMS, high-pass corner
  double muscle_weight[2][kNumElectrodes];

  // Projection.
  double pads_lead[3];  // pads lead vector on x, y, z
  double gain;          // overall gain on every electrode
};

EcgParams default_ecg_params();

// What the engine supplies for each sample.
struct EcgInputs {
  double t = 0.0;                                    // sample time, s
  double atrial_times[2] = {-1e9, -1e9};             // last, previous atrial activation, s
  double ventricular_times[2] = {-1e9, -1e9};        // last, previous ventricular activation, s
  int32_t ventricular_origin[2] = {0, 0};            // ep::BeatOrigin of those beats
  int32_t atrial_mode = 0;                           // ep::AtrialMode
  int32_t ventricular_mode = 0;                      // ep::VentricularMode
  double rr_s = 1.0;                                 // current RR for the QT correction
  double vf_amplitude_mV = 0.0;                      // lead II peak-to-peak in VF
  double vf_frequency_Hz = 5.0;                      // VF dominant frequency
  double pacer_spike_time = -1e9;                    // last pacer pulse, s
  double shock_time = -1e9;                          // last shock, s
  double compression_phase = -1.0;                   // 0..1 within a compression, -1: no CPR
  double compression_depth_mm = 0.0;
  double potassium_mmol_L = 4.0;
  double calcium_mmol_L = 1.2;                       // ionised
  double temperature_C = 37.0;
  double pericardial_effusion_mL = 0.0;
  int32_t ischaemia_territory = 0;                   // 0 none, 1 anterior, 2 inferior, 3 lateral
  int32_t reserved = 0;
  double ischaemia_extent = 0.0;                     // 0..1
  double qt_drug = 0.0;                              // 0..1
  double sodium_channel_block = 0.0;                 // 0..1, share of the fast sodium current
  double myocardial_energy = 1.0;                    // 1 healthy .. 0 exhausted (PEA widens)
  double noise[4] = {0.0, 0.0, 0.0, 0.0};            // independent standard normal draws
};

struct ArtefactSwitches {
  int32_t cpr = 1, shock = 1, pacer = 1, baseline_wander = 0, mains = 0, muscle = 0;
};

// Everything the generator carries from one sample to the next.
struct EcgState {
  double vf_phase[3];           // rad
  double vf_env;                // 0..1 fade of the VF source
  double af_phase, af_mod_phase, af_env;
  double flutter_phase, flutter_env;
  double torsades_angle;        // rad
  double slow_stage[2];         // first stage of the slow noise filters
  double slow_noise[2];         // ~0.5 Hz low-passed noise, unit variance (VF, AF drift)
  double fast_noise[2];         // ~3 Hz low-passed noise, unit variance (VF's cycle-to-cycle jitter)
  double wander[2][2];          // two sources, two low-pass stages each
  double muscle_lp[2];          // low-pass part removed from the muscle noise
  double mains_phase;           // cycles, 0..1
  double last_ventricular_time; // to count beats for alternans
  int32_t beat_count;
  int32_t reserved;
};

class Generator {
 public:
  explicit Generator(const EcgParams& p);
  EcgState initial_state() const;
  // One sample of every lead, mV, at in.t; dt is the sample interval (s).
  void sample(const EcgInputs& in, const ArtefactSwitches& a, double dt, EcgState& s,
              double out[kNumLeads]) const;
  const EcgParams& params() const { return p_; }
  // The QRS duration of the last ventricular beat as drawn (onset to J point, ms; 0 in VF,
  // torsades and standstill).
  double qrs_ms(const EcgInputs& in) const;
  // The largest ST shift of the twelve leads in the beats these inputs draw (mV, positive:
  // elevation): the injury current and the hypokalaemic depression, without artefacts.
  double st_max_mV(const EcgInputs& in) const;
  // The VF source alone on the pads (mV): no beats, no artefacts, none of the host's settings.
  // The engine's own recording of VF, from which it computes AMSA (engine/stages/vf_pads.cpp).
  // Reads in.ventricular_mode, the VF amplitude and frequency and noise[2..3]; advances the VF
  // phases and slow noises of `s`, which must be a state of its own, not the ECG's.
  double vf_pads_sample(const EcgInputs& in, double dt, EcgState& s) const;
  // Electrode lead vectors (gain included), x/y/z per electrode.
  const double (&electrode_matrix() const)[kNumElectrodes][3] { return e_; }

 private:
  EcgParams p_;
  double e_[kNumElectrodes][3];
  double inv_width_[1 + kNumTemplates][kMaxKernels];  // atrial, then ventricular templates
  double t_axis_[3];                                   // unit T-wave axis (hypokalaemic ST)
  double qrs_width_ms_[kNumTemplates];                 // each template's QRS as drawn
};

static_assert(std::is_trivially_copyable_v<EcgParams>);
static_assert(std::is_trivially_copyable_v<EcgInputs>);
static_assert(std::is_trivially_copyable_v<EcgState>);
static_assert(std::is_trivially_copyable_v<ArtefactSwitches>);
static_assert(sizeof(EcgKernel) == 6 * sizeof(double));
static_assert(sizeof(EcgInputs) == 27 * sizeof(double));
static_assert(sizeof(EcgState) % sizeof(double) == 0);

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const EcgState& s, StateCheck& c);
void check_switches(const ArtefactSwitches& a, StateCheck& c);

// Each scalar parameter by name (beat templates and direction vectors are set as a whole).
std::span<const ParamSpec<EcgParams>> param_table();

}  // namespace resus::ecg
