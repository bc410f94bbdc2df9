#include "support/measure.hpp"

#include <algorithm>
#include <cmath>

namespace resus::ecg::test {

Measured measure(const Recording& r, const Episode& e, double rr_s, double max_s, double p_from_s,
                 int origin, double skip_s) {
  Measured m;
  oracle::Leads x;
  for (int l = 0; l < kNumLeads; ++l) x.push_back(r.lead(l));
  std::vector<double> anchors;
  for (const Beat& b : e.ventricular)
    if (b.t > skip_s && (origin < 0 || b.origin == origin)) anchors.push_back(b.t);
  m.pre_s = 0.35;
  m.fs = r.fs;
  m.avg = oracle::average_beat(x, r.fs, anchors, m.pre_s, std::max(0.7, rr_s));
  m.f = oracle::delineate(m.avg, r.fs, m.pre_s, {kI, kII, kV1, kV2, kV3, kV4, kV5, kV6},
                          {kII, kV2, kV3, kV5}, max_s, p_from_s);
  return m;
}

double qrs_area(const Measured& m, int lead) {
  const auto a = static_cast<std::size_t>(std::lround((m.f.qrs_onset + m.pre_s) * m.fs));
  const auto b = static_cast<std::size_t>(std::lround((m.f.qrs_offset + m.pre_s) * m.fs));
  double s = 0.0;
  for (std::size_t i = a; i <= b && i < m.avg[lead].size(); ++i)
    s += (m.avg[lead][i] - m.f.baseline[lead]) / m.fs;
  return s;
}

}  // namespace resus::ecg::test
