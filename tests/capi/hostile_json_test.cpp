// Hostile and careless JSON through the C API (issue 8, defects 4, 5 and 7): numbers beyond a
// double, integers beyond int32, deep nesting, huge inputs and names, duplicate fields. Each is
// refused with a status and a short message naming the field; nothing is "internal".
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <cmath>
#include <string>

#include "mentions.hpp"

namespace {

using resus_test::Mentions;

std::string thread_error() { return resus_last_error(nullptr); }

resus_status parse(const std::string& json) {
  resus_action a = resus_default_action(RESUS_ACTION_OXYGEN);
  double at = 0.0;
  return resus_action_parse_json(json.c_str(), &a, &at);
}

resus_status create(const std::string& json) {
  resus_model* m = nullptr;
  const resus_status s = resus_model_create_json(json.c_str(), &m);
  resus_model_destroy(m);
  return s;
}

// Regression: 1e309 came back as RESUS_ERR_INTERNAL with the JSON library's text.
TEST(HostileJson, NumbersBeyondDoubleRangeAreParseErrorsNamingTheField) {
  EXPECT_EQ(parse(R"({"do":"oxygen","fio2":1e309})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"action.fio2", "1e309", "double"}));
  EXPECT_EQ(parse(R"({"do":"cpr_start","depth_mm":-1e400})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"action.depth_mm"}));
  EXPECT_EQ(create(R"({"overrides":{"heart_rate_set_bpm":1e309}})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"patient.overrides.heart_rate_set_bpm", "1e309"}));
  EXPECT_EQ(thread_error().find("internal"), std::string::npos);

  resus_model* m = nullptr;
  ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &m), RESUS_OK);
  resus_sim* s = nullptr;
  ASSERT_EQ(resus_sim_create(m, nullptr, &s), RESUS_OK);
  EXPECT_EQ(resus_sim_apply_json(s, R"({"do":"oxygen","fio2":1e309})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(resus_last_error(s), {"action.fio2"}));
  resus_sim_destroy(s);
  resus_model_destroy(m);
}

// Regression: 4294967326 was accepted as 30 compressions per cycle and -4294967294 as 2 breaths.
TEST(HostileJson, IntegersAreRangeCheckedBeforeNarrowing) {
  EXPECT_EQ(parse(R"({"do":"cpr_start","compressions_per_cycle":4294967326})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"compressions_per_cycle", "4294967326", "[0, 100]"}));
  EXPECT_EQ(parse(R"({"do":"cpr_start","breaths_per_pause":-4294967294})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_TRUE(Mentions(thread_error(), {"breaths_per_pause", "-4294967294", "[0, 4]"}));
  EXPECT_EQ(parse(R"({"do":"cpr_start","breaths_per_pause":18446744073709551615})"),
            RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(parse(R"({"do":"cpr_start","compressions_per_cycle":30.5})"), RESUS_ERR_PARSE);
  EXPECT_EQ(parse(R"({"do":"cpr_start","compressions_per_cycle":30,"breaths_per_pause":2})"),
            RESUS_OK)
      << thread_error();
}

TEST(HostileJson, DeepNestingIsRefusedBeforeItIsBuilt) {
  const std::string deep(100000, '[');
  EXPECT_EQ(parse(deep), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"nested deeper than 32"}));
  EXPECT_EQ(create(R"({"overrides":)" + std::string(50, '[')), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"patient.overrides", "nested"}));
  std::string ok = R"({"do":"oxygen","fio2":0.5,"x":)";  // 31 levels is fine for the parser
  EXPECT_EQ(parse(ok + std::string(30, '[') + std::string(30, ']') + "}"), RESUS_ERR_UNKNOWN_NAME)
      << thread_error();
}

TEST(HostileJson, HugeInputsAndNamesAreRefusedWithShortMessages) {
  EXPECT_EQ(parse(std::string(RESUS_JSON_MAX_BYTES + 1, ' ')), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"1048577 bytes", "1048576"}));
  const std::string long_name(200000, 'x');
  EXPECT_EQ(create(R"({"preset":")" + long_name + R"("})"), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_TRUE(Mentions(thread_error(), {"unknown preset", "200000 characters"}));
  EXPECT_LT(thread_error().size(), 300u);
  EXPECT_EQ(parse(R"({"do":")" + long_name + R"("})"), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_LT(thread_error().size(), 600u);
  EXPECT_EQ(parse(R"({"do":"oxygen",")" + long_name + R"(":1})"), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_LT(thread_error().size(), 300u);
  int32_t index = 0;
  EXPECT_EQ(resus_signal_find(long_name.c_str(), &index), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_LT(thread_error().size(), 300u);
}

// Found by fuzzing the scenario loader: the JSON library quotes what it last read, which can
// be thousands of bytes of anything; the message keeps 64 of them, non-printable ones escaped.
TEST(HostileJson, MalformedJsonQuotesLittleOfWhatItRead) {
  std::string bad = R"({"do":"cpr_start",")" + std::string(5000, 'c') + "\xff\xfe";
  EXPECT_EQ(parse(bad), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"malformed JSON", "bytes)"}));
  EXPECT_LT(thread_error().size(), 400u);
  EXPECT_EQ(thread_error().find('\xff'), std::string::npos);
}

TEST(HostileJson, AFieldGivenTwiceIsRefused) {
  EXPECT_EQ(parse(R"({"do":"oxygen","fio2":0.5,"fio2":0.3})"), RESUS_ERR_PARSE);
  EXPECT_TRUE(Mentions(thread_error(), {"action.fio2", "twice"}));
  EXPECT_EQ(create(R"({"preset":"adult_male_70kg","preset":"adult_female_60kg"})"), RESUS_ERR_PARSE);
}

// Regression: a patient with valid overrides gave co_fraction = inf from the start. Such a
// patient is now refused at compile, naming the check and the overrides.
TEST(HostileJson, NonViablePatientIsRefusedNamingCheckAndOverrides) {
  EXPECT_EQ(create(R"({"preset":"adult_male_70kg","overrides":{
      "baro_tau_z_s":30, "extrasplanchnic_veins_unstressed_mL":0,
      "aortic_valve_resistance_mmHg_s_per_mL":1,
      "baro_gain_extrasplanchnic_resistance_mmHg_s_per_mL":10,
      "baro_gain_splanchnic_resistance_mmHg_s_per_mL":0,
      "extrasplanchnic_veins_elastance_mmHg_per_mL":1, "escape_rate_bpm":60}})"),
            RESUS_ERR_NUMERICAL);
  EXPECT_TRUE(Mentions(thread_error(), {"not viable", "aortic_valve_resistance_mmHg_s_per_mL"}));
}

}  // namespace
