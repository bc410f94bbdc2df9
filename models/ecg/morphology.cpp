#include "models/ecg/morphology.hpp"

#include <algorithm>
#include <cmath>

#include "models/electrophysiology/conduction.hpp"

namespace resus::ecg::detail {

double smoothstep(double x, double lo, double hi) {
  const double u = std::clamp((x - lo) / (hi - lo), 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
}

Physiology physiology(const EcgParams& p, const double t_axis[3], const EcgInputs& in) {
  Physiology ph{};
  const double k = in.potassium_mmol_L;
  const double s_peak = smoothstep(k, p.k_t_peak[0], p.k_t_peak[1]);
  const double s_pflat = smoothstep(k, p.k_p_flat[0], p.k_p_flat[1]);
  const double s_pr = smoothstep(k, p.k_pr[0], p.k_pr[1]);
  const double s_qrs = smoothstep(k, p.k_qrs[0], p.k_qrs[1]);
  const double s_sine = smoothstep(k, p.k_sine[0], p.k_sine[1]);
  const double s_hypo = smoothstep(k, p.k_hypo[0], p.k_hypo[1]);
  const double cold = std::clamp(37.0 - in.temperature_C, -3.0, 15.0);
  const double chill = std::max(cold, 0.0);

  // QT: rate correction plus drug, calcium, cold and hypokalaemia terms; everything after the
  // J point stretches so the T wave ends at the corrected QT.
  const double qtc = p.qtc_ms + p.qt_drug_ms * std::clamp(in.qt_drug, 0.0, 1.0) -
                     p.qt_calcium_ms_per_mmol * (std::clamp(in.calcium_mmol_L, 0.5, 2.5) - 1.2) +
                     p.qt_cold_ms_per_C * cold + p.qt_hypokalaemia_ms * s_hypo;
  const double rr = std::clamp(in.rr_s, p.rr_min_s, p.rr_max_s);
  const double qt = qtc * (p.qt_formula == kBazett ? std::sqrt(rr) : std::cbrt(rr));
  const BeatTemplate& n = p.ventricular[kTemplateNarrow];
  ph.st_stretch = std::max((qt - n.qrs_end_ms) / (n.qt_ms - n.qrs_end_ms), 0.3);
  ph.t_width = 1.0 - p.t_narrowing * s_peak;
  const double block = std::clamp(in.sodium_channel_block, 0.0, 1.0);
  ph.qrs_stretch = (1.0 + p.qrs_widening * s_qrs) * (1.0 + p.cold_qrs_per_C * chill) *
                   (1.0 + p.sodium_block_widening * block) *
                   (1.0 + p.energy_qrs_widening *
                              (1.0 - smoothstep(in.myocardial_energy, p.energy_qrs[0], p.energy_qrs[1])));
  ph.p_stretch = 1.0 + p.cold_qrs_per_C * chill;
  ph.shift_ms = p.pr_extra_ms * s_pr + p.cold_pr_ms_per_C * chill;

  const double fused = 1.0 - s_sine;  // severe hyperkalaemia: the beat becomes a sine wave
  ph.wave_amp[kWaveP] = 1.0 - s_pflat;
  ph.wave_amp[kWaveQ] = fused;
  ph.wave_amp[kWaveR] = fused;
  ph.wave_amp[kWaveS] = fused;
  ph.wave_amp[kWaveJ] = fused * p.osborn_per_C * std::max(p.osborn_onset_C - in.temperature_C, 0.0);
  ph.wave_amp[kWaveT] =
      fused * (1.0 + p.t_peak_gain * s_peak) * (1.0 - p.hypo_t_flattening * s_hypo);
  ph.wave_amp[kWaveU] = fused * (1.0 + p.hypo_u_gain * s_hypo);
  ph.wave_amp[kWaveSine] = s_sine;

  const double v = in.pericardial_effusion_mL;
  ph.global_scale = 1.0 - p.low_voltage_depth *
                              smoothstep(v, p.effusion_low_voltage[0], p.effusion_low_voltage[1]);
  ph.alternans =
      p.alternans_depth * smoothstep(v, p.effusion_alternans[0], p.effusion_alternans[1]);

  // Injury current towards the ischaemic territory (reciprocal depression follows from the
  // projection) and the hypokalaemic ST depression against the T axis.
  const int terr = in.ischaemia_territory;
  const double injury = terr >= 1 && terr <= 3
                            ? p.injury_mV * std::clamp(in.ischaemia_extent, 0.0, 1.0)
                            : 0.0;
  for (int i = 0; i < 3; ++i)
    ph.st_vector[i] = fused * ((injury > 0.0 ? injury * p.injury_dir[terr - 1][i] : 0.0) -
                               p.hypo_st_mV * s_hypo * t_axis[i]);
  ph.inverted_p =
      in.atrial_mode == static_cast<int32_t>(ep::AtrialMode::kReentry) ? -0.5 : 1.0;
  return ph;
}

void ventricular_map(const Physiology& ph, const BeatTemplate& b, WaveMap& m) {
  const double qs = ph.qrs_stretch, st = ph.st_stretch, sh = ph.shift_ms;
  for (int w = 0; w < kNumWaves; ++w) {
    m.amp[w] = ph.wave_amp[w];
    if (w == kWaveT || w == kWaveU) {  // ST-T: stretched about the (widened) J point
      m.base_ms[w] = sh + b.qrs_end_ms * (qs - st);
      m.stretch[w] = st;
      m.inv_width[w] = 1.0 / (w == kWaveT ? st * ph.t_width : st);
    } else if (w == kWaveSine) {
      m.base_ms[w] = sh;
      m.stretch[w] = 1.0;
      m.inv_width[w] = 1.0;
    } else {  // QRS and J: widened about the activation
      m.base_ms[w] = sh;
      m.stretch[w] = qs;
      m.inv_width[w] = 1.0 / qs;
    }
  }
  m.qrs_end_ms = sh + b.qrs_end_ms * qs;
  m.t_end_ms = m.qrs_end_ms + (b.qt_ms - b.qrs_end_ms) * st;
}

void atrial_map(const Physiology& ph, WaveMap& m) {
  for (int w = 0; w < kNumWaves; ++w) {
    m.base_ms[w] = 0.0;
    m.stretch[w] = ph.p_stretch;
    m.inv_width[w] = 1.0 / ph.p_stretch;
    m.amp[w] = w == kWaveP ? ph.wave_amp[kWaveP] * ph.inverted_p : 0.0;
  }
  m.qrs_end_ms = 0.0;
  m.t_end_ms = 0.0;
}

}  // namespace resus::ecg::detail
