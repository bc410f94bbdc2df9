// Records the ECG during a run: configures it when the sim starts, drains all leads and the beats
// after every advance, turns beats and rhythm changes into annotations and hands everything to
// a file format (EcgSink).
#pragma once

#include <resus/resus.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ecg_sink.hpp"
#include "runner.hpp"

namespace resus_cli {

struct EcgSummary {
  int64_t samples = 0;  // per lead
  int64_t beats = 0;    // ventricular activations polled
  int32_t rate_hz = 0;
  int64_t dropped = 0;  // samples lost because a lead was not drained in time (should be 0)
};

class EcgRecorder : public RunObserver {
 public:
  EcgRecorder(std::unique_ptr<EcgSink> sink, int32_t rate_hz);
  void on_start(resus_sim* sim) override;
  void on_advance(resus_sim* sim) override;
  void on_event(const ScenarioEvent& event) override;
  // The ring buffers hold 8192 samples per lead: 8 s at 1000 Hz.
  double max_advance_s() const override { return 2.0; }

  // Writes the annotations and closes the files; returns an error message, or "".
  std::string finish();
  const EcgSummary& summary() const { return summary_; }

 private:
  int64_t sample_at(double t_s) const;
  void annotate_rhythm(double t_s, const std::string& rhythm_name);

  std::unique_ptr<EcgSink> sink_;
  EcgSummary summary_;
  int64_t first_index_ = 0;
  std::vector<std::vector<float>> leads_;  // one drain's samples, per lead
  std::vector<float> frames_;              // the same, interleaved
  std::vector<resus_beat> beats_;
  std::vector<EcgAnnotation> annotations_;
};

}  // namespace resus_cli
