// Arrest outcomes over many virtual patients (issue 13; physiology.md A.8, B.5 rows 86-91): the
// same patients (seeds) in each arm, as a trial would. Long, so it runs with the slow checks.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "engine/sim.hpp"
#include "models/electrophysiology/conduction.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;
using test::adult;
using test::palpable_pulse;

bool shockable(const Sim& sim) {
  const auto r = static_cast<ep::Rhythm>(static_cast<int>(sim.signal(kRhythmId)));
  return r == ep::Rhythm::kVfCoarse || r == ep::Rhythm::kVfFine || r == ep::Rhythm::kPulselessVt;
}

struct Course {
  bool rosc;         // a pulse at any rhythm check
  double amsa;       // before the first shock
  bool first_shock;  // a pulse at the check after the first shock
};

// VF; bystander CPR from the collapse or none; at `delay_s` a crew intubates, ventilates and
// shocks, then runs 2-minute cycles (a 10 s pulse check, a shock for VF, CPR otherwise,
// epinephrine every 4 minutes from the second cycle) for 10 minutes.
Course arrest(uint64_t seed, double delay_s, bool bystander) {
  Sim sim(adult(), seed, 0);
  act(sim, R"({"do":"rhythm","rhythm":"vf_coarse"})");
  if (bystander) act(sim, R"({"do":"cpr_start","depth_mm":50,"compressions_per_cycle":30,"breaths_per_pause":2})");
  sim.advance(delay_s);
  act(sim, R"({"do":"airway","airway":"tracheal_tube"})");
  act(sim, R"({"do":"oxygen","fio2":1})");
  act(sim, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":10})");
  Course c{false, sim.signal(kAmsa), false};
  for (int cycle = 0; cycle < 5; ++cycle) {
    if (shockable(sim)) act(sim, R"({"do":"shock","energy_J":150})");
    act(sim, R"({"do":"cpr_stop"})");
    sim.advance(10.0);
    if (palpable_pulse(sim)) {
      c.rosc = true;
      if (cycle <= 1) c.first_shock = true;
      sim.advance(110.0);
      continue;
    }
    act(sim, R"({"do":"cpr_start","depth_mm":55})");
    if (cycle % 2 == 1) act(sim, R"({"do":"drug","drug":"epinephrine","flush_mL":20})");
    sim.advance(110.0);
  }
  return c;
}

// Row 91 and Larsen 1993: survival falls with each minute to the first shock, much faster without
// CPR; AMSA is higher before the shocks that succeed (Ristagno 2013, row 86).
TEST(Outcomes, RoscFallsWithTheDelayToTheFirstShockFasterWithoutCpr) {
  constexpr int kPatients = 12;
  int rosc[2][2] = {};  // [bystander][late]
  double amsa_success = 0, amsa_failure = 0;
  int n_success = 0, n_failure = 0;
  for (uint64_t seed = 1; seed <= kPatients; ++seed) {
    for (int bystander = 0; bystander < 2; ++bystander) {
      for (int late = 0; late < 2; ++late) {
        const Course c = arrest(seed, late ? 720.0 : 120.0, bystander);
        rosc[bystander][late] += c.rosc;
        (c.first_shock ? amsa_success : amsa_failure) += c.amsa;
        ++(c.first_shock ? n_success : n_failure);
      }
    }
  }
  std::printf("ROSC of %d: shock at 2 min %d (no CPR) %d (CPR); at 12 min %d (no CPR) %d (CPR)\n",
              kPatients, rosc[0][0], rosc[1][0], rosc[0][1], rosc[1][1]);
  std::printf("AMSA before the first shock: %.1f when it gave a pulse (%d), %.1f when not (%d)\n",
              amsa_success / n_success, n_success, amsa_failure / std::max(n_failure, 1), n_failure);
  EXPECT_GE(rosc[0][0], kPatients - 1);              // the electrical phase
  EXPECT_LE(rosc[0][1], rosc[0][0] - kPatients / 3);  // the metabolic phase without CPR
  EXPECT_GE(rosc[1][1], rosc[0][1] + kPatients / 4);  // CPR slows the fall
  ASSERT_GT(n_failure, 0);
  EXPECT_GT(amsa_success / n_success, amsa_failure / n_failure + 3.0);
}

// A non-shockable arrest (asystole or PEA from the collapse) found after 7 minutes without
// flow; a crew intubates, gives 100% O2 at 10 breaths/min and compresses at `depth_mm` in
// 2-minute cycles with a pulse check, for 20 minutes, with epinephrine 1 mg (humeral IO) 60 s into
// the first cycle and every 4 minutes, or none. True when a pulse was felt at a check.
bool non_shockable(uint64_t seed, const char* rhythm, double depth_mm, bool epinephrine) {
  Sim sim(adult(), seed, 0);
  sim.advance(30.0);
  act(sim, std::string(R"({"do":"rhythm","rhythm":")") + rhythm + "\"}");
  sim.advance(420.0);
  act(sim, R"({"do":"airway","airway":"tracheal_tube"})");
  act(sim, R"({"do":"oxygen","fio2":1})");
  act(sim, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":10})");
  for (int cycle = 0; cycle < 10; ++cycle) {
    act(sim, R"({"do":"cpr_start","depth_mm":)" + std::to_string(depth_mm) + "}");
    sim.advance(60.0);
    if (epinephrine && cycle % 2 == 0)
      act(sim, R"({"do":"drug","drug":"epinephrine","route":"io_humeral","flush_mL":10})");
    sim.advance(60.0);
    act(sim, R"({"do":"cpr_stop"})");
    sim.advance(8.0);
    if (palpable_pulse(sim)) return true;
  }
  return false;
}

// PARAMEDIC2 (Perkins 2018, NEJM 379:711; als-next.md 6.3): epinephrine roughly triples ROSC in
// out-of-hospital arrest, most of whose first rhythms are non-shockable; issue 13: a
// non-shockable arrest comes back more often with good CPR and epinephrine than without either.
// The drug acts here through beta-1, which the arrest's own surge leaves room for in a starved
// heart (models/pharmacology, "Starved hearts hold against beta-1"): escape from asystole and a
// faster, stronger PEA. A 7-minute no-flow arrest with a drug at 1 minute of ALS: here 2x.
TEST(Outcomes, EpinephrineAndDeepCprBringNonShockableArrestsBack) {
  constexpr int kPatients = 12;
  int deep_epi = 0, deep_none = 0, shallow_epi = 0;
  for (uint64_t seed = 1; seed <= kPatients; ++seed) {
    for (const char* rhythm : {"asystole", "pea"}) {
      deep_epi += non_shockable(seed, rhythm, 50.0, true);
      deep_none += non_shockable(seed, rhythm, 50.0, false);
      shallow_epi += non_shockable(seed, rhythm, 38.0, true);
    }
  }
  std::printf("ROSC of %d non-shockable arrests: 50 mm with epinephrine %d, without %d; 38 mm "
              "with it %d\n", 2 * kPatients, deep_epi, deep_none, shallow_epi);
  EXPECT_GE(deep_epi, deep_none + 3);     // the drug (PARAMEDIC2: 3x; here 10 and 5)
  EXPECT_GE(2 * deep_epi, 3 * deep_none);
  EXPECT_GE(deep_epi, shallow_epi + 4);   // the compressions
  EXPECT_GE(deep_none, 2);                // CPR alone brings some back
  EXPECT_LE(deep_epi, 2 * kPatients * 3 / 4);  // a 7-minute no-flow arrest is not benign
}

// als-next.md 5.2 (Unneland 2024, 763 in-hospital episodes): after ROSC from a non-shockable
// rhythm the heart fibrillates at 2% per minute, constant (the 95% Poisson range of ~9 events in
// ~450 minutes is 0.009-0.033). Here the reperfused, injured heart of a hypoxic arrest: 2 mg of
// fentanyl, nobody there, a crew at 12 minutes whose oxygen and compressions bring the pulse back
// in PEA's organised rhythm (examples/scenarios/opioid_arrest.json), naloxone at 14, the
// compressions stopped at 16; watched for the next 14 minutes.
TEST(Outcomes, AHeartBackFromAHypoxicArrestFibrillatesAtTheRegistryRate) {
  constexpr int kPatients = 32;
  int rosc = 0, rearrests = 0;
  double minutes = 0.0;
  for (uint64_t seed = 1; seed <= kPatients; ++seed) {
    Sim sim(adult(), seed, 0);
    sim.advance(60.0);
    act(sim, R"({"do":"drug","drug":"fentanyl","dose":2000,"unit":"ug"})");
    sim.advance(660.0);
    ASSERT_FALSE(palpable_pulse(sim)) << seed;
    act(sim, R"({"do":"airway","airway":"bag_mask"})");
    act(sim, R"({"do":"oxygen","source":"bag_reservoir"})");
    act(sim, R"({"do":"cpr_start","depth_mm":55,"compressions_per_cycle":30,"breaths_per_pause":2,"tidal_volume_mL":500})");
    sim.advance(120.0);
    act(sim, R"({"do":"drug","drug":"naloxone","dose":2,"unit":"mg","route":"io_humeral","flush_mL":10})");
    sim.advance(120.0);
    act(sim, R"({"do":"cpr_stop"})");
    if (!palpable_pulse(sim) || shockable(sim)) continue;
    ++rosc;
    for (int check = 0; check < 84; ++check) {
      sim.advance(10.0);
      minutes += 10.0 / 60.0;
      if (shockable(sim)) {
        ++rearrests;
        break;
      }
    }
  }
  const double hazard = rearrests / minutes;
  std::printf("after a non-shockable ROSC: %d of %d patients fibrillate, %.0f minutes at risk, "
              "%.3f per minute\n", rearrests, rosc, minutes, hazard);
  EXPECT_GE(rosc, kPatients * 3 / 4);
  EXPECT_GT(hazard, 0.008);
  EXPECT_LT(hazard, 0.045);
}

}  // namespace
}  // namespace resus
