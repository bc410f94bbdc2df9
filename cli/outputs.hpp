// The files `resus run` writes: the recorded signals as CSV (streamed while running, so long runs
// need no memory) and a JSON summary at the end.
#pragma once

#include <resus/resus.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ecg_recorder.hpp"
#include "runner.hpp"
#include "scenario.hpp"
#include "wave_csv.hpp"

namespace resus_cli {

class CsvWriter : public RunObserver {
 public:
  // Opens `path` ("-": standard output) and writes the header row; throws InputError if it
  // cannot be created.
  CsvWriter(const std::string& path, const std::vector<std::string>& signals);
  void on_sample(double t_s, std::span<const double> values) override;
  // Flushes and closes; returns an error message, or "" when everything was written.
  std::string finish();

 private:
  struct Closer {
    void operator()(std::FILE* f) const {
      if (f != stdout) std::fclose(f);
    }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
};

// Start, end, min, max and mean of each recorded signal, for the summary.
class SignalStats : public RunObserver {
 public:
  explicit SignalStats(std::size_t count);
  void on_sample(double t_s, std::span<const double> values) override;

  struct Stats {
    double start = NAN, end = NAN, min = NAN, max = NAN, sum = 0.0;
    int64_t finite = 0, samples = 0;
  };
  const std::vector<Stats>& stats() const { return stats_; }

 private:
  std::vector<Stats> stats_;
};

struct SummaryInputs {
  const Scenario& scenario;
  const resus_model* model;
  const RunResult& result;
  const SignalStats& stats;
  double compile_s;
  const EcgSummary* ecg;  // nullptr: no ECG recorded
  const WaveSummary* waves = nullptr;  // nullptr: no waveforms recorded
};

// Writes the JSON summary; returns an error message, or "" on success.
std::string write_summary(const std::string& path, const SummaryInputs& in);

}  // namespace resus_cli
