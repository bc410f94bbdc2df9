// resus_aed_analyse through the public C API, as a manikin's or a game's defibrillator calls it:
// a sim's own pads lead read in a pause (VF shocked, sinus not: the AHA goals of Kerber 1997,
// checked rhythm by rhythm in tests/aed), and every bad argument refused by name with the output
// left as it was. Sees only <resus/resus.h>.
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace {

std::string thread_error() { return resus_last_error(nullptr); }

// Five seconds of the pads lead at 250 Hz after `seconds` in `rhythm` (nothing else going on).
std::vector<float> pads_after(const char* rhythm, double seconds) {
  resus_model* model = nullptr;
  resus_sim* sim = nullptr;
  EXPECT_EQ(resus_model_create_preset("adult_male_70kg", &model), RESUS_OK);
  EXPECT_EQ(resus_sim_create(model, nullptr, &sim), RESUS_OK);
  resus_ecg_def def = resus_default_ecg_def();
  def.sample_rate_hz = 250;
  EXPECT_EQ(resus_sim_ecg_configure(sim, &def), RESUS_OK);
  EXPECT_EQ(resus_sim_apply_json(sim, (std::string(R"({"do":"rhythm","rhythm":")") + rhythm + "\"}").c_str()),
            RESUS_OK);
  EXPECT_EQ(resus_sim_advance(sim, seconds), RESUS_OK);
  int32_t pads = -1;
  EXPECT_EQ(resus_ecg_lead_find("pads", &pads), RESUS_OK);
  std::vector<float> drained(8192);
  int32_t n = 0;
  EXPECT_EQ(resus_sim_ecg_read(sim, pads, drained.data(), 8192, &n), RESUS_OK);  // what came before
  EXPECT_EQ(resus_sim_advance(sim, 5.0), RESUS_OK);
  EXPECT_EQ(resus_sim_ecg_read(sim, pads, drained.data(), 8192, &n), RESUS_OK);
  drained.resize(static_cast<std::size_t>(n));
  resus_sim_destroy(sim);
  resus_model_destroy(model);
  return drained;
}

TEST(CAed, ShocksTheSimsVfAndNotItsSinusRhythm) {
  const std::vector<float> vf = pads_after("vf_coarse", 20.0);
  ASSERT_EQ(vf.size(), 1250u);
  resus_aed_finding f = resus_default_aed_finding();
  ASSERT_EQ(resus_aed_analyse(vf.data(), static_cast<int64_t>(vf.size()), 250.0, &f), RESUS_OK)
      << thread_error();
  EXPECT_EQ(f.struct_size, sizeof(resus_aed_finding));
  EXPECT_EQ(f.advice, RESUS_AED_SHOCK);
  EXPECT_EQ(f.fibrillation, 1);
  EXPECT_GT(f.rate_per_min, 180.0);  // VF's 3-9 Hz waves

  const std::vector<float> sinus = pads_after("sinus", 20.0);
  ASSERT_EQ(resus_aed_analyse(sinus.data(), static_cast<int64_t>(sinus.size()), 250.0, &f), RESUS_OK);
  EXPECT_EQ(f.advice, RESUS_AED_NO_SHOCK);
  EXPECT_EQ(f.organised, 1);
  EXPECT_NEAR(f.rate_per_min, 72.0, 8.0);
  EXPECT_LT(f.qrs_width_ms, 120.0);
}

TEST(CAed, AFlatLineIsAsystoleAndNotShocked) {
  const std::vector<float> flat(1000, 0.01f);
  resus_aed_finding f = resus_default_aed_finding();
  ASSERT_EQ(resus_aed_analyse(flat.data(), 1000, 500.0, &f), RESUS_OK);
  EXPECT_EQ(f.asystole, 1);
  EXPECT_EQ(f.advice, RESUS_AED_NO_SHOCK);
}

TEST(CAed, BadArgumentsAreRefusedByNameAndTheFindingIsUntouched) {
  std::vector<float> samples(1250, 0.2f);
  resus_aed_finding f = resus_default_aed_finding();
  f.rate_per_min = -7.0;  // a marker: untouched by a refused call
  struct Case {
    const float* data;
    int64_t count;
    double rate;
    const char* says;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Case cases[] = {
      {samples.data(), 1250, 99.0, "sample_rate_hz = 99 is out of range; valid range is [100, 10000] Hz"},
      {samples.data(), 1250, 10001.0, "sample_rate_hz = 10001"},
      {samples.data(), 1250, nan, "sample_rate_hz = nan"},
      {samples.data(), 499, 250.0, "count = 499 samples at 250 Hz is 1.996 s; valid range is [2, 60] s"},
      {samples.data(), -5, 250.0, "count = -5"},
      {samples.data(), 15001, 250.0, "count = 15001"},
      {nullptr, 1250, 250.0, "pads_mV is NULL"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(resus_aed_analyse(c.data, c.count, c.rate, &f), RESUS_ERR_INVALID_ARGUMENT) << c.says;
    EXPECT_NE(thread_error().find(c.says), std::string::npos) << thread_error();
    EXPECT_EQ(f.rate_per_min, -7.0);
  }
  samples[7] = std::numeric_limits<float>::infinity();
  EXPECT_EQ(resus_aed_analyse(samples.data(), 1250, 250.0, &f), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_NE(thread_error().find("pads_mV[7] = inf is not finite"), std::string::npos) << thread_error();
  samples[7] = 0.2f;
  EXPECT_EQ(resus_aed_analyse(samples.data(), 1250, 250.0, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_NE(thread_error().find("out is NULL"), std::string::npos);
  resus_aed_finding unset{};
  EXPECT_EQ(resus_aed_analyse(samples.data(), 1250, 250.0, &unset), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_NE(thread_error().find("out->struct_size = 0"), std::string::npos);
}

// A host built against an older header has a shorter struct: only its bytes are written.
TEST(CAed, AnOlderCallersShorterFindingIsWrittenOnlyAsFarAsItGoes) {
  struct {
    resus_aed_finding finding;
    unsigned char guard[8];
  } old{};
  std::memset(&old, 0x5A, sizeof old);
  old.finding.struct_size = offsetof(resus_aed_finding, rate_per_min);
  const std::vector<float> flat(1000, 0.0f);
  ASSERT_EQ(resus_aed_analyse(flat.data(), 1000, 250.0, &old.finding), RESUS_OK) << thread_error();
  EXPECT_EQ(old.finding.asystole, 1);
  const auto* tail = reinterpret_cast<const unsigned char*>(&old.finding) + offsetof(resus_aed_finding, rate_per_min);
  const auto* end = reinterpret_cast<const unsigned char*>(&old) + sizeof old;
  for (const unsigned char* b = tail; b < end; ++b) ASSERT_EQ(*b, 0x5A);
}

}  // namespace
