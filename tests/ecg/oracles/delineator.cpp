#include "oracles/delineator.hpp"

#include <algorithm>
#include <cmath>

namespace resus::ecg::oracle {

Leads average_beat(const Leads& x, double fs, const std::vector<double>& anchors, double pre,
                   double post) {
  const auto npre = static_cast<long>(std::lround(pre * fs));
  const auto len = static_cast<std::size_t>(std::lround((pre + post) * fs));
  Leads avg(x.size(), std::vector<double>(len, 0.0));
  int count = 0;
  for (double a : anchors) {
    const long start = std::lround(a * fs) - npre;
    if (start < 0 || static_cast<std::size_t>(start) + len > x[0].size()) continue;
    for (std::size_t l = 0; l < x.size(); ++l)
      for (std::size_t i = 0; i < len; ++i) avg[l][i] += x[l][static_cast<std::size_t>(start) + i];
    ++count;
  }
  for (auto& v : avg)
    for (double& s : v) s /= std::max(count, 1);
  return avg;
}

Fiducials delineate(const Leads& avg, double fs, double pre, const std::vector<int>& vl,
                    const std::vector<int>& tl, double max_s, double p_from) {
  Fiducials f;
  const std::size_t n = avg[0].size();
  const auto at = [&](double t_s) {
    return static_cast<std::size_t>(std::clamp(std::lround((t_s + pre) * fs), 0L, static_cast<long>(n - 1)));
  };
  const auto time = [&](std::size_t i) { return static_cast<double>(i) / fs - pre; };

  // Spatial velocity, mV/s.
  std::vector<double> sv(n, 0.0);
  for (std::size_t i = 1; i + 1 < n; ++i) {
    double s = 0.0;
    for (int l : vl) {
      const double d = (avg[l][i + 1] - avg[l][i - 1]) * fs / 2.0;
      s += d * d;
    }
    sv[i] = std::sqrt(s);
  }
  std::size_t peak = at(-0.02);
  for (std::size_t i = at(-0.02); i <= at(0.25); ++i)
    if (sv[i] > sv[peak]) peak = i;
  const double thr = 0.08 * sv[peak];
  const auto hold = static_cast<std::size_t>(std::max(0.010 * fs, 2.0));
  // QRS onset: the last point before the peak where the velocity stays under the threshold
  // for 10 ms going backwards; offset likewise forwards.
  std::size_t on = peak;
  for (std::size_t below = 0; on > hold; --on) {
    below = sv[on] <= thr ? below + 1 : 0;
    if (below >= hold) {
      on += hold - 1;
      break;
    }
  }
  std::size_t off = peak;
  for (std::size_t below = 0; off + 1 < n; ++off) {
    below = sv[off] <= thr ? below + 1 : 0;
    if (below >= hold) {
      off -= hold - 1;
      break;
    }
  }
  f.qrs_onset = time(on);
  f.qrs_offset = time(off);

  const std::size_t L = avg.size();
  f.baseline.assign(L, 0.0);
  f.r_max.assign(L, 0.0);
  f.r_min.assign(L, 0.0);
  f.st.assign(L, 0.0);
  f.t_amp.assign(L, 0.0);
  f.p_amp.assign(L, 0.0);
  f.u_amp.assign(L, 0.0);
  const std::size_t b0 = at(f.qrs_onset - 0.020), b1 = at(f.qrs_onset - 0.004);
  for (std::size_t l = 0; l < L; ++l) {
    double s = 0.0;
    for (std::size_t i = b0; i <= b1; ++i) s += avg[l][i];
    f.baseline[l] = s / static_cast<double>(b1 - b0 + 1);
  }

  const std::size_t t_lo = at(f.qrs_offset + 0.06), t_hi = at(std::min(max_s, f.qrs_offset + 0.6));
  double latest_end = f.qrs_offset;
  for (std::size_t l = 0; l < L; ++l) {
    const auto& x = avg[l];
    const double base = f.baseline[l];
    for (std::size_t i = on; i <= off; ++i) {
      f.r_max[l] = std::max(f.r_max[l], x[i] - base);
      f.r_min[l] = std::min(f.r_min[l], x[i] - base);
    }
    f.st[l] = x[at(f.qrs_offset + 0.04)] - base;  // J + 40 ms
    // T: the largest deflection after the QRS.
    std::size_t tp = t_lo;
    for (std::size_t i = t_lo; i <= t_hi; ++i)
      if (std::abs(x[i] - base) > std::abs(x[tp] - base)) tp = i;
    f.t_amp[l] = x[tp] - base;
    const double sign = f.t_amp[l] >= 0.0 ? 1.0 : -1.0;
    // Tangent at the steepest return towards the baseline after the peak.
    std::size_t ts = tp;
    double steepest = 0.0;
    for (std::size_t i = tp + 1; i + 1 < n && i <= at(std::min(time(tp) + 0.25, max_s)); ++i) {
      const double slope = sign * (x[i + 1] - x[i - 1]) * fs / 2.0;  // negative: returning
      if (slope < steepest) {
        steepest = slope;
        ts = i;
      }
    }
    double t_end = time(tp);
    if (steepest < 0.0) t_end = time(ts) + sign * (x[ts] - base) / (-steepest);
    if (std::find(tl.begin(), tl.end(), static_cast<int>(l)) != tl.end() && t_end > latest_end) {
      latest_end = t_end;
      f.t_peak = time(tp);
    }
    // U: the largest deflection with the T's polarity in the 60-300 ms after the T end.
    double u = 0.0;
    for (std::size_t i = at(t_end + 0.03); i <= at(std::min(max_s, t_end + 0.3)); ++i)
      u = std::max(u, sign * (x[i] - base));
    f.u_amp[l] = sign * u;
  }
  f.t_end = latest_end;

  // P: spatial magnitude from the baseline before the QRS.
  const std::size_t p_lo = at(std::max({f.qrs_onset - 0.30, -pre, p_from})),
                    p_hi = at(f.qrs_onset - 0.02);
  std::vector<double> mag(n, 0.0);
  std::size_t pp = p_lo;
  for (std::size_t i = p_lo; i <= p_hi; ++i) {
    double s = 0.0;
    for (int l : vl) s += (avg[l][i] - f.baseline[l]) * (avg[l][i] - f.baseline[l]);
    mag[i] = std::sqrt(s);
    if (mag[i] > mag[pp]) pp = i;
  }
  for (std::size_t l = 0; l < L; ++l) {
    double best = 0.0;
    for (std::size_t i = p_lo; i <= p_hi; ++i)
      if (std::abs(avg[l][i] - f.baseline[l]) > std::abs(best)) best = avg[l][i] - f.baseline[l];
    f.p_amp[l] = best;
  }
  // P onset and offset: where the magnitude falls under 10% of its peak, or stops falling
  // (below 30% of it: the valley against the previous T wave or the QRS).
  f.p_found = mag[pp] > 0.05;
  if (f.p_found) {
    std::size_t i = pp;
    while (i > p_lo && mag[i] > 0.1 * mag[pp] && (mag[i - 1] <= mag[i] || mag[i] > 0.3 * mag[pp])) --i;
    f.p_onset = time(i);
    std::size_t j = pp;
    while (j < p_hi && mag[j] > 0.1 * mag[pp] && (mag[j + 1] <= mag[j] || mag[j] > 0.3 * mag[pp])) ++j;
    f.p_offset = time(j);
  }
  return f;
}

}  // namespace resus::ecg::oracle
