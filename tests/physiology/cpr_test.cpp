// Chest compressions in VF: haemodynamics against physiology.md B.2 and A.2. Rows 21, 22 and 24
// (and row 87, since the displacement of 2026-12-05) were used once to fit the compression
// constants (models/cpr/README.md); every other check here was only compared, never fitted. Each
// scenario is ventilated like an intubated patient (tracheal tube, bag 10/min, 500 mL) after 60 s
// of untreated VF.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/sim.hpp"
#include "../support/named_action.hpp"

namespace resus {
namespace {

using test::NamedAction;

std::shared_ptr<const Model> male() {
  static const auto model = Model::compile(PatientDef{});
  return model;
}

Action cpr(double depth_mm = 55.0, double rate = 110.0, double leaning_mm = 0.0,
           int per_cycle = 0, double pause_s = 0.0) {
  NamedAction a{};
  a.kind = ActionKind::kCprStart;
  a.depth_mm = depth_mm;
  a.rate_per_min = rate;
  a.leaning_mm = leaning_mm;
  a.compressions_per_cycle = per_cycle;
  a.pause_s = pause_s;
  return validated(a);
}

void apply(Sim& sim, ActionKind kind, void (*fill)(NamedAction&)) {
  NamedAction a{};
  a.kind = kind;
  fill(a);
  sim.apply(validated(a));
}

// VF for 60 s, then intubation and bag ventilation with the given compressions.
Sim arrest_with(const Action& compressions) {
  Sim sim(male(), 1);
  apply(sim, ActionKind::kRhythm, [](NamedAction& a) { a.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse); });
  sim.advance(60.0);
  apply(sim, ActionKind::kAirway, [](NamedAction& a) { a.airway = 3; });  // tracheal tube
  apply(sim, ActionKind::kVentilation, [](NamedAction& a) {
    a.vent_mode = 2;  // bag at a set rate
    a.rate_per_min = 10.0;
    a.tidal_volume_mL = 500.0;
  });
  sim.apply(compressions);
  return sim;
}

struct Means {
  double sbp = 0, dbp = 0, cpp = 0, co = 0, co_fraction = 0, coronary = 0, cerebral = 0,
         cepp = 0, rap_min = 0, etco2 = 0;
  double forward_flow = 0;  // aortic valve flow averaged over time (pauses included), L/min
};

// Averages over `seconds`, sampled each second (the cycle values follow compressions).
Means measure(Sim& sim, double seconds) {
  Means m;
  const int n = static_cast<int>(seconds);
  for (int i = 0; i < n; ++i) {
    double rap_min = 1e9;
    for (int k = 0; k < 100; ++k) {
      sim.advance(0.01);
      rap_min = std::min(rap_min, sim.signal(kRaPressure));
      m.forward_flow += sim.signal(kAorticFlow) * 0.06 / (100.0 * n);  // mL/s -> L/min
    }
    m.sbp += sim.signal(kSystolic) / n;
    m.dbp += sim.signal(kDiastolic) / n;
    m.cpp += sim.signal(kCoronaryPerfusion) / n;
    m.co += sim.signal(kCardiacOutput) / n;
    m.co_fraction += sim.signal(kCardiacOutputFraction) / n;
    m.coronary += sim.signal(kCoronaryFlow) / n;
    m.cerebral += sim.signal(kCerebralFlow) / n;
    m.cepp += sim.signal(kCerebralPerfusion) / n;
    m.rap_min += rap_min / n;
    m.etco2 += sim.signal(kEtco2) / n;
  }
  return m;
}

Means steady(const Action& compressions, double seconds = 30.0) {
  Sim sim = arrest_with(compressions);
  sim.advance(60.0);
  return measure(sim, seconds);
}

// Rows 21, 22, 24 (fitted): standard CPR, 5-6 cm at 100-120/min.
TEST(Cpr, StandardCprGivesTheReferenceHaemodynamics) {
  const Means m = steady(cpr(55.0, 110.0));
  // Row 21: cardiac output ~20-30% of normal (~1.0-1.5 L/min); models 10-20%.
  EXPECT_GE(m.co, 1.0);
  EXPECT_LE(m.co, 1.5);
  EXPECT_GE(m.co_fraction, 0.10);
  EXPECT_LE(m.co_fraction, 0.30);
  // Row 22 (Sainio 2015): SBP ~60-90, relaxation DBP ~15-35 mmHg.
  EXPECT_GE(m.sbp, 60.0);
  EXPECT_LE(m.sbp, 90.0);
  EXPECT_GE(m.dbp, 15.0);
  EXPECT_LE(m.dbp, 35.0);
  // Row 24 (Paradis 1990): CPP ~15-25 mmHg in good CPR.
  EXPECT_GE(m.cpp, 15.0);
  EXPECT_LE(m.cpp, 25.0);
  // Row 28 (Meaney 2013): good CPR meets the DBP > 25 and CPP > 20 aims... at least nearly.
  EXPECT_GT(m.dbp, 20.0);
  // The brain is perfused too: cerebral perfusion pressure of the same order as CPP.
  EXPECT_GT(m.cepp, 10.0);
  EXPECT_GT(m.cerebral, 0.1 * 750.0);
}

// A.2's cardiac pump: the sternum's displacement of the left ventricle ejects a volume, so that a
// constricted periphery raises the pressure instead of only costing flow (dogs given epinephrine
// in CPR: brain flow 37 -> 54 mL/min while CO fell 19%, Holmes and Babbs, purdue bmepubs/37). A pure pressure pump
// (no displacement) pins the arteries near the chest's pressure: the same resistance buys less.
TEST(Cpr, TheDisplacementLetsAConstrictedPeripheryRaiseThePressure) {
  auto rise = [](double displacement) {
    PatientDef def;
    def.overrides = {{"cpr_ventricular_displacement_mL_per_mm", displacement}};
    const auto model = Model::compile(def);
    double cpp[2];
    for (int k = 0; k < 2; ++k) {
      Sim sim(model, 1);
      apply(sim, ActionKind::kRhythm, [](NamedAction& a) { a.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse); });
      sim.advance(300.0);  // 5 minutes of VF: a heart dilated by the no-flow time
      apply(sim, ActionKind::kAirway, [](NamedAction& a) { a.airway = 3; });
      sim.apply(cpr(55.0, 110.0));
      sim.advance(120.0);
      if (k == 1) sim.set_effect(Effect::kSystemicResistance, 2.0);
      sim.advance(60.0);
      cpp[k] = measure(sim, 20.0).cpp;
    }
    return cpp[1] - cpp[0];
  };
  const double with = rise(0.6), without = rise(0.0);
  std::printf("CPP rise for systemic resistance x2: %.2f with the displacement, %.2f without\n", with, without);
  // 2.9 against 2.5 mmHg at the fitted 0.6 mL/mm (3.0 against 2.3 before the septum's relaxed
  // curve was mirrored; 3.7 at 1.2, which the VF phases do not allow: models/cpr/README.md).
  EXPECT_GT(with, 2.5);
  EXPECT_GT(with, without + 0.25);
}

// Row 23 and row 39 (direction), A.2 depth mapping: deeper compressions give more, shallower less.
TEST(Cpr, PerfusionRisesMonotonicallyWithDepth) {
  Means last{};
  bool first = true;
  for (double depth : {30.0, 40.0, 50.0, 60.0}) {
    const Means m = steady(cpr(depth));
    if (!first) {
      EXPECT_GT(m.cpp, last.cpp + 1.0) << depth;
      EXPECT_GT(m.dbp, last.dbp) << depth;
      EXPECT_GT(m.sbp, last.sbp + 3.0) << depth;
      EXPECT_GT(m.co, last.co) << depth;
      EXPECT_GT(m.etco2, last.etco2) << depth;  // validation only (row 39: EtCO2 tracks depth)
    }
    last = m;
    first = false;
  }
  // Row 26 (Paradis 1990): shallow compressions leave CPP below the 15 mmHg ROSC threshold.
  EXPECT_LT(steady(cpr(30.0)).cpp, 15.0);
}

// A.2 "Rate": flow fairly flat between 80 and 120/min; slow compressions give less.
TEST(Cpr, FlowIsFlatFrom80To120AndLowerWhenSlow) {
  const Means at100 = steady(cpr(55.0, 100.0));
  for (double rate : {80.0, 120.0}) {
    const Means m = steady(cpr(55.0, rate));
    EXPECT_NEAR(m.co, at100.co, 0.15 * at100.co) << rate;
  }
  EXPECT_LT(steady(cpr(55.0, 60.0)).cpp, at100.cpp - 3.0);
}

// A.2 "Leaning" (Zuercher 2010, piglets): incomplete recoil raises right-atrial relaxation
// pressure and lowers CPP and myocardial blood flow.
TEST(Cpr, LeaningRaisesRightAtrialPressureAndLowersCpp) {
  const Means full = steady(cpr(55.0, 110.0, 0.0));
  const Means leaning = steady(cpr(55.0, 110.0, 12.0));
  EXPECT_GT(leaning.rap_min, full.rap_min + 1.0);
  EXPECT_LT(leaning.cpp, full.cpp - 2.0);
  EXPECT_LT(leaning.coronary, full.coronary);
}

// Row 38, A.2 "Interruptions": CPP falls within seconds of a pause and needs more than one
// compression to rebuild.
TEST(Cpr, PausesDropCppWithinSecondsAndItRebuilds) {
  Sim sim = arrest_with(cpr(55.0, 110.0, 0.0, 30, 5.0));
  sim.advance(60.0);
  // Find the start of a pause: hands-off time becomes non-zero.
  while (sim.signal(kCprHandsOff) == 0.0) sim.advance(0.01);
  // The meter declares the pause after 2 s without a compression: the pause began then.
  const double before = sim.signal(kCoronaryPerfusion);
  ASSERT_GT(before, 15.0);
  sim.advance(1.0);  // 3 s into the pause
  EXPECT_LT(sim.signal(kCoronaryPerfusionInstant), 0.4 * before);
  // Per-compression CPP after the pause.
  std::vector<double> cpp;
  double count = sim.signal(kCprCount);
  while (cpp.size() < 16) {
    sim.advance(0.01);
    if (sim.signal(kCprCount) != count) {
      count = sim.signal(kCprCount);
      cpp.push_back(sim.signal(kCoronaryPerfusion));
    }
  }
  // cpp[0] closes the pause; cpp[1] is the relaxation after the first compression.
  EXPECT_LT(cpp[1], 0.5 * before);
  EXPECT_GT(cpp[15], 0.9 * before);
}

// A.2 "Interruptions": more hands-off time, less coronary flow.
TEST(Cpr, InterruptedCompressionsGiveLessCoronaryFlow) {
  // Measured over three whole 30:2 cycles (16.4 s of compressions, 10 s of pause), so that the
  // window holds as much pause as the cycle does.
  const double cycle = 30.0 * 60.0 / 110.0 + 10.0;
  const Means continuous = steady(cpr(55.0, 110.0));
  const Means interrupted = steady(cpr(55.0, 110.0, 0.0, 30, 10.0), 3.0 * cycle);
  // Compressions run 62% of the time, so coronary flow that followed them would fall to 0.62 of
  // continuous, and a CPP rebuilt over 10-15 compressions (A.2, [U]) lower. The model gives 0.86:
  // it rebuilds CPP
  // in two compressions and overshoots on the preload the pause let back into the chest
  // (models/cpr/README.md, "What it does not do"), so only the direction is held here.
  EXPECT_LT(interrupted.coronary, 0.9 * continuous.coronary);
  // Forward flow over time, pauses included (the cycle CO signal follows compressions only, so
  // a pause that lets the veins refill can even raise it).
  EXPECT_LT(interrupted.forward_flow, 0.85 * continuous.forward_flow);
}

// A chamber or vein cannot give more blood than it holds: deep compressions squeeze the right
// atrium and the thoracic veins empty each stroke, and their walls meeting stops them there
// (models/cardiovascular "Collapse"; before it the RA reached -110 mL and the LV -196 mL at 60 mm).
TEST(Cpr, DeepCompressionsEmptyTheChestsVeinsButNeverFarBelowZero) {
  Sim sim = arrest_with(cpr(60.0, 110.0));
  double lowest[cv::kNumVolumes];
  std::fill(std::begin(lowest), std::end(lowest), 1e9);
  for (int i = 0; i < 6000; ++i) {  // 60 s, every 10 ms
    sim.advance(0.01);
    for (int k = 0; k < cv::kNumVolumes; ++k)
      lowest[k] = std::min(lowest[k], sim.state().circulation.x[k]);
  }
  // The floor is soft (its stiffness is capped for the 2 ms step): a few mL under at worst.
  for (int k = 0; k < cv::kNumVolumes; ++k) EXPECT_GT(lowest[k], -5.0) << "compartment " << k;
  // Yet the squeeze does empty them: the RA and the thoracic veins near their floor.
  EXPECT_LT(lowest[cv::kRA], 20.0);
  EXPECT_LT(lowest[cv::kThoracicVeins], 20.0);
}

// Row 87 (Ristagno 2013): the VF substrate improves under CPR deeper than ~4.4 cm and worsens under
// shallower CPR (AMSA follows the myocardial energy).
TEST(Cpr, DeepCompressionsRestoreTheMyocardiumShallowOnesDoNot) {
  auto energy_trend = [](double depth) {
    Sim sim(male(), 1);
    apply(sim, ActionKind::kRhythm, [](NamedAction& a) { a.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse); });
    sim.advance(300.0);
    // Ventilated as the file's other scenarios (and row 87's patients) are: the muscle's supply is
    // O2, and compressions without breaths desaturate the blood within minutes.
    apply(sim, ActionKind::kAirway, [](NamedAction& a) { a.airway = 3; });  // tracheal tube
    apply(sim, ActionKind::kVentilation, [](NamedAction& a) {
      a.vent_mode = 2;  // bag at a set rate
      a.rate_per_min = 10.0;
      a.tidal_volume_mL = 500.0;
    });
    sim.apply(cpr(depth));
    sim.advance(30.0);
    const double start = sim.signal(kMyocardialEnergy);
    sim.advance(240.0);
    return sim.signal(kMyocardialEnergy) - start;
  };
  EXPECT_GT(energy_trend(55.0), 0.0);
  EXPECT_LT(energy_trend(35.0), 0.0);
}

// The host's stream is as good as the engine's own rescuer: the same compressions sampled by a
// 200 Hz sensor give the same perfusion (the engine ramps between samples inside its steps).
TEST(Cpr, StreamedDepthMatchesTheProgrammedCompressions) {
  const Means programmed = steady(cpr(55.0, 110.0));
  Sim sim = arrest_with(cpr(55.0, 110.0));
  NamedAction stop{};
  stop.kind = ActionKind::kCprStop;
  sim.apply(validated(stop));
  const double period = 60.0 / 110.0, push = 0.5 * period;
  const double t0 = sim.time();
  auto depth = [&](double t) {
    const double phase = std::fmod(t - t0, period);
    return phase < push ? 55.0 * std::sin(3.141592653589793 * phase / push) : 0.0;
  };
  for (int i = 0; i < 60 * 200; ++i) {
    ASSERT_EQ(sim.set_compression_depth(depth(sim.time())), Status::kOk);
    sim.advance(0.005);
  }
  Means streamed;
  const int n = 30;
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < 200; ++k) {
      ASSERT_EQ(sim.set_compression_depth(depth(sim.time())), Status::kOk);
      sim.advance(0.005);
    }
    streamed.cpp += sim.signal(kCoronaryPerfusion) / n;
    streamed.co += sim.signal(kCardiacOutput) / n;
  }
  EXPECT_NEAR(streamed.cpp, programmed.cpp, 0.1 * programmed.cpp);
  EXPECT_NEAR(streamed.co, programmed.co, 0.1 * programmed.co);
  EXPECT_NEAR(sim.signal(kCprRate), 110.0, 3.0);
  EXPECT_NEAR(sim.signal(kCprDepth), 55.0, 3.0);
}

// Out-of-range streamed depth is refused and changes nothing.
TEST(Cpr, BadStreamedDepthIsRefused) {
  Sim sim(male(), 1);
  for (double bad : {-1.0, 100.5, std::nan("")})
    EXPECT_EQ(sim.set_compression_depth(bad), Status::kInvalidArgument) << bad;
  sim.advance(1.0);
  EXPECT_EQ(sim.signal(kChestDepth), 0.0);
  EXPECT_EQ(sim.set_bag_flow(-5.0), Status::kInvalidArgument);
}

// Palpation for manikin actuators: a normal pulse is strong at both sites; VF has none; CPR makes
// a carotid pulse a rescuer can feel (ATLS teaching: carotid from ~60 mmHg systolic).
TEST(Cpr, PalpablePulsesFollowThePressureWaveforms) {
  Sim sim(male(), 1);
  sim.advance(10.0);
  EXPECT_GT(sim.signal(kCarotidPulse), 0.9);
  EXPECT_GT(sim.signal(kFemoralPulse), 0.9);
  apply(sim, ActionKind::kRhythm, [](NamedAction& a) { a.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse); });
  sim.advance(30.0);
  EXPECT_LT(sim.signal(kCarotidPulse), 0.05);
  EXPECT_LT(sim.signal(kFemoralPulse), 0.05);
  sim.apply(cpr(60.0));
  sim.advance(20.0);
  EXPECT_GT(sim.signal(kCarotidPulse), 0.3);
  // The actuator follows each compression: it swings between low and high.
  double lo = 1.0, hi = 0.0;
  for (int i = 0; i < 100; ++i) {
    sim.advance(0.01);
    lo = std::min(lo, sim.signal(kCarotidActuator));
    hi = std::max(hi, sim.signal(kCarotidActuator));
  }
  EXPECT_GT(hi - lo, 0.2);
}

}  // namespace
}  // namespace resus
