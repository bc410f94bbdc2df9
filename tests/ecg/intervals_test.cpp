// Intervals and the normal beat against ecg.md 3.1, measured on the averaged beat with the
// delineator oracle: PR, QRS, QTc in normal ranges at 60-100/min, QT shortening with rate, PR
// following the activation times, QT modifiers, wide beats with discordant T.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "models/electrophysiology/conduction.hpp"
#include "support/measure.hpp"

namespace resus::ecg {
namespace {

using ep::BeatOrigin;
using test::Episode;
using test::Measured;

constexpr int32_t kConducted = static_cast<int32_t>(BeatOrigin::kConducted);

Measured sinus_beat(double rate, double pr = 0.16, EcgInputs base = {},
                    EcgParams p = default_ecg_params()) {
  Episode e;
  e.duration_s = 24.0;
  e.base = base;
  test::sinus(e, rate, pr);
  const double rr = 60.0 / rate;
  return test::measure(test::render(e, p), e, rr, rr - pr - 0.02, -std::min(pr + 0.07, rr - 0.37));
}

// Narrow beats without P waves (junctional), so nothing overlaps the T wave at high rates.
Measured junctional_beat(double rate, EcgInputs base = {}, EcgParams p = default_ecg_params()) {
  Episode e;
  e.duration_s = 24.0;
  e.base = base;
  e.base.atrial_mode = static_cast<int32_t>(ep::AtrialMode::kSilent);
  test::ventricular_train(e, rate, kConducted);
  const double rr = 60.0 / rate;
  return test::measure(test::render(e, p), e, rr, rr - 0.03, -0.3);
}

TEST(Intervals, NormalSinusAt60To100) {
  for (double rate : {60.0, 75.0, 100.0}) {
    const Measured m = sinus_beat(rate);
    const auto& f = m.f;
    const double rr = 60.0 / rate;
    std::printf("sinus %3.0f: PR %.0f ms, P %.0f ms, QRS %.0f ms, QT %.0f ms, QTcB %.0f, QTcF %.0f\n",
                rate, f.pr() * 1e3, f.p_duration() * 1e3, f.qrs() * 1e3, f.qt() * 1e3,
                f.qt() / std::sqrt(rr) * 1e3, f.qt() / std::cbrt(rr) * 1e3);
    ASSERT_TRUE(f.p_found);
    EXPECT_GE(f.pr(), 0.120);
    EXPECT_LE(f.pr(), 0.200);
    EXPECT_NEAR(f.pr(), 0.160, 0.025) << "PR comes from the activation times";
    EXPECT_LE(f.p_duration(), 0.120);
    EXPECT_GE(f.qrs(), 0.070);
    EXPECT_LE(f.qrs(), 0.110);
    EXPECT_GE(f.qt() / std::sqrt(rr), 0.350);
    EXPECT_LE(f.qt() / std::sqrt(rr), 0.450) << "QTc (Bazett) normal";
    EXPECT_NEAR(f.qt() / std::cbrt(rr), 0.400, 0.015) << "QTc (Fridericia) as configured";
  }
}

TEST(Intervals, NormalBeatShape) {
  const Measured m = sinus_beat(70.0);
  const auto& f = m.f;
  // P: upright in I, II, aVF, inverted in aVR, <= 0.25 mV in II.
  EXPECT_GT(f.p_amp[kI], 0.0);
  EXPECT_GT(f.p_amp[kII], 0.05);
  EXPECT_LE(f.p_amp[kII], 0.25);
  EXPECT_GT(f.p_amp[kAVF], 0.0);
  EXPECT_LT(f.p_amp[kAVR], 0.0);
  // R in II 0.5-2 mV; frontal axis -30..+90 degrees from the net QRS areas of I and aVF.
  EXPECT_GE(f.r_max[kII], 0.5);
  EXPECT_LE(f.r_max[kII], 2.0);
  const double axis = std::atan2(test::qrs_area(m, kAVF), test::qrs_area(m, kI)) * 180.0 / M_PI;
  std::printf("frontal QRS axis %.0f deg\n", axis);
  EXPECT_GT(axis, -30.0);
  EXPECT_LT(axis, 90.0);
  // T concordant with the QRS in the limb leads with a clear QRS; <= 0.5 mV limb, ~1 mV chest.
  for (int l : {kI, kII, kAVL, kAVR}) {
    EXPECT_EQ(f.t_amp[l] > 0.0, test::qrs_area(m, l) > 0.0) << lead_name(l);
    EXPECT_LE(std::abs(f.t_amp[l]), 0.5) << lead_name(l);
  }
  for (int l = kV1; l <= kV6; ++l) EXPECT_LE(std::abs(f.t_amp[l]), 1.1) << lead_name(l);
  // R-wave progression: V1 rS, V5 tall R.
  EXPECT_LT(f.r_max[kV1], -f.r_min[kV1]);
  EXPECT_GT(f.r_max[kV5], 1.0);
}

TEST(Intervals, QtShortensWithRate) {
  double previous = 1.0;
  for (double rate : {60.0, 75.0, 120.0, 180.0}) {
    const Measured m = junctional_beat(rate);
    const double rr = 60.0 / rate, qt = m.f.qt();
    std::printf("rate %3.0f: QT %.0f ms, QTcF %.0f ms, QRS %.0f ms\n", rate, qt * 1e3,
                qt / std::cbrt(rr) * 1e3, m.f.qrs() * 1e3);
    EXPECT_LT(qt, previous - 0.010) << rate;
    if (rate <= 120.0) {
      EXPECT_NEAR(qt / std::cbrt(rr), 0.400, 0.020) << rate;
    }
    previous = qt;
  }
  // With the Bazett correction the measured Bazett QTc is the configured 400 ms instead.
  EcgParams p = default_ecg_params();
  p.qt_formula = kBazett;
  for (double rate : {75.0, 120.0}) {
    const Measured m = junctional_beat(rate, {}, p);
    EXPECT_NEAR(m.f.qt() / std::sqrt(60.0 / rate), 0.400, 0.020) << rate;
  }
}

TEST(Intervals, PrFollowsActivationTimes) {
  for (double pr : {0.12, 0.24, 0.30}) {
    const Measured m = sinus_beat(60.0, pr);
    ASSERT_TRUE(m.f.p_found);
    EXPECT_NEAR(m.f.pr(), pr, 0.020) << pr;
  }
}

TEST(Intervals, QtModifiers) {
  const double base = junctional_beat(70.0).f.qt();
  EcgInputs drug;
  drug.qt_drug = 1.0;
  const double rr = 60.0 / 70.0;
  const double qtc_drug = junctional_beat(70.0, drug).f.qt() / std::cbrt(rr);
  EXPECT_GT(qtc_drug, 0.500) << "a full QT drug effect reaches the TdP-risk range";
  EcgInputs low_ca, high_ca;
  low_ca.calcium_mmol_L = 0.8;
  high_ca.calcium_mmol_L = 1.6;
  EXPECT_GT(junctional_beat(70.0, low_ca).f.qt(), base + 0.030) << "hypocalcaemia";
  EXPECT_LT(junctional_beat(70.0, high_ca).f.qt(), base - 0.030) << "hypercalcaemia";
  EcgInputs cold;
  cold.temperature_C = 30.0;
  EXPECT_GT(junctional_beat(70.0, cold).f.qt() / std::cbrt(rr), 0.460) << "hypothermia";
}

TEST(Intervals, SodiumChannelBlockWidensQrsInProportion) {
  // A tricyclic's QRS (Boehnert and Lovejoy 1985; als-next.md 4.4): > 100 ms at modest block,
  // 160 ms and more in severe poisoning; continuous in the block, not a threshold. The width at
  // block b is the normal width x (1 + 1.2 b) (ecg_sodium_block_widening), within the
  // delineator's 10 ms.
  // The qrs_ms annotation (a monitor's QRS readout) agrees with the delineator within 15 ms.
  const Generator g(default_ecg_params());
  const double base = junctional_beat(90.0).f.qrs();
  double last = base;
  for (double block : {0.0, 0.25, 0.5, 0.8}) {
    EcgInputs in;
    in.sodium_channel_block = block;
    const double qrs = junctional_beat(90.0, in).f.qrs();
    in.ventricular_times[0] = 0.0;
    std::printf("block %.2f: QRS %.0f ms (base %.0f), annotated %.0f ms\n", block, qrs * 1e3,
                base * 1e3, g.qrs_ms(in));
    EXPECT_NEAR(g.qrs_ms(in) / 1000.0, qrs, 0.015) << block;
    if (block == 0.0) continue;
    EXPECT_NEAR(qrs, base * (1.0 + 1.2 * block), 0.010) << block;
    EXPECT_GT(qrs, last) << block;
    last = qrs;
  }
  EXPECT_GT(last, 0.140) << "severe block: far into the seizure range (> 100 ms), near 160";
}

TEST(Intervals, WideBeatsWithDiscordantT) {
  for (BeatOrigin o : {BeatOrigin::kEctopic, BeatOrigin::kEscape, BeatOrigin::kPaced}) {
    Episode e;
    e.duration_s = 24.0;
    e.base.atrial_mode = static_cast<int32_t>(ep::AtrialMode::kSilent);
    test::ventricular_train(e, 60.0, static_cast<int32_t>(o));
    const Measured m = test::measure(test::render(e), e, 1.0, 0.95, -0.3);
    std::printf("origin %d: QRS %.0f ms, QT %.0f ms\n", static_cast<int>(o), m.f.qrs() * 1e3,
                m.f.qt() * 1e3);
    EXPECT_GE(m.f.qrs(), 0.120);
    EXPECT_LE(m.f.qrs(), 0.200);
    int discordant = 0, counted = 0;
    for (int l = kI; l <= kV6; ++l) {
      const double area = test::qrs_area(m, l);
      if (std::abs(area) < 0.005) continue;  // near-isoelectric QRS
      ++counted;
      discordant += (area > 0.0) != (m.f.t_amp[l] > 0.0);
    }
    EXPECT_GE(discordant, counted - 1) << "T opposite to the QRS";
  }
}

}  // namespace
}  // namespace resus::ecg
