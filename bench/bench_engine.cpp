// Engine benchmarks. Each figure answers one question a user of DESIGN.md asks:
//   RealTimeFactor     how many simulated seconds a healthy adult runs per wall second
//   Advance10ms        what one 100 Hz host tick costs (advance(0.01) = 10 steps)
//   Step               what one 2 ms integration step costs
//   RealTimeFactorEcg  the same with the 12-lead + pads ECG on at 250/500/1000 Hz, drained each
//                      simulated second (the ECG must cost less than the physiology it draws)
//   RealTimeFactorVf   an arrest (VF) with the ECG at 500 Hz
//   RealTimeFactorCpr  VF with programmed 30:2 CPR (compressions, pause breaths, CPR metering)
//   RealTimeFactorCprVentWaves  VF, continuous CPR, tracheal tube, bag at 10/min, oxygen, and
//                      every waveform at 125 Hz drained each simulated second
//   ManikinTick        a CPR manikin's 200 Hz device tick: set_compression_depth + advance(0.005)
//                      + 6 signal reads, each tick timed; mean, p99, p99.9 and max per tick
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

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "engine/actions.hpp"
#include "engine/model.hpp"
#include "engine/signals.hpp"
#include "engine/sim.hpp"
#include "engine/waveforms.hpp"
#include "../tests/support/named_action.hpp"

namespace {

using resus::Model;
using resus::PatientDef;
using resus::Sim;
using resus::test::NamedAction;

const char* const kPresets[] = {"adult_male_70kg", "adult_female_60kg"};

std::shared_ptr<const Model> model(int preset = 0) {
  static const std::shared_ptr<const Model> models[] = {
      Model::compile(PatientDef{kPresets[0], {}, {}}),
      Model::compile(PatientDef{kPresets[1], {}, {}}),
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
  NamedAction vf{};
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
  NamedAction bleed{resus::ActionKind::kHemorrhage, 0, 100.0, 0.0};
  NamedAction bolus{resus::ActionKind::kFluidBolus, 0, 100.0, 10000.0};
  sim.apply(resus::validated(bleed));
  sim.apply(resus::validated(bolus));
  run_minutes(state, sim);
}
BENCHMARK(BM_RealTimeFactorBleeding)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- chest compressions, ventilation, waveforms ---------------------------------------------

NamedAction action(resus::ActionKind kind) {
  NamedAction a{};
  a.kind = kind;
  return a;
}

void start_vf(Sim& sim) {
  NamedAction vf = action(resus::ActionKind::kRhythm);
  vf.rhythm = static_cast<int32_t>(resus::ep::Rhythm::kVfCoarse);
  sim.apply(resus::validated(vf));
}

// A tracheal tube and a bag at 10/min, 500 mL.
void intubate_and_bag(Sim& sim) {
  NamedAction tube = action(resus::ActionKind::kAirway);
  tube.airway = static_cast<int32_t>(resus::resp::Airway::kTrachealTube);
  sim.apply(resus::validated(tube));
  NamedAction bag = action(resus::ActionKind::kVentilation);
  bag.vent_mode = static_cast<int32_t>(resus::resp::VentMode::kBagRate);
  bag.rate_per_min = 10.0;
  bag.tidal_volume_mL = 500.0;
  sim.apply(resus::validated(bag));
}

// VF with programmed CPR, 30:2 at 110/min and 55 mm (the breaths in each pause go through the
// respiratory model): the compression source, the chest pump and the CPR-quality meter.
void BM_RealTimeFactorCpr(benchmark::State& state) {
  Sim sim(model());
  start_vf(sim);
  NamedAction cpr = action(resus::ActionKind::kCprStart);
  cpr.compressions_per_cycle = 30;
  cpr.breaths_per_pause = 2;
  sim.apply(resus::validated(cpr));
  run_minutes(state, sim);
}
BENCHMARK(BM_RealTimeFactorCpr)->Unit(benchmark::kMillisecond)->UseRealTime();

// VF, continuous CPR, a tracheal tube, a bag at 10/min 500 mL with oxygen.
void start_cpr_with_ventilation(Sim& sim) {
  start_vf(sim);
  sim.apply(resus::validated(action(resus::ActionKind::kCprStart)));
  intubate_and_bag(sim);
  NamedAction oxygen = action(resus::ActionKind::kOxygen);
  oxygen.fio2 = 0.95;
  sim.apply(resus::validated(oxygen));
}

// Runs `sim` with every waveform at 125 Hz drained once a simulated second, as a monitor would.
void run_minutes_draining_waves(benchmark::State& state, Sim& sim) {
  sim.configure_waveforms(125);
  std::vector<float> buffer(resus::kWaveCapacity);
  double simulated = 0.0;
  for (auto _ : state) {
    for (int s = 0; s < 60; ++s) {
      if (sim.advance(1.0) != resus::Status::kOk) state.SkipWithError("advance failed");
      for (int wave = 0; wave < resus::kNumWaves; ++wave)
        sim.read_waveform(wave, buffer.data(), resus::kWaveCapacity);
    }
    simulated += 60.0;
  }
  state.counters["sim_s_per_wall_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
}

void BM_RealTimeFactorCprVentWaves(benchmark::State& state) {
  Sim sim(model());
  start_cpr_with_ventilation(sim);
  run_minutes_draining_waves(state, sim);
}
BENCHMARK(BM_RealTimeFactorCprVentWaves)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with every drug of the pharmacy on board (issue 10's budget: at most 15% slower than
// the engine before drugs): a bolus of each by a different route, and a norepinephrine infusion.
void BM_RealTimeFactorCprVentWavesAllDrugs(benchmark::State& state) {
  Sim sim(model());
  start_cpr_with_ventilation(sim);
  const char* routes[] = {"central_iv", "peripheral_iv", "io_humeral", "io_tibial", "io_sternal",
                          "tracheal", "intramuscular", "oral", "nebulised"};
  for (int d = 0; d < resus::pharm::kNumDrugs; ++d)
    sim.apply(resus::parse_action_json(std::string(R"({"do":"drug","flush_mL":10,"drug":")") +
                                           resus::pharm::kDrugNames[d] + R"(","route":")" +
                                           routes[d % 9] + "\"}",
                                       nullptr));
  sim.apply(resus::parse_action_json(
      R"({"do":"infusion","drug":"norepinephrine","rate":0.1,"unit":"ug_kg_min"})", nullptr));
  run_minutes_draining_waves(state, sim);
}
BENCHMARK(BM_RealTimeFactorCprVentWavesAllDrugs)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with every cause of issues 11 and 12 running (each one's budget: at most 15% slower
// than the engine before it): a tamponade filling, a tension pneumothorax on each side, a
// haemothorax, an embolus and a coronary occlusion lysed by an alteplase infusion, a bleed, the
// three toxins by mouth; a potassium intake and an acid load under dialysis, cold water around
// the body and an intravascular catheter's servo.
void BM_RealTimeFactorCprVentWavesAllCauses(benchmark::State& state) {
  Sim sim(model());
  start_cpr_with_ventilation(sim);
  for (const char* json :
       {R"({"do":"condition","condition":"tamponade","rate_mL_min":5})",
        R"({"do":"condition","condition":"tension_pneumothorax","side":"both","rate_mL_min":20})",
        R"({"do":"condition","condition":"haemothorax","side":"left","rate_mL_min":5})",
        R"({"do":"condition","condition":"pulmonary_embolism","obstruction":0.3})",
        R"({"do":"condition","condition":"coronary_occlusion","territory":"rca"})",
        R"({"do":"infusion","drug":"alteplase","rate":0.5,"unit":"mg_min"})",
        R"({"do":"hemorrhage","rate_mL_min":10})",
        R"({"do":"drug","drug":"amitriptyline","dose":1000,"unit":"mg","route":"oral"})",
        R"({"do":"drug","drug":"propranolol","dose":400,"unit":"mg","route":"oral"})",
        R"({"do":"drug","drug":"verapamil","dose":400,"unit":"mg","route":"oral"})",
        R"({"do":"condition","condition":"hyperkalaemia","rate_mmol_h":20})",
        R"({"do":"condition","condition":"acid_load","rate_mmol_h":60})",
        R"({"do":"dialysis","rate_mL_min":250})",
        R"({"do":"environment","temperature_C":10,"medium":"water"})",
        R"({"do":"temperature_control","device":"intravascular","target_C":36})"})
    sim.apply(resus::parse_action_json(json, nullptr));
  run_minutes_draining_waves(state, sim);
}
BENCHMARK(BM_RealTimeFactorCprVentWavesAllCauses)->Unit(benchmark::kMillisecond)->UseRealTime();

// A manikin's compression sensor: ~110/min, 45-60 mm, a rounded push and a quicker release, a
// 4 s pause every 30 compressions (a simple deterministic trace; examples/manikin_loop.c has a
// more realistic one).
double sensor_depth(double t) {
  constexpr double kPeriod = 60.0 / 110.0, kCycle = 30 * kPeriod + 4.0;
  const double in_cycle = std::fmod(t, kCycle);
  if (in_cycle >= 30 * kPeriod) return 0.0;
  const auto n = static_cast<int>(in_cycle / kPeriod);
  const double x = (in_cycle - n * kPeriod) / kPeriod;
  const double depth = 45.0 + 15.0 * (0.5 + 0.5 * std::sin(1.7 * n));
  if (x < 0.55) return depth * 0.5 * (1.0 - std::cos(std::numbers::pi * x / 0.55));
  if (x < 0.85) {
    const double r = (x - 0.55) / 0.30;
    return depth * (1.0 - r) * (1.0 - r);
  }
  return 0.0;
}

// The 200 Hz manikin tick, timed one by one: set_compression_depth + advance(0.005) + reading the
// six signals a feedback display shows, in VF with a tube and a bag at 10/min. Each iteration is
// 60 simulated seconds (12000 ticks); the counters are the per-tick wall time over all of them.
void BM_ManikinTick(benchmark::State& state) {
  Sim sim(model());
  start_vf(sim);
  intubate_and_bag(sim);
  const int signals[6] = {resus::kCoronaryPerfusion, resus::kEtco2,     resus::kCprRate,
                          resus::kCprDepth,          resus::kCprFraction, resus::kCarotidPulse};
  constexpr int kTicks = 12000;  // 60 s at 200 Hz
  std::vector<double> tick_us;
  tick_us.reserve(static_cast<std::size_t>(kTicks) * 16);
  double t = 0.0, sink = 0.0;
  for (auto _ : state) {
    for (int i = 0; i < kTicks; ++i) {
      const auto start = std::chrono::steady_clock::now();
      if (sim.set_compression_depth(sensor_depth(t)) != resus::Status::kOk ||
          sim.advance(0.005) != resus::Status::kOk)
        state.SkipWithError("tick failed");
      for (int s : signals) sink += sim.signal(s);
      const auto end = std::chrono::steady_clock::now();
      tick_us.push_back(std::chrono::duration<double, std::micro>(end - start).count());
      t += 0.005;
    }
  }
  benchmark::DoNotOptimize(sink);
  std::sort(tick_us.begin(), tick_us.end());
  double sum = 0.0;
  for (double v : tick_us) sum += v;
  auto percentile = [&](double p) {
    const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(tick_us.size()))) - 1;
    return tick_us[std::min(k, tick_us.size() - 1)];
  };
  state.counters["ticks"] = static_cast<double>(tick_us.size());
  state.counters["mean_us"] = sum / static_cast<double>(tick_us.size());
  state.counters["p99_us"] = percentile(0.99);
  state.counters["p999_us"] = percentile(0.999);
  state.counters["max_us"] = tick_us.back();
  state.counters["sim_s_per_wall_s"] =
      benchmark::Counter(0.005 * static_cast<double>(tick_us.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ManikinTick)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

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
  const PatientDef def{kPresets[state.range(0)], {}, {}};
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
