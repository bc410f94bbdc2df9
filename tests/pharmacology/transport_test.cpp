// The transport on its own (models/pharmacology, no engine): a well-mixed drug stays well mixed
// whatever the flows do to the compartments' volumes, and every microgram stays accounted for.
#include <gtest/gtest.h>

#include "models/pharmacology/pharmacology.hpp"

namespace resus::pharm {
namespace {

TEST(PharmTransport, AWellMixedDrugStaysWellMixedAsVolumesChange) {
  // One tick in which the LV fills from the LA and ejects into the aorta: LA 100 -> 80 mL,
  // LV 120 -> 110, aorta 100 -> 130. At 1 ug/mL everywhere, every pool must stay at 1 ug/mL:
  // the moves are shares of the tick's starting amounts over its starting volumes.
  const PharmParams p = default_pharm_params(70.0);
  PharmState s{};
  s.volume_mL.fill(100.0);
  s.volume_mL[kLV] = 120.0;
  const int drug = static_cast<int>(Drug::kAmiodarone);
  for (int k = 0; k < kNumPools; ++k) s.drug[drug].pool[k] = 1.0 * s.volume_mL[k];
  s.drug[drug].given_ug = in_body_ug(s.drug[drug]);
  s.on_board = 1u << drug;
  std::array<double, kNumFlows> flow_mL_s{};
  flow_mL_s[kMitral] = 20.0 / kTick_s;
  flow_mL_s[kAortic] = 30.0 / kTick_s;
  ASSERT_TRUE(accumulate(flow_mL_s.data(), kTick_s, s));
  TickInputs in{};
  in.volume_mL = s.volume_mL;
  in.volume_mL[kLA] = 80.0;
  in.volume_mL[kLV] = 110.0;
  in.volume_mL[kAorta] = 130.0;
  in.arterial_pressure_mmHg = 90.0;
  in.arterial_po2_mmHg = 95.0;
  in.arterial_ph = 7.4;
  in.temperature_C = 37.0;
  tick(p, in, s);
  for (int k = 0; k < kNumPools; ++k)
    EXPECT_NEAR(s.drug[drug].pool[k] / in.volume_mL[k], 1.0, 1e-12) << "pool " << k;
  EXPECT_NEAR(in_body_ug(s.drug[drug]), s.drug[drug].given_ug, 1e-9);
}

}  // namespace
}  // namespace resus::pharm
