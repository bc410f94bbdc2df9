#include "oracles/pan_tompkins.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

#include "oracles/dsp.hpp"

namespace resus::ecg::oracle {
namespace {

struct Peak {
  std::size_t n;    // index of the integrated-signal peak
  double i;         // integrated peak value
  double f;         // filtered-signal peak in the integration window
  double slope;     // maximal derivative in the window (T-wave test)
};

double mean_of(const std::deque<double>& d) {
  double s = 0.0;
  for (double v : d) s += v;
  return d.empty() ? 0.0 : s / static_cast<double>(d.size());
}

}  // namespace

std::vector<double> pan_tompkins(const std::vector<double>& x, double fs) {
  const std::size_t n = x.size();
  if (n < static_cast<std::size_t>(3 * fs)) return {};
  // 1. Band-pass 5-15 Hz (causal, as in the paper).
  const std::vector<double> bp =
      filter(butter_lowpass(15.0, fs), filter(butter_highpass(5.0, fs), x));
  // 2. Derivative (1/8T)(-x[n-2] - 2x[n-1] + 2x[n+1] + x[n+2]), 3. squaring.
  std::vector<double> der(n, 0.0), sq(n, 0.0);
  for (std::size_t k = 2; k + 2 < n; ++k) {
    der[k] = fs / 8.0 * (-bp[k - 2] - 2.0 * bp[k - 1] + 2.0 * bp[k + 1] + bp[k + 2]);
    sq[k] = der[k] * der[k];
  }
  // 4. Moving-window integration over 150 ms.
  const auto w = static_cast<std::size_t>(std::lround(0.150 * fs));
  std::vector<double> mwi(n, 0.0);
  double acc = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    acc += sq[k];
    if (k >= w) acc -= sq[k - w];
    mwi[k] = acc / static_cast<double>(w);
  }
  // 5. Fiducial marks: local maxima of the integrated signal.
  std::vector<Peak> peaks;
  for (std::size_t k = 1; k + 1 < n; ++k) {
    if (!(mwi[k] > mwi[k - 1] && mwi[k] >= mwi[k + 1])) continue;
    const std::size_t a = k >= w ? k - w : 0;
    double f = 0.0, s = 0.0;
    for (std::size_t j = a; j <= k; ++j) {
      f = std::max(f, std::abs(bp[j]));
      s = std::max(s, std::abs(der[j]));
    }
    peaks.push_back({k, mwi[k], f, s});
  }
  // Learning phase: the first 2 s set the initial signal and noise levels.
  const auto learn = static_cast<std::size_t>(2.0 * fs);
  double max_i = 0.0, max_f = 0.0, sum_i = 0.0, sum_f = 0.0;
  for (std::size_t k = 0; k < learn; ++k) {
    max_i = std::max(max_i, mwi[k]);
    max_f = std::max(max_f, std::abs(bp[k]));
    sum_i += mwi[k];
    sum_f += std::abs(bp[k]);
  }
  double spki = 0.25 * max_i, npki = 0.5 * sum_i / static_cast<double>(learn);
  double spkf = 0.25 * max_f, npkf = 0.5 * sum_f / static_cast<double>(learn);

  std::deque<double> rr1, rr2;  // last 8 RR; last 8 RR within the limits
  double rr_avg2 = 1.0;
  bool irregular = false;
  const auto refractory = static_cast<std::size_t>(0.200 * fs);
  std::vector<std::size_t> qrs;       // integrated-peak indices of accepted QRS
  double last_slope = 0.0;
  std::vector<std::size_t> noise_since;  // peaks rejected since the last QRS (search-back pool)

  auto accept = [&](const Peak& p, bool searchback) {
    if (searchback) {
      spki = 0.25 * p.i + 0.75 * spki;
      spkf = 0.25 * p.f + 0.75 * spkf;
    } else {
      spki = 0.125 * p.i + 0.875 * spki;
      spkf = 0.125 * p.f + 0.875 * spkf;
    }
    if (!qrs.empty()) {
      const double rr = static_cast<double>(p.n - qrs.back()) / fs;
      rr1.push_back(rr);
      if (rr1.size() > 8) rr1.pop_front();
      const bool within = rr >= 0.92 * rr_avg2 && rr <= 1.16 * rr_avg2;
      if (within || rr2.size() < 2) {
        rr2.push_back(rr);
        if (rr2.size() > 8) rr2.pop_front();
        rr_avg2 = mean_of(rr2);
      }
      irregular = !within;
      if (rr2.size() < 2) rr_avg2 = mean_of(rr1);
    }
    qrs.push_back(p.n);
    last_slope = p.slope;
    noise_since.clear();
  };
  auto noise = [&](const Peak& p, std::size_t index) {
    npki = 0.125 * p.i + 0.875 * npki;
    npkf = 0.125 * p.f + 0.875 * npkf;
    noise_since.push_back(index);
  };

  for (std::size_t idx = 0; idx < peaks.size(); ++idx) {
    const Peak& p = peaks[idx];
    // Search-back: no QRS within 166% of RR average 2: take the largest earlier peak above the
    // second thresholds.
    if (!qrs.empty() && static_cast<double>(p.n - qrs.back()) > 1.66 * rr_avg2 * fs) {
      const double thi2 = 0.5 * (npki + 0.25 * (spki - npki));
      const double thf2 = 0.5 * (npkf + 0.25 * (spkf - npkf));
      std::size_t best = peaks.size();
      for (std::size_t j : noise_since) {
        const Peak& q = peaks[j];
        if (q.n - qrs.back() < refractory) continue;
        if (q.i > thi2 && q.f > thf2 && (best == peaks.size() || q.i > peaks[best].i)) best = j;
      }
      if (best != peaks.size()) accept(peaks[best], true);
    }
    if (!qrs.empty() && p.n - qrs.back() < refractory) continue;  // one QRS per 200 ms
    double thi1 = npki + 0.25 * (spki - npki), thf1 = npkf + 0.25 * (spkf - npkf);
    if (irregular) {
      thi1 *= 0.5;
      thf1 *= 0.5;
    }
    if (p.i > thi1 && p.f > thf1) {
      // T-wave discrimination: within 360 ms of a QRS, a slope under half the last QRS's is a T.
      if (!qrs.empty() && static_cast<double>(p.n - qrs.back()) < 0.360 * fs &&
          p.slope < 0.5 * last_slope) {
        noise(p, idx);
        continue;
      }
      accept(p, false);
    } else {
      noise(p, idx);
    }
  }

  // The R peak: the largest zero-phase band-passed deflection in the integration window.
  const std::vector<double> zp = bandpass(x, fs, 5.0, 30.0);
  std::vector<double> out;
  for (std::size_t k : qrs) {
    const std::size_t a = k >= w + w / 2 ? k - w - w / 2 : 0;
    std::size_t best = a;
    for (std::size_t j = a; j <= k; ++j)
      if (std::abs(zp[j]) > std::abs(zp[best])) best = j;
    out.push_back(static_cast<double>(best) / fs);
  }
  std::sort(out.begin(), out.end());
  return out;
}

double Match::sensitivity() const {
  const int d = true_positive + false_negative;
  return d ? static_cast<double>(true_positive) / d : 1.0;
}

double Match::positive_predictivity() const {
  const int d = true_positive + false_positive;
  return d ? static_cast<double>(true_positive) / d : 1.0;
}

Match match_beats(const std::vector<double>& ref, const std::vector<double>& det, double window,
                  double skip, double end) {
  Match m;
  std::vector<bool> used(det.size(), false);
  for (double r : ref) {
    if (r < skip || r > end) continue;
    std::size_t best = det.size();
    for (std::size_t j = 0; j < det.size(); ++j) {
      if (used[j] || std::abs(det[j] - r) > window) continue;
      if (best == det.size() || std::abs(det[j] - r) < std::abs(det[best] - r)) best = j;
    }
    if (best == det.size()) {
      ++m.false_negative;
    } else {
      used[best] = true;
      ++m.true_positive;
    }
  }
  for (std::size_t j = 0; j < det.size(); ++j)
    if (!used[j] && det[j] >= skip + window && det[j] <= end - window) ++m.false_positive;
  return m;
}

}  // namespace resus::ecg::oracle
