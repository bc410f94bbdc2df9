// Transport of every drug on board by the circulation's own flows, one 100 ms tick at a time:
// sites to veins, pool to pool along each flow (upwind), through each bed with its clearance and
// its tissue, out with a hemorrhage; breakdown in blood; infusions and the body's own secretion
// in; effect sites after the arterial plasma. Amounts move, never concentrations, so every
// microgram is accounted for (given + secreted = in the body + eliminated + bled).
#include <algorithm>
#include <cmath>
#include <iterator>

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

// Moves a share of a site's amount on (to another site or a pool).
double take(double& from, double share) {
  const double m = from * clampd(share, 0.0, 1.0);
  from -= m;
  return m;
}
double washout(double flow_mL, double volume_mL) {
  return flow_mL > 0.0 ? -std::expm1(-flow_mL / std::max(volume_mL, 1e-3)) : 0.0;
}

// What each site hands on over the tick: the washout of each injection segment by the flow that
// passes it, and the share of each depot absorbed at its bed's flow relative to rest. The same
// for every drug, so computed once per tick.
struct SiteShares {
  double antecubital, humeral, arm, sternal, tibial, leg;  // washouts
  double airways, muscle, gut;                              // absorbed
  double stomach;                                           // emptied into the gut
};

SiteShares site_shares(const PharmParams& p, const PharmState& s, double dt) {
  const double extras = std::max(s.flow_mL[kExtrasplanchnicBed], 0.0);
  const double arm = p.arm_flow_share * extras;
  auto ratio = [&](Flow f) {
    return clampd(s.mean_flow_mL_s[f] / std::max(s.rest_flow_mL_s[f], 1e-3), 0.0, 2.0);
  };
  SiteShares w{};
  w.antecubital = washout(arm, p.antecubital_vein_mL);
  w.humeral = washout(p.humeral_flow_share * arm, p.humeral_marrow_mL);
  w.arm = washout(arm, p.arm_veins_mL);
  w.sternal = washout(p.sternal_flow_share * extras, p.sternal_marrow_mL);
  w.tibial = washout(p.tibial_flow_share * extras, p.tibial_marrow_mL);
  w.leg = washout(p.leg_flow_share * extras, p.leg_veins_mL);
  w.airways = p.tracheal_absorption_per_min / 60.0 * ratio(kPulmonary) * dt;
  w.muscle = p.intramuscular_absorption_per_min / 60.0 * ratio(kExtrasplanchnicBed) * dt;
  w.gut = p.oral_absorption_per_min / 60.0 * ratio(kSplanchnicBed) * dt;
  w.stomach = -std::expm1(-p.gastric_emptying_per_min / 60.0 * dt);
  return w;
}

// Sites drain into the veins by those shares; the gut's absorption loses its first pass.
void drain_sites(const SiteShares& w, const DrugSpec& spec, DrugState& d) {
  const double to_arm = take(d.site[kAntecubitalVein], w.antecubital) + take(d.site[kHumeralMarrow], w.humeral);
  d.pool[kThoracicVeins] += take(d.site[kArmVeins], w.arm);
  d.site[kArmVeins] += to_arm;
  d.pool[kThoracicVeins] += take(d.site[kSternalMarrow], w.sternal);
  const double to_leg = take(d.site[kTibialMarrow], w.tibial);
  d.pool[kThoracicVeins] += take(d.site[kLegVeins], w.leg);
  d.site[kLegVeins] += to_leg;
  d.pool[kPulmonaryVeins] += take(d.site[kAirways], w.airways);
  d.pool[kExtrasplanchnicVeins] += take(d.site[kMuscle], w.muscle);
  d.site[kGut] += take(d.site[kStomach], w.stomach);
  const double absorbed = take(d.site[kGut], w.gut * spec.oral_absorption_scale);
  const double past_liver = absorbed * clampd(spec.absorbed_oral, 0.0, 1.0);
  d.pool[kSplanchnicVeins] += past_liver;
  d.eliminated_ug += absorbed - past_liver;  // first pass through the gut wall and liver
}

// The tick's moves as shares of each source pool's amount, the same for every drug: along each
// connection (upwind: a reversing flow carries the other pool's blood), into each bed, out with a
// hemorrhage or a chest bleed. All moves start from the tick's amounts, so what one pool loses
// the next gains; a pool whose outflows would exceed its volume gives what it holds, in
// proportion.
struct Moves {
  std::array<double, std::size(kLinks)> share;  // of the source pool's amount
  std::array<Pool, std::size(kLinks)> src, dst;
  std::array<double, kNumTissues> bed_flow_mL, bed_q_mL_s;  // forward bed flows: through the tissue
  double bleed_share;
  int bleed;
  double chest_bleed_share;  // of the aorta's amount: a haemopericardium's or haemothorax's
};

Moves plan_moves(const PharmState& s, const std::array<double, kNumPools>& per_mL, double dt) {
  Moves m{};
  std::array<double, kNumPools> out{};
  for (std::size_t i = 0; i < std::size(kLinks); ++i) {
    const Link& l = kLinks[i];
    const double f = s.flow_mL[l.flow];
    m.src[i] = f >= 0.0 ? l.from : l.to;
    m.dst[i] = f >= 0.0 ? l.to : l.from;
    m.share[i] = std::abs(f) * per_mL[m.src[i]];
    out[m.src[i]] += m.share[i];
    if (l.tissue >= 0) {
      m.bed_flow_mL[l.tissue] = std::max(f, 0.0);
      // Extraction follows the bed's mean flow, not the beat's pulsation within it.
      m.bed_q_mL_s[l.tissue] = std::max(s.mean_flow_mL_s[l.flow], std::max(f, 0.0) / dt * 1e-3);
    }
  }
  m.bleed = std::clamp(s.bleed_pool, 0, kNumPools - 1);
  m.bleed_share = std::max(s.flow_mL[kHemorrhage], 0.0) * per_mL[m.bleed];
  out[m.bleed] += m.bleed_share;
  m.chest_bleed_share = std::max(s.flow_mL[kChestBleed], 0.0) * per_mL[kAorta];
  out[kAorta] += m.chest_bleed_share;
  for (std::size_t i = 0; i < std::size(kLinks); ++i)
    if (out[m.src[i]] > 1.0) m.share[i] /= out[m.src[i]];
  if (out[m.bleed] > 1.0) m.bleed_share /= out[m.bleed];
  if (out[kAorta] > 1.0) m.chest_bleed_share /= out[kAorta];
  return m;
}

// One drug along the tick's moves; a forward bed flow passes the bed's clearance and tissue
// (flow-limited, well stirred: blood leaves at the tissue's concentration / Kp).
void carry(const PharmParams& p, const DrugSpec& spec, const Moves& m,
           const std::array<double, kNumTissues>& cl_int, double tf, DrugState& d) {
  std::array<double, kNumPools> delta{};
  for (std::size_t i = 0; i < std::size(kLinks); ++i) {
    const double moved = m.share[i] * d.pool[m.src[i]];
    delta[m.src[i]] -= moved;
    const int t = kLinks[i].tissue;
    if (t < 0 || m.dst[i] != kLinks[i].to || !(m.bed_flow_mL[t] > 0.0)) {
      delta[m.dst[i]] += moved;
      continue;
    }
    // A bed extracts more of what passes slowly, and nothing without flow.
    const double f = m.bed_flow_mL[t];
    const double e = cl_int[t] > 0.0 ? -std::expm1(-cl_int[t] * tf / m.bed_q_mL_s[t]) : 0.0;
    const double cleared = moved * e, passing = moved - cleared;
    d.eliminated_ug += cleared;
    double& tissue = d.tissue[t];
    const double kp = t == kPeriphery ? spec.kp_slow : spec.kp_fast;
    const double capacity = std::max(kp * tissue_volume(p, t), 1e-6);
    const double equilibrium = capacity * passing / f;
    const double after = equilibrium + (tissue - equilibrium) * std::exp(-f / capacity);
    delta[m.dst[i]] += passing - (after - tissue);
    tissue = after;
  }
  const double bled = m.bleed_share * d.pool[m.bleed];
  delta[m.bleed] -= bled;
  const double bled_into_chest = m.chest_bleed_share * d.pool[kAorta];
  delta[kAorta] -= bled_into_chest;
  d.bled_ug += bled + bled_into_chest;
  // Shares out of a pool sum to at most 1, so only rounding can dip below zero (and a NaN,
  // which cannot arise from finite inputs, would not survive).
  for (int k = 0; k < kNumPools; ++k) {
    const double next = d.pool[k] + delta[k];
    d.pool[k] = next > 0.0 ? next : 0.0;
  }
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
// the posterior pituitary respond. A falling glucose calls on the adrenal medulla alone.
void secrete(const PharmParams& p, double dt, double glucose_mmol_L, PharmState& s) {
  const double x = s.stress * s.stress;
  const double hypoglycaemia =
      p.hypoglycaemia_epinephrine_per_mmol *
      clampd(p.hypoglycaemia_epinephrine_mmol_L - finite_or(glucose_mmol_L, 5.0), 0.0, 5.0);
  const double gains[3] = {p.epinephrine_stress_gain, p.norepinephrine_stress_gain,
                           p.vasopressin_stress_gain};
  const double glucose_drive[3] = {hypoglycaemia, 0.0, 0.0};
  const Drug drugs[3] = {Drug::kEpinephrine, Drug::kNorepinephrine, Drug::kVasopressin};
  // The adrenal vein drains to the renal vein (splanchnic); norepinephrine spills over from
  // sympathetic nerve endings, mostly in muscle and skin; vasopressin leaves the pituitary.
  const Pool into[3] = {kSplanchnicVeins, kExtrasplanchnicVeins, kJugularVeins};
  for (int i = 0; i < 3; ++i) {
    DrugState& d = s.drug[static_cast<int>(drugs[i])];
    const double ug = s.rest_secretion_ug_s[i] * (1.0 + gains[i] * x + glucose_drive[i]) * dt;
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

// The vessels' hypoxia follows the share of the tissues' O2 demand that the blood does not meet.
void update_vascular_hypoxia(const PharmParams& p, const TickInputs& in, double dt, PharmState& s) {
  const double unmet = clampd(finite_or(in.o2_unmet_share, 0.0), 0.0, 1.0);
  s.vascular_hypoxia += (unmet - s.vascular_hypoxia) * -std::expm1(-dt / p.alpha1_hypoxia_tau_s);
}

// A drug given and gone (under a picogram left, no infusion) stops costing a tick: what is left
// is counted as eliminated. The body's own hormones never go.
void settle_if_gone(int i, PharmState& s) {
  const auto drug = static_cast<Drug>(i);
  if (drug == Drug::kEpinephrine || drug == Drug::kNorepinephrine || drug == Drug::kVasopressin) return;
  DrugState& d = s.drug[static_cast<std::size_t>(i)];
  const double left = in_body_ug(d);
  if (d.infusion_ug_s > 0.0 || left > 1e-6 || d.effect_ng_mL > 1e-9) return;
  d.eliminated_ug += left;
  d.pool.fill(0.0);
  d.tissue.fill(0.0);
  d.site.fill(0.0);
  d.effect_ng_mL = 0.0;
  s.on_board &= ~(1u << i);
}

}  // namespace

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
    update_vascular_hypoxia(p, in, dt, s);
    const double temperature = clampd(finite_or(in.temperature_C, 37.0), 20.0, 43.0);
    const SiteShares shares = site_shares(p, s, dt);
    // Concentrations at the tick's start: its amounts over its volumes (the volumes now are the
    // next tick's start).
    std::array<double, kNumPools> per_mL{};
    for (int k = 0; k < kNumPools; ++k) per_mL[k] = 1.0 / clampd(finite_or(s.volume_mL[k], 1.0), 1.0, 1e5);
    const Moves moves = plan_moves(s, per_mL, dt);
    for (int i = 0; i < kNumDrugs; ++i) {
      DrugState& d = s.drug[i];
      if (!(s.on_board & (1u << i))) continue;
      const DrugSpec& spec = drug_spec(static_cast<Drug>(i));
      const double tf = temperature == 37.0 ? 1.0
                        : std::pow(clampd(1.0 - spec.clearance_per_C, 0.01, 1.0), 37.0 - temperature);
      if (d.infusion_ug_s > 0.0)
        enter(spec, p, d.infusion_ug_s * dt, static_cast<Route>(d.infusion_route), d);
      drain_sites(shares, spec, d);
      if (spec.solute) {
        // What reached the veins is the chemistry's from here (models/chemistry).
        for (double& a : d.pool) d.delivered_ug += a, a = 0.0;
        settle_if_gone(i, s);
        continue;
      }
      carry(p, spec, moves, s.intrinsic_clearance_mL_s[i], tf, d);
      break_down(spec, dt, d);
      const double arterial = pool_ng_mL(d, kArteries, s.volume_mL[kArteries]);
      d.effect_ng_mL += (arterial - d.effect_ng_mL) * -std::expm1(-spec.ke0_per_min / 60.0 * dt);
      settle_if_gone(i, s);
    }
    secrete(p, dt, in.glucose_mmol_L, s);
    develop_tolerance(p, dt, s);
  }
  s.flow_mL.fill(0.0);
  s.volume_mL = in.volume_mL;
  s.ph = clampd(finite_or(in.arterial_ph, 7.4), 6.5, 8.0);
  s.myocardial_energy = clampd(finite_or(in.myocardial_energy, 1.0), 0.0, 1.0);
  s.sodium_mmol_L = clampd(finite_or(in.sodium_mmol_L, 140.0), 100.0, 200.0);
  s.ionised_calcium_mmol_L = clampd(finite_or(in.ionised_calcium_mmol_L, 1.25), 0.3, 5.0);
  update_effects(p, s);
}

}  // namespace resus::pharm
