// Records the monitor waveforms during a run (`resus run --waves FILE`): configures them when the
// sim starts, drains every wave after each advance and writes one CSV row per sample,
// header `time_s,abp,cvp,...` (the library's wave names), values in each wave's unit.
#pragma once

#include <resus/resus.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "runner.hpp"

namespace resus_cli {

struct WaveSummary {
  int64_t samples = 0;  // per wave
  int32_t rate_hz = 0;
  int64_t dropped = 0;  // samples lost because a wave was not drained in time (should be 0)
};

class WaveCsvRecorder : public RunObserver {
 public:
  // Creates `path`; throws InputError if it cannot.
  WaveCsvRecorder(const std::string& path, int32_t rate_hz);
  void on_start(resus_sim* sim) override;
  void on_advance(resus_sim* sim) override;
  // The ring buffers hold 8192 samples per wave: 16 s at 500 Hz.
  double max_advance_s() const override { return 2.0; }

  // Closes the file; returns an error message, or "".
  std::string finish();
  const WaveSummary& summary() const { return summary_; }

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  WaveSummary summary_;
  int64_t first_index_ = 0;
  std::vector<std::vector<float>> waves_;  // one drain's samples, per wave
};

}  // namespace resus_cli
