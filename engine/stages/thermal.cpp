// The thermal stage: models/thermal's core and shell, every 100 ms of gas ticks. Reads bus.blood
// (the tissues' O2 uptake: the metabolic heat), bus.lungs (the systemic flow that carries heat
// to the skin) and bus.inflammation (a fever's set point); applies the environment and temperature_control actions; writes
// bus.temperature and its slots (EffectWriter::kThermal) of the metabolic-rate (shivering),
// chronotropy (sinus rate) and AV-conduction channels.
#include <algorithm>
#include <cmath>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::thermal {
namespace {

constexpr double kTick_s = 0.1;
constexpr double kJoulesPerMlO2 = 20.1;

void publish_bus(const PatientParams& pp, SimState& s) {
  const resus::thermal::ThermalState& t = s.thermal.body;
  s.bus.temperature.core_C = t.core_C;
  // The tissues' O2 use against 37 C by the body's Q10 (models/blood), once a tick for its
  // readers that need it every step (the myocardium).
  s.bus.temperature.q10_scale = std::pow(pp.blood.q10, (t.core_C - 37.0) / 10.0);
  set_effect(s.bus.effects, Effect::kMetabolicRate, EffectWriter::kThermal, t.out.metabolic_scale);
  set_effect(s.bus.effects, Effect::kChronotropy, EffectWriter::kThermal, t.out.chronotropy);
  // Cold slows the AV node as it slows the sinus node: its delay (the PR) and its refractory
  // period lengthen, which slows hypothermic AF's ventricular response (B.4 row 80); warmth
  // does not speed it.
  set_effect(s.bus.effects, Effect::kAvConduction, EffectWriter::kThermal,
             std::min(t.out.chronotropy, 1.0));
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  ThermalStageState& ts = s.thermal;
  // Every step's fluids are gathered toward the tick (the circulation books them each step).
  ts.tick_infused_heat_capacity_J_C += s.bus.haemodynamics.infused_heat_capacity_J_C;
  ts.tick_infused_heat_J += s.bus.haemodynamics.infused_heat_J;
  if (!c.breathing_coupled || !s.bus.lungs.gas_tick) return;
  ts.tick_s += s.bus.lungs.tick_dt_s;
  ts.tick_flow_mL += s.bus.lungs.tick_systemic_flow_mL;
  if (ts.tick_s < kTick_s - 1e-9) return;
  const double dt = ts.tick_s;
  ts.mean_flow_mL_s += (ts.tick_flow_mL / dt - ts.mean_flow_mL_s) * -std::expm1(-dt / 30.0);
  ts.tick_s = ts.tick_flow_mL = 0.0;
  resus::thermal::ThermalInputs in{};
  if (ts.tick_infused_heat_capacity_J_C > 0.0) {
    in.infused_heat_capacity_W_C = ts.tick_infused_heat_capacity_J_C / dt;
    in.infused_temperature_C = ts.tick_infused_heat_J / ts.tick_infused_heat_capacity_J_C;
  }
  ts.tick_infused_heat_capacity_J_C = ts.tick_infused_heat_J = 0.0;
  in.dt_s = dt;
  in.vo2_mL_s = s.bus.blood.vo2_mL_s;
  in.flow_ratio = ts.mean_flow_mL_s / std::max(ts.rest_flow_mL_s, 1.0);
  in.set_point_offset_C = s.bus.inflammation.fever_C;
  resus::thermal::step(c.model.params().thermal, in, ts.body);
  publish_bus(c.model.params(), s);
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr int kTemperature = field_index(ActionKind::kEnvironment, "temperature_C");
  constexpr int kMedium = field_index(ActionKind::kEnvironment, "medium");
  constexpr int kWind = field_index(ActionKind::kEnvironment, "wind_m_s");
  constexpr int kWet = field_index(ActionKind::kEnvironment, "wet");
  constexpr int kDevice = field_index(ActionKind::kTemperatureControl, "device");
  constexpr int kTarget = field_index(ActionKind::kTemperatureControl, "target_C");
  constexpr int kSuppress = field_index(ActionKind::kTemperatureControl, "suppress_shivering");
  resus::thermal::ThermalState& t = s.thermal.body;
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kEnvironment:
      t.environment_C = a[kTemperature];
      t.medium = static_cast<int32_t>(a[kMedium]);
      t.wind_m_s = a[kWind];
      t.wet = a[kWet] != 0.0 ? 1 : 0;
      c.events.push(EventKind::kActionApplied, kind, a[kTemperature]);
      break;
    case ActionKind::kTemperatureControl:
      t.device = static_cast<int32_t>(a[kDevice]);
      t.target_C = a[kTarget];
      t.shivering_blocked = t.device != 0 && a[kSuppress] != 0.0 ? 1 : 0;
      resus::thermal::read(c.model.params().thermal, t);
      publish_bus(c.model.params(), s);
      c.events.push(EventKind::kActionApplied, kind, a[kTarget]);
      break;
    default: break;
  }
}

void start(const PatientParams& pp, double flow_mL_s, SimState& s) {
  ThermalStageState& ts = s.thermal;
  ts = ThermalStageState{};
  ts.body = resus::thermal::initial_state(pp.thermal, pp.blood.vo2_rest_mL_min / 60.0 * kJoulesPerMlO2);
  ts.rest_flow_mL_s = ts.mean_flow_mL_s = flow_mL_s;
  publish_bus(pp, s);
}

void set_rest(const PatientParams& pp, SimState& s) {
  ThermalStageState& ts = s.thermal;
  ts.rest_flow_mL_s = std::max(ts.mean_flow_mL_s, 1.0);
  // The settled body is the resting one: its temperatures back to rest, the environment the one
  // that balances its heat.
  const double heat = s.bus.blood.vo2_mL_s * kJoulesPerMlO2;
  ts.body = resus::thermal::initial_state(pp.thermal, heat > 0.0 ? heat : pp.blood.vo2_rest_mL_min / 60.0 * kJoulesPerMlO2);
  publish_bus(pp, s);
}

void publish(const SimState& s, double* sig) {
  const resus::thermal::ThermalState& t = s.thermal.body;
  sig[kCoreTemperature] = t.core_C;
  sig[kShellTemperature] = t.shell_C;
  sig[kEnvironmentTemperature] = t.environment_C;
  sig[kHeatProduction] = t.out.heat_production_W;
  sig[kHeatLoss] = t.out.heat_loss_W;
  sig[kThermalDevice] = t.out.device_W;
  sig[kShivering] = t.out.shivering;
}

void check(const SimState& s, StateCheck& c) {
  const ThermalStageState& ts = s.thermal;
  resus::thermal::check_state(ts.body, c);
  c.in("thermal.tick_s", ts.tick_s, 0.0, kTick_s)
      .in("thermal.tick_flow_mL", ts.tick_flow_mL, -1e5, 1e5)
      // At most 10 L/min of fluid at 45 C for a tick.
      .in("thermal.tick_infused_heat_capacity_J_C", ts.tick_infused_heat_capacity_J_C, 0.0, 1e4)
      .in("thermal.tick_infused_heat_J", ts.tick_infused_heat_J, 0.0, 45.0 * 1e4)
      .in("thermal.mean_flow_mL_s", ts.mean_flow_mL_s, -1e4, 1e4)
      .in("thermal.rest_flow_mL_s", ts.rest_flow_mL_s, 1.0, 1e4)
      .in("temperature.core_C", s.bus.temperature.core_C, 5.0, 45.0)
      .in("temperature.q10_scale", s.bus.temperature.q10_scale, 0.0, 10.0);
}

}  // namespace resus::stages::thermal
