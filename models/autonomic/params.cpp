// The baroreflex's parameters: the reference adult's values (Ursino 1998 with the effector
// gains of README.md), their scaling to another body mass, and the table that makes each
// reachable by name.
#include "models/autonomic/baroreflex.hpp"

namespace resus::autonomic {

BaroreflexParams reference_baroreflex() {
  BaroreflexParams b{};
  // Ursino's pole; his zero (6.37 s, rate sensitivity) is left out (README "Afferent"): on the
  // pulsatile pressure its threefold gain at heart rate swung the sigmoid from floor to ceiling
  // every beat and cut the static gain to the mean pressure about four times.
  b.tau_p_s = 2.076;
  b.tau_z_s = 0.0;
  b.f_min = 2.52;
  b.f_max = 47.78;
  b.k_a = 11.758;
  b.fes_inf = 2.10;
  b.fes_0 = 16.11;
  b.k_es = 0.0675;
  b.fes_min = 2.66;
  b.fes_max = 60.0;  // Magosso and Ursino 2002
  b.fev_0 = 3.2;
  b.fev_inf = 6.3;
  b.k_ev = 7.06;
  b.fas_0 = 25.0;
  // Ursino's Emax gains are +20% of his resting elastances per unit of drive (0.475 of 2.392 and
  // 0.282 of 1.412 mmHg/mL); the same share of Smith's ventricles here (2.3 and 0.585 mmHg/mL).
  // His RV gain taken as it stands more than doubled an RV four-tenths as stiff as his.
  b.effectors[kLvEmax] = EffectorParams{0.475 * 2.3 / 2.392, 2.0, 8.0};
  b.effectors[kRvEmax] = EffectorParams{0.282 * 0.585 / 1.412, 2.0, 8.0};
  b.effectors[kSplanchnicResistance] = EffectorParams{0.695, 2.0, 6.0};
  b.effectors[kExtrasplanchnicResistance] = EffectorParams{0.53, 2.0, 6.0};
  b.effectors[kSplanchnicUnstressed] = EffectorParams{-265.4, 5.0, 20.0};
  b.effectors[kExtrasplanchnicUnstressed] = EffectorParams{-132.5, 5.0, 20.0};
  b.effectors[kPeriodSympathetic] = EffectorParams{-0.13, 2.0, 2.0};
  b.effectors[kPeriodVagal] = EffectorParams{0.09, 0.2, 1.5};
  b.gain_scale = 1.0;
  // PR shortens from ~0.16 s at rest to ~0.12 s at 150/min in exercise, and isoproterenol
  // shortens the AV node's refractory period by a quarter [M]: a period ratio of 2.1 -> 1.35.
  b.av_dromotropy_exponent = 0.4;
  b.chemo = reference_chemoreflex();
  b.cardiopulmonary = reference_cardiopulmonary();
  return b;
}

void scale_to_mass(BaroreflexParams& b, double s) {
  auto& e = b.effectors;
  e[kLvEmax].gain /= s;
  e[kRvEmax].gain /= s;
  e[kSplanchnicResistance].gain /= s;
  e[kExtrasplanchnicResistance].gain /= s;
  e[kSplanchnicUnstressed].gain *= s;
  e[kExtrasplanchnicUnstressed].gain *= s;
  b.cardiopulmonary.splanchnic_venous_mL_per_mmHg *= s;
  b.cardiopulmonary.extrasplanchnic_venous_mL_per_mmHg *= s;
}

namespace {

constexpr ParamSpec<BaroreflexParams> kTable[] = {
    {"baroreflex_gain", "1", 0, 3, "baroreflex gain scale (0 = denervated, 1 = intact)",
     RESUS_FIELD(BaroreflexParams, gain_scale)},
    {"baro_afferent_slope_mmHg", "mmHg", 2, 50, "afferent sigmoid slope ka",
     RESUS_FIELD(BaroreflexParams, k_a)},
    {"baro_tau_p_s", "s", 0.1, 20, "afferent lead-lag pole",
     RESUS_FIELD(BaroreflexParams, tau_p_s)},
    {"baro_tau_z_s", "s", 0, 30, "afferent lead-lag zero",
     RESUS_FIELD(BaroreflexParams, tau_z_s)},
    {"baro_gain_lv_emax_mmHg_per_mL", "mmHg/mL", -5, 5, "sympathetic gain on LV Emax",
     RESUS_FIELD(BaroreflexParams, effectors[kLvEmax].gain)},
    {"baro_gain_rv_emax_mmHg_per_mL", "mmHg/mL", -5, 5, "sympathetic gain on RV Emax",
     RESUS_FIELD(BaroreflexParams, effectors[kRvEmax].gain)},
    {"baro_gain_splanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", -10, 10, "sympathetic gain on splanchnic resistance",
     RESUS_FIELD(BaroreflexParams, effectors[kSplanchnicResistance].gain)},
    {"baro_gain_extrasplanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", -10, 10, "sympathetic gain on extrasplanchnic resistance",
     RESUS_FIELD(BaroreflexParams, effectors[kExtrasplanchnicResistance].gain)},
    {"baro_gain_splanchnic_unstressed_mL", "mL", -2000, 2000, "sympathetic gain on splanchnic unstressed volume",
     RESUS_FIELD(BaroreflexParams, effectors[kSplanchnicUnstressed].gain)},
    {"baro_gain_extrasplanchnic_unstressed_mL", "mL", -2000, 2000, "sympathetic gain on extrasplanchnic unstressed volume",
     RESUS_FIELD(BaroreflexParams, effectors[kExtrasplanchnicUnstressed].gain)},
    {"baro_gain_period_sympathetic_s", "s", -1, 1, "sympathetic gain on heart period",
     RESUS_FIELD(BaroreflexParams, effectors[kPeriodSympathetic].gain)},
    {"baro_gain_period_vagal_s", "s", -1, 1, "vagal gain on heart period",
     RESUS_FIELD(BaroreflexParams, effectors[kPeriodVagal].gain)},
    {"baro_delay_period_sympathetic_s", "s", 0, autonomic::kMaxDelay_s, "sympathetic heart-period delay",
     RESUS_FIELD(BaroreflexParams, effectors[kPeriodSympathetic].delay_s)},
    {"baro_delay_period_vagal_s", "s", 0, autonomic::kMaxDelay_s, "vagal heart-period delay",
     RESUS_FIELD(BaroreflexParams, effectors[kPeriodVagal].delay_s)},
    {"baro_tau_period_sympathetic_s", "s", 0.1, 60, "sympathetic heart-period time constant",
     RESUS_FIELD(BaroreflexParams, effectors[kPeriodSympathetic].tau_s)},
    {"baro_tau_period_vagal_s", "s", 0.1, 60, "vagal heart-period time constant",
     RESUS_FIELD(BaroreflexParams, effectors[kPeriodVagal].tau_s)},
    {"baro_delay_lv_emax_s", "s", 0, kMaxDelay_s, "sympathetic delay on LV Emax",
     RESUS_FIELD(BaroreflexParams, effectors[kLvEmax].delay_s)},
    {"baro_tau_lv_emax_s", "s", 0.1, 120, "time constant of LV Emax",
     RESUS_FIELD(BaroreflexParams, effectors[kLvEmax].tau_s)},
    {"baro_delay_rv_emax_s", "s", 0, kMaxDelay_s, "sympathetic delay on RV Emax",
     RESUS_FIELD(BaroreflexParams, effectors[kRvEmax].delay_s)},
    {"baro_tau_rv_emax_s", "s", 0.1, 120, "time constant of RV Emax",
     RESUS_FIELD(BaroreflexParams, effectors[kRvEmax].tau_s)},
    {"baro_delay_splanchnic_resistance_s", "s", 0, kMaxDelay_s, "sympathetic delay on splanchnic resistance",
     RESUS_FIELD(BaroreflexParams, effectors[kSplanchnicResistance].delay_s)},
    {"baro_tau_splanchnic_resistance_s", "s", 0.1, 120, "time constant of splanchnic resistance",
     RESUS_FIELD(BaroreflexParams, effectors[kSplanchnicResistance].tau_s)},
    {"baro_delay_extrasplanchnic_resistance_s", "s", 0, kMaxDelay_s, "sympathetic delay on extrasplanchnic resistance",
     RESUS_FIELD(BaroreflexParams, effectors[kExtrasplanchnicResistance].delay_s)},
    {"baro_tau_extrasplanchnic_resistance_s", "s", 0.1, 120, "time constant of extrasplanchnic resistance",
     RESUS_FIELD(BaroreflexParams, effectors[kExtrasplanchnicResistance].tau_s)},
    {"baro_delay_splanchnic_unstressed_s", "s", 0, kMaxDelay_s, "sympathetic delay on splanchnic unstressed volume",
     RESUS_FIELD(BaroreflexParams, effectors[kSplanchnicUnstressed].delay_s)},
    {"baro_tau_splanchnic_unstressed_s", "s", 0.1, 120, "time constant of splanchnic unstressed volume",
     RESUS_FIELD(BaroreflexParams, effectors[kSplanchnicUnstressed].tau_s)},
    {"baro_delay_extrasplanchnic_unstressed_s", "s", 0, kMaxDelay_s, "sympathetic delay on extrasplanchnic unstressed volume",
     RESUS_FIELD(BaroreflexParams, effectors[kExtrasplanchnicUnstressed].delay_s)},
    {"baro_tau_extrasplanchnic_unstressed_s", "s", 0.1, 120, "time constant of extrasplanchnic unstressed volume",
     RESUS_FIELD(BaroreflexParams, effectors[kExtrasplanchnicUnstressed].tau_s)},
    {"av_dromotropy_exponent", "1", 0, 2,
     "AV-node conduction speed-up as a power of the nerves' sinus rate over the resting rate",
     RESUS_FIELD(BaroreflexParams, av_dromotropy_exponent)},
    {"baro_f_min", "1/s", 0.5, 20, "afferent firing at very low pressure (f_min)",
     RESUS_FIELD(BaroreflexParams, f_min)},
    {"baro_f_max", "1/s", 10, 200, "afferent firing at very high pressure (f_max)",
     RESUS_FIELD(BaroreflexParams, f_max)},
    {"baro_fes_inf", "1/s", 0, 20, "sympathetic firing at maximal afferent activity (f_es,inf)",
     RESUS_FIELD(BaroreflexParams, fes_inf)},
    {"baro_fes_0", "1/s", 1, 100, "sympathetic firing with no afferent activity (f_es,0)",
     RESUS_FIELD(BaroreflexParams, fes_0)},
    {"baro_k_es", "s", 0.01, 1, "sympathetic efferent sigmoid slope (k_es)",
     RESUS_FIELD(BaroreflexParams, k_es)},
    {"baro_fes_min", "1/s", 0, 20, "sympathetic firing threshold of the effectors (f_es,min)",
     RESUS_FIELD(BaroreflexParams, fes_min)},
    {"baro_fev_0", "1/s", 0, 20, "vagal firing with no afferent activity (f_ev,0)",
     RESUS_FIELD(BaroreflexParams, fev_0)},
    {"baro_fev_inf", "1/s", 0, 50, "vagal firing at maximal afferent activity (f_ev,inf)",
     RESUS_FIELD(BaroreflexParams, fev_inf)},
    {"baro_k_ev", "1/s", 1, 50, "vagal efferent sigmoid slope (k_ev)",
     RESUS_FIELD(BaroreflexParams, k_ev)},
    {"baro_fas_0", "1/s", 1, 100, "afferent firing of the vagal sigmoid centre (f_as,0)",
     RESUS_FIELD(BaroreflexParams, fas_0)},
    {"chemoreflex_gain", "1", 0, 3,
     "peripheral chemoreflex and lung-stretch reflex gain scale (0 = none, 1 = intact)",
     RESUS_FIELD(BaroreflexParams, chemo.gain_scale)},
    {"chemo_po2_center_mmHg", "mmHg", 20, 80, "arterial PO2 at the chemoreceptors' half response",
     RESUS_FIELD(BaroreflexParams, chemo.po2_center_mmHg)},
    {"chemo_weight_vagal", "1", 0, 2, "chemoreceptor firing's weight on vagal firing (W_c,v)",
     RESUS_FIELD(BaroreflexParams, chemo.w_chemo_vagal)},
    {"stretch_weight_vagal", "1", 0, 2, "lung-stretch firing's weight against vagal firing (W_p,v)",
     RESUS_FIELD(BaroreflexParams, chemo.w_stretch_vagal)},
    {"chemo_weight_cardiac_sympathetic", "1", 0, 10,
     "chemoreceptor firing's weight on cardiac sympathetic firing (W_c,sh)",
     RESUS_FIELD(BaroreflexParams, chemo.w_chemo_cardiac_sympathetic)},
    {"cardiopulmonary_reflex_gain", "1", 0, 3,
     "cardiopulmonary (low-pressure) reflex gain scale (0 = none; 1 = Heldt 2002, the default)",
     RESUS_FIELD(BaroreflexParams, cardiopulmonary.gain_scale)},
    {"cardiopulmonary_splanchnic_venous_mL_per_mmHg", "mL/mmHg", 0, 500,
     "splanchnic veins' unstressed volume given up per mmHg of right atrial unloading",
     RESUS_FIELD(BaroreflexParams, cardiopulmonary.splanchnic_venous_mL_per_mmHg)},
    {"cardiopulmonary_extrasplanchnic_venous_mL_per_mmHg", "mL/mmHg", 0, 500,
     "other veins' unstressed volume given up per mmHg of right atrial unloading",
     RESUS_FIELD(BaroreflexParams, cardiopulmonary.extrasplanchnic_venous_mL_per_mmHg)},
    {"cardiopulmonary_resistance_share_per_mmHg", "1/mmHg", 0, 0.2,
     "resistance beds' rise per mmHg of right atrial unloading, as a share of rest",
     RESUS_FIELD(BaroreflexParams, cardiopulmonary.resistance_share_per_mmHg)},

};

}  // namespace

std::span<const ParamSpec<BaroreflexParams>> param_table() { return kTable; }

}  // namespace resus::autonomic
