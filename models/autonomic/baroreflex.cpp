#include "models/autonomic/baroreflex.hpp"

#include <algorithm>
#include <cmath>

namespace resus::autonomic {
namespace {
double capped_exp(double x) { return std::exp(std::clamp(x, -60.0, 60.0)); }
}  // namespace

Baroreflex::Baroreflex(const BaroreflexParams& p, const BaroreflexReference& ref)
    : p_(&p), ref_(ref), lead_lag_decay_(std::exp(-kBaroTick_s / p.tau_p_s)) {
  for (int i = 0; i < kNumEffectors; ++i) {
    const EffectorParams& e = p.effectors[i];
    effector_decay_[i] = std::exp(-kBaroTick_s / e.tau_s);
    effector_lag_[i] =
        std::clamp(static_cast<int>(std::lround(e.delay_s / kBaroTick_s)), 0, kBaroHistory - 1);
  }
}

double Baroreflex::afferent_firing(double filtered) const {
  const double z = capped_exp((filtered - ref_.set_point_mmHg) / p_->k_a);
  return (p_->f_min + p_->f_max * z) / (1.0 + z);
}

double Baroreflex::sympathetic_firing(double f_as, double shift) const {
  const double f = p_->fes_inf + (p_->fes_0 - p_->fes_inf) * capped_exp(p_->k_es * (shift - f_as));
  return std::min(f, p_->fes_max);
}

double Baroreflex::vagal_firing(double f_as, double shift) const {
  const double z = capped_exp((f_as - p_->fas_0) / p_->k_ev);
  return std::max((p_->fev_0 + p_->fev_inf * z) / (1.0 + z) + shift, 0.0);
}

double Baroreflex::sympathetic_drive(double f_es) const {
  return std::log(std::max(f_es - p_->fes_min, 0.0) + 1.0);
}

double Baroreflex::filtered_pressure(const BaroreflexState& s, double carotid) const {
  return s.lead_lag + (p_->tau_z_s / p_->tau_p_s) * carotid;
}

BaroreflexState Baroreflex::rest_state() const {
  BaroreflexState s{};
  const double k = p_->tau_z_s / p_->tau_p_s;
  s.lead_lag = (1.0 - k) * ref_.set_point_mmHg;
  s.afferent = afferent_firing(ref_.set_point_mmHg);
  s.sympathetic = sympathetic_firing(s.afferent);
  s.cardiac_sympathetic = s.sympathetic;
  s.vagal = vagal_firing(s.afferent);
  s.delta.fill(0.0);
  s.sympathetic_history.fill(0.0);
  s.cardiac_sympathetic_history.fill(0.0);
  s.vagal_history.fill(0.0);
  s.head = 0;
  return s;
}

void Baroreflex::tick(double carotid, BaroreflexState& s, const EfferentShift& shift) const {
  const BaroreflexParams& p = *p_;

  // Lead-lag: tau_p dP~/dt = P + tau_z dP/dt - P~, written on w = P~ - (tau_z/tau_p) P so no
  // derivative of the input is needed; exact update with P held over the tick.
  const double k = p.tau_z_s / p.tau_p_s;
  const double w_target = (1.0 - k) * carotid;
  s.lead_lag = w_target + (s.lead_lag - w_target) * lead_lag_decay_;

  s.afferent = afferent_firing(filtered_pressure(s, carotid));
  s.sympathetic = sympathetic_firing(s.afferent);
  s.cardiac_sympathetic = sympathetic_firing(s.afferent, shift.cardiac_sympathetic);
  s.vagal = vagal_firing(s.afferent, shift.vagal);

  s.head = (s.head + 1) % kBaroHistory;
  s.sympathetic_history[s.head] = sympathetic_drive(s.sympathetic) - ref_.sympathetic_drive;
  s.cardiac_sympathetic_history[s.head] =
      sympathetic_drive(s.cardiac_sympathetic) - ref_.sympathetic_drive;
  s.vagal_history[s.head] = s.vagal - ref_.vagal_drive;

  for (int i = 0; i < kNumEffectors; ++i) {
    const int at = (s.head - effector_lag_[i] + kBaroHistory) % kBaroHistory;
    // The heart's effectors follow the cardiac sympathetic limb, the vessels' the vascular one.
    const bool cardiac = i == kLvEmax || i == kRvEmax || i == kPeriodSympathetic;
    const double drive = i == kPeriodVagal ? s.vagal_history[at]
                         : cardiac         ? s.cardiac_sympathetic_history[at]
                                           : s.sympathetic_history[at];
    const double target = p.gain_scale * p.effectors[i].gain * drive;
    s.delta[i] = target + (s.delta[i] - target) * effector_decay_[i];
  }
}

Effectors driven_effectors(const Effectors& rest, const BaroreflexState& s, double cardiac_gain,
                           double vascular_gain, const Effectors& tone,
                           const VascularShift& cp) {
  const auto& d = s.delta;
  // g (tone + d) - tone: the blocked share of the resting tone leaves, the rest acts as before.
  const auto act = [](double g, double delta, double t) { return g * delta - (1.0 - g) * t; };
  const double c = cardiac_gain, v = vascular_gain;
  Effectors out;
  out.lv_emax = std::max(rest.lv_emax + act(c, d[kLvEmax], tone.lv_emax), 0.2 * rest.lv_emax);
  out.rv_emax = std::max(rest.rv_emax + act(c, d[kRvEmax], tone.rv_emax), 0.2 * rest.rv_emax);
  out.r_splanchnic = std::max(rest.r_splanchnic * (1.0 + v * cp.resistance_share) +
                                  act(v, d[kSplanchnicResistance], tone.r_splanchnic),
                              0.2 * rest.r_splanchnic);
  out.r_extrasplanchnic =
      std::max(rest.r_extrasplanchnic * (1.0 + v * cp.resistance_share) +
                   act(v, d[kExtrasplanchnicResistance], tone.r_extrasplanchnic),
               0.2 * rest.r_extrasplanchnic);
  out.vu_splanchnic_veins =
      std::max(rest.vu_splanchnic_veins - v * cp.splanchnic_mL +
                   act(v, d[kSplanchnicUnstressed], tone.vu_splanchnic_veins),
               0.0);
  out.vu_extrasplanchnic_veins =
      std::max(rest.vu_extrasplanchnic_veins - v * cp.extrasplanchnic_mL +
                   act(v, d[kExtrasplanchnicUnstressed], tone.vu_extrasplanchnic_veins),
               0.0);
  return out;
}

Effectors Baroreflex::sympathetic_tone() const {
  const auto tone = [&](int i) { return p_->gain_scale * p_->effectors[i].gain * ref_.sympathetic_drive; };
  return {tone(kLvEmax),          tone(kRvEmax),
          tone(kSplanchnicResistance), tone(kExtrasplanchnicResistance),
          tone(kSplanchnicUnstressed), tone(kExtrasplanchnicUnstressed)};
}

double Baroreflex::sinus_period(double set_period_s, const BaroreflexState& s, double vagal_effect,
                                double chronotropy, double sympathetic_effect) const {
  const double vagal = s.delta[kPeriodVagal] * vagal_effect;
  const double g = sympathetic_effect;
  const double tone = p_->gain_scale * p_->effectors[kPeriodSympathetic].gain * ref_.sympathetic_drive;
  const double sympathetic = g * s.delta[kPeriodSympathetic] - (1.0 - g) * tone;
  const double t = set_period_s - ref_.period_offset_s + sympathetic + vagal;
  return std::clamp(t / chronotropy, 0.25, 3.0);
}

double Baroreflex::av_dromotropy(double set_period_s, const BaroreflexState& s, double vagal_effect,
                                 double sympathetic_effect) const {
  const double nerves = sinus_period(set_period_s, s, vagal_effect, 1.0, sympathetic_effect);
  const double rest = std::clamp(set_period_s - ref_.period_offset_s, 0.25, 3.0);
  return std::pow(rest / nerves, p_->av_dromotropy_exponent);
}

double Baroreflex::av_dromotropy_at(double set_period_s, double forced_period_s,
                                    double sympathetic_effect) const {
  const double rest = std::clamp(set_period_s - ref_.period_offset_s, 0.25, 3.0);
  return std::pow(rest / std::clamp(forced_period_s, 0.25, 3.0),
                  p_->av_dromotropy_exponent * sympathetic_effect);
}

}  // namespace resus::autonomic
