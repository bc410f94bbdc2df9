// Bad input at the engine level: every rejection carries the right Status and a message naming
// the field, the value and the valid range; a rejected call changes nothing, so the sim's
// trajectory afterwards is bit for bit that of a sim that never saw it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace resus::test {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

PatientDef with_override(const std::string& name, double value,
                         const std::string& preset = "adult_male_70kg") {
  PatientDef def;
  def.preset = preset;
  def.overrides.emplace_back(name, value);
  return def;
}

// ---- Model::compile ----

TEST(BadInput, UnknownPresetIsNamed) {
  PatientDef def;
  def.preset = "adult_martian_90kg";
  expect_error([&] { Model::compile(def); }, Status::kUnknownName,
               {"adult_martian_90kg", "adult_male_70kg", "adult_female_60kg"});
}

TEST(BadInput, UnknownParameterIsNamed) {
  expect_error([&] { Model::compile(with_override("heart_rate_bpm_typo", 80.0)); },
               Status::kUnknownName, {"heart_rate_bpm_typo"});
}

TEST(BadInput, OutOfRangeOverrideNamesNameValueAndRange) {
  // heart_rate_set_bpm is valid in [30, 180].
  expect_error([&] { Model::compile(with_override("heart_rate_set_bpm", 500.0)); },
               Status::kInvalidArgument, {"heart_rate_set_bpm", "500", "[30, 180]"});
  expect_error([&] { Model::compile(with_override("heart_rate_set_bpm", 29.5)); },
               Status::kInvalidArgument, {"heart_rate_set_bpm", "29.5", "[30, 180]"});
  expect_error([&] { Model::compile(with_override("blood_volume_mL", -1.0)); },
               Status::kInvalidArgument, {"blood_volume_mL", "-1", "[1500, 10000]"});
  expect_error([&] { Model::compile(with_override("body_mass_kg", 1e6)); },
               Status::kInvalidArgument, {"body_mass_kg", "1e+06", "[30, 140]"});
}

TEST(BadInput, NonFiniteOverrideIsRejected) {
  expect_error([&] { Model::compile(with_override("heart_rate_set_bpm", kNaN)); },
               Status::kInvalidArgument, {"heart_rate_set_bpm", "nan", "[30, 180]"});
  expect_error([&] { Model::compile(with_override("baroreflex_gain", kInf)); },
               Status::kInvalidArgument, {"baroreflex_gain", "inf", "[0, 3]"});
}

TEST(BadInput, BoundsOfTheRangeAreAccepted) {
  // The range is inclusive: its ends compile (the rejections above are about the value).
  EXPECT_NO_THROW(Model::compile(with_override("baroreflex_gain", 0.0)));
  EXPECT_NO_THROW(Model::compile(with_override("heart_rate_set_bpm", 60.0, "adult_female_60kg")));
}

TEST(BadInput, ScalesNameTheParameterTheFactorAndTheRange) {
  PatientDef def;
  def.scales = {{"lv_emax_mmHg_per_mL", 0.001}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument,
               {"lv_emax_mmHg_per_mL", "0.001", "[0.01, 100]"});
  def.scales = {{"lv_emax_typo", 0.5}};
  expect_error([&] { Model::compile(def); }, Status::kUnknownName, {"lv_emax_typo", "scales"});
  def.scales = {{"body_mass_kg", 1.2}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument, {"body_mass_kg", "input of the preset"});
  def.scales = {{"lv_emax_mmHg_per_mL", kNaN}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument, {"lv_emax_mmHg_per_mL"});
  // A factor within its range that takes the parameter outside its own is refused too.
  def.scales = {{"heart_rate_set_bpm", 3.0}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument,
               {"heart_rate_set_bpm", "216", "[30, 180]", "scales"});
  EXPECT_THROW(parse_patient_json(R"({"scales": {"lv_emax_mmHg_per_mL": "half"}})"), Error);
  EXPECT_THROW(parse_patient_json(R"({"scales": [0.5]})"), Error);
}

TEST(BadInput, ThresholdsOfAHysteresisMustStayInOrder) {
  // Each within its own range, but the reperfusion band reversed: the clock would restart on
  // every swing of CPR's supply. Refused, naming both.
  PatientDef def;
  def.overrides = {{"reperfusion_low_ratio", 0.7}, {"reperfusion_high_ratio", 0.5}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument,
               {"reperfusion_low_ratio", "0.7", "reperfusion_high_ratio", "0.5", "below"});
  def.overrides = {{"pea_enter_energy", 0.4}};  // equal to the exit: no band at all
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument,
               {"pea_enter_energy", "pea_exit_energy"});
  def.overrides = {{"cold_af_onset_C", 33}, {"cold_af_rewarmed_C", 30}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument,
               {"cold_af_onset_C", "33", "cold_af_rewarmed_C", "30"});
  def.overrides = {{"baro_f_min", 15}, {"baro_f_max", 12}};
  expect_error([&] { Model::compile(def); }, Status::kInvalidArgument, {"baro_f_min", "baro_f_max"});
  def.overrides = {{"pea_enter_energy", 0.3}};
  EXPECT_NO_THROW(make_patient(def));
}

TEST(BadInput, ScalesMultiplyTheAgedValueAndOverridesStillWin) {
  // The aorta's elastance is one age changes (models/ageing): a scale multiplies the aged value.
  PatientDef def;
  const double young = make_patient(def).circulation.aorta.elastance;
  def.overrides = {{"age_years", 75}};
  const double aged = make_patient(def).circulation.aorta.elastance;
  ASSERT_GT(aged, 1.5 * young);
  def.scales = {{"aorta_elastance_mmHg_per_mL", 0.5}, {"aorta_elastance_mmHg_per_mL", 0.8}};
  EXPECT_DOUBLE_EQ(make_patient(def).circulation.aorta.elastance, aged * 0.4);
  def.overrides.push_back({"aorta_elastance_mmHg_per_mL", 2.0});
  EXPECT_EQ(make_patient(def).circulation.aorta.elastance, 2.0);
  const PatientDef parsed =
      parse_patient_json(R"({"preset": "adult_female_60kg", "scales": {"lv_emax_mmHg_per_mL": 0.6}})");
  ASSERT_EQ(parsed.scales.size(), 1u);
  EXPECT_EQ(parsed.scales[0].second, 0.6);
}

// Regression (issue 8): these overrides, each inside its published range, compiled, and
// co_fraction was inf from the start and after an advance that returned OK. A patient whose
// resting state cannot run is refused at compile, naming the failed check and the overrides.
TEST(BadInput, NonViablePatientIsRefusedAtCompile) {
  PatientDef def;
  def.overrides = {{"baro_tau_z_s", 30},
                   {"extrasplanchnic_veins_unstressed_mL", 0},
                   {"aortic_valve_resistance_mmHg_s_per_mL", 1},
                   {"baro_gain_extrasplanchnic_resistance_mmHg_s_per_mL", 10},
                   {"baro_gain_splanchnic_resistance_mmHg_s_per_mL", 0},
                   {"extrasplanchnic_veins_elastance_mmHg_per_mL", 1},
                   {"escape_rate_bpm", 60}};
  expect_error([&] { Model::compile(def); }, Status::kNumerical,
               {"not viable", "aortic_valve_resistance_mmHg_s_per_mL = 1", "escape_rate_bpm = 60",
                "adult_male_70kg"});
}

// ---- validated() ----

Action make(ActionKind kind, double rate, double volume, int32_t site = 0) {
  return NamedAction{kind, site, rate, volume};
}

TEST(BadInput, ValidatedRejectsBadActionFieldsNamingTheField) {
  using K = ActionKind;
  expect_error([] { validated(make(K::kHemorrhage, -5.0, 0.0)); }, Status::kInvalidArgument,
               {"rate_mL_min", "-5", "10000"});
  expect_error([] { validated(make(K::kHemorrhage, kNaN, 100.0)); }, Status::kInvalidArgument,
               {"rate_mL_min", "nan"});
  expect_error([] { validated(make(K::kHemorrhage, 100.0, 1e12)); }, Status::kInvalidArgument,
               {"volume_mL", "1e+12", "10000"});
  expect_error([] { validated(make(K::kHemorrhage, 100.0, -kInf)); }, Status::kInvalidArgument,
               {"volume_mL", "inf"});
  expect_error([] { validated(make(K::kHemorrhage, 0.0, 0.0)); }, Status::kInvalidArgument,
               {"rate_mL_min", "volume_mL"});
  expect_error([] { validated(make(K::kHemorrhage, 100.0, 0.0, 7)); }, Status::kInvalidArgument,
               {"site", "7"});
  expect_error([] { validated(make(K::kFluidBolus, 100.0, 0.0)); }, Status::kInvalidArgument,
               {"volume_mL", "0", "10000"});
  expect_error([] { validated(make(K::kFluidBolus, 100.0, kNaN)); }, Status::kInvalidArgument,
               {"volume_mL", "nan"});
  expect_error([] { validated(make(K::kFluidBolus, 1e300, 500.0)); }, Status::kInvalidArgument,
               {"rate_mL_min", "1e+300"});
  expect_error([] { validated(make(static_cast<K>(99), 0.0, 0.0)); }, Status::kUnknownName,
               {"99"});
}

// The issue's list for CPR and breathing: negative depth, depth over 100 mm, tidal volume over
// 3000 mL, FiO2 outside 0.21-1; and the rest of their fields. Each message names the field, the
// value and the range.
TEST(BadInput, CprAndBreathingActionsNameFieldValueAndRange) {
  using K = ActionKind;
  auto with = [](K kind, void (*fill)(NamedAction&)) {
    NamedAction a{};
    a.kind = kind;
    fill(a);
    return a;
  };
  expect_error([&] { validated(with(K::kCprStart, [](NamedAction& a) { a.depth_mm = -1.0; })); },
               Status::kInvalidArgument, {"depth_mm", "-1", "[0, 100]"});
  expect_error([&] { validated(with(K::kCprStart, [](NamedAction& a) { a.depth_mm = 101.0; })); },
               Status::kInvalidArgument, {"depth_mm", "101", "[0, 100]"});
  expect_error([&] { validated(with(K::kCprStart, [](NamedAction& a) { a.leaning_mm = 40.0; })); },
               Status::kInvalidArgument, {"leaning_mm", "40"});
  expect_error([&] { validated(with(K::kCprStart, [](NamedAction& a) { a.rate_per_min = 400.0; })); },
               Status::kInvalidArgument, {"rate_per_min", "400", "[30, 250]"});
  expect_error([&] { validated(with(K::kCprStart, [](NamedAction& a) { a.breaths_per_pause = 9; })); },
               Status::kInvalidArgument, {"breaths_per_pause", "9", "[0, 4]"});
  expect_error([&] { validated(with(K::kBreath, [](NamedAction& a) { a.tidal_volume_mL = 3001.0; })); },
               Status::kInvalidArgument, {"tidal_volume_mL", "3001", "3000"});
  expect_error([&] {
    validated(with(K::kVentilation, [](NamedAction& a) {
      a.vent_mode = 3;
      a.rate_per_min = 12.0;
      a.tidal_volume_mL = 3500.0;
    }));
  }, Status::kInvalidArgument, {"tidal_volume_mL", "3500", "3000"});
  expect_error([&] { validated(with(K::kOxygen, [](NamedAction& a) { a.fio2 = 0.04; })); },
               Status::kInvalidArgument, {"fio2", "0.04", "[0.05, 1]"});
  expect_error([&] { validated(with(K::kOxygen, [](NamedAction& a) { a.fio2 = 1.01; })); },
               Status::kInvalidArgument, {"fio2", "1.01", "[0.05, 1]"});
  expect_error([&] { validated(with(K::kOxygen, [](NamedAction& a) { a.fio2 = kNaN; })); },
               Status::kInvalidArgument, {"fio2", "nan"});
  expect_error([&] { validated(with(K::kAirway, [](NamedAction& a) { a.airway = 6; })); },
               Status::kInvalidArgument, {"airway", "6"});
  expect_error([&] {
    validated(with(K::kVentilation, [](NamedAction& a) {
      a.vent_mode = 3;
      a.rate_per_min = 30.0;
      a.inspiratory_time_s = 2.0;  // longer than 80% of a 2 s breath
    }));
  }, Status::kInvalidArgument, {"inspiratory_time_s", "2"});
  expect_error([&] { parse_action_json(R"({"do": "airway", "airway": "endotracheal"})", nullptr); },
               Status::kUnknownName, {"airway", "endotracheal", "tracheal_tube"});
}

TEST(BadInput, ValidatedFillsDefaultsForGoodActions) {
  const Action bleed = validated(make(ActionKind::kHemorrhage, 0.0, 300.0));
  EXPECT_EQ(bleed[field_index(ActionKind::kHemorrhage, "rate_mL_min")], 1000.0);  // a volume alone
  EXPECT_EQ(bleed[field_index(ActionKind::kHemorrhage, "volume_mL")], 300.0);
  const Action fluid = validated(make(ActionKind::kFluidBolus, 0.0, 500.0));
  EXPECT_EQ(fluid[field_index(ActionKind::kFluidBolus, "rate_mL_min")], 250.0);  // a rapid bolus
  EXPECT_NO_THROW(validated(make(ActionKind::kHemorrhage, kMaxRate_mL_min, kMaxVolume_mL)));
}

// ---- Sim ----

class BadInputSim : public ::testing::Test {
 protected:
  BadInputSim() : sim_(male_model(), 9, 9), twin_(male_model(), 9, 9) {}
  void SetUp() override {
    for (Sim* s : {&sim_, &twin_}) {
      s->schedule(5.0, hemorrhage(400.0));
      ASSERT_EQ(s->advance(10.5), Status::kOk);
    }
  }
  // After the bad calls, both sims get the same good inputs and must stay bit-identical.
  void expect_same_future() {
    for (Sim* s : {&sim_, &twin_}) {
      s->apply(bolus(300.0, 600.0));
      s->schedule(s->time() + 20.0, hemorrhage_stop());
    }
    for (int k = 0; k < 60; ++k) {
      ASSERT_EQ(sim_.advance(1.0), Status::kOk);
      ASSERT_EQ(twin_.advance(1.0), Status::kOk);
      ASSERT_TRUE(same_signals(sim_, twin_)) << "diverged at t = " << sim_.time() << " s";
    }
  }
  Sim sim_, twin_;
};

TEST_F(BadInputSim, AdvanceRejectsNaNNegativeInfiniteAndHuge) {
  const std::vector<unsigned char> before = snapshot(sim_);
  for (double bad : {kNaN, -kNaN, -0.001, -1.0, -kInf, kInf, 2.0 * kMaxDuration_s}) {
    EXPECT_EQ(sim_.advance(bad), Status::kInvalidArgument) << "advance(" << bad << ")";
    EXPECT_EQ(snapshot(sim_), before) << "advance(" << bad << ") changed the state";
  }
  EXPECT_EQ(sim_.time(), 10.5);
  EXPECT_EQ(sim_.advance(0.0), Status::kOk);  // zero is a valid (empty) advance
  expect_same_future();
}

TEST_F(BadInputSim, ScheduleInThePastAtNaNOrTooFarThrows) {
  const std::vector<unsigned char> before = snapshot(sim_);
  for (double at : {5.0, 10.4, -1.0, kNaN, kInf, 2.0 * kMaxDuration_s}) {
    expect_error([&] { sim_.schedule(at, bolus(100.0)); }, Status::kInvalidArgument, {"at_s"});
    EXPECT_EQ(snapshot(sim_), before) << "schedule(" << at << ") changed the state";
  }
  EXPECT_NO_THROW(sim_.schedule(sim_.time(), hemorrhage(450.0)));  // now is not the past
  EXPECT_NO_THROW(twin_.schedule(twin_.time(), hemorrhage(450.0)));
  expect_same_future();
}

TEST_F(BadInputSim, QueueCapacityIsEnforced) {
  sim_.apply(hemorrhage_stop());
  ASSERT_EQ(sim_.state().queue.size, 0);  // the hemorrhage at 5 s has left the queue
  for (int i = 0; i < kQueueCapacity; ++i) sim_.schedule(11.0 + 0.1 * i, bolus(1.0));
  EXPECT_EQ(sim_.state().queue.size, kQueueCapacity);
  const std::vector<unsigned char> before = snapshot(sim_);
  expect_error([&] { sim_.schedule(2000.0, bolus(1.0)); }, Status::kCapacity, {"256"});
  expect_error([&] { sim_.schedule(20.0, bolus(1.0)); }, Status::kCapacity);
  EXPECT_EQ(snapshot(sim_), before);
  // Once actions are due and applied, slots free up again.
  ASSERT_EQ(sim_.advance(5.0), Status::kOk);
  EXPECT_LT(sim_.state().queue.size, kQueueCapacity);
  EXPECT_NO_THROW(sim_.schedule(sim_.time() + 1.0, bolus(1.0)));
}

TEST_F(BadInputSim, FailedCallsNeverChangeTheTrajectory) {
  // Every kind of rejected call, in a row, on one sim; the twin sees none of them.
  EXPECT_EQ(sim_.advance(kNaN), Status::kInvalidArgument);
  EXPECT_EQ(sim_.advance(-3.0), Status::kInvalidArgument);
  expect_error([&] { sim_.schedule(1.0, bolus(100.0)); }, Status::kInvalidArgument);
  expect_error([&] { sim_.schedule(kNaN, bolus(100.0)); }, Status::kInvalidArgument);
  expect_error([&] { validated(make(ActionKind::kHemorrhage, -1.0, 0.0)); },
               Status::kInvalidArgument);
  std::vector<unsigned char> bad = snapshot(sim_);
  bad[0] = 'X';
  expect_error([&] { sim_.restore(bad.data(), bad.size()); }, Status::kIncompatible);
  expect_error([&] { sim_.restore(bad.data(), 3); }, Status::kIncompatible);
  Event none[1];
  EXPECT_EQ(sim_.poll_events(none, 0), 0);   // zero capacity takes nothing
  EXPECT_EQ(twin_.poll_events(none, 0), 0);
  expect_same_future();
}

}  // namespace
}  // namespace resus::test
