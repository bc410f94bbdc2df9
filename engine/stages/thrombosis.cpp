// The thrombosis stage: models/thrombosis's pulmonary embolism and coronary occlusion, every
// 100 ms. Reads the thrombolysis channel (the pharmacology's alteplase); applies the
// pulmonary_embolism and coronary_occlusion conditions, embolectomy and reperfusion; writes
// bus.ischaemia (the ECG's injury current) and its slots (EffectWriter::kThrombosis) of the
// pulmonary-resistance, dead-space, shunt, LV and RV contractility and VF-hazard channels.
#include <algorithm>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::thrombosis {
namespace {

constexpr int kTickSteps = 50;  // 100 ms: the fastest process (ischaemia) takes a minute

void set_slot(Effects& fx, Effect channel, double amount) {
  update_effect(fx, channel, EffectWriter::kThrombosis, amount);
}

void publish_bus(SimState& s) {
  const resus::thrombosis::ThrombosisReadout& o = s.thrombosis.clots.out;
  Effects& fx = s.bus.effects;
  set_slot(fx, Effect::kPulmonaryResistance, o.pulmonary_resistance_scale);
  set_slot(fx, Effect::kAlveolarDeadSpace, o.dead_space_offset);
  set_slot(fx, Effect::kShunt, o.shunt_offset);
  set_slot(fx, Effect::kLvContractility, o.lv_contractility_scale);
  set_slot(fx, Effect::kRvContractility, o.rv_contractility_scale);
  set_slot(fx, Effect::kVfHazard_per_s, o.vf_hazard_per_s);
  s.bus.ischaemia.territory = o.ecg_territory;
  s.bus.ischaemia.extent = o.ecg_extent;
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  ThrombosisStageState& ts = s.thrombosis;
  if (++ts.steps < kTickSteps) return;
  ts.steps = 0;
  resus::thrombosis::ThrombosisInputs in{};
  in.dt_s = kTickSteps * kStep_s;
  in.lysis_per_h = std::max(s.bus.effects[Effect::kThrombolysis_per_h], 0.0);
  resus::thrombosis::step(c.model.params().thrombosis, in, ts.clots);
  publish_bus(s);
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  using namespace resus::thrombosis;
  constexpr int kCondition = field_index(ActionKind::kCondition, "condition");
  constexpr int kObstruction = field_index(ActionKind::kCondition, "obstruction");
  constexpr int kTerritory = field_index(ActionKind::kCondition, "territory");
  const ThrombosisParams& p = c.model.params().thrombosis;
  ThrombosisState& t = s.thrombosis.clots;
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kCondition: {
      const auto cond = static_cast<ConditionName>(a[kCondition]);
      if (cond == ConditionName::kPulmonaryEmbolism) {
        embolise(p, t, a[kObstruction]);
        c.events.push(EventKind::kActionApplied, kind, a[kObstruction]);
      } else if (cond == ConditionName::kCoronaryOcclusion) {
        occlude(p, t, static_cast<Territory>(a[kTerritory]));
        c.events.push(EventKind::kActionApplied, kind, a[kTerritory]);
      }
      break;
    }
    case ActionKind::kConditionStop:
      // A clot is no source: it stays until it lyses or is removed.
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    case ActionKind::kEmbolectomy:
      embolectomy(t);
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    case ActionKind::kReperfusion:
      reperfuse(t);
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    default: break;
  }
  read(p, t);
  publish_bus(s);
}

void start(SimState& s) {
  s.thrombosis = ThrombosisStageState{};
  s.thrombosis.clots = resus::thrombosis::initial_state();
  s.bus.ischaemia = IschaemiaBus{};
}

void publish(const SimState& s, double* sig) {
  const resus::thrombosis::ThrombosisState& t = s.thrombosis.clots;
  sig[kPulmonaryObstruction] = t.pe_obstruction;
  sig[kIschaemiaExtent] = t.out.ecg_extent;
}

void check(const SimState& s, StateCheck& c) {
  resus::thrombosis::check_state(s.thrombosis.clots, c);
  c.index("thrombosis.steps", s.thrombosis.steps, 0, kTickSteps - 1)
      .index("ischaemia.territory", s.bus.ischaemia.territory, 0, 3)
      .in("ischaemia.extent", s.bus.ischaemia.extent, 0.0, 1.0);
}

}  // namespace resus::stages::thrombosis
