// Test driver: hand-made activation sequences (no engine) rendered through the Generator, with
// the lead identity I + III == II checked bit for bit on every sample.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "models/ecg/ecg.hpp"

namespace resus::ecg::test {

struct Beat {
  double t;
  int32_t origin;  // ep::BeatOrigin
};

struct Episode {
  double fs = 500.0;
  double duration_s = 10.0;
  std::vector<double> atrial;   // activation times, sorted
  std::vector<Beat> ventricular;
  std::vector<double> pacer;    // pacer pulse times
  EcgInputs base;               // modes, physiology, VF features; times are filled per sample
  ArtefactSwitches switches;
  double cpr_rate_per_min = 0.0;  // > 0: compressions from cpr_start_s to cpr_end_s
  double cpr_start_s = 0.0, cpr_end_s = 0.0, cpr_depth_mm = 50.0;
  uint64_t seed = 1;
  std::function<void(double t, EcgInputs&)> modify;  // optional per-sample change
};

struct Recording {
  double fs = 0.0;
  std::vector<std::array<double, kNumLeads>> x;
  long identity_failures = 0;
  std::vector<double> lead(int l) const;
  std::vector<double> lead(int l, double from_s, double to_s) const;
};

// Renders the episode; any sample where I + III != II exactly is a test failure.
Recording render(const Episode& e, const EcgParams& p = default_ecg_params());

// Standard normal draws, identical on every platform (Box-Muller on a 64-bit Mersenne twister).
class Normal {
 public:
  explicit Normal(uint64_t seed) : g_(seed) {}
  double operator()();
  double uniform();

 private:
  std::mt19937_64 g_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Rhythm builders. Times start at t0 and run to the episode end.
void sinus(Episode& e, double rate_bpm, double pr_s, double t0 = 0.2);
void irregular_conducted(Episode& e, double mean_rr_s, double cv, uint64_t seed, double t0 = 0.2);
void ventricular_train(Episode& e, double rate_bpm, int32_t origin, double t0 = 0.2);
void flutter(Episode& e, int ratio, double cycle_s = 0.2, double av_delay_s = 0.24);
void svt(Episode& e, double rate_bpm);
void paced(Episode& e, double rate_bpm);
void complete_block(Episode& e, double atrial_bpm, double escape_bpm, int32_t origin);
void bigeminy(Episode& e, double rate_bpm, double coupling);  // PVC every other beat
void vf(Episode& e, double amplitude_mV, double df_Hz);
void asystole(Episode& e);

// Ventricular activation times (the detector reference).
std::vector<double> ventricular_times(const Episode& e);

}  // namespace resus::ecg::test
