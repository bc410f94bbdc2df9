// The core and the shell, the environment and the devices (README.md has the equations).
#include <algorithm>
#include <cmath>

#include "models/thermal/thermal.hpp"

namespace resus::thermal {
namespace {

constexpr double kJoulesPerMlO2 = 20.1;  // heat of O2 uptake at RQ 0.8 [M]

double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
double finite_or(double x, double fallback) { return std::isfinite(x) ? x : fallback; }
double smoothstep(double x, double lo, double hi) {
  const double u = clampd((x - lo) / (hi - lo), 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
}

// Heat transfer from the shell to the medium per C of difference, W/C.
double shell_transfer_W_C(const ThermalParams& p, const ThermalState& s) {
  double h;
  if (s.medium == static_cast<int32_t>(Medium::kWater)) {
    h = p.water_W_m2_C;
  } else {
    h = p.radiation_W_m2_C +
        std::max(p.still_air_W_m2_C, p.wind_W_m2_C_per_sqrt_m_s * std::sqrt(std::max(s.wind_m_s, 0.0)));
    if (s.wet) h *= p.wet_factor;
  }
  if (s.device == static_cast<int32_t>(Device::kBlanket)) h *= p.blanket_factor;
  return h * p.body_surface_m2;
}

// A servo toward the target, saturating at the device's power; forced air only warms.
double device_power_W(const ThermalParams& p, const ThermalState& s, bool& into_core) {
  into_core = false;
  double max_W = 0.0, min_W = 0.0;
  switch (static_cast<Device>(s.device)) {
    case Device::kForcedAir: max_W = p.forced_air_max_W; break;
    case Device::kSurfacePads: max_W = p.pads_max_W, min_W = -p.pads_max_W; break;
    case Device::kIntravascular:
      max_W = p.intravascular_max_W, min_W = -p.intravascular_max_W, into_core = true;
      break;
    case Device::kEcls: max_W = p.ecls_max_W, min_W = -p.ecls_max_W, into_core = true; break;
    default: return 0.0;
  }
  return clampd(p.device_gain_W_C * (s.target_C - s.core_C), min_W, max_W);
}

}  // namespace

ThermalState initial_state(const ThermalParams& p, double rest_heat_W) {
  ThermalState s{};
  s.core_C = p.core_C;
  s.shell_C = p.shell_C;
  s.medium = static_cast<int32_t>(Medium::kAir);
  s.device = static_cast<int32_t>(Device::kNone);
  s.target_C = p.core_C;
  const double heat = std::max(finite_or(rest_heat_W, 80.0), 1.0);
  s.rest_conductance_W_C = std::max(heat / std::max(p.core_C - p.shell_C, 0.5), p.conduction_W_C);
  s.environment_C = p.shell_C - heat / shell_transfer_W_C(p, s);
  read(p, s);
  s.out.heat_production_W = s.out.heat_loss_W = heat;
  return s;
}

void read(const ThermalParams& p, ThermalState& s) noexcept {
  ThermalReadout& o = s.out;
  const double t = s.core_C;
  // A fever moves the whole defence up: the skin shuts and shivering starts (chills) relative to
  // the raised set point.
  const double felt = t - s.set_point_offset_C;
  o.shivering = s.shivering_blocked ? 0.0
                                    : smoothstep(felt, p.shiver_onset_C, p.shiver_full_C) *
                                          (1.0 - smoothstep(t, p.shiver_fade_C, p.shiver_off_C));
  o.metabolic_scale = 1.0 + p.shiver_max * o.shivering;
  o.chronotropy = std::exp(p.heart_rate_per_C * clampd(t - p.core_C, -20.0, 6.0));
}

void step(const ThermalParams& p, const ThermalInputs& in, ThermalState& s) noexcept {
  const double dt = clampd(finite_or(in.dt_s, 0.0), 0.0, 10.0);
  if (!(dt > 0.0)) return;
  const double heat = std::max(finite_or(in.vo2_mL_s, 0.0), 0.0) * kJoulesPerMlO2;
  const double flow = clampd(finite_or(in.flow_ratio, 1.0), 0.0, 3.0);
  s.set_point_offset_C = clampd(finite_or(in.set_point_offset_C, 0.0), 0.0, 5.0);
  // Blood carries heat to the skin in proportion to flow and the skin's vasomotion, which opens
  // with a warm core and shuts with a cold one; tissue conducts the rest.
  // Sedation for temperature control also blunts cold vasoconstriction (its threshold falls
  // toward 34 C under anaesthesia): the skin stays open.
  const double vasomotion = clampd(1.0 + p.vasomotor_gain_per_C *
                                             (s.core_C - p.core_C - s.set_point_offset_C),
                                   s.shivering_blocked ? 1.0 : p.vasomotor_min, p.vasomotor_max);
  const double k = p.conduction_W_C +
                   std::max(s.rest_conductance_W_C - p.conduction_W_C, 0.0) * flow * vasomotion;
  const double to_shell = k * (s.core_C - s.shell_C);
  const double loss = shell_transfer_W_C(p, s) * (s.shell_C - s.environment_C);
  bool into_core = false;
  const double device = device_power_W(p, s, into_core);
  const double c = p.heat_capacity_kJ_kg_C * 1000.0 * p.body_mass_kg;
  const double c_core = c * p.core_mass_share, c_shell = c - c_core;
  // A fluid at another temperature takes (or brings) what it needs to reach the core's.
  const double infused_W_C = clampd(finite_or(in.infused_heat_capacity_W_C, 0.0), 0.0, 1e4);
  const double fluid =
      infused_W_C > 0.0
          ? infused_W_C * (clampd(finite_or(in.infused_temperature_C, s.core_C), 0.0, 45.0) - s.core_C)
          : 0.0;
  s.core_C = clampd(s.core_C + (heat - to_shell + fluid + (into_core ? device : 0.0)) * dt / c_core,
                    5.0, 45.0);
  s.shell_C = clampd(s.shell_C + (to_shell - loss + (into_core ? 0.0 : device)) * dt / c_shell, -5.0, 50.0);
  s.out.heat_production_W = heat;
  s.out.heat_loss_W = loss;
  s.out.device_W = device;
  s.out.fluid_W = fluid;
  read(p, s);
}

void check_state(const ThermalState& s, StateCheck& c) {
  c.in("thermal.core_C", s.core_C, 5.0, 45.0)
      .in("thermal.shell_C", s.shell_C, -5.0, 50.0)
      .in("thermal.environment_C", s.environment_C, -40.0, 60.0)
      .in("thermal.wind_m_s", s.wind_m_s, 0.0, 50.0)
      .index("thermal.medium", s.medium, 0, static_cast<int>(Medium::kNumMedia) - 1)
      .flag("thermal.wet", s.wet)
      .index("thermal.device", s.device, 0, static_cast<int>(Device::kNumDevices) - 1)
      .flag("thermal.shivering_blocked", s.shivering_blocked)
      .in("thermal.target_C", s.target_C, 20.0, 42.0)
      .in("thermal.rest_conductance_W_C", s.rest_conductance_W_C, 0.1, 1e4)
      .in("thermal.set_point_offset_C", s.set_point_offset_C, 0.0, 5.0);
  const ThermalReadout& o = s.out;
  int i = 0;
  for (double v : {o.heat_production_W, o.heat_loss_W, o.device_W, o.shivering, o.metabolic_scale,
                   o.chronotropy, o.fluid_W})
    c.in("thermal.out", v, -1e6, 1e6, i++);
}

}  // namespace resus::thermal
