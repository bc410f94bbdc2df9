// The AED shock-advisory oracle (oracles/shockable) on seeded synthetic 4-s segments of the pads
// lead, against the AHA 1997 performance goals (Kerber et al., ecg.md 4.4): coarse VF
// sensitivity > 90%, rapid VT > 75%, normal sinus specificity > 99%, other organised rhythms
// > 95% each, asystole > 95%; fine VF and torsades are reported only. If synthetic VF failed
// the VF detectors while organised rhythms passed, the VF morphology would be unrealistic.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "models/electrophysiology/conduction.hpp"
#include "oracles/shockable.hpp"
#include "support/episode.hpp"

namespace resus::ecg {
namespace {

using ep::AtrialMode;
using ep::BeatOrigin;
using ep::VentricularMode;
using test::Episode;

constexpr double kFs = 250.0;        // AED front ends sample at ~125-250 Hz
constexpr double kSegment_s = 4.0;
constexpr int kSegmentsPerEpisode = 2;

struct Result {
  int shock = 0, total = 0;
  int leakage = 0, tci = 0, spectral = 0, tcsc = 0;  // segments each detector calls VF
  double rate() const { return total ? static_cast<double>(shock) / total : 0.0; }
  double share(int n) const { return total ? static_cast<double>(n) / total : 0.0; }
};

// One-sided 90% lower confidence limit of a proportion (Wilson), as AED reports quote.
double lower_limit(int k, int n) {
  const double z = 1.2816, p = static_cast<double>(k) / n, z2n = z * z / n;
  return (p + z2n / 2 - z * std::sqrt(p * (1 - p) / n + z2n / (4 * n))) / (1 + z2n);
}

// Renders `episodes` seeded episodes from `make` and classifies 4-s segments of the pads lead.
Result run(const std::string& name, int episodes, const std::function<void(Episode&, test::Normal&)>& make) {
  Result r;
  for (int i = 0; i < episodes; ++i) {
    test::Normal u(1000 + 17 * static_cast<uint64_t>(i) + std::hash<std::string>{}(name) % 1000);
    Episode e;
    e.fs = kFs;
    e.duration_s = 1.0 + kSegment_s * kSegmentsPerEpisode;
    e.seed = 7 + static_cast<uint64_t>(i);
    e.switches.baseline_wander = 1;
    e.switches.muscle = i % 2;  // half with EMG noise
    make(e, u);
    const test::Recording rec = test::render(e);
    const std::vector<double> pads = rec.lead(kPads);
    for (int s = 0; s < kSegmentsPerEpisode; ++s) {
      const double from = 1.0 + s * kSegment_s;
      const std::vector<double> seg = rec.lead(kPads, from, from + kSegment_s);
      const oracle::ShockFeatures f = oracle::classify_segment(seg, kFs);
      const oracle::ShockThresholds th;
      r.shock += f.shockable;
      r.leakage += f.leakage < th.leakage;
      r.tci += f.tci_ms < th.tci_ms;
      r.spectral += f.m <= th.m && f.a1 < th.a1 && f.a2 >= th.a2 && f.a3 <= th.a3;
      r.tcsc += f.tcsc_pct > th.tcsc_pct;
      ++r.total;
    }
  }
  std::printf("%-30s shock %3d/%3d (%5.1f%%; 90%% limits %.3f-%.3f)  VF votes: leak %3.0f%% TCI %3.0f%% "
              "spectral %3.0f%% TCSC %3.0f%%\n",
              name.c_str(), r.shock, r.total, 100.0 * r.rate(), lower_limit(r.shock, r.total),
              1.0 - lower_limit(r.total - r.shock, r.total), 100 * r.share(r.leakage),
              100 * r.share(r.tci), 100 * r.share(r.spectral), 100 * r.share(r.tcsc));
  return r;
}

double uniform(test::Normal& u, double lo, double hi) { return lo + (hi - lo) * u.uniform(); }

void vt(Episode& e, test::Normal& u, double lo_bpm, double hi_bpm) {
  e.base.ventricular_mode = static_cast<int32_t>(VentricularMode::kFocus);
  test::ventricular_train(e, uniform(u, lo_bpm, hi_bpm), static_cast<int32_t>(BeatOrigin::kEctopic),
                          uniform(u, 0.0, 0.5));
  for (double t = uniform(u, 0.0, 0.8), rr = 60.0 / uniform(u, 60, 90); t < e.duration_s; t += rr)
    e.atrial.push_back(t);  // dissociated sinus P waves
}

TEST(ShockAdvisory, ShockableRhythms) {
  const Result coarse = run("coarse VF (0.3-1.5 mV)", 60, [](Episode& e, test::Normal& u) {
    test::vf(e, uniform(u, 0.3, 1.5), uniform(u, 3.0, 8.0));
  });
  EXPECT_GT(coarse.rate(), 0.90);
  // ecg.md 4.4: synthetic VF that fails TCI, VF-leak and the spectral test is unrealistic.
  // Barro's spectral criteria are strict (A3 <= 0.09 rejects segments with EMG noise, harmonics
  // or a strong second sinusoid near 2 DF; it was the least sensitive of the classic detectors on
  // annotated human VF in Amann 2005, BioMed Eng OnLine 4:60), so it gets a lower bar: the VF's
  // harmonics and cycle-to-cycle jitter, which give it human VF's AMSA (models/ecg README), take
  // it to about 57% of segments.
  EXPECT_GT(coarse.share(coarse.leakage), 0.9);
  EXPECT_GT(coarse.share(coarse.tci), 0.9);
  EXPECT_GT(coarse.share(coarse.spectral), 0.45);
  const Result fast_vt = run("rapid VT (150-250/min)", 30, [](Episode& e, test::Normal& u) {
    vt(e, u, 150.0, 250.0);
  });
  EXPECT_GT(fast_vt.rate(), 0.75);
  // Intermediate rhythms: report only (AHA: fine VF, other VT).
  run("fine VF (0.1-0.2 mV), report", 15, [](Episode& e, test::Normal& u) {
    test::vf(e, uniform(u, 0.1, 0.2), uniform(u, 3.0, 6.0));
  });
  run("torsades, report", 15, [](Episode& e, test::Normal& u) {
    e.base.ventricular_mode = static_cast<int32_t>(VentricularMode::kTorsades);
    test::ventricular_train(e, uniform(u, 180, 250), static_cast<int32_t>(BeatOrigin::kEctopic));
  });
  run("slow VT (100-150/min), report", 15, [](Episode& e, test::Normal& u) { vt(e, u, 100.0, 150.0); });
}

TEST(ShockAdvisory, NormalSinusRhythm) {
  const Result nsr = run("normal sinus (60-100/min)", 60, [](Episode& e, test::Normal& u) {
    test::sinus(e, uniform(u, 60, 100), uniform(u, 0.12, 0.20), uniform(u, 0.0, 0.6));
  });
  EXPECT_LT(nsr.rate(), 0.01);
}

TEST(ShockAdvisory, OtherOrganisedRhythms) {
  const auto expect_specific = [](const Result& r) { EXPECT_LT(r.rate(), 0.05); };
  expect_specific(run("atrial fibrillation", 15, [](Episode& e, test::Normal& u) {
    test::irregular_conducted(e, uniform(u, 0.42, 0.9), uniform(u, 0.15, 0.25), e.seed);
  }));
  expect_specific(run("sinus bradycardia", 15, [](Episode& e, test::Normal& u) {
    test::sinus(e, uniform(u, 35, 59), 0.18, uniform(u, 0.0, 1.0));
  }));
  expect_specific(run("sinus tachycardia", 15, [](Episode& e, test::Normal& u) {
    test::sinus(e, uniform(u, 100, 150), 0.13, uniform(u, 0.0, 0.4));
  }));
  expect_specific(run("SVT (150-240/min)", 15, [](Episode& e, test::Normal& u) {
    test::svt(e, uniform(u, 150, 240));
  }));
  expect_specific(run("atrial flutter 2:1 / 4:1", 15, [](Episode& e, test::Normal& u) {
    test::flutter(e, u.uniform() < 0.5 ? 2 : 4, uniform(u, 0.19, 0.23));
  }));
  expect_specific(run("complete heart block", 15, [](Episode& e, test::Normal& u) {
    test::complete_block(e, uniform(u, 60, 90), uniform(u, 28, 45),
                         static_cast<int32_t>(BeatOrigin::kEscape));
  }));
  expect_specific(run("idioventricular (no P)", 15, [](Episode& e, test::Normal& u) {
    e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kSilent);
    test::ventricular_train(e, uniform(u, 30, 50), static_cast<int32_t>(BeatOrigin::kEscape),
                            uniform(u, 0.0, 1.0));
  }));
  expect_specific(run("ventricular bigeminy", 15, [](Episode& e, test::Normal& u) {
    test::bigeminy(e, uniform(u, 60, 90), uniform(u, 0.5, 0.7));
  }));
  expect_specific(run("paced", 15, [](Episode& e, test::Normal& u) { test::paced(e, uniform(u, 60, 80)); }));
}

TEST(ShockAdvisory, Asystole) {
  const Result asys = run("asystole (noise only)", 60, [](Episode& e, test::Normal&) {
    test::asystole(e);
  });
  EXPECT_LT(asys.rate(), 0.05);
  const Result standstill = run("P waves only", 15, [](Episode& e, test::Normal& u) {
    for (double t = 0.3, rr = 60.0 / uniform(u, 50, 90); t < e.duration_s; t += rr) e.atrial.push_back(t);
  });
  EXPECT_LT(standstill.rate(), 0.05);
}

}  // namespace
}  // namespace resus::ecg
