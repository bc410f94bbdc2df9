// The kernel sum: one beat's dipole at a time after its activation. Internal to models/ecg.
#pragma once

#include "models/ecg/morphology.hpp"

namespace resus::ecg::detail {

// Kernels further than this many widths from their centre are skipped (exp(-10) ~ 5e-5).
constexpr double kKernelReach = 4.5;

// Adds the template's dipole at t_ms after the activation to out. inv_width: 1/width per kernel.
void add_beat(const BeatTemplate& b, const double* inv_width, const WaveMap& m, double t_ms,
              double out[3]);

// Adds a vector over the ST segment: rises at the J point, falls back to 0 at the T end.
void add_st_segment(const WaveMap& m, const double v[3], double t_ms, double out[3]);

}  // namespace resus::ecg::detail
