// Body temperature: a core and a shell (Stolwijk-lite, physiology.md A.9). Metabolic heat is the
// tissues' own O2 uptake (models/blood) at 20.1 J per mL; blood carries heat from the core to the
// shell in proportion to systemic flow and skin vasomotion (no flow, only conduction); the shell
// loses heat to air or water by convection and radiation; shivering raises O2 demand between
// about 35.5 and 31 C; warming and cooling devices act on the shell or the core under a servo to
// a target. Pure: no heap, no I/O, no exceptions; the state is one trivially copyable struct.
#pragma once

#include <cstdint>
#include <span>
#include <type_traits>

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"

namespace resus::thermal {

// The medium around the body (the `environment` action). Append-only.
enum class Medium : int32_t { kAir = 0, kWater, kNumMedia };
constexpr const char* kMediumNames[] = {"air", "water"};

// Warming and cooling devices (the `temperature_control` action). Append-only.
enum class Device : int32_t {
  kNone = 0,       // stops the running device
  kBlanket,        // passive insulation of the shell
  kForcedAir,      // warm air over the shell (warming only)
  kSurfacePads,    // water-circulating pads on the shell (both ways)
  kIntravascular,  // a heat-exchange catheter in the central veins (both ways, into the core)
  kEcls,           // the heat exchanger of extracorporeal life support (both ways, core)
  kNumDevices
};
constexpr const char* kDeviceNames[] = {"none", "blanket", "forced_air", "surface_pads",
                                        "intravascular", "ecls"};

struct ThermalParams {
  double body_mass_kg;
  double heat_capacity_kJ_kg_C;      // [M 3.47]
  double core_mass_share;            // [M 2/3]
  double core_C, shell_C;            // resting temperatures [M 37, 34]
  double conduction_W_C;             // core to shell through tissue, with no blood flow [U]
  double vasomotor_gain_per_C;       // skin flow's change per C of core temperature [U]
  double vasomotor_min, vasomotor_max;  // skin flow relative to rest [U 0.2, 4]
  double body_surface_m2;            // [M ~1.8 at 70 kg]
  double radiation_W_m2_C;           // [M 4.7]
  double still_air_W_m2_C;           // natural convection [M ~3]
  double wind_W_m2_C_per_sqrt_m_s;   // forced convection 8.3 sqrt(v) [M]
  double water_W_m2_C;               // immersion [M 100-500]
  double wet_factor;                 // a wet body in air loses this much more (evaporation) [U]
  double blanket_factor;             // heat transfer left under a blanket [U]
  double shiver_max;                 // extra O2 demand at full shivering, x resting [M 2-4]
  double shiver_onset_C, shiver_full_C, shiver_fade_C, shiver_off_C;  // [M 36.5, 35, 32, 30]
  double heart_rate_per_C;           // sinus rate's fractional change per C (ln) [U ~0.06]
  double device_gain_W_C;            // the servo's gain below saturation [U]
  double forced_air_max_W, pads_max_W, intravascular_max_W, ecls_max_W;  // [U, see README]
};

ThermalParams default_thermal_params(double body_mass_kg);
std::span<const ParamSpec<ThermalParams>> param_table();

struct ThermalInputs {
  double dt_s;
  double vo2_mL_s;     // the tissues' O2 uptake (heat at 20.1 J/mL)
  double flow_ratio;   // systemic flow relative to rest (low-passed by the caller)
  double set_point_offset_C;  // fever: the core temperature the hypothalamus defends, above rest
  // Fluids running into the veins: their heat capacity per second (mL/s x J/mL/C) and their
  // temperature; they mix into the core's blood.
  double infused_heat_capacity_W_C;
  double infused_temperature_C;
};

struct ThermalReadout {
  double heat_production_W, heat_loss_W, device_W;
  double fluid_W;          // what infused fluids bring (negative: take) to the core
  double shivering;        // 0..1
  double metabolic_scale;  // shivering's O2 demand, x resting (the metabolic-rate effect)
  double chronotropy;      // the sinus rate's factor
};

struct ThermalState {
  double core_C, shell_C;
  double environment_C;       // the medium's temperature
  double wind_m_s;
  int32_t medium;             // Medium
  int32_t wet;                // 0/1
  int32_t device;             // Device
  int32_t shivering_blocked;  // 0/1: sedation and paralysis under temperature control
  double target_C;            // the device's servo target
  double rest_conductance_W_C;  // core to shell at rest (the blood's share set by the rest balance)
  double set_point_offset_C;    // the last step's fever (read() places shivering by it)
  ThermalReadout out;
};
static_assert(std::is_trivially_copyable_v<ThermalState>);

// The resting state for a resting heat production (W): core and shell at rest, the core-shell
// conductance that carries that heat, and an air environment that takes it from the shell
// (thermoneutral for a still, dry, naked body: about 28 C).
ThermalState initial_state(const ThermalParams& p, double rest_heat_W);

void step(const ThermalParams& p, const ThermalInputs& in, ThermalState& s) noexcept;

// The readout's shivering and chronotropy for the temperatures as they are (also for the start).
void read(const ThermalParams& p, ThermalState& s) noexcept;

void check_state(const ThermalState& s, StateCheck& c);

}  // namespace resus::thermal
