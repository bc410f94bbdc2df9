// Standalone tests of the blood model (models/blood): the pools and the tissue driven by scripted
// flows and lung fluxes, no lungs, no engine. Each physiological check names its source and range
// (../shared/reference/physiology.md A.5 and Part B).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "models/blood/blood.hpp"

namespace {

using namespace resus::blood;

constexpr double kTick_s = 0.01;            // the engine's gas tick
constexpr double kArterial_mL = 1100.0;     // the volumes the lungs' resting inputs use
constexpr double kVenous_mL = 3900.0;
constexpr double kRestFlow_mL_s = 5000.0 / 60.0;

const BloodParams kAdult = default_blood_params(70.0, 15.0);

// Room air, PaCO2 40 mmHg, 3% shunt, 5 L/min.
BloodState resting() { return initial_state(kAdult, 100.0, 39.8, 0.03, kRestFlow_mL_s); }

BloodInputs tick(double flow_mL_s, double o2_in_mL_s, double co2_out_mL_s) {
  BloodInputs in{};
  in.dt_s = kTick_s;
  in.pulmonary_flow_mL = flow_mL_s * kTick_s;
  in.systemic_flow_mL = flow_mL_s * kTick_s;
  in.arterial_blood_mL = kArterial_mL;
  in.venous_blood_mL = kVenous_mL;
  in.temperature_C = 37.0;
  in.metabolic_scale = 1.0;
  in.lung_flux_mL_s[kO2] = o2_in_mL_s;
  in.lung_flux_mL_s[kCO2] = -co2_out_mL_s;
  return in;
}

double blood_amount(const BloodState& s, int species) {
  return kArterial_mL * s.arterial[static_cast<std::size_t>(species)] +
         kVenous_mL * s.venous[static_cast<std::size_t>(species)];
}
double total_amount(const BloodState& s, int species) {
  return blood_amount(s, species) + s.tissue[static_cast<std::size_t>(species)];
}

// The resting pools: the Fick principle at 5 L/min and the normal values of Part B.
TEST(Blood, RestingPoolsAreTheFickSteadyState) {
  const BloodState s = resting();
  const BloodReadout& o = s.out;
  const double avdo2_mL_dL = 100.0 * (s.arterial[kO2] - s.venous[kO2]);
  std::printf("rest: SaO2 %.3f PaO2 %.1f PaCO2 %.1f SvO2 %.3f PvO2 %.1f PvCO2 %.1f pH %.3f "
              "a-v O2 %.2f mL/dL, blood O2 %.0f mL, myoglobin O2 %.0f mL\n",
              o.sao2, o.pao2_mmHg, o.paco2_mmHg, o.svo2, o.pvo2_mmHg, o.pvco2_mmHg, o.ph_arterial,
              avdo2_mL_dL, blood_amount(s, kO2),
              s.tissue[kO2] - kAdult.tissue_o2_solubility_mL_mmHg * o.tissue_po2_mmHg);
  // Fick: a-v O2 difference x flow = VO2 (B.1 row 17: 250 mL/min at 5 L/min -> ~5 mL/dL).
  EXPECT_NEAR(avdo2_mL_dL * 50.0, kAdult.vo2_rest_mL_min, 1e-6 * kAdult.vo2_rest_mL_min);
  EXPECT_GE(o.pao2_mmHg, 80.0); EXPECT_LE(o.pao2_mmHg, 100.0);    // B.1 row 13
  EXPECT_GE(o.sao2, 0.95); EXPECT_LE(o.sao2, 1.0);                // B.1 row 13
  EXPECT_GE(o.paco2_mmHg, 35.0); EXPECT_LE(o.paco2_mmHg, 45.0);   // B.1 row 14
  EXPECT_GE(o.ph_arterial, 7.35); EXPECT_LE(o.ph_arterial, 7.45); // B.1 row 15
  EXPECT_GE(o.hco3_mmol_L, 22.0); EXPECT_LE(o.hco3_mmol_L, 26.0); // B.1 row 15
  EXPECT_GE(o.svo2, 0.70); EXPECT_LE(o.svo2, 0.80);               // mixed venous 70-80%
  EXPECT_GE(o.pvco2_mmHg - o.paco2_mmHg, 4.0);                    // venous PCO2 ~46
  EXPECT_LE(o.pvco2_mmHg - o.paco2_mmHg, 8.0);
  // Stores (A.5 "Stores"): blood O2 ~850 mL, tissue myoglobin O2 200-250 mL.
  EXPECT_GE(blood_amount(s, kO2), 750.0); EXPECT_LE(blood_amount(s, kO2), 950.0);
  const double myoglobin = s.tissue[kO2] - kAdult.tissue_o2_solubility_mL_mmHg * o.tissue_po2_mmHg;
  EXPECT_GE(myoglobin, 200.0); EXPECT_LE(myoglobin, 250.0);
}

// With the lungs adding what the tissue uses, the resting pools stay where they are.
TEST(Blood, RestingPoolsHoldUnderTheirOwnFluxes) {
  BloodState s = resting();
  const BloodState start = s;
  const double vo2 = kAdult.vo2_rest_mL_min / 60.0, vco2 = kAdult.rq * vo2;
  for (int k = 0; k < 60000; ++k) transport(kAdult, tick(kRestFlow_mL_s, vo2, vco2), s);  // 10 min
  std::printf("after 10 min: SaO2 %.4f (%.4f) SvO2 %.4f (%.4f) PaCO2 %.2f (%.2f) VO2 %.1f\n",
              s.out.sao2, start.out.sao2, s.out.svo2, start.out.svo2, s.out.paco2_mmHg,
              start.out.paco2_mmHg, s.out.vo2_mL_min);
  EXPECT_NEAR(s.out.sao2, start.out.sao2, 0.002);
  EXPECT_NEAR(s.out.svo2, start.out.svo2, 0.01);
  EXPECT_NEAR(s.out.paco2_mmHg, start.out.paco2_mmHg, 0.5);
  EXPECT_NEAR(s.out.vo2_mL_min, kAdult.vo2_rest_mL_min, 1.0);
  EXPECT_NEAR(s.o2_debt_mL, 0.0, 1.0);
}

// Mass balance: with equal pulmonary and systemic flow, what the pools and the tissue hold changes
// by exactly what the lungs add and the tissue consumes (explicit Euler, no splitting loss).
TEST(Blood, SpeciesAreConservedOverEachTick) {
  BloodState s = resting();
  for (int k = 0; k < 3000; ++k) {
    const double flow = k < 1500 ? 20.0 : 120.0;       // low flow, then a hyperdynamic circulation
    const double o2_in = k % 700 < 350 ? 0.0 : 9.0;    // apnoea, then generous uptake
    const double co2_out = k % 500 < 250 ? 1.0 : 6.0;
    const double o2_before = total_amount(s, kO2), co2_before = total_amount(s, kCO2);
    transport(kAdult, tick(flow, o2_in, co2_out), s);
    const double vo2 = s.out.vo2_mL_min / 60.0, vco2 = s.out.vco2_mL_min / 60.0;
    ASSERT_NEAR(total_amount(s, kO2) - o2_before, (o2_in - vo2) * kTick_s, 1e-9) << "tick " << k;
    ASSERT_NEAR(total_amount(s, kCO2) - co2_before, (vco2 - co2_out) * kTick_s, 1e-9) << "tick " << k;
  }
}

// A species without tissue exchange (a drug before its model adds one) is carried, conserved,
// from the venous pool to the arterial and mixes over the pools within a few circulation times.
TEST(Blood, LinearSpeciesMixAndAreConserved) {
  BloodState s = resting();
  s.species = kFirstLinearSpecies + 1;
  s.venous[kFirstLinearSpecies] = 1.0 / kVenous_mL;  // 1 unit injected into the venous pool
  const double vo2 = kAdult.vo2_rest_mL_min / 60.0;
  double first_arterial_s = -1.0;
  for (int k = 0; k < 30000; ++k) {  // 5 min
    transport(kAdult, tick(kRestFlow_mL_s, vo2, kAdult.rq * vo2), s);
    if (first_arterial_s < 0 && s.arterial[kFirstLinearSpecies] * kArterial_mL > 0.05)
      first_arterial_s = (k + 1) * kTick_s;
  }
  const double mixed = 1.0 / (kArterial_mL + kVenous_mL);
  std::printf("linear species: 5%% in arterial blood at %.2f s; after 5 min a %.4g v %.4g (mixed %.4g)\n",
              first_arterial_s, s.arterial[kFirstLinearSpecies], s.venous[kFirstLinearSpecies], mixed);
  EXPECT_NEAR(blood_amount(s, kFirstLinearSpecies), 1.0, 1e-12);
  // Well-mixed pools, no transit delay: a share arrives at once, 5% of the dose well within the
  // arterial pool's own time constant (volume / flow, 13 s).
  EXPECT_GT(first_arterial_s, 0.0);
  EXPECT_LT(first_arterial_s, kArterial_mL / kRestFlow_mL_s);
  EXPECT_NEAR(s.arterial[kFirstLinearSpecies], mixed, 0.01 * mixed);
  EXPECT_NEAR(s.venous[kFirstLinearSpecies], mixed, 0.01 * mixed);
}

// No flow (untreated arrest): the tissue lives on its O2 store (~300 mL: myoglobin plus what is
// dissolved, A.5) at ~250 mL/min, so uptake becomes supply-limited within a few minutes and the
// deficit grows at the demand's rate; the pools, unperfused, do not move (physiology.md A.5
// "Tissue exchange": during no-flow tissue O2 falls).
TEST(Blood, NoFlowRunsDownTheTissueStore) {
  BloodState s = resting();
  const BloodState start = s;
  double half_s = -1.0;
  for (int k = 0; k < 60000; ++k) {  // 10 min
    transport(kAdult, tick(0.0, 0.0, 0.0), s);
    if (half_s < 0 && s.out.vo2_mL_min < 0.5 * kAdult.vo2_rest_mL_min) half_s = (k + 1) * kTick_s;
  }
  std::printf("no flow: VO2 below half at %.0f s; after 10 min tissue PO2 %.2f, debt %.0f mL, "
              "tissue PCO2 %.0f\n", half_s, s.out.tissue_po2_mmHg, s.o2_debt_mL, s.out.tissue_pco2_mmHg);
  EXPECT_GE(half_s, 45.0);
  EXPECT_LE(half_s, 180.0);
  EXPECT_GT(s.o2_debt_mL, 0.7 * 10.0 * kAdult.vo2_rest_mL_min - 350.0);
  EXPECT_EQ(s.arterial[kO2], start.arterial[kO2]);
  EXPECT_EQ(s.venous[kCO2], start.venous[kCO2]);
  EXPECT_GT(s.out.tissue_pco2_mmHg, start.out.tissue_pco2_mmHg + 20.0);
}

// Low flow (CPR-like, 1 L/min): uptake is capped by the extraction limit (Ronco 1993, JAMA
// 270:1724: critical O2 extraction 0.6-0.7), so VO2 settles below delivery x 0.7 and far below
// demand.
TEST(Blood, LowFlowUptakeIsSupplyDependent) {
  const BloodState rest = resting();
  BloodState s = rest;
  const double flow = 1000.0 / 60.0;
  for (int k = 0; k < 60000; ++k) {
    // Lungs that fully re-oxygenate what passes: end-capillary O2 content as at rest.
    const double uptake = flow * (rest.arterial[kO2] - s.venous[kO2]);
    transport(kAdult, tick(flow, uptake, flow * (s.venous[kCO2] - rest.arterial[kCO2])), s);
  }
  const double delivery_mL_min = flow * 60.0 * s.arterial[kO2];
  std::printf("1 L/min: DO2 %.0f VO2 %.0f mL/min (ER %.2f) SvO2 %.2f\n", delivery_mL_min,
              s.out.vo2_mL_min, s.out.vo2_mL_min / delivery_mL_min, s.out.svo2);
  EXPECT_LE(s.out.vo2_mL_min, kAdult.max_o2_extraction * delivery_mL_min + 1.0);
  EXPECT_GE(s.out.vo2_mL_min, 0.5 * kAdult.max_o2_extraction * delivery_mL_min);
  EXPECT_LT(s.out.vo2_mL_min, 0.75 * kAdult.vo2_rest_mL_min);
}

// Fever raises O2 demand by Q10 (A.5: ~6-8 %/°C).
TEST(Blood, DemandFollowsTemperature) {
  BloodState s = resting();
  BloodInputs in = tick(kRestFlow_mL_s, 0.0, 0.0);
  in.temperature_C = 39.0;
  transport(kAdult, in, s);
  const double per_degree = std::pow(s.out.vo2_mL_min / kAdult.vo2_rest_mL_min, 0.5) - 1.0;
  EXPECT_GE(per_degree, 0.06);
  EXPECT_LE(per_degree, 0.10);
}

// A caller's bad numbers never reach the state as a NaN.
TEST(Blood, NonFiniteInputsLeaveTheStateFinite) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  BloodState s = resting();
  const double values[] = {nan, inf, -inf, -1e300, 1e300, 0.0};
  for (double v : values) {
    BloodInputs in = tick(kRestFlow_mL_s, 4.0, 3.0);
    in.dt_s = in.pulmonary_flow_mL = in.systemic_flow_mL = v;
    in.arterial_blood_mL = in.venous_blood_mL = in.temperature_C = in.metabolic_scale = v;
    in.lung_flux_mL_s[kO2] = in.lung_flux_mL_s[kCO2] = v;
    for (int k = 0; k < 100; ++k) transport(kAdult, in, s);
    resus::StateCheck c;
    check_state(s, c);
    EXPECT_TRUE(c.ok()) << "input " << v << ": " << c.field();
  }
}

}  // namespace
