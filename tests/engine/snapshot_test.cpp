// Snapshots (DESIGN.md: "Whole-state snapshot and restore, versioned"): a restored sim continues
// bit-identically, including running actions and the queue of scheduled ones; a snapshot only
// restores into a sim of the same model and build; a rejected restore changes nothing.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <limits>
#include <vector>

#include "test_support.hpp"

namespace resus::test {
namespace {

// A sim at t = 100 s in the middle of a hemorrhage, with a bolus scheduled for t = 150 s.
Sim make_bleeding_sim() {
  Sim sim(male_model(), 5, 11);
  sim.schedule(40.0, hemorrhage(300.0));
  sim.schedule(150.0, bolus(400.0, 600.0));
  EXPECT_EQ(sim.advance(100.0), Status::kOk);
  EXPECT_GT(sim.signal(kBloodLost), 250.0);  // the hemorrhage is running
  EXPECT_EQ(sim.signal(kFluidInfused), 0.0);  // the bolus is still in the future
  return sim;
}

TEST(Snapshot, RestoredSimContinuesBitIdentically) {
  Sim original = make_bleeding_sim();
  std::vector<unsigned char> bytes = snapshot(original);

  Sim restored(male_model());
  ASSERT_EQ(restored.advance(3.0), Status::kOk);  // a different past, overwritten by restore
  restored.restore(bytes.data(), bytes.size());
  EXPECT_EQ(restored.time(), original.time());
  EXPECT_TRUE(same_signals(original, restored));

  int mismatches = 0;
  for (int s = 0; s < 200; ++s) {
    ASSERT_EQ(original.advance(1.0), Status::kOk);
    ASSERT_EQ(restored.advance(1.0), Status::kOk);
    if (!same_signals(original, restored) && mismatches++ == 0)
      ADD_FAILURE() << "restored sim diverges at t = " << original.time() << " s";
  }
  EXPECT_EQ(mismatches, 0);
  // The scheduled bolus came through the snapshot and was given (400 mL at 600 mL/min).
  EXPECT_NEAR(restored.signal(kFluidInfused), 400.0, 1e-6);
  EXPECT_GT(restored.signal(kBloodLost), 1000.0);  // and the hemorrhage kept running
}

TEST(Snapshot, RestoreIntoAnotherModelIsIncompatible) {
  const Sim original = make_bleeding_sim();
  const std::vector<unsigned char> bytes = snapshot(original);
  Sim other(female_model());
  ASSERT_NE(other.model().fingerprint(), original.model().fingerprint());
  expect_error([&] { other.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
               {"model"});
  EXPECT_EQ(other.time(), 0.0);
}

TEST(Snapshot, DamagedBuffersAreRejected) {
  const Sim original = make_bleeding_sim();
  const std::vector<unsigned char> good = snapshot(original);
  Sim target(male_model());

  std::vector<unsigned char> shorter(good.begin(), good.end() - 1);
  expect_error([&] { target.restore(shorter.data(), shorter.size()); }, Status::kIncompatible,
               {std::to_string(shorter.size())});
  expect_error([&] { target.restore(good.data(), 16); }, Status::kIncompatible);
  expect_error([&] { target.restore(good.data(), 0); }, Status::kIncompatible);

  std::vector<unsigned char> longer(good);
  longer.push_back(0);
  expect_error([&] { target.restore(longer.data(), longer.size()); }, Status::kIncompatible);

  std::vector<unsigned char> bad_magic(good);
  bad_magic[0] ^= 0xFF;
  expect_error([&] { target.restore(bad_magic.data(), bad_magic.size()); }, Status::kIncompatible,
               {"magic"});

  std::vector<unsigned char> bad_version(good);
  bad_version[8] ^= 0x01;  // the version field follows the 8-byte magic
  expect_error([&] { target.restore(bad_version.data(), bad_version.size()); },
               Status::kIncompatible, {"version"});

  // A damaged body behind an intact header: indices out of range, a non-finite state.
  const std::size_t body = Sim::snapshot_size() - sizeof(SimState);
  std::vector<unsigned char> bad_queue(good);
  const int32_t queue_size = -5;
  std::memcpy(bad_queue.data() + body + offsetof(SimState, queue_size), &queue_size, sizeof queue_size);
  expect_error([&] { target.restore(bad_queue.data(), bad_queue.size()); }, Status::kIncompatible,
               {"corrupt"});
  std::vector<unsigned char> bad_state(good);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::memcpy(bad_state.data() + body + offsetof(SimState, x), &nan, sizeof nan);
  expect_error([&] { target.restore(bad_state.data(), bad_state.size()); }, Status::kIncompatible,
               {"corrupt"});
  EXPECT_EQ(target.time(), 0.0);  // every rejection left the target as it was

  // The good buffer still restores: the rejections above were about the damage.
  target.restore(good.data(), good.size());
  EXPECT_TRUE(same_signals(original, target));
}

TEST(Snapshot, FailedRestoreLeavesTheSimUnchanged) {
  Sim sim(male_model(), 3, 4);
  sim.schedule(10.0, hemorrhage(250.0));
  sim.schedule(50.0, bolus(300.0, 600.0));
  ASSERT_EQ(sim.advance(30.0), Status::kOk);
  Sim twin(male_model(), 3, 4);  // the same history, never offered a bad snapshot
  twin.schedule(10.0, hemorrhage(250.0));
  twin.schedule(50.0, bolus(300.0, 600.0));
  ASSERT_EQ(twin.advance(30.0), Status::kOk);

  const std::vector<unsigned char> before = snapshot(sim);
  const Sim donor = make_bleeding_sim();
  std::vector<unsigned char> bad = snapshot(donor);
  bad[1] ^= 0x20;  // magic
  expect_error([&] { sim.restore(bad.data(), bad.size()); }, Status::kIncompatible);
  const Sim female(female_model());
  const std::vector<unsigned char> foreign = snapshot(female);
  expect_error([&] { sim.restore(foreign.data(), foreign.size()); }, Status::kIncompatible);
  expect_error([&] { sim.restore(bad.data(), bad.size() / 2); }, Status::kIncompatible);

  EXPECT_EQ(snapshot(sim), before);
  EXPECT_EQ(sim.time(), 30.0);
  for (int s = 0; s < 60; ++s) {
    ASSERT_EQ(sim.advance(1.0), Status::kOk);
    ASSERT_EQ(twin.advance(1.0), Status::kOk);
  }
  EXPECT_TRUE(same_signals(sim, twin));
  EXPECT_NEAR(sim.signal(kFluidInfused), 300.0, 1e-6);  // the queue survived the failed restores
}

TEST(Snapshot, SaveIsRepeatableAndCarriesTheModelFingerprint) {
  const Sim sim = make_bleeding_sim();
  const std::vector<unsigned char> a = snapshot(sim), b = snapshot(sim);
  EXPECT_EQ(a, b);  // saving does not change the sim
  uint64_t fingerprint = 0;
  std::memcpy(&fingerprint, a.data() + 16, sizeof fingerprint);  // magic[8], version, size
  EXPECT_EQ(fingerprint, male_model()->fingerprint());
  EXPECT_NE(fingerprint, female_model()->fingerprint());
}

}  // namespace
}  // namespace resus::test
