// Default ECG parameters. The conducted-beat kernels are the Sameni et al. 2007 / OSET normal VCG
// set (ecg.md 1.2) converted from phase at 60 bpm to milliseconds (theta * 1000 / 2pi) and
// anchored to the activation times; the other values are the ecg.md section 3 targets or
// engineering choices calibrated against them (README.md lists each with its source).
#include <cmath>
#include <numbers>

#include "models/ecg/ecg.hpp"

namespace resus::ecg {
namespace {

constexpr double kMsPerRad = 1000.0 / (2.0 * std::numbers::pi);  // phase at 60 bpm -> ms
// Activation -> Sameni's R peak (theta = 0) and Sameni's theta = 0 -> P kernels: chosen so no
// kernel starts before its activation (the QRS then shows ~12 ms after the ventricular
// activation, the P wave ~10 ms after the atrial one).
constexpr double kVentricularOffsetMs = 55.0;
constexpr double kAtrialOffsetMs = 210.0;

void add(BeatTemplate& b, Wave w, double ax, double ay, double az, double centre_ms,
         double width_ms) {
  EcgKernel& k = b.kernels[b.count++];
  k.wave = w;
  k.reserved = 0;
  k.amp[0] = ax;
  k.amp[1] = ay;
  k.amp[2] = az;
  k.centre_ms = centre_ms;
  k.width_ms = width_ms;
}

// One Sameni kernel on one axis: theta (rad), alpha, b (rad).
void sameni(BeatTemplate& b, Wave w, int axis, double theta, double alpha, double width_rad,
            double offset_ms, double gain = 1.0) {
  double a[3] = {0.0, 0.0, 0.0};
  a[axis] = alpha * gain;
  add(b, w, a[0], a[1], a[2], theta * kMsPerRad + offset_ms, width_rad * kMsPerRad);
}

void unit(double v[3]) {
  const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  for (int i = 0; i < 3; ++i) v[i] /= n;
}

void set3(double v[3], double x, double y, double z, bool normalise = true) {
  v[0] = x;
  v[1] = y;
  v[2] = z;
  if (normalise) unit(v);
}

void atrial_template(BeatTemplate& b) {
  constexpr double o = kAtrialOffsetMs;
  // Sameni's P is ~0.05 mV in II; adults show ~0.1 mV there [M], so the frontal (x, y) kernels
  // are doubled. z is left as tabulated: doubling it would make V1-V2 P waves too tall.
  constexpr double g = 2.0;
  sameni(b, kWaveP, 0, -1.09, 0.03, 0.0906, o, g);
  sameni(b, kWaveP, 0, -0.83, 0.08, 0.1057, o, g);
  sameni(b, kWaveP, 1, -1.10, 0.035, 0.07, o, g);
  sameni(b, kWaveP, 1, -0.90, 0.015, 0.07, o, g);
  sameni(b, kWaveP, 1, -0.76, -0.019, 0.04, o, g);
  sameni(b, kWaveP, 2, -1.10, -0.03, 0.03, o);
  sameni(b, kWaveP, 2, -0.93, -0.14, 0.12, o);
  sameni(b, kWaveP, 2, -0.70, -0.035, 0.04, o);
  // Sameni's z kernel at -0.4 rad sits in the PR segment: kept as the atrial repolarisation
  // (Ta), at half its amplitude so the PR segment stays near the baseline.
  sameni(b, kWaveP, 2, -0.40, 0.0225, 0.40, o);
  b.qrs_end_ms = 0.0;
  b.qt_ms = 0.0;
}

void narrow_template(BeatTemplate& b) {
  constexpr double o = kVentricularOffsetMs;
  sameni(b, kWaveQ, 0, -0.19, -0.13, 0.0453, o);
  sameni(b, kWaveQ, 2, -0.15, -0.40, 0.045, o);
  sameni(b, kWaveR, 0, -0.07, 0.85, 0.0378, o);
  sameni(b, kWaveR, 0, 0.00, 1.11, 0.0332, o);
  sameni(b, kWaveR, 1, -0.11, 0.32, 0.055, o);
  sameni(b, kWaveR, 1, -0.01, 0.51, 0.037, o);
  sameni(b, kWaveS, 0, 0.06, 0.75, 0.0302, o);
  sameni(b, kWaveS, 0, 0.22, 0.06, 0.0378, o);
  sameni(b, kWaveS, 1, 0.065, -0.32, 0.0604, o);
  sameni(b, kWaveS, 2, 0.095, 0.46, 0.05, o);
  // T kernels at 0.8 of Sameni's amplitudes, so precordial T waves stay under ~1 mV
  // (ecg.md 3.1); Sameni's z kernel at 1.05 rad has b = 0.8 rad (127 ms), which reaches back
  // before the activation: 0.5 rad keeps the beat causal with the same T shape.
  constexpr double t = 0.8;
  sameni(b, kWaveT, 0, 1.20, 0.10, 0.604, o, t);
  sameni(b, kWaveT, 0, 1.42, 0.17, 0.302, o, t);
  sameni(b, kWaveT, 0, 1.68, 0.39, 0.1812, o, t);
  sameni(b, kWaveT, 1, 0.80, 0.04, 0.45, o, t);
  sameni(b, kWaveT, 1, 1.58, 0.08, 0.30, o, t);
  sameni(b, kWaveT, 2, 1.05, -0.12, 0.50, o, t);
  sameni(b, kWaveT, 2, 1.25, -0.20, 0.40, o, t);
  sameni(b, kWaveT, 2, 1.55, -0.35, 0.20, o, t);
  // U: a small wave ~100 ms after the T peak along the T axis, largest in V2-V3 (ecg.md 3.3);
  // replaces Sameni's slow theta = 2.9 rad kernels.
  add(b, kWaveU, 0.012, 0.006, -0.030, 420.0, 38.0);
  // Osborn J wave at unit scale, concordant with the QRS (negative in aVR and V1).
  add(b, kWaveJ, 0.85, 0.45, 0.25, 108.0, 16.0);
  // Sine-wave complex of severe hyperkalaemia: the wide QRS fused with an opposite T.
  add(b, kWaveSine, 0.75, 0.55, 0.05, 120.0, 48.0);
  add(b, kWaveSine, -0.55, -0.40, -0.05, 320.0, 65.0);
  b.qrs_end_ms = 103.0;
  b.qt_ms = 377.0;  // calibrated: QTc (Fridericia) measured by the tests' delineator = 400 ms
}

// Ectopic, escape and torsades beats: wide (~150 ms), LBBB-like, discordant T. Hermite-like
// shapes built from Gaussians (ecg.md 1.4, Bachi 2023 describe VPBs this way).
void ventricular_template(BeatTemplate& b) {
  constexpr double g = 1.3;  // VT complexes are large
  add(b, kWaveR, 0.55 * g, 0.45 * g, 0.55 * g, 45.0, 16.0);
  add(b, kWaveR, 0.85 * g, 0.55 * g, 0.65 * g, 88.0, 20.0);
  add(b, kWaveS, -0.25 * g, -0.35 * g, -0.10 * g, 138.0, 14.0);
  add(b, kWaveT, -0.10 * g, -0.05 * g, -0.10 * g, 250.0, 70.0);
  add(b, kWaveT, -0.30 * g, -0.22 * g, -0.30 * g, 340.0, 50.0);
  add(b, kWaveJ, 0.85, 0.45, 0.25, 168.0, 18.0);
  b.qrs_end_ms = 165.0;
  b.qt_ms = 445.0;
}

// Right-ventricular apical pacing: LBBB-like with a superior axis, discordant T.
void paced_template(BeatTemplate& b) {
  add(b, kWaveR, 0.50, -0.40, 0.50, 42.0, 15.0);
  add(b, kWaveR, 0.90, -0.70, 0.70, 88.0, 21.0);
  add(b, kWaveS, -0.20, 0.30, -0.10, 138.0, 14.0);
  add(b, kWaveT, -0.10, 0.08, -0.10, 250.0, 70.0);
  add(b, kWaveT, -0.30, 0.25, -0.30, 340.0, 50.0);
  add(b, kWaveJ, 0.85, 0.45, 0.25, 168.0, 18.0);
  b.qrs_end_ms = 165.0;
  b.qt_ms = 445.0;
}

void fill(double* v, int n, const double* values) {
  for (int i = 0; i < n; ++i) v[i] = values[i];
}

}  // namespace

EcgParams default_ecg_params() {
  EcgParams p{};
  atrial_template(p.atrial);
  narrow_template(p.ventricular[kTemplateNarrow]);
  ventricular_template(p.ventricular[kTemplateVentricular]);
  paced_template(p.ventricular[kTemplatePaced]);

  // QT (ecg.md 3.1): Fridericia, QTc 400 ms; drug, calcium, cold, hypokalaemia terms [U].
  p.qt_formula = kFridericia;
  p.qtc_ms = 400.0;
  p.qt_drug_ms = 150.0;            // qt_drug = 1 -> QTc 550 (> 500: TdP risk)
  p.qt_calcium_ms_per_mmol = 120.0;
  p.qt_cold_ms_per_C = 13.0;       // 29.6 C case: QTc ~500 (ecg.md 3.3)
  p.qt_hypokalaemia_ms = 30.0;
  p.rr_min_s = 0.2;
  p.rr_max_s = 2.5;

  // Potassium (ecg.md 3.3 suggested maps).
  p.k_t_peak[0] = 5.5, p.k_t_peak[1] = 7.0, p.t_peak_gain = 1.5;
  p.t_narrowing = 0.3;
  p.k_p_flat[0] = 6.5, p.k_p_flat[1] = 8.0;
  p.k_pr[0] = 6.0, p.k_pr[1] = 7.5, p.pr_extra_ms = 60.0;
  p.k_qrs[0] = 7.0, p.k_qrs[1] = 9.0, p.qrs_widening = 1.3;  // 90 -> ~200 ms
  // A tricyclic's QRS: > 100 ms from ~1000 ng/mL, 160 and more in severe poisoning (Boehnert and
  // Lovejoy 1985); 1.2 puts full block at ~200 ms, like full hyperkalaemia [U].
  p.sodium_block_widening = 1.2;
  p.energy_qrs[0] = 0.05;  // [U] the dying heart's QRS (agonal, ~200 ms) at the end of PEA
  p.energy_qrs[1] = 0.45;
  p.energy_qrs_widening = 1.0;
  p.k_sine[0] = 8.5, p.k_sine[1] = 10.0;
  p.k_hypo[0] = 3.5, p.k_hypo[1] = 2.5;
  p.hypo_t_flattening = 0.75;
  p.hypo_u_gain = 6.0;
  p.hypo_st_mV = 0.06;

  // Temperature (ecg.md 3.3): J wave below ~32-33 C, height ~ degree of hypothermia.
  p.osborn_onset_C = 33.0;
  p.osborn_per_C = 0.12;
  p.cold_qrs_per_C = 0.03;
  // 0: the AV node's own delay lengthens with the cold (engine/stages/thermal.cpp); a host may
  // add a drawn shift here.
  p.cold_pr_ms_per_C = 0.0;

  // Effusion (ecg.md 3.3): low voltage and 2-beat alternans.
  p.effusion_low_voltage[0] = 50.0, p.effusion_low_voltage[1] = 900.0;
  p.low_voltage_depth = 0.7;
  p.effusion_alternans[0] = 100.0, p.effusion_alternans[1] = 600.0;
  p.alternans_depth = 0.3;

  // Ischaemia (ecg.md 3.3 STEMI): injury vectors towards the territory.
  set3(p.injury_dir[0], 0.35, -0.35, -0.87);  // anterior: V1-V4 up, III/aVF down
  set3(p.injury_dir[1], -0.10, 1.00, 0.10);   // inferior: II/III/aVF up, I/aVL down
  set3(p.injury_dir[2], 1.00, -0.30, 0.10);   // lateral: I/aVL/V5/V6 up, III/V1 down
  p.injury_mV = 0.35;

  // AF f-waves (ecg.md 1.4): F0 6 Hz, deviation 0.25 Hz at 0.2 Hz, AM a/3 at 0.2 Hz.
  p.af_f0_Hz = 6.0;
  p.af_deviation_Hz = 0.25;
  p.af_modulation_Hz = 0.2;
  p.af_mV = 0.06;
  p.af_jitter = 0.06;
  set3(p.af_dir, -0.40, 0.45, -0.80);  // largest in V1, then III/aVF/II
  // Flutter: ~300/min, negative sawtooth in II/III/aVF, positive in V1.
  p.flutter_Hz = 5.0;
  p.flutter_mV = 0.12;
  set3(p.flutter_dir, 0.20, 0.80, 0.50);

  // VF (ecg.md 1.4 recommended generator).
  const double ratio[3] = {1.0, 1.72, 0.55}, weight[3] = {1.0, 0.4, 0.25};
  fill(p.vf_ratio, 3, ratio);
  fill(p.vf_weight, 3, weight);
  // The dominant sinusoid projects on every lead (so each shows the DF); the others point
  // elsewhere so the leads decorrelate.
  set3(p.vf_dir[0], 0.50, 0.70, -0.50);
  set3(p.vf_dir[1], 0.70, 0.20, -0.60);
  set3(p.vf_dir[2], -0.30, 0.90, 0.30);
  p.vf_jitter = 0.08;
  p.vf_am = 0.3;
  p.vf_harmonic[0] = 0.1;
  p.vf_harmonic[1] = 0.05;
  p.vf_cycle_jitter = 0.2;
  p.vf_sway_rad = 1.0;
  set3(p.vf_sway_axis, 0.3, 0.5, 0.8);
  p.vf_pp_per_mV = 0.31;
  p.source_tau_s = 0.5;
  p.torsades_rotation_Hz = 0.2;
  // Perpendicular to the wide beat's main vector, so the axis sweeps through every lead.
  set3(p.torsades_axis, 0.55, -0.85, 0.0);

  // Artefacts (ecg.md 3.2, 3.4).
  p.pacer_spike_mV = 5.0;
  p.pacer_spike_ms = 2.0;
  set3(p.pacer_dir, 0.45, 0.80, -0.20);
  p.cpr_mV = 1.0;
  p.cpr_depth_ref_mm = 50.0;
  const double h0[4] = {1.0, 0.45, 0.2, 0.08}, h1[4] = {0.5, 0.3, 0.1, 0.05};
  fill(p.cpr_harmonics[0], 4, h0);
  fill(p.cpr_harmonics[1], 4, h1);
  const double c0[kNumElectrodes] = {-0.6, 0.2, 0.9, 0.8, 1.0, 1.0, 0.9, 0.7, 0.5, 1.5};
  const double c1[kNumElectrodes] = {-0.3, 0.5, 0.2, 0.6, 0.4, -0.2, -0.4, 0.3, 0.5, 0.8};
  fill(p.cpr_weight[0], kNumElectrodes, c0);
  fill(p.cpr_weight[1], kNumElectrodes, c1);
  p.shock_rail_mV = 2.5;
  p.shock_pads_rail_mV = 5.0;
  p.shock_offset_mV = 40.0;
  p.shock_hold_s = 0.05;
  p.shock_tau_s = 0.35;  // clipped ~1 s, baseline within 0.1 mV by ~2.2 s (< 5 s, IEC)
  const double sp[kNumElectrodes] = {1.0, -0.8, -1.0, 0.9, 0.7, -0.5, -0.9, -1.0, -1.0, 1.0};
  fill(p.shock_pattern, kNumElectrodes, sp);
  p.wander_mV = 0.1;
  p.wander_Hz = 0.3;
  const double w0[kNumElectrodes] = {0.8, -0.5, 0.3, 1.0, 0.8, 0.6, 0.4, 0.2, 0.1, 1.0};
  const double w1[kNumElectrodes] = {-0.2, 0.6, -0.7, 0.3, -0.5, 0.8, -0.6, 0.4, -0.3, 0.5};
  fill(p.wander_weight[0], kNumElectrodes, w0);
  fill(p.wander_weight[1], kNumElectrodes, w1);
  p.mains_mV = 0.2;
  p.mains_Hz = 50.0;
  const double m[kNumElectrodes] = {1.0, 0.9, 1.1, 0.95, 1.05, 1.0, 0.9, 1.1, 1.0, 0.3};
  fill(p.mains_weight, kNumElectrodes, m);
  p.muscle_mV = 0.03;
  p.muscle_Hz = 20.0;
  const double u0[kNumElectrodes] = {1.0, -0.4, 0.2, 0.3, 0.2, 0.1, 0.2, 0.3, 0.5, 0.8};
  const double u1[kNumElectrodes] = {-0.3, 1.0, 0.6, 0.2, 0.3, 0.4, 0.3, 0.2, 0.1, 0.6};
  fill(p.muscle_weight[0], kNumElectrodes, u0);
  fill(p.muscle_weight[1], kNumElectrodes, u1);

  // Pads: anterior-apical pair, roughly lead II turned towards V5 (ecg.md 1.3).
  set3(p.pads_lead, 0.6 * 0.235 + 0.4 * 1.125, 0.6 * 1.066 + 0.4 * 0.127,
       0.6 * -0.132 + 0.4 * -0.086, false);
  p.gain = 1.0;
  return p;
}

}  // namespace resus::ecg
