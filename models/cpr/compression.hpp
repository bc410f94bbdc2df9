// Chest compressions: where the depth comes from (a host's sensor stream or a parametric
// rescuer) and what pressure it puts on the chest. The circulation takes that pressure as the
// Babbs hybrid pump: a thoracic share on every intrathoracic compartment and a cardiac share
// inside the pericardium (see README.md). Pure functions over a trivially copyable state.
#pragma once

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"
#include <cstdint>

namespace resus::cpr {

// Depth -> chest pressure and its split between the thoracic and the cardiac pump.
struct CompressionParams {
  double dead_depth_mm;        // d0: chest-wall slack that builds no pressure
  double knee_mm;              // width of the soft onset around d0 (a real chest has no corner)
  double pressure_per_mm;      // k_d: chest pressure gained per mm beyond d0, mmHg/mm
  double thoracic_fraction;    // f_tp: share of chest pressure on every intrathoracic compartment
  double cardiac_fraction;     // f_cp: extra direct squeeze on the heart, inside the pericardium
  // k_v: left-ventricular cavity the sternum takes per mm beyond the heart's slack d_h, mL/mm
  // (the cardiac pump as a displacement, a volume source; f_cp is a pressure source)
  double ventricular_displacement_mL_per_mm;
  double heart_slack_mm;       // d_h: depth before the sternum reaches the heart
};

// Chest compression pressure Pc for a depth, mmHg: k_d·w·softplus((depth - d0)/w), so it is
// k_d·(depth - d0) well beyond the slack, small but not zero at the slack (leaning), and 0 at
// depth 0 to within 1e-3 mmHg.
double chest_pressure(const CompressionParams& p, double depth_mm);

// The same, bound to one set of parameters: the pressure's offset at zero depth is computed once
// (the engine asks for Pc twice a step).
class ChestPump {
 public:
  explicit ChestPump(const CompressionParams& p);
  double pressure(double depth_mm) const;
  // Left-ventricular cavity the sternum takes at a depth, mL:
  // max(k_v·w·(softplus((depth - d_h)/w) - softplus(-d_h/w)), 0), and 0 at depth 0.
  double displacement(double depth_mm) const;

 private:
  CompressionParams p_;
  double at_zero_;        // softplus(-d0/w)
  double heart_at_zero_;  // softplus(-d_h/w)
};

// A parametric rescuer. Ranges are checked by the engine (engine/actions.cpp).
struct Program {
  double rate_per_min;              // compressions per minute while compressing
  double depth_mm;                  // peak depth
  double duty_cycle;                // compression share of each cycle (0.5 recommended)
  double leaning_mm;                // residual depth between compressions (incomplete recoil)
  int32_t compressions_per_cycle;   // 0: continuous; 30: 30 compressions, then a pause
  int32_t breaths_per_pause;        // breaths the rescuer gives in each pause (2 for 30:2)
  double pause_s;                   // hands-off time after each cycle
  double breath_volume_mL;          // volume of each breath given in a pause
};

enum class Source : int32_t { kNone = 0, kProgram = 1, kStream = 2 };

struct CompressionState {
  int32_t source;          // Source
  int32_t paused;          // 1 during a programmed pause
  Program program;
  double cycle_start_s;    // start of the current compression (or of the pause)
  int32_t compressions_done;  // in the current cycle
  int32_t pad;
  // Streamed depth: a linear ramp from the depth held when a sample arrived to the new sample,
  // over the host's own sample interval, so a 200 Hz sensor drives a smooth 500 Hz pressure
  // with one sample of latency.
  double ramp_from_mm, ramp_to_mm;
  double ramp_start_s, ramp_end_s;
  double last_sample_s;    // time of the previous streamed sample; NaN before the first
};

CompressionState make_compression_state();

// Depth at time t, without changing the state (used at both ends of an integration step).
double depth_at(const CompressionState& s, double t);

// What the rescuer did when the state was moved to a new time.
struct CompressionEvents {
  int32_t pause_started;  // a programmed pause began: the engine gives the breaths
};

// Moves a parametric rescuer's bookkeeping (compression count, pauses) to time t.
CompressionEvents advance_to(CompressionState& s, double t);

// Starts (or changes) a parametric rescuer at time t. A running programme keeps its rhythm when
// only its settings change; a new one starts with a compression.
void start_program(CompressionState& s, const Program& program, double t);
void stop(CompressionState& s);

// A streamed depth sample taken at time t (the host's clock, which is the sim's).
void push_depth(CompressionState& s, double depth_mm, double t);

// Checks a state before it is trusted (a restored snapshot) at sim time `now_s`: the first bad
// field goes to `c`.
void check_state(const CompressionState& s, double now_s, StateCheck& c);

// The adult chest (fitted once to physiology.md B.2, then frozen), and each parameter by name.
CompressionParams reference_compression();
std::span<const ParamSpec<CompressionParams>> compression_param_table();

}  // namespace resus::cpr
