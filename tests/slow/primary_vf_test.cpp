// Primary VF after a coronary occlusion, counted over seeds (models/thrombosis README): long, so
// it runs with the slow checks.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "engine/sim.hpp"
#include "engine/status.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;
using test::adult;

TEST(CoronaryOcclusion, PrimaryVfComesInAFewPercentOfPatientsInTheFirstHour) {
  // Primary VF in ~10% of infarctions, peaking 20-50 min after the onset (README [U]): an LAD
  // occlusion's hazard gives 7% within the first hour, so over 40 seeds 1 to 8 of them (measured:
  // 1, before and after the hazard took its time course in 2026-12). Without an occlusion the
  // hazard is zero (tests/thrombosis).
  int vf = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    Sim sim(adult(), seed, 0);
    act(sim, R"({"do":"condition","condition":"coronary_occlusion","territory":"lad"})");
    for (int m = 0; m < 60; ++m) {
      sim.advance(60.0);
      if (sim.signal(kRhythmId) != 0.0) break;
    }
    vf += sim.signal(kRhythmId) != 0.0;
  }
  std::printf("primary VF within an hour: %d of 40\n", vf);
  EXPECT_GE(vf, 1);
  EXPECT_LE(vf, 8);
}

}  // namespace
}  // namespace resus
