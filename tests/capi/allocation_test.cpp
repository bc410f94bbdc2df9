// The real-time rule through the C API: advancing, reading signals and polling events allocate
// nothing. This binary replaces the global operator new, which the shared library's calls also
// resolve to, and counts allocations while armed.
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<bool> g_armed{false};
std::atomic<long> g_allocations{0};

void* counted(std::size_t n) {
  if (g_armed.load(std::memory_order_relaxed))
    g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return counted(n); }
void* operator new[](std::size_t n) { return counted(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

TEST(CApiRealTime, AdvanceSignalsAndEventsDoNotAllocate) {
  resus_model* model = nullptr;
  ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &model), RESUS_OK);
  resus_sim* sim = nullptr;
  ASSERT_EQ(resus_sim_create(model, nullptr, &sim), RESUS_OK);
  int32_t map = -1;
  ASSERT_EQ(resus_signal_find("map_mmHg", &map), RESUS_OK);
  ASSERT_EQ(resus_sim_hemorrhage(sim, 500.0, 300.0, RESUS_BLEED_VENOUS), RESUS_OK);
  resus_event events[8];
  int32_t n = 0;
  const int32_t indices[2] = {0, map};
  double values[2];

  g_allocations = 0;
  g_armed = true;
  double sum = 0.0;
  resus_status status = RESUS_OK;
  // A 1 kHz host loop for 60 simulated seconds, including the end of the hemorrhage.
  for (int tick = 0; tick < 60000 && status == RESUS_OK; ++tick) {
    status = resus_sim_advance(sim, 0.001);
    sum += resus_sim_signal(sim, map);
    if (resus_sim_signals(sim, indices, 2, values) != RESUS_OK) status = RESUS_ERR_INTERNAL;
    if (tick % 100 == 0 && resus_sim_poll_events(sim, events, 8, &n) != RESUS_OK)
      status = RESUS_ERR_INTERNAL;
  }
  g_armed = false;

  EXPECT_EQ(status, RESUS_OK) << resus_last_error(sim);
  EXPECT_EQ(g_allocations.load(), 0);
  EXPECT_GT(sum, 0.0);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
}

// A host applies electrical actions from its real-time loop: the typed calls, checked and
// dispatched, allocate nothing on success either.
TEST(CApiRealTime, ElectricalActionsDoNotAllocate) {
  resus_model* model = nullptr;
  ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &model), RESUS_OK);
  resus_sim* sim = nullptr;
  ASSERT_EQ(resus_sim_create(model, nullptr, &sim), RESUS_OK);
  resus_event events[8];
  int32_t n = 0;

  g_allocations = 0;
  g_armed = true;
  resus_status status = resus_sim_set_rhythm(sim, RESUS_RHYTHM_VF_COARSE);
  for (int tick = 0; tick < 20000 && status == RESUS_OK; ++tick) {
    if (tick == 5000) status = resus_sim_shock(sim, 200.0, RESUS_WAVEFORM_BIPHASIC);
    if (tick == 8000) status = resus_sim_cardiovert(sim, 100.0, RESUS_WAVEFORM_BIPHASIC);
    if (tick == 12000) status = resus_sim_pacing_start(sim, 70.0, 80.0);
    if (tick == 16000) status = resus_sim_pacing_stop(sim);
    if (status == RESUS_OK) status = resus_sim_advance(sim, 0.001);
    if (tick % 100 == 0 && resus_sim_poll_events(sim, events, 8, &n) != RESUS_OK)
      status = RESUS_ERR_INTERNAL;
  }
  g_armed = false;

  EXPECT_EQ(status, RESUS_OK) << resus_last_error(sim);
  EXPECT_EQ(g_allocations.load(), 0);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
}

}  // namespace
