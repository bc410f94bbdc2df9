#include "ecg_recorder.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "ecg_annotations.hpp"
#include "events.hpp"

namespace resus_cli {
namespace {

constexpr int32_t kLeadCapacity = 8192;  // the library's ring buffer per lead

}  // namespace

EcgRecorder::EcgRecorder(std::unique_ptr<EcgSink> sink, int32_t rate_hz)
    : sink_(std::move(sink)), beats_(256) {
  summary_.rate_hz = rate_hz;
}

int64_t EcgRecorder::sample_at(double t_s) const {
  return std::max<int64_t>(0, std::llround(t_s * summary_.rate_hz) - first_index_);
}

void EcgRecorder::annotate_rhythm(double t_s, const std::string& rhythm_name) {
  annotations_.push_back({sample_at(t_s), kAnnotRhythm, rhythm_mnemonic(rhythm_name)});
}

void EcgRecorder::on_start(resus_sim* sim) {
  resus_ecg_def def = resus_default_ecg_def();
  def.sample_rate_hz = summary_.rate_hz;
  const resus_status status = resus_sim_ecg_configure(sim, &def);
  if (status != RESUS_OK)
    throw std::runtime_error("cannot configure the ECG: " + error_text(status, sim));
  // The first sample is the first one after the current time (the library's convention).
  first_index_ = static_cast<int64_t>(std::floor(resus_sim_time(sim) * summary_.rate_hz + 1e-9)) + 1;
  EcgRecordInfo info;
  info.rate_hz = summary_.rate_hz;
  info.first_index = first_index_;
  for (int32_t l = 0; l < resus_ecg_lead_count(); ++l) info.leads.emplace_back(resus_ecg_lead_name(l));
  leads_.assign(info.leads.size(), std::vector<float>(kLeadCapacity));
  sink_->begin(info);

  int32_t rhythm_id = -1;
  resus_signal_find("rhythm_id", &rhythm_id);
  const double rhythm = resus_sim_signal(sim, rhythm_id);
  if (std::isfinite(rhythm)) annotate_rhythm(resus_sim_time(sim), rhythm_text(static_cast<int32_t>(rhythm)));
}

void EcgRecorder::on_advance(resus_sim* sim) {
  // Every lead has the same samples available; read them all, then interleave.
  int64_t count = -1;
  for (std::size_t l = 0; l < leads_.size(); ++l) {
    int32_t n = 0;
    if (resus_sim_ecg_read(sim, static_cast<int32_t>(l), leads_[l].data(), kLeadCapacity, &n) != RESUS_OK)
      n = 0;
    count = count < 0 ? n : std::min<int64_t>(count, n);
  }
  if (count > 0) {
    const std::size_t nl = leads_.size();
    frames_.resize(static_cast<std::size_t>(count) * nl);
    for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k)
      for (std::size_t l = 0; l < nl; ++l) frames_[k * nl + l] = leads_[l][k];
    sink_->write(frames_, count);
    summary_.samples += count;
  }

  int32_t n = 0;
  do {
    if (resus_sim_poll_beats(sim, beats_.data(), static_cast<int32_t>(beats_.size()), &n) != RESUS_OK) break;
    for (int32_t i = 0; i < n; ++i) {
      const resus_beat& b = beats_[static_cast<std::size_t>(i)];
      annotations_.push_back({sample_at(b.time_s), beat_code(b.origin), ""});
      ++summary_.beats;
    }
  } while (n == static_cast<int32_t>(beats_.size()));
  resus_sim_ecg_dropped(sim, 0, &summary_.dropped);
}

void EcgRecorder::on_event(const ScenarioEvent& e) {
  if (e.kind == "rhythm_changed") annotate_rhythm(e.time_s, e.detail);
}

std::string EcgRecorder::finish() {
  // A beat in the last half sample rounds past the end of the record: keep it on the last one.
  for (EcgAnnotation& a : annotations_) a.sample = std::min(a.sample, std::max<int64_t>(0, summary_.samples - 1));
  std::stable_sort(annotations_.begin(), annotations_.end(),
                   [](const EcgAnnotation& a, const EcgAnnotation& b) { return a.sample < b.sample; });
  std::string error = sink_->finish(annotations_, summary_.samples);
  if (error.empty() && summary_.dropped > 0)
    error = "resus: the ECG lost " + std::to_string(summary_.dropped) + " samples per lead";
  return error;
}

}  // namespace resus_cli
