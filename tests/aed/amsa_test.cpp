// AMSA computed from the pads ECG as published AMSA is (models/aed/amsa.hpp), on synthetic
// signals, then on the engine's own pads beside the engine's `amsa_mV_Hz` signal, which decides
// shocks from the VF source itself (issue 13 asks that the two agree, so that what an AED would
// compute is what the engine acts on; they do not yet).
#include "models/aed/amsa.hpp"

#include <gtest/gtest.h>
#include <resus/resus.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

#include "engine_pads.hpp"

namespace {

using resus::aed::amplitude_spectrum_area;
using resus::aed_test::Patient;
using resus::aed_test::signal_index;

std::vector<float> sine(double amplitude_mV, double frequency_Hz, double fs, double seconds) {
  std::vector<float> x(static_cast<std::size_t>(std::lround(seconds * fs)));
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] = static_cast<float>(amplitude_mV * std::sin(2.0 * std::numbers::pi * frequency_Hz * i / fs));
  return x;
}

// AMSA is linear in the amplitude, weights each frequency by itself and sees only 2-48 Hz.
TEST(Amsa, ScalesWithAmplitudeAndFrequencyWithinItsBand) {
  const double a = amplitude_spectrum_area(sine(0.5, 5.0, 250.0, 2.0), 250.0);
  EXPECT_GT(a, 0.5);
  EXPECT_NEAR(amplitude_spectrum_area(sine(1.0, 5.0, 250.0, 2.0), 250.0), 2.0 * a, 1e-9 * a);
  EXPECT_NEAR(amplitude_spectrum_area(sine(0.5, 10.0, 250.0, 2.0), 250.0), 2.0 * a, 0.1 * a);
  EXPECT_LT(amplitude_spectrum_area(sine(0.5, 0.5, 250.0, 2.0), 250.0), 0.05 * a);
  EXPECT_LT(amplitude_spectrum_area(sine(0.5, 60.0, 250.0, 2.0), 250.0), 0.05 * a);
  // Only the last 2 s count; the sample rate does not change the answer.
  std::vector<float> longer = sine(3.0, 5.0, 250.0, 2.0);
  const std::vector<float> tail = sine(0.5, 5.0, 250.0, 2.0);
  longer.insert(longer.end(), tail.begin(), tail.end());
  EXPECT_NEAR(amplitude_spectrum_area(longer, 250.0), a, 1e-9 * a);
  EXPECT_NEAR(amplitude_spectrum_area(sine(0.5, 5.0, 500.0, 2.0), 500.0), a, 0.02 * a);
}

TEST(Amsa, ShortOrBrokenInputGivesZero) {
  EXPECT_EQ(amplitude_spectrum_area(sine(1.0, 5.0, 250.0, 1.9), 250.0), 0.0);
  EXPECT_EQ(amplitude_spectrum_area(sine(1.0, 5.0, 50.0, 4.0), 50.0), 0.0);
  std::vector<float> x = sine(1.0, 5.0, 250.0, 2.0);
  x[100] = std::nanf("");
  EXPECT_EQ(amplitude_spectrum_area(x, 250.0), 0.0);
}

// The engine's VF, from onset through the minutes without flow: AMSA from 2 s of the pads (as
// before a shock, compressions paused) against the engine's signal over the same 2 s. They do
// not agree yet: the pads give a quarter to a fifth of the signal (README, "AMSA"), the issue-13
// gap, reported here. What holds is the order: the pads' AMSA falls as the VF runs down, as in
// the studies (ecg.md: AMSA decreases during untreated VF), so an AED reading it ranks the hearts
// as the engine does.
TEST(AmsaOnEngine, ThePadsAmsaFallsAsTheVfRunsDown) {
  const int32_t amsa = signal_index("amsa_mV_Hz");
  double last = 1e9;
  for (const double minutes : {0.5, 4.0, 8.0, 12.0}) {
    double pads_sum = 0.0, engine_sum = 0.0;
    constexpr int kSeeds = 6;
    for (uint64_t seed = 1; seed <= kSeeds; ++seed) {
      Patient p(seed, 250);
      ASSERT_EQ(resus_sim_set_rhythm(p.sim(), RESUS_RHYTHM_VF_COARSE), RESUS_OK);
      p.advance(minutes * 60.0 - 2.0);
      const double before = resus_sim_signal(p.sim(), amsa);
      const std::vector<float> pads = p.record(2.0);
      engine_sum += 0.5 * (before + resus_sim_signal(p.sim(), amsa));
      pads_sum += amplitude_spectrum_area(pads, 250.0);
    }
    const double pads = pads_sum / kSeeds, engine = engine_sum / kSeeds;
    std::printf("VF %4.1f min: AMSA from the pads %.1f, engine %.1f mV*Hz (ratio %.1f)\n", minutes,
                pads, engine, engine / pads);
    EXPECT_LT(pads, 0.8 * last) << minutes;
    EXPECT_GT(pads, 0.0) << minutes;
    last = pads;
  }
}

}  // namespace
