// Pulse palpation on synthetic arterial, CPR and venous pressure waveforms.
#include "models/cpr/pulse.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "signals.hpp"

namespace resus::cpr {
namespace {

using Wave = std::function<double(double)>;

struct Trace {
  PulseReadout last{};
  double corr_carotid = 0.0;  // correlation of the carotid actuator with the carotid pressure
  double corr_femoral = 0.0;  // ... femoral actuator with the femoral venous pressure
};

double correlation(double n, double sx, double sy, double sxx, double syy, double sxy) {
  const double cov = sxy / n - (sx / n) * (sy / n);
  const double vx = sxx / n - (sx / n) * (sx / n), vy = syy / n - (sy / n) * (sy / n);
  return (vx > 0.0 && vy > 0.0) ? cov / std::sqrt(vx * vy) : 0.0;
}

// Runs for duration_s at fs_hz; correlations over the last 4 s.
Trace run(const Wave& carotid, const Wave& femoral, const Wave& venous, double duration_s = 10.0,
          double fs_hz = 500.0, const PulseParams& p = default_pulse_params()) {
  PulseState s = make_pulse_state();
  Trace tr;
  const double dt = 1.0 / fs_hz;
  const long n = std::lround(duration_s * fs_hz);
  double c[6] = {}, f[6] = {};
  for (long i = 0; i <= n; ++i) {
    const double t = i * dt;
    const double pc = carotid(t), pv = venous(t);
    update_pulse(p, dt, pc, femoral(t), pv, s, tr.last);
    if (t > duration_s - 4.0) {
      const double ac = tr.last.carotid_actuator, af = tr.last.femoral_actuator;
      c[0] += 1; c[1] += pc; c[2] += ac; c[3] += pc * pc; c[4] += ac * ac; c[5] += pc * ac;
      f[0] += 1; f[1] += pv; f[2] += af; f[3] += pv * pv; f[4] += af * af; f[5] += pv * af;
    }
  }
  tr.corr_carotid = correlation(c[0], c[1], c[2], c[3], c[4], c[5]);
  tr.corr_femoral = correlation(f[0], f[1], f[2], f[3], f[4], f[5]);
  return tr;
}

Wave flat(double mmHg) {
  return [mmHg](double) { return mmHg; };
}
Wave beat(double sys, double dia, double rate = 72.0) {
  return [=](double t) { return test::arterial(t, rate, sys, dia); };
}
Wave cpr(double peak, double base, double rate = 110.0) {
  return [=](double t) { return test::cpr_pressure(t, rate, peak, base); };
}

TEST(Pulse, NormalPressurePalpableAtBothSites) {
  const Trace tr = run(beat(120, 80), beat(120, 80), flat(5));
  EXPECT_GT(tr.last.carotid_strength, 0.9);
  EXPECT_GT(tr.last.femoral_strength, 0.9);
  EXPECT_GT(tr.corr_carotid, 0.95);  // the actuator follows the pulse in phase
}

TEST(Pulse, StrengthRisesWithSystolicAroundTheSiteThresholds) {
  const PulseParams p = default_pulse_params();
  double prev_c = -1.0, prev_f = -1.0;
  for (double sys = 30.0; sys <= 140.0; sys += 10.0) {
    const Trace tr = run(beat(sys, 0.6 * sys), beat(sys, 0.6 * sys), flat(5), 6.0);
    EXPECT_GE(tr.last.carotid_strength, prev_c) << sys;
    EXPECT_GE(tr.last.femoral_strength, prev_f) << sys;
    EXPECT_GE(tr.last.carotid_strength, tr.last.femoral_strength) << sys;  // carotid lasts longest
    if (sys == p.carotid.half_palpable_systolic_mmHg) { EXPECT_NEAR(tr.last.carotid_strength, 0.5, 0.02); }
    if (sys == p.femoral.half_palpable_systolic_mmHg) { EXPECT_NEAR(tr.last.femoral_strength, 0.5, 0.02); }
    prev_c = tr.last.carotid_strength;
    prev_f = tr.last.femoral_strength;
  }
}

TEST(Pulse, LowSystolicCarotidWeakFemoralWeaker) {
  const Trace tr = run(beat(50, 30), beat(50, 30), flat(5));
  EXPECT_LT(tr.last.carotid_strength, 0.5);
  EXPECT_GT(tr.last.carotid_strength, 0.0);
  EXPECT_LT(tr.last.femoral_strength, tr.last.carotid_strength);
}

TEST(Pulse, FlatPressureIsNoPulseAtAnyLevel) {
  for (double mmHg : {0.0, 80.0, 150.0}) {
    const Trace tr = run(flat(mmHg), flat(mmHg), flat(mmHg));
    EXPECT_EQ(tr.last.carotid_strength, 0.0) << mmHg;
    EXPECT_EQ(tr.last.femoral_strength, 0.0) << mmHg;
    EXPECT_EQ(tr.last.carotid_actuator, 0.0) << mmHg;
    EXPECT_EQ(tr.last.femoral_actuator, 0.0) << mmHg;
  }
  // A 3 mmHg ripple (below min pulse pressure) on a high pressure: still nothing.
  const Trace ripple = run(beat(123, 120), beat(123, 120), flat(5));
  EXPECT_EQ(ripple.last.carotid_strength, 0.0);
}

TEST(Pulse, FemoralDuringCprIsTheVenousPulsation) {
  const Trace both = run(cpr(60, 15), cpr(60, 15), cpr(40, 5));
  const Trace arterial_only = run(cpr(60, 15), cpr(60, 15), flat(5));
  const Trace venous_only = run(flat(15), flat(15), cpr(40, 5));
  EXPECT_NEAR(both.last.carotid_strength, 0.5, 0.05);  // 60 mmHg peaks: the carotid threshold
  EXPECT_LT(arterial_only.last.femoral_strength, 0.2);
  EXPECT_GT(venous_only.last.femoral_strength, 0.5);
  EXPECT_EQ(both.last.femoral_strength, venous_only.last.femoral_strength);
  EXPECT_GT(both.last.femoral_strength, arterial_only.last.femoral_strength);
  EXPECT_GT(both.corr_femoral, 0.95);  // the femoral actuator follows the venous pulsation
}

TEST(Pulse, ActuatorFollowsTheWaveformInPhase) {
  PulseState s = make_pulse_state();
  PulseReadout r{};
  const PulseParams p = default_pulse_params();
  const double dt = 0.002, period = 60.0 / 72.0;
  for (int i = 0; i < 5000; ++i) {
    const double t = i * dt;
    const double x = test::arterial(t, 72.0, 120.0, 80.0);
    update_pulse(p, dt, x, x, 5.0, s, r);
    if (t < 5.0) continue;
    const double u = std::fmod(t, period) / period;
    if (std::fabs(u - 0.3) < 0.005) { EXPECT_GT(r.carotid_actuator, 0.95 * r.carotid_strength); }  // systolic peak
    if (u < 0.004 || u > 0.996) { EXPECT_LT(r.carotid_actuator, 0.05); }                           // end-diastole
    EXPECT_GE(r.carotid_actuator, 0.0);
    EXPECT_LE(r.carotid_actuator, r.carotid_strength);
  }
}

TEST(Pulse, LostPulseFadesWithinTheWindow) {
  PulseState s = make_pulse_state();
  PulseReadout r{};
  const PulseParams p = default_pulse_params();
  const double dt = 0.002;
  for (int i = 0; i < 5000; ++i) {  // 10 s of pulse, then arrest (flat 20 mmHg)
    const double t = i * dt;
    const double x = t < 6.0 ? test::arterial(t, 72.0, 120.0, 80.0) : 20.0;
    update_pulse(p, dt, x, x, 5.0, s, r);
    if (t > 6.0 + p.envelope_window_s + 0.1) {
      EXPECT_EQ(r.carotid_strength, 0.0);
      EXPECT_EQ(r.femoral_strength, 0.0);
    }
  }
}

TEST(Pulse, SampleRateDoesNotMatter) {
  const Trace a = run(beat(70, 40), beat(70, 40), cpr(40, 5), 10.0, 500.0);
  const Trace b = run(beat(70, 40), beat(70, 40), cpr(40, 5), 10.0, 200.0);
  EXPECT_NEAR(a.last.carotid_strength, b.last.carotid_strength, 0.02);
  EXPECT_NEAR(a.last.femoral_strength, b.last.femoral_strength, 0.02);
}

TEST(Pulse, FiniteAndBoundedWhateverTheInput) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const double big = std::numeric_limits<double>::max();
  const double values[] = {nan, inf, -inf, big, -big, 0.0, -50.0, 1e-300, 120.0, 1e6};
  PulseParams bad = default_pulse_params();
  bad.carotid = {nan, -1.0, inf};
  bad.femoral = {big, 0.0, -big};
  bad.femoral_venous = {-inf, nan, nan};
  bad.envelope_window_s = -inf;
  for (const PulseParams& p : {default_pulse_params(), bad}) {
    PulseState s = make_pulse_state();
    PulseReadout r{};
    for (int i = 0; i < 20000; ++i) {
      const double t = i * 0.002;
      const double x = test::arterial(t, 72.0, 120.0, 80.0);
      const double dt = (i % 17 == 0) ? values[i % 10] : 0.002;
      update_pulse(p, dt, (i % 7 == 0) ? values[i % 10] : x, (i % 5 == 0) ? values[(i + 3) % 10] : x,
                   (i % 3 == 0) ? values[(i + 6) % 10] : 5.0, s, r);
      for (double v : {r.carotid_strength, r.femoral_strength, r.carotid_actuator, r.femoral_actuator}) {
        ASSERT_TRUE(std::isfinite(v));
        ASSERT_GE(v, 0.0);
        ASSERT_LE(v, 1.0);
      }
    }
  }
}

}  // namespace
}  // namespace resus::cpr
