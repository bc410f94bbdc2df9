// Continuous (non-beat) cardiac sources on the dipole: AF f-waves, the flutter sawtooth, VF, and
// the torsades axis rotation. Each fades in and out with its mode. Internal to models/ecg.
#pragma once

#include "models/ecg/ecg.hpp"

namespace resus::ecg::detail {

// Advances the two ~0.5 Hz unit-variance noises (from noise[2], noise[3]) that make VF and AF
// drift, and the two ~3 Hz ones that give VF its cycle-to-cycle jitter.
void advance_slow_noise(const EcgInputs& in, double dt, EcgState& s);

void add_vf(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s, double d[3]);
void add_af(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s, double d[3]);
void add_flutter(const EcgParams& p, const EcgInputs& in, double dt, EcgState& s, double d[3]);

// Rotates v in place by angle about the unit axis k (Rodrigues).
void rotate(const double k[3], double c, double sn, double v[3]);

// One-pole low-pass coefficient for corner fc at step dt (bilinear-free, no exp: dt/(tau+dt)).
double one_pole(double fc_Hz, double dt);

}  // namespace resus::ecg::detail
