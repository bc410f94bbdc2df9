// Adult thermal constants (physiology.md A.9, als-next.md 3; README.md gives each source).
#include <algorithm>
#include <cmath>

#include "models/thermal/thermal.hpp"

namespace resus::thermal {

ThermalParams default_thermal_params(double body_mass_kg) {
  const double m = std::clamp(body_mass_kg, 20.0, 250.0);
  ThermalParams p{};
  p.body_mass_kg = m;
  p.heat_capacity_kJ_kg_C = 3.47;        // A.9: ~243 kJ/C at 70 kg
  p.core_mass_share = 2.0 / 3.0;         // A.9
  p.core_C = 37.0;                       // B.1 row 18
  p.shell_C = 34.0;                      // mean skin temperature at thermoneutrality [M 33-34]
  p.conduction_W_C = 5.0 * std::pow(m / 70.0, 2.0 / 3.0);  // [U] tissue alone, ~1/5 of rest
  p.vasomotor_gain_per_C = 1.5;          // [U] skin flow x2.5 per C of fever, shut by -0.5 C
  p.vasomotor_min = 0.2;
  p.vasomotor_max = 4.0;
  p.body_surface_m2 = 1.8 * std::pow(m / 70.0, 2.0 / 3.0);
  p.radiation_W_m2_C = 4.7;              // linearised radiation near 30 C [M]
  p.still_air_W_m2_C = 3.0;              // natural convection [M 2-4]
  p.wind_W_m2_C_per_sqrt_m_s = 8.3;      // forced convection [M ISO 9920 form]
  p.water_W_m2_C = 230.0;                // still water [M 100-500]
  p.wet_factor = 2.0;                    // [U] evaporation from wet skin and clothes
  p.blanket_factor = 0.4;                // [U]
  p.shiver_max = 2.0;                    // A.9: shivering x2-5 of M0 [M]
  p.shiver_onset_C = 36.5;               // A.9: shivering between ~35 and 32 C, gone < 30-32
  p.shiver_full_C = 35.0;
  p.shiver_fade_C = 32.0;
  p.shiver_off_C = 30.0;
  p.heart_rate_per_C = 0.06;             // [U] fever ~+10/min per C; ~45/min at 30 C (B.4 row 80)
  p.device_gain_W_C = 300.0;             // [U] a servo saturating within ~0.3 C of target
  // Net powers, from the rates they reach (243 kJ/C: 1 C/h is 68 W): forced air 1-2 C/h (A.9
  // active external 1-4), intravascular and surface pads about 1 C/h at most (als-next 3.3:
  // 2.2 h vs 4.2 h to 34 C, median 0.4 C/h), ECLS 5-10 C/h.
  p.forced_air_max_W = 100.0;
  p.pads_max_W = 120.0;
  p.intravascular_max_W = 150.0;
  p.ecls_max_W = 600.0;
  return p;
}

namespace {

#define F(f) RESUS_FIELD(ThermalParams, f)
constexpr ParamSpec<ThermalParams> kTable[] = {
    {"heat_capacity_kJ_kg_C", "kJ/kg/C", 2.5, 4.2, "specific heat of the body", F(heat_capacity_kJ_kg_C)},
    {"core_mass_share", "1", 0.3, 0.9, "share of body mass in the core", F(core_mass_share)},
    {"core_temperature_C", "C", 35, 40, "resting core temperature", F(core_C)},
    {"shell_temperature_C", "C", 28, 37, "resting shell (skin) temperature", F(shell_C)},
    {"thermal_conduction_W_C", "W/C", 0.5, 50, "core-shell heat conduction through tissue alone (no blood flow)", F(conduction_W_C)},
    {"vasomotor_gain_per_C", "1/C", 0, 10, "skin blood flow's change per C of core temperature", F(vasomotor_gain_per_C)},
    {"vasomotor_min", "1", 0.01, 1, "skin blood flow when fully constricted, x rest", F(vasomotor_min)},
    {"vasomotor_max", "1", 1, 10, "skin blood flow when fully dilated, x rest", F(vasomotor_max)},
    {"body_surface_m2", "m2", 0.8, 3.0, "body surface area", F(body_surface_m2)},
    {"radiation_W_m2_C", "W/m2/C", 0, 10, "radiative heat transfer coefficient", F(radiation_W_m2_C)},
    {"still_air_W_m2_C", "W/m2/C", 0.5, 10, "natural convection in still air", F(still_air_W_m2_C)},
    {"wind_W_m2_C_per_sqrt_m_s", "W/m2/C", 0, 20, "forced convection per square root of wind speed", F(wind_W_m2_C_per_sqrt_m_s)},
    {"water_W_m2_C", "W/m2/C", 20, 1000, "convection in still water", F(water_W_m2_C)},
    {"wet_factor", "1", 1, 5, "heat loss of a wet body in air, x dry", F(wet_factor)},
    {"blanket_factor", "1", 0.05, 1, "heat transfer left under a blanket", F(blanket_factor)},
    {"shiver_max", "1", 0, 5, "extra O2 demand at full shivering, x resting", F(shiver_max)},
    {"shiver_onset_C", "C", 34, 37.5, "core temperature where shivering starts", F(shiver_onset_C)},
    {"shiver_full_C", "C", 32, 37, "core temperature of full shivering", F(shiver_full_C)},
    {"shiver_fade_C", "C", 28, 35, "core temperature where shivering starts to fail", F(shiver_fade_C)},
    {"shiver_off_C", "C", 24, 33, "core temperature below which there is no shivering", F(shiver_off_C)},
    {"heart_rate_per_C", "1/C", 0, 0.2, "sinus rate's fractional change per C of core temperature (ln)", F(heart_rate_per_C)},
    {"device_gain_W_C", "W/C", 10, 5000, "the temperature servo's gain", F(device_gain_W_C)},
    {"forced_air_max_W", "W", 0, 500, "forced-air warming's net power", F(forced_air_max_W)},
    {"pads_max_W", "W", 0, 1000, "surface pads' net power", F(pads_max_W)},
    {"intravascular_max_W", "W", 0, 1000, "intravascular catheter's net power", F(intravascular_max_W)},
    {"ecls_max_W", "W", 0, 3000, "ECLS heat exchanger's net power", F(ecls_max_W)},
};
#undef F

}  // namespace

std::span<const ParamSpec<ThermalParams>> param_table() { return kTable; }

}  // namespace resus::thermal
