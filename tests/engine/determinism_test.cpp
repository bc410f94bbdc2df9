// Determinism (DESIGN.md: "bit-identical results whatever the thread count"): the same model and
// the same inputs give the same bits, whoever runs them, in whatever chunks, on however many
// threads. Every comparison is memcmp over the whole signal array (resus::kNumSignals doubles).
#include <gtest/gtest.h>

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace resus::test {
namespace {

// Timed inputs: a volume-limited venous bleed that ends on its own, a bolus while it runs, an
// open arterial bleed that is stopped, a second bolus at the default rate; then VF, 30:2 CPR with
// bag-mask breaths, intubation, continuous CPR with a bag and a shock.
void schedule_inputs(Sim& sim) {
  sim.schedule(20.0, hemorrhage(800.0, 1000.0));
  sim.schedule(60.0, bolus(500.0, 1000.0));
  sim.schedule(150.0, hemorrhage(200.0, 0.0, BleedSiteCode::kArterial));
  sim.schedule(230.0, hemorrhage_stop());
  sim.schedule(200.0, bolus(250.0));
  NamedAction a{};
  a.kind = ActionKind::kRhythm;
  a.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse);
  sim.schedule(235.0, validated(a));
  a = NamedAction{};
  a.kind = ActionKind::kAirway;
  a.airway = 1;  // bag-mask
  sim.schedule(240.0, validated(a));
  a = NamedAction{};
  a.kind = ActionKind::kCprStart;
  a.compressions_per_cycle = 30;
  a.breaths_per_pause = 2;
  a.pause_s = 5.0;
  sim.schedule(240.0, validated(a));
  a = NamedAction{};
  a.kind = ActionKind::kAirway;
  a.airway = 3;  // tracheal tube
  sim.schedule(270.0, validated(a));
  a = NamedAction{};
  a.kind = ActionKind::kCprStart;
  a.depth_mm = 50.0;
  sim.schedule(270.0, validated(a));
  a = NamedAction{};
  a.kind = ActionKind::kVentilation;
  a.vent_mode = 2;
  a.rate_per_min = 10.0;
  a.tidal_volume_mL = 500.0;
  sim.schedule(270.0, validated(a));
  a = NamedAction{};
  a.kind = ActionKind::kShock;
  a.energy_J = 200.0;
  sim.schedule(290.0, validated(a));
}

// Index of the first signal whose bytes differ, or -1.
int first_difference(const Sim& a, const Sim& b) {
  for (int i = 0; i < kNumSignals; ++i)
    if (std::memcmp(&a.signals()[i], &b.signals()[i], sizeof(double)) != 0) return i;
  return -1;
}

std::string describe(const Sim& a, const Sim& b) {
  const int i = first_difference(a, b);
  if (i < 0) return "identical";
  return std::string("first differing signal: ") + signal_catalogue()[static_cast<std::size_t>(i)].name +
         " " + std::to_string(a.signal(i)) + " vs " + std::to_string(b.signal(i));
}

TEST(Determinism, TwoSimsWithTheSameInputsAreBitIdentical) {
  Sim a(male_model(), 42, 7), b(male_model(), 42, 7);
  schedule_inputs(a);
  schedule_inputs(b);
  int mismatches = 0;
  for (int k = 1; k <= 3000; ++k) {  // every 0.1 s for 300 s
    ASSERT_EQ(a.advance(0.1), Status::kOk);
    ASSERT_EQ(b.advance(0.1), Status::kOk);
    if (!same_signals(a, b) && mismatches++ == 0)
      ADD_FAILURE() << "signals diverge at t = " << a.time() << " s: " << describe(a, b);
  }
  EXPECT_EQ(mismatches, 0);
  EXPECT_EQ(std::memcmp(a.state().circulation.x.data(), b.state().circulation.x.data(), sizeof(cv::State)), 0);

  // The inputs really acted: a sim left alone ends elsewhere.
  Sim idle(male_model(), 42, 7);
  ASSERT_EQ(idle.advance(300.0), Status::kOk);
  EXPECT_FALSE(same_signals(a, idle));
  EXPECT_NEAR(a.signal(kBloodLost), 1000.0 + 200.0 / 60.0 * 80.0, 5.0);
  EXPECT_NEAR(a.signal(kFluidInfused), 750.0, 1e-6);
}

// advance(1.0) x N equals advance(0.01) x 100N bit for bit; so do one step per call,
// advance_steps, and irregular calls that split steps (0.3 + 4.5 + 5.2 ms, so the remainder
// carried between calls matters). Written in terms of kStep_s: it holds whatever the step is.
TEST(Determinism, ChunkingDoesNotChangeTheTrajectory) {
  constexpr int kSeconds = 300;
  const int64_t steps_per_s = std::llround(1.0 / kStep_s);
  ASSERT_EQ(static_cast<double>(steps_per_s) * kStep_s, 1.0);
  Sim whole(male_model()), hundredths(male_model()), steps(male_model()), raw(male_model()),
      irregular(male_model());
  for (Sim* s : {&whole, &hundredths, &steps, &raw, &irregular}) schedule_inputs(*s);
  int mismatches = 0;
  for (int sec = 1; sec <= kSeconds; ++sec) {
    ASSERT_EQ(whole.advance(1.0), Status::kOk);
    for (int i = 0; i < 100; ++i) ASSERT_EQ(hundredths.advance(0.01), Status::kOk);
    for (int64_t i = 0; i < steps_per_s; ++i) ASSERT_EQ(steps.advance(kStep_s), Status::kOk);
    raw.advance_steps(steps_per_s);
    for (int i = 0; i < 100; ++i)
      for (double chunk : {0.0003, 0.0045, 0.0052}) ASSERT_EQ(irregular.advance(chunk), Status::kOk);
    ASSERT_EQ(whole.state().step, int64_t{sec} * steps_per_s);
    ASSERT_EQ(hundredths.state().step, whole.state().step) << "at " << sec << " s";
    ASSERT_EQ(steps.state().step, whole.state().step) << "at " << sec << " s";
    ASSERT_EQ(irregular.state().step, whole.state().step) << "at " << sec << " s";
    for (const Sim* other : {&hundredths, &steps, &raw, &irregular}) {
      if (!same_signals(whole, *other) && mismatches++ == 0)
        ADD_FAILURE() << "chunked run diverges at t = " << sec << " s: " << describe(whole, *other);
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// The sims of one batch: one shared model, a hemorrhage rate derived from the index.
constexpr std::size_t kBatch = 16;
constexpr int kBatchSeconds = 120;

uint64_t run_patient(const std::shared_ptr<const Model>& model, std::size_t i, Status* status) {
  Sim sim(model, /*seed=*/2024, /*patient_id=*/i);
  sim.apply(hemorrhage(50.0 + 25.0 * static_cast<double>(i)));
  uint64_t h = fnv1a(nullptr, 0);
  *status = Status::kOk;
  for (int s = 0; s < kBatchSeconds; ++s) {  // sampled every 1 s
    const Status st = sim.advance(1.0);
    if (st != Status::kOk) *status = st;
    h = fnv1a(sim.signals(), kSignalBytes, h);
  }
  return h;
}

std::vector<uint64_t> run_batch(int threads) {  // threads == 0: serial, no TBB
  const std::shared_ptr<const Model>& model = male_model();
  std::vector<uint64_t> hashes(kBatch, 0);  // pre-indexed slots: no ordering between threads
  std::vector<Status> status(kBatch, Status::kInternal);
  if (threads == 0) {
    for (std::size_t i = 0; i < kBatch; ++i) hashes[i] = run_patient(model, i, &status[i]);
  } else {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, kBatch, 1),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t i = r.begin(); i != r.end(); ++i)
            hashes[i] = run_patient(model, i, &status[i]);
        },
        tbb::simple_partitioner());
  }
  for (std::size_t i = 0; i < kBatch; ++i)
    EXPECT_EQ(status[i], Status::kOk) << "patient " << i << " with " << threads << " threads";
  return hashes;
}

TEST(Determinism, BatchHashesDoNotDependOnThreadCount) {
  const std::vector<uint64_t> serial = run_batch(0);
  // The hash sees the inputs: every patient bleeds at its own rate, so all differ.
  EXPECT_EQ(std::set<uint64_t>(serial.begin(), serial.end()).size(), kBatch);
  for (int threads : {1, 2, 4}) {
    const std::vector<uint64_t> parallel = run_batch(threads);
    EXPECT_EQ(parallel, serial) << "with " << threads << " threads";
  }
}

}  // namespace
}  // namespace resus::test
