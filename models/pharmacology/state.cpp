// The resting state, amounts and concentrations, and the snapshot checks.
#include <algorithm>
#include <cmath>

#include "models/pharmacology/internal.hpp"

namespace resus::pharm {

double pool_ng_mL(const DrugState& d, int pool, double volume_mL) {
  return d.pool[static_cast<std::size_t>(pool)] / std::max(volume_mL, 1.0) * 1000.0;
}

double in_body_ug(const DrugState& d) {
  double sum = 0.0;
  for (double a : d.pool) sum += a;
  for (double a : d.tissue) sum += a;
  for (double a : d.site) sum += a;
  return sum;
}

// The intrinsic clearance that gives extraction e0 at flow q0, mL/s.
double intrinsic_clearance(double e0, double q0) {
  return e0 > 0.0 ? -std::log1p(-std::min(e0, 0.999)) * std::max(q0, 1e-3) : 0.0;
}

// A bed's own (systemic) extraction at resting flow: the brain's where the barrier sets it.
static double bed_extraction(const DrugSpec& spec, int tissue) {
  return tissue == kBrain && spec.brain_extraction >= 0.0 ? spec.brain_extraction
                                                          : spec.systemic_extraction;
}

PharmState initial_state(const PharmParams& p, const std::array<double, kNumPools>& volume_mL,
                         const std::array<double, kNumFlows>& rest_flow_mL_s, double rest_map_mmHg) {
  PharmState s{};
  s.rest_flow_mL_s = rest_flow_mL_s;
  s.volume_mL = volume_mL;
  // Catecholamines are cleared in every bed (the brain behind its barrier, little), the others
  // by the splanchnic organs; a bed's two clearances add (E = 1 - (1 - E_sys)(1 - E_spl)).
  const Flow beds[kNumTissues] = {kCerebralBed, kCoronaryBed, kSplanchnicBed, kExtrasplanchnicBed};
  for (int i = 0; i < kNumDrugs; ++i) {
    const DrugSpec& spec = drug_spec(static_cast<Drug>(i));
    for (int t = 0; t < kNumTissues; ++t) {
      const double q0 = rest_flow_mL_s[beds[t]];
      s.intrinsic_clearance_mL_s[i][t] =
          intrinsic_clearance(bed_extraction(spec, t), q0) +
          (t == kSplanchnicOrgans ? intrinsic_clearance(spec.splanchnic_extraction, q0) : 0.0);
    }
  }
  s.mean_flow_mL_s = rest_flow_mL_s;
  s.map_mmHg = s.rest_map_mmHg = rest_map_mmHg;
  const Drug own[3] = {Drug::kEpinephrine, Drug::kNorepinephrine, Drug::kVasopressin};
  const double level_ng_mL[3] = {p.epinephrine_rest_ng_mL, p.norepinephrine_rest_ng_mL,
                                 p.vasopressin_rest_ng_mL};
  const double tissue_mL[kNumTissues] = {p.brain_mL, p.heart_mL, p.splanchnic_organs_mL,
                                         p.periphery_mL};
  const Flow bed_of[kNumTissues] = {kCerebralBed, kCoronaryBed, kSplanchnicBed, kExtrasplanchnicBed};
  for (int i = 0; i < 3; ++i) {
    const DrugSpec& spec = drug_spec(own[i]);
    DrugState& d = s.drug[static_cast<int>(own[i])];
    const double c = level_ng_mL[i] / 1000.0;  // ug/mL
    for (int k = 0; k < kNumPools; ++k) d.pool[k] = c * volume_mL[k];
    // The resting secretion replaces what the beds clear from arterial blood at rest.
    double clearance_mL_s = 0.0;
    for (int t = 0; t < kNumTissues; ++t) {
      const double kp = t == kPeriphery ? spec.kp_slow : spec.kp_fast;
      d.tissue[t] = kp * tissue_mL[t] * c;
      const double q = rest_flow_mL_s[bed_of[t]];
      const double e0 = 1.0 - (1.0 - bed_extraction(spec, t)) *
                                  (1.0 - (t == kSplanchnicOrgans ? spec.splanchnic_extraction : 0.0));
      clearance_mL_s += q * e0;
    }
    d.effect_ng_mL = level_ng_mL[i];
    s.rest_secretion_ug_s[i] = c * clearance_mL_s;
    s.on_board |= 1u << static_cast<int>(own[i]);
  }
  // The hormones' distribution at rest: the model itself, run on the mean resting flows for
  // 30 minutes (vasopressin's half-life is longer, but it starts within a few percent).
  std::array<double, kNumFlows> flows = rest_flow_mL_s;
  flows[kHemorrhage] = 0.0;
  flows[kChestBleed] = 0.0;
  TickInputs at_rest{};
  at_rest.volume_mL = volume_mL;
  at_rest.arterial_pressure_mmHg = rest_map_mmHg;
  at_rest.arterial_po2_mmHg = 95.0;
  at_rest.arterial_ph = 7.4;
  at_rest.temperature_C = 37.0;
  at_rest.sodium_mmol_L = 140.0;
  at_rest.ionised_calcium_mmol_L = 1.25;
  for (int k = 0; k < static_cast<int>(1800.0 / kTick_s); ++k) {
    accumulate(flows.data(), kTick_s, s);
    tick(p, at_rest, s);
  }
  for (Drug d : own) {  // what is there at the start counts as the body's
    DrugState& ds = s.drug[static_cast<int>(d)];
    ds.secreted_ug = in_body_ug(ds);
    ds.eliminated_ug = 0.0;
  }
  s.stress = 0.0;
  s.vascular_hypoxia = 0.0;
  s.myocardial_energy = 1.0;
  s.mean_flow_mL_s = rest_flow_mL_s;
  set_rest(p, s);
  return s;
}

void check_state(const PharmState& s, StateCheck& c) {
  constexpr double kAny = 1e12;
  const uint32_t own = (1u << static_cast<int>(Drug::kEpinephrine)) |
                       (1u << static_cast<int>(Drug::kNorepinephrine)) |
                       (1u << static_cast<int>(Drug::kVasopressin));
  // The body's own hormones are always on board; a drug that holds anything, runs or acts is.
  c.index("pharmacology.on_board (the body's own hormones)", (s.on_board & own) == own ? 1 : 0, 1, 1);
  for (int i = 0; i < kNumDrugs; ++i) {
    const DrugState& d = s.drug[static_cast<std::size_t>(i)];
    const bool active = in_body_ug(d) > 0.0 || d.infusion_ug_s > 0.0 || d.effect_ng_mL > 0.0;
    if (active) c.index("pharmacology.on_board", (s.on_board >> i) & 1u, 1, 1, i);
    // Every microgram accounted for: given + secreted = in the body + eliminated + bled (+ handed
    // to the chemistry, for a solute).
    const double in = d.given_ug + d.secreted_ug,
                 out = in_body_ug(d) + d.eliminated_ug + d.bled_ug + d.delivered_ug;
    c.in("pharmacology.mass_balance_ug", out - in, -1e-6 * (in + 1.0), 1e-6 * (in + 1.0), i);
    c.all_in("pharmacology.pool_ug", d.pool, 0.0, kAny)
        .all_in("pharmacology.tissue_ug", d.tissue, 0.0, kAny)
        .all_in("pharmacology.site_ug", d.site, 0.0, kAny)
        .all_in("pharmacology.intrinsic_clearance_mL_s", s.intrinsic_clearance_mL_s[i], 0.0, kAny)
        .in("pharmacology.effect_ng_mL", d.effect_ng_mL, 0.0, kAny, i)
        .in("pharmacology.given_ug", d.given_ug, 0.0, kAny, i)
        .in("pharmacology.secreted_ug", d.secreted_ug, 0.0, kAny, i)
        .in("pharmacology.eliminated_ug", d.eliminated_ug, 0.0, kAny, i)
        .in("pharmacology.bled_ug", d.bled_ug, 0.0, kAny, i)
        .in("pharmacology.delivered_ug", d.delivered_ug, 0.0, drug_spec(static_cast<Drug>(i)).solute ? kAny : 0.0, i)
        .in("pharmacology.infusion_ug_s", d.infusion_ug_s, 0.0, 1e6, i)
        .index("pharmacology.infusion_route", d.infusion_route, 0, kNumRoutes - 1);
  }
  c.all_in("pharmacology.flow_mL", s.flow_mL, -kAny, kAny)
      .in("pharmacology.tick_s", s.tick_s, 0.0, 1.0)
      .index("pharmacology.bleed_pool", s.bleed_pool, 0, kNumPools - 1)
      .index("pharmacology.on_board", s.on_board, 0, (int64_t{1} << kNumDrugs) - 1)
      .all_in("pharmacology.mean_flow_mL_s", s.mean_flow_mL_s, -kAny, kAny)
      .all_in("pharmacology.rest_flow_mL_s", s.rest_flow_mL_s, -kAny, kAny)
      .all_in("pharmacology.rest_secretion_ug_s", s.rest_secretion_ug_s, 0.0, kAny)
      .in("pharmacology.map_mmHg", s.map_mmHg, -50.0, 400.0)
      .in("pharmacology.rest_map_mmHg", s.rest_map_mmHg, 1.0, 400.0)
      .in("pharmacology.stress", s.stress, 0.0, 4.0)
      .in("pharmacology.vascular_hypoxia", s.vascular_hypoxia, 0.0, 1.0)
      .in("pharmacology.myocardial_energy", s.myocardial_energy, 0.0, 1.0)
      .all_in("pharmacology.occupancy", s.occupancy, 0.0, 1.0)
      .all_in("pharmacology.rest_occupancy", s.rest_occupancy, 0.0, 1.0)
      .in("pharmacology.tolerance", s.tolerance[kAlpha1], 0.0, 0.9, kAlpha1)
      .all_in("pharmacology.out", s.out, -1e4, 1e4)
      .all_in("pharmacology.volume_mL", s.volume_mL, 1.0, 1e5)
      .in("pharmacology.ph", s.ph, 6.5, 8.0)
      .in("pharmacology.sodium_mmol_L", s.sodium_mmol_L, 100.0, 200.0)
      .in("pharmacology.ionised_calcium_mmol_L", s.ionised_calcium_mmol_L, 0.3, 5.0);
  for (int t = 0; t < kNumTargets; ++t)  // only alpha-1 develops tolerance
    if (t != kAlpha1) c.in("pharmacology.tolerance", s.tolerance[t], 0.0, 0.0, t);
}

}  // namespace resus::pharm
