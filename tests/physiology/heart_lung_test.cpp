// The beats' swing with the breaths (heart-lung interaction), read as a monitor reads it: pulse
// pressure variation (PPV) and systolic pressure variation (SPV) over each breath, the mean of the
// last three. Nothing here was fitted: the swing comes from the pleural pressure acting on the
// chest's chambers and vessels (models/cardiovascular) and the filling the circulation has.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "engine/sim.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;
using test::mean_over;

// Michard 2000 (Am J Respir Crit Care Med 162:134; 40 ventilated septic patients, tidal volume
// 8-12 mL/kg): a PPV above 13% told the patients whose cardiac output a fluid bolus would raise
// from those it would not. A paralysed, ventilated man (12/min x 560 mL, 8 mL/kg, PEEP 5) reads
// ~3% filled, above 13% after losing a quarter of his blood, and below it again once a litre of
// crystalloid has run in.
TEST(HeartLung, PulsePressureVariationTellsAVentilatedPatientWhoNeedsFluid) {
  Sim sim(test::adult(), 1, 0);
  act(sim, R"({"do":"airway","airway":"tracheal_tube"})");
  act(sim, R"({"do":"spontaneous_breathing","enabled":false})");
  act(sim, R"({"do":"ventilation","mode":"ventilator","rate_per_min":12,"tidal_volume_mL":560,"peep_cmH2O":5})");
  sim.advance(120.0);
  const double filled = mean_over(sim, kPulsePressureVariation, 30.0);
  act(sim, R"({"do":"hemorrhage","rate_mL_min":250,"volume_mL":1250})");
  sim.advance(330.0);
  const double bled = mean_over(sim, kPulsePressureVariation, 30.0);
  act(sim, R"({"do":"fluid_bolus","volume_mL":1000,"rate_mL_min":200})");
  sim.advance(360.0);
  const double refilled = mean_over(sim, kPulsePressureVariation, 30.0);
  std::printf("PPV: filled %.1f%%, 25%% bled %.1f%%, after 1 L %.1f%%\n", filled, bled, refilled);
  EXPECT_LT(filled, 13.0);
  EXPECT_GT(bled, 13.0);
  EXPECT_LT(refilled, 13.0);
  EXPECT_GT(bled, filled + 5.0);
}

// B.4 row 65 (Spodick 2003; Roy 2007, pooled sensitivity 82%): pulsus paradoxus, an inspiratory
// fall in systolic pressure above 10 mmHg, in tamponade with spontaneous breathing. It comes from
// the septum (the right heart fills as the left cannot) and from the inflating lung drawing blood
// into its vessels (models/cardiovascular: Lai-Fook 1979's tethering); ~2.5 mmHg without an
// effusion, 11.3 at its largest with a pulse here (MAP 53).
TEST(HeartLung, TamponadeBringsPulsusParadoxus) {
  Sim sim(test::adult(), 1, 0);
  sim.advance(60.0);
  const double before = mean_over(sim, kSystolicPressureVariation, 30.0);
  act(sim, R"({"do":"condition","condition":"tamponade","rate_mL_min":50})");
  sim.advance(300.0);
  double largest = 0.0;
  for (int i = 0; i < 100 && sim.signal(kMeanArterial) >= 45.0; ++i) {
    sim.advance(2.0);
    largest = std::max(largest, sim.signal(kSystolicPressureVariation));
  }
  ASSERT_LT(sim.signal(kMeanArterial), 45.0);
  std::printf("SPV: %.1f mmHg without an effusion, %.1f at its largest with a pulse\n", before,
              largest);
  EXPECT_LT(before, 4.0);
  EXPECT_GT(largest, 10.0);
}

// Compressions set the pressures, not the breaths: no variation is read in CPR, from the first
// compression (a beating, breathing patient read some just before).
TEST(HeartLung, NoVariationIsReadDuringCompressions) {
  Sim sim(test::adult(), 1, 0);
  sim.advance(30.0);
  EXPECT_GT(sim.signal(kPulsePressureVariation), 0.5);
  EXPECT_GT(sim.signal(kSystolicPressureVariation), 0.5);
  act(sim, R"({"do":"rhythm","rhythm":"vf_coarse"})");
  act(sim, R"({"do":"cpr_start"})");
  sim.advance(1.0);
  EXPECT_EQ(sim.signal(kPulsePressureVariation), 0.0);
  EXPECT_EQ(sim.signal(kSystolicPressureVariation), 0.0);
  sim.advance(30.0);
  EXPECT_EQ(sim.signal(kPulsePressureVariation), 0.0);
}

// The septum bows into the RV at rest and, under an RV pressure load, flattens and inverts by a
// few millilitres (the echocardiographer's D-shaped LV): dogs' septa flatten at a left-to-right
// gradient of -4.6 +/- 1.4 mmHg and invert further as it grows (Dong, Smith and Tyberg 1992).
// Smith's relaxed septum levelled off at -1.1 mmHg and let a loaded RV push it 60 mL into the LV.
TEST(HeartLung, AnRvPressureLoadFlattensTheSeptumByMillilitres) {
  auto septal_range = [](Sim& sim) {
    double lo = 1e9, hi = -1e9;
    for (int i = 0; i < 1000; ++i) {
      sim.advance(0.01);
      const double v = sim.state().bus.haemodynamics.h.septal_volume;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    return std::pair{lo, hi};
  };
  Sim sim(test::adult(), 1, 0);
  const auto [rest_lo, rest_hi] = septal_range(sim);
  act(sim, R"({"do":"condition","condition":"pulmonary_embolism","obstruction":0.9})");
  sim.advance(240.0);
  const auto [loaded_lo, loaded_hi] = septal_range(sim);
  std::printf("septal volume: rest %.1f..%.1f mL, 90%% embolism %.1f..%.1f mL\n", rest_lo,
              rest_hi, loaded_lo, loaded_hi);
  EXPECT_GT(rest_lo, 0.0);  // convex into the RV through the whole beat
  EXPECT_LT(loaded_lo, 0.0);  // flat, then inverted, in the loaded RV's diastole
  EXPECT_GT(loaded_lo, -8.0);
}

}  // namespace
}  // namespace resus
