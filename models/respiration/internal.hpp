// Internal helpers of the respiration model, shared by its .cpp files. Not part of the API.
#pragma once

#include "models/blood/blood.hpp"
#include "models/common/units.hpp"
#include "models/respiration/respiration.hpp"

namespace resus::resp::detail {

using resus::kCmH2OPerMmHg;
inline constexpr double kDryPressure_mmHg = 713.0;  // 760 - 47 (water vapour at 37 C)
inline constexpr double kBtpsPerStpd = 1.21;        // (310/273)(760/713)

inline double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
inline double finite_or(double x, double fallback) {
  return (x == x && x < 1e300 && x > -1e300) ? x : fallback;
}

// ---- mechanics.cpp: airway configuration, devices, pressure/flow solve ----
struct AirwayConfig {
  double r_cmH2O_s_mL;        // lung path resistance
  double crs_mL_cmH2O;        // respiratory-system compliance of the ventilated lung
  double dead_space_mL;
  double leak_open_cmH2O, leak_r;        // leak_r <= 0: no leak path
  double gastric_open_cmH2O, gastric_r;  // gastric_r <= 0: no gastric path
  bool device_to_stomach;     // oesophageal tube: device flow all into the stomach
  bool device_lost;           // no airway adjunct: device flow escapes
};
AirwayConfig airway_config(const RespParams& p, Airway a);
double crs_native(const RespParams& p);

// Device flow for this step (mL/s into the airway opening) and the expiratory pressure.
double device_flow(const RespParams& p, RespState& s, double dt_s, double& pexp_cmH2O);

struct MechResult {
  double paw_cmH2O, q_lung, q_leak, q_gastric;
};
MechResult solve_mechanics(const AirwayConfig& c, double elastic_cmH2O, double pmus_cmH2O,
                           double q_device, double pexp_cmH2O);

// ---- control.cpp: chemoreflex drive and spontaneous breath pattern ----
double chemical_drive(const RespParams& p, const RespState& s);
// The brainstem's drive, 0..1: its flow's gate times its O2's.
double brainstem_flow_gate(const RespParams& p, const RespState& s);
double brainstem_o2_gate(const RespParams& p, const RespState& s);
double brainstem_gate(const RespParams& p, const RespState& s);
// From the tissue's resting CO2 production (models/blood), mL/min.
double resting_minute_ventilation_mL_min(const RespParams& p, double resting_vco2_mL_min);
// `drive_scale` multiplies the chemical drive (drugs: opioids lower it).
void update_pattern(const RespParams& p, RespState& s, double dt_s, double drive_scale,
                    double resting_vco2_mL_min);

// ---- monitors.cpp: capnometer, breath detection, pulse oximeter ----
void update_monitors(const RespParams& p, const RespInputs& in, double dt_s, double q_open,
                     double q_lung, double mouth_pco2_mmHg, RespState& s);

}  // namespace resus::resp::detail
