#include "outputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>

namespace resus_cli {
namespace {

using ordered_json = nlohmann::ordered_json;

// NaN has no JSON spelling; null says "no value" honestly.
ordered_json number_or_null(double v) { return std::isfinite(v) ? ordered_json(v) : ordered_json(); }

std::string signal_unit(const std::string& name) {
  int32_t index = -1;
  const char* unit = nullptr;
  if (resus_signal_find(name.c_str(), &index) == RESUS_OK)
    resus_signal_info(index, nullptr, &unit, nullptr);
  return unit ? unit : "";
}

}  // namespace

CsvWriter::CsvWriter(const std::string& path, const std::vector<std::string>& signals)
    : path_(path == "-" ? "<stdout>" : path),
      file_(path == "-" ? stdout : std::fopen(path.c_str(), "w")) {
  if (!file_) throw InputError(path + ": cannot create the CSV file: " + std::strerror(errno));
  std::fputs("time_s", file_.get());
  for (const std::string& name : signals) std::fprintf(file_.get(), ",%s", name.c_str());
  std::fputc('\n', file_.get());
}

void CsvWriter::on_sample(double t, std::span<const double> values) {
  std::fprintf(file_.get(), "%.10g", t);
  for (double v : values) {
    if (std::isnan(v)) std::fputs(",NaN", file_.get());
    else std::fprintf(file_.get(), ",%.8g", v);
  }
  std::fputc('\n', file_.get());
}

std::string CsvWriter::finish() {
  std::FILE* f = file_.release();
  const bool failed = std::ferror(f) != 0;
  const int saved_errno = errno;
  if ((f == stdout ? std::fflush(f) : std::fclose(f)) != 0 || failed)
    return path_ + ": writing the CSV file failed: " + std::strerror(saved_errno ? saved_errno : errno);
  return "";
}

SignalStats::SignalStats(std::size_t count) : stats_(count) {}

void SignalStats::on_sample(double, std::span<const double> values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    Stats& s = stats_[i];
    const double v = values[i];
    if (s.samples++ == 0) s.start = v;
    s.end = v;
    if (std::isnan(v)) continue;
    s.min = s.finite == 0 ? v : std::min(s.min, v);
    s.max = s.finite == 0 ? v : std::max(s.max, v);
    s.sum += v;
    ++s.finite;
  }
}

std::string write_summary(const std::string& path, const SummaryInputs& in) {
  const Scenario& sc = in.scenario;
  const RunResult& r = in.result;
  ordered_json j;
  j["resus_version"] = resus_version();
  j["scenario"] = sc.source;
  j["patient"] = sc.patient;
  ordered_json params;
  for (const char* name : {"age_years", "body_mass_kg", "height_cm", "blood_volume_mL", "heart_rate_set_bpm"}) {
    double v = NAN;
    resus_model_param(in.model, name, &v);
    if (std::string_view(name) == "height_cm" && v == 0.0) v = NAN;  // none given
    params[name] = number_or_null(v);
  }
  j["patient_parameters"] = params;
  j["seed"] = sc.seed;
  j["duration_s"] = sc.duration_s;
  j["simulated_s"] = r.simulated_s;
  j["completed"] = r.ok;
  if (!r.ok) j["error"] = r.error;
  j["record_interval_s"] = sc.record_interval_s;

  ordered_json signals = ordered_json::object();
  for (std::size_t i = 0; i < sc.signals.size(); ++i) {
    const SignalStats::Stats& s = in.stats.stats()[i];
    signals[sc.signals[i]] = {
        {"unit", signal_unit(sc.signals[i])},
        {"start", number_or_null(s.start)},
        {"end", number_or_null(s.end)},
        {"min", number_or_null(s.min)},
        {"max", number_or_null(s.max)},
        {"mean", number_or_null(s.finite > 0 ? s.sum / static_cast<double>(s.finite) : NAN)},
        {"samples", s.samples},
    };
  }
  j["signals"] = signals;

  ordered_json events = ordered_json::array();
  for (const ScenarioEvent& e : r.events) {
    ordered_json ev = {{"time_s", e.time_s}, {"kind", e.kind}};
    if (!e.action.empty()) ev["action"] = e.action;
    if (!e.detail.empty()) ev["detail"] = e.detail;
    ev["value"] = number_or_null(e.value);
    ev["text"] = e.text;
    events.push_back(ev);
  }
  j["events"] = events;
  if (in.ecg)
    j["ecg"] = {{"samples", in.ecg->samples}, {"beats", in.ecg->beats}, {"rate_hz", in.ecg->rate_hz}};
  if (in.waves)
    j["waves"] = {{"samples", in.waves->samples}, {"rate_hz", in.waves->rate_hz}};
  j["model_compile_s"] = in.compile_s;
  j["wall_time_s"] = r.wall_s;
  j["real_time_factor"] = number_or_null(r.wall_s > 0.0 ? r.simulated_s / r.wall_s : NAN);

  std::ofstream out(path);
  if (!out) return path + ": cannot create the JSON summary: " + std::strerror(errno);
  out << j.dump(2) << "\n";
  out.close();
  if (!out) return path + ": writing the JSON summary failed";
  return "";
}

}  // namespace resus_cli
