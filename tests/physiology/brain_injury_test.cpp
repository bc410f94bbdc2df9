// The brain after reperfusion (models/brain, "Secondary injury" and "Post-anoxic seizures"):
// fever, hyperoxaemia and a delivery short of the penumbra add to the ischaemia index of a brain
// an arrest has injured, and never to an uninjured one; a comatose, injured, reperfused brain
// seizes at the rate the cohorts report, mostly in the first day.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "engine/rng.hpp"
#include "models/brain/brain.hpp"

namespace resus {
namespace {

namespace br = resus::brain;

// A brain after `ischaemia_min` of no-flow-equivalent ischaemia, reperfused and comatose.
br::BrainState reperfused_after(const br::BrainParams& p, double ischaemia_min) {
  br::BrainState s = br::initial_state(p);
  s.ischaemia_min = ischaemia_min;
  s.consciousness = 0.0;
  return s;
}

// `hours` of reperfusion at a delivery share, core temperature and PaO2; 10-ms ticks as the engine.
void reperfuse(const br::BrainParams& p, br::BrainState& s, double hours, double flow_ratio,
               double temperature_C, double pao2_mmHg) {
  const br::BrainInputs in{0.01, flow_ratio, 1.0, temperature_C, pao2_mmHg};
  for (double t = 0.0; t < hours * 3600.0; t += in.dt_s) br::step(p, in, s);
}

// Zeiner 2001 (Arch Intern Med 161:2007): each C of peak temperature above 37 C in the first 48 h
// raised the odds of an unfavourable outcome 2.26-fold (logit 0.82); Bro-Jeppesen 2013: HR 1.6 per
// 8 h of fever. At the proxy's ~0.45 logit per index minute (favourable under 5, coma above
// ~15: README) that is 1-4 index minutes for a day of fever a degree above the threshold.
TEST(BrainInjury, FeverInjuresOnlyABrainTheArrestInjured) {
  const br::BrainParams p = br::default_brain_params();
  br::BrainState injured = reperfused_after(p, 10.0), intact = reperfused_after(p, 0.0);
  reperfuse(p, injured, 24.0, 1.0, 38.5, 100.0);
  reperfuse(p, intact, 24.0, 1.0, 38.5, 100.0);
  EXPECT_GT(injured.secondary_min, 1.0);
  EXPECT_LT(injured.secondary_min, 4.0);
  EXPECT_EQ(intact.secondary_min, 0.0);
  // Normothermia and normoxia at full flow add nothing.
  br::BrainState cared = reperfused_after(p, 10.0);
  reperfuse(p, cared, 24.0, 1.0, 37.0, 100.0);
  EXPECT_EQ(cared.secondary_min, 0.0);
  EXPECT_DOUBLE_EQ(br::injury_index(injured), injured.ischaemia_min + injured.secondary_min);
}

// Roberts 2018 (Circulation): PaO2 above 300 mmHg in the first 6 h, poor outcome 77% vs 65% (about
// 0.6 logit); Elmer 2015: OR 1.2 per hour above 300. Six hours at 400 mmHg: 0.6-2.5 index minutes.
// Trzeciak 2009: systolic pressure below 90 in the first hour, OR 2.7 for death (logit 1.0): an
// hour of a delivery halfway into the penumbra adds about 1-2 minutes; the BOX trial (Kjaergaard
// 2022: MAP 63 vs 77 mmHg, the same outcome) bounds the penumbra: a delivery of 0.6, what a MAP
// of ~63 gives a brain without autoregulation, adds nothing.
TEST(BrainInjury, HyperoxaemiaAndHypoperfusionAddToTheIndex) {
  const br::BrainParams p = br::default_brain_params();
  br::BrainState hyperoxic = reperfused_after(p, 10.0);
  reperfuse(p, hyperoxic, 6.0, 1.0, 37.0, 400.0);
  EXPECT_GT(hyperoxic.secondary_min, 0.6);
  EXPECT_LT(hyperoxic.secondary_min, 2.5);
  br::BrainState hypotensive = reperfused_after(p, 10.0);
  reperfuse(p, hypotensive, 1.0, 0.42, 37.0, 100.0);
  EXPECT_GT(hypotensive.secondary_min, 0.5);
  EXPECT_LT(hypotensive.secondary_min, 2.0);
  br::BrainState box_low_target = reperfused_after(p, 10.0);
  reperfuse(p, box_low_target, 24.0, 0.6, 37.0, 100.0);
  EXPECT_EQ(box_low_target.secondary_min, 0.0);
  // Below the injury threshold the ischaemia counts, not the penumbra: a minute of no flow is a
  // minute of ischaemia, as before.
  br::BrainState arrested = reperfused_after(p, 10.0);
  reperfuse(p, arrested, 1.0 / 60.0, 0.0, 37.0, 100.0);
  EXPECT_GT(arrested.ischaemia_min, 10.7);
  br::BrainState feverish_arrest = reperfused_after(p, 10.0);
  reperfuse(p, feverish_arrest, 1.0 / 6.0, 0.0, 39.0, 100.0);
  // Ten minutes of no flow in a fever: only the seconds before the delivery falls count.
  EXPECT_LT(feverish_arrest.secondary_min, 0.001);
}

// Lybeck 2017 (Resuscitation 114:146, TTM trial, 939 comatose survivors): clinical seizures in 29%
// within 7 days, as often at 33 as at 36 C; Rittenberger 2012: most within the first ~12 h of EEG.
// Seder 2015: patients with myoclonus had longer ischaemic times. Over 600 virtual brains per
// injury (the engine's own counter-based draws): none below the seizure index, 25-50% by 72 h at
// full severity, and most of those in the first day.
TEST(BrainInjury, ComatoseInjuredBrainsSeizeMostlyInTheFirstDay) {
  const br::BrainParams p = br::default_brain_params();
  const Rng rng(2026, 0);
  uint32_t draw = 0;
  auto share_seizing = [&](double ischaemia_min, double hours, int* in_first_day) {
    int seized = 0;
    constexpr int kBrains = 600;
    for (int b = 0; b < kBrains; ++b) {
      br::BrainState s = reperfused_after(p, ischaemia_min);
      s.delivery = 1.0;
      const br::BrainInputs in{60.0, 1.0, 1.0, 37.0, 100.0};  // a minute at a time, held comatose
      for (double t = 0.0; t < hours * 3600.0; t += in.dt_s) {
        const double hazard = br::seizure_hazard_per_s(p, s, 5.0);
        s.consciousness = 0.0;
        if (hazard > 0.0 && rng.uniform(RngStream::kBrain, draw++) < hazard * in.dt_s) {
          ++seized;
          if (in_first_day && t < 24.0 * 3600.0) ++*in_first_day;
          break;
        }
        s.reperfused_s += in.dt_s;
      }
    }
    return seized / static_cast<double>(kBrains);
  };
  EXPECT_EQ(share_seizing(4.0, 72.0, nullptr), 0.0);
  int first_day = 0;
  const double severe = share_seizing(20.0, 72.0, &first_day);
  EXPECT_GT(severe, 0.25);
  EXPECT_LT(severe, 0.50);
  EXPECT_GT(first_day, 0.55 * severe * 600);
  const double moderate = share_seizing(10.0, 72.0, nullptr);
  EXPECT_LT(moderate, severe);
  EXPECT_GT(moderate, 0.05);
  // A seizure raises the cortex's demand: at a flow that met it, the delivery share falls, and
  // the patient is unresponsive for its length.
  br::BrainState s = reperfused_after(p, 20.0);
  br::start_seizure(p, s);
  reperfuse(p, s, 60.0 / 3600.0, 1.0, 37.0, 100.0);
  EXPECT_NEAR(s.delivery, 1.0 / p.seizure_demand, 0.05);
  EXPECT_EQ(s.consciousness, 0.0);
  reperfuse(p, s, 120.0 / 3600.0, 1.0, 37.0, 100.0);
  EXPECT_EQ(s.seizure_s, 0.0);
}

// Neuroglycopenia (README, "Glucose"): the EEG slows at a median 2.0 mmol/L (Pramming 1988) and
// volunteers at a brief nadir of 1.7 stayed conscious (Ann Emerg Med 1999): awake at 2.0, still
// mostly so at 1.7 (0.7-1.0), unresponsive at 1.0; at full O2 it comes back with the glucose.
// Seizures start only below 2.0, awake or not.
TEST(BrainInjury, AWantOfGlucoseDimsConsciousnessAndBringsSeizures) {
  const br::BrainParams p = br::default_brain_params();
  auto awake_at = [&](double glucose, br::BrainState& s) {
    br::BrainInputs in{0.01, 1.0, 1.0, 37.0, 100.0};
    in.glucose_mmol_L = glucose;
    for (double t = 0.0; t < 300.0; t += in.dt_s) br::step(p, in, s);
    return s.consciousness;
  };
  br::BrainState s = br::initial_state(p);
  EXPECT_NEAR(awake_at(5.0, s), 1.0, 1e-12);
  EXPECT_NEAR(awake_at(2.0, s), 1.0, 1e-12);
  EXPECT_EQ(br::seizure_hazard_per_s(p, s, 2.0), 0.0);
  const double at_1_7 = awake_at(1.7, s);
  EXPECT_GT(at_1_7, 0.7);
  EXPECT_LT(at_1_7, 1.0);
  EXPECT_LT(awake_at(1.0, s), 1e-6);
  // An unresponsive patient at 1.0 seizes at the full rate; one at 1.7 at about a fifth of it.
  EXPECT_NEAR(br::seizure_hazard_per_s(p, s, 1.0) * 3600.0, p.glucose_seizure_per_h, 1e-12);
  EXPECT_GT(br::seizure_hazard_per_s(p, s, 1.7), 0.0);
  EXPECT_LT(br::seizure_hazard_per_s(p, s, 1.7), 0.25 * br::seizure_hazard_per_s(p, s, 1.0));
  EXPECT_GT(awake_at(4.0, s), 0.99);  // the glucose given back, the patient wakes
  EXPECT_EQ(s.ischaemia_min, 0.0);    // and the index counts only O2 (README)
}

}  // namespace
}  // namespace resus
