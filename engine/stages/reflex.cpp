// The reflex stage: the Ursino baroreflex on its own 10 ms tick (operator splitting: the
// effectors are held over the tick's steps), its efferents shifted by the peripheral
// chemoreceptors and the lung-stretch receptors (Ursino and Magosso 2000), and the vessels' tone
// by the cardiopulmonary receptors (Heldt 2002). Reads the carotid (arterial) and transmural right
// atrial pressures of each step from bus.haemodynamics, the arterial tensions from bus.blood,
// the lung volume from bus.lungs and the chronotropic, vagal and receptor-blockade effect
// channels; writes bus.autonomic.
#include <algorithm>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::reflex {
namespace {

autonomic::Effectors resting(const cv::CirculationParams& p) {
  return {p.lv.emax, p.rv.emax, p.r_splanchnic, p.r_extrasplanchnic,
          p.splanchnic_veins.unstressed_volume, p.extrasplanchnic_veins.unstressed_volume};
}

}  // namespace

void drive(const StepContext& c, SimState& s) {
  const PatientParams& p = c.model.params();
  const Effects& fx = s.bus.effects;
  AutonomicBus& a = s.bus.autonomic;
  // Beta-1 and alpha-1 antagonists block the sympathetic nerves' receptors as well as the
  // hormones': what is left of each limb.
  const double cardiac = 1.0 - std::clamp(fx[Effect::kBeta1Blockade], 0.0, 1.0);
  const double vascular = 1.0 - std::clamp(fx[Effect::kAlpha1Blockade], 0.0, 1.0);
  a.sinus_period_s = c.eval.baroreflex.sinus_period(60.0 / p.heart_rate_set_bpm, s.reflex.baro,
                                                    fx[Effect::kVagalEffect], fx[Effect::kChronotropy],
                                                    cardiac);
  a.av_dromotropy = c.eval.baroreflex.av_dromotropy(60.0 / p.heart_rate_set_bpm, s.reflex.baro,
                                                    fx[Effect::kVagalEffect], cardiac);
  // A scripted sinus tachycardia is the sympathetic drive's work, and the AV node conducts as
  // that drive makes it: the pressure the forced rate raises cannot block it through the vagus.
  const ep::ConductionState& rhythm = s.heart.conduction;
  if (rhythm.rhythm == static_cast<int32_t>(ep::Rhythm::kSinusTachycardia) &&
      rhythm.sinus_rate_override_bpm > 0.0)
    a.av_dromotropy = std::max(
        a.av_dromotropy, c.eval.baroreflex.av_dromotropy_at(60.0 / p.heart_rate_set_bpm,
                                                             60.0 / rhythm.sinus_rate_override_bpm, cardiac));
  const autonomic::Effectors e =
      autonomic::driven_effectors(resting(p.circulation), s.reflex.baro, cardiac, vascular,
                                  c.eval.baroreflex.sympathetic_tone(),
                                  c.eval.cardiopulmonary.shift(s.reflex.cardiopulmonary));
  a.lv_emax = e.lv_emax;
  a.rv_emax = e.rv_emax;
  a.r_splanchnic = e.r_splanchnic;
  a.r_extrasplanchnic = e.r_extrasplanchnic;
  a.vu_splanchnic_veins = e.vu_splanchnic_veins;
  a.vu_extrasplanchnic_veins = e.vu_extrasplanchnic_veins;
}

void tick(const StepContext& c, SimState& s) {
  ReflexState& r = s.reflex;
  const cv::Hemodynamics& h = s.bus.haemodynamics.h;
  r.pressure_sum += h.pressure[cv::kArteries];
  r.atrial_sum += h.pressure[cv::kRA] - h.pericardial_pressure;  // what stretches its wall
  if (++r.samples == kBaroSteps) {
    const BloodBus& b = s.bus.blood;
    const double above_frc_L =
        (s.bus.lungs.lung_volume_mL - c.model.params().respiration.frc_mL) / 1000.0;
    c.eval.chemoreflex.tick(b.arterial_po2_mmHg, b.arterial_pco2_mmHg, above_frc_L,
                            autonomic::kBaroTick_s, r.chemo);
    c.eval.baroreflex.tick(r.pressure_sum / kBaroSteps, r.baro, c.eval.chemoreflex.shift(r.chemo));
    c.eval.cardiopulmonary.tick(r.atrial_sum / kBaroSteps, r.cardiopulmonary);
    r.pressure_sum = 0.0;
    r.atrial_sum = 0.0;
    r.samples = 0;
  }
}

void publish(const Model&, const SimState& s, double* sig) {
  sig[kHeartPeriod] = s.bus.autonomic.sinus_period_s;
  sig[kSympatheticFiring] = s.reflex.baro.sympathetic;
  sig[kVagalFiring] = s.reflex.baro.vagal;
  sig[kChemoreceptorFiring] = s.reflex.chemo.chemo;
  sig[kLungStretchFiring] = s.reflex.chemo.stretch;
  sig[kCardiacSympatheticFiring] = s.reflex.baro.cardiac_sympathetic;
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  autonomic::check_state(s.reflex.baro, c);
  autonomic::check_state(s.reflex.chemo, c);
  autonomic::check_state(s.reflex.cardiopulmonary, c);
  c.in("reflex.pressure_sum", s.reflex.pressure_sum, -kPressure_mmHg * kBaroSteps,
       kPressure_mmHg * kBaroSteps)
      .in("reflex.atrial_sum", s.reflex.atrial_sum, -kPressure_mmHg * kBaroSteps,
          kPressure_mmHg * kBaroSteps)
      .index("reflex.samples", s.reflex.samples, 0, kBaroSteps - 1);
}

}  // namespace resus::stages::reflex
