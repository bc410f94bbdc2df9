// Long runs, labelled "slow": the Release pass of scripts/test.sh runs them, the sanitizer pass
// does not (they would take most of its budget there).
//
// Soak: 24 simulated hours under every action kind (issue 8 asks to keep it): a 20-minute
// programme of rhythms, shocks, cardioversion, pacing, CPR by programme and by a manikin's
// stream, every airway device and ventilation mode, oxygen, apnoea, bleeding and fluids repeats
// 72 times, with blood products (the fluid action) among the fluids. Every simulated minute,
// every signal is finite and the blood volume balances (volume - start = infused - lost +
// refilled across the capillaries, to 1e-8 relative: 43 million RK4 steps with fluid moving in
// and out every 20 minutes accumulate rounding of about 1e-9 by the end, printed); every hour
// the state saves and restores.
//
// Parameter extremes: every parameter at each end of its published range either compiles to a
// patient whose signals stay finite or is refused at compile, naming the parameter (issue 8,
// defect 3: in-range overrides once gave an infinite co_fraction).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "../engine/test_support.hpp"
#include "engine/waveforms.hpp"

namespace resus::test {
namespace {

void schedule_programme(Sim& sim, double t0) {
  using K = ActionKind;
  auto at = [&](double t, NamedAction a) { sim.schedule(t0 + t, validated(a)); };
  at(10, {.kind = K::kHemorrhage, .site = 1, .rate_mL_min = 400, .volume_mL = 300});
  at(60, {.kind = K::kFluidBolus, .volume_mL = 300});
  at(90, {.kind = K::kRhythm, .rhythm = 3});                           // AF
  at(120, {.kind = K::kCardioversion, .energy_J = 120});
  at(150, {.kind = K::kRhythm, .rhythm = 9});                          // AV block III
  at(160, {.kind = K::kPacingStart, .rate_per_min = 70, .current_mA = 90});
  at(220, {.kind = K::kPacingStop});
  at(230, {.kind = K::kRhythm, .rhythm = 0});
  at(240, {.kind = K::kRhythm, .rhythm = 13});                         // VF
  at(245, {.kind = K::kAirway, .airway = 1});
  at(250, {.kind = K::kCprStart, .compressions_per_cycle = 30, .breaths_per_pause = 2});
  at(370, {.kind = K::kShock, .energy_J = 200, .only_if_shockable = 1});
  at(375, {.kind = K::kAirway, .airway = 3});
  at(376, {.kind = K::kVentilation, .rate_per_min = 10, .vent_mode = 2});
  at(377, {.kind = K::kCprStart, .rate_per_min = 120, .depth_mm = 60, .leaning_mm = 5});
  at(480, {.kind = K::kShock, .energy_J = 200});
  at(490, {.kind = K::kCprStop});
  at(495, {.kind = K::kRhythm, .rhythm = 0});
  at(500, {.kind = K::kVentilation, .rate_per_min = 14, .tidal_volume_mL = 500,
           .peep_cmH2O = 5, .vent_mode = 3});
  at(510, {.kind = K::kOxygen, .fio2 = 0.6});
  at(600, {.kind = K::kVentilation, .vent_mode = 1});
  at(601, {.kind = K::kBreath, .tidal_volume_mL = 600});
  at(610, {.kind = K::kAirway, .airway = 4});                          // oesophageal tube
  at(615, {.kind = K::kBreath});
  at(630, {.kind = K::kAirway, .airway = 5});                          // right mainstem
  at(640, {.kind = K::kAirway, .airway = 2});
  at(650, {.kind = K::kSpontaneousBreathing, .enabled = 0});
  at(710, {.kind = K::kSpontaneousBreathing, .enabled = 1});
  at(720, {.kind = K::kVentilation, .vent_mode = 0});
  at(721, {.kind = K::kAirway, .airway = 0});
  at(722, {.kind = K::kOxygen, .fio2 = 0.21});
  at(800, {.kind = K::kHemorrhage, .rate_mL_min = 200});
  at(900, {.kind = K::kHemorrhageStop});
  at(905, {.kind = K::kFluidBolus, .rate_mL_min = 1000, .volume_mL = 100});
  sim.schedule(t0 + 910, parse_action_json(
      R"({"do":"fluid","fluid":"packed_red_cells","volume_mL":150,"rate_mL_min":100})", nullptr));
  sim.schedule(t0 + 915, parse_action_json(
      R"({"do":"fluid","fluid":"plasma","volume_mL":100,"rate_mL_min":100})", nullptr));
}

TEST(Soak, TwentyFourHoursUnderEveryActionKind) {
  Sim sim(male_model(), 11, 5);
  sim.configure_ecg(250, ecg::ArtefactSwitches{});
  sim.configure_waveforms(50);
  const double v0 = cv::Circulation::blood_volume(sim.state().circulation.x);
  std::vector<float> drain(kEcgCapacity);
  std::vector<unsigned char> bytes(Sim::snapshot_size());
  Sim twin(male_model());
  double worst = 0.0;
  for (int cycle = 0; cycle < 72; ++cycle) {
    const double t0 = sim.time();
    schedule_programme(sim, t0);
    for (int minute = 0; minute < 20; ++minute) {
      if (minute == 16) {  // a manikin streams compressions at 200 Hz for a minute
        for (int k = 0; k < 12000; ++k) {
          ASSERT_EQ(sim.set_compression_depth(k % 110 < 55 ? 55.0 * std::sin(k % 55 / 55.0 * 3.14159) : 0.0),
                    Status::kOk);
          ASSERT_EQ(sim.advance(0.005), Status::kOk) << sim.failure();
        }
      } else {
        ASSERT_EQ(sim.advance(60.0), Status::kOk) << sim.failure() << " at t = " << sim.time();
      }
      for (int i = 0; i < kNumSignals; ++i)
        ASSERT_TRUE(std::isfinite(sim.signal(i))) << signal_catalogue()[i].name << " at " << sim.time();
      const double balance = cv::Circulation::blood_volume(sim.state().circulation.x) - v0 -
                             (sim.signal(kFluidInfused) - sim.signal(kBloodLost) +
                              sim.state().circulation.x[cv::kRefilled]);
      worst = std::max(worst, std::abs(balance) / v0);
      ASSERT_LE(std::abs(balance) / v0, 1e-8) << "at t = " << sim.time();
      for (int lead = 0; lead < ecg::kNumLeads; ++lead) sim.read_ecg(lead, drain.data(), kEcgCapacity);
      for (int w = 0; w < kNumWaves; ++w) sim.read_waveform(w, drain.data(), kWaveCapacity);
    }
    if (cycle % 3 == 2) {  // hourly: the state saves and restores
      sim.save(bytes.data());
      twin.restore(bytes.data(), bytes.size());
    }
  }
  EXPECT_DOUBLE_EQ(sim.time(), 24 * 3600.0);
  std::printf("soak: largest blood-volume imbalance %.3g relative\n", worst);
}

TEST(ParameterExtremes, CompileToFiniteSignalsOrAreRefusedNamingTheParameter) {
  int compiled = 0, refused = 0;
  for (const ParamInfo& info : param_registry()) {
    for (double v : {info.min, info.max}) {
      PatientDef def;
      def.overrides.emplace_back(info.name, v);
      std::shared_ptr<const Model> m;
      try {
        m = Model::compile(def);
      } catch (const Error& e) {
        // Refused as a state that cannot run, or as a threshold crossing its pair's (patient.cpp).
        const bool crossed = e.status() == Status::kInvalidArgument &&
                             std::string(e.what()).find("must be below") != std::string::npos;
        EXPECT_TRUE(e.status() == Status::kNumerical || crossed)
            << info.name << " = " << v << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(info.name), std::string::npos) << e.what();
        ++refused;
        continue;
      }
      ++compiled;
      Sim sim(m);
      const Status st = sim.advance(5.0);
      for (int i = 0; i < kNumSignals; ++i)
        ASSERT_TRUE(std::isfinite(sim.signal(i)))
            << info.name << " = " << v << ": " << signal_catalogue()[i].name;
      if (st != Status::kOk) {
        EXPECT_EQ(st, Status::kNumerical);
      }
    }
  }
  EXPECT_GT(compiled, refused);
  std::printf("parameter extremes: %d compiled, %d refused\n", compiled, refused);
}

// Every build the inputs allow, to their corners and between, rests like an adult at rest (B.1
// rows 3, 8 and 14: MAP 70-105 mmHg, CVP 2-8, PaCO2 35-45; SpO2 above 92%, row 13's 95-100 less
// the 90-year-olds' lower PaO2): both presets, 30-140 kg, no height or 120-220 cm, 18 and 90
// years. Until 2026-12-07 a given height put short heavy builds in shock at rest (MAP 39-61) and
// refused one (MAP 2). Measured then: MAP 83.7-96.8 (the 90-year-olds' stiffer arteries
// included), CVP 3.6-4.0 over the half minute.
TEST(Builds, EveryBuildTheInputsAllowRestsAtNormalPressures) {
  const int map_id = find_signal("map_mmHg"), cvp_id = find_signal("cvp_mmHg");
  const int spo2_id = find_signal("spo2_pct"), paco2_id = find_signal("paco2_mmHg");
  int builds = 0;
  double map_lo = 1e9, map_hi = 0.0, cvp_lo = 1e9, cvp_hi = 0.0;
  for (const char* preset : {"adult_male_70kg", "adult_female_60kg"})
    for (double mass : {30.0, 45.0, 100.0, 140.0})
      for (double height : {0.0, 120.0, 160.0, 200.0, 220.0})
        for (double age : {18.0, 90.0}) {
          PatientDef def;
          def.preset = preset;
          def.overrides = {{"body_mass_kg", mass}, {"height_cm", height}, {"age_years", age}};
          Sim sim(Model::compile(def));
          double map = 0.0, cvp = 0.0;
          for (int i = 0; i < 30; ++i) {  // half a minute's mean, over the breaths
            sim.advance(1.0);
            map += sim.signal(map_id) / 30.0;
            cvp += sim.signal(cvp_id) / 30.0;
          }
          SCOPED_TRACE(std::string(preset) + ", " + std::to_string(mass) + " kg, " +
                       std::to_string(height) + " cm, " + std::to_string(age) + " years");
          EXPECT_GE(map, 70.0);
          EXPECT_LE(map, 105.0);
          EXPECT_GE(cvp, 2.0);
          EXPECT_LE(cvp, 8.0);
          EXPECT_GT(sim.signal(spo2_id), 92.0);
          EXPECT_GT(sim.signal(paco2_id), 35.0);
          EXPECT_LT(sim.signal(paco2_id), 45.0);
          map_lo = std::min(map_lo, map), map_hi = std::max(map_hi, map);
          cvp_lo = std::min(cvp_lo, cvp), cvp_hi = std::max(cvp_hi, cvp);
          ++builds;
        }
  EXPECT_EQ(builds, 80);
  std::printf("builds: MAP %.1f-%.1f, CVP %.1f-%.1f\n", map_lo, map_hi, cvp_lo, cvp_hi);
}

}  // namespace
}  // namespace resus::test
