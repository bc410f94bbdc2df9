// The public C API, seen exactly as a host sees it: the shared library and <resus/resus.h> only.
// Every bad input must come back as a status with a message naming the field, the value and the
// valid range, and must leave a running sim exactly as it was.
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <cmath>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include "mentions.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

struct ModelDeleter {
  void operator()(resus_model* m) const { resus_model_destroy(m); }
};
struct SimDeleter {
  void operator()(resus_sim* s) const { resus_sim_destroy(s); }
};
using ModelPtr = std::unique_ptr<resus_model, ModelDeleter>;
using SimPtr = std::unique_ptr<resus_sim, SimDeleter>;

std::string thread_error() { return resus_last_error(nullptr); }

using resus_test::Mentions;

ModelPtr make_model(const char* preset) {
  resus_model* m = nullptr;
  EXPECT_EQ(resus_model_create_preset(preset, &m), RESUS_OK) << thread_error();
  return ModelPtr(m);
}

SimPtr make_sim(const resus_model* model) {
  resus_sim* s = nullptr;
  EXPECT_EQ(resus_sim_create(model, nullptr, &s), RESUS_OK) << thread_error();
  return SimPtr(s);
}

int32_t signal_index(const char* name) {
  int32_t index = -1;
  EXPECT_EQ(resus_signal_find(name, &index), RESUS_OK) << thread_error();
  return index;
}

std::vector<double> all_signals(const resus_sim* sim) {
  std::vector<double> out(static_cast<std::size_t>(resus_signal_count()));
  for (int32_t i = 0; i < resus_signal_count(); ++i)
    out[static_cast<std::size_t>(i)] = resus_sim_signal(sim, i);
  return out;
}

// Bitwise equality, so that NaN == NaN and -0 != +0.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::vector<unsigned char> snapshot(const resus_sim* sim) {
  std::vector<unsigned char> buf(static_cast<std::size_t>(resus_snapshot_size()));
  EXPECT_EQ(resus_sim_save(sim, buf.data(), static_cast<int64_t>(buf.size())), RESUS_OK)
      << resus_last_error(sim);
  return buf;
}

// Advances both sims in lock step and requires every signal to match bit for bit.
void expect_same_trajectory(resus_sim* a, resus_sim* b, double seconds, double every) {
  for (double t = 0.0; t < seconds; t += every) {
    ASSERT_EQ(resus_sim_advance(a, every), RESUS_OK) << resus_last_error(a);
    ASSERT_EQ(resus_sim_advance(b, every), RESUS_OK) << resus_last_error(b);
    ASSERT_TRUE(same_bits(all_signals(a), all_signals(b)))
        << "diverged at t = " << resus_sim_time(a);
  }
}

// One adult male model compiled once for the whole suite (compiling takes a while).
class CApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { model_ = make_model("adult_male_70kg").release(); }
  static void TearDownTestSuite() {
    resus_model_destroy(model_);
    model_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(model_, nullptr);
    sim_ = make_sim(model_);
    ASSERT_NE(sim_, nullptr);
  }

  resus_sim* sim() { return sim_.get(); }
  std::string error() { return resus_last_error(sim_.get()); }

  static resus_model* model_;
  SimPtr sim_;
};
resus_model* CApi::model_ = nullptr;

// ---- version and status --------------------------------------------------------------------

TEST(CApiVersion, MatchesTheHeader) {
  const std::string expected = std::to_string(RESUS_VERSION_MAJOR) + "." +
                               std::to_string(RESUS_VERSION_MINOR) + "." +
                               std::to_string(RESUS_VERSION_PATCH);
  EXPECT_EQ(std::string(resus_version()), expected);
  EXPECT_EQ(resus_version_number(), RESUS_VERSION_NUMBER);
  EXPECT_EQ(resus_version_number(),
            RESUS_VERSION_MAJOR * 10000 + RESUS_VERSION_MINOR * 100 + RESUS_VERSION_PATCH);
}

TEST(CApiStatus, EveryValueHasItsOwnText) {
  std::set<std::string> seen;
  for (int s = RESUS_OK; s <= RESUS_ERR_INTERNAL; ++s) {
    const char* text = resus_status_string(static_cast<resus_status>(s));
    ASSERT_NE(text, nullptr) << s;
    EXPECT_GT(std::strlen(text), 0u) << s;
    EXPECT_TRUE(seen.insert(text).second) << "duplicate text '" << text << "' for " << s;
  }
  EXPECT_EQ(std::string(resus_status_string(RESUS_OK)), "ok");
  ASSERT_NE(resus_status_string(static_cast<resus_status>(99)), nullptr);
  ASSERT_NE(resus_status_string(static_cast<resus_status>(-1)), nullptr);
}

// ---- discovery -----------------------------------------------------------------------------

TEST(CApiDiscovery, Presets) {
  ASSERT_GE(resus_preset_count(), 2);
  std::set<std::string> names;
  for (int32_t i = 0; i < resus_preset_count(); ++i) {
    ASSERT_NE(resus_preset_name(i), nullptr);
    ASSERT_NE(resus_preset_description(i), nullptr);
    names.insert(resus_preset_name(i));
  }
  EXPECT_TRUE(names.count("adult_male_70kg"));
  EXPECT_TRUE(names.count("adult_female_60kg"));
  EXPECT_EQ(resus_preset_name(resus_preset_count()), nullptr);
  EXPECT_EQ(resus_preset_name(-1), nullptr);
  EXPECT_EQ(resus_preset_description(resus_preset_count()), nullptr);
  EXPECT_EQ(resus_preset_description(-1), nullptr);
}

TEST(CApiDiscovery, Parameters) {
  ASSERT_GT(resus_param_count(), 0);
  std::set<std::string> names;
  for (int32_t i = 0; i < resus_param_count(); ++i) {
    const char *name = nullptr, *unit = nullptr, *description = nullptr;
    double min = kNaN, max = kNaN;
    ASSERT_EQ(resus_param_info(i, &name, &unit, &min, &max, &description), RESUS_OK)
        << thread_error();
    ASSERT_NE(name, nullptr);
    ASSERT_NE(unit, nullptr);
    ASSERT_NE(description, nullptr);
    EXPECT_LE(min, max) << name;
    EXPECT_TRUE(names.insert(name).second) << "duplicate parameter " << name;
  }
  EXPECT_TRUE(names.count("heart_rate_set_bpm"));
  // Every output pointer may be NULL.
  EXPECT_EQ(resus_param_info(0, nullptr, nullptr, nullptr, nullptr, nullptr), RESUS_OK);

  const int32_t past = resus_param_count();
  EXPECT_EQ(resus_param_info(past, nullptr, nullptr, nullptr, nullptr, nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(),
                       {"index", std::to_string(past).c_str(), std::to_string(past - 1).c_str()}));
  EXPECT_EQ(resus_param_info(-1, nullptr, nullptr, nullptr, nullptr, nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
}

TEST(CApiDiscovery, Signals) {
  ASSERT_GT(resus_signal_count(), 0);
  for (int32_t i = 0; i < resus_signal_count(); ++i) {
    const char *name = nullptr, *unit = nullptr, *description = nullptr;
    ASSERT_EQ(resus_signal_info(i, &name, &unit, &description), RESUS_OK) << thread_error();
    ASSERT_NE(name, nullptr);
    ASSERT_NE(unit, nullptr);
    ASSERT_NE(description, nullptr);
    EXPECT_EQ(signal_index(name), i) << name;
  }
  for (const char* name :
       {"hr_bpm", "sbp_mmHg", "dbp_mmHg", "map_mmHg", "cvp_mmHg", "pap_mean_mmHg", "pcwp_mmHg",
        "co_L_min", "sv_mL", "ef_pct", "cpp_mmHg", "cepp_mmHg", "blood_volume_mL", "abp_mmHg"})
    EXPECT_GE(signal_index(name), 0) << name;
  EXPECT_EQ(resus_signal_info(0, nullptr, nullptr, nullptr), RESUS_OK);
  EXPECT_EQ(resus_signal_info(resus_signal_count(), nullptr, nullptr, nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_signal_info(-1, nullptr, nullptr, nullptr), RESUS_ERR_INVALID_ARGUMENT);
}

TEST(CApiDiscovery, UnknownSignalName) {
  int32_t index = 7;
  EXPECT_EQ(resus_signal_find("heart_rate", &index), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_EQ(index, -1);
  EXPECT_TRUE(Mentions(thread_error(), {"heart_rate"}));
  EXPECT_EQ(resus_signal_find("", &index), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_EQ(resus_signal_find(nullptr, &index), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"name"}));
  EXPECT_EQ(resus_signal_find("hr_bpm", nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"index"}));
}

TEST(CApiDiscovery, Actions) {
  ASSERT_GE(resus_action_count(), 15);  // the 0.2 kinds first, in their order; more may follow
  const char* expected[] = {"hemorrhage",  "hemorrhage_stop", "fluid_bolus",  "rhythm",
                            "shock",       "cardioversion",   "pacing_start", "pacing_stop",
                            "cpr_start",   "cpr_stop",        "airway",       "ventilation",
                            "breath",      "oxygen",          "spontaneous_breathing"};
  const int32_t count = resus_action_count();
  for (int32_t i = 0; i < count; ++i) {
    const char *name = nullptr, *fields = nullptr;
    ASSERT_EQ(resus_action_info(i, &name, &fields), RESUS_OK) << thread_error();
    ASSERT_NE(name, nullptr);
    ASSERT_NE(fields, nullptr);
    if (i < 15) {
      EXPECT_STREQ(name, expected[i]);
    }
    // The registry order is the kind's value minus one.
    int32_t kind = 0;
    ASSERT_EQ(resus_action_find(name, &kind), RESUS_OK);
    EXPECT_EQ(kind, i + 1);
  }
  EXPECT_EQ(resus_action_info(count, nullptr, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"index", std::to_string(count).c_str(),
                                        ("[0, " + std::to_string(count - 1) + "]").c_str()}));
  EXPECT_EQ(resus_action_info(-1, nullptr, nullptr), RESUS_ERR_INVALID_ARGUMENT);
}

TEST(CApiDiscovery, Rhythms) {
  ASSERT_EQ(resus_rhythm_count(), RESUS_RHYTHM_PEA + 1);
  EXPECT_STREQ(resus_rhythm_name(RESUS_RHYTHM_SINUS), "sinus");
  EXPECT_STREQ(resus_rhythm_name(13), "vf_coarse");
  EXPECT_STREQ(resus_rhythm_name(RESUS_RHYTHM_VF_FINE), "vf_fine");
  EXPECT_STREQ(resus_rhythm_name(RESUS_RHYTHM_ATRIAL_FIBRILLATION), "atrial_fibrillation");
  EXPECT_STREQ(resus_rhythm_name(RESUS_RHYTHM_PEA), "pea");
  EXPECT_EQ(resus_rhythm_name(resus_rhythm_count()), nullptr);
  EXPECT_EQ(resus_rhythm_name(-1), nullptr);
  // Every name is distinct and is what the JSON form's "rhythm" accepts, for the same value.
  std::set<std::string> names;
  for (int32_t i = 0; i < resus_rhythm_count(); ++i) {
    ASSERT_NE(resus_rhythm_name(i), nullptr) << i;
    EXPECT_TRUE(names.insert(resus_rhythm_name(i)).second) << resus_rhythm_name(i);
    const std::string json =
        std::string(R"({"do": "rhythm", "rhythm": ")") + resus_rhythm_name(i) + "\"}";
    resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
    ASSERT_EQ(resus_action_parse_json(json.c_str(), &a, nullptr), RESUS_OK) << thread_error();
    EXPECT_EQ(a.kind, RESUS_ACTION_RHYTHM);
    EXPECT_EQ(a.rhythm, i) << resus_rhythm_name(i);
  }
}

// ---- models --------------------------------------------------------------------------------

TEST_F(CApi, ModelFromPresetHasThePresetValues) {
  double hr = kNaN;
  ASSERT_EQ(resus_model_param(model_, "heart_rate_set_bpm", &hr), RESUS_OK);
  EXPECT_EQ(hr, 72.0);
  double mass = kNaN;
  ASSERT_EQ(resus_model_param(model_, "body_mass_kg", &mass), RESUS_OK);
  EXPECT_EQ(mass, 70.0);
}

TEST(CApiModel, FromJsonWithOverrides) {
  resus_model* raw = nullptr;
  ASSERT_EQ(resus_model_create_json(
                R"({"preset": "adult_male_70kg",
                    "overrides": {"heart_rate_set_bpm": 80, "baroreflex_gain": 0.5}})",
                &raw),
            RESUS_OK)
      << thread_error();
  ModelPtr model(raw);
  double v = kNaN;
  ASSERT_EQ(resus_model_param(model.get(), "heart_rate_set_bpm", &v), RESUS_OK);
  EXPECT_EQ(v, 80.0);
  ASSERT_EQ(resus_model_param(model.get(), "baroreflex_gain", &v), RESUS_OK);
  EXPECT_EQ(v, 0.5);

  // The override reaches the running patient.
  SimPtr sim = make_sim(model.get());
  ASSERT_EQ(resus_sim_advance(sim.get(), 20.0), RESUS_OK) << resus_last_error(sim.get());
  EXPECT_NEAR(resus_sim_signal(sim.get(), signal_index("hr_bpm")), 80.0, 2.0);
}

TEST(CApiModel, JsonPresetAloneIsThePreset) {
  resus_model* raw = nullptr;
  ASSERT_EQ(resus_model_create_json(R"({"preset": "adult_female_60kg"})", &raw), RESUS_OK)
      << thread_error();
  ModelPtr model(raw);
  double mass = kNaN;
  ASSERT_EQ(resus_model_param(model.get(), "body_mass_kg", &mass), RESUS_OK);
  EXPECT_EQ(mass, 60.0);
}

TEST(CApiModel, UnknownPreset) {
  resus_model* out = reinterpret_cast<resus_model*>(0x1);
  EXPECT_EQ(resus_model_create_preset("adult_martian", &out), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_EQ(out, nullptr);
  EXPECT_TRUE(Mentions(thread_error(), {"adult_martian", "adult_male_70kg"}));
  EXPECT_TRUE(Mentions(resus_model_last_error(nullptr), {"adult_martian"}));

  out = reinterpret_cast<resus_model*>(0x1);
  EXPECT_EQ(resus_model_create_json(R"({"preset": "adult_martian"})", &out),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_EQ(out, nullptr);
}

TEST(CApiModel, NullArguments) {
  resus_model* out = nullptr;
  EXPECT_EQ(resus_model_create_preset(nullptr, &out), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"preset"}));
  EXPECT_EQ(resus_model_create_preset("adult_male_70kg", nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"out"}));
  EXPECT_EQ(resus_model_create_json(nullptr, &out), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"patient_json"}));
  EXPECT_EQ(resus_model_create_json(R"({"preset": "adult_male_70kg"})", nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  resus_model_destroy(nullptr);  // a no-op
}

TEST(CApiModel, UnknownParameterOverride) {
  resus_model* out = nullptr;
  EXPECT_EQ(resus_model_create_json(
                R"({"preset": "adult_male_70kg", "overrides": {"heart_rate": 80}})", &out),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_EQ(out, nullptr);
  EXPECT_TRUE(Mentions(thread_error(), {"heart_rate"}));
}

TEST(CApiModel, OutOfRangeOverrideNamesTheValueAndRange) {
  resus_model* out = nullptr;
  EXPECT_EQ(resus_model_create_json(
                R"({"preset": "adult_male_70kg", "overrides": {"heart_rate_set_bpm": 500}})", &out),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  EXPECT_TRUE(Mentions(thread_error(), {"heart_rate_set_bpm", "500", "[30, 180]"}));

  EXPECT_EQ(resus_model_create_json(
                R"({"preset": "adult_male_70kg", "overrides": {"body_mass_kg": -3}})", &out),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"body_mass_kg", "-3", "[30, 140]"}));
}

TEST(CApiModel, MalformedJson) {
  resus_model* out = nullptr;
  for (const char* text :
       {"", "{", "{\"preset\": }", "not json", "{\"preset\": \"adult_male_70kg\",}"}) {
    EXPECT_EQ(resus_model_create_json(text, &out), RESUS_ERR_PARSE) << text;
    EXPECT_EQ(out, nullptr);
    EXPECT_FALSE(thread_error().empty());
  }
}

TEST(CApiModel, WrongJsonTypes) {
  resus_model* out = nullptr;
  EXPECT_EQ(resus_model_create_json("[1, 2]", &out), RESUS_ERR_PARSE);
  EXPECT_EQ(resus_model_create_json(R"({"preset": 7})", &out), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"preset"}));
  EXPECT_EQ(resus_model_create_json(R"({"preset": "adult_male_70kg", "overrides": [1]})", &out),
            RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"overrides"}));
  EXPECT_EQ(
      resus_model_create_json(
          R"({"preset": "adult_male_70kg", "overrides": {"heart_rate_set_bpm": "fast"}})", &out),
      RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"heart_rate_set_bpm"}));
  EXPECT_EQ(resus_model_create_json(R"({"preset": "adult_male_70kg", "age": 40})", &out),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(thread_error(), {"age"}));
  EXPECT_EQ(out, nullptr);
}

TEST_F(CApi, ModelParamBadInput) {
  double v = 3.0;
  EXPECT_EQ(resus_model_param(model_, "no_such_param", &v), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(resus_model_last_error(model_), {"no_such_param"}));
  EXPECT_EQ(v, 3.0);
  EXPECT_EQ(resus_model_param(model_, nullptr, &v), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(resus_model_last_error(model_), {"name"}));
  EXPECT_EQ(resus_model_param(model_, "heart_rate_set_bpm", nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(resus_model_last_error(model_), {"out"}));
}

TEST(CApiModel, SimOutlivesItsModel) {
  ModelPtr model = make_model("adult_male_70kg");
  SimPtr sim = make_sim(model.get());
  model.reset();
  ASSERT_EQ(resus_sim_advance(sim.get(), 2.0), RESUS_OK) << resus_last_error(sim.get());
  EXPECT_GT(resus_sim_signal(sim.get(), signal_index("map_mmHg")), 50.0);
}

// ---- NULL handles and NULL outputs ---------------------------------------------------------

TEST(CApiNull, EveryFunctionTakingAHandle) {
  auto expect_null_handle = [](resus_status s, const char* call) {
    EXPECT_EQ(s, RESUS_ERR_NULL_HANDLE) << call;
    EXPECT_FALSE(thread_error().empty()) << call;
  };
  const resus_action action = resus_default_action(RESUS_ACTION_HEMORRHAGE_STOP);
  const int32_t indices[1] = {0};
  double values[1] = {0.0};
  resus_event events[1];
  int32_t count = 0;
  std::vector<unsigned char> buf(static_cast<std::size_t>(resus_snapshot_size()));
  double v = 0.0;
  resus_sim* out = reinterpret_cast<resus_sim*>(0x1);

  expect_null_handle(resus_sim_create(nullptr, nullptr, &out), "sim_create");
  EXPECT_EQ(out, nullptr);
  EXPECT_TRUE(Mentions(thread_error(), {"model"}));
  expect_null_handle(resus_model_param(nullptr, "heart_rate_set_bpm", &v), "model_param");
  expect_null_handle(resus_sim_advance(nullptr, 1.0), "advance");
  EXPECT_TRUE(Mentions(thread_error(), {"sim"}));
  expect_null_handle(resus_sim_signals(nullptr, indices, 1, values), "signals");
  expect_null_handle(resus_sim_apply(nullptr, &action), "apply");
  expect_null_handle(resus_sim_schedule(nullptr, 1.0, &action), "schedule");
  expect_null_handle(resus_sim_hemorrhage(nullptr, 100.0, 0.0, RESUS_BLEED_VENOUS), "hemorrhage");
  expect_null_handle(resus_sim_hemorrhage_stop(nullptr), "hemorrhage_stop");
  expect_null_handle(resus_sim_fluid_bolus(nullptr, 500.0, 0.0), "fluid_bolus");
  expect_null_handle(resus_sim_set_rhythm(nullptr, RESUS_RHYTHM_VF_COARSE), "set_rhythm");
  expect_null_handle(resus_sim_shock(nullptr, 200.0, RESUS_WAVEFORM_BIPHASIC), "shock");
  expect_null_handle(resus_sim_cardiovert(nullptr, 100.0, RESUS_WAVEFORM_BIPHASIC), "cardiovert");
  expect_null_handle(resus_sim_pacing_start(nullptr, 70.0, 80.0), "pacing_start");
  expect_null_handle(resus_sim_pacing_stop(nullptr), "pacing_stop");
  expect_null_handle(resus_sim_apply_json(nullptr, R"({"do": "hemorrhage_stop"})"), "apply_json");
  expect_null_handle(resus_sim_poll_events(nullptr, events, 1, &count), "poll_events");
  expect_null_handle(resus_sim_save(nullptr, buf.data(), resus_snapshot_size()), "save");
  expect_null_handle(resus_sim_load(nullptr, buf.data(), resus_snapshot_size()), "load");

  // Plain readers answer NaN; destroy is a no-op; last_error(NULL) is this thread's message.
  EXPECT_TRUE(std::isnan(resus_sim_time(nullptr)));
  EXPECT_TRUE(std::isnan(resus_sim_signal(nullptr, 0)));
  resus_sim_destroy(nullptr);
  EXPECT_NE(resus_last_error(nullptr), nullptr);
  EXPECT_NE(resus_model_last_error(nullptr), nullptr);
}

TEST_F(CApi, NullOutputPointers) {
  const int32_t indices[1] = {0};
  double values[1] = {0.0};
  resus_event events[1];
  int32_t count = 0;

  EXPECT_EQ(resus_sim_signals(sim(), nullptr, 1, values), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"indices"}));
  EXPECT_EQ(resus_sim_signals(sim(), indices, 1, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"out"}));
  EXPECT_EQ(resus_sim_signals(sim(), nullptr, 0, nullptr), RESUS_OK);  // nothing to copy

  EXPECT_EQ(resus_sim_apply(sim(), nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"action"}));
  EXPECT_EQ(resus_sim_schedule(sim(), 1.0, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"action"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"action_json"}));

  EXPECT_EQ(resus_sim_poll_events(sim(), nullptr, 1, &count), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"out"}));
  EXPECT_EQ(resus_sim_poll_events(sim(), events, 1, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"count"}));
  EXPECT_EQ(resus_sim_poll_events(sim(), nullptr, 0, &count), RESUS_OK);
  EXPECT_EQ(count, 0);

  EXPECT_EQ(resus_sim_save(sim(), nullptr, resus_snapshot_size()), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"buffer"}));
  EXPECT_EQ(resus_sim_load(sim(), nullptr, resus_snapshot_size()), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"buffer"}));

  resus_sim* none = nullptr;
  EXPECT_EQ(resus_sim_create(model_, nullptr, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"out"}));
  EXPECT_EQ(resus_action_parse_json(nullptr, nullptr, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"action_json"}));
  (void)none;
}

TEST_F(CApi, ErrorsStayWithTheirHandle) {
  SimPtr other = make_sim(model_);
  ASSERT_EQ(resus_sim_advance(other.get(), -2.0), RESUS_ERR_INVALID_ARGUMENT);
  const std::string other_message = resus_last_error(other.get());
  ASSERT_EQ(resus_sim_advance(sim(), -1.0), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"-1"}));
  EXPECT_EQ(std::string(resus_last_error(other.get())), other_message);
  EXPECT_TRUE(Mentions(other_message, {"-2"}));
  // A NULL-handle call reports per thread and leaves the sims' messages alone.
  ASSERT_EQ(resus_sim_advance(nullptr, 1.0), RESUS_ERR_NULL_HANDLE);
  EXPECT_TRUE(Mentions(error(), {"-1"}));
}

// ---- sims ----------------------------------------------------------------------------------

TEST_F(CApi, SimDefStructSize) {
  resus_sim* out = nullptr;
  resus_sim_def def = resus_default_sim_def();
  EXPECT_EQ(def.struct_size, sizeof(resus_sim_def));

  def.struct_size = 0;
  EXPECT_EQ(resus_sim_create(model_, &def, &out), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"struct_size", "0"}));
  EXPECT_EQ(out, nullptr);
  def.struct_size = sizeof(resus_sim_def) + 8;
  EXPECT_EQ(resus_sim_create(model_, &def, &out), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(
      Mentions(thread_error(), {"struct_size", std::to_string(sizeof(resus_sim_def) + 8).c_str(),
                                std::to_string(sizeof(resus_sim_def)).c_str()}));
  EXPECT_EQ(out, nullptr);

  // An older, shorter struct is accepted; the fields it lacks take their defaults.
  def = resus_default_sim_def();
  def.struct_size = offsetof(resus_sim_def, patient_id);
  def.seed = 5;
  def.patient_id = 0xdeadbeef;  // beyond struct_size: ignored
  ASSERT_EQ(resus_sim_create(model_, &def, &out), RESUS_OK) << thread_error();
  SimPtr old_abi(out);
  def = resus_default_sim_def();
  def.seed = 5;
  ASSERT_EQ(resus_sim_create(model_, &def, &out), RESUS_OK) << thread_error();
  SimPtr current(out);
  EXPECT_EQ(snapshot(old_abi.get()), snapshot(current.get()));
}

TEST_F(CApi, StartsAtRestAtTimeZero) {
  EXPECT_EQ(resus_sim_time(sim()), 0.0);
  EXPECT_GT(resus_step_seconds(), 0.0);
  ASSERT_EQ(resus_sim_advance(sim(), 10.0), RESUS_OK) << error();
  EXPECT_NEAR(resus_sim_time(sim()), 10.0, 1e-9);
  EXPECT_NEAR(resus_sim_signal(sim(), signal_index("hr_bpm")), 72.0, 3.0);
  const double map = resus_sim_signal(sim(), signal_index("map_mmHg"));
  EXPECT_GT(map, 70.0);
  EXPECT_LT(map, 110.0);
}

TEST_F(CApi, ShortAdvancesAddUpExactly) {
  SimPtr other = make_sim(model_);
  const double step = resus_step_seconds();
  // Thirds of a step: the remainder is carried, so three calls make exactly one step.
  for (int i = 0; i < 300; ++i) ASSERT_EQ(resus_sim_advance(sim(), step / 3.0), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(other.get(), 100 * step), RESUS_OK);
  EXPECT_NEAR(resus_sim_time(sim()), resus_sim_time(other.get()), 1e-12);
  EXPECT_TRUE(same_bits(all_signals(sim()), all_signals(other.get())));
  EXPECT_EQ(resus_sim_advance(sim(), 0.0), RESUS_OK);
}

TEST_F(CApi, AdvanceRejectsNaNInfAndNegative) {
  ASSERT_EQ(resus_sim_advance(sim(), 1.0), RESUS_OK);
  const double t = resus_sim_time(sim());
  const struct {
    double seconds;
    const char* text;
  } bad[] = {{kNaN, "nan"}, {kInf, "inf"}, {-kInf, "-inf"}, {-1.0, "-1"}, {-1e-9, "-1e-09"}};
  for (const auto& b : bad) {
    EXPECT_EQ(resus_sim_advance(sim(), b.seconds), RESUS_ERR_INVALID_ARGUMENT) << b.text;
    EXPECT_TRUE(Mentions(error(), {"seconds", b.text, ">= 0"}));
    EXPECT_EQ(resus_sim_time(sim()), t);
  }
}

// ---- signals -------------------------------------------------------------------------------

TEST_F(CApi, SignalsByIndex) {
  ASSERT_EQ(resus_sim_advance(sim(), 3.0), RESUS_OK);
  const int32_t idx[3] = {signal_index("hr_bpm"), signal_index("map_mmHg"),
                          signal_index("co_L_min")};
  double out[3] = {0, 0, 0};
  ASSERT_EQ(resus_sim_signals(sim(), idx, 3, out), RESUS_OK) << error();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(out[i], resus_sim_signal(sim(), idx[i]));
}

TEST_F(CApi, BadSignalIndex) {
  EXPECT_TRUE(std::isnan(resus_sim_signal(sim(), -1)));
  EXPECT_TRUE(std::isnan(resus_sim_signal(sim(), resus_signal_count())));
  const int32_t idx[3] = {0, resus_signal_count(), 1};
  double out[3] = {-7.0, -7.0, -7.0};
  EXPECT_EQ(resus_sim_signals(sim(), idx, 3, out), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"indices[1]", std::to_string(resus_signal_count()).c_str(),
                                 std::to_string(resus_signal_count() - 1).c_str()}));
  for (double v : out) EXPECT_EQ(v, -7.0);  // nothing written
  EXPECT_EQ(resus_sim_signals(sim(), idx, -1, out), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"count", "-1"}));
}

// ---- actions -------------------------------------------------------------------------------

TEST_F(CApi, UnknownAction) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  a.rate_mL_min = 100.0;
  for (int32_t kind : {0, resus_action_count() + 1, 99, -1}) {
    a.kind = kind;
    EXPECT_EQ(resus_sim_apply(sim(), &a), RESUS_ERR_UNKNOWN_NAME) << kind;
    EXPECT_TRUE(Mentions(error(), {"kind", std::to_string(kind).c_str(), "hemorrhage"}));
    EXPECT_EQ(resus_sim_schedule(sim(), 1.0, &a), RESUS_ERR_UNKNOWN_NAME) << kind;
  }
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "intubate"})"), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(error(), {"intubate", "hemorrhage"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "hemorrhage", "rate_mL_min": 100, "speed": 3})"),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(error(), {"speed"}));
  EXPECT_EQ(resus_action_parse_json(R"({"do": "intubate"})", nullptr, nullptr),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(thread_error(), {"intubate"}));
}

TEST_F(CApi, OutOfRangeActionFields) {
  struct Case {
    resus_action_kind kind;
    double rate, volume;
    int32_t site;
    const char* field;
    const char* value;
    const char* range;
  };
  const Case cases[] = {
      {RESUS_ACTION_HEMORRHAGE, -5.0, 0.0, 0, "rate_mL_min", "-5", "10000"},
      {RESUS_ACTION_HEMORRHAGE, 20000.0, 0.0, 0, "rate_mL_min", "20000", "10000"},
      {RESUS_ACTION_HEMORRHAGE, kNaN, 0.0, 0, "rate_mL_min", "nan", "10000"},
      {RESUS_ACTION_HEMORRHAGE, 100.0, 1e6, 0, "volume_mL", "1e+06", "10000"},
      {RESUS_ACTION_HEMORRHAGE, 100.0, kInf, 0, "volume_mL", "inf", "10000"},
      {RESUS_ACTION_HEMORRHAGE, 100.0, 0.0, 7, "site", "7", "arterial"},
      {RESUS_ACTION_FLUID_BOLUS, 0.0, 0.0, 0, "volume_mL", "0", "10000"},
      {RESUS_ACTION_FLUID_BOLUS, -1.0, 500.0, 0, "rate_mL_min", "-1", "10000"},
  };
  for (const Case& c : cases) {
    resus_action a = resus_default_action(c.kind);
    a.rate_mL_min = c.rate;
    a.volume_mL = c.volume;
    a.site = c.site;
    EXPECT_EQ(resus_sim_apply(sim(), &a), RESUS_ERR_INVALID_ARGUMENT) << c.field << " " << c.value;
    EXPECT_TRUE(Mentions(error(), {c.field, c.value, c.range}));
    EXPECT_EQ(resus_sim_schedule(sim(), 1.0, &a), RESUS_ERR_INVALID_ARGUMENT) << c.field;
  }
  // A hemorrhage needs a rate or a volume.
  EXPECT_EQ(resus_sim_hemorrhage(sim(), 0.0, 0.0, RESUS_BLEED_VENOUS), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"rate_mL_min", "volume_mL"}));
  EXPECT_EQ(resus_sim_fluid_bolus(sim(), 20000.0, 0.0), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"volume_mL", "20000"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "fluid_bolus", "volume_mL": -10})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"volume_mL", "-10"}));
  EXPECT_EQ(
      resus_sim_apply_json(sim(), R"({"do": "hemorrhage", "rate_mL_min": 100, "site": "nasal"})"),
      RESUS_ERR_UNKNOWN_NAME);  // a name none of the enum's values has
  EXPECT_TRUE(Mentions(error(), {"site", "nasal", "arterial"}));

  int32_t count = -1;
  resus_event events[4];
  ASSERT_EQ(resus_sim_poll_events(sim(), events, 4, &count), RESUS_OK);
  EXPECT_EQ(count, 0) << "a rejected action must not reach the sim";
}

TEST_F(CApi, ActionStructSize) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  EXPECT_EQ(a.struct_size, sizeof(resus_action));
  a.rate_mL_min = 100.0;
  a.struct_size = 0;
  EXPECT_EQ(resus_sim_apply(sim(), &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"struct_size", "0"}));
  a.struct_size = sizeof(resus_action) + 4;
  EXPECT_EQ(resus_sim_schedule(sim(), 1.0, &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"struct_size", std::to_string(sizeof(resus_action) + 4).c_str()}));

  // An older struct without volume_mL: the garbage past its end is not read.
  a.struct_size = offsetof(resus_action, volume_mL);
  a.volume_mL = -12345.0;
  ASSERT_EQ(resus_sim_apply(sim(), &a), RESUS_OK) << error();
}

// A caller built against the header before the rhythm fields were appended: its struct ends at
// `rhythm`, and whatever lies past that end is never read.
TEST_F(CApi, ActionStructWithoutTheRhythmFieldsIsStillAccepted) {
  struct {
    resus_action action;
    unsigned char poison[8];
  } old{};
  std::memset(&old, 0xFF, sizeof old);  // NaN energy, rhythm -1, waveform -1, ...
  old.action.struct_size = offsetof(resus_action, rhythm);
  old.action.kind = RESUS_ACTION_HEMORRHAGE;
  old.action.site = RESUS_BLEED_ARTERIAL;
  old.action.reserved = 0;
  old.action.rate_mL_min = 500.0;
  old.action.volume_mL = 300.0;
  ASSERT_EQ(resus_sim_apply(sim(), &old.action), RESUS_OK) << error();

  SimPtr current = make_sim(model_);
  ASSERT_EQ(resus_sim_hemorrhage(current.get(), 500.0, 300.0, RESUS_BLEED_ARTERIAL), RESUS_OK);
  ASSERT_NO_FATAL_FAILURE(expect_same_trajectory(sim(), current.get(), 10.0, 1.0));
  EXPECT_EQ(snapshot(sim()), snapshot(current.get()));

  // Scheduling takes the older struct too.
  ASSERT_EQ(resus_sim_schedule(sim(), resus_sim_time(sim()) + 1.0, &old.action), RESUS_OK)
      << error();
}

// Parsing into an older caller's struct writes only the bytes its struct_size says it has: the
// memory past its end is untouched, and a struct whose size was never set is refused before
// anything is written.
TEST(CApiActions, ParseJsonWritesNoFurtherThanTheCallersStruct) {
  struct {
    resus_action action;
    unsigned char guard[8];
  } old{};
  std::memset(&old, 0xAB, sizeof old);
  old.action.struct_size = offsetof(resus_action, rhythm);
  ASSERT_EQ(resus_action_parse_json(R"({"do": "hemorrhage", "volume_mL": 800})", &old.action,
                                    nullptr),
            RESUS_OK)
      << resus_last_error(nullptr);
  EXPECT_EQ(old.action.struct_size, offsetof(resus_action, rhythm));
  EXPECT_EQ(old.action.kind, RESUS_ACTION_HEMORRHAGE);
  EXPECT_EQ(old.action.volume_mL, 800.0);
  const auto* tail = reinterpret_cast<const unsigned char*>(&old.action) +
                     offsetof(resus_action, rhythm);
  const auto* end = reinterpret_cast<const unsigned char*>(&old) + sizeof old;
  for (const unsigned char* b = tail; b < end; ++b) ASSERT_EQ(*b, 0xAB) << "byte " << (b - tail);

  resus_action unset{};
  std::memset(&unset, 0xCD, sizeof unset);
  unset.struct_size = 0;
  EXPECT_EQ(resus_action_parse_json(R"({"do": "hemorrhage_stop"})", &unset, nullptr),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(resus_last_error(nullptr)).find("out->struct_size = 0"), std::string::npos)
      << resus_last_error(nullptr);
  EXPECT_EQ(static_cast<uint32_t>(unset.kind), 0xCDCDCDCDu);
}

TEST_F(CApi, ScheduleInThePast) {
  const resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE_STOP);
  ASSERT_EQ(resus_sim_advance(sim(), 1.0), RESUS_OK);
  EXPECT_EQ(resus_sim_schedule(sim(), 0.5, &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"at_s", "0.5"}));
  EXPECT_EQ(resus_sim_schedule(sim(), -1.0, &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_schedule(sim(), kNaN, &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"at_s"}));
  EXPECT_EQ(resus_sim_schedule(sim(), kInf, &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"at_s", "inf"}));
  EXPECT_EQ(resus_sim_schedule(sim(), 1e300, &a), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"at_s", "1e+300"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "hemorrhage_stop", "at_s": 0.25})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"at_s"}));
  // Now is not the past.
  EXPECT_EQ(resus_sim_schedule(sim(), resus_sim_time(sim()), &a), RESUS_OK) << error();
}

TEST_F(CApi, QueueFull) {
  resus_action a = resus_default_action(RESUS_ACTION_FLUID_BOLUS);
  a.volume_mL = 10.0;
  for (int i = 0; i < 256; ++i)
    ASSERT_EQ(resus_sim_schedule(sim(), 10.0 + i, &a), RESUS_OK) << i << ": " << error();
  EXPECT_EQ(resus_sim_schedule(sim(), 5.0, &a), RESUS_ERR_CAPACITY);
  EXPECT_TRUE(Mentions(error(), {"256"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "hemorrhage_stop", "at_s": 3})"),
            RESUS_ERR_CAPACITY);
  // Applying now does not need the queue.
  EXPECT_EQ(resus_sim_apply(sim(), &a), RESUS_OK) << error();
}

TEST_F(CApi, ActionJsonMalformedAndWrongTypes) {
  EXPECT_EQ(resus_sim_apply_json(sim(), "{\"do\": "), RESUS_ERR_PARSE);
  EXPECT_EQ(resus_sim_apply_json(sim(), "[]"), RESUS_ERR_PARSE);
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"rate_mL_min": 100})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(error(), {"do"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": 3})"), RESUS_ERR_PARSE);
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "hemorrhage", "rate_mL_min": "100"})"),
            RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(error(), {"rate_mL_min"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do": "hemorrhage_stop", "at_s": "soon"})"),
            RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(error(), {"at_s"}));
  resus_action out = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  EXPECT_EQ(resus_action_parse_json("nope", &out, nullptr), RESUS_ERR_PARSE);
  EXPECT_FALSE(thread_error().empty());
}

TEST(CApiActions, ParseJsonWithoutASim) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  double at = 0.0;
  ASSERT_EQ(
      resus_action_parse_json(
          R"({"do": "hemorrhage", "volume_mL": 800, "site": "arterial", "at_s": 12.5})", &a, &at),
      RESUS_OK)
      << thread_error();
  EXPECT_EQ(a.struct_size, sizeof(resus_action));
  EXPECT_EQ(a.kind, RESUS_ACTION_HEMORRHAGE);
  EXPECT_EQ(a.site, RESUS_BLEED_ARTERIAL);
  EXPECT_EQ(a.volume_mL, 800.0);
  EXPECT_GT(a.rate_mL_min, 0.0);  // a volume alone bleeds at the default rate
  EXPECT_EQ(at, 12.5);

  ASSERT_EQ(resus_action_parse_json(R"({"do": "hemorrhage_stop"})", &a, &at), RESUS_OK);
  EXPECT_EQ(a.kind, RESUS_ACTION_HEMORRHAGE_STOP);
  EXPECT_TRUE(std::isnan(at));
  EXPECT_EQ(resus_action_parse_json(R"({"do": "fluid_bolus", "volume_mL": 500})", nullptr, nullptr),
            RESUS_OK);
}

TEST_F(CApi, JsonWithAtSecondsIsScheduled) {
  ASSERT_EQ(resus_sim_apply_json(sim(), R"({"do": "hemorrhage", "rate_mL_min": 500, "at_s": 2})"),
            RESUS_OK)
      << error();
  resus_event events[8];
  int32_t n = -1;
  ASSERT_EQ(resus_sim_advance(sim(), 1.0), RESUS_OK);
  ASSERT_EQ(resus_sim_poll_events(sim(), events, 8, &n), RESUS_OK);
  EXPECT_EQ(n, 0);
  ASSERT_EQ(resus_sim_advance(sim(), 2.0), RESUS_OK);
  ASSERT_EQ(resus_sim_poll_events(sim(), events, 8, &n), RESUS_OK);
  ASSERT_EQ(n, 1);
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_HEMORRHAGE);
  EXPECT_EQ(events[0].value, 500.0);
  EXPECT_NEAR(events[0].time_s, 2.0, 1e-9);
}

// The struct, the typed shorthand, the JSON form and a schedule for "now" reach one dispatcher.
TEST_F(CApi, EveryActionFormActsTheSame) {
  SimPtr typed = make_sim(model_), json = make_sim(model_), scheduled = make_sim(model_);
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  a.rate_mL_min = 600.0;
  a.volume_mL = 400.0;
  a.site = RESUS_BLEED_ARTERIAL;
  ASSERT_EQ(resus_sim_apply(sim(), &a), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_hemorrhage(typed.get(), 600.0, 400.0, RESUS_BLEED_ARTERIAL), RESUS_OK);
  ASSERT_EQ(
      resus_sim_apply_json(
          json.get(),
          R"({"do": "hemorrhage", "rate_mL_min": 600, "volume_mL": 400, "site": "arterial"})"),
      RESUS_OK)
      << resus_last_error(json.get());
  ASSERT_EQ(resus_sim_schedule(scheduled.get(), 0.0, &a), RESUS_OK);
  for (int i = 0; i < 60; ++i) {
    for (resus_sim* s : {sim(), typed.get(), json.get(), scheduled.get()})
      ASSERT_EQ(resus_sim_advance(s, 1.0), RESUS_OK);
    const std::vector<double> ref = all_signals(sim());
    ASSERT_TRUE(same_bits(ref, all_signals(typed.get()))) << i;
    ASSERT_TRUE(same_bits(ref, all_signals(json.get()))) << i;
    ASSERT_TRUE(same_bits(ref, all_signals(scheduled.get()))) << i;
  }
  EXPECT_NEAR(resus_sim_signal(sim(), signal_index("blood_lost_mL")), 400.0, 1e-6);
}

// ---- rhythms, shocks and pacing -------------------------------------------------------------

std::vector<resus_event> drain(resus_sim* sim) {
  std::vector<resus_event> all;
  resus_event events[16];
  int32_t n = 0;
  do {
    EXPECT_EQ(resus_sim_poll_events(sim, events, 16, &n), RESUS_OK) << resus_last_error(sim);
    all.insert(all.end(), events, events + n);
  } while (n == 16);
  return all;
}

// The events of one kind, in order.
std::vector<resus_event> of_kind(const std::vector<resus_event>& events, int32_t kind) {
  std::vector<resus_event> out;
  for (const resus_event& e : events)
    if (e.kind == kind) out.push_back(e);
  return out;
}

// physiology.md B.2 row 19: in VF there is no output, so the pulse is gone at once and the
// arterial pressure falls to the mean systemic filling pressure (~7-15 mmHg) within 10-20 s.
TEST_F(CApi, SetRhythmToVfStopsTheCirculation) {
  ASSERT_EQ(resus_sim_advance(sim(), 5.0), RESUS_OK) << error();
  const double onset = resus_sim_time(sim());
  ASSERT_EQ(resus_sim_set_rhythm(sim(), RESUS_RHYTHM_VF_COARSE), RESUS_OK) << error();

  const std::vector<resus_event> events = drain(sim());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_RHYTHM);
  EXPECT_EQ(events[0].value, RESUS_RHYTHM_VF_COARSE);
  EXPECT_EQ(events[1].kind, RESUS_EVENT_RHYTHM_CHANGED);
  EXPECT_EQ(events[1].detail, RESUS_RHYTHM_VF_COARSE);
  EXPECT_EQ(events[1].value, RESUS_RHYTHM_SINUS);
  EXPECT_EQ(events[1].time_s, onset);

  const int32_t rhythm = signal_index("rhythm_id"), hr = signal_index("hr_bpm"),
                map = signal_index("map_mmHg");
  double hr_zero_at = kNaN, map_low_at = kNaN;
  while (resus_sim_time(sim()) - onset < 20.0 - 1e-9) {
    ASSERT_EQ(resus_sim_advance(sim(), 0.1), RESUS_OK) << error();
    const double since = resus_sim_time(sim()) - onset;
    ASSERT_EQ(resus_sim_signal(sim(), rhythm), RESUS_RHYTHM_VF_COARSE) << "at " << since << " s";
    if (std::isnan(hr_zero_at) && resus_sim_signal(sim(), hr) == 0.0) hr_zero_at = since;
    if (std::isnan(map_low_at) && resus_sim_signal(sim(), map) < 20.0) map_low_at = since;
  }
  ASSERT_FALSE(std::isnan(hr_zero_at)) << "hr_bpm never reached 0 in 20 s of VF";
  EXPECT_LE(hr_zero_at, 10.0);
  EXPECT_EQ(resus_sim_signal(sim(), hr), 0.0);
  ASSERT_FALSE(std::isnan(map_low_at))
      << "map_mmHg still " << resus_sim_signal(sim(), map) << " mmHg after 20 s of VF";
  EXPECT_LE(map_low_at, 20.0);
  EXPECT_GT(resus_sim_signal(sim(), map), 0.0);  // the filling pressure remains
}

TEST_F(CApi, ShockOnVfIsDeliveredAtOnce) {
  ASSERT_EQ(resus_sim_set_rhythm(sim(), RESUS_RHYTHM_VF_COARSE), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 5.0), RESUS_OK) << error();
  drain(sim());
  const double t = resus_sim_time(sim());
  ASSERT_EQ(resus_sim_shock(sim(), 200.0, RESUS_WAVEFORM_BIPHASIC), RESUS_OK) << error();

  const std::vector<resus_event> events = drain(sim());
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_SHOCK);
  EXPECT_EQ(events[0].value, 200.0);
  EXPECT_EQ(events[1].kind, RESUS_EVENT_SHOCK_DELIVERED);
  EXPECT_EQ(events[1].value, 200.0);
  EXPECT_EQ(events[1].time_s, t);
  ASSERT_TRUE(events[1].detail == RESUS_SHOCK_TERMINATED ||
              events[1].detail == RESUS_SHOCK_NOT_TERMINATED)
      << events[1].detail;
  // A terminated VF is followed by the rhythm that replaces it; a persisting one by nothing.
  const std::vector<resus_event> changes = of_kind(events, RESUS_EVENT_RHYTHM_CHANGED);
  // Signals are those of the last step: take one step to see the shock's result.
  ASSERT_EQ(resus_sim_advance(sim(), resus_step_seconds()), RESUS_OK) << error();
  const int32_t now = static_cast<int32_t>(resus_sim_signal(sim(), signal_index("rhythm_id")));
  if (events[1].detail == RESUS_SHOCK_TERMINATED) {
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].value, RESUS_RHYTHM_VF_COARSE);
    EXPECT_NE(changes[0].detail, RESUS_RHYTHM_VF_COARSE);
    EXPECT_EQ(now, changes[0].detail);
  } else {
    EXPECT_TRUE(changes.empty());
    EXPECT_EQ(now, RESUS_RHYTHM_VF_COARSE);
  }
  // Monophasic is accepted too.
  EXPECT_EQ(resus_sim_shock(sim(), 360.0, RESUS_WAVEFORM_MONOPHASIC), RESUS_OK) << error();
  EXPECT_EQ(of_kind(drain(sim()), RESUS_EVENT_SHOCK_DELIVERED).size(), 1u);
}

// A synchroniser needs an R wave; VF has none, so after 3 s the cardioversion gives up and
// nothing is delivered.
TEST_F(CApi, CardioversionOnVfFindsNoRWave) {
  ASSERT_EQ(resus_sim_set_rhythm(sim(), RESUS_RHYTHM_VF_COARSE), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 2.0), RESUS_OK) << error();
  drain(sim());
  const double armed = resus_sim_time(sim());
  ASSERT_EQ(resus_sim_cardiovert(sim(), 100.0, RESUS_WAVEFORM_BIPHASIC), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 2.9), RESUS_OK) << error();
  std::vector<resus_event> events = drain(sim());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_CARDIOVERSION);
  EXPECT_EQ(events[0].value, 100.0);

  ASSERT_EQ(resus_sim_advance(sim(), 0.2), RESUS_OK) << error();
  events = drain(sim());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, RESUS_EVENT_SHOCK_DELIVERED);
  EXPECT_EQ(events[0].detail, RESUS_SHOCK_NO_SYNC);
  EXPECT_EQ(events[0].value, 0.0);  // nothing delivered
  EXPECT_NEAR(events[0].time_s - armed, 3.0, 2.5 * resus_step_seconds());
  EXPECT_EQ(resus_sim_signal(sim(), signal_index("rhythm_id")), RESUS_RHYTHM_VF_COARSE);

  // Nothing more comes of it.
  ASSERT_EQ(resus_sim_advance(sim(), 5.0), RESUS_OK) << error();
  EXPECT_TRUE(of_kind(drain(sim()), RESUS_EVENT_SHOCK_DELIVERED).empty());
}

// Complete heart block leaves a slow escape rhythm; the pacer above threshold captures and sets
// the rate, and stopping it hands the ventricles back to the escape focus.
TEST_F(CApi, PacingCapturesAndStops) {
  double threshold = kNaN;
  ASSERT_EQ(resus_model_param(model_, "pacing_threshold_mA", &threshold), RESUS_OK);
  ASSERT_LT(threshold, 80.0);
  ASSERT_EQ(resus_sim_set_rhythm(sim(), RESUS_RHYTHM_AV_BLOCK_3), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 20.0), RESUS_OK) << error();
  drain(sim());
  const int32_t vrate = signal_index("ventricular_rate_bpm"),
                captured = signal_index("pacing_captured");
  EXPECT_LT(resus_sim_signal(sim(), vrate), 50.0);

  ASSERT_EQ(resus_sim_pacing_start(sim(), 70.0, 80.0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 30.0), RESUS_OK) << error();
  std::vector<resus_event> events = drain(sim());
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_PACING_START);
  EXPECT_EQ(events[0].value, 80.0);
  const std::vector<resus_event> capture = of_kind(events, RESUS_EVENT_PACING_CAPTURE);
  ASSERT_EQ(capture.size(), 1u);
  EXPECT_EQ(capture[0].detail, 1);
  EXPECT_EQ(capture[0].value, 80.0);
  EXPECT_EQ(resus_sim_signal(sim(), captured), 1.0);
  EXPECT_NEAR(resus_sim_signal(sim(), vrate), 70.0, 1.0);
  EXPECT_NEAR(resus_sim_signal(sim(), signal_index("hr_bpm")), 70.0, 2.0);

  ASSERT_EQ(resus_sim_pacing_stop(sim()), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 20.0), RESUS_OK) << error();
  events = drain(sim());
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(events[0].detail, RESUS_ACTION_PACING_STOP);
  EXPECT_EQ(resus_sim_signal(sim(), captured), 0.0);
  EXPECT_LT(resus_sim_signal(sim(), vrate), 50.0);
}

TEST_F(CApi, PacingBelowThresholdDoesNotCapture) {
  double threshold = kNaN;
  ASSERT_EQ(resus_model_param(model_, "pacing_threshold_mA", &threshold), RESUS_OK);
  ASSERT_EQ(resus_sim_set_rhythm(sim(), RESUS_RHYTHM_AV_BLOCK_3), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_pacing_start(sim(), 80.0, 0.5 * threshold), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 20.0), RESUS_OK) << error();
  EXPECT_TRUE(of_kind(drain(sim()), RESUS_EVENT_PACING_CAPTURE).empty());
  EXPECT_EQ(resus_sim_signal(sim(), signal_index("pacing_captured")), 0.0);
}

// The struct, the typed shorthand, the JSON form and a schedule for "now" reach one dispatcher,
// random draws included.
TEST_F(CApi, EveryElectricalActionFormActsTheSame) {
  SimPtr typed = make_sim(model_), json = make_sim(model_), scheduled = make_sim(model_);
  resus_action vf = resus_default_action(RESUS_ACTION_RHYTHM);
  vf.rhythm = RESUS_RHYTHM_VF_COARSE;
  resus_action shock = resus_default_action(RESUS_ACTION_SHOCK);
  shock.energy_J = 150.0;
  shock.waveform = RESUS_WAVEFORM_MONOPHASIC;
  resus_action pace = resus_default_action(RESUS_ACTION_PACING_START);
  pace.rate_per_min = 90.0;
  pace.current_mA = 100.0;
  const resus_action stop = resus_default_action(RESUS_ACTION_PACING_STOP);
  const resus_action* struct_steps[] = {&vf, &shock, &pace, &stop};
  const char* json_steps[] = {R"({"do": "rhythm", "rhythm": "vf_coarse"})",
                              R"({"do": "shock", "energy_J": 150, "waveform": "monophasic"})",
                              R"({"do": "pacing_start", "rate_per_min": 90, "current_mA": 100})",
                              R"({"do": "pacing_stop"})"};
  for (int step = 0; step < 4; ++step) {
    ASSERT_EQ(resus_sim_apply(sim(), struct_steps[step]), RESUS_OK) << error();
    ASSERT_EQ(resus_sim_apply_json(json.get(), json_steps[step]), RESUS_OK)
        << resus_last_error(json.get());
    ASSERT_EQ(resus_sim_schedule(scheduled.get(), resus_sim_time(scheduled.get()),
                                 struct_steps[step]),
              RESUS_OK)
        << resus_last_error(scheduled.get());
    resus_status typed_status = RESUS_OK;
    switch (step) {
      case 0: typed_status = resus_sim_set_rhythm(typed.get(), RESUS_RHYTHM_VF_COARSE); break;
      case 1: typed_status = resus_sim_shock(typed.get(), 150.0, RESUS_WAVEFORM_MONOPHASIC); break;
      case 2: typed_status = resus_sim_pacing_start(typed.get(), 90.0, 100.0); break;
      default: typed_status = resus_sim_pacing_stop(typed.get()); break;
    }
    ASSERT_EQ(typed_status, RESUS_OK) << resus_last_error(typed.get());
    for (int i = 0; i < 10; ++i) {
      for (resus_sim* s : {sim(), typed.get(), json.get(), scheduled.get()})
        ASSERT_EQ(resus_sim_advance(s, 1.0), RESUS_OK);
      const std::vector<double> ref = all_signals(sim());
      ASSERT_TRUE(same_bits(ref, all_signals(typed.get()))) << step << " " << i;
      ASSERT_TRUE(same_bits(ref, all_signals(json.get()))) << step << " " << i;
      ASSERT_TRUE(same_bits(ref, all_signals(scheduled.get()))) << step << " " << i;
    }
  }
  const std::vector<resus_event> ref = drain(sim());
  EXPECT_EQ(of_kind(ref, RESUS_EVENT_SHOCK_DELIVERED).size(), 1u);
  for (resus_sim* s : {typed.get(), json.get(), scheduled.get()}) {
    const std::vector<resus_event> other = drain(s);
    ASSERT_EQ(other.size(), ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i) {
      EXPECT_EQ(other[i].kind, ref[i].kind) << i;
      EXPECT_EQ(other[i].detail, ref[i].detail) << i;
      EXPECT_EQ(other[i].value, ref[i].value) << i;
      EXPECT_EQ(other[i].time_s, ref[i].time_s) << i;
    }
  }
}

TEST(CApiActions, ElectricalActionDefaults) {
  const resus_action pace = resus_default_action(RESUS_ACTION_PACING_START);
  EXPECT_EQ(pace.current_mA, 70.0);  // as the JSON form without "current_mA"
  EXPECT_EQ(pace.rate_per_min, 0.0);  // 0 = 70/min
  const resus_action shock = resus_default_action(RESUS_ACTION_SHOCK);
  EXPECT_EQ(shock.waveform, RESUS_WAVEFORM_BIPHASIC);
  EXPECT_EQ(shock.energy_J, 0.0);  // required: the default is rejected until it is set
  EXPECT_EQ(resus_default_action(RESUS_ACTION_RHYTHM).rhythm, RESUS_RHYTHM_SINUS);

  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  ASSERT_EQ(resus_action_parse_json(R"({"do": "pacing_start"})", &a, nullptr), RESUS_OK)
      << thread_error();
  EXPECT_EQ(a.rate_per_min, 70.0);
  EXPECT_EQ(a.current_mA, pace.current_mA);
}

TEST(CApiActions, ElectricalJsonForms) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  double at = 0.0;
  ASSERT_EQ(resus_action_parse_json(R"({"do":"rhythm","rhythm":"vf_coarse"})", &a, &at), RESUS_OK)
      << thread_error();
  EXPECT_EQ(a.struct_size, sizeof(resus_action));
  EXPECT_EQ(a.kind, RESUS_ACTION_RHYTHM);
  EXPECT_EQ(a.rhythm, RESUS_RHYTHM_VF_COARSE);
  EXPECT_TRUE(std::isnan(at));

  ASSERT_EQ(resus_action_parse_json(
                R"({"do":"shock","energy_J":200,"waveform":"monophasic","at_s":60})", &a, &at),
            RESUS_OK)
      << thread_error();
  EXPECT_EQ(a.kind, RESUS_ACTION_SHOCK);
  EXPECT_EQ(a.energy_J, 200.0);
  EXPECT_EQ(a.waveform, RESUS_WAVEFORM_MONOPHASIC);
  EXPECT_EQ(at, 60.0);

  ASSERT_EQ(resus_action_parse_json(R"({"do":"cardioversion","energy_J":100})", &a, nullptr),
            RESUS_OK)
      << thread_error();
  EXPECT_EQ(a.kind, RESUS_ACTION_CARDIOVERSION);
  EXPECT_EQ(a.energy_J, 100.0);
  EXPECT_EQ(a.waveform, RESUS_WAVEFORM_BIPHASIC);

  ASSERT_EQ(resus_action_parse_json(R"({"do":"pacing_start","rate_per_min":70,"current_mA":80})",
                                    &a, nullptr),
            RESUS_OK)
      << thread_error();
  EXPECT_EQ(a.kind, RESUS_ACTION_PACING_START);
  EXPECT_EQ(a.rate_per_min, 70.0);
  EXPECT_EQ(a.current_mA, 80.0);

  ASSERT_EQ(resus_action_parse_json(R"({"do":"pacing_stop"})", &a, nullptr), RESUS_OK);
  EXPECT_EQ(a.kind, RESUS_ACTION_PACING_STOP);
}

TEST_F(CApi, ElectricalJsonAppliesToASim) {
  ASSERT_EQ(resus_sim_apply_json(sim(), R"({"do":"rhythm","rhythm":"vf_coarse"})"), RESUS_OK)
      << error();
  ASSERT_EQ(resus_sim_apply_json(sim(), R"({"do":"shock","energy_J":200,"waveform":"monophasic"})"),
            RESUS_OK)
      << error();
  ASSERT_EQ(resus_sim_apply_json(sim(), R"({"do":"pacing_start","rate_per_min":70,"current_mA":80})"),
            RESUS_OK)
      << error();
  const std::vector<resus_event> applied = of_kind(drain(sim()), RESUS_EVENT_ACTION_APPLIED);
  ASSERT_EQ(applied.size(), 3u);
  EXPECT_EQ(applied[0].detail, RESUS_ACTION_RHYTHM);
  EXPECT_EQ(applied[1].detail, RESUS_ACTION_SHOCK);
  EXPECT_EQ(applied[1].value, 200.0);
  EXPECT_EQ(applied[2].detail, RESUS_ACTION_PACING_START);
  EXPECT_EQ(applied[2].value, 80.0);
}

TEST_F(CApi, BadElectricalJson) {
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"rhythm","rhythm":"vfib"})"),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(error(), {"rhythm", "vfib"}));
  EXPECT_EQ(resus_action_parse_json(R"({"do":"rhythm","rhythm":"VF_COARSE"})", nullptr, nullptr),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(thread_error(), {"rhythm", "VF_COARSE"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"rhythm"})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(error(), {"rhythm", "required"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"rhythm","rhythm":13})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(error(), {"rhythm"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"shock"})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(error(), {"energy_J", "required"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"shock","energy_J":400})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"energy_J", "400", "[1, 360]"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"shock","energy_J":200,"waveform":"triphasic"})"),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(error(), {"waveform", "triphasic", "monophasic"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"shock","energy_J":200,"current_mA":80})"),
            RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(error(), {"current_mA", "shock"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"pacing_start","current_mA":250})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"current_mA", "250", "[0, 200]"}));
  EXPECT_EQ(resus_sim_apply_json(sim(), R"({"do":"pacing_start","rate_per_min":10})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"rate_per_min", "10", "[30, 180]"}));
  EXPECT_TRUE(drain(sim()).empty()) << "a rejected action must not reach the sim";
}

TEST_F(CApi, OutOfRangeElectricalFields) {
  struct Case {
    resus_action_kind kind;
    int32_t rhythm, waveform;
    double energy, rate, current;
    const char* field;
    const char* value;
    const char* range;
  };
  const Case cases[] = {
      {RESUS_ACTION_SHOCK, 0, 0, 0.0, 0.0, 0.0, "energy_J", "0", "[1, 360] J"},
      {RESUS_ACTION_SHOCK, 0, 0, 361.0, 0.0, 0.0, "energy_J", "361", "[1, 360] J"},
      {RESUS_ACTION_SHOCK, 0, 0, kNaN, 0.0, 0.0, "energy_J", "nan", "[1, 360] J"},
      {RESUS_ACTION_SHOCK, 0, 0, kInf, 0.0, 0.0, "energy_J", "inf", "[1, 360] J"},
      {RESUS_ACTION_CARDIOVERSION, 0, 0, 0.0, 0.0, 0.0, "energy_J", "0", "[1, 360] J"},
      {RESUS_ACTION_CARDIOVERSION, 0, 0, 361.0, 0.0, 0.0, "energy_J", "361", "[1, 360] J"},
      {RESUS_ACTION_SHOCK, 0, 2, 200.0, 0.0, 0.0, "waveform", "2", "monophasic"},
      {RESUS_ACTION_CARDIOVERSION, 0, -1, 100.0, 0.0, 0.0, "waveform", "-1", "monophasic"},
      {RESUS_ACTION_PACING_START, 0, 0, 0.0, 70.0, -1.0, "current_mA", "-1", "[0, 200] mA"},
      {RESUS_ACTION_PACING_START, 0, 0, 0.0, 70.0, 201.0, "current_mA", "201", "[0, 200] mA"},
      {RESUS_ACTION_PACING_START, 0, 0, 0.0, 70.0, kNaN, "current_mA", "nan", "[0, 200] mA"},
      {RESUS_ACTION_PACING_START, 0, 0, 0.0, 20.0, 80.0, "rate_per_min", "20", "[30, 180]"},
      {RESUS_ACTION_PACING_START, 0, 0, 0.0, 200.0, 80.0, "rate_per_min", "200", "[30, 180]"},
      {RESUS_ACTION_PACING_START, 0, 0, 0.0, -70.0, 80.0, "rate_per_min", "-70", "[30, 180]"},
      {RESUS_ACTION_RHYTHM, 17, 0, 0.0, 0.0, 0.0, "rhythm", "17", "16 pea}"},
      {RESUS_ACTION_RHYTHM, -1, 0, 0.0, 0.0, 0.0, "rhythm", "-1", "{0 sinus"},
  };
  for (const Case& c : cases) {
    resus_action a = resus_default_action(c.kind);
    a.rhythm = c.rhythm;
    a.waveform = c.waveform;
    a.energy_J = c.energy;
    a.rate_per_min = c.rate;
    a.current_mA = c.current;
    EXPECT_EQ(resus_sim_apply(sim(), &a), RESUS_ERR_INVALID_ARGUMENT) << c.field << " " << c.value;
    EXPECT_TRUE(Mentions(error(), {c.field, c.value, c.range}));
    EXPECT_EQ(resus_sim_schedule(sim(), 1.0, &a), RESUS_ERR_INVALID_ARGUMENT) << c.field;
    EXPECT_TRUE(Mentions(error(), {c.field, c.value, c.range}));
  }

  // The typed calls reach the same checks.
  const struct {
    resus_status status;
    const char* field;
    const char* value;
  } typed[] = {
      {resus_sim_shock(sim(), 0.0, RESUS_WAVEFORM_BIPHASIC), "energy_J", "0"},
      {resus_sim_shock(sim(), 361.0, RESUS_WAVEFORM_BIPHASIC), "energy_J", "361"},
      {resus_sim_shock(sim(), kNaN, RESUS_WAVEFORM_MONOPHASIC), "energy_J", "nan"},
      {resus_sim_cardiovert(sim(), 0.0, RESUS_WAVEFORM_BIPHASIC), "energy_J", "0"},
      {resus_sim_cardiovert(sim(), 361.0, RESUS_WAVEFORM_BIPHASIC), "energy_J", "361"},
      {resus_sim_cardiovert(sim(), kNaN, RESUS_WAVEFORM_BIPHASIC), "energy_J", "nan"},
      {resus_sim_pacing_start(sim(), 70.0, -1.0), "current_mA", "-1"},
      {resus_sim_pacing_start(sim(), 70.0, 201.0), "current_mA", "201"},
      {resus_sim_pacing_start(sim(), 20.0, 80.0), "rate_per_min", "20"},
      {resus_sim_pacing_start(sim(), 200.0, 80.0), "rate_per_min", "200"},
      {resus_sim_pacing_start(sim(), kNaN, 80.0), "rate_per_min", "nan"},
      {resus_sim_set_rhythm(sim(), static_cast<resus_rhythm>(17)), "rhythm", "17"},
  };
  for (const auto& t : typed) EXPECT_EQ(t.status, RESUS_ERR_INVALID_ARGUMENT) << t.field << " " << t.value;
  // (Each call overwrote the message; check the last one and re-run one of each.)
  EXPECT_TRUE(Mentions(error(), {"rhythm", "17", "16 pea}"}));
  EXPECT_EQ(resus_sim_shock(sim(), 361.0, RESUS_WAVEFORM_BIPHASIC), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"energy_J", "361", "[1, 360]"}));
  EXPECT_EQ(resus_sim_cardiovert(sim(), kNaN, RESUS_WAVEFORM_BIPHASIC), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"energy_J", "nan", "[1, 360]"}));
  EXPECT_EQ(resus_sim_pacing_start(sim(), 70.0, 201.0), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"current_mA", "201", "[0, 200]"}));
  EXPECT_EQ(resus_sim_pacing_start(sim(), 20.0, 80.0), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"rate_per_min", "20", "[30, 180]"}));

  EXPECT_TRUE(drain(sim()).empty()) << "a rejected action must not reach the sim";
  EXPECT_EQ(resus_sim_signal(sim(), signal_index("rhythm_id")), RESUS_RHYTHM_SINUS);
}

// ---- events --------------------------------------------------------------------------------

TEST_F(CApi, HemorrhageAndBolusEvents) {
  ASSERT_EQ(resus_sim_hemorrhage(sim(), 500.0, 1000.0, RESUS_BLEED_VENOUS), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 150.0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_fluid_bolus(sim(), 500.0, 1000.0), RESUS_OK) << error();
  ASSERT_EQ(resus_sim_advance(sim(), 60.0), RESUS_OK) << error();

  resus_event events[8];
  int32_t n = 0;
  // One at a time, oldest first.
  std::vector<resus_event> all;
  do {
    ASSERT_EQ(resus_sim_poll_events(sim(), events, 1, &n), RESUS_OK);
    if (n == 1) all.push_back(events[0]);
  } while (n == 1);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(all[0].detail, RESUS_ACTION_HEMORRHAGE);
  EXPECT_EQ(all[1].kind, RESUS_EVENT_HEMORRHAGE_ENDED);
  EXPECT_NEAR(all[1].value, 1000.0, 1e-6);
  EXPECT_NEAR(all[1].time_s, 120.0, 0.01);
  EXPECT_EQ(all[2].kind, RESUS_EVENT_ACTION_APPLIED);
  EXPECT_EQ(all[2].detail, RESUS_ACTION_FLUID_BOLUS);
  EXPECT_EQ(all[3].kind, RESUS_EVENT_BOLUS_ENDED);
  EXPECT_NEAR(all[3].value, 500.0, 1e-6);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LE(all[i - 1].time_s, all[i].time_s);

  EXPECT_EQ(resus_sim_poll_events(sim(), events, -1, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"capacity", "-1"}));
  EXPECT_NEAR(resus_sim_signal(sim(), signal_index("blood_lost_mL")), 1000.0, 1e-6);
  EXPECT_NEAR(resus_sim_signal(sim(), signal_index("fluid_infused_mL")), 500.0, 1e-6);
}

TEST_F(CApi, PollDrainsInLargeBatches) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE_STOP);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(resus_sim_apply(sim(), &a), RESUS_OK);
  std::vector<resus_event> events(200);
  int32_t n = 0;
  ASSERT_EQ(resus_sim_poll_events(sim(), events.data(), 200, &n), RESUS_OK);
  EXPECT_EQ(n, 100);
  ASSERT_EQ(resus_sim_poll_events(sim(), events.data(), 200, &n), RESUS_OK);
  EXPECT_EQ(n, 0);
}

// ---- snapshots -----------------------------------------------------------------------------

TEST_F(CApi, SnapshotRoundTripContinuesBitIdentically) {
  ASSERT_GT(resus_snapshot_size(), 0);
  ASSERT_EQ(resus_sim_hemorrhage(sim(), 300.0, 0.0, RESUS_BLEED_VENOUS), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(sim(), 5.0), RESUS_OK);
  const std::vector<unsigned char> saved = snapshot(sim());

  SimPtr restored = make_sim(model_);
  ASSERT_EQ(resus_sim_load(restored.get(), saved.data(), static_cast<int64_t>(saved.size())),
            RESUS_OK)
      << resus_last_error(restored.get());
  EXPECT_EQ(resus_sim_time(restored.get()), resus_sim_time(sim()));
  EXPECT_TRUE(same_bits(all_signals(restored.get()), all_signals(sim())));
  expect_same_trajectory(sim(), restored.get(), 5.0, 0.25);
}

TEST_F(CApi, SnapshotBufferTooSmall) {
  std::vector<unsigned char> buf(static_cast<std::size_t>(resus_snapshot_size()), 0xAB);
  const int64_t small = resus_snapshot_size() - 1;
  EXPECT_EQ(resus_sim_save(sim(), buf.data(), small), RESUS_ERR_BUFFER_TOO_SMALL);
  EXPECT_TRUE(Mentions(error(), {"capacity", std::to_string(small).c_str(),
                                 std::to_string(resus_snapshot_size()).c_str()}));
  for (unsigned char b : buf) ASSERT_EQ(b, 0xAB);  // nothing written
  EXPECT_EQ(resus_sim_save(sim(), buf.data(), 0), RESUS_ERR_BUFFER_TOO_SMALL);
  EXPECT_EQ(resus_sim_save(sim(), buf.data(), -5), RESUS_ERR_BUFFER_TOO_SMALL);
}

TEST_F(CApi, BadSnapshotsAreRejectedAndLeaveTheSimUnchanged) {
  SimPtr twin = make_sim(model_);
  ASSERT_EQ(resus_sim_advance(sim(), 3.0), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(twin.get(), 3.0), RESUS_OK);
  std::vector<unsigned char> good = snapshot(sim());
  const std::vector<double> before = all_signals(sim());

  EXPECT_EQ(resus_sim_load(sim(), good.data(), static_cast<int64_t>(good.size()) - 1),
            RESUS_ERR_INCOMPATIBLE);
  EXPECT_FALSE(error().empty());
  EXPECT_EQ(resus_sim_load(sim(), good.data(), -1), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(error(), {"size", "-1"}));
  std::vector<unsigned char> garbage(good.size(), 0x5A);
  EXPECT_EQ(resus_sim_load(sim(), garbage.data(), static_cast<int64_t>(garbage.size())),
            RESUS_ERR_INCOMPATIBLE);
  std::vector<unsigned char> bigger(good);
  bigger.push_back(0);
  EXPECT_EQ(resus_sim_load(sim(), bigger.data(), static_cast<int64_t>(bigger.size())),
            RESUS_ERR_INCOMPATIBLE);

  EXPECT_TRUE(same_bits(all_signals(sim()), before));
  expect_same_trajectory(sim(), twin.get(), 3.0, 0.5);
}

TEST_F(CApi, SnapshotFromAnotherModelIsRejected) {
  ModelPtr female = make_model("adult_female_60kg");
  SimPtr other = make_sim(female.get());
  ASSERT_EQ(resus_sim_advance(other.get(), 2.0), RESUS_OK);
  const std::vector<unsigned char> foreign = snapshot(other.get());

  SimPtr twin = make_sim(model_);
  ASSERT_EQ(resus_sim_advance(sim(), 2.0), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(twin.get(), 2.0), RESUS_OK);
  const std::vector<double> before = all_signals(sim());
  const double t = resus_sim_time(sim());

  EXPECT_EQ(resus_sim_load(sim(), foreign.data(), static_cast<int64_t>(foreign.size())),
            RESUS_ERR_INCOMPATIBLE);
  EXPECT_TRUE(Mentions(error(), {"model"}));
  EXPECT_EQ(resus_sim_time(sim()), t);
  EXPECT_TRUE(same_bits(all_signals(sim()), before));
  expect_same_trajectory(sim(), twin.get(), 3.0, 0.5);
}

// ---- bad calls never corrupt a running sim -------------------------------------------------

// Every rejected call in this file, fired at a bleeding sim between advances.
void fire_bad_calls(resus_sim* sim, const resus_model* other_model) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  a.rate_mL_min = -1.0;
  EXPECT_NE(resus_sim_apply(sim, &a), RESUS_OK);
  EXPECT_NE(resus_sim_schedule(sim, resus_sim_time(sim) + 1.0, &a), RESUS_OK);
  a.rate_mL_min = 100.0;
  a.kind = 42;
  EXPECT_NE(resus_sim_apply(sim, &a), RESUS_OK);
  a.kind = RESUS_ACTION_HEMORRHAGE;
  a.struct_size = 0;
  EXPECT_NE(resus_sim_apply(sim, &a), RESUS_OK);
  a.struct_size = sizeof(resus_action);
  EXPECT_NE(resus_sim_schedule(sim, resus_sim_time(sim) - 0.5, &a), RESUS_OK);
  EXPECT_NE(resus_sim_schedule(sim, kNaN, &a), RESUS_OK);
  EXPECT_NE(resus_sim_schedule(sim, 1e300, &a), RESUS_OK);
  EXPECT_NE(resus_sim_fluid_bolus(sim, 0.0, 0.0), RESUS_OK);
  EXPECT_NE(resus_sim_hemorrhage(sim, 100.0, 0.0, static_cast<resus_bleed_site>(9)), RESUS_OK);
  EXPECT_NE(resus_sim_apply_json(sim, "{"), RESUS_OK);
  EXPECT_NE(resus_sim_apply_json(sim, R"({"do": "defibrillate"})"), RESUS_OK);
  EXPECT_NE(resus_sim_apply_json(sim, R"({"do": "hemorrhage", "rate_mL_min": 1e9})"), RESUS_OK);
  EXPECT_NE(resus_sim_shock(sim, 0.0, RESUS_WAVEFORM_BIPHASIC), RESUS_OK);
  EXPECT_NE(resus_sim_cardiovert(sim, 361.0, RESUS_WAVEFORM_BIPHASIC), RESUS_OK);
  EXPECT_NE(resus_sim_pacing_start(sim, 20.0, 80.0), RESUS_OK);
  EXPECT_NE(resus_sim_pacing_start(sim, 70.0, 201.0), RESUS_OK);
  EXPECT_NE(resus_sim_set_rhythm(sim, static_cast<resus_rhythm>(17)), RESUS_OK);
  resus_action bad_wave = resus_default_action(RESUS_ACTION_SHOCK);
  bad_wave.energy_J = 200.0;
  bad_wave.waveform = 2;
  EXPECT_NE(resus_sim_apply(sim, &bad_wave), RESUS_OK);
  EXPECT_NE(resus_sim_apply_json(sim, R"({"do": "rhythm", "rhythm": "vfib"})"), RESUS_OK);
  EXPECT_NE(resus_sim_apply_json(sim, R"({"do": "shock", "energy_J": 400})"), RESUS_OK);
  EXPECT_NE(resus_sim_advance(sim, -1.0), RESUS_OK);
  EXPECT_NE(resus_sim_advance(sim, kNaN), RESUS_OK);
  EXPECT_NE(resus_sim_advance(sim, kInf), RESUS_OK);
  const int32_t bad_index[1] = {-3};
  double out[1];
  EXPECT_NE(resus_sim_signals(sim, bad_index, 1, out), RESUS_OK);
  EXPECT_TRUE(std::isnan(resus_sim_signal(sim, 1000)));
  std::vector<unsigned char> buf(static_cast<std::size_t>(resus_snapshot_size()), 0x11);
  EXPECT_NE(resus_sim_save(sim, buf.data(), 16), RESUS_OK);
  EXPECT_NE(resus_sim_load(sim, buf.data(), static_cast<int64_t>(buf.size())), RESUS_OK);
  resus_sim* foreign = nullptr;
  ASSERT_EQ(resus_sim_create(other_model, nullptr, &foreign), RESUS_OK);
  const std::vector<unsigned char> foreign_snapshot = snapshot(foreign);
  resus_sim_destroy(foreign);
  EXPECT_NE(
      resus_sim_load(sim, foreign_snapshot.data(), static_cast<int64_t>(foreign_snapshot.size())),
      RESUS_OK);
  resus_event events[1];
  EXPECT_NE(resus_sim_poll_events(sim, events, -4, nullptr), RESUS_OK);
}

TEST_F(CApi, BadCallsNeverCorruptTheRunningSim) {
  ModelPtr female = make_model("adult_female_60kg");
  SimPtr fresh = make_sim(model_);
  for (resus_sim* s : {sim(), fresh.get()})
    ASSERT_EQ(resus_sim_hemorrhage(s, 400.0, 600.0, RESUS_BLEED_VENOUS), RESUS_OK);
  for (int round = 0; round < 8; ++round) {
    fire_bad_calls(sim(), female.get());
    ASSERT_NO_FATAL_FAILURE(expect_same_trajectory(sim(), fresh.get(), 1.0, 0.125));
  }
  EXPECT_EQ(resus_sim_time(sim()), resus_sim_time(fresh.get()));
  EXPECT_EQ(snapshot(sim()), snapshot(fresh.get()));
}

}  // namespace
