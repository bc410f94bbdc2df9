#include "models/electrophysiology/myocardium.hpp"

#include <algorithm>
#include <cmath>

namespace resus::ep {
namespace {
double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
}  // namespace

double Myocardium::supply_share(double perfusion, bool fibrillating, double metabolic_scale) const {
  // Fibrillating muscle may need more than resting flow, so the same flow is a smaller share of
  // its demand; a cold muscle needs less.
  const double demand = (fibrillating ? p_->vf_demand : 1.0) * p_->sufficient_perfusion *
                        std::clamp(metabolic_scale, 0.05, 4.0);
  return std::clamp(perfusion / demand, 0.0, 1.0);
}

double Myocardium::autoregulated_flow(double flow_ratio) const {
  const double q = std::max(flow_ratio, 0.0);
  // A floor at or above the lower limit leaves no graded range: no autoregulation at all, so that
  // the flow stays continuous for every parameter value.
  if (p_->autoregulation_floor >= p_->autoregulation_lower) return q;
  if (q >= 1.0 || q <= p_->autoregulation_floor) return q;
  if (q >= p_->autoregulation_lower) return 1.0;
  // Between the floor and the lower limit the held flow gives way linearly (continuous and
  // rising with the pressure).
  const double held = (q - p_->autoregulation_floor) /
                      (p_->autoregulation_lower - p_->autoregulation_floor);
  return q + (1.0 - q) * held;
}

double Myocardium::o2_delivery_ratio(double flow_ratio, double content_ratio) const {
  const double passive = std::max(flow_ratio, 0.0);
  const double flow = autoregulated_flow(passive);
  // The reserve the bed has left once it has dilated to hold its flow.
  const double dilation = passive > 0.0 ? flow / passive : 1.0;
  const double reserve =
      std::max((1.0 + (p_->coronary_reserve - 1.0) * std::min(passive, 1.0)) / dilation, 1.0);
  return flow * std::min(std::max(content_ratio, 0.0) * reserve, 1.0);
}

double Myocardium::o2_inotropy_limit(double content_ratio) const {
  return std::max(content_ratio, 0.0) * p_->coronary_reserve / p_->sufficient_perfusion;
}

double Myocardium::energy_ceiling(double injury) const {
  const double d = std::clamp(injury, 0.0, 1.0);
  return 1.0 - d * std::sqrt(d);
}

double Myocardium::restoring(double share) const {
  return std::max(std::clamp(share, 0.0, 1.0) - p_->critical_share, 0.0) /
         (1.0 - p_->critical_share);
}

double Myocardium::energy_rate(double energy, double share, double injury,
                               double metabolic_scale) const {
  // physiology.md A.8: dM/dt = -k_isch*(1 - share) + k_rec*f(share)*(ceiling - M), where only
  // the flow above a critical share restores energy, f = (share - s0)/(1 - s0): below about a
  // fifth of its flow the muscle only runs down (the collateral flow that decides infarction).
  // An injured heart recovers toward less than full energy: the metabolic phase, in which flow
  // no longer restores what the arrest took.
  const double use = std::clamp(metabolic_scale, 0.05, 4.0);
  const double rate = -p_->ischaemia_rate_per_s * use * (1.0 - share) +
                      p_->recovery_rate_per_s * restoring(share) * (energy_ceiling(injury) - energy);
  // Energy stays in [0, 1].
  if (energy <= 0.0 && rate < 0.0) return 0.0;
  return rate;
}

double Myocardium::injury_rate(double injury, double share, double beta1_excess,
                               double metabolic_scale) const {
  // The O2 debt: every second the supply falls short injures the intact muscle, with the square
  // of the shortfall (CPR that meets a third of the demand halves the rate); beta-1 drive raises
  // the demand of a heart that cannot meet it (the dose dependence of post-arrest dysfunction on
  // epinephrine, Yao 2017). The injured share of the muscle saturates at 1.
  const double intact = 1.0 - std::clamp(injury, 0.0, 1.0);
  const double shortfall = 1.0 - std::clamp(share, 0.0, 1.0);
  const double accrual = p_->injury_rate_per_s * std::clamp(metabolic_scale, 0.05, 4.0) *
                         shortfall * shortfall * intact *
                         (1.0 + p_->injury_beta1_gain * std::max(beta1_excess, 0.0));
  return accrual - share * std::max(injury, 0.0) / p_->injury_heal_tau_s;
}

Stunning Myocardium::stunning_rate(const Stunning& stunning, double injury, double share) const {
  // The reperfusion's part moves as the energy is restored: with the supply above the critical
  // share, in proportion to its excess (a flow below it leaves the muscle ischaemic, not stunned;
  // the best CPR's starts it slowly).
  const double f = p_->stunning_reperfusion_share;
  return {restoring(share) * (f * injury - stunning.reperfusion) / p_->stunning_reperfusion_tau_s,
          ((1.0 - f) * injury - stunning.late) / p_->stunning_tau_s};
}

VfFeatures Myocardium::vf_features(double energy) const {
  const double m = std::clamp(energy, 0.0, 1.0);
  VfFeatures f;
  f.amplitude_mV = p_->vf_amplitude_min_mV + (p_->vf_amplitude_max_mV - p_->vf_amplitude_min_mV) * m;
  f.frequency_Hz = p_->vf_frequency_min_Hz + (p_->vf_frequency_max_Hz - p_->vf_frequency_min_Hz) * m;
  f.amsa_mV_Hz = p_->amsa_per_mV_Hz * f.amplitude_mV * f.frequency_Hz;
  return f;
}

Myocardium::Myocardium(const MyocardiumParams& p)
    : p_(&p), half_energy_hill_(std::pow(p.coupling_half_energy, p.coupling_hill)) {}

double Myocardium::contractility(double energy, double stunning) const {
  const double m = std::clamp(energy, 0.0, 1.0);
  const double hn = half_energy_hill_, mn = std::pow(m, p_->coupling_hill);
  const double coupling = std::min((1.0 + hn) * mn / (mn + hn), 1.0);  // 1 at M = 1, rounding aside
  return coupling / (1.0 + p_->stunning_gain * std::max(stunning, 0.0));
}

double Myocardium::automaticity(double energy) const {
  const double share = std::clamp(energy / p_->pea_exit_energy, 0.0, 1.0);
  return p_->exhausted_rate_fraction + (1.0 - p_->exhausted_rate_fraction) * share;
}

double Myocardium::restart_hazard(double energy) const {
  const double above = (energy - p_->restart_energy) / (1.0 - p_->restart_energy);
  return p_->restart_hazard_per_s * std::clamp(above, 0.0, 1.0);
}

Rhythm Myocardium::organised_rhythm(double energy, Rhythm current) const {
  if (energy < p_->pea_enter_energy) return Rhythm::kPea;
  if (energy > p_->pea_exit_energy) return Rhythm::kSinus;
  return current;
}

double Myocardium::rv_overload_contraction(double demand_ratio, double supply_ratio) const {
  if (!(demand_ratio > 1.0)) return 1.0;
  const double met = p_->rv_coronary_reserve * std::max(supply_ratio, 0.0) / demand_ratio;
  const double ischaemia = std::clamp(1.0 - met, 0.0, 1.0);
  return 1.0 - ischaemia * (1.0 - p_->rv_ischaemic_contraction);
}

double Myocardium::effective_energy(double energy_J, ShockWaveform w) const {
  if (w == ShockWaveform::kBiphasic) return energy_J;
  return energy_J * p_->reference_impedance_ohm / p_->transthoracic_impedance_ohm;
}

double Myocardium::termination_probability(double energy_J, ShockWaveform w,
                                           const Modulators& mod) const {
  energy_J = effective_energy(energy_J, w);
  double e50 = w == ShockWaveform::kBiphasic ? p_->biphasic_e50_J : p_->monophasic_e50_J;
  // Drugs move the defibrillation threshold (the effect channel); deep hypothermia raises it.
  e50 *= mod.defibrillation_threshold;
  if (mod.temperature_C < 30.0) e50 *= 1.0 + 0.3 * (30.0 - mod.temperature_C);
  return 1.0 / (1.0 + std::pow(e50 / energy_J, p_->shock_steepness));
}

ShockResult Myocardium::defibrillate(double energy_J, ShockWaveform w, const ConductionState& s,
                                     double myocardial_energy, double amsa_mV_Hz,
                                     const Modulators& mod,
                                     bool in_vulnerable_period, double u1, double u2) const {
  const auto r = static_cast<Rhythm>(s.rhythm);
  const bool shockable = Conduction::fibrillating(s) || r == Rhythm::kPulselessVt ||
                         r == Rhythm::kVentricularTachycardia;
  if (shockable) {
    if (u1 >= termination_probability(energy_J, w, mod))
      return {ShockOutcome::kNotTerminated, r};
    // What follows depends on the substrate (Ristagno 2015 logistic on AMSA): an organised
    // rhythm, which pumps as well as the energy lets it (a depleted heart's is PEA), or asystole.
    if (u2 < organised_probability(amsa_mV_Hz))
      return {ShockOutcome::kTerminated, organised_rhythm(myocardial_energy, Rhythm::kSinus)};
    return {ShockOutcome::kTerminated, Rhythm::kAsystole};
  }
  if (Conduction::organised(s) && in_vulnerable_period && u1 < p_->t_wave_vf_probability)
    return {ShockOutcome::kInducedVf, Rhythm::kVfCoarse};
  // An unsynchronised shock also cardioverts organised tachyarrhythmias.
  if (r == Rhythm::kAtrialFibrillation || r == Rhythm::kAtrialFlutter || r == Rhythm::kSvt)
    return cardiovert(energy_J, w, s, mod, u2);
  return {ShockOutcome::kNoEffect, r};
}

double Myocardium::organised_probability(double amsa_mV_Hz) const {
  return logistic(p_->rosc_beta0 + p_->rosc_beta1 * std::max(amsa_mV_Hz, 0.0));
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
  const double p =
      1.0 / (1.0 + std::pow(e50 / effective_energy(energy_J, w), p_->shock_steepness));
  return u < p ? ShockResult{ShockOutcome::kConverted, Rhythm::kSinus}
               : ShockResult{ShockOutcome::kNotConverted, r};
}

double Myocardium::refibrillation_hazard(const RefibrillationClock& clock, double energy,
                                         double injury, const Modulators& mod) const {
  // The injured (ischaemic, calcium-loaded) muscle is what refibrillates after ROSC: a heart
  // shocked in the electrical phase rarely does, one shocked after a long arrest often. Its clock
  // runs from the later of the shock that ended the VF and the reperfusion, so a ROSC from PEA
  // or asystole starts it too, at a lower rate in a heart that has not fibrillated. It holds
  // through the first quarter hour and then falls away, exp(-(t/tau)^3): Unneland's rates hold
  // over the 20 minutes they were measured in, and few patients re-arrest later (a re-arrest
  // within 20 min in 27% of episodes, at any time in 33%). Long after both (and before either:
  // ~1e9 s) exp() underflows to exactly 0, which libm reaches by its slow path; return that 0.
  const double since_s = std::min(clock.since_termination_s, clock.since_reperfusion_s);
  const double r = since_s / p_->refib_tau_s;
  const double x = -r * r * r;
  const double instability = std::min(std::max(injury, 0.0) / p_->refib_injury_ref, 3.0);
  const double substrate = clock.fibrillated ? 1.0 : p_->refib_unfibrillated_share;
  const double late =
      x < -746.0 ? 0.0 : p_->refib_hazard_per_s * std::exp(x) * instability * substrate;
  // In the first minute or two after the shock most VF comes back (van Alem 2003: median 45 s;
  // Koster 2008: 48% within 2 min), whatever the time to the shock once the heart is past the
  // electrical phase; within it (the EP laboratory's seconds of VF) it rarely does.
  const double y = -clock.since_termination_s / p_->refib_early_tau_s;
  const double deficit = std::clamp((1.0 - energy) / p_->refib_early_deficit, 0.0, 1.0);
  const double early =
      y < -746.0 ? 0.0 : p_->refib_early_hazard_per_s * std::exp(y) * deficit * deficit * deficit;
  return (late + early) * mod.refibrillation_hazard;
}

RhythmHazards Myocardium::hazards(const ConductionState& s, double myocardial_energy,
                                  double injury, const RefibrillationClock& clock,
                                  const Modulators& m) const {
  RhythmHazards h{0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
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
    // Hypokalaemia below 2.5 mmol/L: the long QT-U's early afterdepolarisations give torsades de
    // pointes, which degenerates to VF (A.6; B.4 hypokalaemia: U waves, torsades, VF) [U: rate];
    // magnesium suppresses the afterdepolarisations (Tzivoni 1988: 2 g IV stopped torsades in 9
    // of 12 patients), a low magnesium frees them: x exp(-(Mg - 0.85)/0.2), 0.08 at +0.5 mmol/L.
    const double magnesium = magnesium_afterdepolarisation_factor(m.magnesium_mmol_L);
    // Plasma potassium itself: calcium's membrane stabilisation raises the thresholds of the
    // high-potassium arrest, not of the low one.
    h.to_torsades = 0.002 * std::max(2.5 - m.potassium_mmol_L, 0.0) * magnesium;
    to_vf += 0.002 * std::max(28.0 - m.temperature_C, 0.0);
    // A cold sinus node gives way to atrial fibrillation below ~32 C (B.4 row 80: AF in moderate
    // hypothermia, before the ventricles' VF below 28) [U: rate, about one patient in two within
    // 20 minutes at 30 C]. That AF usually reverts by itself as the patient is rewarmed (ERC 2021
    // special circumstances; Mallet 2002): from 32 C, fully at 35 C, at 1/(20 min) [U]. AF from
    // other causes (a host's, the heart's own) is left alone.
    if (rhythm == Rhythm::kSinus)
      h.to_af = p_->cold_af_hazard_per_s_C * std::max(p_->cold_af_onset_C - m.temperature_C, 0.0);
    if (rhythm == Rhythm::kAtrialFibrillation &&
        s.acquired_by == static_cast<int32_t>(AcquiredBy::kCold)) {
      const double span = std::max(p_->cold_af_rewarmed_C - p_->cold_af_onset_C, 0.1);
      h.to_organised = std::clamp((m.temperature_C - p_->cold_af_onset_C) / span, 0.0, 1.0) *
                       p_->cold_af_reversion_per_s;
    }
    // Slowed conduction under a sodium-channel blocker: re-entry, VT and VF, growing with the
    // QRS width and with acidosis through the block itself (als-next.md 4.4: QRS > 120 ms, OR
    // 3.56 for serious arrhythmia; half of tricyclic patients with QRS >= 160 ms, Boehnert and
    // Lovejoy 1985) [U: rate, ~50% within the hour at 80% block]. Most of it comes as a
    // wide-complex VT, which degenerates to VF as the block deepens and reverts as it lifts
    // (bicarbonate, hypertonic saline); a VT the block did not bring does not revert by it.
    const double block = std::clamp(m.sodium_channel_block, 0.0, 1.0);
    const double arrhythmia = p_->sodium_arrhythmia_per_s * block * block;
    if (static_cast<VentricularMode>(s.ventricular) == VentricularMode::kConducted) {
      h.to_vt = p_->sodium_vt_share * arrhythmia * m.vf_hazard;
      to_vf += (1.0 - p_->sodium_vt_share) * arrhythmia;
    } else {
      to_vf += arrhythmia;
      if (rhythm == Rhythm::kVentricularTachycardia &&
          s.acquired_by == static_cast<int32_t>(AcquiredBy::kSodiumBlock))
        h.to_organised = p_->sodium_vt_reversion_per_s *
                         std::clamp(1.0 - block / p_->sodium_vt_sustain_block, 0.0, 1.0);
    }
    to_vf += m.vf_hazard_per_s;
    to_vf += refibrillation_hazard(clock, myocardial_energy, injury, m);
    h.to_vf = to_vf * m.vf_hazard;
    // An exhausted heart's own rhythm stops (prolonged PEA decays to asystole).
    if (myocardial_energy < p_->asystole_energy) h.to_asystole += p_->asystole_hazard_per_s;
  } else if (rhythm == Rhythm::kTorsades) {
    h.to_vf = 1.0 / 60.0;  // torsades degenerates to VF within minutes
    // Magnesium above rest ends it (Tzivoni 1988: within 1-5 min of a 2 g bolus) [U: rate]:
    // about one in two ends before VF at the +0.5 mmol/L a 2 g dose brings.
    h.to_organised =
        std::clamp(m.magnesium_mmol_L - kRestingMagnesium_mmol_L, 0.0, 1.0) / kMagnesiumScale_mmol_L / 150.0;
  } else if (Conduction::fibrillating(s) && myocardial_energy < p_->asystole_energy) {
    h.to_asystole = p_->asystole_hazard_per_s;
  } else if (rhythm == Rhythm::kAsystole) {
    // Post-countershock asystole is stunned conduction that recovers within a minute or two if
    // the muscle has the energy. Other asystole (potassium, a short arrest's exhaustion) escapes
    // more slowly once flow has restored the energy, as fast as catecholamines drive the latent
    // pacemakers (epinephrine's part in asystole), unless the arrest has injured the heart:
    // after a long arrest, or with the potassium still high, asystole is final.
    const double x = -clock.since_termination_s / p_->restart_tau_s;
    const double stunned = x > -746.0 ? std::exp(x) : 0.0;
    const double k = m.potassium_mmol_L - m.membrane_stability_mmol_L;
    const double uninjured = std::clamp(1.0 - injury / p_->escape_final_injury, 0.0, 1.0);
    const double drive = std::max(m.automaticity - 1.0, 0.0) / p_->escape_automaticity_excess;
    const double escape =
        k < p_->escape_potassium_mmol_L ? p_->escape_share * uninjured * drive : 0.0;
    h.to_organised = restart_hazard(myocardial_energy) * (stunned + escape);
  }
  return h;
}

}  // namespace resus::ep
