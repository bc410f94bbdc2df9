// Continuous sources and artefacts (ecg.md 1.4, 3.2, 3.4, 4.3, 4.5): VF dominant frequency and
// amplitude follow the inputs, AF has no P waves and f-wave energy in 4-9 Hz, flutter at its
// cycle, torsades twists, asystole is flat, and the CPR, shock, pacer and noise artefacts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "models/electrophysiology/conduction.hpp"
#include "oracles/dsp.hpp"
#include "support/measure.hpp"

namespace resus::ecg {
namespace {

using ep::AtrialMode;
using ep::VentricularMode;
using test::Episode;
using test::Recording;

// Median of the 2-s peak-to-peak amplitudes of x over [from, to) s.
double median_pp(const std::vector<double>& x, double fs, double from, double to) {
  std::vector<double> pp;
  const auto w = static_cast<std::size_t>(2.0 * fs);
  for (auto s = static_cast<std::size_t>(from * fs); s + w <= static_cast<std::size_t>(to * fs); s += w)
    pp.push_back(oracle::peak_to_peak(x, s, s + w));
  std::sort(pp.begin(), pp.end());
  return pp.empty() ? 0.0 : pp[pp.size() / 2];
}

std::vector<double> slice(const std::vector<double>& x, double fs, double from, double to) {
  return {x.begin() + static_cast<std::ptrdiff_t>(from * fs), x.begin() + static_cast<std::ptrdiff_t>(to * fs)};
}

TEST(Vf, AmplitudeAndDominantFrequencyFollowInputs) {
  // 1.0 mV at 6 Hz, then 0.1 mV at 4 Hz (ecg.md 1.4: coarse early VF, then fine and slower).
  Episode e;
  e.duration_s = 60.0;
  test::vf(e, 1.0, 6.0);
  e.modify = [](double t, EcgInputs& in) {
    if (t >= 30.0) in.vf_amplitude_mV = 0.1, in.vf_frequency_Hz = 4.0;
  };
  const Recording r = test::render(e);
  const std::vector<double> ii = r.lead(kII);
  struct Part { double from, to, amp, df; } parts[] = {{2, 30, 1.0, 6.0}, {32, 60, 0.1, 4.0}};
  for (const Part& p : parts) {
    const oracle::Spectrum s = oracle::welch(slice(ii, e.fs, p.from, p.to), e.fs, 2048);
    const double df = s.peak(0.5, 30.0);
    const double pp = median_pp(ii, e.fs, p.from, p.to);
    const double concentration = s.band(2.0, 10.0) / s.band(0.5, 30.0);
    std::printf("VF %.1f mV / %.0f Hz: DF %.2f Hz, 2-s p-p %.3f mV, power in 2-10 Hz %.0f%%\n", p.amp,
                p.df, df, pp, 100.0 * concentration);
    EXPECT_GE(df, 3.0);
    EXPECT_LE(df, 9.0);
    EXPECT_NEAR(df, p.df, 1.0);
    EXPECT_NEAR(pp, p.amp, 0.3 * p.amp) << "vf_amplitude_mV is the lead II peak-to-peak";
    EXPECT_GT(concentration, 0.7);
  }
  EXPECT_GE(median_pp(ii, e.fs, 2, 30), 0.2) << "coarse VF";
}

TEST(Vf, DominantFrequencyAcrossRangeAndSeeds) {
  for (double df : {3.0, 4.5, 6.0, 7.5, 9.0})
    for (uint64_t seed : {1u, 2u}) {
      Episode e;
      e.duration_s = 20.0;
      e.seed = seed;
      test::vf(e, 0.8, df);
      const Recording r = test::render(e);
      for (int l : {kII, kV1, kPads}) {
        const oracle::Spectrum s = oracle::welch(r.lead(l, 2.0, 20.0), e.fs, 2048);
        EXPECT_NEAR(s.peak(0.5, 30.0), df, 1.0) << "DF " << df << " in " << lead_name(l);
      }
    }
}

TEST(Vf, LeadsDecorrelate) {
  Episode e;
  e.duration_s = 60.0;
  test::vf(e, 1.0, 5.0);
  const Recording r = test::render(e);
  const auto a = r.lead(kII, 2, 60), b = r.lead(kV1, 2, 60);
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ab += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
  EXPECT_LT(std::abs(ab / std::sqrt(aa * bb)), 0.9) << "II and V1 are not copies";
}

// Energy of the 4-9 Hz band of `lead` in the TQ segments (between the T wave and the next QRS).
double tq_band_energy(const Recording& r, const Episode& e, int lead) {
  const std::vector<double> x = oracle::bandpass(r.lead(lead), r.fs, 4.0, 9.0);
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t b = 2; b + 1 < e.ventricular.size(); ++b) {
    // Clear of the T/U waves and of the band-pass ringing of the next QRS.
    const auto a = static_cast<std::size_t>((e.ventricular[b].t + 0.6) * r.fs);
    const auto z = static_cast<std::size_t>((e.ventricular[b + 1].t - 0.2) * r.fs);
    for (std::size_t i = a; i < z; ++i, ++n) sum += x[i] * x[i];
  }
  return n ? sum / static_cast<double>(n) : 0.0;
}

TEST(Af, NoPWavesAndFWaveEnergyIn4To9Hz) {
  // Irregular RR of 0.8-1.2 s, so no T wave reaches the P window of the next beat.
  Episode af;
  af.duration_s = 90.0;
  test::irregular_conducted(af, 1.0, 0.1, 5);
  Episode control = af;  // the same beats, atria silent
  control.base.atrial_mode = static_cast<int32_t>(AtrialMode::kSilent);
  Episode sinus;
  sinus.duration_s = 20.0;
  test::sinus(sinus, 60.0, 0.16);
  const Recording r = test::render(af), c = test::render(control);
  const test::Measured m = test::measure(r, af, 1.0, 0.7, -0.25);
  const double p_sinus = test::measure(test::render(sinus), sinus, 1.0, 0.8, -0.25).f.p_amp[kII];
  std::printf("P-window deflection in II: AF %.3f mV, sinus %.3f mV\n", m.f.p_amp[kII], p_sinus);
  EXPECT_LT(std::abs(m.f.p_amp[kII]), 0.25 * p_sinus) << "no P waves in the averaged AF beat";
  for (int l : {kV1, kII}) {
    const double with = tq_band_energy(r, af, l), without = tq_band_energy(c, control, l);
    std::printf("4-9 Hz energy in TQ, %s: AF %.2e, without f-waves %.2e mV^2\n", lead_name(l), with,
                without);
    EXPECT_GT(with, 20.0 * without) << lead_name(l);
  }
}

TEST(Af, FWavesAlone) {
  // AF with no conducted beats: the f-wave source by itself (ecg.md 1.4: F0, 4-9 Hz, small).
  Episode e;
  e.duration_s = 60.0;
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kFibrillation);
  const Recording r = test::render(e);
  for (int l : {kV1, kII}) {
    const std::vector<double> x = r.lead(l, 2.0, 60.0);
    const oracle::Spectrum s = oracle::welch(x, r.fs, 4096);
    const double peak = s.peak(1.0, 30.0), in_band = s.band(4.0, 9.0) / s.band(0.5, 30.0);
    const double pp = median_pp(x, r.fs, 0.0, 58.0);
    std::printf("f-waves in %s: peak %.2f Hz, %.0f%% of power in 4-9 Hz, 2-s p-p %.3f mV\n",
                lead_name(l), peak, 100 * in_band, pp);
    EXPECT_NEAR(peak, default_ecg_params().af_f0_Hz, 0.5);
    EXPECT_GT(in_band, 0.6);  // the sawtooth's harmonics (2F0, 3F0) carry the rest
    EXPECT_GT(s.band(3.0, 30.0) / s.band(0.5, 30.0), 0.95);
    EXPECT_GT(pp, 0.03);
    EXPECT_LT(pp, 0.3);
  }
  EXPECT_GT(median_pp(r.lead(kV1), r.fs, 2, 60), median_pp(r.lead(kI), r.fs, 2, 60))
      << "largest in V1";
}

TEST(Flutter, SawtoothAtTheAtrialCycle) {
  // 300/min atrial, 4:1. The F waves are locked to the QRS, so look at them in diastole (T end
  // to the next QRS): periodic at 200 ms, a slow fall and a fast rise in II.
  Episode e;
  e.duration_s = 30.0;
  test::flutter(e, 4);
  const Recording r = test::render(e);
  const std::vector<double> ii = r.lead(kII);
  const auto lag = static_cast<std::size_t>(0.2 * r.fs);
  int falling = 0, rising = 0;
  double worst_corr = 1.0, smallest_pp = 1e9;
  for (std::size_t b = 2; b + 1 < e.ventricular.size(); ++b) {
    const auto a = static_cast<std::size_t>((e.ventricular[b].t + 0.42) * r.fs);
    const auto z = static_cast<std::size_t>((e.ventricular[b + 1].t) * r.fs);
    double xy = 0, xx = 0, yy = 0, m0 = 0, m1 = 0;
    const std::size_t n = z - a - lag;
    for (std::size_t i = a; i < a + n; ++i) m0 += ii[i], m1 += ii[i + lag];
    m0 /= n, m1 /= n;
    for (std::size_t i = a; i < a + n; ++i) {
      xy += (ii[i] - m0) * (ii[i + lag] - m1);
      xx += (ii[i] - m0) * (ii[i] - m0);
      yy += (ii[i + lag] - m1) * (ii[i + lag] - m1);
    }
    worst_corr = std::min(worst_corr, xy / std::sqrt(xx * yy));
    smallest_pp = std::min(smallest_pp, oracle::peak_to_peak(ii, a, z));
    for (std::size_t i = a + 1; i < z; ++i) (ii[i] > ii[i - 1] ? rising : falling)++;
  }
  std::printf("flutter in II: lag-200 ms correlation >= %.2f, p-p >= %.2f mV, falling %d%%\n",
              worst_corr, smallest_pp, 100 * falling / (falling + rising));
  EXPECT_GT(worst_corr, 0.9);
  EXPECT_GT(smallest_pp, 0.1);
  EXPECT_LT(smallest_pp, 0.5);
  EXPECT_GT(falling, 2 * rising) << "negative sawtooth";
}

TEST(Torsades, AmplitudeWaxesWanesAndTwists) {
  Episode e;
  e.duration_s = 20.0;
  e.base.ventricular_mode = static_cast<int32_t>(VentricularMode::kTorsades);
  test::ventricular_train(e, 240.0, static_cast<int32_t>(ep::BeatOrigin::kEctopic));
  const Recording r = test::render(e);
  const std::vector<double> ii = r.lead(kII);
  std::vector<double> extreme;  // signed largest deflection per beat
  for (std::size_t b = 8; b + 1 < e.ventricular.size(); ++b) {
    const auto a = static_cast<std::size_t>(e.ventricular[b].t * r.fs);
    const auto z = static_cast<std::size_t>(e.ventricular[b + 1].t * r.fs);
    double best = 0.0;
    for (std::size_t i = a; i < z; ++i) if (std::abs(ii[i]) > std::abs(best)) best = ii[i];
    extreme.push_back(best);
  }
  double lo = 1e9, hi = 0.0;
  int flips = 0;
  for (std::size_t i = 0; i < extreme.size(); ++i) {
    lo = std::min(lo, std::abs(extreme[i]));
    hi = std::max(hi, std::abs(extreme[i]));
    if (i > 0 && (extreme[i] > 0) != (extreme[i - 1] > 0)) ++flips;
  }
  EXPECT_GT(hi, 3.0 * lo) << "spindles";
  EXPECT_GE(flips, 2) << "the QRS axis twists through the baseline";
}

TEST(Asystole, FlatWithoutArtefacts) {
  Episode e;
  e.duration_s = 10.0;
  test::asystole(e);
  const Recording r = test::render(e);
  double worst = 0.0;
  for (const auto& x : r.x) for (double v : x) worst = std::max(worst, std::abs(v));
  EXPECT_EQ(worst, 0.0);
}

TEST(Artefacts, CprLockedToCompressions) {
  for (double depth : {25.0, 50.0}) {
    Episode e;
    e.duration_s = 20.0;
    test::asystole(e);
    e.cpr_rate_per_min = 110.0, e.cpr_end_s = 20.0, e.cpr_depth_mm = depth;
    const Recording r = test::render(e);
    for (int l : {kII, kPads}) {
      const std::vector<double> x = r.lead(l);
      const oracle::Spectrum s = oracle::welch(x, r.fs, 8192);
      EXPECT_NEAR(s.peak(0.5, 10.0), 110.0 / 60.0, 0.07) << "fundamental = compression rate";
      const double pp = median_pp(x, r.fs, 0, 20);
      std::printf("CPR %.0f mm: %s p-p %.2f mV\n", depth, lead_name(l), pp);
      EXPECT_NEAR(pp, 3.0 * depth / 50.0, 1.5 * depth / 50.0) << "several mV at 50 mm, ~ depth";
    }
  }
  Episode off;
  off.duration_s = 5.0;
  test::asystole(off);
  off.cpr_rate_per_min = 110.0, off.cpr_end_s = 5.0;
  off.switches.cpr = 0;
  EXPECT_EQ(median_pp(test::render(off).lead(kII), 500.0, 0, 5), 0.0);
}

TEST(Artefacts, ShockSaturatesThenRecoversWithin5s) {
  Episode e;
  e.duration_s = 20.0;
  test::sinus(e, 70.0, 0.16);
  Episode shocked = e;
  shocked.modify = [](double t, EcgInputs& in) { if (t >= 8.0) in.shock_time = 8.0; };
  const Recording a = test::render(e), b = test::render(shocked);
  double max_abs = 0.0, min_railed = 1e9;
  for (std::size_t k = static_cast<std::size_t>(8.0 * e.fs); k < static_cast<std::size_t>(8.8 * e.fs); ++k) {
    max_abs = std::max({max_abs, std::abs(b.x[k][kI]), std::abs(b.x[k][kII]), std::abs(b.x[k][kPads])});
    min_railed = std::min(min_railed, std::max(std::abs(b.x[k][kI]), std::abs(b.x[k][kII])));
  }
  EXPECT_LE(max_abs, 5.0 + 1e-12) << "clipped at the rails";
  EXPECT_GT(min_railed, 4.0) << "saturated for the first 0.8 s";
  for (double after : {3.0, 5.0}) {
    double worst = 0.0;
    const auto k0 = static_cast<std::size_t>((8.0 + after) * e.fs);
    for (std::size_t k = k0; k < k0 + static_cast<std::size_t>(e.fs); ++k)
      for (int l = 0; l < kNumLeads; ++l) worst = std::max(worst, std::abs(b.x[k][l] - a.x[k][l]));
    std::printf("shock + %.0f s: largest deviation from the unshocked trace %.4f mV\n", after, worst);
    EXPECT_LT(worst, 0.05) << "baseline back within 5 s (IEC 60601-2-27)";
  }
}

TEST(Artefacts, PacerSpikeOnePulsePerPacedBeat) {
  for (double fs : {250.0, 500.0, 1000.0}) {
    Episode e;
    e.fs = fs;
    e.duration_s = 10.0;
    test::paced(e, 70.0);
    const Recording r = test::render(e);
    int spikes = 0;
    for (const auto& x : r.x) spikes += std::abs(x[kII]) > 3.0;
    const int expected = static_cast<int>(e.pacer.size()) * (fs >= 1000.0 ? 2 : 1);  // 2 ms pulse
    EXPECT_EQ(spikes, expected) << fs;
    e.switches.pacer = 0;
    int none = 0;
    for (const auto& x : test::render(e).x) none += std::abs(x[kII]) > 3.0;
    EXPECT_EQ(none, 0);
  }
}

TEST(Artefacts, NoiseSourcesInTheirBands) {
  Episode e;
  e.duration_s = 60.0;
  test::asystole(e);
  e.switches = {0, 0, 0, 1, 0, 0};
  const oracle::Spectrum wander = oracle::welch(test::render(e).lead(kII), e.fs, 8192);
  EXPECT_GT(wander.band(0.0, 1.0) / wander.band(0.0, 250.0), 0.9) << "baseline wander below 1 Hz";
  e.switches = {0, 0, 0, 0, 1, 0};
  const oracle::Spectrum mains = oracle::welch(test::render(e).lead(kII), e.fs, 8192);
  EXPECT_NEAR(mains.peak(1.0, 240.0), 50.0, 0.1);
  e.switches = {0, 0, 0, 0, 0, 1};
  const oracle::Spectrum muscle = oracle::welch(test::render(e).lead(kII), e.fs, 8192);
  EXPECT_GT(muscle.band(20.0, 250.0) / muscle.band(0.0, 250.0), 0.8) << "EMG above 20 Hz";
}

}  // namespace
}  // namespace resus::ecg
