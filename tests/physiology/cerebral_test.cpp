// The cerebral vessels (models/brain, "Cerebral vessels"): Lassen's autoregulation holds the
// brain's flow while the perfusion pressure stays on its plateau, the flow follows the pressure
// below it, hypocapnia narrows the vessels (Markwalder 1984), and an arrest's ischaemia takes the
// autoregulation but not the CO2 reactivity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/sim.hpp"
#include "models/brain/vessels.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;

// Lassen 1959 (flow constant from a perfusion pressure of ~50 to ~150 mmHg) and what the brain
// does with it in a bleed: a venous haemorrhage of 100 mL/min brings the MAP down through the
// plateau into the range below it. On the plateau the flow stays within 12% of rest, far above
// what a rigid bed would pass at that pressure, and the patient stays awake and breathing (before
// the vessels were modelled, MAP 55 left the brain 55% of its flow, the patient syncopal and the
// brainstem hypoventilating to a PaCO2 of 47); below it the flow falls with the pressure.
TEST(Cerebral, FlowHoldsOnLassensPlateauAndFollowsThePressureBelowIt) {
  Sim sim(test::adult(), 1, 0);
  sim.advance(20.0);
  const double rest_flow = sim.signal(kCerebralFlow);
  const double rest_perfusion = sim.signal(kMeanArterial) - 10.0;  // ICP 10 mmHg
  act(sim, R"({"do":"hemorrhage","rate_mL_min":100,"volume_mL":3000,"site":"venous"})");
  bool plateau_seen = false, below_seen = false;
  double max_paco2_on_plateau = 0.0;
  while (sim.time() < 2400.0 && !below_seen) {
    sim.advance(5.0);
    const double map = sim.signal(kMeanArterial);
    const double flow = sim.signal(kCerebralFlow) / rest_flow;
    const double passive = (map - 10.0) / rest_perfusion;  // what a rigid bed would pass
    if (map < 65.0 && map > 57.0) {  // perfusion pressure 47-55: the plateau's lower end
      plateau_seen = true;
      EXPECT_GT(flow, 0.88) << "MAP " << map;
      EXPECT_GT(flow, passive + 0.15) << "MAP " << map;
      EXPECT_GT(sim.signal(kConsciousness), 0.9) << "MAP " << map;
      max_paco2_on_plateau = std::max(max_paco2_on_plateau, sim.signal(kPaco2));
    }
    if (map < 42.0 && map > 30.0) {  // perfusion pressure near 25: fully dilated, flow follows
      below_seen = true;
      std::printf("below the plateau: MAP %.1f, cerebral flow %.2f of rest\n", map, flow);
      EXPECT_LT(flow, 0.75);
    }
  }
  EXPECT_TRUE(plateau_seen);
  EXPECT_TRUE(below_seen);
  std::printf("highest PaCO2 with the MAP at 57-65: %.1f mmHg\n", max_paco2_on_plateau);
  EXPECT_LT(max_paco2_on_plateau, 44.0);
}

// Markwalder 1984 (TCD, 31 subjects): flow x exp(0.034 per mmHg of PaCO2); the textbook range is
// 2-4% per mmHg. Tube and bag at 14/min x 600 mL bring PaCO2 to ~30 over 10 minutes. The
// hyperventilated brainstem is apnoeic for want of CO2, not starved: it must not gasp.
TEST(Cerebral, HypocapniaNarrowsTheVesselsWithoutStarvingTheBrainstem) {
  Sim sim(test::adult(), 1, 0);
  sim.advance(20.0);
  const double rest_flow = sim.signal(kCerebralFlow);
  const double rest_paco2 = sim.signal(kPaco2);
  const double rest_map = sim.signal(kMeanArterial);
  act(sim, R"({"do":"airway","airway":"tracheal_tube"})");
  act(sim, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":14,"tidal_volume_mL":600})");
  for (int i = 0; i < 600; ++i) {
    sim.advance(1.0);
    ASSERT_EQ(sim.signal(kGasping), 0.0) << "at " << sim.time() << " s";
  }
  const double paco2 = sim.signal(kPaco2);
  const double flow = sim.signal(kCerebralFlow) / rest_flow;
  const double per_mmHg = std::log(flow) / (paco2 - rest_paco2);
  std::printf("PaCO2 %.1f -> %.1f mmHg: cerebral flow %.2f of rest, %.3f per mmHg\n", rest_paco2,
              paco2, flow, per_mmHg);
  EXPECT_LT(paco2, 33.0);
  EXPECT_GT(per_mmHg, 0.025);
  EXPECT_LT(per_mmHg, 0.045);
  EXPECT_NEAR(sim.signal(kMeanArterial), rest_map, 8.0);  // not a pressure effect
}

// The equations the README gives, at a perfusion pressure 30% below rest: an uninjured brain holds
// its flow; after 10 minutes of no-flow-equivalent ischaemia it keeps a sixth of that (Sundgreen
// 2001: autoregulation absent or right-shifted in most comatose survivors) and its CO2 reactivity
// (preserved after arrest, Buunk 1997); a brain below its electrical failure does not regulate.
TEST(Cerebral, AnArrestsIschaemiaTakesTheAutoregulationButNotTheCo2Reactivity) {
  const brain::BrainParams p = brain::default_brain_params();
  const brain::VesselRest rest{75.0, 40.0};
  const double low = 0.7 * rest.perfusion_mmHg;
  const double intact = brain::tone_target(p, rest, low, 40.0, 0.0, 1.0);
  const double injured = brain::tone_target(p, rest, low, 40.0, 10.0, 1.0);
  EXPECT_NEAR(intact, 0.7, 1e-12);  // flow = pressure / tone = 1
  EXPECT_NEAR(injured, 1.0 - 0.3 / 6.0, 1e-12);
  const double hypocapnic = brain::tone_target(p, rest, rest.perfusion_mmHg, 30.0, 10.0, 1.0);
  EXPECT_NEAR(hypocapnic, std::exp(10.0 * p.co2_reactivity_per_mmHg), 1e-12);
  EXPECT_EQ(brain::tone_target(p, rest, low, 30.0, 0.0, 0.3), 1.0);
  // The limits: fully dilated at the plateau's lower end, fully constricted at its upper.
  EXPECT_NEAR(brain::tone_target(p, rest, 20.0, 40.0, 0.0, 1.0), 50.0 / 75.0, 1e-12);
  EXPECT_NEAR(brain::tone_target(p, rest, 200.0, 40.0, 0.0, 1.0), 140.0 / 75.0, 1e-12);
}

}  // namespace
}  // namespace resus
