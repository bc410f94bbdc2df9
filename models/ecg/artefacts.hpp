// Artefacts at the electrodes (so the lead identities survive them): CPR locked to the
// compression phase, baseline wander, mains hum, muscle noise, and the saturation and
// recovery of the input stages after a shock. Internal to models/ecg.
#pragma once

#include "models/ecg/ecg.hpp"

namespace resus::ecg::detail {

// Adds CPR, wander, mains and muscle artefacts (each if switched on) to the electrode potentials.
void add_electrode_artefacts(const EcgParams& p, const EcgInputs& in, const ArtefactSwitches& a,
                             double dt, EcgState& s, double phi[kNumElectrodes]);

// Polarisation offset after a shock and clipping at the input-stage rails.
void apply_shock(const EcgParams& p, const EcgInputs& in, double phi[kNumElectrodes]);

// Pacer pulse: a short, large dipole along the pacing vector; adds to d (dipole, mV).
void add_pacer_spike(const EcgParams& p, const EcgInputs& in, double dt, double d[3]);

}  // namespace resus::ecg::detail
