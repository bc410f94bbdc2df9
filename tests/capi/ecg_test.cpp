// The ECG and beat streams through the public C API: configuration and its bad input, lead
// names, per-lead draining, the Einthoven identity on what the host receives, beat annotations,
// and VF on the pads. Sees only <resus/resus.h>.
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace {

class CEcg : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &model_), RESUS_OK);
    ASSERT_EQ(resus_sim_create(model_, nullptr, &sim_), RESUS_OK);
  }
  void TearDown() override {
    resus_sim_destroy(sim_);
    resus_model_destroy(model_);
  }
  std::vector<float> drain(int32_t lead) {
    std::vector<float> out(8192);
    int32_t n = 0;
    EXPECT_EQ(resus_sim_ecg_read(sim_, lead, out.data(), 8192, &n), RESUS_OK);
    out.resize(static_cast<size_t>(n));
    return out;
  }
  resus_model* model_ = nullptr;
  resus_sim* sim_ = nullptr;
};

TEST_F(CEcg, OffUntilConfigured) {
  int64_t available = -1;
  ASSERT_EQ(resus_sim_advance(sim_, 1.0), RESUS_OK);
  ASSERT_EQ(resus_sim_ecg_available(sim_, 1, &available), RESUS_OK);
  EXPECT_EQ(available, 0);
}

TEST_F(CEcg, LeadNames) {
  EXPECT_EQ(resus_ecg_lead_count(), 13);
  EXPECT_STREQ(resus_ecg_lead_name(1), "II");
  EXPECT_STREQ(resus_ecg_lead_name(12), "pads");
  EXPECT_EQ(resus_ecg_lead_name(13), nullptr);
  int32_t lead = -2;
  EXPECT_EQ(resus_ecg_lead_find("V5", &lead), RESUS_OK);
  EXPECT_EQ(lead, 10);
  EXPECT_EQ(resus_ecg_lead_find("V7", &lead), RESUS_ERR_UNKNOWN_NAME);
  EXPECT_NE(std::string(resus_last_error(nullptr)).find("V7"), std::string::npos);
}

TEST_F(CEcg, BadConfigurationAndReads) {
  resus_ecg_def def = resus_default_ecg_def();
  def.sample_rate_hz = 300;
  EXPECT_EQ(resus_sim_ecg_configure(sim_, &def), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(resus_last_error(sim_)).find("300"), std::string::npos);
  def = resus_default_ecg_def();
  def.mains = 2;
  EXPECT_EQ(resus_sim_ecg_configure(sim_, &def), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_ecg_configure(sim_, nullptr), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_ecg_configure(nullptr, &def), RESUS_ERR_NULL_HANDLE);
  float out[4];
  int32_t n = 0;
  EXPECT_EQ(resus_sim_ecg_read(sim_, 13, out, 4, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_NE(std::string(resus_last_error(sim_)).find("lead = 13"), std::string::npos);
  EXPECT_EQ(resus_sim_ecg_read(sim_, 1, nullptr, 4, &n), RESUS_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(resus_sim_ecg_read(sim_, 1, out, -1, &n), RESUS_ERR_INVALID_ARGUMENT);
}

TEST_F(CEcg, StreamsEveryLeadAtTheRateAndLeadsAgree) {
  resus_ecg_def def = resus_default_ecg_def();
  def.sample_rate_hz = 500;
  ASSERT_EQ(resus_sim_ecg_configure(sim_, &def), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(sim_, 4.0), RESUS_OK);
  const std::vector<float> lead_i = drain(0), lead_ii = drain(1), lead_iii = drain(2);
  ASSERT_EQ(lead_ii.size(), 2000u);
  ASSERT_EQ(lead_i.size(), lead_ii.size());
  ASSERT_EQ(lead_iii.size(), lead_ii.size());
  // Einthoven: I + III = II (exact in the engine; here after rounding each lead to float).
  for (size_t k = 0; k < lead_ii.size(); ++k)
    EXPECT_NEAR(lead_i[k] + lead_iii[k], lead_ii[k], 1e-5) << k;
  // Sinus rhythm: a clear R wave in lead II (0.5-2.5 mV, ecg.md 3.1) and a quiet baseline.
  const float peak = *std::max_element(lead_ii.begin(), lead_ii.end());
  EXPECT_GT(peak, 0.5f);
  EXPECT_LT(peak, 2.5f);
  // Draining one lead leaves the others alone.
  int64_t available = 0;
  ASSERT_EQ(resus_sim_advance(sim_, 1.0), RESUS_OK);
  ASSERT_EQ(resus_sim_ecg_available(sim_, 5, &available), RESUS_OK);
  EXPECT_EQ(available, 2500);  // aVF was never drained: 4 s + 1 s
  // Beat annotations: R waves at the heart rate (72/min over 5 s: 5-7 beats).
  resus_beat beats[32];
  int32_t n = 0;
  ASSERT_EQ(resus_sim_poll_beats(sim_, beats, 32, &n), RESUS_OK);
  EXPECT_GE(n, 5);
  EXPECT_LE(n, 7);
  for (int32_t i = 0; i < n; ++i) EXPECT_EQ(beats[i].rhythm, RESUS_RHYTHM_SINUS);
}

TEST_F(CEcg, VfOnThePadsIsLargeAndFast) {
  resus_ecg_def def = resus_default_ecg_def();
  ASSERT_EQ(resus_sim_ecg_configure(sim_, &def), RESUS_OK);
  ASSERT_EQ(resus_sim_set_rhythm(sim_, RESUS_RHYTHM_VF_COARSE), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(sim_, 6.0), RESUS_OK);
  drain(12);
  ASSERT_EQ(resus_sim_advance(sim_, 4.0), RESUS_OK);
  const std::vector<float> pads = drain(12);
  ASSERT_EQ(pads.size(), 2000u);
  // Coarse VF: peak-to-peak well above the 0.2 mV of fine VF, and many zero crossings
  // (3-9 Hz dominant frequency: 24-72 crossings in 4 s).
  const auto [lo, hi] = std::minmax_element(pads.begin(), pads.end());
  EXPECT_GT(*hi - *lo, 0.3f);
  double mean = 0.0;
  for (float v : pads) mean += v;
  mean /= static_cast<double>(pads.size());
  int crossings = 0;
  for (size_t k = 1; k < pads.size(); ++k)
    crossings += (pads[k - 1] - mean) * (pads[k] - mean) < 0.0;
  EXPECT_GE(crossings, 20);
  EXPECT_LE(crossings, 90);
  // No R waves to annotate in VF.
  resus_beat beats[32];
  int32_t n = -1;
  ASSERT_EQ(resus_sim_poll_beats(sim_, beats, 32, &n), RESUS_OK);
  int32_t in_vf = 0;
  for (int32_t i = 0; i < n; ++i) in_vf += beats[i].time_s > 1.0;
  EXPECT_EQ(in_vf, 0);
}

}  // namespace
