// The chemistry on the blood's pools alone (constant volumes, equal pulmonary and systemic
// flow): what enters and leaves each solute is accounted for to 1e-9 relative (the issue's
// conservation check), through low flow, a potassium intake, a dose and an acid load.
#include <gtest/gtest.h>

#include <cmath>

#include "models/blood/blood.hpp"
#include "models/chemistry/chemistry.hpp"

namespace resus {
namespace {

constexpr double kArterial_mL = 1100.0, kVenous_mL = 3900.0;

struct Bench {
  blood::BloodParams bp = blood::default_blood_params(70.0, 15.0);
  chem::ChemParams cp = chem::default_chem_params(70.0);
  blood::BloodState pools;
  chem::ChemState chem;

  Bench() {
    pools = blood::initial_state(bp, 95.0, 40.0, 0.03, 85.0);
    chem::fill_resting_pools(cp, pools);
    chem = chem::initial_state(cp, pools, 85.0);
  }
  // One 10 ms tick at a flow, with what reached the central veins.
  void tick(double flow_mL_s, const std::array<double, chem::kNumInfusates>& doses = {}) {
    chem::ChemInputs in{};
    in.hematocrit = 0.45;
    in.dt_s = 0.01;
    in.systemic_flow_mL = flow_mL_s * in.dt_s;
    in.arterial = pools.arterial;
    in.venous = pools.venous;
    in.tissue = pools.tissue;
    in.vo2_mL_s = pools.out.vo2_mL_min / 60.0;
    in.o2_deficit_mL_s = pools.out.o2_deficit_mL_s;
    in.potassium_uptake_scale = 1.0;
    in.glucose_uptake_scale = 1.0;
    in.delivered_mmol = doses;
    blood::BloodInputs b{};
    chem::tick(cp, in, chem, b);
    b.dt_s = in.dt_s;
    b.pulmonary_flow_mL = b.systemic_flow_mL = in.systemic_flow_mL;
    b.arterial_blood_mL = kArterial_mL;
    b.venous_blood_mL = kVenous_mL;
    b.temperature_C = 37.0;
    b.metabolic_scale = 1.0;
    // The lungs return what the tissue used: no hypoxia on the bench.
    b.lung_flux_mL_s[blood::kO2] = pools.out.vo2_mL_min / 60.0;
    b.lung_flux_mL_s[blood::kCO2] = -pools.out.vco2_mL_min / 60.0;
    blood::transport(bp, b, pools);
  }
  double total(int solute) const {
    return chem::solute_in_body_mmol(pools, chem, solute, kArterial_mL, kVenous_mL);
  }
  // What the accounts are kept of: potassium, base with lactate (lactic acid takes a base with
  // it), lactate.
  struct Totals {
    double potassium, base_and_lactate, lactate;
  };
  Totals totals() const {
    return {total(chem::kPotassium), total(chem::kBufferBase) + total(chem::kLactate),
            total(chem::kLactate)};
  }
};

TEST(ChemistryConservation, PotassiumBaseAndLactateAreAccountedFor) {
  Bench b;
  const auto [k0, base0, lac0] = b.totals();
  chem::start_condition(chem::Condition::kHyperkalaemia, 120.0, 0.0, b.chem);
  chem::start_condition(chem::Condition::kAcidLoad, 600.0, 40.0, b.chem);
  std::array<double, chem::kNumInfusates> dose{};
  dose[static_cast<int>(chem::Infusate::kPotassiumChloride)] = 10.0;
  dose[static_cast<int>(chem::Infusate::kSodiumBicarbonate)] = 25.0;
  b.tick(85.0, dose);
  for (int i = 0; i < 60000; ++i) b.tick(i < 30000 ? 15.0 : 85.0);  // 5 min low flow, 5 at rest
  const chem::ChemState& s = b.chem;
  const double k = b.total(chem::kPotassium);
  EXPECT_NEAR(k, k0 + s.potassium_in_mmol - s.potassium_excreted_mmol, 1e-9 * k0);
  EXPECT_GT(s.potassium_in_mmol, 29.0);  // 20 mmol by intake + 10 by the dose
  // Lactic acid takes a base with it and gives it back when cleared: base + lactate changes only
  // by the acid and the bicarbonate given.
  const double base = b.total(chem::kBufferBase) + b.total(chem::kLactate);
  EXPECT_NEAR(base, base0 - s.acid_given_mmol + s.base_given_mmol, 1e-9 * base0);
  EXPECT_NEAR(s.acid_given_mmol, 40.0, 1e-9);
  EXPECT_NEAR(b.total(chem::kLactate), lac0 + s.lactate_made_mmol - s.lactate_cleared_mmol,
              1e-9 * lac0);
  EXPECT_GT(s.lactate_made_mmol - s.lactate_cleared_mmol, 1.0);  // low flow made lactate
}

// Dialysis takes potassium and lactate out of the venous blood and puts the bath's bicarbonate
// in: the body's totals change by what the dialyser's accounts say, to 1e-9 relative.
TEST(ChemistryConservation, DialysisIsAccountedFor) {
  Bench b;
  const auto [k0, base0, lac0] = b.totals();
  chem::start_condition(chem::Condition::kHyperkalaemia, 200.0, 0.0, b.chem);
  chem::start_condition(chem::Condition::kAcidLoad, 600.0, 60.0, b.chem);
  for (int i = 0; i < 30000; ++i) b.tick(i < 15000 ? 15.0 : 85.0);  // lactate and potassium up
  chem::set_dialysis(300.0, 1.0, 38.0, b.chem);
  for (int i = 0; i < 60000; ++i) b.tick(85.0);  // 10 min of dialysis
  const chem::ChemState& s = b.chem;
  EXPECT_GT(s.potassium_dialysed_mmol, 5.0);
  EXPECT_LT(s.base_dialysed_mmol, -5.0);  // the bath's bicarbonate came in
  EXPECT_GT(s.lactate_dialysed_mmol, 0.0);
  EXPECT_NEAR(b.total(chem::kPotassium),
              k0 + s.potassium_in_mmol - s.potassium_excreted_mmol - s.potassium_dialysed_mmol,
              1e-9 * k0);
  const double base = b.total(chem::kBufferBase) + b.total(chem::kLactate);
  EXPECT_NEAR(base,
              base0 - s.acid_given_mmol + s.base_given_mmol - s.base_dialysed_mmol -
                  s.lactate_dialysed_mmol,
              1e-9 * base0);
  EXPECT_NEAR(b.total(chem::kLactate),
              lac0 + s.lactate_made_mmol - s.lactate_cleared_mmol - s.lactate_dialysed_mmol,
              1e-9 * lac0);
}

// Michaels' counter-current clearance: at most the plasma flow and the K0A, the plasma flow's
// share falling as it rises; equal flows take the limit N/(1+N).
TEST(ChemistryDialyser, ClearanceIsMichaels) {
  EXPECT_EQ(chem::dialyser_clearance_mL_min(1000.0, 0.0, 500.0), 0.0);
  const double k150 = chem::dialyser_clearance_mL_min(1000.0, 150.0, 500.0);
  const double k250 = chem::dialyser_clearance_mL_min(1000.0, 250.0, 500.0);
  EXPECT_GT(k150, 0.97 * 150.0);  // N = 6.7: nearly complete extraction
  EXPECT_LT(k150, 150.0);
  EXPECT_GT(k250, k150);
  EXPECT_LT(k250 / 250.0, k150 / 150.0);
  EXPECT_NEAR(chem::dialyser_clearance_mL_min(500.0, 500.0, 500.0), 500.0 * 1.0 / 2.0, 1e-9);
  // Just off equal flows, the general formula meets the limit.
  EXPECT_NEAR(chem::dialyser_clearance_mL_min(500.0, 500.0, 500.001), 250.0, 1e-3);
}

TEST(ChemistryConservation, RestIsSteady) {
  // At the resting flow nothing moves: every solute within 1e-6 mmol/L after 10 minutes.
  Bench b;
  const blood::Amounts a0 = b.pools.arterial;
  for (int i = 0; i < 60000; ++i) b.tick(85.0);
  for (int i = chem::kBufferBase; i < chem::kEndSolutes; ++i)
    EXPECT_NEAR(b.pools.arterial[i], a0[i], 1e-6 * std::max(a0[i], 1.0)) << i;
}

}  // namespace
}  // namespace resus
