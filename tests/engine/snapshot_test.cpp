// Snapshots (DESIGN.md: "Whole-state snapshot and restore, versioned"): a restored sim continues
// bit-identically, including running actions and the queue of scheduled ones; a snapshot only
// restores into a sim of the same model and build; a rejected restore changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <vector>

#include "../support/snapshot_forge.hpp"
#include "test_support.hpp"

namespace resus::test {
namespace {

constexpr std::size_t kBody = kSnapshotHeaderBytes;

// Writes `value` at `offset` into the body of a snapshot (the header's checksum then no longer
// matches: reseal() forges it, as a deliberate attacker would).
template <class T>
void poke(std::vector<unsigned char>& bytes, std::size_t offset, T value) {
  std::memcpy(bytes.data() + kBody + offset, &value, sizeof value);
}

void reseal(std::vector<unsigned char>& bytes) { reseal_snapshot(bytes.data(), bytes.size()); }

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

  // A damaged body behind an intact header: the checksum finds it; with the checksum forged to
  // match, the field checks name what is wrong (an index out of range, a non-finite state).
  std::vector<unsigned char> bad_queue(good);
  poke(bad_queue, offsetof(SimState, queue.size), int32_t{-5});
  expect_error([&] { target.restore(bad_queue.data(), bad_queue.size()); }, Status::kIncompatible,
               {"checksum"});
  reseal(bad_queue);
  expect_error([&] { target.restore(bad_queue.data(), bad_queue.size()); }, Status::kIncompatible,
               {"corrupt", "queue.size", "-5"});
  std::vector<unsigned char> bad_state(good);
  poke(bad_state, offsetof(SimState, circulation.x), std::numeric_limits<double>::quiet_NaN());
  reseal(bad_state);
  expect_error([&] { target.restore(bad_state.data(), bad_state.size()); }, Status::kIncompatible,
               {"corrupt", "circulation.volume_mL[0]", "nan"});
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

// ---- corrupted and forged bodies (issue 8: fuzzing found these) ----

// Regression: a beat ring head of 2^40 restored with RESUS_OK and poll_beats then read far out of
// bounds (SIGSEGV); a head of -1000 made the next beat write out of bounds.
TEST(Snapshot, BeatRingIndicesOutOfRangeAreRefused) {
  const Sim original = make_bleeding_sim();
  Sim target(male_model());
  for (int64_t head : {int64_t{1} << 40, int64_t{-1000}, int64_t{kBeatCapacity}}) {
    std::vector<unsigned char> bytes = snapshot(original);
    poke(bytes, offsetof(SimState, beats.head), head);
    reseal(bytes);
    expect_error([&] { target.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
                 {"beats.head", std::to_string(kBeatCapacity - 1)});
  }
  std::vector<unsigned char> bytes = snapshot(original);
  poke(bytes, offsetof(SimState, beats.count), int32_t{kBeatCapacity + 1});
  reseal(bytes);
  expect_error([&] { target.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
               {"beats.count"});
  EXPECT_EQ(target.time(), 0.0);
}

// Regression: a body of zeros behind a good header loaded with RESUS_OK, and the next advance
// returned OK with ventricular_rate_bpm = inf.
TEST(Snapshot, ZeroBodyIsRefusedNamingAField) {
  std::vector<unsigned char> bytes = snapshot(make_bleeding_sim());
  std::fill(bytes.begin() + kBody, bytes.end(), 0);
  Sim target(male_model());
  expect_error([&] { target.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
               {"checksum"});
  reseal(bytes);
  expect_error([&] { target.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
               {"corrupt", "valid range"});
  EXPECT_EQ(target.time(), 0.0);
}

// Regression: byte flips gave NaN ECG samples and beats with rhythm -16777216. Each field that
// was not checked before is now named when it is out of range.
TEST(Snapshot, EachKindOfFieldIsChecked) {
  Sim original(male_model(), 2, 3);
  original.configure_ecg(500, ecg::ArtefactSwitches{});
  original.configure_waveforms(125);
  ASSERT_EQ(original.advance(20.0), Status::kOk);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  struct Damage {
    std::size_t offset;
    std::vector<unsigned char> bytes;
    const char* field;
  };
  auto as_bytes = [](auto v) {
    std::vector<unsigned char> b(sizeof v);
    std::memcpy(b.data(), &v, sizeof v);
    return b;
  };
  const std::vector<Damage> damages = {
      {offsetof(SimState, carry_s), as_bytes(nan), "carry_s"},
      {offsetof(SimState, carry_s), as_bytes(1.0), "carry_s"},
      {offsetof(SimState, heart.conduction.rhythm), as_bytes(int32_t{-16777216}), "conduction.rhythm"},
      {offsetof(SimState, heart.conduction.ventricular), as_bytes(int32_t{9}), "conduction.ventricular"},
      {offsetof(SimState, heart.conduction.previous_rr_s), as_bytes(0.0), "conduction.previous_rr_s"},
      {offsetof(SimState, ecg.rate_hz), as_bytes(int32_t{333}), "ecg.rate_hz"},
      {offsetof(SimState, ecg.sample_index), as_bytes(int64_t{0}), "ecg.sample_index"},
      {offsetof(SimState, waves.rate_hz), as_bytes(int32_t{7}), "waves.rate_hz"},
      {offsetof(SimState, ecg.generator.vf_env), as_bytes(nan), "ecg.vf_env"},
      {offsetof(SimState, ecg.generator.slow_noise[1]), as_bytes(2.4e9), "ecg.slow_noise"},
      {offsetof(SimState, reflex.baro.head), as_bytes(int32_t{4096}), "baro.head"},
      {offsetof(SimState, reflex.baro.sympathetic), as_bytes(-1.0), "baro.sympathetic"},
      {offsetof(SimState, breathing.resp.airway), as_bytes(int32_t{77}), "resp.airway"},
      {offsetof(SimState, breathing.resp.n_breaths), as_bytes(int32_t{-3}), "resp.n_breaths"},
      {offsetof(SimState, blood.pools.art_ph), as_bytes(14.0), "blood.art_ph"},
      {offsetof(SimState, bus.blood.venous_o2_mL_mL), as_bytes(-0.1), "blood.venous_o2_mL_mL"},
      {offsetof(SimState, cpr_meter.quality.head), as_bytes(int32_t{99}), "cpr_quality.head"},
      {offsetof(SimState, cpr_meter.pulse.block), as_bytes(int32_t{8}), "pulse.block"},
      {offsetof(SimState, compressions.source.source), as_bytes(int32_t{3}), "compression.source"},
      {offsetof(SimState, heart.myocardial_energy), as_bytes(1.5), "heart.myocardial_energy"},
      {offsetof(SimState, heart.myocardial_stunning.reperfusion), as_bytes(nan),
       "heart.myocardial_stunning.reperfusion"},
      {offsetof(SimState, heart.myocardial_stunning.late), as_bytes(-0.5),
       "heart.myocardial_stunning.late"},
      {offsetof(SimState, events.head), as_bytes(int64_t{-1}), "events.head"},
      {offsetof(SimState, signals), as_bytes(std::numeric_limits<double>::infinity()), "signals[0]"},
      {offsetof(SimState, circulation.bleed.site), as_bytes(int32_t{2}), "bleed.site"},
  };
  Sim target(male_model());
  for (const Damage& d : damages) {
    std::vector<unsigned char> bytes = snapshot(original);
    std::memcpy(bytes.data() + kBody + d.offset, d.bytes.data(), d.bytes.size());
    reseal(bytes);
    SCOPED_TRACE(d.field);
    expect_error([&] { target.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
                 {"corrupt", d.field});
  }
  EXPECT_EQ(target.time(), 0.0);
}

// Found by the snapshot_flips fuzz target: a ring count forged upwards made a free, zeroed slot
// an event of kind 0, which the C API then handed out.
TEST(Snapshot, UndrainedEventsMustHaveAKind) {
  Sim original(male_model(), 2, 3);
  ASSERT_EQ(original.advance(1.0), Status::kOk);
  Event drain[8];
  while (original.poll_events(drain, 8) > 0) {
  }
  std::vector<unsigned char> bytes = snapshot(original);
  const int64_t head = original.state().events.head;
  poke(bytes, offsetof(SimState, events.count), int32_t{1});
  poke(bytes, offsetof(SimState, events.events) + static_cast<std::size_t>(head) * sizeof(Event) +
                  offsetof(Event, kind),
       int32_t{0});
  reseal(bytes);
  Sim target(male_model());
  expect_error([&] { target.restore(bytes.data(), bytes.size()); }, Status::kIncompatible,
               {"events.kind", "valid range is [1,"});
}

// A running programmed rescuer whose cycle started long ago would make the next step catch up one
// compression at a time (a stall); a queued action that is not valid would reach the engine.
TEST(Snapshot, CrossFieldInvariantsAreChecked) {
  Sim original(male_model(), 2, 3);
  original.apply(validated(NamedAction{.kind = ActionKind::kCprStart}));
  original.schedule(50.0, hemorrhage(300.0));
  ASSERT_EQ(original.advance(10.0), Status::kOk);
  Sim target(male_model());

  std::vector<unsigned char> stalled = snapshot(original);
  poke(stalled, offsetof(SimState, compressions.source.cycle_start_s), -1e9);
  reseal(stalled);
  expect_error([&] { target.restore(stalled.data(), stalled.size()); }, Status::kIncompatible,
               {"compression.cycle_start_s"});

  std::vector<unsigned char> bad_action = snapshot(original);
  poke(bad_action, offsetof(SimState, queue.entries) + offsetof(ScheduledAction, action) +
                       offsetof(Action, values) + field_index(ActionKind::kHemorrhage, "rate_mL_min") * sizeof(double),
       -400.0);
  reseal(bad_action);
  expect_error([&] { target.restore(bad_action.data(), bad_action.size()); },
               Status::kIncompatible, {"queue.action"});
  EXPECT_EQ(target.time(), 0.0);
}

// Whatever bytes a forged snapshot holds, a restore either refuses it or gives a sim whose every
// signal stays finite (or that stops with kNumerical, keeping finite signals): never a crash or a
// NaN. One byte changed at a time across the whole body, the checksum forged each time.
TEST(Snapshot, ForgedByteFlipsNeverYieldNonFiniteSignals) {
  Sim original(male_model(), 9, 1);
  original.configure_ecg(250, ecg::ArtefactSwitches{});
  original.apply(validated(NamedAction{.kind = ActionKind::kRhythm, .rhythm = 13}));
  original.apply(validated(NamedAction{.kind = ActionKind::kCprStart, .compressions_per_cycle = 30,
                                  .breaths_per_pause = 2}));
  ASSERT_EQ(original.advance(30.0), Status::kOk);
  const std::vector<unsigned char> good = snapshot(original);
  const std::size_t body = good.size() - kBody;
  int accepted = 0, refused = 0;
  Sim target(male_model());
  std::vector<float> ecg(4096);
  std::vector<Beat> beats(kBeatCapacity);
  for (std::size_t k = 0; k < 1500; ++k) {
    std::vector<unsigned char> bytes = good;
    const std::size_t at = (k * 7919) % body;  // spread over the body
    bytes[kBody + at] ^= static_cast<unsigned char>(1u << (k % 8));
    reseal(bytes);
    try {
      target.restore(bytes.data(), bytes.size());
    } catch (const Error& e) {
      ++refused;
      continue;
    }
    ++accepted;
    target.advance(0.2);
    for (int i = 0; i < kNumSignals; ++i)
      ASSERT_TRUE(std::isfinite(target.signal(i)))
          << "byte " << at << ": signal " << signal_catalogue()[i].name;
    const int n = target.read_ecg(ecg::kII, ecg.data(), static_cast<int>(ecg.size()));
    for (int i = 0; i < n; ++i) ASSERT_TRUE(std::isfinite(ecg[static_cast<std::size_t>(i)])) << "byte " << at;
    const int b = target.poll_beats(beats.data(), kBeatCapacity);
    for (int i = 0; i < b; ++i) {
      ASSERT_GE(beats[static_cast<std::size_t>(i)].rhythm, 0) << "byte " << at;
      ASSERT_LT(beats[static_cast<std::size_t>(i)].rhythm, static_cast<int>(ep::Rhythm::kNumRhythms));
    }
  }
  EXPECT_GT(accepted, 0);  // most flips land in values that stay in range
  EXPECT_GT(refused, 0);
}

// The checks refuse no state the engine itself reaches: across rhythms, shocks, pacing, CPR by
// programme and by stream, every airway and ventilation mode, bleeding and fluids, a snapshot
// taken every 1.5 s restores.
TEST(Snapshot, EveryStateTheEngineReachesRestores) {
  Sim sim(male_model(), 4, 2);
  sim.configure_ecg(1000, ecg::ArtefactSwitches{1, 1, 1, 1, 1, 1});
  sim.configure_waveforms(500);
  auto at = [&](double t, NamedAction a) { sim.schedule(t, validated(a)); };
  using K = ActionKind;
  at(5, {.kind = K::kHemorrhage, .rate_mL_min = 600, .volume_mL = 500});
  at(10, {.kind = K::kRhythm, .rhythm = 9});
  at(15, {.kind = K::kPacingStart, .rate_per_min = 80, .current_mA = 90});
  at(25, {.kind = K::kPacingStop});
  at(30, {.kind = K::kRhythm, .rhythm = 13});
  at(32, {.kind = K::kAirway, .airway = 1});
  at(33, {.kind = K::kCprStart, .compressions_per_cycle = 30, .breaths_per_pause = 2});
  at(60, {.kind = K::kShock, .energy_J = 200});
  at(62, {.kind = K::kAirway, .airway = 3});
  at(63, {.kind = K::kVentilation, .rate_per_min = 10, .vent_mode = 2});
  at(64, {.kind = K::kCprStart, .leaning_mm = 8});
  at(80, {.kind = K::kFluidBolus, .volume_mL = 500});
  at(90, {.kind = K::kCprStop});
  at(91, {.kind = K::kVentilation, .rate_per_min = 14, .tidal_volume_mL = 450, .peep_cmH2O = 5,
          .vent_mode = 3});
  at(92, {.kind = K::kOxygen, .fio2 = 1.0});
  at(100, {.kind = K::kCardioversion, .energy_J = 100});
  at(105, {.kind = K::kVentilation, .vent_mode = 1});
  at(106, {.kind = K::kSpontaneousBreathing, .enabled = 0});
  std::vector<unsigned char> bytes(Sim::snapshot_size());
  Sim other(male_model());
  int restored = 0;
  for (int i = 0; i < 100; ++i) {
    if (i >= 75 && i < 85) {  // a manikin's streamed compressions and bag, 200 Hz
      for (int k = 0; k < 300; ++k) {
        ASSERT_EQ(sim.set_compression_depth(k % 120 < 60 ? 50.0 * (k % 60) / 60.0 : 0.0), Status::kOk);
        ASSERT_EQ(sim.set_bag_flow(k % 600 < 100 ? 500.0 : 0.0), Status::kOk);
        ASSERT_EQ(sim.advance(0.005), Status::kOk);
      }
    } else {
      ASSERT_EQ(sim.advance(1.5), Status::kOk);
    }
    sim.save(bytes.data());
    other.restore(bytes.data(), bytes.size());  // throws, failing the test, if a check refuses
    ++restored;
  }
  EXPECT_EQ(restored, 100);
}

}  // namespace
}  // namespace resus::test
