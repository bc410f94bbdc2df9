// Chest compressions, airway, ventilation, oxygen, the streamed device inputs and the waveform
// streams through the public C API: the typed calls reach the signals, bad input comes back as a
// status with a message naming the field, and the waveforms stream at their rate. Sees only
// <resus/resus.h>.
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>
#include "mentions.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using resus_test::Mentions;

int32_t signal(const char* name) {
  int32_t index = -1;
  EXPECT_EQ(resus_signal_find(name, &index), RESUS_OK) << resus_last_error(nullptr);
  return index;
}

class CCpr : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &model_), RESUS_OK);
  }
  static void TearDownTestSuite() {
    resus_model_destroy(model_);
    model_ = nullptr;
  }
  void SetUp() override {
    resus_sim_def def = resus_default_sim_def();
    def.seed = 3;
    ASSERT_EQ(resus_sim_create(model_, &def, &sim_), RESUS_OK);
  }
  void TearDown() override { resus_sim_destroy(sim_); }

  std::string error() const { return resus_last_error(sim_); }
  double value(const char* name) const { return resus_sim_signal(sim_, signal(name)); }
  // Advances `seconds` in 10 ms ticks and returns the largest value `name` reached.
  double max_over(double seconds, const char* name) {
    const int32_t index = signal(name);
    double max = -std::numeric_limits<double>::infinity();
    for (int i = 0; i < static_cast<int>(std::lround(seconds / 0.01)); ++i) {
      EXPECT_EQ(resus_sim_advance(sim_, 0.01), RESUS_OK) << error();
      max = std::max(max, resus_sim_signal(sim_, index));
    }
    return max;
  }
  std::vector<float> drain(int32_t wave) {
    std::vector<float> out(8192);
    int32_t n = -1;
    EXPECT_EQ(resus_sim_waveform_read(sim_, wave, out.data(), 8192, &n), RESUS_OK) << error();
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    return out;
  }

  static resus_model* model_;
  resus_sim* sim_ = nullptr;
};
resus_model* CCpr::model_ = nullptr;

// ---- discovery -----------------------------------------------------------------------------

TEST(CCprDiscovery, NewActionsAreInTheRegistryInKindOrder) {
  const char* expected[] = {"cpr_start", "cpr_stop", "airway", "ventilation",
                            "breath",    "oxygen",   "spontaneous_breathing"};
  ASSERT_GE(resus_action_count(), RESUS_ACTION_SPONTANEOUS_BREATHING);
  for (int32_t kind = RESUS_ACTION_CPR_START; kind <= RESUS_ACTION_SPONTANEOUS_BREATHING; ++kind) {
    const char *name = nullptr, *fields = nullptr;
    ASSERT_EQ(resus_action_info(kind - 1, &name, &fields), RESUS_OK);
    EXPECT_STREQ(name, expected[kind - RESUS_ACTION_CPR_START]);
    EXPECT_GT(std::string(fields).size(), 0u);
  }
}

TEST(CCprDiscovery, NewSignalsFollowTime) {
  const int32_t time = signal("time_s");
  for (const char* name : {"chest_depth_mm", "cpr_rate_per_min", "cpr_depth_mm", "cpr_fraction",
                           "carotid_pulse", "etco2_mmHg", "fio2", "airway_device", "spo2_pct"})
    EXPECT_GT(signal(name), time) << name;
}

TEST(CCprDiscovery, WaveNamesAndUnits) {
  ASSERT_EQ(resus_wave_count(), RESUS_WAVE_CHEST_DEPTH + 1);
  const char* names[] = {"abp", "cvp", "pap", "pleth", "capnogram", "paw", "flow", "chest_depth"};
  for (int32_t w = 0; w < resus_wave_count(); ++w) {
    EXPECT_STREQ(resus_wave_name(w), names[w]);
    ASSERT_NE(resus_wave_unit(w), nullptr);
    int32_t found = -1;
    ASSERT_EQ(resus_wave_find(names[w], &found), RESUS_OK);
    EXPECT_EQ(found, w);
  }
  EXPECT_STREQ(resus_wave_unit(RESUS_WAVE_ABP), "mmHg");
  EXPECT_STREQ(resus_wave_unit(RESUS_WAVE_PAW), "cmH2O");
  EXPECT_EQ(resus_wave_name(resus_wave_count()), nullptr);
  EXPECT_EQ(resus_wave_name(-1), nullptr);
  EXPECT_EQ(resus_wave_unit(resus_wave_count()), nullptr);
  int32_t found = 7;
  EXPECT_EQ(resus_wave_find("spo2", &found), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_EQ(found, -1);
  EXPECT_TRUE(Mentions(resus_last_error(nullptr), {"spo2", "abp", "chest_depth"}));
  EXPECT_EQ(resus_wave_find(nullptr, &found), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_wave_find("abp", nullptr), RESUS_ERR_INVALID_ARGUMENT);
}

// ---- the action struct and its JSON form -----------------------------------------------------

TEST(CCprActions, JsonFormFillsTheNewFieldsAndDefaults) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  double at = 0.0;
  ASSERT_EQ(resus_action_parse_json(R"({"do": "cpr_start", "at_s": 5, "depth_mm": 50,
                                        "compressions_per_cycle": 30, "breaths_per_pause": 2})",
                                    &a, &at),
            RESUS_OK)
      << resus_last_error(nullptr);
  EXPECT_EQ(a.struct_size, sizeof(resus_action));
  EXPECT_EQ(a.kind, RESUS_ACTION_CPR_START);
  EXPECT_EQ(at, 5.0);
  EXPECT_EQ(a.depth_mm, 50.0);
  EXPECT_EQ(a.rate_per_min, 110.0);  // defaults filled by the library
  EXPECT_EQ(a.duty_cycle, 0.5);
  EXPECT_EQ(a.compressions_per_cycle, 30);
  EXPECT_EQ(a.breaths_per_pause, 2);
  EXPECT_EQ(a.tidal_volume_mL, 500.0);

  ASSERT_EQ(resus_action_parse_json(R"({"do": "ventilation", "mode": "ventilator",
                                        "rate_per_min": 12, "tidal_volume_mL": 450,
                                        "peep_cmH2O": 5})",
                                    &a, nullptr),
            RESUS_OK)
      << resus_last_error(nullptr);
  EXPECT_EQ(a.vent_mode, RESUS_VENT_VENTILATOR);
  EXPECT_EQ(a.rate_per_min, 12.0);
  EXPECT_EQ(a.tidal_volume_mL, 450.0);
  EXPECT_EQ(a.inspiratory_time_s, 1.0);
  EXPECT_EQ(a.peep_cmH2O, 5.0);

  ASSERT_EQ(resus_action_parse_json(R"({"do": "airway", "airway": "supraglottic"})", &a, nullptr),
            RESUS_OK);
  EXPECT_EQ(a.airway, RESUS_AIRWAY_SUPRAGLOTTIC);
  ASSERT_EQ(resus_action_parse_json(R"({"do": "oxygen", "source": "non_rebreather"})", &a, nullptr),
            RESUS_OK);
  EXPECT_EQ(a.fio2, 0.8);
  ASSERT_EQ(resus_action_parse_json(R"({"do": "spontaneous_breathing", "enabled": false})", &a,
                                    nullptr),
            RESUS_OK);
  EXPECT_EQ(a.kind, RESUS_ACTION_SPONTANEOUS_BREATHING);
  EXPECT_EQ(a.enabled, 0);

  EXPECT_EQ(resus_action_parse_json(R"({"do": "oxygen", "fio2": 1.1})", &a, nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(resus_last_error(nullptr), {"action.fio2", "1.1", "[0.05, 1]"}));
  EXPECT_EQ(resus_action_parse_json(R"({"do": "cpr_start", "depth_mm": 120})", &a, nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(resus_last_error(nullptr), {"action.depth_mm", "120", "[0, 100] mm"}));
}

// A caller built against 0.1 has a shorter resus_action: the fields it lacks take the defaults.
TEST_F(CCpr, OldStructSizeTakesTheDefaultsOfTheNewFields) {
  resus_action a = resus_default_action(RESUS_ACTION_CPR_START);
  a.struct_size = offsetof(resus_action, depth_mm);
  a.depth_mm = 500.0;  // beyond struct_size: ignored, so not out of range
  ASSERT_EQ(resus_sim_apply(sim_, &a), RESUS_OK) << error();
  EXPECT_GT(max_over(2.0, "chest_depth_mm"), 45.0);  // the default 55 mm
}

TEST_F(CCpr, FullActionStructReachesTheEngine) {
  resus_action a = resus_default_action(RESUS_ACTION_CPR_START);
  a.rate_per_min = 100.0;
  a.depth_mm = 40.0;
  a.leaning_mm = 8.0;
  a.duty_cycle = 0.4;
  ASSERT_EQ(resus_sim_apply(sim_, &a), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 8.0), RESUS_OK);
  EXPECT_NEAR(value("cpr_rate_per_min"), 100.0, 5.0);
  EXPECT_NEAR(value("cpr_recoil_mm"), 8.0, 3.0);
  resus_event events[16];
  int32_t n = 0;
  ASSERT_EQ(resus_sim_poll_events(sim_, events, 16, &n), RESUS_OK);
  ASSERT_GE(n, 1);
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_CPR_START);
}

// ---- typed calls reach the signals ---------------------------------------------------------------

TEST_F(CCpr, CprInVfCompressesAt110) {
  ASSERT_EQ(resus_sim_set_rhythm(sim_, RESUS_RHYTHM_VF_COARSE), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 5.0), RESUS_OK);
  EXPECT_LT(value("chest_depth_mm"), 1.0);
  ASSERT_EQ(resus_sim_cpr_start(sim_, 110.0, 55.0, 0, 0), RESUS_OK) << error();
  const double deepest = max_over(10.0, "chest_depth_mm");
  EXPECT_GT(deepest, 45.0);
  EXPECT_LE(deepest, 60.0);
  EXPECT_NEAR(value("cpr_rate_per_min"), 110.0, 5.0);
  EXPECT_NEAR(value("cpr_depth_mm"), 55.0, 5.0);
  EXPECT_GT(value("cpr_compressions"), 15.0);
  ASSERT_EQ(resus_sim_cpr_stop(sim_), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 3.0), RESUS_OK);
  EXPECT_LT(value("chest_depth_mm"), 1.0);
  EXPECT_EQ(value("cpr_rate_per_min"), 0.0);
  EXPECT_GT(value("cpr_hands_off_s"), 1.0);
}

TEST_F(CCpr, AirwayVentilationAndOxygenReachTheSignals) {
  ASSERT_EQ(resus_sim_set_spontaneous_breathing(sim_, 0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_set_airway(sim_, RESUS_AIRWAY_TRACHEAL_TUBE), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_set_ventilation(sim_, RESUS_VENT_BAG_RATE, 10.0, 500.0, 1.0, 0.0), RESUS_OK)
      << error();
  ASSERT_EQ(resus_sim_set_oxygen(sim_, 1.0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 30.0), RESUS_OK);
  EXPECT_EQ(value("airway_device"), RESUS_AIRWAY_TRACHEAL_TUBE);
  EXPECT_EQ(value("fio2"), 1.0);
  EXPECT_EQ(value("spontaneous_breathing"), 0.0);
  EXPECT_GT(value("vt_mL"), 300.0);
  EXPECT_NEAR(value("rr_per_min"), 10.0, 2.0);
  EXPECT_GT(value("pao2_mmHg"), 150.0);  // pure oxygen through a tube

  ASSERT_EQ(resus_sim_set_ventilation(sim_, RESUS_VENT_MANUAL, 0.0, 0.0, 0.0, 0.0), RESUS_OK)
      << error();
  ASSERT_EQ(resus_sim_give_breath(sim_, 600.0, 1.0), RESUS_OK) << error();
  EXPECT_GT(max_over(1.5, "airway_flow_mL_s"), 100.0);
  ASSERT_EQ(resus_sim_set_airway(sim_, RESUS_AIRWAY_NONE), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 0.1), RESUS_OK);
  EXPECT_EQ(value("airway_device"), RESUS_AIRWAY_NONE);
}

// ---- streamed inputs ------------------------------------------------------------------------

TEST_F(CCpr, StreamedDepthDrivesTheChest) {
  // A 200 Hz host streaming a 2 Hz half-sine push to 50 mm for 6 s.
  const int32_t depth = signal("chest_depth_mm");
  double deepest = 0.0;
  for (int tick = 0; tick < 1200; ++tick) {
    const double phase = std::fmod(tick * 0.005 * 2.0, 1.0);
    const double d = phase < 0.5 ? 50.0 * std::sin(phase * 2.0 * M_PI) : 0.0;
    ASSERT_EQ(resus_sim_set_compression_depth(sim_, d), RESUS_OK) << error();
    ASSERT_EQ(resus_sim_advance(sim_, 0.005), RESUS_OK);
    deepest = std::max(deepest, resus_sim_signal(sim_, depth));
  }
  EXPECT_GT(deepest, 45.0);
  EXPECT_LE(deepest, 50.5);
  EXPECT_NEAR(value("cpr_rate_per_min"), 120.0, 6.0);
  // Streaming creates no events.
  resus_event events[4];
  int32_t n = -1;
  ASSERT_EQ(resus_sim_poll_events(sim_, events, 4, &n), RESUS_OK);
  EXPECT_EQ(n, 0);
}

TEST_F(CCpr, BagFlowInflatesTheLungs) {
  ASSERT_EQ(resus_sim_set_spontaneous_breathing(sim_, 0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_set_airway(sim_, RESUS_AIRWAY_TRACHEAL_TUBE), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_set_ventilation(sim_, RESUS_VENT_MANUAL, 0.0, 0.0, 0.0, 0.0), RESUS_OK)
      << error();
  ASSERT_EQ(resus_sim_advance(sim_, 5.0), RESUS_OK);
  const double before = value("lung_volume_mL");
  ASSERT_EQ(resus_sim_set_bag_flow(sim_, 500.0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 1.0), RESUS_OK);
  EXPECT_GT(value("lung_volume_mL"), before + 250.0);
  ASSERT_EQ(resus_sim_set_bag_flow(sim_, 0.0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 3.0), RESUS_OK);
  EXPECT_LT(value("lung_volume_mL"), before + 100.0);
}

// ---- bad input ---------------------------------------------------------------------------------

// A bad call returns its status, names the field, the value and the range, and changes nothing.
TEST_F(CCpr, BadInputNamesTheField) {
  struct Case {
    resus_status status;
    std::initializer_list<const char*> mentions;
  };
  auto check = [&](resus_status got, resus_status want, std::initializer_list<const char*> parts,
                   const char* call) {
    EXPECT_EQ(got, want) << call;
    EXPECT_TRUE(Mentions(error(), parts)) << call;
  };
  check(resus_sim_set_compression_depth(sim_, -3.0), RESUS_ERR_INVALID_ARGUMENT,
        {"depth_mm = -3 is out of range; valid range is [0, 100] mm"}, "stream -3");
  check(resus_sim_set_compression_depth(sim_, 101.0), RESUS_ERR_INVALID_ARGUMENT,
        {"depth_mm = 101", "[0, 100] mm"}, "stream 101");
  check(resus_sim_set_compression_depth(sim_, kNaN), RESUS_ERR_INVALID_ARGUMENT,
        {"depth_mm = nan", "[0, 100] mm"}, "stream NaN");
  check(resus_sim_set_bag_flow(sim_, -1.0), RESUS_ERR_INVALID_ARGUMENT,
        {"flow_mL_s = -1 is out of range; valid range is [0, 3000] mL/s"}, "flow -1");
  check(resus_sim_set_bag_flow(sim_, kNaN), RESUS_ERR_INVALID_ARGUMENT,
        {"flow_mL_s = nan", "[0, 3000] mL/s"}, "flow NaN");
  check(resus_sim_cpr_start(sim_, 110.0, -3.0, 0, 0), RESUS_ERR_INVALID_ARGUMENT,
        {"depth_mm = -3", "[0, 100] mm"}, "cpr depth -3");
  check(resus_sim_cpr_start(sim_, 110.0, 101.0, 0, 0), RESUS_ERR_INVALID_ARGUMENT,
        {"depth_mm = 101", "[0, 100] mm"}, "cpr depth 101");
  check(resus_sim_cpr_start(sim_, 110.0, kNaN, 0, 0), RESUS_ERR_INVALID_ARGUMENT,
        {"depth_mm", "[0, 100] mm"}, "cpr depth NaN");
  check(resus_sim_cpr_start(sim_, 300.0, 50.0, 0, 0), RESUS_ERR_INVALID_ARGUMENT,
        {"rate_per_min = 300", "[30, 250]"}, "cpr rate 300");
  check(resus_sim_cpr_start(sim_, 110.0, 50.0, 30, 5), RESUS_ERR_INVALID_ARGUMENT,
        {"breaths_per_pause = 5", "[0, 4]"}, "cpr breaths 5");
  check(resus_sim_give_breath(sim_, 3001.0, 1.0), RESUS_ERR_INVALID_ARGUMENT,
        {"tidal_volume_mL = 3001", "[1, 3000] mL"}, "breath 3001");
  check(resus_sim_set_ventilation(sim_, RESUS_VENT_BAG_RATE, 10.0, 3001.0, 1.0, 0.0),
        RESUS_ERR_INVALID_ARGUMENT, {"tidal_volume_mL = 3001", "[1, 3000] mL"}, "vent 3001");
  check(resus_sim_set_ventilation(sim_, static_cast<resus_vent_mode>(7), 10.0, 500.0, 1.0, 0.0),
        RESUS_ERR_INVALID_ARGUMENT, {"vent_mode = 7"}, "vent mode 7");
  check(resus_sim_set_oxygen(sim_, 0.04), RESUS_ERR_INVALID_ARGUMENT,
        {"fio2 = 0.04 is out of range; valid range is [0.05, 1]"}, "fio2 0.04");
  check(resus_sim_set_oxygen(sim_, 1.1), RESUS_ERR_INVALID_ARGUMENT,
        {"fio2 = 1.1", "[0.05, 1]"}, "fio2 1.1");
  check(resus_sim_set_airway(sim_, static_cast<resus_airway>(6)), RESUS_ERR_INVALID_ARGUMENT,
        {"airway = 6", "tracheal_tube"}, "airway 6");
  check(resus_sim_set_airway(sim_, static_cast<resus_airway>(-1)), RESUS_ERR_INVALID_ARGUMENT,
        {"airway = -1"}, "airway -1");
  check(resus_sim_set_spontaneous_breathing(sim_, 2), RESUS_ERR_INVALID_ARGUMENT,
        {"enabled = 2", "{0 false, 1 true}"}, "enabled 2");
  check(resus_sim_waveforms_configure(sim_, 300), RESUS_ERR_INVALID_ARGUMENT,
        {"sample_rate_hz = 300", "125"}, "wave rate 300");
  check(resus_sim_waveforms_configure(sim_, -1), RESUS_ERR_INVALID_ARGUMENT,
        {"sample_rate_hz = -1"}, "wave rate -1");

  // Nothing above changed the sim: no events, no compressions, no device, room air.
  resus_event events[4];
  int32_t n = -1;
  ASSERT_EQ(resus_sim_poll_events(sim_, events, 4, &n), RESUS_OK);
  EXPECT_EQ(n, 0);
  ASSERT_EQ(resus_sim_advance(sim_, 1.0), RESUS_OK);
  EXPECT_EQ(value("chest_depth_mm"), 0.0);
  EXPECT_EQ(value("airway_device"), RESUS_AIRWAY_NONE);
  EXPECT_NEAR(value("fio2"), 0.21, 1e-12);
}

TEST(CCprNull, NewCallsReportANullSim) {
  float out[1];
  int32_t n = 0;
  int64_t c = 0;
  EXPECT_EQ(resus_sim_cpr_start(nullptr, 110.0, 55.0, 30, 2), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_cpr_stop(nullptr), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_set_airway(nullptr, RESUS_AIRWAY_BAG_MASK), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_set_ventilation(nullptr, RESUS_VENT_NONE, 0, 0, 0, 0), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_give_breath(nullptr, 500.0, 1.0), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_set_oxygen(nullptr, 0.5), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_set_spontaneous_breathing(nullptr, 1), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_set_compression_depth(nullptr, 10.0), RESUS_ERR_NULL_HANDLE);
  EXPECT_TRUE(Mentions(resus_last_error(nullptr), {"sim"}));
  EXPECT_EQ(resus_sim_set_bag_flow(nullptr, 10.0), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_waveforms_configure(nullptr, 125), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_waveform_read(nullptr, 0, out, 1, &n), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_waveform_available(nullptr, 0, &c), RESUS_ERR_NULL_HANDLE);
  EXPECT_EQ(resus_sim_waveform_dropped(nullptr, 0, &c), RESUS_ERR_NULL_HANDLE);
}

// ---- waveforms -----------------------------------------------------------------------------------

TEST_F(CCpr, WaveformsAreOffUntilConfigured) {
  int64_t available = -1;
  ASSERT_EQ(resus_sim_advance(sim_, 1.0), RESUS_OK);
  ASSERT_EQ(resus_sim_waveform_available(sim_, RESUS_WAVE_ABP, &available), RESUS_OK);
  EXPECT_EQ(available, 0);
  EXPECT_TRUE(drain(RESUS_WAVE_ABP).empty());
}

TEST_F(CCpr, EveryRateStreamsItsSamples) {
  for (int32_t rate : {50, 100, 125, 250, 500}) {
    ASSERT_EQ(resus_sim_waveforms_configure(sim_, rate), RESUS_OK) << error();
    ASSERT_EQ(resus_sim_advance(sim_, 2.0), RESUS_OK);
    for (int32_t w = 0; w < resus_wave_count(); ++w) {
      int64_t available = -1;
      ASSERT_EQ(resus_sim_waveform_available(sim_, w, &available), RESUS_OK);
      EXPECT_EQ(available, 2 * rate) << rate << " Hz, " << resus_wave_name(w);
      EXPECT_EQ(drain(w).size(), static_cast<std::size_t>(2 * rate));
    }
  }
  ASSERT_EQ(resus_sim_waveforms_configure(sim_, 0), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(sim_, 1.0), RESUS_OK);
  EXPECT_TRUE(drain(RESUS_WAVE_ABP).empty());
}

TEST_F(CCpr, ArterialWaveLooksLikeArterialPressure) {
  ASSERT_EQ(resus_sim_waveforms_configure(sim_, 125), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 5.0), RESUS_OK);
  const std::vector<float> abp = drain(RESUS_WAVE_ABP);
  ASSERT_EQ(abp.size(), 625u);
  const auto [lo, hi] = std::minmax_element(abp.begin(), abp.end());
  // A resting adult: systolic ~100-140, diastolic ~55-90, a pulse on every beat.
  EXPECT_GT(*hi, 95.0f);
  EXPECT_LT(*hi, 150.0f);
  EXPECT_GT(*lo, 50.0f);
  EXPECT_LT(*lo, 90.0f);
  // 72/min over 5 s: 5-7 upstrokes through the mean.
  double mean = 0.0;
  for (float v : abp) mean += v;
  mean /= static_cast<double>(abp.size());
  EXPECT_NEAR(mean, value("map_mmHg"), 8.0);
  int upstrokes = 0;
  for (std::size_t k = 1; k < abp.size(); ++k) upstrokes += abp[k - 1] < mean && abp[k] >= mean;
  EXPECT_GE(upstrokes, 5);
  EXPECT_LE(upstrokes, 7);
  // The chest-depth wave is flat without compressions.
  const std::vector<float> depth = drain(RESUS_WAVE_CHEST_DEPTH);
  EXPECT_EQ(*std::max_element(depth.begin(), depth.end()), 0.0f);
}

TEST_F(CCpr, UndrainedWavesDropTheirOldestSamples) {
  ASSERT_EQ(resus_sim_waveforms_configure(sim_, 500), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim_, 20.0), RESUS_OK);  // 10000 samples, the buffer holds 8192
  int64_t available = -1, dropped = -1;
  ASSERT_EQ(resus_sim_waveform_available(sim_, RESUS_WAVE_PLETH, &available), RESUS_OK);
  ASSERT_EQ(resus_sim_waveform_dropped(sim_, RESUS_WAVE_PLETH, &dropped), RESUS_OK);
  EXPECT_EQ(available, 8192);
  EXPECT_EQ(dropped, 10000 - 8192);
  // Reading in small chunks gives what is available, oldest first, then nothing.
  float chunk[1000];
  int32_t n = 0, total = 0;
  do {
    ASSERT_EQ(resus_sim_waveform_read(sim_, RESUS_WAVE_PLETH, chunk, 1000, &n), RESUS_OK);
    total += n;
  } while (n == 1000);
  EXPECT_EQ(total, 8192);
  ASSERT_EQ(resus_sim_waveform_available(sim_, RESUS_WAVE_PLETH, &available), RESUS_OK);
  EXPECT_EQ(available, 0);
}

TEST_F(CCpr, BadWaveformReads) {
  float out[4];
  int32_t n = 5;
  int64_t c = 0;
  EXPECT_EQ(resus_sim_waveform_read(sim_, 8, out, 4, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(n, 0);
  EXPECT_TRUE(Mentions(error(), {"wave = 8", "[0, 7]"}));
  EXPECT_EQ(resus_sim_waveform_read(sim_, -1, out, 4, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_waveform_read(sim_, 0, nullptr, 4, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"out"}));
  EXPECT_EQ(resus_sim_waveform_read(sim_, 0, out, -1, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"capacity = -1"}));
  EXPECT_EQ(resus_sim_waveform_read(sim_, 0, out, 4, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_waveform_read(sim_, 0, nullptr, 0, &n), RESUS_OK);
  EXPECT_EQ(resus_sim_waveform_available(sim_, 9, &c), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_waveform_dropped(sim_, 0, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"count"}));
}

TEST_F(CCpr, ChestDepthWaveFollowsTheStream) {
  ASSERT_EQ(resus_sim_waveforms_configure(sim_, 100), RESUS_OK) << error();
  for (int tick = 0; tick < 400; ++tick) {  // 2 s at 200 Hz: 1 s at 30 mm, 1 s released
    ASSERT_EQ(resus_sim_set_compression_depth(sim_, tick < 200 ? 30.0 : 0.0), RESUS_OK);
    ASSERT_EQ(resus_sim_advance(sim_, 0.005), RESUS_OK);
  }
  const std::vector<float> depth = drain(RESUS_WAVE_CHEST_DEPTH);
  ASSERT_EQ(depth.size(), 200u);
  EXPECT_NEAR(depth[50], 30.0f, 0.01f);
  EXPECT_NEAR(depth[150], 0.0f, 0.01f);
}

}  // namespace
