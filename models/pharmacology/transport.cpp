// Transport of every drug on board by the circulation's own flows, one 50 ms tick at a time:
// sites to veins, pool to pool along each flow (upwind), through each bed with its clearance and
// its tissue, out with a hemorrhage; breakdown in blood; infusions and the body's own secretion
// in; effect sites after the arterial plasma. Amounts move, never concentrations, so every
// microgram is accounted for (given + secreted = in the body + eliminated + bled).
#include <algorithm>
#include <cmath>

#include "models/pharmacology/internal.hpp"

namespace resus::pharm {
namespace {

double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
double finite_or(double x, double fallback) { return std::isfinite(x) ? x : fallback; }

struct Link {
  Flow flow;
  Pool from, to;
  int tissue;  // the bed's tissue, or -1 for a vessel
};
constexpr Link kLinks[] = {
    {kMitral, kLA, kLV, -1},
    {kAortic, kLV, kAorta, -1},
    {kTricuspid, kRA, kRV, -1},
    {kPulmonic, kRV, kPulmonaryArteries, -1},
    {kAortaArteries, kAorta, kArteries, -1},
    {kCoronaryBed, kAorta, kRA, kHeartMuscle},
    {kCerebralBed, kArteries, kJugularVeins, kBrain},
    {kSplanchnicBed, kArteries, kSplanchnicVeins, kSplanchnicOrgans},
    {kExtrasplanchnicBed, kArteries, kExtrasplanchnicVeins, kPeriphery},
    {kSplanchnicReturn, kSplanchnicVeins, kThoracicVeins, -1},
    {kExtrasplanchnicReturn, kExtrasplanchnicVeins, kThoracicVeins, -1},
    {kJugularReturn, kJugularVeins, kThoracicVeins, -1},
    {kVenaCava, kThoracicVeins, kRA, -1},
    {kPulmonary, kPulmonaryArteries, kPulmonaryVeins, -1},
    {kPulmonaryVeinsFlow, kPulmonaryVeins, kLA, -1},
};

double tissue_volume(const PharmParams& p, int t) {
  switch (t) {
    case kBrain: return p.brain_mL;
    case kHeartMuscle: return p.heart_mL;
    case kSplanchnicOrgans: return p.splanchnic_organs_mL;
    default: return p.periphery_mL;
  }
}

// Extraction of a bed at flow q (mL/s) for a drug whose resting extraction there is e0 at the
// resting flow q0 (well-stirred capillary: E = 1 - exp(-CLint/Q), so a bed extracts more of
// what passes slowly, and clears nothing without flow).
double extraction(double e0, double q0, double q, double temperature_factor) {
  if (!(e0 > 0.0) || !(q > 0.0)) return 0.0;
  const double cl_int = -std::log1p(-std::min(e0, 0.999)) * std::max(q0, 1e-3) * temperature_factor;
  return 1.0 - std::exp(-cl_int / q);
}

// Resting extraction of a drug in a bed: systemic everywhere, splanchnic on top in its bed.
double bed_extraction(const DrugSpec& spec, Flow bed, double q0, double q, double tf) {
  const double sys = extraction(spec.systemic_extraction, q0, q, tf);
  if (bed != kSplanchnicBed) return sys;
  const double spl = extraction(spec.splanchnic_extraction, q0, q, tf);
  return 1.0 - (1.0 - sys) * (1.0 - spl);
}

// Moves a share of a site's amount on (to another site or a pool).
double take(double& from, double share) {
  const double m = from * clampd(share, 0.0, 1.0);
  from -= m;
  return m;
}
double washout(double flow_mL, double volume_mL) {
  return flow_mL > 0.0 ? -std::expm1(-flow_mL / std::max(volume_mL, 1e-3)) : 0.0;
}

// Sites drain into the veins by the flows that pass them; absorption from depots follows the
// flow of the bed that takes it up, relative to rest.
void drain_sites(const PharmParams& p, const DrugSpec& spec, const PharmState& s, DrugState& d,
                 double dt) {
  const double extras = std::max(s.flow_mL[kExtrasplanchnicBed], 0.0);
  const double arm = p.arm_flow_share * extras;
  const double to_arm = take(d.site[kAntecubitalVein], washout(arm, p.antecubital_vein_mL)) +
                        take(d.site[kHumeralMarrow],
                             washout(p.humeral_flow_share * arm, p.humeral_marrow_mL));
  d.pool[kThoracicVeins] += take(d.site[kArmVeins], washout(arm, p.arm_veins_mL));
  d.site[kArmVeins] += to_arm;
  d.pool[kThoracicVeins] +=
      take(d.site[kSternalMarrow], washout(p.sternal_flow_share * extras, p.sternal_marrow_mL));
  const double to_leg =
      take(d.site[kTibialMarrow], washout(p.tibial_flow_share * extras, p.tibial_marrow_mL));
  d.pool[kThoracicVeins] += take(d.site[kLegVeins], washout(p.leg_flow_share * extras, p.leg_veins_mL));
  d.site[kLegVeins] += to_leg;

  auto ratio = [&](Flow f) {
    return clampd(s.mean_flow_mL_s[f] / std::max(s.rest_flow_mL_s[f], 1e-3), 0.0, 2.0);
  };
  d.pool[kPulmonaryVeins] +=
      take(d.site[kAirways], p.tracheal_absorption_per_min / 60.0 * ratio(kPulmonary) * dt);
  d.pool[kExtrasplanchnicVeins] += take(
      d.site[kMuscle], p.intramuscular_absorption_per_min / 60.0 * ratio(kExtrasplanchnicBed) * dt);
  const double absorbed =
      take(d.site[kGut], p.oral_absorption_per_min / 60.0 * ratio(kSplanchnicBed) * dt);
  const double past_liver = absorbed * clampd(spec.absorbed_oral, 0.0, 1.0);
  d.pool[kSplanchnicVeins] += past_liver;
  d.eliminated_ug += absorbed - past_liver;  // first pass through the gut wall and liver
}

// Pool to pool along every flow, all moves from the tick's starting amounts (so what one pool
// loses the next gains), through each bed's clearance and tissue.
void carry(const PharmParams& p, const DrugSpec& spec, const PharmState& s, const TickInputs& in,
           double tf, double dt, DrugState& d) {
  std::array<double, kNumPools> conc{};
  for (int k = 0; k < kNumPools; ++k) conc[k] = d.pool[k] / std::max(in.volume_mL[k], 1.0);
  std::array<double, kNumPools> out{}, delta{};
  // First what leaves each pool, so that no pool gives more than it holds.
  for (const Link& l : kLinks) {
    const double f = s.flow_mL[l.flow];
    if (f > 0.0) out[l.from] += f * conc[l.from];
    else out[l.to] -= f * conc[l.to];
  }
  const double h = s.flow_mL[kHemorrhage];
  const int bleed = std::clamp(s.bleed_pool, 0, kNumPools - 1);
  if (h > 0.0) out[bleed] += h * conc[bleed];
  std::array<double, kNumPools> scale{};
  for (int k = 0; k < kNumPools; ++k) scale[k] = out[k] > d.pool[k] ? d.pool[k] / out[k] : 1.0;

  for (const Link& l : kLinks) {
    const double f = s.flow_mL[l.flow];
    if (f == 0.0) continue;
    if (f < 0.0 || l.tissue < 0) {
      const Pool src = f > 0.0 ? l.from : l.to, dst = f > 0.0 ? l.to : l.from;
      const double m = std::abs(f) * conc[src] * scale[src];
      delta[src] -= m;
      delta[dst] += m;
      continue;
    }
    // A bed: arterial blood in, a share cleared, the rest exchanging with the tissue as blood
    // leaves at the tissue's concentration (flow-limited, well-stirred).
    const double in_ug = f * conc[l.from] * scale[l.from];
    delta[l.from] -= in_ug;
    // Extraction follows the bed's mean flow, not the beat's pulsation within it.
    const double e = bed_extraction(spec, l.flow, s.rest_flow_mL_s[l.flow],
                                    std::max(s.mean_flow_mL_s[l.flow], f / dt * 1e-3), tf);
    const double cleared = in_ug * e, passing = in_ug - cleared;
    d.eliminated_ug += cleared;
    double& tissue = d.tissue[l.tissue];
    const double kp = l.tissue == kPeriphery ? spec.kp_slow : spec.kp_fast;
    const double capacity = std::max(kp * tissue_volume(p, l.tissue), 1e-6);
    const double equilibrium = capacity * passing / f;
    const double after = equilibrium + (tissue - equilibrium) * std::exp(-f / capacity);
    delta[l.to] += passing - (after - tissue);
    tissue = after;
  }
  if (h > 0.0) {
    const double m = h * conc[bleed] * scale[bleed];
    delta[bleed] -= m;
    d.bled_ug += m;
  }
  for (int k = 0; k < kNumPools; ++k) d.pool[k] = std::max(d.pool[k] + delta[k], 0.0);
}

// Breakdown in blood itself (adenosine: taken up by red cells and endothelium within seconds),
// wherever blood holds the drug, injection veins included.
void break_down(const DrugSpec& spec, double dt, DrugState& d) {
  if (!(spec.blood_half_life_s > 0.0)) return;
  const double keep = std::exp(-std::log(2.0) * dt / spec.blood_half_life_s);
  for (double& a : d.pool) {
    d.eliminated_ug += a * (1.0 - keep);
    a *= keep;
  }
  for (int site : {kAntecubitalVein, kArmVeins, kLegVeins}) {
    d.eliminated_ug += d.site[site] * (1.0 - keep);
    d.site[site] *= keep;
  }
}

// The body's own hormones: a resting secretion that keeps the resting level, multiplied in
// stress (hypotension, hypoxia, acidosis) as the adrenal medulla, the sympathetic nerves and
// the posterior pituitary respond.
void secrete(const PharmParams& p, double dt, PharmState& s) {
  const double x = s.stress * s.stress;
  const double gains[3] = {p.epinephrine_stress_gain, p.norepinephrine_stress_gain,
                           p.vasopressin_stress_gain};
  const Drug drugs[3] = {Drug::kEpinephrine, Drug::kNorepinephrine, Drug::kVasopressin};
  // The adrenal vein drains to the renal vein (splanchnic); norepinephrine spills over from
  // sympathetic nerve endings, mostly in muscle and skin; vasopressin leaves the pituitary.
  const Pool into[3] = {kSplanchnicVeins, kExtrasplanchnicVeins, kJugularVeins};
  for (int i = 0; i < 3; ++i) {
    DrugState& d = s.drug[static_cast<int>(drugs[i])];
    const double ug = s.rest_secretion_ug_s[i] * (1.0 + gains[i] * x) * dt;
    d.pool[into[i]] += ug;
    d.secreted_ug += ug;
  }
}

void update_stress(const PharmParams& p, const TickInputs& in, double dt, PharmState& s) {
  const double map = clampd(finite_or(in.arterial_pressure_mmHg, s.map_mmHg), -50.0, 400.0);
  s.map_mmHg += (map - s.map_mmHg) * -std::expm1(-dt / 5.0);
  const double hypotension = std::max(s.rest_map_mmHg - s.map_mmHg, 0.0) / p.stress_hypotension_mmHg;
  const double hypoxia =
      std::max(p.stress_hypoxia_po2_mmHg - finite_or(in.arterial_po2_mmHg, 100.0), 0.0) / 40.0;
  const double acidosis = std::max(p.stress_acidosis_ph - finite_or(in.arterial_ph, 7.4), 0.0) / 0.35;
  const double target = std::min(hypotension + hypoxia + acidosis, 4.0);
  s.stress += (target - s.stress) * -std::expm1(-dt / p.stress_time_constant_s);
}

}  // namespace

bool accumulate(const StepInputs& in, PharmState& s) noexcept {
  // Plain sums every step (the circulation's flows are finite, or its stage stops the sim);
  // the tick checks what it uses.
  const double dt = clampd(finite_or(in.dt_s, 0.0), 0.0, 1.0);
  for (int f = 0; f < kNumFlows; ++f) s.flow_mL[f] += in.flow_mL_s[f] * dt;
  s.bleed_pool = std::clamp(in.bleed_pool, 0, kNumPools - 1);
  s.tick_s += dt;
  return s.tick_s >= kTick_s - 1e-12;
}

void tick(const PharmParams& p, const TickInputs& raw, PharmState& s) noexcept {
  const double dt = s.tick_s;
  s.tick_s = 0.0;
  TickInputs in = raw;
  for (double& v : in.volume_mL) v = clampd(finite_or(v, 1.0), 1.0, 1e5);
  for (double& f : s.flow_mL) f = clampd(finite_or(f, 0.0), -1e5, 1e5);
  if (dt > 0.0) {
    const double a = -std::expm1(-dt / 10.0);
    for (int f = 0; f < kNumFlows; ++f) s.mean_flow_mL_s[f] += (s.flow_mL[f] / dt - s.mean_flow_mL_s[f]) * a;
    update_stress(p, in, dt, s);
    const double temperature = clampd(finite_or(in.temperature_C, 37.0), 20.0, 43.0);
    for (int i = 0; i < kNumDrugs; ++i) {
      DrugState& d = s.drug[i];
      if (!(s.on_board & (1u << i))) continue;
      const DrugSpec& spec = drug_spec(static_cast<Drug>(i));
      const double tf = std::pow(clampd(1.0 - spec.clearance_per_C, 0.01, 1.0), 37.0 - temperature);
      if (d.infusion_ug_s > 0.0)
        enter(spec, p, d.infusion_ug_s * dt, static_cast<Route>(d.infusion_route), d);
      drain_sites(p, spec, s, d, dt);
      carry(p, spec, s, in, tf, dt, d);
      break_down(spec, dt, d);
      const double arterial = pool_ng_mL(d, kArteries, in.volume_mL[kArteries]);
      d.effect_ng_mL += (arterial - d.effect_ng_mL) * -std::expm1(-spec.ke0_per_min / 60.0 * dt);
    }
    secrete(p, dt, s);
  }
  s.flow_mL.fill(0.0);
  update_effects(s);
}

}  // namespace resus::pharm
