// Premature ventricular beats (isolated ectopy): hypokalaemia's and ischaemia's, their timing
// against the sinus rhythm, what they pump, and what suppresses them. Sources: physiology.md
// (hypokalaemia: ectopy below 2.5-3.0 mmol/L), Papademetriou 1983 (Am J Cardiol 52:1017: little
// at 2.8 in uncomplicated patients), Nordrehaug 1985 (Circulation 71:645: early in an acute
// infarct, a lower potassium, more frequent unifocal PVCs), Tzivoni 1988 (magnesium).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "engine/sim.hpp"
#include "../support/release_pass_only.hpp"
#include "../support/scripted_sim.hpp"

namespace resus {
namespace {

using test::act;

std::shared_ptr<const Model> with_potassium(double k) {
  PatientDef def;
  def.overrides = {{"potassium_mmol_L", k}};
  return Model::compile(def);
}

struct Beat {
  double time;
  int origin;
  double start_abp;  // the arterial pressure as it starts
  double peak_abp;   // its highest point until the next beat
  double pulse() const { return peak_abp - start_abp; }
};

// Each ventricular activation over `seconds`, with its origin and the arterial peak it gives.
std::vector<Beat> watch_beats(Sim& sim, double seconds) {
  std::vector<Beat> beats;
  double last = sim.state().heart.conduction.last_ventricular_time;
  for (double t = 0.0; t < seconds; t += kStep_s) {
    sim.advance(kStep_s);
    const double v = sim.state().heart.conduction.last_ventricular_time;
    const double abp = sim.signal(kArterialPressure);
    if (v != last)
      beats.push_back({v, sim.state().bus.electrical.ventricular_origin, abp, abp});
    else if (!beats.empty())
      beats.back().peak_abp = std::max(beats.back().peak_abp, abp);
    last = v;
  }
  return beats;
}

constexpr int kConducted = static_cast<int>(ep::BeatOrigin::kConducted);
constexpr int kEctopic = static_cast<int>(ep::BeatOrigin::kEctopic);

// A sinus rhythm at K 2.2 mmol/L (Mg normal) over 5 minutes, four patients: frequent PVCs
// (Lown's > 30/h) where a normal potassium has none. Each comes early (coupled ~0.4-0.5 s at
// ~70/min), the sinus impulse after it is blocked by the retrograde penetration of the AV node,
// so the beats either side of it are two sinus cycles apart (a full compensatory pause), and it
// fills the ventricle less, so its pulse is weak (a pulse deficit).
TEST(Ectopy, HypokalaemiaBringsPrematureBeatsWithACompensatoryPause) {
  RESUS_RELEASE_PASS_ONLY();
  const auto low = with_potassium(2.2), normal = with_potassium(4.0);
  int premature = 0, none_expected = 0, pauses = 0, full_pauses = 0;
  double coupling_sum = 0.0, weak_sum = 0.0, minutes = 0.0, ratio_sum = 0.0;
  for (uint64_t seed = 1; seed <= 4; ++seed) {
    Sim sim(low, seed);
    sim.advance(30.0);
    const double count0 = sim.signal(kPrematureBeats);
    const std::vector<Beat> beats = watch_beats(sim, 300.0);
    premature += static_cast<int>(sim.signal(kPrematureBeats) - count0);
    minutes += 5.0;
    for (std::size_t i = 2; i + 2 < beats.size(); ++i) {
      const Beat &a = beats[i - 2], &b = beats[i - 1], &e = beats[i], &c = beats[i + 1];
      if (e.origin != kEctopic || a.origin != kConducted || b.origin != kConducted ||
          c.origin != kConducted)
        continue;
      const double rr = b.time - a.time;
      coupling_sum += e.time - b.time;
      ++pauses;
      // Within 8% of two cycles: the sinus node is not reset, but the beat's weak pulse lets the
      // baroreflex shorten the next cycle a little (heart rate turbulence's onset, about -2.5% in
      // healthy hearts: Schmidt 1999, Lancet 353:1390) and each breath moves the rate by a few
      // percent. A reset node would put the beats ~0.77 of two cycles apart here.
      full_pauses += std::abs((c.time - b.time) - 2.0 * rr) < 0.16 * rr;
      ratio_sum += (c.time - b.time) / (2.0 * rr);
      weak_sum += e.pulse() / b.pulse();
    }
    Sim calm(normal, seed);
    calm.advance(330.0);
    none_expected += static_cast<int>(calm.signal(kPrematureBeats));
  }
  std::printf("K 2.2: %d PVCs in %.0f min (%.1f/min); %d between sinus beats, coupling %.3f s, "
              "%d with a full compensatory pause, pulse %.2f of the sinus beat's; K 4.0: %d\n",
              premature, minutes, premature / minutes, pauses, coupling_sum / std::max(pauses, 1),
              full_pauses, weak_sum / std::max(pauses, 1), none_expected);
  EXPECT_GT(premature / minutes, 0.5);  // frequent: Lown grade 2, > 30 an hour
  EXPECT_LT(premature / minutes, 10.0); // isolated beats, not a bigeminy
  EXPECT_EQ(none_expected, 0);
  ASSERT_GE(pauses, 10);
  EXPECT_GT(coupling_sum / pauses, 0.40);
  EXPECT_LT(coupling_sum / pauses, 0.60);
  EXPECT_GE(full_pauses, 0.8 * pauses);
  EXPECT_NEAR(ratio_sum / pauses, 1.0, 0.03);
  EXPECT_LT(weak_sum / pauses, 0.5);
}

// At a slow sinus rate (45/min) the sinus impulse after a premature beat finds the AV node
// recovered: the premature beat is interpolated between two sinus beats one cycle apart.
TEST(Ectopy, AtASlowSinusRateAPrematureBeatIsInterpolated) {
  RESUS_RELEASE_PASS_ONLY();
  Sim sim(with_potassium(2.2), 3);
  act(sim, R"({"do":"rhythm","rhythm":"sinus_bradycardia"})");
  sim.advance(10.0);
  const std::vector<Beat> beats = watch_beats(sim, 300.0);
  int interpolated = 0, seen = 0;
  for (std::size_t i = 2; i + 1 < beats.size(); ++i) {
    const Beat &a = beats[i - 2], &b = beats[i - 1], &e = beats[i], &c = beats[i + 1];
    if (e.origin != kEctopic || a.origin != kConducted || b.origin != kConducted ||
        c.origin != kConducted)
      continue;
    ++seen;
    interpolated += std::abs((c.time - b.time) - (b.time - a.time)) < 0.15 * (b.time - a.time);
  }
  std::printf("sinus 45/min at K 2.2: %d premature beats between sinus beats, %d interpolated\n",
              seen, interpolated);
  ASSERT_GE(seen, 3);
  EXPECT_GE(interpolated, 0.8 * seen);
}

// What lessens it and what brings it, at K 2.4 mmol/L over 9 minutes from a minute after the
// dose: 2 g of magnesium (the afterdepolarisations' suppressor) lessens hypokalaemia's ectopy; an
// epinephrine infusion at a stress level (0.05 ug/kg/min, ~1 ng/mL) adds to it twice over, through
// the automaticity it drives and the potassium its beta-2 action moves into cells (stress
// hypokalaemia, Struthers 1983: -0.8 mmol/L); an occluded LAD brings ectopy at a normal potassium
// within its first 45 minutes (the acute infarct's early ventricular ectopy, Nordrehaug 1985).
TEST(Ectopy, MagnesiumLessensItAndEpinephrineOrAnOccludedArteryBringsMore) {
  RESUS_RELEASE_PASS_ONLY();
  const auto low = with_potassium(2.4);
  int untreated = 0, magnesium = 0, epinephrine = 0, occluded = 0;
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    Sim a(low, seed), b(low, seed), c(low, seed);
    act(b, R"({"do":"drug","drug":"magnesium_sulfate","dose":2000,"unit":"mg","flush_mL":20})");
    act(c, R"({"do":"infusion","drug":"epinephrine","rate":0.05,"unit":"ug_kg_min"})");
    for (Sim* sim : {&a, &b, &c}) sim->advance(60.0);
    const double a0 = a.signal(kPrematureBeats), b0 = b.signal(kPrematureBeats),
                 c0 = c.signal(kPrematureBeats);
    for (Sim* sim : {&a, &b, &c}) sim->advance(540.0);
    untreated += static_cast<int>(a.signal(kPrematureBeats) - a0);
    magnesium += static_cast<int>(b.signal(kPrematureBeats) - b0);
    epinephrine += static_cast<int>(c.signal(kPrematureBeats) - c0);
  }
  for (uint64_t seed = 1; seed <= 2; ++seed) {
    Sim d(test::adult(), seed);
    act(d, R"({"do":"condition","condition":"coronary_occlusion","territory":"lad"})");
    d.advance(2700.0);
    occluded += static_cast<int>(d.signal(kPrematureBeats));
  }
  std::printf("K 2.4, 9 min from 1 min after the dose, 3 patients: %d PVCs untreated, %d after "
              "magnesium, %d on epinephrine; occluded LAD, first 45 min, 2 patients: %d\n",
              untreated, magnesium, epinephrine, occluded);
  EXPECT_LT(magnesium, 0.5 * untreated);
  EXPECT_GT(epinephrine, 1.3 * untreated);
  EXPECT_GT(occluded, 2 * 30 * 0.75);  // more than 30 an hour
}

}  // namespace
}  // namespace resus
