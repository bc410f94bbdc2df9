// Antiarrhythmics over many virtual patients (physiology.md B.3 row 48; als-next.md 1.4): in
// shock-refractory VF, amiodarone and lidocaine make a shock end VF for good more often,
// amiodarone more (ALPS, Kudenchuk 2016: both reduced the shocks needed; amiodarone's effect on
// the refibrillation hazard is the larger in every trial). Measured as a Monte Carlo over seeds,
// as a trial would: the same patients (seeds) in each arm.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "engine/sim.hpp"

namespace resus {
namespace {

void act(Sim& sim, const char* json) { sim.apply(parse_action_json(json, nullptr)); }

// VF, 5 minutes without flow (an injured, refibrillation-prone heart), then good CPR with a tube
// and bag; the drug (if any) 2 minutes into CPR; a 200 J shock 2 minutes later with
// compressions continuing; success when the heart stays out of VF for the 8 minutes after it
// (refibrillation is what the drugs prevent). The 7 minutes before the drug are the same in every
// arm: they run once per patient, and each arm starts from their snapshot.
std::vector<unsigned char> before_the_drug(const std::shared_ptr<const Model>& model,
                                           uint64_t seed) {
  Sim sim(model, seed);
  act(sim, R"({"do":"rhythm","rhythm":"vf_coarse"})");
  sim.advance(300.0);
  act(sim, R"({"do":"cpr_start","rate_per_min":110,"depth_mm":55})");
  act(sim, R"({"do":"airway","airway":"tracheal_tube"})");
  act(sim, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":10})");
  sim.advance(120.0);
  std::vector<unsigned char> bytes(Sim::snapshot_size());
  sim.save(bytes.data());
  return bytes;
}

bool shock_succeeds(const std::shared_ptr<const Model>& model, uint64_t seed,
                    const std::vector<unsigned char>& start, const char* drug) {
  Sim sim(model, seed);
  sim.restore(start.data(), start.size());
  if (drug) act(sim, drug);
  sim.advance(120.0);
  act(sim, R"({"do":"shock","energy_J":200})");
  // Looked at every 5 s: a shock that fails, or VF that comes back, decides the arm at once (VF
  // that later fades to asystole has not been ended by the shock).
  for (int t = 0; t < 480; t += 5) {
    sim.advance(5.0);
    const auto r = static_cast<ep::Rhythm>(static_cast<int>(sim.signal(kRhythmId)));
    if (r == ep::Rhythm::kVfCoarse || r == ep::Rhythm::kVfFine || r == ep::Rhythm::kPulselessVt)
      return false;
  }
  return true;
}

TEST(Antiarrhythmics, AmiodaroneThenLidocaineEndVfMoreOftenPerShock) {
  const auto model = Model::compile(PatientDef{});
  constexpr int kPatients = 100;
  int none = 0, amiodarone = 0, lidocaine = 0;
  for (uint64_t seed = 1; seed <= kPatients; ++seed) {
    const auto start = before_the_drug(model, seed);
    none += shock_succeeds(model, seed, start, nullptr);
    amiodarone += shock_succeeds(
        model, seed, start, R"({"do":"drug","drug":"amiodarone","dose":300,"unit":"mg","flush_mL":20})");
    lidocaine += shock_succeeds(
        model, seed, start, R"({"do":"drug","drug":"lidocaine","dose":1.5,"unit":"mg_kg","flush_mL":20})");
  }
  std::printf("VF ended for good by one shock, of %d: none %d, amiodarone %d, lidocaine %d\n",
              kPatients, none, amiodarone, lidocaine);
  EXPECT_GT(amiodarone, none + kPatients / 20);
  EXPECT_GT(amiodarone, lidocaine);
  EXPECT_GE(lidocaine, none);
}

}  // namespace
}  // namespace resus
