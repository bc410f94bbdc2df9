// CPR-quality meter on synthetic depth signals with known rate, depth, recoil and pauses.
#include "models/cpr/quality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#include "signals.hpp"

namespace resus::cpr {
namespace {

using test::Compressions;

// Feeds depth(t) at fs_hz for duration_s; calls each(t, readout) after every sample.
QualityReadout run(const QualityParams& p, double fs_hz, double duration_s,
                   const std::function<double(double)>& depth,
                   const std::function<void(double, const QualityReadout&)>& each = {},
                   QualityState* keep = nullptr) {
  QualityState s = make_quality_state();
  QualityReadout r{};
  const double dt = 1.0 / fs_hz;
  const long n = std::lround(duration_s * fs_hz);
  for (long i = 0; i <= n; ++i) {
    const double t = i * dt;
    update_quality(p, t, dt, depth(t), s);
    r = read_quality(p, s);
    if (each) each(t, r);
  }
  if (keep) *keep = s;
  return r;
}

void expect_finite(const QualityReadout& r) {
  EXPECT_TRUE(std::isfinite(r.rate_per_min));
  EXPECT_TRUE(std::isfinite(r.depth_mm));
  EXPECT_TRUE(std::isfinite(r.recoil_mm));
  EXPECT_TRUE(std::isfinite(r.duty_cycle));
  EXPECT_TRUE(std::isfinite(r.fraction));
  EXPECT_TRUE(std::isfinite(r.hands_off_s));
  EXPECT_GE(r.fraction, 0.0);
  EXPECT_LE(r.fraction, 1.0);
}

TEST(Quality, ContinuousCompressionsAtGuidelineRateAndDepth) {
  const Compressions c;  // 110/min, 55 mm, 50 % duty, full recoil
  const QualityReadout r = run({}, 500.0, 30.0, [&](double t) { return c.depth(t); });
  EXPECT_NEAR(r.rate_per_min, 110.0, 2.0);
  EXPECT_NEAR(r.depth_mm, 55.0, 2.0);
  EXPECT_LT(r.recoil_mm, 1.0);
  // Timed at 5 mm above the trough a 55-mm half-sine is on for 94 % of its half period.
  EXPECT_NEAR(r.duty_cycle, 0.5, 0.05);
  EXPECT_GT(r.fraction, 0.99);
  EXPECT_EQ(r.hands_off_s, 0.0);
  EXPECT_EQ(r.compressing, 1);
  EXPECT_EQ(r.count, 55);  // 30 s at 110/min, starting with a compression at t = 0
}

TEST(Quality, BeforeTheFirstCompressionNothingIsShownAndTheWindowStartsThere) {
  const Compressions c;
  // 10 s of a resting chest, then compressions: the idle time is not counted against the
  // fraction (the meter cannot know when the arrest started).
  bool checked_idle = false, checked_early = false;
  run({}, 500.0, 20.0, [&](double t) { return c.depth(t - 10.0); },
      [&](double t, const QualityReadout& r) {
        if (t > 9.9 && t < 10.0) {
          EXPECT_EQ(r.count, 0);
          EXPECT_EQ(r.compressing, 0);
          EXPECT_EQ(r.fraction, 0.0);
          EXPECT_EQ(r.hands_off_s, 0.0);
          checked_idle = true;
        }
        if (t > 12.0 && t < 12.01) {
          EXPECT_GT(r.fraction, 0.99);
          EXPECT_EQ(r.compressing, 1);
          checked_early = true;
        }
      });
  EXPECT_TRUE(checked_idle);
  EXPECT_TRUE(checked_early);
}

// 30:2 with a ventilation pause P: the no-flow interval runs from the end of the 30th
// compression (half a period before its cycle ends) to the start of the next set.
double expected_fraction(const Compressions& c) {
  return 1.0 - (c.pause_s + 0.5 * c.period_s()) / c.set_s();
}

class ThirtyTwo : public ::testing::TestWithParam<double> {};

TEST_P(ThirtyTwo, FractionMatchesTheHandsOffTimeAndRateIsThatOfTheCompressions) {
  Compressions c;
  c.per_set = 30;
  c.pause_s = GetParam();
  const double expected = expected_fraction(c);
  ASSERT_GT(expected, 0.74);
  ASSERT_LT(expected, 0.81);

  // A window of whole sets, read at the end of a set: exactly the expected value.
  QualityParams long_window;
  long_window.window_s = 14 * c.set_s();
  QualityReadout r = run(long_window, 500.0, 20 * c.set_s(), [&](double t) { return c.depth(t); });
  EXPECT_NEAR(r.fraction, expected, 0.01);
  EXPECT_EQ(r.count, 20 * 30);

  // Default 60-s window: moves with the sets in and out of the window, centred on it.
  double sum = 0.0, lo = 1.0, hi = 0.0;
  long n = 0;
  int rate_checked = 0;
  run({}, 500.0, 15 * c.set_s(), [&](double t) { return c.depth(t); },
      [&](double t, const QualityReadout& q) {
        const double in_set = std::fmod(t, c.set_s());
        if (t > 120.0) {
          sum += q.fraction;
          ++n;
          lo = std::min(lo, q.fraction);
          hi = std::max(hi, q.fraction);
        }
        if (t > 30.0 && in_set > 3.0 && in_set < 15.0) {  // mid-set
          EXPECT_NEAR(q.rate_per_min, 110.0, 2.0);
          EXPECT_EQ(q.compressing, 1);
          ++rate_checked;
        }
        if (in_set > 30 * c.period_s() + 2.5 && in_set < c.set_s() - 0.05) {  // in the pause
          EXPECT_EQ(q.rate_per_min, 0.0);
          EXPECT_EQ(q.compressing, 0);
          EXPECT_GT(q.hands_off_s, 2.0);
        }
      });
  EXPECT_GT(rate_checked, 1000);
  EXPECT_NEAR(sum / n, expected, 0.02);
  // 60 s holds 2.8-2.9 sets; a gap only becomes no-flow once it outlasts pause_s (2 s), so
  // for those 2 s the window reads up to 2/60 higher.
  EXPECT_GT(lo, expected - 0.06);
  EXPECT_LT(hi, expected + 0.06 + 2.0 / 60.0);
}
INSTANTIATE_TEST_SUITE_P(Pauses, ThirtyTwo, ::testing::Values(4.0, 4.5, 5.0));

TEST(Quality, RateRestartsImmediatelyAfterAPause) {
  Compressions c;
  c.per_set = 30;
  c.pause_s = 4.0;
  // Just after the second compression of the second set the rate is back at 110.
  const double t_check = c.set_s() + 1.2 * c.period_s();
  bool checked = false;
  run({}, 500.0, t_check + 0.01, [&](double t) { return c.depth(t); },
      [&](double t, const QualityReadout& q) {
        if (t > c.set_s() + 0.15 && !checked) {
          EXPECT_EQ(q.compressing, 1);
          EXPECT_NEAR(q.rate_per_min, 110.0, 2.0);
          checked = true;
        }
      });
  EXPECT_TRUE(checked);
}

TEST(Quality, LeaningShowsAsResidualDepthAndCompressionsStillCount) {
  Compressions c;
  c.base_mm = 8.0;  // never recoils past 8 mm
  c.amp_mm = 47.0;  // peaks at 55 mm
  const QualityReadout r = run({}, 500.0, 30.0, [&](double t) { return c.depth(t); });
  EXPECT_NEAR(r.recoil_mm, 8.0, 0.3);
  EXPECT_NEAR(r.depth_mm, 55.0, 2.0);
  EXPECT_NEAR(r.rate_per_min, 110.0, 2.0);
  EXPECT_NEAR(r.duty_cycle, 0.5, 0.05);
  EXPECT_EQ(r.count, 55);
}

TEST(Quality, HeavyLeaningAboveHalfTheStrokeIsStillCounted) {
  // Full recoil for 10 s, then the rescuer leans 30 mm: each trough stays above the half-way
  // level of the first compression's stroke, so only the re-push rule can separate them.
  Compressions full, lean;
  lean.base_mm = 30.0;
  lean.amp_mm = 25.0;
  const double T = full.period_s();
  const double switch_s = 18 * T;
  const QualityReadout r = run({}, 500.0, 30.0, [&](double t) {
    return t < switch_s ? full.depth(t) : lean.depth(t);
  });
  EXPECT_EQ(r.count, 55);
  EXPECT_NEAR(r.recoil_mm, 30.0, 0.5);
  EXPECT_NEAR(r.depth_mm, 55.0, 2.0);
  EXPECT_NEAR(r.rate_per_min, 110.0, 2.0);
  EXPECT_EQ(r.compressing, 1);
}

TEST(Quality, ShallowCompressions) {
  Compressions c;
  c.amp_mm = 30.0;
  const QualityReadout r = run({}, 500.0, 30.0, [&](double t) { return c.depth(t); });
  EXPECT_NEAR(r.depth_mm, 30.0, 1.0);
  EXPECT_NEAR(r.rate_per_min, 110.0, 2.0);
  EXPECT_LT(r.recoil_mm, 1.0);
  EXPECT_EQ(r.count, 55);
  EXPECT_GT(r.fraction, 0.99);
}

TEST(Quality, HostTicksAt200HzReadLikeEngineStepsAt500Hz) {
  Compressions c;
  c.per_set = 30;
  c.pause_s = 4.5;
  c.base_mm = 3.0;
  const double duration = 200.0;
  auto depth = [&](double t) { return c.depth(t); };
  const QualityReadout a = run({}, 500.0, duration, depth);
  const QualityReadout b = run({}, 200.0, duration, depth);
  EXPECT_EQ(a.count, b.count);
  EXPECT_EQ(a.compressing, b.compressing);
  EXPECT_NEAR(a.rate_per_min, b.rate_per_min, 0.5);
  EXPECT_NEAR(a.depth_mm, b.depth_mm, 0.2);
  EXPECT_NEAR(a.recoil_mm, b.recoil_mm, 0.2);
  EXPECT_NEAR(a.duty_cycle, b.duty_cycle, 0.01);
  EXPECT_NEAR(a.fraction, b.fraction, 0.005);
  EXPECT_NEAR(a.hands_off_s, b.hands_off_s, 0.01);

  // Jittery host ticks (4-6 ms) too.
  QualityState s = make_quality_state();
  QualityReadout j{};
  test::Lcg rng;
  double t = 0.0, prev = 0.0;
  while (t <= duration) {
    update_quality({}, t, t - prev, depth(t), s);
    j = read_quality({}, s);
    prev = t;
    t += 0.005 + 0.001 * rng.next();
  }
  EXPECT_EQ(a.count, j.count);
  EXPECT_NEAR(a.rate_per_min, j.rate_per_min, 0.5);
  EXPECT_NEAR(a.duty_cycle, j.duty_cycle, 0.01);
  EXPECT_NEAR(a.fraction, j.fraction, 0.005);
}

TEST(Quality, NoiseDoesNotDoubleCount) {
  Compressions c;
  c.per_set = 30;
  c.pause_s = 4.0;
  auto clean = [&](double t) { return c.depth(t); };
  test::Lcg rng;
  auto noisy = [&](double t) { return c.depth(t) + rng.next(); };  // +-1 mm
  const double duration = 5 * c.set_s() + 8.0;  // mid-set
  for (double fs : {500.0, 200.0}) {
    const QualityReadout a = run({}, fs, duration, clean);
    const QualityReadout b = run({}, fs, duration, noisy);
    EXPECT_EQ(a.count, b.count) << fs;
    EXPECT_NEAR(b.rate_per_min, 110.0, 2.0) << fs;
    EXPECT_NEAR(b.depth_mm, 55.0, 2.0) << fs;
    EXPECT_LT(b.recoil_mm, 1.0) << fs;
    EXPECT_NEAR(b.duty_cycle, 0.5, 0.05) << fs;
    EXPECT_NEAR(b.fraction, a.fraction, 0.01) << fs;
  }
}

TEST(Quality, LongPauseStopsTheRateAndGrowsHandsOff) {
  const Compressions c;
  const double stop_s = 19 * c.period_s();  // after the 19th compression's recoil
  auto depth = [&](double t) { return t < stop_s ? c.depth(t) : 0.0; };
  double last_hands_off = 0.0, last_fraction = 1.0;
  int64_t count_at_stop = -1;
  const QualityReadout r = run({}, 500.0, 40.0, depth, [&](double t, const QualityReadout& q) {
    if (t < stop_s) count_at_stop = q.count;
    if (t > stop_s + 3.0) {
      EXPECT_EQ(q.rate_per_min, 0.0);
      EXPECT_EQ(q.compressing, 0);
      EXPECT_GT(q.hands_off_s, last_hands_off);
      EXPECT_LE(q.fraction, last_fraction);
      EXPECT_EQ(q.count, count_at_stop);
      last_hands_off = q.hands_off_s;
      last_fraction = q.fraction;
    }
  });
  // The last compression started at 18 periods and ended half a period later.
  const double last_end = 18 * c.period_s() + 0.5 * c.period_s();
  EXPECT_NEAR(r.hands_off_s, 40.0 - last_end, 0.05);
  EXPECT_NEAR(r.fraction, last_end / 40.0, 0.03);  // growing window: 40 s observed so far
  EXPECT_NEAR(r.depth_mm, 55.0, 2.0);               // the last values stay on show
  EXPECT_LT(r.recoil_mm, 1.0);
}

TEST(Quality, StaticPressIsHandsOffNotACompression) {
  const Compressions c;
  // 10 s of CPR, then the hands stay pressed at 40 mm for 6 s, then CPR again.
  auto depth = [&](double t) { return (t > 10.2 && t < 16.0) ? 40.0 : c.depth(t); };
  bool seen = false;
  run({}, 500.0, 30.0, depth, [&](double t, const QualityReadout& q) {
    if (t > 13.0 && t < 16.0) {
      EXPECT_EQ(q.compressing, 0);
      EXPECT_GT(q.hands_off_s, 2.0);
      seen = true;
    }
    if (t > 18.0) { EXPECT_EQ(q.compressing, 1); }
  });
  EXPECT_TRUE(seen);
}

TEST(Quality, SlowDriftIsNotACompression) {
  // Sensor offset creeping up 40 mm over 20 s and back.
  auto depth = [](double t) { return t < 20.0 ? 2.0 * t : std::max(0.0, 80.0 - 2.0 * t); };
  const QualityReadout r = run({}, 500.0, 45.0, depth);
  EXPECT_EQ(r.count, 0);
  EXPECT_EQ(r.compressing, 0);
}

TEST(Quality, DeterministicAndTriviallyCopyable) {
  Compressions c;
  c.per_set = 30;
  c.pause_s = 4.0;
  test::Lcg rng1, rng2;
  QualityState a{}, b{};
  run({}, 500.0, 60.0, [&](double t) { return c.depth(t) + rng1.next(); }, {}, &a);
  run({}, 500.0, 60.0, [&](double t) { return c.depth(t) + rng2.next(); }, {}, &b);
  EXPECT_EQ(std::memcmp(&a, &b, sizeof a), 0);

  // A copied state continues exactly like the original (snapshots).
  QualityState copy;
  std::memcpy(&copy, &a, sizeof a);
  QualityReadout ra{}, rb{};
  for (int i = 1; i <= 5000; ++i) {
    const double t = 60.0 + i * 0.002;
    update_quality({}, t, 0.002, c.depth(t), a);
    update_quality({}, t, 0.002, c.depth(t), copy);
    ra = read_quality({}, a);
    rb = read_quality({}, copy);
  }
  EXPECT_EQ(std::memcmp(&ra, &rb, sizeof ra), 0);
}

TEST(Quality, FiniteWhateverTheInput) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const double big = std::numeric_limits<double>::max();
  const double values[] = {nan, inf, -inf, big, -big, 0.0, -1.0, 1e-300, 55.0, 1e9};
  QualityParams bad;
  bad.onset_mm = nan;
  bad.release_mm = -inf;
  bad.window_s = big;
  bad.pause_s = -1.0;
  bad.average_over = -7;
  for (const QualityParams& p : {QualityParams{}, bad}) {
    QualityState s = make_quality_state();
    QualityReadout r{};
    test::Lcg rng;
    const Compressions c;
    double t = 0.0;
    for (int i = 0; i < 20000; ++i) {
      const int k = i % 10;
      const double depth = (i % 7 == 0) ? values[k] : c.depth(t) + rng.next();
      const double t_in = (i % 13 == 0) ? values[(k + 3) % 10] : t;
      const double dt_in = (i % 11 == 0) ? values[(k + 5) % 10] : 0.002;
      update_quality(p, t_in, dt_in, depth, s);
      r = read_quality(p, s);
      expect_finite(r);
      t += 0.002;
    }
  }
}

TEST(Quality, ClockRunningBackwardsRestartsTheMeter) {
  const Compressions c;
  QualityState s = make_quality_state();
  QualityReadout r{};
  run({}, 500.0, 20.0, [&](double t) { return c.depth(t); }, {}, &s);
  update_quality({}, 0.0, 0.002, 0.0, s);
  r = read_quality({}, s);
  EXPECT_EQ(r.count, 0);
  EXPECT_EQ(r.compressing, 0);
}

}  // namespace
}  // namespace resus::cpr
