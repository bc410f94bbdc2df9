// Lead names, the exact limb-lead identities under every artefact, the Dower projection,
// determinism and the plain-data contract of the interface (ecg.md 1.3, 4.1).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <type_traits>

#include "models/electrophysiology/conduction.hpp"
#include "support/episode.hpp"

namespace resus::ecg {
namespace {

using test::Episode;
using test::Recording;

TEST(Leads, NamesRoundTripAndAliases) {
  for (int l = 0; l < kNumLeads; ++l) EXPECT_EQ(find_lead(lead_name(l)), l);
  EXPECT_STREQ(lead_name(kAVR), "aVR");
  EXPECT_STREQ(lead_name(kPads), "pads");
  EXPECT_STREQ(lead_name(kNumLeads), "unknown");
  EXPECT_EQ(find_lead("AVF"), kAVF);
  EXPECT_EQ(find_lead("v6"), kV6);
  EXPECT_EQ(find_lead("MLII"), kII);
  EXPECT_EQ(find_lead("Pads"), kPads);
  EXPECT_EQ(find_lead("V7"), -1);
  EXPECT_EQ(find_lead(""), -1);
}

TEST(Leads, PlainDataInterface) {
  static_assert(std::is_trivially_copyable_v<EcgParams>);
  static_assert(std::is_standard_layout_v<EcgParams>);
  static_assert(std::is_standard_layout_v<EcgInputs>);
  static_assert(std::is_standard_layout_v<EcgState>);
  const EcgInputs in;
  EXPECT_EQ(in.ventricular_times[0], -1e9);
  EXPECT_EQ(in.potassium_mmol_L, 4.0);
  const ArtefactSwitches a;
  EXPECT_EQ(a.cpr + a.shock + a.pacer, 3);
  EXPECT_EQ(a.baseline_wander + a.mains + a.muscle, 0);
}

// Every rhythm and every artefact at once: the identities hold on each sample.
Episode everything(double fs) {
  Episode e;
  e.fs = fs;
  e.duration_s = 40.0;
  test::sinus(e, 80.0, 0.16);
  e.switches = {1, 1, 1, 1, 1, 1};
  e.cpr_rate_per_min = 110.0, e.cpr_start_s = 25.0, e.cpr_end_s = 35.0;
  e.pacer = {3.0, 3.8, 4.6};
  e.base.potassium_mmol_L = 6.8;
  e.base.temperature_C = 31.0;
  e.base.pericardial_effusion_mL = 400.0;
  e.base.ischaemia_territory = 2;
  e.base.ischaemia_extent = 0.7;
  e.modify = [](double t, EcgInputs& in) {
    if (t > 10.0) in.atrial_mode = static_cast<int32_t>(ep::AtrialMode::kFibrillation);
    if (t > 14.0) in.atrial_mode = static_cast<int32_t>(ep::AtrialMode::kFlutter);
    if (t > 18.0) {
      in.ventricular_mode = static_cast<int32_t>(ep::VentricularMode::kFibrillation);
      in.vf_amplitude_mV = 1.0;
      in.vf_frequency_Hz = 5.5;
    }
    if (t > 21.0) in.ventricular_mode = static_cast<int32_t>(ep::VentricularMode::kTorsades);
    if (t > 30.0) in.shock_time = 30.0;
  };
  return e;
}

TEST(Leads, IdentitiesHoldUnderEveryArtefact) {
  for (double fs : {250.0, 500.0, 1000.0}) {
    const Recording r = test::render(everything(fs));  // checks I + III == II bit for bit
    EXPECT_EQ(r.identity_failures, 0);
    double worst = 0.0;
    for (const auto& x : r.x) worst = std::max(worst, std::abs(x[kAVR] + x[kAVL] + x[kAVF]));
    EXPECT_LT(worst, 1e-12) << "aVR + aVL + aVF";
  }
}

TEST(Leads, DeterministicBitForBit) {
  const Recording a = test::render(everything(500.0));
  const Recording b = test::render(everything(500.0));
  ASSERT_EQ(a.x.size(), b.x.size());
  EXPECT_EQ(std::memcmp(a.x.data(), b.x.data(), a.x.size() * sizeof(a.x[0])), 0);
}

// The derived leads reproduce the Dower rows of III, aVR, aVL, aVF (ecg.md 1.3 consistency).
TEST(Leads, ElectrodeMatrixReproducesDower) {
  const Generator g(default_ecg_params());
  const auto& e = g.electrode_matrix();
  const double dower[4][3] = {{-0.397, 1.301, -0.191}, {-0.434, -0.415, 0.037},
                              {0.515, -0.768, 0.125}, {-0.081, 1.184, -0.162}};
  for (int i = 0; i < 3; ++i) {
    const double I = e[kLA][i] - e[kRA][i], III = e[kLL][i] - e[kLA][i], II = I + III;
    EXPECT_NEAR(III, dower[0][i], 2e-3);
    EXPECT_NEAR(-(I + II) / 2, dower[1][i], 2e-3);
    EXPECT_NEAR(I - II / 2, dower[2][i], 2e-3);
    EXPECT_NEAR(II - I / 2, dower[3][i], 2e-3);
    EXPECT_NEAR(e[kRA][i] + e[kLA][i] + e[kLL][i], 0.0, 1e-15);  // Wilson terminal at 0
  }
}

// Inverse Dower (Edenbrandt & Pahlm 1988) on [V1..V6, I, II] recovers a VCG whose frontal QRS
// axis lies in the normal range (ecg.md 4.1, 3.1).
TEST(Leads, InverseDowerAxisIsNormal) {
  Episode e;
  e.duration_s = 3.0;
  e.atrial = {1.0};
  e.ventricular = {{1.16, 0}};
  const Recording r = test::render(e);
  const double inv[3][8] = {{-0.172, -0.074, 0.122, 0.231, 0.239, 0.194, 0.156, -0.010},
                            {0.057, -0.019, -0.106, -0.022, 0.041, 0.048, -0.227, 0.887},
                            {-0.229, -0.310, -0.246, -0.063, 0.055, 0.108, 0.022, 0.102}};
  const int leads[8] = {kV1, kV2, kV3, kV4, kV5, kV6, kI, kII};
  double area[3] = {0, 0, 0};
  for (std::size_t k = static_cast<std::size_t>(1.16 * e.fs);
       k < static_cast<std::size_t>(1.28 * e.fs); ++k)
    for (int a = 0; a < 3; ++a)
      for (int j = 0; j < 8; ++j) area[a] += inv[a][j] * r.x[k][leads[j]];
  const double axis = std::atan2(area[1], area[0]) * 180.0 / 3.141592653589793;
  EXPECT_GT(axis, -30.0);
  EXPECT_LT(axis, 90.0);
}

}  // namespace
}  // namespace resus::ecg
