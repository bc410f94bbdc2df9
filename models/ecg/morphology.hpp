// Physiology -> beat morphology: the monotone maps of ecg.md 3.3 (potassium, calcium,
// temperature, QT drugs, effusion, ischaemia) and the QT-RR correction, turned into per-wave
// amplitude, timing and width factors that the kernel sum applies. Internal to models/ecg.
#pragma once

#include "models/ecg/ecg.hpp"

namespace resus::ecg::detail {

// 0 at lo, 1 at hi, cubic in between (reversed when lo > hi).
double smoothstep(double x, double lo, double hi);

// What the physiology does to every beat of this sample.
struct Physiology {
  double wave_amp[kNumWaves];   // amplitude factor per wave
  double qrs_stretch;           // QRS widening about the activation
  double st_stretch;            // JT scale (QT correction and modifiers)
  double t_width;               // extra T width factor (peaked T narrows)
  double p_stretch;             // P widening
  double shift_ms;              // ventricular complex delay (effective PR)
  double global_scale;          // effusion low voltage
  double alternans;             // odd beats * (1 - alternans)
  double st_vector[3];          // injury current over the ST segment, dipole mV
  double inverted_p;            // -1 for retrograde P (re-entry), else 1
};

Physiology physiology(const EcgParams& p, const double t_axis[3], const EcgInputs& in);

// Where each wave of one template lands: centre' = base + centre*stretch, width' = width/inv.
struct WaveMap {
  double base_ms[kNumWaves];
  double stretch[kNumWaves];
  double inv_width[kNumWaves];
  double amp[kNumWaves];
  double qrs_end_ms;  // J point after stretching
  double t_end_ms;    // T end after stretching
};

void ventricular_map(const Physiology& ph, const BeatTemplate& b, WaveMap& m);
void atrial_map(const Physiology& ph, WaveMap& m);

}  // namespace resus::ecg::detail
