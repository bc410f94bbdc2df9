// Arterial baroreflex after Ursino 1998: a lead-lag filtered carotid pressure drives afferent
// firing (sigmoid), which sets sympathetic and vagal efferent firing; each effector (heart
// period, contractility, resistances, unstressed venous volumes) follows its delayed drive
// through a first-order lag. Deviations are measured from the resting operating point, so the
// reflex holds a patient at rest and opposes any change from it.
#pragma once

#include "models/autonomic/cardiopulmonary.hpp"
#include "models/autonomic/chemoreflex.hpp"
#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"
#include <array>

namespace resus::autonomic {

enum Effector : int {
  kLvEmax,                  // mmHg/mL
  kRvEmax,                  // mmHg/mL
  kSplanchnicResistance,    // mmHg*s/mL
  kExtrasplanchnicResistance,
  kSplanchnicUnstressed,    // mL
  kExtrasplanchnicUnstressed,
  kPeriodSympathetic,       // s
  kPeriodVagal,             // s
  kNumEffectors
};

struct EffectorParams {
  double gain;     // effector units per unit of drive
  double delay_s;  // pure delay, 0..kMaxDelay
  double tau_s;    // first-order time constant
};

struct BaroreflexParams {
  double tau_p_s, tau_z_s;        // afferent lead-lag (pole, zero)
  double f_min, f_max, k_a;       // afferent sigmoid: spikes/s, spikes/s, mmHg
  double fes_inf, fes_0, k_es, fes_min;  // sympathetic efferent
  double fes_max;                        // ceiling once the chemoreflex adds to it (spikes/s)
  double fev_0, fev_inf, k_ev, fas_0;    // vagal efferent
  std::array<EffectorParams, kNumEffectors> effectors;
  double gain_scale;  // 1 = intact reflex, 0 = denervated
  // The nerves act on the AV node as on the sinus node: its conduction speeds up as the nerves'
  // share of the sinus rate, raised to this power (Baroreflex::av_dromotropy).
  double av_dromotropy_exponent;
  // The chemoreceptors and lung-stretch receptors that shift the efferents (chemoreflex.hpp).
  ChemoreflexParams chemo;
  // The low-pressure receptors that add to the vessels' sympathetic limb (cardiopulmonary.hpp).
  CardiopulmonaryParams cardiopulmonary;
};

// Operating point the deviations are measured from, found when the model is compiled.
struct BaroreflexReference {
  double set_point_mmHg;     // mean filtered carotid pressure at rest
  double sympathetic_drive;  // mean ln(f_es - fes_min + 1) at rest
  double vagal_drive;        // mean f_ev at rest, spikes/s
  // Mean heart-period deviation at rest. The sinus node samples the reflex's within-beat ripple
  // at the same phase of every beat, which biases the period; subtracting the bias makes the
  // resting rate equal the set rate.
  double period_offset_s;
  ChemoreflexReference chemo;
  CardiopulmonaryReference cardiopulmonary;
};

constexpr double kBaroTick_s = 0.01;  // the reflex is updated every 10 ms
constexpr int kBaroHistory = 512;     // delay line length: 5.12 s at 10 ms
constexpr double kMaxDelay_s = (kBaroHistory - 2) * kBaroTick_s;

struct BaroreflexState {
  double lead_lag;  // internal state w of the lead-lag filter
  double afferent;  // f_as, spikes/s (output)
  double sympathetic;  // f_es to the vessels, spikes/s (output)
  double cardiac_sympathetic;  // f_es to the heart (the chemoreflex adds to it), spikes/s
  double vagal;        // f_ev, spikes/s (output)
  std::array<double, kNumEffectors> delta;  // effector deviations from rest
  std::array<double, kBaroHistory> sympathetic_history;  // drive relative to rest
  std::array<double, kBaroHistory> cardiac_sympathetic_history;
  std::array<double, kBaroHistory> vagal_history;
  int head;  // index of the newest history sample
};

// The effectors the circulation takes from the reflex, at rest and as driven.
struct Effectors {
  double lv_emax, rv_emax;                          // mmHg/mL
  double r_splanchnic, r_extrasplanchnic;           // mmHg*s/mL
  double vu_splanchnic_veins, vu_extrasplanchnic_veins;  // mL
};

// The resting effectors plus the reflex's deviations. `cardiac_gain` and `vascular_gain` are the
// shares of the sympathetic limb that beta-1 and alpha-1 antagonists leave (1: none blocked): the
// whole sympathetic action, the resting `tone` (Baroreflex::sympathetic_tone) and the deviation
// alike, is scaled, the cardiac share on the contractilities and the vascular share on the
// resistances and unstressed volumes. Contractilities and resistances may not fall below a fifth
// of their resting value, unstressed volumes not below zero [U]. `cardiopulmonary` is what the
// low-pressure receptors add to the vessels, through the same alpha-1 share.
Effectors driven_effectors(const Effectors& rest, const BaroreflexState& s, double cardiac_gain = 1.0,
                           double vascular_gain = 1.0, const Effectors& tone = {},
                           const VascularShift& cardiopulmonary = {});

class Baroreflex {
 public:
  // Takes the parameters as they are now (they stay frozen while a sim runs): each tick's decay
  // factors and delays are computed here, once.
  Baroreflex(const BaroreflexParams& p, const BaroreflexReference& ref);

  // A state at rest for a steady carotid pressure equal to the set point.
  BaroreflexState rest_state() const;

  // Advances by one tick with the mean carotid pressure over the tick and what the chemo- and
  // lung-stretch receptors add to the efferents.
  void tick(double carotid_mmHg, BaroreflexState& s, const EfferentShift& shift = {}) const;

  // Firing rates for a filtered pressure, without changing state (used for calibration).
  double afferent_firing(double filtered_mmHg) const;
  // `shift` adds inside the exponent (against the afferent) or to the vagal sigmoid.
  double sympathetic_firing(double afferent, double shift = 0.0) const;
  double vagal_firing(double afferent, double shift = 0.0) const;
  double sympathetic_drive(double f_es) const;
  // What the resting sympathetic firing contributes to each effector (its gain x the resting
  // drive): the calibrated resting effectors already hold it, so an antagonist takes its share
  // away. Effectors order; unstressed volumes and resistances as in Effectors.
  Effectors sympathetic_tone() const;

  double filtered_pressure(const BaroreflexState& s, double carotid_mmHg) const;
  // The heart period the sinus node is driven at: the set period with the operating point's
  // bias removed, plus the sympathetic (resting tone and deviation scaled by
  // `sympathetic_effect`, which a beta-blocker lowers) and vagal (scaled by `vagal_effect`,
  // which atropine lowers) deviations, divided by `chronotropy`; held within 0.25-3 s.
  // How much faster the AV node conducts than at rest under the nerves alone (1 at rest): the
  // resting period over the nerves' sinus period (no drug chronotropy), to the power
  // av_dromotropy_exponent. Sympathetic drive and vagal withdrawal shorten the node's delay and
  // refractoriness, so a sinus tachycardia of 150/min still conducts 1:1.
  double av_dromotropy(double set_period_s, const BaroreflexState& s, double vagal_effect,
                       double sympathetic_effect) const;
  // The same while a rate set from outside the reflex drives the sinus node (a scripted sinus
  // tachycardia: fever, pain, fear), as the sympathetic drive that makes such a rate would speed
  // the node, through the cardiac share a beta-1 antagonist leaves (`sympathetic_effect`).
  double av_dromotropy_at(double set_period_s, double forced_period_s, double sympathetic_effect) const;
  double sinus_period(double set_period_s, const BaroreflexState& s, double vagal_effect,
                      double chronotropy, double sympathetic_effect = 1.0) const;

 private:
  const BaroreflexParams* p_;
  BaroreflexReference ref_;
  double lead_lag_decay_;                             // exp(-tick / tau_p)
  std::array<double, kNumEffectors> effector_decay_;  // exp(-tick / tau)
  std::array<int, kNumEffectors> effector_lag_;       // delay in ticks
};

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const BaroreflexState& s, StateCheck& c);

// The reference adult's reflex, the effector gains scaled to another size (s = metabolic mass / 70 kg)
// as the circulation's effectors are, and each parameter by name.
BaroreflexParams reference_baroreflex();
void scale_to_mass(BaroreflexParams& p, double s);
std::span<const ParamSpec<BaroreflexParams>> param_table();

}  // namespace resus::autonomic
