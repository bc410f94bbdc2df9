// The Monte Carlo issue's throughput: virtual patients met by the automated team (team/), as
// `resus batch` runs them. Reported as patient-simulated minutes per wall second; never asserted.
#include <benchmark/benchmark.h>

#include <string>

#include "patient_run.hpp"
#include "study.hpp"

namespace {

// A witnessed VF arrest, the crew at 7 min, 20 simulated minutes: the issue's 10,000 x 20 min
// study, one patient per iteration. Arg 1: a continuous parameter drawn, so each patient compiles
// its own model; arg 0: the preset's model shared through the cache, as a categorical
// population does.
void BM_TeamPatient20min(benchmark::State& state) {
  const bool compile_each = state.range(0) != 0;
  const std::string json = std::string(R"({"seed": 3, "duration_s": 1200, "arrest": {"rhythm": "vf_coarse"},)") +
                           (compile_each ? R"("population": {"parameters": {"body_mass_kg": {"dist": "normal", "mean": 75, "sd": 10}}},)" : "") +
                           R"("team": {"preset": "als_crew"}})";
  const resus_team::Study study = resus_team::parse_study(json, "bench");
  resus_team::ModelCache cache;
  int64_t patient = 0;
  double compile_s = 0.0, run_s = 0.0;
  for (auto _ : state) {
    const auto draw = resus_team::sample_patient(study, patient++);
    const auto out = resus_team::run_patient(study, draw, &cache);
    benchmark::DoNotOptimize(out.rosc_any);
    compile_s += out.compile_wall_s;
    run_s += out.run_wall_s;
  }
  const double minutes = static_cast<double>(state.iterations()) * study.duration_s / 60.0;
  state.counters["patient_sim_min_per_wall_s"] = benchmark::Counter(minutes, benchmark::Counter::kIsRate);
  state.counters["compile_share"] = compile_s / (compile_s + run_s);
}
BENCHMARK(BM_TeamPatient20min)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(5.0);

}  // namespace
