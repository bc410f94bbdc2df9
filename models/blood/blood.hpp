// Blood: the vascular pools (arterial, mixed venous) and the tissue compartment, and the
// transport of dissolved species between them by the circulation's own flows, for any number of
// species. O2 and CO2 are the first two (their tissue exchange follows the O2 and CO2
// dissociation curves, myoglobin, metabolism and the extraction limit); later species (drugs,
// ions) exchange with the tissue linearly through the same transport. Whole-blood O2 and CO2
// chemistry lives here too, for the lungs to equilibrate against. physiology.md A.5.
// Pure: no heap, no I/O, no exceptions; the state is one trivially copyable struct.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <type_traits>

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"

namespace resus::blood {

struct BloodParams {
  double hemoglobin_g_dL;                 // Hb [M 12-16]
  double p50_mmHg;                        // Severinghaus 1979 [M 26.8]
  double co2_content_at_40_mL_mL;         // whole-blood CO2 content at PCO2 40 [M 0.48]
  double co2_curve_exponent;              // C = C40 (P/40)^a [U, slope ~0.5 vol%/mmHg]
  double haldane_mL_mL;                   // extra CO2 in fully deoxygenated blood [U ~0.035]
  double vo2_rest_mL_min;                 // [M 3.5 mL/kg/min]
  double rq;                              // [M 0.8]
  double q10;                             // VO2 temperature coefficient [M 2-2.5]
  double myoglobin_o2_mL;                 // myoglobin O2 at full saturation [M 200-250]
  double myoglobin_p50_mmHg;              // [M 2.8]
  double tissue_o2_solubility_mL_mmHg;    // dissolved O2 in tissue water [M 0.6 L/kg x 3.1e-5]
  double tissue_co2_capacitance_mL_mmHg;  // tissue CO2 store [U tuned to B.4 row 77]
  double vo2_km_mmHg;                     // tissue PO2 of half-maximal uptake [U ~1]
  double anaerobic_co2_per_o2_debt;       // CO2 from buffering per mL O2 deficit [U]
  double max_o2_extraction;               // highest share of delivered O2 tissue can take [V 0.6-0.7]
  double co2_per_base_excess_mL_mL;       // CO2 content per mmol/L of base excess [M derived]
};

// Adult values for a mass and a haemoglobin; each parameter by name.
BloodParams default_blood_params(double body_mass_kg, double hemoglobin_g_dL);
std::span<const ParamSpec<BloodParams>> param_table();

// ---- whole-blood O2 and CO2 chemistry -------------------------------------------------------
// Acid-base from PCO2 and the standard base excess (Van Slyke equation, Siggaard-Andersen 1977)
// with Henderson-Hasselbalch: pH and plasma bicarbonate.
// `guess`: a caller's last answer, to converge in fewer steps (outside 6.3-8.0: none).
double ph_from(double pco2_mmHg, double base_excess_mmol_L, double guess = 0.0);
double hco3_from(double pco2_mmHg, double ph);
inline double ph_hh(double pco2_mmHg) { return ph_from(pco2_mmHg, 0.0); }
double o2_saturation(double po2_mmHg, double ph, double temp_C, double p50_mmHg);
double o2_content(double po2_mmHg, double ph, double temp_C, double hb_g_dL, double p50_mmHg);
double po2_from_content(double c, double ph, double temp_C, double hb_g_dL, double p50_mmHg,
                        double guess_mmHg);
// Whole-blood CO2 content at a PCO2, O2 saturation and base excess, and its inverse.
double co2_content(double pco2_mmHg, double sat, double base_excess_mmol_L, const BloodParams& p);
double pco2_from_content(double c, double sat, double base_excess_mmol_L, const BloodParams& p);
inline double co2_content(double pco2_mmHg, double sat, const BloodParams& p) {
  return co2_content(pco2_mmHg, sat, 0.0, p);
}
double tissue_o2_store(double po2_mmHg, const BloodParams& p);
double tissue_po2_from_store(double o2_mL, const BloodParams& p);

// ---- the pools ------------------------------------------------------------------------------

constexpr int kMaxSpecies = 16;  // O2, CO2, then the solutes of models/chemistry
// The buffer base (mmol/L; 48 normal, Singer and Hastings 1948) is the first linear species when
// a chemistry model carries it: its excess over normal is the base excess that sets each pool's
// pH and CO2 curve. Without it (species == 2) the base excess is 0.
enum Species : int { kO2 = 0, kCO2 = 1, kBufferBase = 2, kFirstLinearSpecies = 2 };
constexpr double kNormalBufferBase_mmol_L = 48.0;
constexpr double kMaxLinearContent = 1e4;  // a linear species' ceiling in a pool (per mL blood)
using Amounts = std::array<double, kMaxSpecies>;

// What the rest of the body supplies for one tick of transport.
struct BloodInputs {
  double dt_s;                 // the tick
  double pulmonary_flow_mL;    // blood through the lungs over the tick
  double systemic_flow_mL;     // blood into the tissue beds over the tick
  double arterial_blood_mL;    // pulmonary veins, left heart, aorta, arteries
  double venous_blood_mL;      // every other compartment
  double temperature_C;
  double metabolic_scale;      // multiplies the tissue's O2 demand (1: as the parameters say)
  double hemoglobin_g_dL;      // the blood's haemoglobin now (0: the parameters' resting value)
  Amounts lung_flux_mL_s;      // into the blood from the alveoli (O2 in, CO2 out: negative)
  // Linear species (from kFirstLinearSpecies): the volume the tissue compartment holds each in
  // (its content over this volume is what leaves the tissue: flow-limited exchange; 0: the
  // species passes through the tissue unchanged), and sources into the tissue and into the mixed
  // venous pool (content x mL per s; CO2's venous source in mL/s, e.g. from a bicarbonate dose).
  Amounts tissue_volume_mL;
  Amounts tissue_source;
  Amounts venous_source;
};

// Derived outputs of the last tick; always finite.
struct BloodReadout {
  double pao2_mmHg, paco2_mmHg, sao2, ph_arterial, hco3_mmol_L;
  double pvo2_mmHg, pvco2_mmHg, svo2, ph_venous;  // mixed venous (pulmonary-artery blood)
  double vo2_mL_min, vco2_mL_min, o2_debt_mL;     // tissue uptake and production, O2 deficit
  double o2_deficit_mL_s;                          // demand not met over the last tick
  double base_excess_arterial, base_excess_venous;  // mmol/L (0 without a buffer base)
  double tissue_po2_mmHg, tissue_pco2_mmHg;
};

struct BloodState {
  // Per species: content of arterial and of mixed venous blood per mL (gases: mL STPD per mL),
  // and the amount in the tissue compartment (gases: mL STPD).
  Amounts arterial, venous, tissue;
  int32_t species;       // in use
  int32_t pad;
  double art_ph, ven_ph, tissue_ph, art_sat, tissue_sat;  // carried to the next tick
  double tissue_base_excess;                               // mmol/L, of the last tick
  double o2_debt_mL;
  BloodReadout out;
};
static_assert(std::is_trivially_copyable_v<BloodState>);

// One tick of transport: arterial blood takes what the lungs add, the tissue what the arterial
// blood brings less what leaves it at tissue tensions, and mixed venous blood what leaves the
// tissue; then the gas tensions of each pool.
void transport(const BloodParams& p, const BloodInputs& in, BloodState& s) noexcept;

// The resting state for a shunt fraction, end-capillary gas tensions and a resting flow (Fick).
BloodState initial_state(const BloodParams& p, double end_capillary_po2_mmHg,
                         double end_capillary_pco2_mmHg, double shunt_fraction,
                         double resting_flow_mL_s);

void check_state(const BloodState& s, StateCheck& c);

}  // namespace resus::blood
