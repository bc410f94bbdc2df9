// Physiology -> morphology against ecg.md 3.3: hyperkalaemia (peaked T, flat P, longer PR, wide
// QRS, sine wave), hypokalaemia (flat T, U wave), hypothermia (Osborn wave), effusion (low
// voltage, alternans), ischaemia (territorial ST elevation with reciprocal depression).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "models/electrophysiology/conduction.hpp"
#include "support/measure.hpp"

namespace resus::ecg {
namespace {

using test::Episode;
using test::Measured;

Measured sinus_beat(const EcgInputs& base, double rate = 60.0, Episode* out = nullptr) {
  Episode e;
  e.duration_s = 20.0;
  e.base = base;
  test::sinus(e, rate, 0.16);
  const double rr = 60.0 / rate;
  if (out) *out = e;
  return test::measure(test::render(e), e, rr, rr - 0.18, -0.23);
}

double max_abs_t(const Measured& m, int from, int to) {
  double t = 0.0;
  for (int l = from; l <= to; ++l) t = std::max(t, std::abs(m.f.t_amp[l]));
  return t;
}

TEST(Potassium, HyperkalaemiaProgression) {
  double t_amp[4], qrs[4], p_amp[4], pr[4];
  const double k[4] = {4.0, 6.0, 7.5, 9.0};
  for (int i = 0; i < 4; ++i) {
    EcgInputs in;
    in.potassium_mmol_L = k[i];
    const Measured m = sinus_beat(in);
    t_amp[i] = max_abs_t(m, kV2, kV4);
    qrs[i] = m.f.qrs();
    p_amp[i] = m.f.p_found ? m.f.p_amp[kII] : 0.0;
    pr[i] = m.f.p_found ? m.f.pr() : 0.0;
    std::printf("K %.1f: T(V2-V4) %.2f mV  T/R(II) %.2f  QRS %.0f ms  P(II) %.3f mV  PR %.0f ms\n",
                k[i], t_amp[i], m.f.t_amp[kII] / m.f.r_max[kII], qrs[i] * 1e3, p_amp[i],
                pr[i] * 1e3);
  }
  // Peaked T first (5.5-6.5), then flat P, long PR and wide QRS (6.5-8), then no P (> 8).
  EXPECT_GT(t_amp[1], 1.2 * t_amp[0]);
  EXPECT_GT(t_amp[2], 1.4 * t_amp[1]);
  EXPECT_NEAR(qrs[1], qrs[0], 0.006) << "QRS still narrow at 6";
  EXPECT_GT(qrs[2], qrs[1] + 0.008);
  EXPECT_GT(qrs[3], 0.160) << "QRS wide at 9";
  EXPECT_GT(qrs[3], qrs[2] + 0.050);
  EXPECT_GT(p_amp[0], 0.08);
  EXPECT_LT(p_amp[2], 0.6 * p_amp[1]);
  EXPECT_LT(p_amp[3], 0.02) << "P gone at 9";
  EXPECT_GT(pr[2], pr[0] + 0.040) << "effective PR prolongs";
}

TEST(Potassium, SineWaveAtTen) {
  EcgInputs in;
  in.potassium_mmol_L = 10.0;
  const Measured m = sinus_beat(in, 50.0);
  EXPECT_FALSE(m.f.p_found && m.f.p_amp[kII] > 0.02);
  EXPECT_GT(m.f.qrs(), 0.180) << "QRS-T fusion";
}

// The T wave at the normal T-peak time and the largest later deflection (the U wave), relative
// to the baseline, in the averaged beat.
void t_and_u(const Measured& m, const Measured& normal, int lead, double& t, double& u) {
  const auto at = [&](double s) { return static_cast<std::size_t>((s + m.pre_s) * m.fs); };
  const auto& x = m.avg[lead];
  const double base = m.f.baseline[lead];
  t = x[at(normal.f.t_peak)] - base;
  u = 0.0;
  for (std::size_t i = at(normal.f.t_end + 0.03); i < at(normal.f.t_end + 0.25); ++i)
    u = std::max(u, x[i] - base);
}

TEST(Potassium, HypokalaemiaUWave) {
  EcgInputs normal, low;
  low.potassium_mmol_L = 2.5;
  const Measured n = sinus_beat(normal), h = sinus_beat(low);
  bool prominent = false;
  for (int l : {kV2, kV3}) {
    double tn, un, th, uh;
    t_and_u(n, n, l, tn, un);
    t_and_u(h, n, l, th, uh);
    std::printf("%s: T %.3f -> %.3f mV, U %.3f -> %.3f mV\n", lead_name(l), tn, th, un, uh);
    EXPECT_LT(th, 0.5 * tn) << "flat T in " << lead_name(l);
    EXPECT_LT(un, 0.5 * tn) << "normal U is small in " << lead_name(l);
    prominent |= uh > 0.1 && uh > th;
  }
  EXPECT_TRUE(prominent) << "U > 1 mm and taller than T in V2-V3";
  EXPECT_LT(h.f.st[kV5], n.f.st[kV5] - 0.02) << "ST depression";
}

// Osborn wave: the largest deflection 40-90 ms after the R peak of V5 (the J point and the
// dome after it), relative to the baseline; same window for other leads.
double j_wave(double temperature_C, int lead) {
  EcgInputs in;
  in.temperature_C = temperature_C;
  const Measured m = sinus_beat(in);
  const auto at = [&](double s) { return static_cast<std::size_t>((s + m.pre_s) * m.fs); };
  std::size_t r = at(m.f.qrs_onset);
  for (std::size_t i = r; i <= at(m.f.qrs_offset); ++i)
    if (m.avg[kV5][i] > m.avg[kV5][r]) r = i;
  double best = 0.0;
  for (std::size_t i = r + at(0.04) - at(0.0); i <= r + at(0.09) - at(0.0); ++i) {
    const double d = m.avg[lead][i] - m.f.baseline[lead];
    if (std::abs(d) > std::abs(best)) best = d;
  }
  return best;
}

TEST(Temperature, OsbornWaveGrowsBelow32) {
  const double j37 = j_wave(37.0, kV5), j34 = j_wave(34.0, kV5), j30 = j_wave(30.0, kV5),
               j28 = j_wave(28.0, kV5);
  std::printf("J after R in V5: 37 C %.3f, 34 C %.3f, 30 C %.3f, 28 C %.3f mV; 30 C aVR %.3f, V1 %.3f\n",
              j37, j34, j30, j28, j_wave(30.0, kAVR), j_wave(30.0, kV1));
  EXPECT_LT(j34, j37 + 0.05) << "none above 32-33 C";
  EXPECT_GT(j30, j37 + 0.15);
  EXPECT_GT(j28, j30 + 0.1) << "height grows with the degree of hypothermia";
  EXPECT_LT(j_wave(30.0, kAVR), -0.1) << "negative in aVR";
  EXPECT_LT(j_wave(30.0, kV1), -0.1) << "negative in V1";
}

TEST(Effusion, LowVoltageAndAlternans) {
  EcgInputs none, large;
  large.pericardial_effusion_mL = 1000.0;
  const Measured n = sinus_beat(none, 110.0);
  Episode e;
  const Measured m = sinus_beat(large, 110.0, &e);
  for (int l = kI; l <= kAVF; ++l) {
    EXPECT_LT(m.f.r_max[l] - m.f.r_min[l], 0.5) << "low voltage in " << lead_name(l);
    EXPECT_LT(m.f.r_max[l] - m.f.r_min[l], 0.6 * (n.f.r_max[l] - n.f.r_min[l]));
  }
  // Alternans: the R peak in V5 alternates beat to beat.
  const test::Recording r = test::render(e);
  std::vector<double> r_peaks;
  for (const test::Beat& b : e.ventricular) {
    if (b.t < 2.0 || b.t > e.duration_s - 1.0) continue;
    const auto a = static_cast<std::size_t>(b.t * r.fs), z = a + static_cast<std::size_t>(0.12 * r.fs);
    double mx = 0.0;
    for (std::size_t i = a; i < z; ++i) mx = std::max(mx, r.x[i][kV5]);
    r_peaks.push_back(mx);
  }
  int alternating = 0;
  for (std::size_t i = 1; i + 1 < r_peaks.size(); ++i) {
    const bool low = r_peaks[i] < r_peaks[i - 1] && r_peaks[i] < r_peaks[i + 1];
    const bool high = r_peaks[i] > r_peaks[i - 1] && r_peaks[i] > r_peaks[i + 1];
    const double diff = std::abs(r_peaks[i] - r_peaks[i - 1]) / std::max(r_peaks[i], r_peaks[i - 1]);
    alternating += (low || high) && diff > 0.10;
  }
  EXPECT_EQ(alternating, static_cast<int>(r_peaks.size()) - 2) << "every beat alternates by > 10%";
}

struct Territory {
  int code;
  const char* name;
  std::vector<int> elevated, depressed;
};

TEST(Ischaemia, TerritorialStElevationWithReciprocalDepression) {
  const Territory territories[] = {
      {1, "anterior", {kV1, kV2, kV3, kV4}, {kIII, kAVF}},
      {2, "inferior", {kII, kIII, kAVF}, {kI, kAVL}},
      {3, "lateral", {kI, kAVL, kV5, kV6}, {kIII, kAVF}},
  };
  const Measured n = sinus_beat({});
  for (const Territory& t : territories) {
    EcgInputs in;
    in.ischaemia_territory = t.code;
    in.ischaemia_extent = 1.0;
    const Measured m = sinus_beat(in);
    for (int l : t.elevated) {
      const double st = m.f.st[l] - n.f.st[l];
      const double need = (l == kV2 || l == kV3) ? 0.2 : 0.1;  // STEMI thresholds (men >= 40)
      EXPECT_GT(st, need) << t.name << " elevation in " << lead_name(l);
    }
    for (int l : t.depressed)
      EXPECT_LT(m.f.st[l] - n.f.st[l], -0.05) << t.name << " reciprocal depression in " << lead_name(l);
  }
  // Half the extent, half the elevation.
  EcgInputs half;
  half.ischaemia_territory = 2;
  half.ischaemia_extent = 0.5;
  EcgInputs full = half;
  full.ischaemia_extent = 1.0;
  const double st_half = sinus_beat(half).f.st[kIII] - n.f.st[kIII];
  const double st_full = sinus_beat(full).f.st[kIII] - n.f.st[kIII];
  EXPECT_NEAR(st_half, 0.5 * st_full, 0.1 * st_full);
}

}  // namespace
}  // namespace resus::ecg
