// Generator::sample() allocates nothing (the real-time rule of DESIGN.md). This binary replaces
// the replaceable global operator new/delete forms with counting versions.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "models/electrophysiology/conduction.hpp"
#include "support/episode.hpp"

namespace {

std::atomic<long long> g_news{0};

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

[[gnu::noinline]] void counted_free(void* p) noexcept { std::free(p); }

}  // namespace

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
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }

namespace resus::ecg {
namespace {

void* volatile g_sink = nullptr;

TEST(NoAllocation, CounterSeesAllocations) {
  const long long before = g_news.load();
  auto* v = new std::vector<double>(16);
  g_sink = v;
  delete v;
  EXPECT_EQ(g_news.load() - before, 2);
}

// Every path of sample(): beats of each origin, P waves, AF, flutter, VF, torsades, pacing,
// CPR, shock, wander, mains, muscle, and the physiology maps.
TEST(NoAllocation, SampleAllocatesNothing) {
  const Generator g(default_ecg_params());
  EcgState s = g.initial_state();
  const ArtefactSwitches a{1, 1, 1, 1, 1, 1};
  test::Normal normal(9);
  std::vector<double> draws(4 * 5000 * 12);
  for (double& d : draws) d = normal();  // allocation happens here, outside the window
  double out[kNumLeads];
  const long long before = g_news.load();
  long identity_failures = 0;
  std::size_t j = 0;
  for (int mode = 0; mode < 6; ++mode) {
    for (int k = 0; k < 10000; ++k, j = (j + 4) % draws.size()) {
      EcgInputs in;
      in.t = mode * 20.0 + k * 0.002;
      const double beat = std::floor(in.t / 0.5) * 0.5;
      in.atrial_times[0] = beat, in.atrial_times[1] = beat - 0.5;
      in.ventricular_times[0] = beat, in.ventricular_times[1] = beat - 0.5;
      in.ventricular_origin[0] = mode % 4;
      in.atrial_mode = mode % 5;
      in.ventricular_mode = mode % 5;
      in.rr_s = 0.5;
      in.vf_amplitude_mV = 1.0;
      in.pacer_spike_time = beat;
      in.shock_time = mode * 20.0 + 5.0;
      in.compression_phase = (k % 300) / 300.0;
      in.compression_depth_mm = 50.0;
      in.potassium_mmol_L = 2.0 + mode * 1.5;
      in.temperature_C = 37.0 - mode;
      in.pericardial_effusion_mL = mode * 150.0;
      in.ischaemia_territory = mode % 4;
      in.ischaemia_extent = 0.6;
      in.qt_drug = 0.5;
      for (int i = 0; i < 4; ++i) in.noise[i] = draws[j + i];
      g.sample(in, a, 0.002, s, out);
      identity_failures += out[kI] + out[kIII] != out[kII];
    }
  }
  EXPECT_EQ(g_news.load() - before, 0);
  EXPECT_EQ(identity_failures, 0) << "I + III == II bit for bit";
  EXPECT_TRUE(std::isfinite(out[kII]));
}

}  // namespace
}  // namespace resus::ecg
