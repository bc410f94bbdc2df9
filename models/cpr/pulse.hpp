// Pulse palpation for manikin pulse actuators (carotid, femoral): how strong a pulse a rescuer
// feels (0..1) and an instantaneous actuator drive (0..1) a solenoid can follow, from the
// pressure waveforms at each site. Definitions and sources: models/cpr/README-quality.md.
// Pure: no I/O, no allocation, no exceptions; deterministic; every output finite.
#pragma once

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"
#include <cstdint>
#include <type_traits>

namespace resus::cpr {

struct PulseSiteParams {
  double half_palpable_systolic_mmHg;  // peak pressure at which strength is 0.5
  double width_mmHg;                   // peak-pressure span from strength 0.1 to 0.9 (logistic)
  double min_pulse_pressure_mmHg;      // below this peak - trough nothing is felt (full at 2x)
};

struct PulseParams {
  PulseSiteParams carotid, femoral;
  // Femoral venous pulsations during CPR: a thin-walled vein is felt at lower pressures than
  // the artery (assumed threshold, see README-quality.md).
  PulseSiteParams femoral_venous;
  double envelope_window_s;  // peak and trough are taken over about this much recent signal
};
PulseParams default_pulse_params();

constexpr int kPulseBlocks = 8;  // the envelope window is kept as 8 block maxima and minima

struct PulseEnvelope {
  double block_max_mmHg[kPulseBlocks];
  double block_min_mmHg[kPulseBlocks];
  double last_mmHg;  // last valid sample (held through non-finite input)
};

struct PulseState {
  int32_t primed;  // 0 until the first sample
  int32_t block;   // current block index
  double block_elapsed_s;
  PulseEnvelope carotid, femoral_arterial, femoral_venous;
};
static_assert(std::is_trivially_copyable_v<PulseState>);
static_assert(std::is_standard_layout_v<PulseState>);

PulseState make_pulse_state();  // all zero: primed by the first sample

struct PulseReadout {
  double carotid_strength, femoral_strength;   // 0..1
  double carotid_actuator, femoral_actuator;   // 0..1: position between trough and peak x strength
};
static_assert(std::is_trivially_copyable_v<PulseReadout>);

// One step: pressures (mmHg) at the carotid, the femoral artery and the femoral vein.
void update_pulse(const PulseParams& p, double dt_s, double carotid_mmHg,
                  double femoral_arterial_mmHg, double femoral_venous_mmHg, PulseState& s,
                  PulseReadout& out) noexcept;

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const PulseState& s, StateCheck& c);
void check_readout(const PulseReadout& r, StateCheck& c);

// Palpation's thresholds by name.
std::span<const ParamSpec<PulseParams>> pulse_param_table();

}  // namespace resus::cpr
