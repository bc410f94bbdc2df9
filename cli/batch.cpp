#include "batch.hpp"

#include <resus/resus.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "patient_run.hpp"
#include "scenario.hpp"
#include "study.hpp"

namespace resus_cli {
namespace {

namespace fs = std::filesystem;
using resus_team::PatientDraw;
using resus_team::PatientOutcome;
using resus_team::Study;
using Clock = std::chrono::steady_clock;

struct Layout {
  int64_t patients;
  int64_t chunk_patients;
  int64_t chunks;
  uint64_t hash;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Written whole or not at all: a killed run never leaves half a chunk. The temporary name is
// the writer's own, so that two shards merging at once on a shared file system do not collide.
void write_atomically(const fs::path& path, const std::string& text) {
  static std::atomic<uint64_t> serial{0};
  const fs::path tmp = path.string() + ".tmp." + std::to_string(getpid()) + "." + std::to_string(serial++);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error(tmp.string() + ": cannot be written");
  }
  fs::rename(tmp, path);
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

std::string chunk_name(int64_t chunk) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "chunk-%06lld", static_cast<long long>(chunk));
  return buf;
}

// Appends ",value" (GCC 12 warns falsely on "," + std::string, -Wrestrict).
void cell(std::string& row, const std::string& value) {
  row += ',';
  row += value;
}

std::string csv_header(const Study& st, const PatientDraw& any) {
  std::string h = "patient,preset,cause,rhythm,witnessed";
  for (const auto& [name, v] : any.overrides) cell(h, name);
  for (const auto& [name, present] : any.comorbid) cell(h, "comorbidity." + name);
  for (const auto& [name, v] : any.team_drawn) cell(h, "team." + name);
  h += ",status,collapse_s,rosc_any,rosc_sustained_20min,alive_at_end,favourable_neuro,rosc_minutes_at_end,"
       "brain_ischaemia_min,compression_fraction,first_analysis,first_cpr_s,first_shock_s,first_epinephrine_s,"
       "first_rosc_s,shocks,epinephrine_doses,antiarrhythmic_doses,analyses,rearrests,stopped_s,"
       "brain_injury_index_min\n";
  (void)st;
  return h;
}

std::string csv_row(const PatientDraw& d, const PatientOutcome& o) {
  std::string r = std::to_string(d.index);
  cell(r, d.preset);
  cell(r, d.cause);
  cell(r, d.rhythm);
  cell(r, d.witnessed);
  for (const auto& [name, v] : d.overrides) cell(r, num(v));
  for (const auto& [name, present] : d.comorbid) cell(r, present ? "1" : "0");
  for (const auto& [name, v] : d.team_drawn) cell(r, num(v));
  const auto& t = o.tally;
  std::string status = o.ok ? "ok" : o.error;
  for (char& c : status)
    if (c == ',' || c == '\n' || c == '"') c = ' ';
  cell(r, status);
  cell(r, num(o.collapse_s));
  for (bool flag : {o.rosc_any, o.rosc_sustained, o.alive_at_end, o.favourable_neuro})
    cell(r, flag ? "1" : "0");
  cell(r, num(o.rosc_minutes_at_end));
  cell(r, num(o.brain_ischaemia_min));
  cell(r, num(o.compression_fraction));
  cell(r, t.first_analysis.empty() ? "none" : t.first_analysis);
  for (double v : {t.first_cpr_s, t.first_shock_s, t.first_epinephrine_s, t.first_rosc_s})
    cell(r, num(v));
  for (int32_t n : {t.shocks, t.epinephrine_doses, t.antiarrhythmic_doses, t.analyses, t.rearrests})
    cell(r, std::to_string(n));
  cell(r, num(t.stopped_s));
  cell(r, num(o.brain_injury_index_min));
  r += '\n';
  return r;
}

nlohmann::json json_row(const PatientDraw& d, const PatientOutcome& o) {
  nlohmann::json j;
  j["patient"] = d.index;
  j["preset"] = d.preset;
  j["cause"] = d.cause;
  j["rhythm"] = d.rhythm;
  j["witnessed"] = d.witnessed;
  for (const auto& [name, v] : d.overrides) j["parameters"][name] = v;
  for (const auto& [name, present] : d.comorbid) j["comorbidities"][name] = present;
  for (const auto& [name, v] : d.team_drawn) j["team"][name] = v;
  j["status"] = o.ok ? "ok" : o.error;
  j["outcomes"] = {{"collapse_s", o.collapse_s},
                   {"rosc_any", o.rosc_any},
                   {"rosc_sustained_20min", o.rosc_sustained},
                   {"alive_at_end", o.alive_at_end},
                   {"favourable_neuro", o.favourable_neuro},
                   {"rosc_minutes_at_end", o.rosc_minutes_at_end},
                   {"brain_ischaemia_min", o.brain_ischaemia_min},
                   {"brain_injury_index_min", o.brain_injury_index_min},
                   {"compression_fraction", o.compression_fraction}};
  const auto& t = o.tally;
  j["team_tally"] = {{"first_analysis", t.first_analysis}, {"first_cpr_s", t.first_cpr_s},
                     {"first_shock_s", t.first_shock_s},   {"first_epinephrine_s", t.first_epinephrine_s},
                     {"first_rosc_s", t.first_rosc_s},     {"shocks", t.shocks},
                     {"epinephrine_doses", t.epinephrine_doses},
                     {"antiarrhythmic_doses", t.antiarrhythmic_doses},
                     {"analyses", t.analyses},             {"rearrests", t.rearrests},
                     {"stopped_s", t.stopped_s}};
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : o.log) events.push_back({{"t_s", e.t_s}, {"what", e.what}});
  if (!o.log.empty()) j["events"] = std::move(events);
  return j;
}

// The teams' decision logs as one flat table, patient by patient in time order: a CSV field
// quoted, its quotes doubled (RFC 4180).
std::string event_rows(const nlohmann::json& patients) {
  std::string rows;
  for (const auto& p : patients) {
    if (!p.contains("events")) continue;
    const std::string patient = std::to_string(p.at("patient").get<int64_t>());
    for (const auto& e : p.at("events")) {
      std::string what = e.at("what").get<std::string>(), quoted = "\"";
      for (char c : what) {
        if (c == '"') quoted += '"';
        quoted += c;
      }
      quoted += '"';
      rows += patient;
      cell(rows, num(e.at("t_s").get<double>()));
      cell(rows, quoted);
      rows += '\n';
    }
  }
  return rows;
}

std::string series_rows(const Study& st, const PatientDraw& d, const PatientOutcome& o) {
  std::string rows;
  const std::size_t n = st.record_signals.size();
  if (n == 0) return rows;
  for (std::size_t row = 0; row * n < o.series.size(); ++row) {
    std::string line = std::to_string(d.index);
    cell(line, num(static_cast<double>(row) * st.record_interval_s));
    for (std::size_t k = 0; k < n; ++k) cell(line, num(o.series[row * n + k]));
    rows += line;
    rows += '\n';
  }
  return rows;
}

Layout layout_of(const Study& st, int64_t chunk_patients) {
  Layout l;
  l.patients = st.patients;
  l.chunk_patients = chunk_patients;
  l.chunks = (st.patients + chunk_patients - 1) / chunk_patients;
  l.hash = resus_team::study_hash(st) ^ static_cast<uint64_t>(st.patients) * 0x9E3779B97F4A7C15ull;
  return l;
}

// The results' columns: raised whenever a row gains or loses one (2: the witness status), so a
// directory begun by an older build is not resumed into mismatched rows.
constexpr int kResultsFormat = 2;

// The directory's identity: the study text, its patient count, the library version and the
// results' format. A rerun into the same directory resumes only the same study.
void claim_directory(const fs::path& dir, const Study& st, const Layout& l) {
  fs::create_directories(dir / "chunks");
  nlohmann::json id = {{"patients", l.patients},
                       {"chunks", l.chunks},
                       {"chunk_patients", l.chunk_patients},
                       {"study_hash", std::to_string(l.hash)},
                       {"resus_version", resus_version()},
                       {"results_format", kResultsFormat}};
  const fs::path id_path = dir / "batch.json";
  if (fs::exists(id_path)) {
    nlohmann::json old;
    try {
      old = nlohmann::json::parse(read_file(id_path.string()));
    } catch (const nlohmann::json::exception&) {
      throw InputError(id_path.string() + ": not a batch directory's record; use another --out");
    }
    if (old != id)
      throw InputError(dir.string() + ": holds the results of another study, patient count, resus "
                                      "version or results format; use another --out");
    return;
  }
  write_atomically(dir / "study.json", st.text);
  write_atomically(id_path, id.dump(2) + "\n");
}

class Progress {
 public:
  Progress(int64_t total, bool show) : total_(total), show_(show && isatty(STDERR_FILENO)) {}
  void done(int64_t n) {
    const int64_t d = done_.fetch_add(n) + n;
    if (!show_) return;
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    if (d < total_ && elapsed - last_ < 0.5) return;
    last_ = elapsed;
    const int width = 30, filled = static_cast<int>(width * d / std::max<int64_t>(total_, 1));
    const double eta = d > 0 ? elapsed * static_cast<double>(total_ - d) / static_cast<double>(d) : 0.0;
    std::fprintf(stderr, "\r[%s%s] %lld/%lld patients, %.0f s, ETA %.0f s ",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), ' ').c_str(),
                 static_cast<long long>(d), static_cast<long long>(total_), elapsed, eta);
    if (d >= total_) std::fprintf(stderr, "\n");
  }

 private:
  int64_t total_;
  bool show_;
  std::atomic<int64_t> done_{0};
  std::mutex mutex_;
  double last_ = -1.0;
  Clock::time_point start_ = Clock::now();
};

struct ChunkResults {
  std::vector<PatientDraw> draws;
  std::vector<PatientOutcome> outcomes;
  std::atomic<int64_t> remaining{0};
};

void write_chunk(const fs::path& dir, const Study& st, int64_t chunk, const ChunkResults& c) {
  std::string csv = csv_header(st, c.draws.front());
  std::string series;
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < c.draws.size(); ++i) {
    csv += csv_row(c.draws[i], c.outcomes[i]);
    rows.push_back(json_row(c.draws[i], c.outcomes[i]));
    series += series_rows(st, c.draws[i], c.outcomes[i]);
  }
  const fs::path base = dir / "chunks" / chunk_name(chunk);
  if (!st.record_signals.empty()) write_atomically(base.string() + ".series.csv", series);
  write_atomically(base.string() + ".json", rows.dump() + "\n");
  write_atomically(base.string() + ".csv", csv);  // last: its presence marks the chunk done
}

struct Totals {
  int64_t patients = 0, rosc = 0, sustained = 0, alive = 0, favourable = 0, failed = 0;
  double compile_s = 0.0, run_s = 0.0;
};

}  // namespace

void parse_shard(const std::string& text, int* shard, int* shards) {
  int i = -1, n = -1;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d/%d%c", &i, &n, &tail) != 2 || n < 1 || i < 0 || i >= n)
    throw InputError("--shard: \"" + text + "\" must be I/N with 0 <= I < N (e.g. 3/16)");
  *shard = i;
  *shards = n;
}

int run_batch(const BatchOptions& opt) {
  Study st;
  try {
    st = resus_team::parse_study(read_file(opt.study), opt.study);
  } catch (const resus_team::StudyError& e) {
    throw InputError(e.what());
  }
  if (opt.patients > 0) st.patients = opt.patients;
  const Layout l = layout_of(st, opt.chunk_patients);
  const fs::path dir(opt.out);
  claim_directory(dir, st, l);

  // This shard's chunks; those already written are done.
  const int64_t first_chunk = l.chunks * opt.shard / opt.shards;
  const int64_t end_chunk = l.chunks * (opt.shard + 1) / opt.shards;
  std::vector<int64_t> todo;
  for (int64_t c = first_chunk; c < end_chunk; ++c)
    if (!fs::exists(dir / "chunks" / (chunk_name(c) + ".csv"))) todo.push_back(c);
  std::vector<ChunkResults> results(todo.size());
  std::vector<std::pair<std::size_t, int64_t>> work;  // (chunk slot, patient)
  for (std::size_t k = 0; k < todo.size(); ++k) {
    const int64_t begin = todo[k] * l.chunk_patients, end = std::min(l.patients, begin + l.chunk_patients);
    results[k].draws.resize(static_cast<std::size_t>(end - begin));
    results[k].outcomes.resize(static_cast<std::size_t>(end - begin));
    results[k].remaining = end - begin;
    for (int64_t p = begin; p < end; ++p) work.emplace_back(k, p);
  }
  if (!opt.quiet)
    std::cerr << "resus batch: " << work.size() << " patients to run in shard " << opt.shard << "/"
              << opt.shards << " (" << (end_chunk - first_chunk - static_cast<int64_t>(todo.size()))
              << " chunks already done)\n";

  Progress progress(static_cast<int64_t>(work.size()), !opt.quiet);
  std::mutex totals_mutex;
  Totals totals;
  resus_team::ModelCache models;
  std::string write_error;
  const auto start = Clock::now();
  tbb::task_arena arena(opt.threads > 0 ? opt.threads : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, work.size(), 1), [&](const auto& range) {
      for (std::size_t w = range.begin(); w != range.end(); ++w) {
        const auto [slot, patient] = work[w];
        ChunkResults& c = results[slot];
        const auto i = static_cast<std::size_t>(patient - todo[slot] * l.chunk_patients);
        c.draws[i] = resus_team::sample_patient(st, patient);
        c.outcomes[i] = resus_team::run_patient(st, c.draws[i], &models);
        {
          std::lock_guard lock(totals_mutex);
          const PatientOutcome& o = c.outcomes[i];
          ++totals.patients;
          totals.rosc += o.rosc_any;
          totals.sustained += o.rosc_sustained;
          totals.alive += o.alive_at_end;
          totals.favourable += o.favourable_neuro;
          totals.failed += !o.ok;
          totals.compile_s += o.compile_wall_s;
          totals.run_s += o.run_wall_s;
        }
        if (c.remaining.fetch_sub(1) == 1) {
          try {
            write_chunk(dir, st, todo[slot], c);
          } catch (const std::exception& e) {
            std::lock_guard lock(totals_mutex);
            write_error = e.what();
          }
          c.draws = {};  // free its memory
          c.outcomes = {};
        }
        progress.done(1);
      }
    });
  });
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  if (!write_error.empty()) {
    std::cerr << "resus batch: " << write_error << "\n";
    return 1;
  }
  if (!opt.quiet && totals.patients > 0) {
    const double sim_min = static_cast<double>(totals.patients) * st.duration_s / 60.0;
    const double n = static_cast<double>(totals.patients);
    std::fprintf(stderr,
                 "resus batch: %lld patients in %.1f s wall: ROSC %.1f%%, sustained %.1f%%, alive "
                 "%.1f%%, favourable %.1f%%, failed %lld\n"
                 "  throughput %.1f patient-simulated-minutes per wall second; compiling %.0f%% "
                 "of patient time\n",
                 static_cast<long long>(totals.patients), wall, 100 * totals.rosc / n,
                 100 * totals.sustained / n, 100 * totals.alive / n, 100 * totals.favourable / n,
                 static_cast<long long>(totals.failed), sim_min / wall,
                 100 * totals.compile_s / std::max(totals.compile_s + totals.run_s, 1e-9));
  }
  // Merge once the whole study is there (the last shard to finish does it).
  if (!opt.merge) return 0;
  for (int64_t c = 0; c < l.chunks; ++c)
    if (!fs::exists(dir / "chunks" / (chunk_name(c) + ".csv"))) return 0;
  return run_merge(opt.out, opt.quiet);
}

int run_draw(const std::string& study_path, int64_t patients, int64_t first, int64_t count,
             std::ostream& out) {
  Study st;
  try {
    st = resus_team::parse_study(read_file(study_path), study_path);
  } catch (const resus_team::StudyError& e) {
    throw InputError(e.what());
  }
  if (patients > 0) st.patients = patients;
  // Only the patients the batch runs: patient i of a larger count would be another study's.
  if (first >= st.patients)
    throw InputError("--first = " + std::to_string(first) + " is out of range; valid range is [0, " +
                     std::to_string(st.patients - 1) + "] (the study's patients)");
  if (count <= 0) count = st.patients - first;
  if (count > st.patients - first)
    throw InputError("--count = " + std::to_string(count) + " is out of range; valid range is [1, " +
                     std::to_string(st.patients - first) + "] (the study's patients from --first)");
  for (int64_t i = first; i < first + count; ++i)
    out << resus_team::draw_json(st, resus_team::sample_patient(st, i)) << '\n';
  return 0;
}

int run_merge(const std::string& dir_text, bool quiet) {
  const fs::path dir(dir_text);
  nlohmann::json id;
  try {
    id = nlohmann::json::parse(read_file((dir / "batch.json").string()));
  } catch (const nlohmann::json::exception&) {
    throw InputError((dir / "batch.json").string() + ": not a batch directory's record");
  }
  const int64_t chunks = id.value("chunks", int64_t{0});
  std::string csv, series;
  nlohmann::json rows = nlohmann::json::array();
  std::vector<int64_t> missing;
  for (int64_t c = 0; c < chunks; ++c) {
    const fs::path base = dir / "chunks" / chunk_name(c);
    if (!fs::exists(base.string() + ".csv")) {
      missing.push_back(c);
      continue;
    }
    const std::string part = read_file(base.string() + ".csv");
    const std::size_t body = part.find('\n') + 1;
    if (csv.empty()) csv = part.substr(0, body);
    else if (part.compare(0, body, csv, 0, csv.find('\n') + 1) != 0)
      throw InputError(base.string() + ".csv: its columns differ from the first chunk's (written by "
                                       "another build); rerun the study into a new --out");
    csv += part.substr(body);
    for (auto& row : nlohmann::json::parse(read_file(base.string() + ".json"))) rows.push_back(std::move(row));
    if (fs::exists(base.string() + ".series.csv")) series += read_file(base.string() + ".series.csv");
  }
  if (!missing.empty()) {
    std::cerr << "resus merge: " << missing.size() << " of " << chunks
              << " chunks are missing (first: " << chunk_name(missing.front())
              << "); run the shards that hold them\n";
    return 1;
  }
  write_atomically(dir / "results.csv", csv);
  write_atomically(dir / "results.json", rows.dump(1) + "\n");
  if (const std::string events = event_rows(rows); !events.empty())
    write_atomically(dir / "events.csv", "patient,t_s,what\n" + events);
  if (!series.empty()) {
    const Study st = resus_team::parse_study(read_file((dir / "study.json").string()), "study.json");
    std::string header = "patient,time_s";
    for (const std::string& s : st.record_signals) cell(header, s);
    write_atomically(dir / "series.csv", header + "\n" + series);
  }
  if (!quiet) std::cerr << "resus merge: " << rows.size() << " patients -> " << (dir / "results.csv").string() << "\n";
  return 0;
}

}  // namespace resus_cli
