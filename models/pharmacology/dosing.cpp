// Doses and infusions: units to micrograms, and where each route puts a dose. A flush is saline
// pushed behind a dose: it carries what sits in the injection veins or marrow toward the heart as
// that volume would wash a well-mixed segment.
#include <algorithm>
#include <cmath>
#include <limits>

#include "models/pharmacology/internal.hpp"

namespace resus::pharm {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Washes `flush_mL` through a chain of sites into the central veins, in small parts so that the
// segments wash in series.
void flush(const PharmParams& p, Route r, double flush_mL, DrugState& d) {
  int chain[3] = {};
  double volume[3] = {};
  int n = 0;
  switch (r) {
    case Route::kPeripheralIv:
      chain[n] = kAntecubitalVein, volume[n++] = p.antecubital_vein_mL;
      chain[n] = kArmVeins, volume[n++] = p.arm_veins_mL;
      break;
    case Route::kIoHumeral:
      chain[n] = kHumeralMarrow, volume[n++] = p.humeral_marrow_mL;
      chain[n] = kArmVeins, volume[n++] = p.arm_veins_mL;
      break;
    case Route::kIoTibial:
      chain[n] = kTibialMarrow, volume[n++] = p.tibial_marrow_mL;
      chain[n] = kLegVeins, volume[n++] = p.leg_veins_mL;
      break;
    case Route::kIoSternal:
      chain[n] = kSternalMarrow, volume[n++] = p.sternal_marrow_mL;
      break;
    default: return;  // nothing to push
  }
  constexpr int kParts = 20;
  const double part = std::clamp(flush_mL, 0.0, 1000.0) / kParts;
  for (int k = 0; k < kParts; ++k) {
    double moved[3];
    for (int i = 0; i < n; ++i) moved[i] = d.site[chain[i]] * -std::expm1(-part / std::max(volume[i], 1e-3));
    for (int i = 0; i < n; ++i) {
      d.site[chain[i]] -= moved[i];
      if (i + 1 < n) d.site[chain[i + 1]] += moved[i];
      else d.pool[kThoracicVeins] += moved[i];
    }
  }
}

}  // namespace

void enter(const DrugSpec& spec, const PharmParams& p, double ug, Route r, DrugState& d) noexcept {
  if (!(ug > 0.0) || !std::isfinite(ug)) return;
  d.given_ug += ug;
  double absorbed = ug;
  switch (r) {
    case Route::kPeripheralIv: d.site[kAntecubitalVein] += ug; break;
    case Route::kCentralIv: d.pool[kThoracicVeins] += ug; break;
    case Route::kIoHumeral: d.site[kHumeralMarrow] += ug; break;
    case Route::kIoTibial: d.site[kTibialMarrow] += ug; break;
    case Route::kIoSternal: d.site[kSternalMarrow] += ug; break;
    case Route::kTracheal:
      absorbed = ug * std::clamp(spec.absorbed_tracheal, 0.0, 1.0);
      d.site[kAirways] += absorbed;
      break;
    case Route::kNebulised:
      absorbed = ug * std::clamp(p.nebulised_deposition * spec.absorbed_tracheal, 0.0, 1.0);
      d.site[kAirways] += absorbed;
      break;
    case Route::kIntramuscular: d.site[kMuscle] += ug; break;
    case Route::kOral: d.site[kStomach] += ug; break;
    default: d.pool[kThoracicVeins] += ug; break;
  }
  d.eliminated_ug += ug - absorbed;  // never reaches the blood
}

void give(const PharmParams& p, Drug drug, double ug, Route r, double flush_mL,
          PharmState& s) noexcept {
  const int i = static_cast<int>(drug);
  if (i < 0 || i >= kNumDrugs) return;
  DrugState& d = s.drug[static_cast<std::size_t>(i)];
  enter(drug_spec(drug), p, ug, r, d);
  s.on_board |= 1u << i;
  // The flush washes whatever sits in those veins or that marrow, earlier doses of any drug too.
  if (flush_mL > 0.0)
    for (int k = 0; k < kNumDrugs; ++k)
      if (s.on_board & (1u << k)) flush(p, r, flush_mL, s.drug[static_cast<std::size_t>(k)]);
}

void infuse(Drug drug, double ug_s, Route r, PharmState& s) noexcept {
  const int i = static_cast<int>(drug);
  if (i < 0 || i >= kNumDrugs) return;
  DrugState& d = s.drug[static_cast<std::size_t>(i)];
  d.infusion_ug_s = std::isfinite(ug_s) ? std::max(ug_s, 0.0) : 0.0;
  d.infusion_route = static_cast<int32_t>(r);
  if (d.infusion_ug_s > 0.0) s.on_board |= 1u << i;
}

double dose_ug(Drug drug, double amount, DoseUnit u, double body_mass_kg) {
  const DrugSpec& spec = drug_spec(drug);
  if (u == DoseUnit::kDefault) u = spec.default_unit;
  switch (u) {
    case DoseUnit::kMg: return amount * 1000.0;
    case DoseUnit::kUg: return amount;
    case DoseUnit::kMmol: return spec.molar_mass_g_mol > 0.0 ? amount * spec.molar_mass_g_mol * 1000.0 : kNaN;
    case DoseUnit::kUnits: return spec.mg_per_unit > 0.0 ? amount * spec.mg_per_unit * 1000.0 : kNaN;
    case DoseUnit::kMgPerKg: return amount * body_mass_kg * 1000.0;
    case DoseUnit::kMl: return amount * spec.prep_mg_per_mL * 1000.0;
    default: return kNaN;
  }
}

double rate_ug_s(Drug drug, double amount, RateUnit u, double body_mass_kg) {
  const DrugSpec& spec = drug_spec(drug);
  switch (u) {
    case RateUnit::kUgPerKgMin: return amount * body_mass_kg / 60.0;
    case RateUnit::kUgPerMin: return amount / 60.0;
    case RateUnit::kMgPerMin: return amount * 1000.0 / 60.0;
    case RateUnit::kMgPerHour: return amount * 1000.0 / 3600.0;
    case RateUnit::kUnitsPerMin: return spec.mg_per_unit > 0.0 ? amount * spec.mg_per_unit * 1000.0 / 60.0 : kNaN;
    case RateUnit::kUnitsPerHour: return spec.mg_per_unit > 0.0 ? amount * spec.mg_per_unit * 1000.0 / 3600.0 : kNaN;
    case RateUnit::kMmolPerHour: return spec.molar_mass_g_mol > 0.0 ? amount * spec.molar_mass_g_mol * 1000.0 / 3600.0 : kNaN;
    default: return kNaN;
  }
}

}  // namespace resus::pharm
