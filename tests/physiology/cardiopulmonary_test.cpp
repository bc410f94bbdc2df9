// The cardiopulmonary (low-pressure) reflex (models/autonomic, Heldt 2002): an unloaded right
// atrium constricts the vessels, not the heart, and a distended one does nothing here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "engine/patient.hpp"
#include "engine/sim.hpp"
#include "models/autonomic/cardiopulmonary.hpp"
#include "../support/named_action.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::NamedAction;

// Heldt's static gains through the saturation: after two minutes at a steady unloading the lags
// have settled, and the shift is the gain x S atan(e / S).
TEST(Cardiopulmonary, SettlesToHeldtsSaturatedGains) {
  const autonomic::CardiopulmonaryParams p = autonomic::reference_cardiopulmonary();
  const autonomic::Cardiopulmonary reflex(p, {8.0, 1, 0}, 0.01);
  autonomic::CardiopulmonaryState s{};
  for (int i = 0; i < 12000; ++i) reflex.tick(6.0, s);  // 2 mmHg unloaded for 120 s
  const double e = 5.0 * std::atan(2.0 / 5.0);
  const autonomic::VascularShift v = reflex.shift(s);
  EXPECT_NEAR(v.splanchnic_mL, 64.0 * e, 0.01 * 64.0 * e);
  EXPECT_NEAR(v.extrasplanchnic_mL, 46.0 * e, 0.01 * 46.0 * e);
  EXPECT_NEAR(v.resistance_share, 0.05 / 3.75 * e, 0.01 * 0.05 / 3.75 * e);

  // Loading does not act, and an atrium emptied far past the saturation gives its ceiling.
  autonomic::CardiopulmonaryState loaded{};
  for (int i = 0; i < 12000; ++i) reflex.tick(20.0, loaded);
  EXPECT_EQ(reflex.shift(loaded).splanchnic_mL, 0.0);
  autonomic::CardiopulmonaryState empty{};
  for (int i = 0; i < 12000; ++i) reflex.tick(-500.0, empty);
  EXPECT_GT(reflex.shift(empty).splanchnic_mL, 0.98 * 64.0 * 5.0 * std::numbers::pi / 2.0);
  // A distended atrium (an arrest's) winds the lags back by the saturation at most, so a later
  // unloading acts within the lags' own time: 2 min at +30 mmHg, then 2 min unloaded by 2 mmHg.
  autonomic::CardiopulmonaryState after_arrest{};
  for (int i = 0; i < 12000; ++i) reflex.tick(38.0, after_arrest);
  for (int i = 0; i < 12000; ++i) reflex.tick(6.0, after_arrest);
  EXPECT_NEAR(reflex.shift(after_arrest).splanchnic_mL, 64.0 * e, 0.05 * 64.0 * e);
  // Before the model's reference is found (active 0) nothing acts.
  const autonomic::Cardiopulmonary settling(p, {8.0, 0, 0}, 0.01);
  autonomic::CardiopulmonaryState quiet{};
  for (int i = 0; i < 1000; ++i) settling.tick(0.0, quiet);
  EXPECT_EQ(settling.shift(quiet).resistance_share, 0.0);
}

struct Vitals {
  double hr, map, cvp, co;
};

Vitals bleed(double share, double cp_gain) {
  PatientDef def;
  def.overrides = {{"cardiopulmonary_reflex_gain", cp_gain}};
  auto model = Model::compile(def);
  Sim sim(model);
  const double loss = share * model->params().blood_volume_mL;
  sim.apply(validated(NamedAction{ActionKind::kHemorrhage, 0, loss / 5.0, loss}));
  sim.advance(340.0);
  Vitals v{};  // a minute's mean: the beats and breaths move each reading
  for (int i = 0; i < 600; ++i) {
    sim.advance(0.1);
    v.hr += sim.signal(kHeartRate) / 600.0;
    v.map += sim.signal(kMeanArterial) / 600.0;
    v.cvp += sim.signal(kCentralVenous) / 600.0;
    v.co += sim.signal(kCardiacOutput) / 600.0;
  }
  return v;
}

// Mild central hypovolaemia is met by the veins and vessels before the heart: lower-body negative
// pressure of -10 to -20 mmHg (a few mmHg off the CVP) raises vascular resistance with neither the
// heart rate nor the mean pressure changing much (Johnson et al. 1974, Circ Res 34:515; Heldt
// 2002). Against the same patient without the reflex: a bleed of 10% keeps a higher CVP and
// output at the same pressure and rate (the arterial reflex holds the pressure either way), one
// of 25% a higher pressure as well, and the arterial reflex, seeing it, asks for less rate.
TEST(Cardiopulmonary, HoldsTheFillingAndPressureOfABleedThroughTheVeins) {
  Vitals with{}, without{};
  for (double share : {0.10, 0.25}) {
    with = bleed(share, 1.0), without = bleed(share, 0.0);
    std::printf("%.0f%% loss, with / without: MAP %.1f / %.1f, CVP %.2f / %.2f, CO %.2f / %.2f, "
                "HR %.1f / %.1f\n",
                100 * share, with.map, without.map, with.cvp, without.cvp, with.co, without.co,
                with.hr, without.hr);
    EXPECT_GT(with.cvp, without.cvp + 0.1) << share;
    EXPECT_GT(with.co, without.co) << share;
    EXPECT_GT(with.map, without.map - 0.5) << share;
    EXPECT_LE(with.hr, without.hr + 1.0) << share;
  }
  EXPECT_GT(with.map, without.map + 3.0);  // the 25% bleed
  EXPECT_LT(with.hr, without.hr - 3.0);
}

// At rest the reflex rests: its set point is the resting mean found when the model is compiled
// (over a window that is a whole number of breaths and beats only at 14 and 72/min), so over five
// minutes of rest its lagged unloading stays within a few tenths of a mmHg of zero, in either
// preset (the woman's set rate is 78/min), and it moves no pressure.
TEST(Cardiopulmonary, RestsAtRest) {
  for (const char* preset : {"adult_male_70kg", "adult_female_60kg"}) {
    double map[2] = {0.0, 0.0}, worst = 0.0;
    for (int on = 0; on < 2; ++on) {
      PatientDef def;
      def.preset = preset;
      def.overrides = {{"cardiopulmonary_reflex_gain", static_cast<double>(on)}};
      Sim sim(Model::compile(def));
      for (int i = 0; i < 600; ++i) {
        sim.advance(0.5);
        map[on] += sim.signal(kMeanArterial) / 600.0;
        const autonomic::CardiopulmonaryState& c = sim.state().reflex.cardiopulmonary;
        worst = std::max({worst, std::abs(c.venous_slow), std::abs(c.resistance_slow)});
      }
    }
    EXPECT_LT(worst, 0.3) << preset;
    EXPECT_NEAR(map[1], map[0], 0.5) << preset;
  }
}

// On by default; `cardiopulmonary_reflex_gain` 0 is the control.
TEST(Cardiopulmonary, IsOnByDefault) {
  EXPECT_EQ(Model::compile(PatientDef{})->params().baroreflex.cardiopulmonary.gain_scale, 1.0);
}

}  // namespace
}  // namespace resus
