// Pan & Tompkins (oracles/pan_tompkins) on lead II finds every beat of organised rhythms:
// sensitivity and positive predictivity > 99.5% with a 150 ms matching window against the
// activation times, and the detected rate matches (ecg.md 4.2).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "models/electrophysiology/conduction.hpp"
#include "oracles/pan_tompkins.hpp"
#include "support/episode.hpp"

namespace resus::ecg {
namespace {

using ep::BeatOrigin;
using test::Episode;

constexpr int32_t kEctopic = static_cast<int32_t>(BeatOrigin::kEctopic);
constexpr int32_t kEscape = static_cast<int32_t>(BeatOrigin::kEscape);

void expect_all_beats(const Episode& e, const std::string& what, int lead = kII) {
  const test::Recording r = test::render(e);
  const std::vector<double> ref = test::ventricular_times(e);
  const std::vector<double> det = oracle::pan_tompkins(r.lead(lead), e.fs);
  const double skip = 2.5, end = e.duration_s - 0.5;  // learning phase, last partial beat
  const oracle::Match m = oracle::match_beats(ref, det, 0.150, skip, end);
  std::printf("%-28s fs %4.0f  beats %4d  Se %.4f  +P %.4f\n", what.c_str(), e.fs,
              m.true_positive + m.false_negative, m.sensitivity(), m.positive_predictivity());
  EXPECT_GT(m.sensitivity(), 0.995) << what;
  EXPECT_GT(m.positive_predictivity(), 0.995) << what;
  EXPECT_GT(m.true_positive + m.false_negative, 100) << what;
  // Mean rate from the detections against the truth.
  std::vector<double> d, t;
  for (double x : det) if (x > skip && x < end) d.push_back(x);
  for (double x : ref) if (x > skip && x < end) t.push_back(x);
  ASSERT_GT(d.size(), 2u);
  const double rate_det = 60.0 * static_cast<double>(d.size() - 1) / (d.back() - d.front());
  const double rate_ref = 60.0 * static_cast<double>(t.size() - 1) / (t.back() - t.front());
  EXPECT_NEAR(rate_det, rate_ref, 0.01 * rate_ref + 0.5) << what;
}

Episode sized(double fs, double rate_bpm, int beats = 320) {
  Episode e;
  e.fs = fs;
  e.duration_s = 3.0 + beats * 60.0 / rate_bpm;
  e.seed = static_cast<uint64_t>(rate_bpm * 7 + fs);
  return e;
}

TEST(PanTompkins, SinusAtEachRateAndSamplingRate) {
  for (double fs : {250.0, 500.0, 1000.0})
    for (double rate : {60.0, 75.0, 120.0, 180.0}) {
      Episode e = sized(fs, rate);
      test::sinus(e, rate, rate > 150 ? 0.12 : 0.16);
      expect_all_beats(e, "sinus " + std::to_string(static_cast<int>(rate)));
    }
}

TEST(PanTompkins, SinusWithNoiseAndWander) {
  Episode e = sized(500.0, 75.0);
  test::sinus(e, 75.0, 0.16);
  e.switches.baseline_wander = 1;
  e.switches.muscle = 1;
  e.switches.mains = 1;
  expect_all_beats(e, "sinus 75 + noise");
}

TEST(PanTompkins, IrregularAfLikeTrain) {
  for (double mean_rr : {0.5, 0.75}) {
    Episode e = sized(500.0, 60.0 / mean_rr);
    test::irregular_conducted(e, mean_rr, 0.25, 11);
    expect_all_beats(e, "AF-like irregular");
  }
}

TEST(PanTompkins, WideBeats) {
  for (double rate : {150.0, 180.0}) {
    Episode e = sized(500.0, rate);
    e.base.ventricular_mode = static_cast<int32_t>(ep::VentricularMode::kFocus);
    test::ventricular_train(e, rate, kEctopic);
    for (double t = 0.3; t < e.duration_s; t += 0.8) e.atrial.push_back(t);  // dissociated P
    expect_all_beats(e, "VT " + std::to_string(static_cast<int>(rate)));
  }
  {
    Episode e = sized(500.0, 70.0);
    test::paced(e, 70.0);
    expect_all_beats(e, "paced 70");
  }
  {
    Episode e = sized(500.0, 38.0, 150);
    test::complete_block(e, 80.0, 38.0, kEscape);
    expect_all_beats(e, "complete block, escape 38");
  }
  {
    Episode e = sized(500.0, 75.0);
    test::bigeminy(e, 75.0, 0.6);
    expect_all_beats(e, "ventricular bigeminy");
  }
}

}  // namespace
}  // namespace resus::ecg
