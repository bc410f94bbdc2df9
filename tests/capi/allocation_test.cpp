// The real-time rule through the C API: advancing, reading signals and polling events allocate
// nothing. This binary replaces the global operator new, which the shared library's calls also
// resolve to, and counts allocations while armed.
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <atomic>
#include <cmath>
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

// A CPR manikin's 200 Hz device loop: one streamed depth sample, advance(0.005), the feedback
// signals and a drain of every waveform each tick, with bag ventilation running in VF. Once the
// waveforms are configured (which sizes their buffers, outside the loop) nothing allocates.
TEST(CApiRealTime, ManikinLoopDoesNotAllocate) {
  resus_model* model = nullptr;
  ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &model), RESUS_OK);
  resus_sim* sim = nullptr;
  ASSERT_EQ(resus_sim_create(model, nullptr, &sim), RESUS_OK);
  ASSERT_EQ(resus_sim_set_rhythm(sim, RESUS_RHYTHM_VF_COARSE), RESUS_OK);
  ASSERT_EQ(resus_sim_set_airway(sim, RESUS_AIRWAY_TRACHEAL_TUBE), RESUS_OK);
  ASSERT_EQ(resus_sim_set_ventilation(sim, RESUS_VENT_BAG_RATE, 10.0, 500.0, 1.0, 0.0), RESUS_OK);
  ASSERT_EQ(resus_sim_waveforms_configure(sim, 125), RESUS_OK);
  const char* names[6] = {"cpp_mmHg", "etco2_mmHg", "cpr_rate_per_min", "cpr_depth_mm",
                          "cpr_fraction", "carotid_pulse"};
  int32_t indices[6];
  for (int i = 0; i < 6; ++i) ASSERT_EQ(resus_signal_find(names[i], &indices[i]), RESUS_OK);
  double values[6];
  float samples[64];
  resus_event events[8];
  int32_t n = 0;
  const int32_t waves = resus_wave_count();

  g_allocations = 0;
  g_armed = true;
  double sum = 0.0;
  int64_t drained = 0;
  resus_status status = RESUS_OK;
  // 60 simulated seconds at 200 Hz: compressions at ~110/min (0.545 s), 50 mm, with a 4 s pause
  // every 30 compressions; a manual breath and a bag-flow sample now and then.
  for (int tick = 0; tick < 12000 && status == RESUS_OK; ++tick) {
    const double t = tick * 0.005;
    const double cycle = std::fmod(t, 20.4);  // 30 compressions (16.4 s) + a 4 s pause
    const double phase = std::fmod(cycle, 60.0 / 110.0) / (60.0 / 110.0);
    const double depth = cycle < 16.4 && phase < 0.5 ? 50.0 * std::sin(phase * 2.0 * M_PI) : 0.0;
    status = resus_sim_set_compression_depth(sim, depth);
    if (status == RESUS_OK) status = resus_sim_advance(sim, 0.005);
    if (status == RESUS_OK) status = resus_sim_signals(sim, indices, 6, values);
    sum += resus_sim_signal(sim, indices[0]) + values[1];
    for (int32_t w = 0; w < waves && status == RESUS_OK; ++w) {
      status = resus_sim_waveform_read(sim, w, samples, 64, &n);
      drained += n;
    }
    if (tick % 20 == 0 && status == RESUS_OK) status = resus_sim_poll_events(sim, events, 8, &n);
    if (tick == 3000 && status == RESUS_OK) status = resus_sim_set_bag_flow(sim, 0.0);
  }
  g_armed = false;

  EXPECT_EQ(status, RESUS_OK) << resus_last_error(sim);
  EXPECT_EQ(g_allocations.load(), 0);
  EXPECT_TRUE(std::isfinite(sum));
  EXPECT_EQ(drained, static_cast<int64_t>(waves) * 60 * 125);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
}

}  // namespace
