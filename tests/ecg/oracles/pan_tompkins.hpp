// QRS detector after Pan & Tompkins 1985 (IEEE TBME 32:230), from the description in ecg.md 4.2:
// 5-15 Hz band-pass, five-point derivative, squaring, 150 ms moving-window integration, fiducial
// peaks with a 200 ms refractory period, dual adaptive thresholds on the integrated and filtered
// signals, RR averages with search-back at 166% of RR average 2, threshold halving for irregular
// rhythms and T-wave discrimination below 360 ms. Written for any sampling rate.
#pragma once

#include <vector>

namespace resus::ecg::oracle {

// R-peak times (s) in x sampled at fs.
std::vector<double> pan_tompkins(const std::vector<double>& x, double fs);

struct Match {
  int true_positive = 0, false_negative = 0, false_positive = 0;
  double sensitivity() const;
  double positive_predictivity() const;
};

// One-to-one matching of detections to reference times within +-window_s (AAMI EC57 style),
// ignoring the reference beats before skip_s and after end_s.
Match match_beats(const std::vector<double>& reference, const std::vector<double>& detected,
                  double window_s, double skip_s, double end_s);

}  // namespace resus::ecg::oracle
