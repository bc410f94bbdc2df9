// The real-time rule (DESIGN.md, "The model/data split"): all memory a sim needs is allocated
// when it is created; advance() allocates nothing. This binary replaces every replaceable global
// operator new/new[]/delete/delete[] with counting versions (plain, sized, aligned, nothrow) and
// asserts that the real-time calls perform zero heap allocations once the sim exists.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#include "engine/waveforms.hpp"
#include "test_support.hpp"

namespace {

std::atomic<long long> g_news{0};
std::atomic<long long> g_deletes{0};

// Out of line, so that the compiler sees operator new/delete pairs at the call sites rather than
// malloc/free inlined into them (which GCC's -Wmismatched-new-delete would misread).

[[gnu::noinline]] void* counted_alloc(std::size_t size) {
  g_news.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}

[[gnu::noinline]] void* counted_aligned_alloc(std::size_t size, std::align_val_t align) {
  g_news.fetch_add(1, std::memory_order_relaxed);
  std::size_t a = static_cast<std::size_t>(align);
  if (a < sizeof(void*)) a = sizeof(void*);
  void* p = nullptr;
  if (posix_memalign(&p, a, size == 0 ? a : size) != 0) return nullptr;
  return p;
}

[[gnu::noinline]] void counted_free(void* p) noexcept {
  if (!p) return;
  g_deletes.fetch_add(1, std::memory_order_relaxed);
  std::free(p);
}

}  // namespace

// Throwing forms.
void* operator new(std::size_t n) {
  if (void* p = counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t a) {
  if (void* p = counted_aligned_alloc(n, a)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
  if (void* p = counted_aligned_alloc(n, a)) return p;
  throw std::bad_alloc();
}
// Nothrow forms.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted_aligned_alloc(n, a);
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return counted_aligned_alloc(n, a);
}
// Every delete form.
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { counted_free(p); }

namespace resus::test {
namespace {

// Counts allocations and frees between its construction and a call to news()/deletes().
class AllocationWindow {
 public:
  AllocationWindow()
      : news0_(g_news.load(std::memory_order_relaxed)),
        deletes0_(g_deletes.load(std::memory_order_relaxed)) {}
  long long news() const { return g_news.load(std::memory_order_relaxed) - news0_; }
  long long deletes() const { return g_deletes.load(std::memory_order_relaxed) - deletes0_; }

 private:
  long long news0_, deletes0_;
};

void* volatile g_sink = nullptr;  // keeps the compiler from eliding the sanity allocations

// The counters must see allocations, or every zero below would prove nothing.
TEST(NoAllocation, CountingOperatorsSeeEveryForm) {
  {
    AllocationWindow w;
    auto* v = new std::vector<double>(64);
    g_sink = v;
    g_sink = v->data();
    delete v;
    EXPECT_EQ(w.news(), 2);
    EXPECT_EQ(w.deletes(), 2);
  }
  {
    AllocationWindow w;
    auto* a = new double[8];
    g_sink = a;
    delete[] a;
    struct alignas(64) Wide { double d[8]; };
    auto* b = new Wide;
    g_sink = b;
    delete b;
    auto* c = new (std::nothrow) int(3);
    g_sink = c;
    delete c;
    auto* d = new (std::nothrow) Wide[2];
    g_sink = d;
    delete[] d;
    EXPECT_EQ(w.news(), 4);
    EXPECT_EQ(w.deletes(), 4);
  }
  {
    AllocationWindow w;
    const auto model = compile_preset("adult_male_70kg");  // compiling allocates, and may
    EXPECT_GT(w.news(), 0);
  }
}

class NoAllocationSim : public ::testing::Test {
 protected:
  void SetUp() override {
    model_ = male_model();
    sim_ = std::make_unique<Sim>(model_, 1, 2);
    // Warm-up: the first beats, a finished volume-limited hemorrhage and a finished bolus, so
    // that every path of the step has run once before anything is counted.
    sim_->apply(hemorrhage(600.0, 20.0));
    sim_->apply(bolus(10.0, 600.0));
    ASSERT_EQ(sim_->advance(5.0), Status::kOk);
    Event drain[32];
    while (sim_->poll_events(drain, 32) > 0) {
    }
    // Everything an action needs is validated before the real-time section.
    bleed_ = hemorrhage(1200.0, 150.0, BleedSiteCode::kArterial);  // 7.5 s
    open_bleed_ = hemorrhage(300.0);
    stop_ = hemorrhage_stop();
    bolus_ = bolus(100.0, 1000.0);  // 6 s
  }

  std::shared_ptr<const Model> model_;
  std::unique_ptr<Sim> sim_;
  Action bleed_{}, open_bleed_{}, stop_{}, bolus_{};
};

TEST_F(NoAllocationSim, AdvanceTenSecondsAllocatesNothing) {
  sim_->apply(bleed_);  // ends within the window: the event path runs too
  sim_->apply(bolus_);
  AllocationWindow w;
  const Status st = sim_->advance(10.0);
  const long long news = w.news(), deletes = w.deletes();
  EXPECT_EQ(st, Status::kOk);
  EXPECT_EQ(news, 0);
  EXPECT_EQ(deletes, 0);
  // The actions really ran, and ended, inside the window (on top of the warm-up's 20 + 10 mL).
  EXPECT_NEAR(sim_->signal(kBloodLost), 170.0, 1e-6);
  EXPECT_NEAR(sim_->signal(kFluidInfused), 110.0, 1e-6);
}

TEST_F(NoAllocationSim, GivingDrugsAllocatesNothing) {
  // A hard real-time host gives drugs without allocation: actions parsed beforehand, applied
  // and carried by the flows inside the window.
  const Action epinephrine = parse_action_json(
      R"({"do":"drug","drug":"epinephrine","route":"peripheral_iv","flush_mL":20})", nullptr);
  const Action norepinephrine = parse_action_json(
      R"({"do":"infusion","drug":"norepinephrine","rate":0.1,"unit":"ug_kg_min"})", nullptr);
  AllocationWindow w;
  sim_->apply(epinephrine);
  sim_->apply(norepinephrine);
  const Status st = sim_->advance(10.0);
  const long long news = w.news(), deletes = w.deletes();
  EXPECT_EQ(st, Status::kOk);
  EXPECT_EQ(news, 0);
  EXPECT_EQ(deletes, 0);
  EXPECT_GT(sim_->signal(find_signal("plasma_epinephrine_ng_mL")), 1.0);  // it arrived
}

TEST_F(NoAllocationSim, ThousandShortAdvancesAllocateNothing) {
  AllocationWindow w;
  int failures = 0;
  for (int i = 0; i < 1000; ++i)
    if (sim_->advance(0.01) != Status::kOk) ++failures;
  const long long news = w.news(), deletes = w.deletes();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(news, 0);
  EXPECT_EQ(deletes, 0);
  EXPECT_NEAR(sim_->time(), 15.0, 1e-9);
}

TEST_F(NoAllocationSim, HostTickLoopAllocatesNothing) {
  // A manikin host's tick: advance, read signals (by a name looked up once, and by index),
  // apply validated actions, schedule one, poll events, snapshot into a preallocated buffer.
  const int map = find_signal("map_mmHg");
  ASSERT_GE(map, 0);
  std::vector<unsigned char> buffer(Sim::snapshot_size());
  Event events[16];
  double sum = 0.0;
  int polled = 0;
  bool ok = true;

  AllocationWindow w;
  for (int tick = 0; tick < 2000; ++tick) {
    ok = ok && sim_->advance(0.005) == Status::kOk;
    sum += sim_->signal(map) + sim_->signal(kHeartRate) + sim_->signals()[kCentralVenous];
    if (tick == 100) sim_->apply(open_bleed_);
    if (tick == 600) sim_->apply(stop_);
    if (tick == 700) sim_->apply(bolus_);
    if (tick == 800) sim_->schedule(sim_->time() + 1.0, bleed_);
    if (tick % 50 == 0) polled += sim_->poll_events(events, 16);
    if (tick == 1500) sim_->save(buffer.data());
  }
  sim_->restore(buffer.data(), buffer.size());
  const long long news = w.news(), deletes = w.deletes();

  EXPECT_TRUE(ok);
  EXPECT_EQ(news, 0);
  EXPECT_EQ(deletes, 0);
  EXPECT_GT(sum, 0.0);
  EXPECT_GE(polled, 4);  // hemorrhage applied, ended, stop applied, bolus applied, ...
}

}  // namespace
}  // namespace resus::test

namespace resus::test {
namespace {

TEST_F(NoAllocationSim, EcgStreamingArrestAndShocksAllocateNothing) {
  // The ECG is configured (its buffers sized) before the real-time section; then streaming 13
  // leads at 1000 Hz, draining them, polling beats, going into VF and shocking allocate nothing.
  sim_->configure_ecg(1000, ecg::ArtefactSwitches{});
  NamedAction vf{};
  vf.kind = ActionKind::kRhythm;
  vf.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse);
  NamedAction shock{};
  shock.kind = ActionKind::kShock;
  shock.energy_J = 200.0;
  const Action vf_action = validated(vf);
  const Action shock_action = validated(shock);
  std::vector<float> samples(kEcgCapacity);
  Beat beats[64];
  AllocationWindow w;
  int drained = 0;
  for (int i = 0; i < 300; ++i) {
    if (i == 100) sim_->apply(vf_action);
    if (i == 200) sim_->apply(shock_action);
    sim_->advance(0.02);
    for (int lead = 0; lead < ecg::kNumLeads; ++lead)
      drained += sim_->read_ecg(lead, samples.data(), kEcgCapacity);
    sim_->poll_beats(beats, 64);
  }
  const long long news = w.news(), deletes = w.deletes();
  EXPECT_EQ(news, 0);
  EXPECT_EQ(deletes, 0);
  EXPECT_EQ(drained, 13 * 6000);  // 6 s at 1000 Hz, every lead
}

}  // namespace
}  // namespace resus::test

namespace resus::test {
namespace {

Action make(ActionKind kind, void (*fill)(NamedAction&)) {
  NamedAction a{};
  a.kind = kind;
  fill(a);
  return validated(a);
}

TEST_F(NoAllocationSim, CprVentilationAndWaveformsAllocateNothing) {
  // A manikin loop at 200 Hz: streamed depth, a bag flow, waveforms drained, then a parametric
  // rescuer doing 30:2 with breaths, an airway change, ventilator settings and oxygen.
  sim_->configure_waveforms(125);
  const Action vf = make(ActionKind::kRhythm, [](NamedAction& a) { a.rhythm = static_cast<int32_t>(ep::Rhythm::kVfCoarse); });
  const Action tube = make(ActionKind::kAirway, [](NamedAction& a) { a.airway = 3; });
  const Action bag = make(ActionKind::kVentilation, [](NamedAction& a) { a.vent_mode = 2; a.rate_per_min = 10; a.tidal_volume_mL = 500; });
  const Action vent = make(ActionKind::kVentilation, [](NamedAction& a) { a.vent_mode = 3; a.rate_per_min = 12; a.tidal_volume_mL = 450; a.peep_cmH2O = 5; });
  const Action oxygen = make(ActionKind::kOxygen, [](NamedAction& a) { a.fio2 = 1.0; });
  const Action thirty_two = make(ActionKind::kCprStart, [](NamedAction& a) { a.compressions_per_cycle = 30; a.pause_s = 5; a.breaths_per_pause = 2; });
  const Action breath = make(ActionKind::kBreath, [](NamedAction&) {});
  std::vector<float> samples(kWaveCapacity);
  AllocationWindow w;
  bool ok = true;
  int drained = 0;
  sim_->apply(vf);
  sim_->apply(tube);
  sim_->apply(bag);
  for (int tick = 0; tick < 4000; ++tick) {  // 20 s at 200 Hz
    const double phase = std::fmod(tick * 0.005, 0.545) / 0.545;
    ok = ok && sim_->set_compression_depth(phase < 0.5 ? 55.0 * std::sin(6.283185 * phase) : 0.0) == Status::kOk;
    ok = ok && sim_->advance(0.005) == Status::kOk;
    if (tick == 1000) sim_->apply(breath);
    if (tick == 1500) sim_->apply(oxygen);
    if (tick % 25 == 0)
      for (int wave = 0; wave < kNumWaves; ++wave) drained += sim_->read_waveform(wave, samples.data(), kWaveCapacity);
  }
  sim_->apply(thirty_two);
  sim_->apply(vent);
  ok = ok && sim_->set_bag_flow(0.0) == Status::kOk;
  ok = ok && sim_->advance(30.0) == Status::kOk;
  const long long news = w.news(), deletes = w.deletes();
  EXPECT_TRUE(ok);
  EXPECT_EQ(news, 0);
  EXPECT_EQ(deletes, 0);
  EXPECT_GT(drained, kNumWaves * 2400);
  EXPECT_GT(sim_->signal(kCprCount), 60.0);  // 36 streamed, then 30:2 for 30 s
}

}  // namespace
}  // namespace resus::test
