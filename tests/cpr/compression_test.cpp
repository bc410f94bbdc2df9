// The compression source and the depth-to-pressure mapping (models/cpr/compression.hpp).
#include <gtest/gtest.h>

#include <cmath>

#include "models/cpr/compression.hpp"

namespace resus::cpr {
namespace {

CompressionParams chest() { return CompressionParams{12.0, 4.0, 1.4, 1.0, 0.1, 1.0, 12.0}; }

Program rescuer(double rate = 110.0, double depth = 55.0, double leaning = 0.0, int per_cycle = 0,
                double pause = 0.0) {
  return Program{rate, depth, 0.5, leaning, per_cycle, 2, pause, 500.0};
}

// The sternum's displacement of the left ventricle: nothing at rest or within the heart's slack,
// k_v mL per mm beyond it, never negative, finite at the parameters' range ends.
TEST(Compression, DisplacementStartsBeyondTheHeartsSlack) {
  const ChestPump pump(chest());  // k_v 1 mL/mm, d_h 12 mm, w 4 mm
  EXPECT_EQ(pump.displacement(0.0), 0.0);
  EXPECT_EQ(pump.displacement(-3.0), 0.0);
  EXPECT_LT(pump.displacement(4.0), 0.5);
  EXPECT_NEAR(pump.displacement(55.0), 1.0 * (55.0 - 12.0), 0.5);
  EXPECT_NEAR(pump.displacement(60.0) - pump.displacement(50.0), 10.0, 1e-3);
  CompressionParams edge = chest();
  edge.knee_mm = 0.5;
  edge.heart_slack_mm = 60.0;
  edge.ventricular_displacement_mL_per_mm = 5.0;
  const ChestPump steep(edge);
  for (double d = 0.0; d <= 100.0; d += 0.5) {
    EXPECT_TRUE(std::isfinite(steep.displacement(d))) << d;
    EXPECT_GE(steep.displacement(d), 0.0) << d;
  }
  EXPECT_NEAR(steep.displacement(100.0), 5.0 * 40.0, 1e-6);
}

// A.2: Pc = k_d (depth - d0) beyond the slack; nothing at rest; monotonic everywhere.
TEST(Compression, PressureIsLinearBeyondTheSlackAndZeroAtRest) {
  const CompressionParams p = chest();
  EXPECT_NEAR(chest_pressure(p, 0.0), 0.0, 1e-12);
  EXPECT_NEAR(chest_pressure(p, 55.0), 1.4 * (55.0 - 12.0), 0.5);
  EXPECT_NEAR(chest_pressure(p, 60.0) - chest_pressure(p, 50.0), 14.0, 1e-3);
  double last = -1.0;
  for (double d = 0.0; d <= 100.0; d += 0.5) {
    const double pc = chest_pressure(p, d);
    EXPECT_GE(pc, last);
    last = pc;
  }
  // Leaning near the slack presses a little (incomplete recoil is not free).
  EXPECT_GT(chest_pressure(p, 10.0), 1.0);
  EXPECT_LT(chest_pressure(p, 10.0), 5.0);
}

TEST(Compression, ProgrammedRescuerFollowsRateDepthDutyAndLeaning) {
  CompressionState s = make_compression_state();
  start_program(s, rescuer(120.0, 50.0, 5.0), 10.0);
  const double period = 0.5;
  EXPECT_NEAR(depth_at(s, 10.0), 5.0, 1e-9);               // starts at the leaning depth
  EXPECT_NEAR(depth_at(s, 10.0 + 0.125), 50.0, 1e-9);      // peak at the middle of the push
  EXPECT_NEAR(depth_at(s, 10.0 + 0.3), 5.0, 1e-9);         // released for the other half
  for (int i = 0; i < 1000; ++i) advance_to(s, 10.0 + i * 0.002);
  EXPECT_NEAR(depth_at(s, 10.0 + 4 * period + 0.125), 50.0, 1e-6);  // still in phase
}

TEST(Compression, ThirtyToTwoPausesAndAsksForBreaths) {
  CompressionState s = make_compression_state();
  start_program(s, rescuer(100.0, 55.0, 0.0, 30, 4.0), 0.0);
  int pauses = 0;
  double pause_at = -1.0;
  for (double t = 0.0; t < 30.0; t += 0.002) {
    const CompressionEvents e = advance_to(s, t);
    if (e.pause_started) {
      if (pauses == 0) pause_at = t;
      ++pauses;
    }
  }
  EXPECT_NEAR(pause_at, 30 * 0.6, 0.003);  // after 30 compressions at 100/min
  EXPECT_EQ(pauses, 1);                    // the next cycle ends at 18 + 4 + 18 = 40 s
  CompressionState p = make_compression_state();
  start_program(p, rescuer(100.0, 55.0, 0.0, 30, 4.0), 0.0);
  advance_to(p, 19.0);
  EXPECT_TRUE(p.paused);
  EXPECT_EQ(depth_at(p, 19.0), 0.0);  // hands off during the pause
  advance_to(p, 22.1);
  EXPECT_FALSE(p.paused);
}

TEST(Compression, UpdatingARunningProgrammeKeepsItsRhythm) {
  CompressionState s = make_compression_state();
  start_program(s, rescuer(100.0, 55.0), 0.0);
  advance_to(s, 5.0);
  const double start = s.cycle_start_s;
  start_program(s, rescuer(100.0, 40.0), 5.0);
  EXPECT_EQ(s.cycle_start_s, start);
  EXPECT_NEAR(depth_at(s, start + 0.15), 40.0, 1e-9);
}

// A streamed sample is reached by a ramp over the host's own sample interval.
TEST(Compression, StreamedSamplesAreRampedOverTheHostInterval) {
  CompressionState s = make_compression_state();
  push_depth(s, 0.0, 1.000);
  push_depth(s, 10.0, 1.005);  // 200 Hz
  EXPECT_NEAR(depth_at(s, 1.005), 0.0, 1e-9);
  EXPECT_NEAR(depth_at(s, 1.0075), 5.0, 1e-9);
  EXPECT_NEAR(depth_at(s, 1.010), 10.0, 1e-9);
  EXPECT_NEAR(depth_at(s, 5.0), 10.0, 1e-9);  // a silent host holds its last depth
  stop(s);
  EXPECT_EQ(depth_at(s, 5.0), 0.0);
}

}  // namespace
}  // namespace resus::cpr
