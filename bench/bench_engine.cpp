// Engine benchmarks. Each figure answers one question a user of DESIGN.md asks:
//   RealTimeFactor     how many simulated seconds a healthy adult runs per wall second
//   Advance10ms        what one 100 Hz host tick costs (advance(0.01) = 10 steps)
//   Step               what one 2 ms integration step costs
//   RealTimeFactorEcg  the same with the 12-lead + pads ECG on at 250/500/1000 Hz, drained each
//                      simulated second (the ECG must cost less than the physiology it draws)
//   RealTimeFactorVf   an arrest (VF) with the ECG at 500 Hz
//   ModelCompile       "create to stable vitals": compiling a model settles it to steady state
//   SimCreate          a new sim from a compiled model (a copy of its steady-state image)
//   SnapshotRoundTrip  save + restore of the whole state
//   Batch              N sims sharing one model in tbb::parallel_for, simulated s per wall s
// Figures are ratios of simulated to wall time on the machine at hand; they are reported here and
// never asserted by the tests.
#include <benchmark/benchmark.h>

#include <tbb/blocked_range.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/actions.hpp"
#include "engine/model.hpp"
#include "engine/signals.hpp"
#include "engine/sim.hpp"

namespace {

using resus::Model;
using resus::PatientDef;
using resus::Sim;

const char* const kPresets[] = {"adult_male_70kg", "adult_female_60kg"};

std::shared_ptr<const Model> model(int preset = 0) {
  static const std::shared_ptr<const Model> models[] = {
      Model::compile(PatientDef{kPresets[0], {}}),
      Model::compile(PatientDef{kPresets[1], {}}),
  };
  return models[preset];
}

// Runs `sim` for 60 simulated seconds per iteration and reports simulated seconds per wall second.
void run_minutes(benchmark::State& state, Sim& sim) {
  double simulated = 0.0;
  for (auto _ : state) {
    if (sim.advance(60.0) != resus::Status::kOk) state.SkipWithError("advance failed");
    simulated += 60.0;
    benchmark::DoNotOptimize(sim.signals());
  }
  state.counters["sim_s_per_wall_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
}

// (a) Healthy adult at rest: 60 simulated seconds per iteration.
void BM_RealTimeFactor(benchmark::State& state) {
  Sim sim(model());
  run_minutes(state, sim);
}
BENCHMARK(BM_RealTimeFactor)->Unit(benchmark::kMillisecond)->UseRealTime();

// Runs `sim` for 60 simulated seconds per iteration, draining every ECG lead once a second as a
// monitor would, and reports simulated seconds per wall second.
void run_with_ecg_drained(benchmark::State& state, Sim& sim) {
  std::vector<float> buffer(resus::kEcgCapacity);
  double simulated = 0.0;
  for (auto _ : state) {
    for (int s = 0; s < 60; ++s) {
      if (sim.advance(1.0) != resus::Status::kOk) state.SkipWithError("advance failed");
      for (int lead = 0; lead < resus::ecg::kNumLeads; ++lead)
        sim.read_ecg(lead, buffer.data(), resus::kEcgCapacity);
    }
    simulated += 60.0;
  }
  state.counters["sim_s_per_wall_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
}

// The healthy adult with the ECG on at state.range(0) Hz.
void BM_RealTimeFactorEcg(benchmark::State& state) {
  Sim sim(model());
  sim.configure_ecg(static_cast<int>(state.range(0)), resus::ecg::ArtefactSwitches{});
  run_with_ecg_drained(state, sim);
}
BENCHMARK(BM_RealTimeFactorEcg)->Arg(250)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Cardiac arrest (VF) with the ECG at 500 Hz: the VF generator instead of beats.
void BM_RealTimeFactorVf(benchmark::State& state) {
  Sim sim(model());
  resus::Action vf{};
  vf.kind = resus::ActionKind::kRhythm;
  vf.rhythm = static_cast<int32_t>(resus::ep::Rhythm::kVfCoarse);
  sim.apply(resus::validated(vf));
  sim.configure_ecg(500, resus::ecg::ArtefactSwitches{});
  run_with_ecg_drained(state, sim);
}
BENCHMARK(BM_RealTimeFactorVf)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same during a hemorrhage with a bolus running (the action paths of the step).
void BM_RealTimeFactorBleeding(benchmark::State& state) {
  Sim sim(model());
  resus::Action bleed{resus::ActionKind::kHemorrhage, 0, 100.0, 0.0};
  resus::Action bolus{resus::ActionKind::kFluidBolus, 0, 100.0, 10000.0};
  sim.apply(resus::validated(bleed));
  sim.apply(resus::validated(bolus));
  run_minutes(state, sim);
}
BENCHMARK(BM_RealTimeFactorBleeding)->Unit(benchmark::kMillisecond)->UseRealTime();

// (b) One 100 Hz host tick: advance(0.01), five 2 ms steps plus the signal update.
void BM_Advance10ms(benchmark::State& state) {
  Sim sim(model());
  double simulated = 0.0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sim.advance(0.01));
    simulated += 0.01;
  }
  state.counters["sim_s_per_wall_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Advance10ms)->Unit(benchmark::kMicrosecond)->UseRealTime();

// One integration step (2 ms), the unit everything else is made of.
void BM_Step(benchmark::State& state) {
  Sim sim(model());
  for (auto _ : state) {
    sim.advance_steps(1);
    benchmark::DoNotOptimize(sim.signals());
  }
}
BENCHMARK(BM_Step)->Unit(benchmark::kMicrosecond)->UseRealTime();

// (c) "Create to stable vitals": a model compiles to its periodic steady state (the open-loop
// settle, the reflex calibration and the closed-loop check). settle_sim_s is the simulated time
// that took.
void BM_ModelCompile(benchmark::State& state) {
  const PatientDef def{kPresets[state.range(0)], {}};
  double settle = 0.0;
  for (auto _ : state) {
    auto m = Model::compile(def);
    settle = m->settle_time_s();
    benchmark::DoNotOptimize(m.get());
  }
  state.SetLabel(def.preset);
  state.counters["settle_sim_s"] = settle;
}
BENCHMARK(BM_ModelCompile)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// A sim from a compiled model: a copy of the model's steady-state image, ready to advance.
void BM_SimCreate(benchmark::State& state) {
  const std::shared_ptr<const Model> m = model();
  for (auto _ : state) {
    auto sim = std::make_unique<Sim>(m);
    benchmark::DoNotOptimize(sim.get());
  }
}
BENCHMARK(BM_SimCreate)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_SnapshotRoundTrip(benchmark::State& state) {
  Sim sim(model());
  sim.advance(1.0);
  std::vector<unsigned char> buffer(Sim::snapshot_size());
  for (auto _ : state) {
    sim.save(buffer.data());
    sim.restore(buffer.data(), buffer.size());
    benchmark::ClobberMemory();
  }
  state.counters["bytes"] = static_cast<double>(Sim::snapshot_size());
}
BENCHMARK(BM_SnapshotRoundTrip)->Unit(benchmark::kMicrosecond)->UseRealTime();

// (d) Batch throughput: N sims of one shared model, each advancing 10 s per iteration, spread
// over T threads by tbb::parallel_for. Arguments: N, T.
void BM_Batch(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto threads = static_cast<std::size_t>(state.range(1));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const std::shared_ptr<const Model> m = model();
  std::vector<std::unique_ptr<Sim>> sims;
  for (std::size_t i = 0; i < n; ++i) {
    sims.push_back(std::make_unique<Sim>(m, 1, i));
    sims.back()->apply(resus::validated(
        {resus::ActionKind::kHemorrhage, 0, 20.0 + 10.0 * static_cast<double>(i % 16), 500.0}));
  }
  double simulated = 0.0;
  for (auto _ : state) {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i != r.end(); ++i) sims[i]->advance(10.0);
                      });
    simulated += 10.0 * static_cast<double>(n);
  }
  state.counters["sim_s_per_wall_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
  state.counters["threads"] = static_cast<double>(threads);
}
BENCHMARK(BM_Batch)
    ->ArgsProduct({{64}, {1, 2, 4}})
    ->ArgNames({"sims", "threads"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
