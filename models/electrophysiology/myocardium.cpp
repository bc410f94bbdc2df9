#include "models/electrophysiology/myocardium.hpp"

#include <algorithm>
#include <cmath>

namespace resus::ep {
namespace {
double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
}  // namespace

double Myocardium::energy_rate(double energy, double perfusion, bool fibrillating) const {
  // physiology.md A.8: dM/dt = -k_isch*(1 - perfusion) + k_rec*f(perfusion); fibrillating muscle
  // needs more than resting flow, so the same flow is a smaller share of its demand.
  const double demand = (fibrillating ? p_->vf_demand : 1.0) * p_->sufficient_perfusion;
  const double share = std::clamp(perfusion / demand, 0.0, 1.0);
  const double rate = -p_->ischaemia_rate_per_s * (1.0 - share) +
                      p_->recovery_rate_per_s * share * (1.0 - energy);
  // Energy stays in [0, 1].
  if (energy <= 0.0 && rate < 0.0) return 0.0;
  return rate;
}

VfFeatures Myocardium::vf_features(double energy) const {
  const double m = std::clamp(energy, 0.0, 1.0);
  VfFeatures f;
  f.amplitude_mV = p_->vf_amplitude_min_mV + (p_->vf_amplitude_max_mV - p_->vf_amplitude_min_mV) * m;
  f.frequency_Hz = p_->vf_frequency_min_Hz + (p_->vf_frequency_max_Hz - p_->vf_frequency_min_Hz) * m;
  f.amsa_mV_Hz = p_->amsa_per_mV_Hz * f.amplitude_mV * f.frequency_Hz;
  return f;
}

double Myocardium::contractility(double energy) const {
  const double m = std::clamp(energy, 0.0, 1.0);
  return p_->stunned_contractility + (1.0 - p_->stunned_contractility) * m;
}

double Myocardium::rv_overload_contraction(double demand_ratio, double supply_ratio) const {
  if (!(demand_ratio > 1.0)) return 1.0;
  const double met = p_->rv_coronary_reserve * std::max(supply_ratio, 0.0) / demand_ratio;
  const double ischaemia = std::clamp(1.0 - met, 0.0, 1.0);
  return 1.0 - ischaemia * (1.0 - p_->rv_ischaemic_contraction);
}

double Myocardium::termination_probability(double energy_J, ShockWaveform w,
                                           const Modulators& mod) const {
  double e50 = w == ShockWaveform::kBiphasic ? p_->biphasic_e50_J : p_->monophasic_e50_J;
  // Drugs move the defibrillation threshold (the effect channel); deep hypothermia raises it.
  e50 *= mod.defibrillation_threshold;
  if (mod.temperature_C < 30.0) e50 *= 1.0 + 0.3 * (30.0 - mod.temperature_C);
  return 1.0 / (1.0 + std::pow(e50 / energy_J, p_->shock_steepness));
}

ShockResult Myocardium::defibrillate(double energy_J, ShockWaveform w, const ConductionState& s,
                                     double myocardial_energy, const Modulators& mod,
                                     bool in_vulnerable_period, double u1, double u2) const {
  const auto r = static_cast<Rhythm>(s.rhythm);
  const bool shockable = Conduction::fibrillating(s) || r == Rhythm::kPulselessVt ||
                         r == Rhythm::kVentricularTachycardia;
  if (shockable) {
    if (u1 >= termination_probability(energy_J, w, mod))
      return {ShockOutcome::kNotTerminated, r};
    // What follows depends on the substrate (Ristagno 2015 logistic on AMSA).
    const double amsa = vf_features(myocardial_energy).amsa_mV_Hz;
    if (u2 < logistic(p_->rosc_beta0 + p_->rosc_beta1 * amsa))
      return {ShockOutcome::kTerminated, Rhythm::kSinus};
    return {ShockOutcome::kTerminated,
            myocardial_energy >= p_->pea_energy ? Rhythm::kPea : Rhythm::kAsystole};
  }
  if (Conduction::organised(s) && in_vulnerable_period && u1 < p_->t_wave_vf_probability)
    return {ShockOutcome::kInducedVf, Rhythm::kVfCoarse};
  // An unsynchronised shock also cardioverts organised tachyarrhythmias.
  if (r == Rhythm::kAtrialFibrillation || r == Rhythm::kAtrialFlutter || r == Rhythm::kSvt)
    return cardiovert(energy_J, w, s, mod, u2);
  return {ShockOutcome::kNoEffect, r};
}

ShockResult Myocardium::cardiovert(double energy_J, ShockWaveform w, const ConductionState& s,
                                   const Modulators& mod, double u) const {
  const auto r = static_cast<Rhythm>(s.rhythm);
  double e50 = 0.0;
  switch (r) {
    case Rhythm::kAtrialFibrillation: e50 = p_->cardioversion_e50_af_J; break;
    case Rhythm::kAtrialFlutter:
    case Rhythm::kSvt: e50 = p_->cardioversion_e50_flutter_J; break;
    case Rhythm::kVentricularTachycardia:
    case Rhythm::kPulselessVt: e50 = p_->cardioversion_e50_vt_J; break;
    default: return {ShockOutcome::kNoEffect, r};
  }
  if (w == ShockWaveform::kMonophasic) e50 *= 2.0;  // monophasic needs about twice the energy
  e50 *= mod.defibrillation_threshold;
  const double p = 1.0 / (1.0 + std::pow(e50 / energy_J, p_->shock_steepness));
  return u < p ? ShockResult{ShockOutcome::kConverted, Rhythm::kSinus}
               : ShockResult{ShockOutcome::kNotConverted, r};
}

double Myocardium::refibrillation_hazard(double since_s, const Modulators& mod) const {
  // Long after the last termination (and before any: since ~1e9 s) exp() underflows to exactly
  // 0, which libm reaches by its slow path; return that 0 directly.
  const double x = -since_s / p_->refib_tau_s;
  if (x < -746.0) return 0.0;
  return p_->refib_hazard_per_s * std::exp(x) * mod.refibrillation_hazard;
}

RhythmHazards Myocardium::hazards(const ConductionState& s, double myocardial_energy,
                                  double since_termination_s, const Modulators& m) const {
  RhythmHazards h{0.0, 0.0};
  const auto rhythm = static_cast<Rhythm>(s.rhythm);
  if (Conduction::organised(s)) {
    // Hyperkalaemia above 8 mmol/L (calcium and membrane stabilisers raise the threshold) and
    // deep hypothermia below 28 C bring VF (physiology.md A.6, A.9) [U: rates]; above about
    // 9.5 the heart may stop in diastole instead (B.4 row 61: VF or diastolic arrest at 10-12).
    double to_vf = 0.0;
    const double ca = 1.2 / std::max(m.calcium_mmol_L, 0.3);
    const double k = m.potassium_mmol_L - m.membrane_stability_mmol_L;
    to_vf += 0.005 * std::max(k - 8.0, 0.0) * ca;
    h.to_asystole = 0.005 * std::max(k - 9.5, 0.0) * ca;
    // Hypokalaemia below 2.5 mmol/L: ectopy and VF (A.6) [U: rate].
    to_vf += 0.002 * std::max(2.5 - k, 0.0);
    to_vf += 0.002 * std::max(28.0 - m.temperature_C, 0.0);
    // Slowed conduction under a sodium-channel blocker: re-entry, VT and VF, growing with the
    // QRS width and with acidosis through the block itself (als-next.md 4.4: QRS > 120 ms, OR
    // 3.56 for serious arrhythmia; half of tricyclic patients with QRS >= 160 ms, Boehnert and
    // Lovejoy 1985) [U: rate, ~50% within the hour at 80% block].
    const double block = std::clamp(m.sodium_channel_block, 0.0, 1.0);
    to_vf += 3e-4 * block * block;
    to_vf += m.vf_hazard_per_s;
    to_vf += refibrillation_hazard(since_termination_s, m);
    h.to_vf = to_vf * m.vf_hazard;
  } else if (rhythm == Rhythm::kTorsades) {
    h.to_vf = 1.0 / 60.0;  // torsades degenerates to VF within minutes
  } else if (Conduction::fibrillating(s) && myocardial_energy < p_->asystole_energy) {
    h.to_asystole = p_->asystole_hazard_per_s;
  }
  return h;
}

}  // namespace resus::ep
