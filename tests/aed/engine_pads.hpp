// The engine's own pads ECG, reached through the C API, for the AED tests: one simulated
// patient with the pads lead on, read back a second at a time.
#pragma once

#include <gtest/gtest.h>
#include <resus/resus.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

namespace resus::aed_test {

inline const resus_model* adult_model() {
  static const std::unique_ptr<resus_model, decltype(&resus_model_destroy)> model = [] {
    resus_model* m = nullptr;
    EXPECT_EQ(resus_model_create_preset("adult_male_70kg", &m), RESUS_OK);
    return std::unique_ptr<resus_model, decltype(&resus_model_destroy)>(m, resus_model_destroy);
  }();
  return model.get();
}

inline int32_t signal_index(const char* name) {
  int32_t index = -1;
  EXPECT_EQ(resus_signal_find(name, &index), RESUS_OK) << name;
  return index;
}

// One simulated patient with the pads ECG on. Advancing drains the pads every simulated second,
// well within the 8192-sample buffer.
class Patient {
 public:
  // noisy: the ECG's optional artefacts on (baseline wander, mains hum, muscle noise).
  // model: the adult preset unless given.
  Patient(uint64_t seed, int32_t ecg_rate_hz, bool noisy = false,
          const resus_model* model = adult_model())
      : fs_(ecg_rate_hz) {
    resus_sim_def def = resus_default_sim_def();
    def.seed = seed;
    EXPECT_EQ(resus_sim_create(model, &def, &sim_), RESUS_OK);
    resus_ecg_def ecg = resus_default_ecg_def();
    ecg.sample_rate_hz = ecg_rate_hz;
    ecg.baseline_wander = ecg.mains = ecg.muscle = noisy ? 1 : 0;
    EXPECT_EQ(resus_sim_ecg_configure(sim_, &ecg), RESUS_OK);
    EXPECT_EQ(resus_ecg_lead_find("pads", &pads_), RESUS_OK);
  }
  ~Patient() { resus_sim_destroy(sim_); }
  Patient(const Patient&) = delete;
  Patient& operator=(const Patient&) = delete;

  resus_sim* sim() { return sim_; }
  double sample_rate() const { return fs_; }

  // The pads over the next `seconds`.
  std::vector<float> record(double seconds) {
    std::vector<float> out;
    double left = seconds;
    while (left > 1e-9) {
      const double step = std::min(1.0, left);
      EXPECT_EQ(resus_sim_advance(sim_, step), RESUS_OK);
      left -= step;
      int32_t count = 0;
      EXPECT_EQ(resus_sim_ecg_read(sim_, pads_, buffer_.data(),
                                   static_cast<int32_t>(buffer_.size()), &count),
                RESUS_OK);
      out.insert(out.end(), buffer_.begin(), buffer_.begin() + count);
    }
    return out;
  }
  void advance(double seconds) { record(seconds); }

  // The annotation: the rhythm the engine is in (scoring only, never given to the analysis).
  int annotated_rhythm() const {
    static const int32_t index = signal_index("rhythm_id");
    return static_cast<int>(std::lround(resus_sim_signal(sim_, index)));
  }
  double premature_beats() const {
    static const int32_t index = signal_index("pvc_count");
    return resus_sim_signal(sim_, index);
  }
  double annotated_ventricular_rate() const {
    static const int32_t index = signal_index("ventricular_rate_bpm");
    return resus_sim_signal(sim_, index);
  }

 private:
  double fs_;
  resus_sim* sim_ = nullptr;
  int32_t pads_ = -1;
  std::vector<float> buffer_ = std::vector<float>(8192);
};

}  // namespace resus::aed_test
