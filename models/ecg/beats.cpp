#include "models/ecg/beats.hpp"

#include <cmath>

namespace resus::ecg::detail {

void add_beat(const BeatTemplate& b, const double* inv_width, const WaveMap& m, double t_ms,
              double out[3]) {
  for (int i = 0; i < b.count; ++i) {
    const EcgKernel& k = b.kernels[i];
    const int w = k.wave;
    const double a = m.amp[w];
    if (a == 0.0) continue;
    const double z = (t_ms - (m.base_ms[w] + k.centre_ms * m.stretch[w])) * inv_width[i] *
                     m.inv_width[w];
    if (z > kKernelReach || z < -kKernelReach) continue;
    const double g = a * std::exp(-0.5 * z * z);
    out[0] += g * k.amp[0];
    out[1] += g * k.amp[1];
    out[2] += g * k.amp[2];
  }
}

void add_st_segment(const WaveMap& m, const double v[3], double t_ms, double out[3]) {
  const double j = m.qrs_end_ms, end = m.t_end_ms;
  if (t_ms <= j - 10.0 || t_ms >= end) return;
  const double rise = smoothstep(t_ms, j - 10.0, j + 20.0);
  const double fall = 1.0 - smoothstep(t_ms, j + 0.55 * (end - j), end);
  const double f = rise * fall;
  out[0] += f * v[0];
  out[1] += f * v[1];
  out[2] += f * v[2];
}

}  // namespace resus::ecg::detail
