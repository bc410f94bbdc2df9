// Adult blood and tissue values (physiology.md A.5, B.1), and each by name. Stores and demand
// scale with mass / 70 kg [U].
#include <algorithm>

#include "models/blood/blood.hpp"

namespace resus::blood {

BloodParams default_blood_params(double body_mass_kg, double hemoglobin_g_dL) {
  const double m = std::clamp(body_mass_kg, 20.0, 250.0);
  const double k = m / 70.0;
  BloodParams p{};
  p.hemoglobin_g_dL = std::clamp(hemoglobin_g_dL, 3.0, 25.0);
  p.p50_mmHg = 26.8;
  p.co2_content_at_40_mL_mL = 0.48;
  p.co2_curve_exponent = 0.40;
  p.haldane_mL_mL = 0.035;
  p.vo2_rest_mL_min = 3.5 * m;                   // B.1 row 17
  p.rq = 0.8;
  p.q10 = 2.3;
  p.myoglobin_o2_mL = 3.5 * m;                   // A.5 200-250 mL
  p.myoglobin_p50_mmHg = 2.8;
  p.tissue_o2_solubility_mL_mmHg = 0.6 * m * 1000.0 * 3.1e-5;
  p.tissue_co2_capacitance_mL_mmHg = 18.0 * k;   // [U] tuned to B.4 row 77
  p.vo2_km_mmHg = 1.0;
  p.anaerobic_co2_per_o2_debt = 0.2;             // [U]
  // Below a critical delivery (~4.5 mL/kg/min) uptake becomes supply-dependent at an extraction
  // ratio of 0.6-0.7 (Ronco 1993, JAMA 270:1724): low-flow CPR tissue cannot take its resting VO2.
  p.max_o2_extraction = 0.7;
  // 0.85 mmol/L plasma HCO3 per mmol/L SBE at constant PCO2 (Van Slyke), 0.87 whole blood to
  // plasma, 22.3 mL/mmol: 0.0165 mL/mL per mmol/L.
  p.co2_per_base_excess_mL_mL = 0.0165;
  return p;
}

namespace {

#define F(f) RESUS_FIELD(BloodParams, f)
constexpr ParamSpec<BloodParams> kTable[] = {
    {"hemoglobin_g_dL", "g/dL", 3, 25, "haemoglobin (the preset sets it: 15 for men, 13.5 for women)", F(hemoglobin_g_dL)},
    {"p50_mmHg", "mmHg", 15, 40, "PO2 of half saturation (Severinghaus)", F(p50_mmHg)},
    {"co2_content_at_40_mL_mL", "mL/mL", 0.3, 0.7, "whole-blood CO2 content at PCO2 40 mmHg", F(co2_content_at_40_mL_mL)},
    {"co2_curve_exponent", "1", 0.1, 1, "CO2 content C = C40 (P/40)^a: a", F(co2_curve_exponent)},
    {"haldane_mL_mL", "mL/mL", 0, 0.1, "extra CO2 held by fully deoxygenated blood", F(haldane_mL_mL)},
    {"vo2_rest_mL_min", "mL/min", 50, 1000, "resting O2 consumption", F(vo2_rest_mL_min)},
    {"rq", "1", 0.6, 1.1, "respiratory quotient", F(rq)},
    {"q10", "1", 1, 4, "VO2 temperature coefficient", F(q10)},
    {"myoglobin_o2_mL", "mL", 0, 1000, "myoglobin O2 at full saturation", F(myoglobin_o2_mL)},
    {"myoglobin_p50_mmHg", "mmHg", 0.5, 10, "myoglobin P50", F(myoglobin_p50_mmHg)},
    {"tissue_o2_solubility_mL_mmHg", "mL/mmHg", 0.1, 10, "dissolved O2 in tissue water", F(tissue_o2_solubility_mL_mmHg)},
    {"tissue_co2_capacitance_mL_mmHg", "mL/mmHg", 1, 200, "tissue CO2 store", F(tissue_co2_capacitance_mL_mmHg)},
    {"vo2_km_mmHg", "mmHg", 0.1, 10, "tissue PO2 of half-maximal O2 uptake", F(vo2_km_mmHg)},
    {"anaerobic_co2_per_o2_debt", "1", 0, 1, "CO2 from buffering per mL of O2 deficit", F(anaerobic_co2_per_o2_debt)},
    {"max_o2_extraction", "1", 0.3, 0.95, "highest share of delivered O2 the tissues can take", F(max_o2_extraction)},
    {"co2_per_base_excess_mL_mL", "mL/mL", 0, 0.03, "whole-blood CO2 content per mmol/L of base excess", F(co2_per_base_excess_mL_mL)},
};
#undef F

}  // namespace

std::span<const ParamSpec<BloodParams>> param_table() { return kTable; }

}  // namespace resus::blood
