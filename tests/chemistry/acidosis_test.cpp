// Acidaemia and the heart (issue 11: "acidosis: weaker contraction and pressor response").
// Sources: Kimmoun 2015 (Crit Care 19:175), the in-vivo depression of contraction and the
// vascular hyporesponsiveness to catecholamines appear below pH ~7.2; Mitchell 1972 (Kidney Int
// 1:375), contractility falls with pH. Ranges are the reference's direction and rough size.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/sim.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;
using test::adult;

// MAP's rise over 15 minutes of norepinephrine 0.1 ug/kg/min, from the 60 s before it.
double pressor_response(Sim& sim) {
  double before = 0.0;
  for (int i = 0; i < 60; ++i) {
    sim.advance(1.0);
    before += sim.signal(kMeanArterial) / 60.0;
  }
  // 0.2 ug/kg/min (~6 ng/mL): a clear rise in a healthy adult, well above the hormone's ~1.8 ng/mL
  // threshold (Silverberg 1978), so that its blunting can be measured.
  act(sim, R"({"do":"infusion","drug":"norepinephrine","rate":0.2,"unit":"ug_kg_min"})");
  sim.advance(840.0);
  double after = 0.0;
  for (int i = 0; i < 60; ++i) {
    sim.advance(1.0);
    after += sim.signal(kMeanArterial) / 60.0;
  }
  return after - before;
}

TEST(Acidosis, RestIsUntouched) {
  // At pH 7.40 neither the heart nor the receptors feel anything: the chemistry's slot of the
  // contractility channels is exactly 1 and the blockade channels are exactly 0.
  Sim sim(adult(), 1);
  sim.advance(60.0);
  const Effects& e = sim.state().bus.effects;
  const auto chem = static_cast<std::size_t>(EffectWriter::kChemistry);
  EXPECT_EQ(e.slot[static_cast<std::size_t>(Effect::kLvContractility)][chem], 0.0);  // log 1
  EXPECT_EQ(e[Effect::kBeta1Blockade], 0.0);
  EXPECT_EQ(e[Effect::kAlpha1Blockade], 0.0);
}

TEST(Acidosis, SevereAcidaemiaWeakensTheHeartAndBluntsThePressors) {
  Sim normal(adult(), 1);
  const double normal_rise = pressor_response(normal);

  // A mineral acid load to a base deficit of ~20 mmol/L: pH ~7.1 with respiratory compensation.
  Sim acid(adult(), 1);
  act(acid, R"({"do":"condition","condition":"acid_load","rate_mmol_h":1200,"amount_mmol":700})");
  acid.advance(2400.0);
  const double ph = acid.signal(kPhArterial);
  ASSERT_LT(ph, 7.15);
  ASSERT_GT(ph, 7.0);
  // Contraction: the chemistry's slot of both ventricles' contractility below 1 (the body's own
  // catecholamines, answering the acidosis, raise the channel as a whole).
  const Effects& e = acid.state().bus.effects;
  const auto chem = static_cast<std::size_t>(EffectWriter::kChemistry);
  for (Effect ventricle : {Effect::kLvContractility, Effect::kRvContractility}) {
    const double f = std::exp(e.slot[static_cast<std::size_t>(ventricle)][chem]);
    EXPECT_LT(f, 0.95);
    EXPECT_GT(f, 0.6);
  }
  // The receptors: a share of the nerves' action lost, with no antagonist given.
  EXPECT_GT(e[Effect::kAlpha1Blockade], 0.1);
  EXPECT_LT(e[Effect::kAlpha1Blockade], 0.5);
  // The same infusion raises MAP less than two thirds as much.
  const double acid_rise = pressor_response(acid);
  EXPECT_GT(normal_rise, 8.0);
  EXPECT_GT(acid_rise, 0.0);
  EXPECT_LT(acid_rise, 0.67 * normal_rise) << "normal " << normal_rise << ", acid " << acid_rise;
}

}  // namespace
}  // namespace resus
