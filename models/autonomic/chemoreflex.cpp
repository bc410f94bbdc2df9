#include "models/autonomic/chemoreflex.hpp"

#include <algorithm>
#include <cmath>

namespace resus::autonomic {

double Chemoreflex::chemoreceptor_firing(double pao2, double paco2) const {
  const ChemoreflexParams& p = *p_;
  const double e = std::exp(std::clamp((pao2 - p.po2_center_mmHg) / p.k_ac_mmHg, -60.0, 60.0));
  const double o2 = (p.f_ac_max + p.f_ac_min * e) / (1.0 + e);
  // The CO2 gain rises as PO2 falls from 80 to 40 mmHg and holds below (continuous; the codes
  // that transcribe the paper drop back to the normoxic gain minus the rise below 40 mmHg).
  const double hypoxic = std::clamp((80.0 - pao2) / 40.0, 0.0, 1.0);
  const double k = p.k_h + p.k_hypoxic_rise * hypoxic;
  const double co2 = k * std::log(std::max(paco2, 1.0) / p.paco2_n_mmHg) + p.co2_factor_n;
  return std::max(o2 * co2, 0.0);
}

ChemoreflexState Chemoreflex::rest_state(double pao2, double paco2, double lung_above_frc_L) const {
  return {chemoreceptor_firing(pao2, paco2), p_->stretch_gain_per_L * std::max(lung_above_frc_L, 0.0)};
}

void Chemoreflex::tick(double pao2, double paco2, double lung_above_frc_L, double dt,
                       ChemoreflexState& s) const {
  const ChemoreflexState target = rest_state(pao2, paco2, lung_above_frc_L);
  s.chemo = target.chemo + (s.chemo - target.chemo) * std::exp(-dt / p_->tau_ac_s);
  s.stretch = target.stretch + (s.stretch - target.stretch) * std::exp(-dt / p_->tau_ap_s);
}

EfferentShift Chemoreflex::shift(const ChemoreflexState& s) const {
  if (!ref_.active) return {0.0, 0.0};
  const ChemoreflexParams& p = *p_;
  const double chemo = p.gain_scale * (s.chemo - ref_.chemo_rest);
  const double stretch = p.gain_scale * (s.stretch - ref_.stretch_rest);
  return {p.w_chemo_cardiac_sympathetic * chemo,
          p.w_chemo_vagal * chemo - p.w_stretch_vagal * stretch};
}

ChemoreflexParams reference_chemoreflex() {
  ChemoreflexParams c{};
  // Magosso and Ursino 2001 as transcribed by PNEUMA 3.0 (Cheng et al. 2010; README.md).
  c.f_ac_max = 12.3;
  c.f_ac_min = 0.835;
  c.po2_center_mmHg = 45.0;
  c.k_ac_mmHg = 29.27;
  c.k_h = 3.0;
  c.k_hypoxic_rise = 1.6;
  c.co2_factor_n = 1.4;
  c.paco2_n_mmHg = 40.0;
  c.tau_ac_s = 2.0;
  // PNEUMA's gain on the instantaneous volume above FRC (twice Albanese's 11.76/L on tidal
  // volume: the mean of the inflation is about half the tidal volume).
  c.stretch_gain_per_L = 23.29;
  c.tau_ap_s = 2.0;
  c.w_chemo_vagal = 0.2;
  c.w_stretch_vagal = 0.103;
  c.w_chemo_cardiac_sympathetic = 1.0;
  c.gain_scale = 1.0;
  return c;
}

void check_state(const ChemoreflexState& s, StateCheck& c) {
  constexpr double kFiring = 1e3;  // spikes/s, far above any nerve's maximum
  c.in("chemo.chemo", s.chemo, 0.0, kFiring).in("chemo.stretch", s.stretch, 0.0, kFiring);
}

}  // namespace resus::autonomic
