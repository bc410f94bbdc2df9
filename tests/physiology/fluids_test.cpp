// Fluids and the capillaries (models/fluids), pinned to the reference they were calibrated on:
// physiology.md B.3 "Fluids" (crystalloid: 20-30% intravascular at 1 h, redistribution half-time
// 20-30 min; blood and colloid mostly stay; haemodilution lowers Hb), Drucker 1981 (transcapillary
// refill after haemorrhage), and the AV node's 1:1 conduction of a sympathetic sinus tachycardia.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "engine/sim.hpp"
#include "../support/release_pass_only.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;
using test::adult;

double volume(const Sim& s) { return s.signal(kBloodVolume); }

TEST(Fluids, CrystalloidLeavesTheVesselsAsB3Says) {
  RESUS_RELEASE_PASS_ONLY();
  Sim sim(adult(), 1);
  const double v0 = volume(sim), hb0 = sim.signal(kHemoglobin), gap0 = sim.signal(kAnionGap);
  act(sim, R"({"do":"fluid","fluid":"crystalloid","volume_mL":1000,"rate_mL_min":100})");
  sim.advance(600.0);
  EXPECT_LT(sim.signal(kHemoglobin), hb0 - 1.5);  // diluted: 15 -> ~12.9
  // The albumin is diluted with the cells: the anion gap narrows (Figge 1998: ~2.5 mmol/L per
  // g/dL of albumin lost; a seventh of 4.4 g/dL is ~1.5).
  EXPECT_GT(gap0 - sim.signal(kAnionGap), 0.5);
  EXPECT_LT(gap0 - sim.signal(kAnionGap), 3.0);
  sim.advance(3000.0);                             // 1 h after the bolus began
  const double kept = (volume(sim) - v0) / 1000.0;
  EXPECT_GT(kept, 0.20);
  EXPECT_LT(kept, 0.30);
  EXPECT_GT(sim.signal(kTranscapillaryRefill), -15.0);  // still leaving, slowly
  EXPECT_LT(sim.signal(kTranscapillaryRefill), 0.0);
}

TEST(Fluids, ColloidStaysWhereCrystalloidLeaves) {
  RESUS_RELEASE_PASS_ONLY();
  auto kept_after_1h = [](const char* fluid) {
    Sim sim(adult(), 1);
    const double v0 = volume(sim);
    act(sim, std::string(R"({"do":"fluid","fluid":")") + fluid +
                 R"(","volume_mL":500,"rate_mL_min":100})");
    sim.advance(3600.0);
    return (volume(sim) - v0) / 500.0;
  };
  const double colloid = kept_after_1h("colloid"), crystalloid = kept_after_1h("crystalloid");
  EXPECT_GT(colloid, 0.6);  // B.3: "mostly stays"
  EXPECT_GT(colloid, 2.0 * crystalloid);
}

TEST(Fluids, HaemorrhageIsRefilledAndPackedCellsRaiseHb) {
  RESUS_RELEASE_PASS_ONLY();
  Sim sim(adult(), 1);
  const double v0 = volume(sim);
  act(sim, R"({"do":"hemorrhage","rate_mL_min":100,"volume_mL":1500})");
  sim.advance(3600.0);
  // Drucker 1981: the fall in capillary pressure draws protein-free fluid in, diluting the blood.
  const double refilled = volume(sim) - (v0 - 1500.0);
  EXPECT_GT(refilled, 200.0);
  EXPECT_LT(refilled, 900.0);
  const double hb_bled = sim.signal(kHemoglobin);
  EXPECT_LT(hb_bled, 14.5);
  EXPECT_GT(hb_bled, 11.0);
  // Two units of packed cells (~600 mL, Hb ~20 g/dL) raise Hb by about 1 g/dL each [M].
  act(sim, R"({"do":"fluid","fluid":"packed_red_cells","volume_mL":600,"rate_mL_min":100})");
  sim.advance(900.0);
  EXPECT_GT(sim.signal(kHemoglobin), hb_bled + 0.8);
  EXPECT_LT(sim.signal(kHemoglobin), hb_bled + 3.0);
}

TEST(Fluids, SympatheticSinusTachycardiaConductsOneToOne) {
  // A 45% loss drives the sinus node to ~145/min; the nerves speed the AV node with it, so every
  // sinus beat is conducted (exercise conducts 1:1 to ~180-200/min in the healthy).
  Sim sim(adult(), 1);
  act(sim, R"({"do":"hemorrhage","rate_mL_min":100,"volume_mL":2200})");
  sim.advance(1440.0);
  const double sinus_rate = 60.0 / sim.signal(kHeartPeriod);
  ASSERT_GT(sinus_rate, 120.0);
  double hr_min = 1e9, hr_max = 0.0;
  for (int i = 0; i < 50; ++i) {
    sim.advance(0.2);
    hr_min = std::min(hr_min, sim.signal(kHeartRate));
    hr_max = std::max(hr_max, sim.signal(kHeartRate));
  }
  EXPECT_NEAR(hr_min, sinus_rate, 0.1 * sinus_rate);
  EXPECT_NEAR(hr_max, sinus_rate, 0.1 * sinus_rate);
}

}  // namespace
}  // namespace resus
