// Transcapillary fluid exchange and the blood's cells and proteins (README.md gives the
// equations and the sources).
#include "models/fluids/fluids.hpp"

#include <algorithm>

namespace resus::fluids {
namespace {

// Packed cells in additive solution (Hct ~0.6) carry little plasma; donated whole blood is
// diluted by its anticoagulant; thawed plasma too [M]. Specific heats per mL: saline as water
// (4.18 J/g/C) at its density, blood 3.6 J/g/C at 1.05 g/mL, red cells less (their protein),
// plasma between [M: IT'IS tissue database].
constexpr FluidSpec kFluids[] = {
    {0.0, 0.0, 4.1},    // crystalloid
    {0.0, 1.0, 4.0},    // colloid (5% albumin: iso-oncotic)
    {20.0, 0.1, 3.5},   // packed red cells
    {12.5, 0.55, 3.8},  // whole blood
    {0.0, 0.9, 4.0},    // plasma
};
static_assert(sizeof(kFluids) / sizeof(kFluids[0]) == kNumFluidKinds);

constexpr double kMaxFiltration_mL_s = 10.0;  // far above any Starling flux: a guard only

double capillary_pressure(const FluidsParams& p, const FluidsInputs& in) {
  return p.capillary_venous_weight * in.venous_mmHg + (1.0 - p.capillary_venous_weight) * in.arterial_mmHg;
}

double red_cell_volume_mL(const FluidsParams& p, const FluidsState& s) {
  return s.hemoglobin_g * 100.0 / p.mchc_g_dL;
}

}  // namespace

const FluidSpec& fluid_spec(FluidKind k) { return kFluids[static_cast<int>(k)]; }

void set_rest(const FluidsParams& p, double blood_volume_mL, double hemoglobin_g_dL,
              FluidsState& s) {
  s.active = 1;
  s.hemoglobin_g = hemoglobin_g_dL * blood_volume_mL / 100.0;
  s.protein_mL = blood_volume_mL - red_cell_volume_mL(p, s);
  s.interstitial_excess_mL = 0.0;
  s.rest_capillary_mmHg = s.capillary_mmHg;
  s.filtration_mL_s = 0.0;
}

void track_capillary(const FluidsParams& p, const FluidsInputs& in, FluidsState& s) {
  const double a = std::min(in.dt_s / p.capillary_tau_s, 1.0);
  s.capillary_mmHg += (capillary_pressure(p, in) - s.capillary_mmHg) * a;
}

void step(const FluidsParams& p, double body_mass_kg, const FluidsInputs& in, FluidsState& s) {
  track_capillary(p, in, s);
  if (!s.active) return;
  const double volume = std::max(in.blood_volume_mL, 1.0);
  // Whole blood leaves with the cells and the protein it holds.
  const double lost = std::clamp(in.lost_mL / volume, 0.0, 1.0);
  s.hemoglobin_g = std::max(s.hemoglobin_g * (1.0 - lost) + in.infused_hemoglobin_g, 0.0);
  s.protein_mL = std::max(s.protein_mL * (1.0 - lost) + in.infused_protein_mL, 0.0);
  // Starling: the capillary's hydrostatic pressure against the interstitium's, which rises as
  // fluid enters it, and the plasma proteins' oncotic pull, each as its change from rest (at
  // rest filtration balances the lymph).
  const FluidsReadout r = readout(p, s, volume);
  const double kf = p.filtration_coefficient_mL_min_mmHg_kg * body_mass_kg / 60.0;  // mL/s/mmHg
  const double interstitial =
      s.interstitial_excess_mL / (p.interstitial_compliance_mL_mmHg_kg * body_mass_kg);
  const double oncotic = p.reflection_coefficient * (r.oncotic_mmHg - p.plasma_oncotic_mmHg);
  double j = kf * ((s.capillary_mmHg - s.rest_capillary_mmHg) - interstitial - oncotic);
  // Plasma cannot leave a circulation that has almost none.
  if (r.plasma_volume_mL < 500.0) j = std::min(j, 0.0);
  s.filtration_mL_s = std::clamp(j, -kMaxFiltration_mL_s, kMaxFiltration_mL_s);
  s.interstitial_excess_mL += s.filtration_mL_s * in.dt_s;
}

FluidsReadout readout(const FluidsParams& p, const FluidsState& s, double blood_volume_mL) {
  FluidsReadout r{};
  const double volume = std::max(blood_volume_mL, 1.0);
  const double cells = std::min(red_cell_volume_mL(p, s), 0.9 * volume);
  r.hematocrit = cells / volume;
  r.hemoglobin_g_dL = r.hematocrit * p.mchc_g_dL;
  r.plasma_volume_mL = volume - cells;
  r.oncotic_mmHg = p.plasma_oncotic_mmHg * s.protein_mL / r.plasma_volume_mL;
  return r;
}

void check_state(const FluidsState& s, StateCheck& c) {
  using namespace bounds;
  c.flag("fluids.active", s.active)
      .in("fluids.hemoglobin_g", s.hemoglobin_g, 0.0, 1e4)
      .in("fluids.protein_mL", s.protein_mL, 0.0, kVolume_mL)
      .in("fluids.interstitial_excess_mL", s.interstitial_excess_mL, -kVolume_mL, kVolume_mL)
      .in("fluids.capillary_mmHg", s.capillary_mmHg, -kPressure_mmHg, kPressure_mmHg)
      .in("fluids.rest_capillary_mmHg", s.rest_capillary_mmHg, -kPressure_mmHg, kPressure_mmHg)
      .in("fluids.filtration_mL_s", s.filtration_mL_s, -kMaxFiltration_mL_s, kMaxFiltration_mL_s);
}

}  // namespace resus::fluids
