// Pharmacodynamics: each target's occupancy from the effect-site concentrations of every drug
// acting there (agonists add as concentration over EC50; antagonists compete, dividing that
// drive by 1 + their concentrations over Ki; the blood's pH, sodium and calcium move the
// sodium- and calcium-channel blockers' hold),
// a sigmoid with the target's Hill coefficient, and each channel the product of its targets'
// factors relative to their resting occupancy, so that the body's own resting hormones leave the
// calibrated resting state exactly where it is.
#include <algorithm>
#include <cmath>

#include "models/pharmacology/internal.hpp"

namespace resus::pharm {

namespace {

// What the blood does to a drug's hold on its channel: alkalosis and sodium loading free the
// fast sodium channel (fewer ionised tricyclic molecules, more sodium through what is left open;
// McCabe 1998), calcium overcomes the L-type block. 1 at pH 7.40, sodium 140 and ionised
// calcium 1.25 mmol/L.
double sodium_block_modulation(const PharmParams& p, const PharmState& s) {
  return std::exp(-p.sodium_block_per_ph * (s.ph - 7.40)) *
         std::pow(140.0 / std::max(s.sodium_mmol_L, 100.0), p.sodium_block_sodium_exponent);
}
// Acidaemia shifts the adrenergic dose-response to the right: 1 down to the threshold pH.
double adrenergic_responsiveness(const PharmParams& p, const PharmState& s) {
  const double below = std::max(p.acidosis_threshold_ph - s.ph, 0.0);
  return std::exp(-std::min(below, 2.0) / p.acidosis_catecholamine_ph_scale);
}
double calcium_block_modulation(const PharmParams& p, const PharmState& s) {
  return std::pow(1.25 / std::max(s.ionised_calcium_mmol_L, 0.3), p.calcium_block_calcium_exponent);
}

}  // namespace

void update_effects(const PharmParams& p, PharmState& s) noexcept {
  std::array<double, kNumTargets> drive{}, antagonism{};
  for (int i = 0; i < kNumDrugs; ++i) {
    const DrugSpec& spec = drug_spec(static_cast<Drug>(i));
    const double ce = std::max(s.drug[i].effect_ng_mL, 0.0);
    if (ce == 0.0) continue;
    for (int t = 0; t < kNumTargets; ++t) {
      if (spec.ec50_ng_mL[t] > 0.0) drive[t] += ce / spec.ec50_ng_mL[t];
      if (spec.ki_ng_mL[t] > 0.0) antagonism[t] += ce / spec.ki_ng_mL[t];
    }
  }
  drive[kSodiumToxicity] *= sodium_block_modulation(p, s);
  drive[kCalciumChannel] *= calcium_block_modulation(p, s);
  const double responsiveness = adrenergic_responsiveness(p, s);
  for (int t : {kAlpha1, kBeta1, kBeta2}) drive[t] *= responsiveness;
  // Hypoxic vascular smooth muscle (K-ATP channels open, adenosine) holds against alpha-1 tone.
  const double alpha1_hold = 1.0 / (1.0 + p.alpha1_ischaemic_shift * s.vascular_hypoxia);
  drive[kAlpha1] *= alpha1_hold;
  // An energy-starved myocardium breaks its ATP down to adenosine, whose A1 receptors oppose
  // beta-1 stimulation (the anti-adrenergic action of adenosine): the arrest's own surge then
  // leaves room for a dose, as it does in patients (README, "Starved hearts hold against beta-1").
  const double deficit = 1.0 - s.myocardial_energy;
  drive[kBeta1] /= 1.0 + p.beta1_ischaemic_shift * deficit * deficit;

  for (int k = 0; k < kNumChannels; ++k) s.out[k] = k < kNumScaleChannels ? 1.0 : 0.0;
  for (int t = 0; t < kNumTargets; ++t) {
    const TargetSpec& ts = target_spec(t);
    const double d = drive[t] / (1.0 + antagonism[t]);
    const double x = d > 0.0 ? std::pow(d, ts.hill) : 0.0;
    const double bound = std::isfinite(x) ? x / (1.0 + x) : 1.0;
    s.occupancy[t] = bound;
    // Tolerance takes its share of the response above rest.
    const double f = bound - s.tolerance[t] * std::max(bound - s.rest_occupancy[t], 0.0);
    const double rest = s.rest_occupancy[t];
    for (int k = 0; k < ts.count; ++k) {
      const TargetEffect& e = ts.effects[k];
      if (e.channel >= kNumScaleChannels) s.out[e.channel] += e.emax * (f - rest);
      else s.out[e.channel] *= (1.0 + e.emax * f) / (1.0 + e.emax * rest);
    }
  }
  // The sympathetic nerves act through the same receptors: the share an antagonist holds, and
  // what acidaemia takes of the rest, is the share of the reflex's cardiac (beta-1) and vascular
  // (alpha-1) limbs lost.
  s.out[kBeta1Blockade] = 1.0 - responsiveness / (1.0 + antagonism[kBeta1]);
  // The hypoxic hold is left out of the nerves' share [U]: it is fitted on the circulating
  // hormones' dose-response (README, "Hypoxic vessels hold against alpha-1").
  s.out[kAlpha1Blockade] = 1.0 - responsiveness / (1.0 + antagonism[kAlpha1]);
}

void develop_tolerance(const PharmParams& p, double dt, PharmState& s) noexcept {
  // Alpha-1 only: repeated epinephrine in swine CPR gives less coronary (alpha-mediated) response
  // each time (als-next.md 1.3). Toward the share its excess occupancy (0..1 of what is left
  // above rest) calls for; it recovers three times more slowly.
  const int t = kAlpha1;
  if (!(p.alpha1_tolerance_max > 0.0)) return;
  const double room = std::max(1.0 - s.rest_occupancy[t], 1e-9);
  const double excess = std::clamp((s.occupancy[t] - s.rest_occupancy[t]) / room, 0.0, 1.0);
  const double target = std::min(p.alpha1_tolerance_max, 1.0) * excess;
  const double tau = (target > s.tolerance[t] ? 1.0 : 3.0) * p.alpha1_tolerance_tau_s;
  s.tolerance[t] += (target - s.tolerance[t]) * -std::expm1(-dt / tau);
}

void set_rest(const PharmParams& p, PharmState& s) noexcept {
  s.tolerance.fill(0.0);
  s.rest_occupancy.fill(0.0);
  s.vascular_hypoxia = 0.0;
  s.myocardial_energy = 1.0;
  update_effects(p, s);
  s.rest_occupancy = s.occupancy;
  s.rest_map_mmHg = s.map_mmHg;
  s.stress = 0.0;
  update_effects(p, s);
}

}  // namespace resus::pharm
