// What every fuzz target shares: one model compiled once per process (as a host would), a
// reader that turns the fuzzer's bytes into values (extreme ones included), and the checks that
// every signal, ECG and waveform sample, beat and event a sim hands out is finite and in range.
// A failed check aborts, which libFuzzer and the replay driver both report as a crash.
#pragma once

#include <resus/resus.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

namespace resus_fuzz {

[[noreturn]] inline void fail(const char* what, double value, int index = -1) {
  std::fprintf(stderr, "fuzz check failed: %s (index %d) = %g\n", what, index, value);
  std::abort();
}

inline const resus_model* male_model() {
  static resus_model* model = [] {
    resus_model* m = nullptr;
    if (resus_model_create_preset("adult_male_70kg", &m) != RESUS_OK) fail("model", 0.0);
    return m;
  }();
  return model;
}

// Consumes the fuzzer's input front to back; past the end every read gives zeros.
class Bytes {
 public:
  Bytes(const uint8_t* data, std::size_t size) : p_(data), n_(size) {}
  bool empty() const { return n_ == 0; }
  uint8_t u8() {
    if (n_ == 0) return 0;
    --n_;
    return *p_++;
  }
  int32_t i32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | u8();
    int32_t out;
    std::memcpy(&out, &v, sizeof out);
    return out;
  }
  // A small integer most of the time, any int32 sometimes.
  int32_t small_int(int32_t range) { return (u8() & 0x80) ? i32() : static_cast<int32_t>(u8() % range); }
  // A value worth trying: the edges of ranges, non-finite values, or 8 raw bytes.
  double value() {
    static constexpr double kInteresting[] = {
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 10.0, 30.0, 55.0, 60.0, 100.0, 110.0, 200.0, 250.0,
        360.0, 500.0, 3000.0, 3001.0, 10000.0, 1e-300, 1e300, 1e9, -1e9, 0.21, 0.2, 0.8,
        std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(),
        std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest()};
    const uint8_t k = u8();
    if (k < 160) return kInteresting[k % (sizeof kInteresting / sizeof kInteresting[0])];
    if (k < 224) return (u8() * 256.0 + u8()) / 16.0;  // 0..4096 in 1/16ths
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits = (bits << 8) | u8();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }

 private:
  const uint8_t* p_;
  std::size_t n_;
};

// Everything the sim hands out must be finite and in range, whatever was done to it.
inline void check_sim(resus_sim* sim) {
  for (int32_t i = 0; i < resus_signal_count(); ++i) {
    const double v = resus_sim_signal(sim, i);
    if (!std::isfinite(v)) fail("signal", v, i);
  }
  static std::vector<float> samples(8192);
  for (int32_t lead = 0; lead < resus_ecg_lead_count(); ++lead) {
    int32_t n = 0;
    if (resus_sim_ecg_read(sim, lead, samples.data(), static_cast<int32_t>(samples.size()), &n) != RESUS_OK)
      fail("ecg read", 0.0, lead);
    for (int32_t i = 0; i < n; ++i)
      if (!std::isfinite(samples[static_cast<std::size_t>(i)]) || std::fabs(samples[static_cast<std::size_t>(i)]) > 1e3)
        fail("ecg sample", samples[static_cast<std::size_t>(i)], lead);
  }
  for (int32_t wave = 0; wave < resus_wave_count(); ++wave) {
    int32_t n = 0;
    if (resus_sim_waveform_read(sim, wave, samples.data(), static_cast<int32_t>(samples.size()), &n) != RESUS_OK)
      fail("waveform read", 0.0, wave);
    for (int32_t i = 0; i < n; ++i)
      if (!std::isfinite(samples[static_cast<std::size_t>(i)])) fail("waveform sample", samples[static_cast<std::size_t>(i)], wave);
  }
  resus_beat beats[64];
  int32_t n = 0;
  do {
    if (resus_sim_poll_beats(sim, beats, 64, &n) != RESUS_OK) fail("poll beats", 0.0);
    for (int32_t i = 0; i < n; ++i) {
      const resus_beat& b = beats[i];
      if (!std::isfinite(b.time_s) || !std::isfinite(b.rr_s) || b.rr_s < 0.0) fail("beat time", b.time_s, i);
      if (b.origin < 0 || b.origin > 3) fail("beat origin", b.origin, i);
      if (b.rhythm < 0 || b.rhythm >= resus_rhythm_count()) fail("beat rhythm", b.rhythm, i);
    }
  } while (n == 64);
  resus_event events[64];
  do {
    if (resus_sim_poll_events(sim, events, 64, &n) != RESUS_OK) fail("poll events", 0.0);
    for (int32_t i = 0; i < n; ++i) {
      const resus_event& e = events[i];
      if (!std::isfinite(e.time_s) || !std::isfinite(e.value)) fail("event time or value", e.value, i);
      if (e.kind < RESUS_EVENT_ACTION_APPLIED || e.kind > RESUS_EVENT_SEIZURE) fail("event kind", e.kind, i);
    }
  } while (n == 64);
}

// Advances and checks; a refused duration or a numerical stop is an answer, not a failure.
inline void advance_and_check(resus_sim* sim, double seconds) {
  const resus_status s = resus_sim_advance(sim, seconds);
  if (s != RESUS_OK && s != RESUS_ERR_INVALID_ARGUMENT && s != RESUS_ERR_NUMERICAL)
    fail("advance status", s);
  check_sim(sim);
}

}  // namespace resus_fuzz
