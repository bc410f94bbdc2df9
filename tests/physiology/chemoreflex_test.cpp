// The peripheral chemoreflex and the lung-stretch receptors (models/autonomic, Ursino and Magosso
// 2000): hypoxia slows the heart when the lungs are still and does not when they breathe.
#include <gtest/gtest.h>

#include <cstdio>

#include "engine/sim.hpp"
#include "models/autonomic/chemoreflex.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;

// Magosso and Ursino 2001's carotid body: ~3.6 spikes/s at rest (the resting firing their
// efferent thresholds imply), rising as PO2 falls, more with CO2, and hypoxia steepens the CO2
// response (the O2-CO2 interaction).
TEST(Chemoreflex, CarotidBodyFiresWithHypoxiaAndCo2) {
  const autonomic::ChemoreflexParams p = autonomic::reference_chemoreflex();
  const autonomic::Chemoreflex c(p, {});
  EXPECT_NEAR(c.chemoreceptor_firing(95.0, 40.0), 3.6, 0.15);
  double last = 0.0;
  for (double po2 = 150.0; po2 >= 10.0; po2 -= 5.0) {
    EXPECT_GT(c.chemoreceptor_firing(po2, 40.0), last) << po2;
    last = c.chemoreceptor_firing(po2, 40.0);
  }
  const double normoxic = c.chemoreceptor_firing(95.0, 50.0) - c.chemoreceptor_firing(95.0, 40.0);
  const double hypoxic = c.chemoreceptor_firing(40.0, 50.0) - c.chemoreceptor_firing(40.0, 40.0);
  EXPECT_GT(normoxic, 0.0);
  EXPECT_GT(hypoxic, 2.0 * normoxic);
  EXPECT_LT(c.chemoreceptor_firing(500.0, 40.0), 1.5) << "hyperoxia silences the carotid body";
}

std::shared_ptr<const Model> adult_with_chemoreflex(double gain) {
  PatientDef def;
  def.overrides = {{"chemoreflex_gain", gain}};
  return Model::compile(def);
}

double heart_rate_over(Sim& sim, double seconds) {
  return test::mean_over(sim, kHeartRate, seconds, 0.5);
}

// Asphyxia (a complete airway obstruction, room air): the lungs stop inflating at once and the
// blood desaturates over minutes. The heart slows: first as the lung-stretch receptors fall
// silent (the RR interval lengthens at a respiratory pause faster than the gases change: Haddad
// 1987, puppies), then as the chemoreceptors fire (curare-apnoeic dogs: marked bradycardia;
// breath-hold divers: HR 49 +/- 8 at SaO2 46 +/- 11%, Koskolou 2023 - with the face immersion's
// diving reflex, which the model does not have). Breathing 10% O2 instead, the lungs inflate
// more and the heart speeds up (human poikilocapnic hypoxia: HR up 15-30/min at SaO2 ~65%).
// Without the chemoreflex (denervated control) asphyxia gives no bradycardia.
TEST(Chemoreflex, HypoxiaSlowsTheHeartInApnoeaAndSpeedsItWhileBreathing) {
  struct Course {
    double rest, onset, desaturated, sao2;
    double chemo_rest, chemo, stretch;  // afferent firing, spikes/s
  };
  auto asphyxia = [](double gain) {
    Sim sim(adult_with_chemoreflex(gain), 1, 0);
    Course c{heart_rate_over(sim, 20.0), 0, 0, 0, sim.signal(kChemoreceptorFiring), 0, 0};
    act(sim, R"({"do":"condition","condition":"airway_obstruction"})");
    c.onset = heart_rate_over(sim, 20.0);
    sim.advance(100.0);
    c.desaturated = heart_rate_over(sim, 20.0);  // 2-2.3 minutes in
    c.sao2 = sim.signal(kSao2);
    c.chemo = sim.signal(kChemoreceptorFiring);
    c.stretch = sim.signal(kLungStretchFiring);
    return c;
  };
  const Course intact = asphyxia(1.0), denervated = asphyxia(0.0);
  std::printf("asphyxia HR: rest %.1f, first 20 s %.1f, at SaO2 %.0f%% %.1f (denervated %.1f, %.1f)\n",
              intact.rest, intact.onset, intact.sao2, intact.desaturated, denervated.onset,
              denervated.desaturated);
  EXPECT_LT(intact.sao2, 70.0);
  EXPECT_GT(intact.sao2, 40.0);
  // -1.5/min here (-2 before the baroreflex's full static gain of 2026-12-07, which opposes the
  // slowing more); Haddad's pause gives a direction, not a size.
  EXPECT_LT(intact.onset, intact.rest - 1.0) << "lung-stretch withdrawal";
  EXPECT_LT(intact.desaturated, intact.rest - 8.0) << "chemoreflex bradycardia";
  EXPECT_GE(denervated.desaturated, denervated.rest - 1.0);
  EXPECT_GT(intact.chemo, 2.0 * intact.chemo_rest);
  EXPECT_LT(intact.stretch, 0.5) << "the lungs do not inflate";

  Sim breathing(adult_with_chemoreflex(1.0), 1, 0);
  const double rest = heart_rate_over(breathing, 20.0);
  act(breathing, R"({"do":"oxygen","fio2":0.10})");
  breathing.advance(570.0);
  const double hypoxic = heart_rate_over(breathing, 30.0);
  std::printf("breathing 10%% O2: HR %.1f -> %.1f at SaO2 %.0f%%\n", rest, hypoxic,
              breathing.signal(kSao2));
  EXPECT_GT(hypoxic, rest + 10.0);
  EXPECT_LT(hypoxic, rest + 35.0);
}

}  // namespace
}  // namespace resus
