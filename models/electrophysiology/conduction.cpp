#include "models/electrophysiology/conduction.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <numbers>

namespace resus::ep {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kNever = -1e9;

// An interval rounded to whole engine steps (at least one).
double quantised(double interval, double quantum) {
  return std::max(std::round(interval / quantum), 1.0) * quantum;
}

}  // namespace

const char* rhythm_name(Rhythm r) {
  const auto i = static_cast<std::size_t>(r);
  return i < std::size(kRhythmNames) ? kRhythmNames[i] : "unknown";
}

bool rhythm_from_name(const char* name, Rhythm* out) {
  for (std::size_t i = 0; i < std::size(kRhythmNames); ++i) {
    if (std::strcmp(name, kRhythmNames[i]) == 0) {
      *out = static_cast<Rhythm>(i);
      return true;
    }
  }
  return false;
}

ConductionState Conduction::initial_state() const {
  ConductionState s{};
  s.rhythm = static_cast<int32_t>(Rhythm::kSinus);
  s.atrial = static_cast<int32_t>(AtrialMode::kSinus);
  s.av = static_cast<int32_t>(AvMode::kNormal);
  s.ventricular = static_cast<int32_t>(VentricularMode::kConducted);
  s.escape_enabled = 1;
  s.next_atrial_time = 0.0;
  s.last_atrial_time = kNever;
  s.av_exit_time = kNever;
  s.pending_ventricular_time = kNaN;
  s.last_ventricular_time = kNever;
  s.previous_rr_s = 0.8;
  s.next_focus_time = kNever;
  s.next_premature_time = kNaN;
  s.next_pacer_time = kNever;
  s.last_pacer_spike_time = kNever;
  return s;
}

void Conduction::set_rhythm(Rhythm r, double t, ConductionState& s) const {
  const ConductionParams& p = *p_;
  s.rhythm = static_cast<int32_t>(r);
  // The heart stage marks a rhythm that the cold or a sodium-channel blocker brings.
  s.acquired_by = static_cast<int32_t>(AcquiredBy::kNone);
  AtrialMode atrial = AtrialMode::kSinus;
  AvMode av = AvMode::kNormal;
  VentricularMode ventricular = VentricularMode::kConducted;
  double override_bpm = 0.0, focus_bpm = 0.0;
  int32_t pea = 0, escape = 1;
  switch (r) {
    case Rhythm::kSinus: break;
    case Rhythm::kSinusBradycardia: override_bpm = p.bradycardia_bpm; break;
    case Rhythm::kSinusTachycardia: override_bpm = p.tachycardia_bpm; break;
    case Rhythm::kAtrialFibrillation: atrial = AtrialMode::kFibrillation; break;
    case Rhythm::kAtrialFlutter: atrial = AtrialMode::kFlutter; break;
    case Rhythm::kSvt: atrial = AtrialMode::kReentry; break;
    case Rhythm::kAvBlock1: av = AvMode::kFirstDegree; break;
    case Rhythm::kMobitz1: av = AvMode::kWenckebach; break;
    case Rhythm::kMobitz2: av = AvMode::kInfranodal; break;
    case Rhythm::kAvBlock3: av = AvMode::kComplete; break;
    case Rhythm::kVentricularTachycardia:
      ventricular = VentricularMode::kFocus;
      focus_bpm = p.vt_bpm;
      break;
    case Rhythm::kPulselessVt:
      ventricular = VentricularMode::kFocus;
      focus_bpm = p.pulseless_vt_bpm;
      break;
    case Rhythm::kTorsades:
      ventricular = VentricularMode::kTorsades;
      focus_bpm = p.torsades_bpm;
      break;
    case Rhythm::kVfCoarse:
    case Rhythm::kVfFine:
      atrial = AtrialMode::kSilent;
      ventricular = VentricularMode::kFibrillation;
      escape = 0;
      break;
    case Rhythm::kAsystole:
      atrial = AtrialMode::kSilent;
      ventricular = VentricularMode::kStandstill;
      escape = 0;
      break;
    case Rhythm::kPea:
      override_bpm = p.pea_rate_bpm;
      pea = 1;
      break;
    case Rhythm::kNumRhythms: break;
  }
  // A new atrial source starts now; the old one's pending impulses are dropped.
  if (static_cast<int32_t>(atrial) != s.atrial || atrial != AtrialMode::kSinus)
    s.next_atrial_time = t;
  s.atrial = static_cast<int32_t>(atrial);
  s.av = static_cast<int32_t>(av);
  s.ventricular = static_cast<int32_t>(ventricular);
  s.sinus_rate_override_bpm = override_bpm;
  s.pea = pea;
  s.escape_enabled = escape;
  s.infranodal_count = 0;
  s.next_focus_time = focus_bpm > 0.0 ? t : kNever;
  s.next_premature_time = kNaN;
  if (ventricular == VentricularMode::kFibrillation || ventricular == VentricularMode::kStandstill)
    s.pending_ventricular_time = kNaN;
}

double Conduction::ventricular_refractory(double rr_s) const {
  return std::clamp(p_->ventricular_refractory_base_s + p_->ventricular_refractory_slope * rr_s,
                    0.18, 0.34);
}

double magnesium_afterdepolarisation_factor(double magnesium_mmol_L) {
  return std::exp(std::clamp(-(magnesium_mmol_L - kRestingMagnesium_mmol_L) / kMagnesiumScale_mmol_L,
                             -5.0, 3.0));
}

double Conduction::ectopy_rate(const Modulators& m) const {
  const ConductionParams& p = *p_;
  // Hypokalaemia's afterdepolarisations (physiology.md: ectopy below 2.5-3.0 mmol/L; little at
  // 2.8 in the uncomplicated patient, Papademetriou 1983), freed by a low magnesium; ischaemia's
  // ectopy comes with its VF hazard (the warning arrhythmias of an acute infarct, Nordrehaug
  // 1985: more with a lower potassium).
  const double low_k = std::max(p.ectopy_potassium_threshold_mmol_L - m.potassium_mmol_L, 0.0);
  const double potassium = p.ectopy_potassium_per_s * low_k * low_k *
                           magnesium_afterdepolarisation_factor(m.magnesium_mmol_L);
  const double ischaemia = p.ectopy_per_ischaemic_vf * std::max(m.vf_hazard_per_s, 0.0);
  return (potassium + ischaemia) * std::max(m.automaticity, 0.0);
}

double Conduction::pacing_threshold(const Modulators& m) const {
  // Hyperkalaemia depolarises the resting membrane and raises the capture threshold.
  const double potassium = std::max(m.potassium_mmol_L - 7.5, 0.0);
  return p_->pacer_threshold_mA * (1.0 + 0.5 * potassium);
}

bool Conduction::fibrillating(const ConductionState& s) {
  const auto v = static_cast<VentricularMode>(s.ventricular);
  return v == VentricularMode::kFibrillation || v == VentricularMode::kTorsades;
}

bool Conduction::organised(const ConductionState& s) {
  const auto v = static_cast<VentricularMode>(s.ventricular);
  return v == VentricularMode::kConducted || v == VentricularMode::kFocus;
}

double Conduction::contraction_efficiency(const ConductionState& s, BeatOrigin origin) const {
  const ConductionParams& p = *p_;
  double e = 1.0;
  if (static_cast<VentricularMode>(s.ventricular) == VentricularMode::kTorsades) {
    e = p.efficiency_torsades;
  } else {
    switch (origin) {
      case BeatOrigin::kConducted: e = 1.0; break;
      case BeatOrigin::kEctopic:
      case BeatOrigin::kEscape: {
        // Dyssynchronous activation pumps less, and fast VT fails as a pump: incomplete
        // relaxation and no filling time (physiology.md A.1: pulseless VT ~ Emax x0.2-0.3).
        const double rate = 60.0 / std::max(s.previous_rr_s, 0.1);
        e = p.efficiency_ectopic / (1.0 + std::exp((rate - p.vt_pulseless_rate_50_bpm) / p.vt_rate_width_bpm));
        break;
      }
      case BeatOrigin::kPaced: e = p.efficiency_paced; break;
    }
  }
  return e;
}

void Conduction::ventricular_activation(double t, BeatOrigin origin, ConductionState& s,
                                        Activations& out) const {
  if (t - s.last_ventricular_time < ventricular_refractory(s.previous_rr_s)) return;
  s.previous_rr_s = std::min(t - s.last_ventricular_time, 3.0);
  s.last_ventricular_time = t;
  if (origin != BeatOrigin::kConducted) {
    // Retrograde concealed conduction: a beat born in the ventricles penetrates the AV node and
    // collides with any impulse on its way down, so capture beats in VT stay rare and the sinus
    // impulse after a premature beat is blocked (the compensatory pause) unless the sinus rate
    // is slow enough for it to find the node recovered (an interpolated beat).
    s.av_exit_time = std::max(s.av_exit_time, t + p_->retrograde_conduction_s);
    s.pending_ventricular_time = std::numeric_limits<double>::quiet_NaN();
  }
  out.ventricular = 1;
  out.ventricular_time = t;
  out.origin = static_cast<int32_t>(origin);
}

Activations Conduction::update(double t, double q, double sinus_period_s, const Modulators& mod,
                               UniformSource rng, UniformSource ectopy, ConductionState& s) const {
  const ConductionParams& p = *p_;
  Activations out{};
  const double eps = 0.25 * q;
  const auto atrial = static_cast<AtrialMode>(s.atrial);
  const auto ventricular = static_cast<VentricularMode>(s.ventricular);
  const bool ventricles_respond =
      ventricular == VentricularMode::kConducted || ventricular == VentricularMode::kFocus;

  // 1. Atrial impulses reaching the AV node.
  if (atrial != AtrialMode::kSilent && t >= s.next_atrial_time - eps) {
    double interval = 0.0;
    switch (atrial) {
      case AtrialMode::kSinus: {
        double period = (s.sinus_rate_override_bpm > 0.0 ? 60.0 / s.sinus_rate_override_bpm
                                                          : sinus_period_s) /
                        mod.myocardial_automaticity;
        // PEA's pacemaker answers beta-1 as the escape focus does (the sinus rate gets it from
        // the reflex): epinephrine speeds a PEA (Skjeflo 2019: +22/min during ALS).
        if (s.pea) period /= std::max(mod.automaticity, 0.1);
        interval = quantised(period, q);
        out.atrial = 1;  // a coordinated atrial contraction
        out.atrial_time = t;
        break;
      }
      case AtrialMode::kFibrillation: {
        // Uniform spread with the given mean and standard deviation.
        const double u = rng.draw(rng.context);
        interval = std::max(p.af_mean_interval_s + p.af_interval_sd_s * std::sqrt(3.0) * (2.0 * u - 1.0),
                            0.06);
        break;
      }
      case AtrialMode::kFlutter: interval = quantised(p.flutter_interval_s, q); break;
      case AtrialMode::kReentry: interval = quantised(p.svt_interval_s, q); break;
      case AtrialMode::kSilent: break;
    }
    s.last_atrial_time = t;
    s.next_atrial_time = std::max(s.next_atrial_time + interval, t + q - eps);

    // 2. The AV node: refractory, then decremental conduction.
    const auto av = static_cast<AvMode>(s.av);
    // Slowed AV conduction (adenosine) lengthens the node's refractory period; near-complete
    // slowing blocks it.
    const double av_block = std::clamp(1.0 - mod.av_conduction, 0.0, 1.0);
    const bool drug_block = av_block > 0.9;
    if (atrial == AtrialMode::kReentry) {
      // The re-entrant circuit runs through the AV node: blocking it ends the tachycardia.
      if (drug_block) {
        set_rhythm(Rhythm::kSinus, t, s);
      } else if (std::isnan(s.pending_ventricular_time)) {
        s.pending_ventricular_time = t + 0.04;
        s.pending_origin = static_cast<int32_t>(BeatOrigin::kConducted);
      }
    } else if (av != AvMode::kComplete && !drug_block) {
      const AvNodeParams& node = av == AvMode::kFirstDegree  ? p.av_first_degree
                                 : av == AvMode::kWenckebach ? p.av_wenckebach
                                                             : p.av_normal;
      // Faster conduction (sympathetic drive, beta-1 agonists) shortens the node's delay and its
      // refractoriness alike. Slower conduction lengthens the refractory period steeply, so
      // that 2:1 and higher block follow; where drugs or cold slow it (a calcium-channel
      // blocker, an antiarrhythmic, adenosine coming and going) the delay grows too, by 1 + their
      // share (to first order the same as dividing by their factor, but no more than twice where
      // the node stops conducting): a first-degree block.
      const double speed = std::max(mod.av_conduction, 1.0);
      const double refractory = node.refractory_s * (1.0 + 3.0 * av_block) / speed;
      const double recovery = t - s.av_exit_time;
      if (recovery < refractory && recovery >= 0.5 * refractory) {
        // Concealed conduction: an impulse blocked late in the refractory period still enters
        // the node and resets its recovery. It is what makes the response to AF irregular.
        s.av_exit_time = t - 0.5 * refractory;
      } else if (recovery >= refractory) {
        const double delay =
            node.base_delay_s * (1.0 + std::clamp(mod.av_delay_slowing, 0.0, 1.0)) / speed +
            node.extra_delay_s * std::exp(-(recovery - refractory) / node.recovery_tau_s);
        s.av_exit_time = t + delay;
        bool blocked_below = false;
        if (av == AvMode::kInfranodal)
          blocked_below =
              ++s.infranodal_count % std::max(static_cast<int32_t>(p.infranodal_ratio), 2) == 0;
        if (!blocked_below) {
          s.pending_ventricular_time = t + delay;
          s.pending_origin = static_cast<int32_t>(BeatOrigin::kConducted);
        }
      }
    }
  }

  // 3. Conducted impulses arriving at the ventricles.
  if (!std::isnan(s.pending_ventricular_time) && t >= s.pending_ventricular_time - eps) {
    s.pending_ventricular_time = kNaN;
    if (ventricles_respond) ventricular_activation(t, BeatOrigin::kConducted, s, out);
  }

  // 4. Ventricular foci: monomorphic VT at a fixed rate, torsades at a waxing and waning one.
  if ((ventricular == VentricularMode::kFocus || ventricular == VentricularMode::kTorsades) &&
      t >= s.next_focus_time - eps) {
    double bpm = ventricular == VentricularMode::kTorsades
                     ? p.torsades_bpm * (1.0 + 0.12 * std::sin(2.0 * std::numbers::pi * t / 4.0))
                     : (static_cast<Rhythm>(s.rhythm) == Rhythm::kPulselessVt ? p.pulseless_vt_bpm
                                                                             : p.vt_bpm);
    s.next_focus_time = std::max(s.next_focus_time + quantised(60.0 / bpm, q), t + q - eps);
    if (ventricular == VentricularMode::kFocus) {
      ventricular_activation(t, BeatOrigin::kEctopic, s, out);
    } else {
      s.previous_rr_s = std::min(t - s.last_ventricular_time, 3.0);
      s.last_ventricular_time = t;  // electrical only: torsades does not pump in step
    }
  }

  // 4b. A premature ventricular beat due now (scheduled below after the beat before it).
  if (!std::isnan(s.next_premature_time) && t >= s.next_premature_time - eps) {
    s.next_premature_time = kNaN;
    if (ventricular == VentricularMode::kConducted && !out.ventricular) {
      const double before = s.last_ventricular_time;
      ventricular_activation(t, BeatOrigin::kEctopic, s, out);
      if (s.last_ventricular_time != before) s.premature_beats += s.premature_beats < INT32_MAX;
    }
  }

  // 5. The latent escape pacemaker fires when the ventricles have been silent too long.
  if (s.escape_enabled && ventricular == VentricularMode::kConducted && !out.ventricular &&
      t - s.last_ventricular_time >= quantised(60.0 / (p.escape_bpm * mod.automaticity * mod.myocardial_automaticity), q) - eps)
    ventricular_activation(t, BeatOrigin::kEscape, s, out);

  // 6. External pacer (demand mode: an intrinsic beat within one interval inhibits the spike).
  if (s.pacing && t >= s.next_pacer_time - eps) {
    const double interval = quantised(60.0 / s.pacer_rate_bpm, q);
    s.next_pacer_time = std::max(s.next_pacer_time + interval, t + q - eps);
    if (t - s.last_ventricular_time >= interval - eps) {
      out.pacer_spike = 1;
      s.last_pacer_spike_time = t;
      const bool capture = s.pacer_current_mA >= pacing_threshold(mod) &&
                           ventricular != VentricularMode::kFibrillation &&
                           ventricular != VentricularMode::kTorsades;
      const bool before = out.ventricular;
      if (capture) ventricular_activation(t, BeatOrigin::kPaced, s, out);
      s.pacing_captured = capture && out.ventricular && !before;
    }
  }

  // 7. Isolated ectopy: after each beat of an organised rhythm, a premature beat follows at a
  // fixed coupling interval with the chance the ectopy rate gives over that beat's cycle; a beat
  // that comes first (or a change of rhythm) cancels it. A premature beat may itself be followed
  // by one (couplets, bigeminy at high rates). No draw while the rate is zero.
  if (out.ventricular) {
    s.next_premature_time = kNaN;
    const double rate = ventricular == VentricularMode::kConducted ? ectopy_rate(mod) : 0.0;
    if (rate > 0.0 && ectopy.draw(ectopy.context) < -std::expm1(-rate * s.previous_rr_s))
      s.next_premature_time =
          t + quantised(ventricular_refractory(s.previous_rr_s) + p.ectopic_coupling_s, q);
  }
  return out;
}

}  // namespace resus::ep
