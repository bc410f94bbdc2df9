// The cerebral vessels: pressure autoregulation (Lassen's plateau), CO2 reactivity, and the
// autoregulation an ischaemic brain loses. The circulation's cerebral bed takes the resulting
// resistance as a factor on its resting value. Pure functions; README.md ("Cerebral vessels").
#pragma once

#include "models/brain/brain.hpp"

namespace resus::brain {

// What the vessels were set to hold: the resting perfusion pressure and PaCO2.
struct VesselRest {
  double perfusion_mmHg;  // arterial minus the larger of ICP and jugular pressure
  double paco2_mmHg;
};

struct VesselInputs {
  double dt_s;
  double perfusion_mmHg;  // now
  double paco2_mmHg;
  double ischaemia_min;   // BrainState::ischaemia_min: the injury that takes the autoregulation
  double delivery;        // BrainState::delivery: a tissue without O2 does not regulate
};

struct VesselState {
  double perfusion_mmHg;  // low-passed over the heartbeat
  double paco2_mmHg;      // low-passed over the breaths
  double tone;            // cerebral resistance / resting (1 at rest)
};

VesselState initial_vessels(double perfusion_mmHg, double paco2_mmHg);
// The share of pressure autoregulation left after the brain's ischaemia (1 intact .. 0 lost).
double autoregulation_capacity(const BrainParams& p, double ischaemia_min);
// The tone the vessels move toward at this perfusion pressure, PaCO2, ischaemia and O2 delivery.
double tone_target(const BrainParams& p, const VesselRest& rest, double perfusion_mmHg,
                   double paco2_mmHg, double ischaemia_min, double delivery);
// The flow (over resting) that the CO2 tone alone asks for: what a perfused brain needs at this
// PaCO2, its O2 extraction making up a hypocapnic fall in flow.
double co2_flow(const BrainParams& p, const VesselRest& rest, double paco2_mmHg, double delivery);
// The sensed pressure and PaCO2 follow always; the tone only once `regulating` (after the model
// has settled and set its rest).
void step_vessels(const BrainParams& p, const VesselRest& rest, const VesselInputs& in,
                  bool regulating, VesselState& s);

}  // namespace resus::brain
