// The thorax stage: models/thorax's pericardial fluid, pleural air and blood, every step after the
// breathing. Reads bus.haemodynamics (pericardial, aortic and central venous pressure) and
// bus.lungs (alveolar pressure, airway flow, the breath's pleural swing); applies the tamponade
// tension-pneumothorax and haemothorax conditions and their treatments (pericardiocentesis,
// needle decompression, thoracostomy); draws each needle's working life (RngStream::kThorax) and
// reports its failure; writes bus.conditions (read by the circulation on the next step) and its
// slots (EffectWriter::kConditions) of the lung-compliance and shunt channels.
#include <algorithm>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::thorax {
namespace {

using resus::thorax::ThoraxInputs;
using resus::thorax::ThoraxState;

ThoraxInputs inputs(const PatientParams& pp, const SimState& s) {
  const Bus& b = s.bus;
  const cv::Hemodynamics& h = b.haemodynamics.h;
  ThoraxInputs in{};
  in.dt_s = kStep_s;
  in.pericardial_pressure_mmHg = h.pericardial_pressure;
  in.resting_pleural_mmHg = pp.circulation.intrathoracic_pressure;
  in.pleural_swing_mmHg = b.lungs.pleural_delta_mmHg;
  in.intrathoracic_pressure_mmHg =
      in.resting_pleural_mmHg + in.pleural_swing_mmHg + b.conditions.mediastinal_mmHg;
  in.central_venous_mmHg = h.pressure[cv::kThoracicVeins];
  in.aortic_mmHg = h.pressure[cv::kAorta];
  in.alveolar_mmHg = b.lungs.alveolar_pressure_mmHg;
  in.inspiratory_flow_mL_s = b.lungs.airway_flow_mL_s;
  in.right_mainstem = b.lungs.right_lung_only;
  return in;
}

// A slot is set only when its value moves, so that a quiet chest leaves the channels clean.
void set_slot(Effects& fx, Effect channel, double amount) {
  update_effect(fx, channel, EffectWriter::kConditions, amount);
}

void publish_bus(SimState& s) {
  const resus::thorax::ThoraxReadout& o = s.thorax.spaces.out;
  ConditionsBus& b = s.bus.conditions;
  b.pericardial_fluid_mL = o.pericardial_fluid_mL;
  b.pericardial_slack_mL = o.pericardial_slack_mL;
  const bool haemopericardium =
      s.thorax.spaces.source_kind == static_cast<int32_t>(resus::thorax::FluidSource::kBlood);
  b.chest_bleed_mL_s = (haemopericardium ? o.pericardial_inflow_mL_s : 0.0) + o.pleural_bleed_mL_s;
  b.mediastinal_mmHg = o.mediastinal_mmHg;
  set_slot(s.bus.effects, Effect::kLungCompliance, o.compliance_scale);
  set_slot(s.bus.effects, Effect::kShunt, o.shunt_offset);
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  if (!c.breathing_coupled) return;
  const PatientParams& pp = c.model.params();
  if (resus::thorax::quiet(pp.thorax, s.thorax.spaces)) return;  // most patients, most steps
  ThoraxState& t = s.thorax.spaces;
  resus::thorax::step(pp.thorax, inputs(pp, s), t);
  for (int i = 0; i < resus::thorax::kSides; ++i) {
    if (!t.needle_failed[i]) continue;
    t.needle_failed[i] = 0;
    c.events.push(EventKind::kNeedleFailed, i, t.needle_worked_s[i]);
  }
  publish_bus(s);
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  using namespace resus::thorax;
  constexpr int kCondition = field_index(ActionKind::kCondition, "condition");
  constexpr int kRate = field_index(ActionKind::kCondition, "rate_mL_min");
  constexpr int kVolume = field_index(ActionKind::kCondition, "volume_mL");
  constexpr int kSource = field_index(ActionKind::kCondition, "source");
  constexpr int kChronic = field_index(ActionKind::kCondition, "chronic");
  constexpr int kSide = field_index(ActionKind::kCondition, "side");
  constexpr int kStopCondition = field_index(ActionKind::kConditionStop, "condition");
  constexpr int kDrainVolume = field_index(ActionKind::kPericardiocentesis, "volume_mL");
  constexpr int kDrainRate = field_index(ActionKind::kPericardiocentesis, "rate_mL_min");
  constexpr int kLeaveDrain = field_index(ActionKind::kPericardiocentesis, "leave_drain");
  constexpr int kNeedleSide = field_index(ActionKind::kNeedleDecompression, "side");
  constexpr int kCatheter = field_index(ActionKind::kNeedleDecompression, "catheter_mm");
  constexpr int kNeedleSite = field_index(ActionKind::kNeedleDecompression, "site");
  constexpr int kOpenSide = field_index(ActionKind::kThoracostomy, "side");
  constexpr int kOpenKind = field_index(ActionKind::kThoracostomy, "kind");
  const ThoraxParams& p = c.model.params().thorax;
  ThoraxState& t = s.thorax.spaces;
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kCondition: {
      const auto cond = static_cast<ConditionName>(a[kCondition]);
      if (cond == ConditionName::kTamponade) {
        const double rate = a[kRate] > 0.0 ? a[kRate] : 50.0;
        start_tamponade(p, t, rate, a[kVolume], static_cast<FluidSource>(a[kSource]),
                        a[kChronic] != 0.0);
        c.events.push(EventKind::kActionApplied, kind, rate);
      } else if (cond == ConditionName::kTensionPneumothorax) {
        const double rate = a[kRate] > 0.0 ? a[kRate] : 200.0;
        start_pneumothorax(t, static_cast<Side>(a[kSide]), rate);
        c.events.push(EventKind::kActionApplied, kind, rate);
      } else if (cond == ConditionName::kHaemothorax) {
        const double rate = a[kRate] > 0.0 ? a[kRate] : 100.0;
        start_haemothorax(t, static_cast<Side>(a[kSide]), rate, a[kVolume]);
        c.events.push(EventKind::kActionApplied, kind, rate);
      }
      break;
    }
    case ActionKind::kConditionStop: {
      const auto cond = static_cast<ConditionName>(a[kStopCondition]);
      if (cond == ConditionName::kTamponade) stop_tamponade(t);
      if (cond == ConditionName::kTensionPneumothorax) stop_pneumothorax(t);
      if (cond == ConditionName::kHaemothorax) stop_haemothorax(t);
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    }
    case ActionKind::kPericardiocentesis:
      pericardiocentesis(t, a[kDrainVolume], a[kDrainRate], a[kLeaveDrain] != 0.0);
      c.events.push(EventKind::kActionApplied, kind, a[kDrainVolume]);
      break;
    case ActionKind::kNeedleDecompression: {
      // Each catheter placed draws its working life, left first, whichever sides are placed.
      double uniform[kSides];
      for (double& u : uniform) u = c.draws.rng().uniform(RngStream::kThorax, t.needles_placed++);
      needle_decompression(p, t, static_cast<Side>(a[kNeedleSide]), a[kCatheter],
                           static_cast<NeedleSite>(a[kNeedleSite]), uniform);
      c.events.push(EventKind::kActionApplied, kind, a[kCatheter]);
      break;
    }
    case ActionKind::kThoracostomy:
      thoracostomy(t, static_cast<Side>(a[kOpenSide]),
                   a[kOpenKind] == 0.0 ? Vent::kFinger : Vent::kTube);
      c.events.push(EventKind::kActionApplied, kind, a[kOpenKind]);
      break;
    default: break;
  }
}

void start(const PatientParams& pp, SimState& s) {
  s.thorax.spaces = resus::thorax::initial_state(pp.thorax);
  ThoraxInputs in{};
  in.dt_s = kStep_s;
  in.resting_pleural_mmHg = pp.circulation.intrathoracic_pressure;
  resus::thorax::read(pp.thorax, in, s.thorax.spaces);
  publish_bus(s);
}

void publish(const SimState& s, double* sig) {
  const resus::thorax::ThoraxState& t = s.thorax.spaces;
  const resus::thorax::ThoraxReadout& o = t.out;
  sig[kPericardialVolume] = t.pericardial_fluid_mL;
  sig[kPleuralAirLeft] = t.air_mL[0];
  sig[kPleuralAirRight] = t.air_mL[1];
  sig[kPleuralPressureLeft] = o.pleural_pressure_mmHg[0];
  sig[kPleuralPressureRight] = o.pleural_pressure_mmHg[1];
  // A tube in the right main bronchus silences the left chest (also while the chest is quiet).
  sig[kBreathSoundsLeft] = s.bus.lungs.right_lung_only ? 0.0 : o.breath_sounds[0];
  sig[kBreathSoundsRight] = o.breath_sounds[1];
  sig[kTrachealDeviation] = o.tracheal_deviation_mm;
  sig[kPleuralBloodLeft] = t.blood_mL[0];
  sig[kPleuralBloodRight] = t.blood_mL[1];
  sig[kChestDrainOutput] = t.blood_drained_mL[0] + t.blood_drained_mL[1];
  sig[kPercussionLeft] = o.percussion[0];
  sig[kPercussionRight] = o.percussion[1];
  // Distended neck veins: visible from a central venous pressure of about 8 mmHg, full by 20 [U].
  sig[kJugularDistension] = std::clamp((sig[kCentralVenous] - 8.0) / 12.0, 0.0, 1.0);
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  resus::thorax::check_state(s.thorax.spaces, c);
  const ConditionsBus& b = s.bus.conditions;
  c.in("conditions.pericardial_fluid_mL", b.pericardial_fluid_mL, 0.0, kVolume_mL)
      .in("conditions.pericardial_slack_mL", b.pericardial_slack_mL, 0.0, kVolume_mL)
      .in("conditions.chest_bleed_mL_s", b.chest_bleed_mL_s, 0.0, kFlow_mL_s)
      .in("conditions.mediastinal_mmHg", b.mediastinal_mmHg, -kPressure_mmHg, kPressure_mmHg);
}

}  // namespace resus::stages::thorax
