// resus: the command-line tool. `resus run` plays a scenario file, `resus info` lists what the
// library offers. Built only on the public C API.
#include <resus/resus.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "batch.hpp"
#include "default_scenario.hpp"
#include "ecg_csv.hpp"
#include "ecg_plot.hpp"
#include "ecg_recorder.hpp"
#include "format.hpp"
#include "info.hpp"
#include "outputs.hpp"
#include "runner.hpp"
#include "scenario.hpp"
#include "timeline.hpp"
#include "wave_csv.hpp"
#include "wfdb.hpp"

namespace {

using namespace resus_cli;

constexpr int kExitRunFailed = 1;  // the run itself failed (numerics, writing outputs)
constexpr int kExitBadInput = 2;   // bad command line, scenario file or output path

struct RunOptions {
  std::string scenario;  // empty: the built-in default
  std::string csv, json;
  double duration_s = 0.0;
  bool duration_given = false;
  bool quiet = false;
  std::string ecg, ecg_format, ecg_plot;  // format "" = from the extension
  int32_t ecg_rate_hz = 500;
  std::string waves;  // waveform CSV; empty: none
  int32_t wave_rate_hz = 125;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The ECG file's format, and for WFDB the record path without extension.
struct EcgTarget {
  bool csv;
  std::string path;
};

EcgTarget ecg_target(const RunOptions& opt) {
  const bool csv = opt.ecg_format.empty() ? ends_with(opt.ecg, ".csv") : opt.ecg_format == "csv";
  std::string path = opt.ecg;
  if (!csv)
    for (const char* ext : {".hea", ".dat", ".atr"})
      if (ends_with(path, ext)) path.resize(path.size() - 4);
  return {csv, path};
}

std::unique_ptr<EcgRecorder> make_ecg_recorder(const RunOptions& opt) {
  if (opt.ecg.empty()) return nullptr;
  const EcgTarget target = ecg_target(opt);
  std::unique_ptr<EcgSink> sink;
  if (target.csv) sink = std::make_unique<EcgCsvWriter>(target.path);
  else sink = std::make_unique<WfdbWriter>(target.path);
  return std::make_unique<EcgRecorder>(std::move(sink), opt.ecg_rate_hz);
}

Scenario load(const RunOptions& opt) {
  Scenario sc = opt.scenario.empty() ? parse_scenario(kDefaultScenarioJson, kDefaultScenarioName)
                                     : load_scenario_file(opt.scenario);
  if (opt.duration_given) {
    check_duration_override(opt.duration_s);
    sc.duration_s = opt.duration_s;
    sc.record_interval_s = std::min(sc.record_interval_s, sc.duration_s);
  }
  return sc;
}

int run(const RunOptions& opt) {
  const Scenario sc = load(opt);
  const auto compile_start = std::chrono::steady_clock::now();
  const ModelPtr model = compile_patient(sc);
  const double compile_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - compile_start).count();

  // Outputs are opened before running so that a bad path fails fast, not after a long run.
  std::vector<RunObserver*> observers;
  std::unique_ptr<CsvWriter> csv;
  if (!opt.csv.empty()) observers.push_back((csv = std::make_unique<CsvWriter>(opt.csv, sc.signals)).get());
  if (!opt.json.empty() && !std::ofstream(opt.json))
    throw InputError(opt.json + ": cannot create the JSON summary");
  if (!opt.ecg_plot.empty()) check_plot_tool();
  const std::unique_ptr<EcgRecorder> ecg = make_ecg_recorder(opt);
  if (ecg) observers.push_back(ecg.get());
  std::unique_ptr<WaveCsvRecorder> waves;
  if (!opt.waves.empty())
    observers.push_back((waves = std::make_unique<WaveCsvRecorder>(opt.waves, opt.wave_rate_hz)).get());
  SignalStats stats(sc.signals.size());
  observers.push_back(&stats);
  // With the CSV on standard output, what is meant for people goes to standard error.
  std::ostream& human = opt.csv == "-" ? std::cerr : std::cout;
  Timeline timeline(human);
  if (!opt.quiet) {
    print_header(human, sc, model.get());
    for (const ScenarioAction& a : sc.actions)
      if (a.at_s >= sc.duration_s)
        human << "(actions[" << a.index << "] at " << clock_time(a.at_s)
                  << " is after the end of this run and will not happen)\n";
    observers.push_back(&timeline);
  }

  const RunResult result = run_scenario(sc, model.get(), observers);

  int code = 0;
  if (!result.ok) {
    std::cerr << "resus: " << result.error << "\n";
    code = kExitRunFailed;
  }
  std::vector<std::string> write_errors;
  if (csv) write_errors.push_back(csv->finish());
  if (ecg) write_errors.push_back(ecg->finish());
  if (waves) write_errors.push_back(waves->finish());
  if (!opt.json.empty())
    write_errors.push_back(write_summary(
        opt.json, {sc, model.get(), result, stats, compile_s, ecg ? &ecg->summary() : nullptr,
                   waves ? &waves->summary() : nullptr}));
  if (ecg && !opt.ecg_plot.empty() && write_errors.back().empty())
    write_errors.push_back(render_ecg_plot(ecg_target(opt).path, opt.ecg_plot));
  for (const std::string& e : write_errors)
    if (!e.empty()) {
      std::cerr << e << "\n";
      code = kExitRunFailed;
    }

  const double factor = result.wall_s > 0.0 ? result.simulated_s / result.wall_s : 0.0;
  human << (opt.quiet ? "" : "\n") << "simulated " << clock_time(result.simulated_s) << " in "
            << fixed(result.wall_s, 2) << " s: " << fixed(factor, 0)
            << "x real time (model compiled in " << fixed(compile_s, 2) << " s)\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"resus: a real-time physiology engine for advanced life support", "resus"};
  app.set_version_flag("--version", std::string("resus ") + resus_version());
  app.require_subcommand(1);

  RunOptions opt;
  CLI::App* run_cmd = app.add_subcommand("run", "Run a scenario and print its timeline");
  run_cmd->add_option("scenario", opt.scenario,
                      "Scenario JSON file (docs/scenario.md), or - for standard input; without "
                      "one, the built-in default (examples/scenarios/default.json)");
  run_cmd->add_option("--csv", opt.csv,
                      "Write the recorded signals to this CSV file (- for standard output; the "
                      "timeline then goes to standard error)");
  run_cmd->add_option("--json", opt.json, "Write a JSON summary to this file");
  CLI::Option* duration = run_cmd->add_option("--duration", opt.duration_s,
                                              "Override the scenario's duration_s (seconds)");
  run_cmd->add_flag("-q,--quiet", opt.quiet, "Do not print the timeline");
  CLI::Option* ecg = run_cmd->add_option(
      "--ecg", opt.ecg,
      "Record the 12-lead + pads ECG: FILE.csv, or a WFDB record (FILE.hea, FILE.dat, FILE.atr)");
  run_cmd->add_option("--ecg-rate", opt.ecg_rate_hz, "ECG sample rate in Hz (default 500)")
      ->check(CLI::IsMember({250, 500, 1000}))
      ->needs(ecg);
  run_cmd->add_option("--ecg-format", opt.ecg_format,
                      "ECG file format (default: csv for a .csv FILE, otherwise wfdb)")
      ->check(CLI::IsMember({"wfdb", "csv"}))
      ->needs(ecg);
  run_cmd->add_option("--ecg-plot", opt.ecg_plot,
                      "Draw a 12-lead page of the recorded ECG to this PNG or SVG file "
                      "(needs python3 and matplotlib)")
      ->needs(ecg);
  CLI::Option* waves = run_cmd->add_option(
      "--waves", opt.waves,
      "Record the monitor waveforms (abp, cvp, pap, pleth, capnogram, paw, flow, chest_depth) "
      "to this CSV file");
  run_cmd->add_option("--wave-rate", opt.wave_rate_hz, "Waveform sample rate in Hz (default 125)")
      ->check(CLI::IsMember({50, 100, 125, 250, 500}))
      ->needs(waves);
  CLI::App* info_cmd =
      app.add_subcommand("info", "List presets, signals, waveforms, actions and parameters");
  bool actions_markdown = false;
  info_cmd->add_flag("--actions-markdown", actions_markdown,
                     "Print every action's fields as the markdown table of docs/scenario.md");

  BatchOptions batch;
  std::string shard_text;
  CLI::App* batch_cmd = app.add_subcommand(
      "batch", "Run a Monte Carlo study of virtual patients with the automated team (docs/batch.md)");
  batch_cmd->add_option("study", batch.study, "Study JSON file")->required();
  batch_cmd->add_option("--out", batch.out, "Results directory (created; a rerun resumes it)")->required();
  batch_cmd->add_option("--threads", batch.threads, "Worker threads (default: every core)")
      ->check(CLI::Range(1, 4096));
  batch_cmd->add_option("--patients", batch.patients, "Override the study's patient count")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000000}));
  batch_cmd->add_option("--shard", shard_text,
                        "Run only shard I of N (I/N, from 0), e.g. a Slurm array task's share");
  batch_cmd->add_option("--chunk", batch.chunk_patients,
                        "Patients per result file (default 50): the unit a killed run resumes from")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  batch_cmd->add_flag("-q,--quiet", batch.quiet, "No progress or summary");
  std::string merge_dir;
  bool merge_quiet = false;
  CLI::App* merge_cmd =
      app.add_subcommand("merge", "Join a batch directory's chunks into results.csv and results.json");
  merge_cmd->add_option("dir", merge_dir, "The batch's --out directory")->required();
  merge_cmd->add_flag("-q,--quiet", merge_quiet, "No summary");

  std::string draw_study;
  int64_t draw_patients = 0, draw_first = 0, draw_count = 0;
  CLI::App* draw_cmd = app.add_subcommand(
      "draw", "Print a study's sampled patients, one JSON line each, for a host that is the team");
  draw_cmd->add_option("study", draw_study, "Study JSON file")->required();
  draw_cmd->add_option("--patients", draw_patients, "Override the study's patient count (as batch)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000000}));
  draw_cmd->add_option("--first", draw_first, "The first patient's index (default 0)")
      ->check(CLI::Range(int64_t{0}, int64_t{1000000000}));
  draw_cmd->add_option("--count", draw_count, "How many patients (default: to the study's last)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000000}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitBadInput;  // --help and --version exit 0
  }

  try {
    if (info_cmd->parsed()) {
      if (actions_markdown) print_actions_markdown(std::cout);
      else print_info(std::cout);
      return 0;
    }
    if (batch_cmd->parsed()) {
      if (!shard_text.empty()) parse_shard(shard_text, &batch.shard, &batch.shards);
      return run_batch(batch);
    }
    if (merge_cmd->parsed()) return run_merge(merge_dir, merge_quiet);
    if (draw_cmd->parsed()) return run_draw(draw_study, draw_patients, draw_first, draw_count, std::cout);
    opt.duration_given = duration->count() > 0;
    return run(opt);
  } catch (const InputError& e) {
    std::cerr << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "resus: internal error: " << e.what() << "\n";
    return kExitRunFailed;
  }
}
