#include "wave_csv.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "scenario.hpp"

namespace resus_cli {
namespace {

constexpr int32_t kWaveCapacity = 8192;  // the library's ring buffer per wave

}  // namespace

WaveCsvRecorder::WaveCsvRecorder(const std::string& path, int32_t rate_hz)
    : path_(path), file_(std::fopen(path.c_str(), "w")) {
  if (!file_) throw InputError(path + ": cannot create the waveform CSV file: " + std::strerror(errno));
  summary_.rate_hz = rate_hz;
}

void WaveCsvRecorder::on_start(resus_sim* sim) {
  const resus_status status = resus_sim_waveforms_configure(sim, summary_.rate_hz);
  if (status != RESUS_OK)
    throw std::runtime_error("cannot configure the waveforms: " + error_text(status, sim));
  // The first sample is the first one after the current time (the library's convention).
  first_index_ = static_cast<int64_t>(std::floor(resus_sim_time(sim) * summary_.rate_hz + 1e-9)) + 1;
  waves_.assign(static_cast<std::size_t>(resus_wave_count()), std::vector<float>(kWaveCapacity));
  std::fputs("time_s", file_.get());
  for (int32_t w = 0; w < resus_wave_count(); ++w) std::fprintf(file_.get(), ",%s", resus_wave_name(w));
  std::fputc('\n', file_.get());
}

void WaveCsvRecorder::on_advance(resus_sim* sim) {
  // Every wave has the same samples available; read them all, then write row by row.
  int64_t count = -1;
  for (std::size_t w = 0; w < waves_.size(); ++w) {
    int32_t n = 0;
    if (resus_sim_waveform_read(sim, static_cast<int32_t>(w), waves_[w].data(), kWaveCapacity, &n) != RESUS_OK)
      n = 0;
    count = count < 0 ? n : std::min<int64_t>(count, n);
  }
  for (int64_t k = 0; k < count; ++k, ++summary_.samples) {
    // Sample times from the index, so that they do not drift over long runs.
    std::fprintf(file_.get(), "%.10g",
                 static_cast<double>(first_index_ + summary_.samples) / summary_.rate_hz);
    for (const std::vector<float>& wave : waves_)
      std::fprintf(file_.get(), ",%.6g", static_cast<double>(wave[static_cast<std::size_t>(k)]));
    std::fputc('\n', file_.get());
  }
  int64_t dropped = 0;
  if (resus_sim_waveform_dropped(sim, 0, &dropped) == RESUS_OK) summary_.dropped = dropped;
}

std::string WaveCsvRecorder::finish() {
  std::FILE* f = file_.release();
  const bool failed = std::ferror(f) != 0;
  if (std::fclose(f) != 0 || failed) return path_ + ": writing the waveform CSV file failed";
  if (summary_.dropped > 0)
    return "resus: the waveforms lost " + std::to_string(summary_.dropped) + " samples per wave";
  return "";
}

}  // namespace resus_cli
