// The fluids model's constants (README.md gives each source).
#include "models/fluids/fluids.hpp"

namespace resus::fluids {

FluidsParams default_fluids_params() {
  FluidsParams p{};
  // Limb capillary filtration coefficient ~0.004 mL/min/mmHg per 100 mL of tissue (Gamble 1993,
  // Christ 1997), over the ~60% of the body that is perfused soft tissue [M].
  p.filtration_coefficient_mL_min_mmHg_kg = 0.036;
  p.reflection_coefficient = 0.9;       // albumin in continuous capillaries [M]
  p.plasma_oncotic_mmHg = 25.0;         // 25-28 mmHg (Landis and Pappenheimer) [M]
  p.capillary_venous_weight = 0.8;      // pre/post-capillary resistance ~4 (Pappenheimer) [M]
  p.interstitial_compliance_mL_mmHg_kg = 10.0;  // [U] calibrated once: crystalloid retention
  p.mchc_g_dL = 33.0;                   // 32-36 g/dL [M]
  p.capillary_tau_s = 5.0;
  return p;
}

namespace {

#define F(f) RESUS_FIELD(FluidsParams, f)
constexpr ParamSpec<FluidsParams> kTable[] = {
    {"capillary_filtration_mL_min_mmHg_kg", "mL/min/mmHg/kg", 0, 1, "whole-body capillary filtration coefficient per kg", F(filtration_coefficient_mL_min_mmHg_kg)},
    {"protein_reflection_coefficient", "1", 0, 1, "reflection coefficient of the capillary wall to the plasma proteins", F(reflection_coefficient)},
    {"plasma_oncotic_mmHg", "mmHg", 5, 50, "plasma colloid osmotic pressure at rest", F(plasma_oncotic_mmHg)},
    {"capillary_venous_weight", "1", 0, 1, "share of venous pressure in the capillary pressure (post/pre resistance)", F(capillary_venous_weight)},
    {"interstitial_compliance_mL_mmHg_kg", "mL/mmHg/kg", 1, 1000, "interstitial volume per mmHg of interstitial pressure, per kg", F(interstitial_compliance_mL_mmHg_kg)},
    {"mchc_g_dL", "g/dL", 25, 40, "haemoglobin per dL of red cells", F(mchc_g_dL)},
    {"capillary_tau_s", "s", 0.5, 60, "low-pass time constant of the capillary pressure", F(capillary_tau_s)},
};
#undef F

}  // namespace

std::span<const ParamSpec<FluidsParams>> param_table() { return kTable; }

}  // namespace resus::fluids
