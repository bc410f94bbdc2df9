// The chemistry's tick: what enters and leaves each solute's compartments, for the blood to
// carry; and the readout from the pools. README.md gives the equations in words and sources.
#include <algorithm>
#include <cmath>

#include "models/chemistry/chemistry.hpp"

namespace resus::chem {
namespace {

constexpr double kLn2 = 0.6931471805599453;
constexpr double kCo2_mL_per_mmol = 22.26;  // STPD
constexpr double kNormalPotassium_mmol_L = 4.2;
constexpr double kPlasmaWater = 0.93;  // share of plasma that is water (the solutes' volume) [M]
// Sources are in the blood model's units: concentration (mmol/L) x mL per s.
constexpr double kPerMmol = 1000.0;

double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
double finite_or(double x, double fallback) { return std::isfinite(x) ? x : fallback; }

// What one mmol of each infusate brings (per mmol of the salt, or of glucose).
struct Load {
  double base, sodium, potassium, calcium, glucose, magnesium, co2_mL;
};
constexpr Load kLoads[] = {
    {1, 1, 0, 0, 0, 0, kCo2_mL_per_mmol},  // sodium bicarbonate: a strong cation with its base
    {0, 0, 0, 1, 0, 0, 0},                 // calcium chloride
    {0, 0, 0, 1, 0, 0, 0},                 // calcium gluconate
    {0, 0, 1, 0, 0, 0, 0},                 // potassium chloride
    {0, 0, 0, 0, 1, 0, 0},                 // glucose
    {0, 0, 0, 0, 0, 1, 0},                 // magnesium sulfate
    {0, 1, 0, 0, 0, 0, 0},                 // sodium chloride (its chloride leaves the SID as it was)
};
static_assert(sizeof(kLoads) / sizeof(kLoads[0]) == kNumInfusates);

double resting(const ChemParams& p, int solute) {
  switch (solute) {
    case kBufferBase: return blood::kNormalBufferBase_mmol_L + p.base_excess_mmol_L;
    case kLactate: return p.lactate_mmol_L;
    case kPotassium: return p.potassium_mmol_L;
    case kCalcium: return p.ionised_calcium_mmol_L;
    case kGlucose: return p.glucose_mmol_L;
    case kSodium: return p.sodium_mmol_L;
    case kMagnesium: return p.magnesium_mmol_L;
    default: return 0.0;
  }
}

// The blood's own volume, as the distribution volumes are counted from it: 70 mL/kg.
double blood_share_mL(const ChemParams& p) { return 70.0 * p.body_mass_kg; }

}  // namespace

double tissue_volume_mL(const ChemParams& p, int solute) {
  // Sodium stays outside the cells but draws water out of them until the osmolalities agree: a
  // load changes its concentration as if spread through all body water (Adrogue and Madias
  // 2000; 100 mmol of bicarbonate raises it a median 2.5 mmol/L in tricyclic poisoning, Australian
  // toxicology units 2013-2019).
  const double per_kg = solute == kBufferBase || solute == kLactate ? p.buffer_volume_L_kg
                        : solute == kSodium                        ? p.body_water_L_kg
                                                                   : p.ecf_volume_L_kg;
  return std::max(per_kg * 1000.0 * p.body_mass_kg - blood_share_mL(p), 0.1 * blood_share_mL(p));
}

void fill_resting_pools(const ChemParams& p, blood::BloodState& pools) {
  pools.species = kNumSpecies;
  for (int i = kBufferBase; i < kEndSolutes; ++i) {
    const double c = resting(p, i);
    pools.arterial[i] = c;
    pools.venous[i] = c;
    pools.tissue[i] = c * tissue_volume_mL(p, i);
  }
}

ChemState initial_state(const ChemParams& p, const blood::BloodState& pools,
                        double rest_systemic_flow_mL_s) {
  ChemState s{};
  s.icf_potassium_mmol = s.icf_reference_mmol = p.icf_potassium_mmol;
  s.adapted_potassium_mmol_L = p.potassium_mmol_L;  // a resting level is a chronic one
  s.rest_systemic_flow_mL_s = std::max(finite_or(rest_systemic_flow_mL_s, 80.0), 1.0);
  s.mean_systemic_flow_mL_s = s.rest_systemic_flow_mL_s;
  read(p, pools.arterial, pools.venous, pools.tissue, s);
  return s;
}

void set_rest(const ChemParams& p, blood::BloodState& pools, ChemState& s) {
  s.rest_systemic_flow_mL_s = std::max(s.mean_systemic_flow_mL_s, 1.0);
  s.icf_potassium_mmol = s.icf_reference_mmol = p.icf_potassium_mmol;
  s.adapted_potassium_mmol_L = p.potassium_mmol_L;
  fill_resting_pools(p, pools);
  read(p, pools.arterial, pools.venous, pools.tissue, s);
}

void tick(const ChemParams& p, const ChemInputs& in, ChemState& s, blood::BloodInputs& out) noexcept {
  const double dt = clampd(finite_or(in.dt_s, 0.0), 0.0, 1.0);
  for (int i = kBufferBase; i < kEndSolutes; ++i) {
    out.tissue_volume_mL[i] = tissue_volume_mL(p, i);
    out.tissue_source[i] = 0.0;
    out.venous_source[i] = 0.0;
  }
  if (!(dt > 0.0)) return;
  auto tissue = [&](int i) { return std::max(in.tissue[i], 0.0) / out.tissue_volume_mL[i]; };
  const double qs = clampd(finite_or(in.systemic_flow_mL, 0.0), 0.0, 1e4) / dt;
  s.mean_systemic_flow_mL_s += (qs - s.mean_systemic_flow_mL_s) * -std::expm1(-dt / 30.0);
  const double flow_ratio = clampd(s.mean_systemic_flow_mL_s / s.rest_systemic_flow_mL_s, 0.0, 2.0);
  const double deficit = std::max(finite_or(in.o2_deficit_mL_s, 0.0), 0.0);
  const double vo2 = std::max(finite_or(in.vo2_mL_s, 0.0), 0.0);
  // The membrane's adaptation follows the plasma potassium over days.
  s.adapted_potassium_mmol_L +=
      (clampd(finite_or(in.arterial[kPotassium], s.adapted_potassium_mmol_L), 0.0, 20.0) -
       s.adapted_potassium_mmol_L) *
      -std::expm1(-dt / (3600.0 * std::max(p.potassium_adaptation_tau_h, 1.0)));

  // Lactate: a resting production the liver clears at rest, plus what the tissue's unmet O2
  // demand makes; cleared by the liver in proportion to its flow, never faster than it flows.
  // Lactic acid takes its base with it, and its clearance gives it back.
  const double buffer_mL = p.buffer_volume_L_kg * 1000.0 * p.body_mass_kg;
  const double cl_rest = buffer_mL * kLn2 / (p.lactate_half_life_min * 60.0);
  const double cl = std::min(cl_rest * flow_ratio, p.hepatic_flow_share * s.mean_systemic_flow_mL_s);
  // Aerobic glycolysis fuels the muscle's Na/K pump (James 1999; Levy 2005): what beta-2
  // agonists (and insulin) add to the pump's drive adds to the resting production, and a
  // beta-blocker takes it away. Only the aerobic share of the tissue's metabolism makes it: an
  // ischaemic cell's glycolysis is already the deficit's lactate, counted below.
  const double aerobic = vo2 + deficit > 0.0 ? vo2 / (vo2 + deficit) : 1.0;
  const double pump = clampd(finite_or(in.potassium_uptake_scale, 1.0), 0.1, 10.0);
  const double glycolysis =
      std::max(1.0 + p.lactate_per_pump_drive * (pump - 1.0) * aerobic, 0.0);
  const double made = cl_rest * p.lactate_mmol_L * glycolysis +
                      p.lactate_per_o2_deficit_mmol_mL * deficit * kPerMmol;
  const double cleared = cl * tissue(kLactate);
  out.tissue_source[kLactate] = made - cleared;
  out.tissue_source[kBufferBase] = cleared - made;
  s.lactate_made_mmol += made / kPerMmol * dt;
  s.lactate_cleared_mmol += cleared / kPerMmol * dt;

  // Potassium: the Na/K pump takes extracellular potassium into the cells at a rate its drive
  // sets; the cells let it back out steeply as they fill (their content to a power n chosen so
  // that at equilibrium they hold a set share of an acute load, the rest staying extracellular).
  // At rest the two balance. The drive rises with beta-2 agonists and insulin, falls without
  // aerobic metabolism and with a mineral (not lactic) acidosis.
  const double ecf_mL = p.ecf_volume_L_kg * 1000.0 * p.body_mass_kg;
  const double k_rate = ecf_mL / (p.potassium_shift_tau_min * 60.0);
  const double ischaemia = 1.0 - p.potassium_ischaemic_pump_loss * (1.0 - aerobic);
  const double mineral = (tissue(kBufferBase) - resting(p, kBufferBase)) +
                         (tissue(kLactate) - p.lactate_mmol_L);
  const double acid = std::exp(p.potassium_acidosis_per_mmol * std::min(mineral, 0.0) +
                               p.potassium_alkalosis_per_mmol * std::max(mineral, 0.0));
  const double drive = pump * ischaemia * acid;
  const double uptake = k_rate * drive * tissue(kPotassium);
  const double share = clampd(p.potassium_cell_buffer_share, 0.01, 0.99);
  const double icf0 = std::max(s.icf_reference_mmol, 1.0);
  const double n = (1.0 - share) / share * icf0 / (ecf_mL / 1000.0 * p.potassium_mmol_L);
  // The membrane's potassium channels carry at most kMaxLeak times the resting leak, however
  // full the cells are [U]: a cap that only a cell far above its resting content reaches.
  constexpr double kMaxLeak = 20.0;
  const double leak = k_rate * p.potassium_mmol_L *
                      std::min(std::pow(std::max(s.icf_potassium_mmol / icf0, 1e-3), n), kMaxLeak);
  // Cells injured by the O2 deficit give up their potassium for good: the living cells' reference
  // content falls with it, so that the others do not take it back. At most half the cells'
  // potassium goes this way (a day of arrest gets there).
  const double lysable = std::max(s.icf_reference_mmol - 0.5 * p.icf_potassium_mmol, 0.0);
  const double lysis = std::min({p.potassium_lysis_mmol_per_mL * deficit, lysable / dt,
                                 s.icf_potassium_mmol / dt});  // mmol/s
  s.icf_reference_mmol -= lysis * dt;
  // The leak is steep (the cells' content to the power n ~40), so an explicit tick could carry
  // the cells past the content where leak and uptake balance and oscillate without bound: the
  // tick's transfer stops there.
  double net = uptake - leak;  // into the cells, content x mL per s
  const double balance_mmol =
      icf0 * std::pow(std::clamp(uptake / (k_rate * p.potassium_mmol_L), 1e-300, kMaxLeak), 1.0 / n);
  const double room = balance_mmol - s.icf_potassium_mmol;
  if ((net > 0.0 && room >= 0.0 && net / kPerMmol * dt > room) ||
      (net < 0.0 && room <= 0.0 && net / kPerMmol * dt < room))
    net = room * kPerMmol / dt;
  out.tissue_source[kPotassium] = -net + lysis * kPerMmol;
  s.icf_potassium_mmol = std::max(s.icf_potassium_mmol + (net / kPerMmol - lysis) * dt, 0.0);
  // The kidneys excrete what is above rest, with their flow; a condition adds or removes.
  const double renal = p.renal_potassium_clearance_mL_min / 60.0 * std::min(flow_ratio, 1.0) *
                       std::max(in.arterial[kPotassium] - p.potassium_mmol_L, 0.0);
  // Losses taper below 2 mmol/L; an intake (a failing kidney's balance, a running infusion)
  // stops adding once the venous blood holds 30, far past any beating heart.
  double k_in = s.potassium_intake_mmol_s * kPerMmol;
  if (k_in < 0.0) k_in *= clampd(in.venous[kPotassium] / 2.0, 0.0, 1.0);
  else k_in *= clampd((30.0 - in.venous[kPotassium]) / 10.0, 0.0, 1.0);
  out.venous_source[kPotassium] = k_in - renal;
  s.potassium_excreted_mmol += renal / kPerMmol * dt;
  s.potassium_in_mmol += k_in / kPerMmol * dt;

  // Calcium and magnesium return to rest (binding, bone and parathyroid; the kidneys).
  out.tissue_source[kCalcium] = -(tissue(kCalcium) - p.ionised_calcium_mmol_L) * ecf_mL * kLn2 /
                                (p.calcium_half_life_min * 60.0);
  out.tissue_source[kMagnesium] = -(tissue(kMagnesium) - p.magnesium_mmol_L) * ecf_mL * kLn2 /
                                  (p.magnesium_half_life_min * 60.0);

  // Glucose: the liver makes what the body uses at rest; insulin raises uptake in proportion to
  // glucose and holds the liver's output back, at lower levels than it raises the uptake.
  const double g_scale = clampd(finite_or(in.glucose_uptake_scale, 1.0), 0.1, 20.0);
  const double g_rest = p.glucose_uptake_mmol_min / 60.0 * kPerMmol;
  // Below rest, glucagon and the catecholamines raise the liver's output.
  const double counter =
      1.0 + p.glucose_counterregulation_per_mmol * std::max(p.glucose_mmol_L - tissue(kGlucose), 0.0);
  out.tissue_source[kGlucose] =
      g_rest * counter * std::exp(-p.glucose_output_insulin_suppression * std::min(g_scale - 1.0, 10.0)) -
      g_rest * g_scale * tissue(kGlucose) / p.glucose_mmol_L;

  // A strong acid given at a rate, for an amount.
  if (s.acid_rate_mmol_s > 0.0) {
    double given = s.acid_rate_mmol_s * dt;
    if (s.acid_left_mmol > 0.0) {
      given = std::min(given, s.acid_left_mmol);
      s.acid_left_mmol -= given;
      if (s.acid_left_mmol <= 1e-12) s.acid_left_mmol = 0.0, s.acid_rate_mmol_s = 0.0;
    }
    out.venous_source[kBufferBase] -= given * kPerMmol / dt;
    s.acid_given_mmol += given;
  }

  // Haemodialysis: a pump draws blood from a central vein through the dialyser and returns it
  // there. The solutes cross from the plasma water (red cells keep their potassium over one pass:
  // 98.7 mmol/L in, 97.7 out, PMID 11280036), each
  // toward the bath's concentration, at the dialyser's clearance; bicarbonate comes in from the
  // bath with its CO2 as a bicarbonate infusion does. The bath holds no lactate. No
  // ultrafiltration: the blood's volume is unchanged.
  if (s.dialysis_blood_flow_mL_s > 0.0) {
    const double hct = clampd(finite_or(in.hematocrit, 0.4), 0.0, 0.8);
    const double clearance =
        dialyser_clearance_mL_min(p.dialyser_k0a_mL_min,
                                  s.dialysis_blood_flow_mL_s * 60.0 * (1.0 - hct) * kPlasmaWater,
                                  p.dialysate_flow_mL_min) /
        60.0;  // mL/s
    auto bath = [&](int i) {
      switch (i) {
        // The bath's bicarbonate as a buffer base: plasma's bicarbonate is 24 at a base excess
        // of 0, so the bath's excess is its bicarbonate above 24.
        case kBufferBase:
          return blood::kNormalBufferBase_mmol_L + s.dialysate_bicarbonate_mmol_L - 24.0;
        case kPotassium: return s.dialysate_potassium_mmol_L;
        case kCalcium: return p.dialysate_calcium_mmol_L;
        case kGlucose: return p.dialysate_glucose_mmol_L;
        case kSodium: return p.dialysate_sodium_mmol_L;
        case kMagnesium: return p.dialysate_magnesium_mmol_L;
        default: return 0.0;  // lactate
      }
    };
    for (int i = kBufferBase; i < kEndSolutes; ++i) {
      const double out_of_blood = clearance * (std::max(in.venous[i], 0.0) - bath(i));
      out.venous_source[i] -= out_of_blood;
      if (i == kPotassium) s.potassium_dialysed_mmol += out_of_blood / kPerMmol * dt;
      if (i == kLactate) s.lactate_dialysed_mmol += out_of_blood / kPerMmol * dt;
      if (i == kBufferBase) {
        out.venous_source[blood::kCO2] -= out_of_blood / kPerMmol * kCo2_mL_per_mmol;
        s.base_dialysed_mmol += out_of_blood / kPerMmol * dt;
      }
    }
  }

  // Doses that reached the central veins this tick.
  for (int k = 0; k < kNumInfusates; ++k) {
    const double mmol = std::max(finite_or(in.delivered_mmol[k], 0.0), 0.0);
    if (mmol == 0.0) continue;
    const Load& l = kLoads[k];
    const double per_s = mmol * kPerMmol / dt;
    out.venous_source[kBufferBase] += l.base * per_s;
    out.venous_source[kSodium] += l.sodium * per_s;
    out.venous_source[kPotassium] += l.potassium * per_s;
    out.venous_source[kCalcium] += l.calcium * p.ionised_calcium_share * per_s;
    out.venous_source[kGlucose] += l.glucose * per_s;
    out.venous_source[kMagnesium] += l.magnesium * per_s;
    out.venous_source[blood::kCO2] += l.co2_mL * mmol / dt;
    s.base_given_mmol += l.base * mmol;
    s.potassium_in_mmol += l.potassium * mmol;
  }
}

void read(const ChemParams& p, const blood::Amounts& a, const blood::Amounts& venous,
          const blood::Amounts& tissue, ChemState& s) noexcept {
  ChemReadout& o = s.out;
  o.base_excess_mmol_L = a[kBufferBase] - blood::kNormalBufferBase_mmol_L;
  o.lactate_mmol_L = a[kLactate];
  o.lactate_venous_mmol_L = venous[kLactate];
  o.potassium_mmol_L = a[kPotassium];
  o.ionised_calcium_mmol_L = a[kCalcium];
  o.glucose_mmol_L = a[kGlucose];
  o.sodium_mmol_L = a[kSodium];
  o.magnesium_mmol_L = a[kMagnesium];
  o.tissue_lactate_mmol_L = tissue[kLactate] / tissue_volume_mL(p, kLactate);
  o.tissue_potassium_mmol_L = tissue[kPotassium] / tissue_volume_mL(p, kPotassium);
  // The myocardium feels potassium through this patient's sensitivity, less the share of a raised
  // level it has adapted to (which only takes back an excess: an adapted patient dialysed below
  // normal feels what his plasma holds); calcium above rest raises the thresholds (its membrane
  // effect; it does not lower potassium).
  const double excess = std::max(o.potassium_mmol_L - kNormalPotassium_mmol_L, 0.0);
  o.membrane_stability_mmol_L =
      p.calcium_membrane_mmol_per_mmol * (o.ionised_calcium_mmol_L - p.ionised_calcium_mmol_L) +
      (1.0 - p.potassium_ecg_sensitivity) * (o.potassium_mmol_L - kNormalPotassium_mmol_L) +
      std::min(p.potassium_membrane_adaptation *
                   std::max(s.adapted_potassium_mmol_L - kNormalPotassium_mmol_L, 0.0),
               excess);
}

double solute_in_body_mmol(const blood::BloodState& b, const ChemState& s, int solute,
                           double arterial_mL, double venous_mL) {
  const double pools = (b.arterial[solute] * arterial_mL + b.venous[solute] * venous_mL + b.tissue[solute]) / kPerMmol;
  return solute == kPotassium ? pools + s.icf_potassium_mmol : pools;
}

void start_condition(Condition c, double rate_mmol_h, double amount_mmol, ChemState& s) noexcept {
  const double rate = std::max(finite_or(rate_mmol_h, 0.0), 0.0) / 3600.0;
  switch (c) {
    case Condition::kHyperkalaemia: s.potassium_intake_mmol_s = rate; break;
    case Condition::kHypokalaemia: s.potassium_intake_mmol_s = -rate; break;
    case Condition::kAcidLoad:
      s.acid_rate_mmol_s = rate;
      s.acid_left_mmol = std::max(finite_or(amount_mmol, 0.0), 0.0);
      break;
    default: break;
  }
}

void stop_condition(Condition c, ChemState& s) noexcept {
  switch (c) {
    case Condition::kHyperkalaemia:
    case Condition::kHypokalaemia: s.potassium_intake_mmol_s = 0.0; break;
    case Condition::kAcidLoad: s.acid_rate_mmol_s = 0.0, s.acid_left_mmol = 0.0; break;
    default: break;
  }
}

void set_dialysis(double blood_flow_mL_min, double potassium_mmol_L, double bicarbonate_mmol_L,
                  ChemState& s) noexcept {
  s.dialysis_blood_flow_mL_s = clampd(finite_or(blood_flow_mL_min, 0.0), 0.0, 1000.0) / 60.0;
  s.dialysate_potassium_mmol_L = clampd(finite_or(potassium_mmol_L, 2.0), 0.0, 10.0);
  s.dialysate_bicarbonate_mmol_L = clampd(finite_or(bicarbonate_mmol_L, 35.0), 0.0, 60.0);
}

double dialyser_clearance_mL_min(double k0a_mL_min, double plasma_mL_min,
                                 double dialysate_mL_min) noexcept {
  const double qb = std::max(finite_or(plasma_mL_min, 0.0), 0.0);
  const double qd = std::max(finite_or(dialysate_mL_min, 0.0), 1e-9);
  const double k0a = std::max(finite_or(k0a_mL_min, 0.0), 0.0);
  if (qb <= 0.0) return 0.0;
  // Counter-current exchanger: extraction (e^(N(1-Z)) - 1) / (e^(N(1-Z)) - Z), N = K0A/Qb,
  // Z = Qb/Qd; N/(1+N) when the flows are equal.
  const double n = std::min(k0a / qb, 50.0), z = qb / qd;
  const double extraction = std::abs(1.0 - z) < 1e-9
                                ? n / (1.0 + n)
                                : std::expm1(n * (1.0 - z)) / (std::exp(n * (1.0 - z)) - z);
  return qb * clampd(extraction, 0.0, 1.0);
}

void check_state(const ChemState& s, StateCheck& c) {
  constexpr double kBig = 1e9;
  c.in("chemistry.icf_potassium_mmol", s.icf_potassium_mmol, 0.0, 1e6)
      .in("chemistry.icf_reference_mmol", s.icf_reference_mmol, 1.0, 1e6)
      .in("chemistry.adapted_potassium_mmol_L", s.adapted_potassium_mmol_L, 0.0, 20.0)
      .in("chemistry.rest_systemic_flow_mL_s", s.rest_systemic_flow_mL_s, 1.0, 1e4)
      .in("chemistry.mean_systemic_flow_mL_s", s.mean_systemic_flow_mL_s, 0.0, 1e4)
      .in("chemistry.potassium_intake_mmol_s", s.potassium_intake_mmol_s, -10.0, 10.0)
      .in("chemistry.acid_rate_mmol_s", s.acid_rate_mmol_s, 0.0, 100.0)
      .in("chemistry.acid_left_mmol", s.acid_left_mmol, 0.0, 1e5)
      .in("chemistry.dialysis_blood_flow_mL_s", s.dialysis_blood_flow_mL_s, 0.0, 1000.0 / 60.0)
      .in("chemistry.dialysate_potassium_mmol_L", s.dialysate_potassium_mmol_L, 0.0, 10.0)
      .in("chemistry.dialysate_bicarbonate_mmol_L", s.dialysate_bicarbonate_mmol_L, 0.0, 60.0)
      .in("chemistry.potassium_dialysed_mmol", s.potassium_dialysed_mmol, -kBig, kBig)
      .in("chemistry.base_dialysed_mmol", s.base_dialysed_mmol, -kBig, kBig)
      .in("chemistry.lactate_dialysed_mmol", s.lactate_dialysed_mmol, -kBig, kBig)
      .in("chemistry.potassium_in_mmol", s.potassium_in_mmol, -kBig, kBig)
      .in("chemistry.potassium_excreted_mmol", s.potassium_excreted_mmol, 0.0, kBig)
      .in("chemistry.acid_given_mmol", s.acid_given_mmol, 0.0, kBig)
      .in("chemistry.base_given_mmol", s.base_given_mmol, 0.0, kBig)
      .in("chemistry.lactate_made_mmol", s.lactate_made_mmol, 0.0, kBig)
      .in("chemistry.lactate_cleared_mmol", s.lactate_cleared_mmol, 0.0, kBig);
  const ChemReadout& o = s.out;
  int i = 0;
  for (double v : {o.base_excess_mmol_L, o.lactate_mmol_L, o.lactate_venous_mmol_L,
                   o.potassium_mmol_L, o.ionised_calcium_mmol_L, o.glucose_mmol_L,
                   o.sodium_mmol_L, o.magnesium_mmol_L, o.tissue_lactate_mmol_L,
                   o.tissue_potassium_mmol_L, o.membrane_stability_mmol_L})
    c.in("chemistry.out", v, -1e6, 1e6, i++);
}

MagnesiumEffects magnesium_effects(const ChemParams& p, double magnesium_mmol_L,
                                   double ionised_calcium_mmol_L) {
  // 0 below lo, 1 above hi, a smooth step between.
  const auto ramp = [](double x, const double (&range)[2]) {
    const double u = clampd((x - range[0]) / std::max(range[1] - range[0], 1e-6), 0.0, 1.0);
    return u * u * (3.0 - 2.0 * u);
  };
  const double calcium = std::max(finite_or(ionised_calcium_mmol_L, p.ionised_calcium_mmol_L) -
                                      p.ionised_calcium_mmol_L,
                                  0.0);
  const double mg = finite_or(magnesium_mmol_L, 0.0) - p.magnesium_calcium_antagonism * calcium;
  MagnesiumEffects e;
  e.systemic_resistance = 1.0 - p.magnesium_vasodilation * ramp(mg, p.magnesium_vasodilation_mmol_L);
  const double nodal = ramp(mg, p.magnesium_nodal_mmol_L);
  e.chronotropy = 1.0 - 0.4 * nodal;    // bradycardia
  e.av_conduction = 1.0 - 0.95 * nodal; // PR lengthens, then the node blocks
  e.respiratory_drive = 1.0 - 0.97 * ramp(mg, p.magnesium_respiratory_mmol_L);
  return e;
}

double potassium_chronotropy(const ChemParams& p, double felt_potassium_mmol_L) {
  const double lo = p.potassium_sinus_mmol_L[0], hi = p.potassium_sinus_mmol_L[1];
  const double u =
      clampd((finite_or(felt_potassium_mmol_L, 4.2) - lo) / std::max(hi - lo, 1e-6), 0.0, 1.0);
  return 1.0 - p.potassium_sinus_slowing * u * u * (3.0 - 2.0 * u);
}

double anion_gap(const ChemParams& p, double lactate_mmol_L, double plasma_protein_ratio) {
  const double protein = clampd(finite_or(plasma_protein_ratio, 1.0), 0.0, 5.0);
  return p.anion_gap_mmol_L - p.anion_gap_albumin_mmol_L * (1.0 - protein) +
         (finite_or(lactate_mmol_L, p.lactate_mmol_L) - p.lactate_mmol_L);
}

double acidosis_contractility(const ChemParams& p, double arterial_ph) {
  const double below = std::max(p.acidosis_threshold_ph - arterial_ph, 0.0);
  return std::exp(-std::min(below, 2.0) / p.acidosis_contractility_ph_scale);
}

}  // namespace resus::chem
