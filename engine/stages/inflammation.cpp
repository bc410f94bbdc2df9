// The inflammation stage: models/inflammation on the blood's gas tick (10 ms). Reads bus.blood
// (the tissues' unmet O2 demand); writes its slot (EffectWriter::kInflammation) of the
// systemic-resistance channel (the post-arrest syndrome's vasoplegia, a day after the debt) and
// bus.inflammation (the fever the same mediators bring, which the thermal stage defends).
#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::inflammation {

void step(const StepContext& c, SimState& s) {
  if (!c.breathing_coupled || !s.bus.lungs.gas_tick) return;
  const resus::inflammation::InflammationParams& p = c.model.params().inflammation;
  resus::inflammation::step(p, s.bus.blood.o2_deficit_mL_s, s.bus.lungs.tick_dt_s, s.inflammation);
  set_effect(s.bus.effects, Effect::kSystemicResistance, EffectWriter::kInflammation,
             resus::inflammation::resistance_factor(p, s.inflammation));
  s.bus.inflammation.fever_C = resus::inflammation::fever_C(p, s.inflammation);
}

void start(SimState& s) {
  s.inflammation = resus::inflammation::InflammationState{};
  set_effect(s.bus.effects, Effect::kSystemicResistance, EffectWriter::kInflammation, 1.0);
  s.bus.inflammation.fever_C = 0.0;
}

void publish(const SimState& s, double* sig) { sig[kVasoplegia] = s.inflammation.vasoplegia; }

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  c.in("inflammation.response", s.inflammation.response, 0.0, kAny)
      .in("inflammation.vasoplegia", s.inflammation.vasoplegia, 0.0, kAny)
      .in("bus.inflammation.fever_C", s.bus.inflammation.fever_C, 0.0, 10.0);
}

}  // namespace resus::stages::inflammation
