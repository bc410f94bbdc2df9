#include "oracles/dsp.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace resus::ecg::oracle {
namespace {

Biquad butter(double fc, double fs, bool high) {
  const double k = std::tan(std::numbers::pi * fc / fs);
  const double norm = 1.0 / (1.0 + std::numbers::sqrt2 * k + k * k);
  Biquad q{};
  if (high) {
    q.b0 = norm;
    q.b1 = -2.0 * norm;
  } else {
    q.b0 = k * k * norm;
    q.b1 = 2.0 * q.b0;
  }
  q.b2 = q.b0;
  q.a1 = 2.0 * (k * k - 1.0) * norm;
  q.a2 = (1.0 - std::numbers::sqrt2 * k + k * k) * norm;
  return q;
}

}  // namespace

Biquad butter_lowpass(double fc, double fs) { return butter(fc, fs, false); }
Biquad butter_highpass(double fc, double fs) { return butter(fc, fs, true); }

std::vector<double> filter(const Biquad& q, const std::vector<double>& x) {
  std::vector<double> y(x.size());
  double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  for (std::size_t n = 0; n < x.size(); ++n) {
    const double v = q.b0 * x[n] + q.b1 * x1 + q.b2 * x2 - q.a1 * y1 - q.a2 * y2;
    x2 = x1;
    x1 = x[n];
    y2 = y1;
    y1 = v;
    y[n] = v;
  }
  return y;
}

std::vector<double> filtfilt(const Biquad& q, const std::vector<double>& x) {
  if (x.size() < 4) return x;
  const std::size_t pad = std::min<std::size_t>(x.size() - 1, 300);
  std::vector<double> e;
  e.reserve(x.size() + 2 * pad);
  for (std::size_t i = pad; i >= 1; --i) e.push_back(2.0 * x[0] - x[i]);
  e.insert(e.end(), x.begin(), x.end());
  for (std::size_t i = 1; i <= pad; ++i) e.push_back(2.0 * x.back() - x[x.size() - 1 - i]);
  std::vector<double> y = filter(q, e);
  std::reverse(y.begin(), y.end());
  y = filter(q, y);
  std::reverse(y.begin(), y.end());
  return {y.begin() + static_cast<std::ptrdiff_t>(pad), y.end() - static_cast<std::ptrdiff_t>(pad)};
}

std::vector<double> bandpass(const std::vector<double>& x, double fs, double lo, double hi) {
  return filtfilt(butter_lowpass(hi, fs), filtfilt(butter_highpass(lo, fs), x));
}

void fft(std::vector<std::complex<double>>& a) {
  const std::size_t n = a.size();
  for (std::size_t i = 1, j = 0; i < n; ++i) {
    std::size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(a[i], a[j]);
  }
  for (std::size_t len = 2; len <= n; len <<= 1) {
    const double ang = -2.0 * std::numbers::pi / static_cast<double>(len);
    const std::complex<double> wl(std::cos(ang), std::sin(ang));
    for (std::size_t i = 0; i < n; i += len) {
      std::complex<double> w(1.0, 0.0);
      for (std::size_t k = 0; k < len / 2; ++k) {
        const auto u = a[i + k], v = a[i + k + len / 2] * w;
        a[i + k] = u + v;
        a[i + k + len / 2] = u - v;
        w *= wl;
      }
    }
  }
}

double Spectrum::peak(double lo, double hi) const {
  std::size_t best = 0;
  double bp = -1.0;
  for (std::size_t k = 0; k < power.size(); ++k) {
    const double f = frequency(k);
    if (f >= lo && f <= hi && power[k] > bp) {
      bp = power[k];
      best = k;
    }
  }
  return frequency(best);
}

double Spectrum::band(double lo, double hi) const {
  double s = 0.0;
  for (std::size_t k = 0; k < power.size(); ++k) {
    const double f = frequency(k);
    if (f >= lo && f <= hi) s += power[k];
  }
  return s;
}

Spectrum welch(const std::vector<double>& x, double fs, std::size_t seg) {
  Spectrum s;
  s.df_Hz = fs / static_cast<double>(seg);
  s.power.assign(seg / 2 + 1, 0.0);
  std::vector<double> w(seg);
  double wsum = 0.0;
  for (std::size_t i = 0; i < seg; ++i) {
    w[i] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(seg));
    wsum += w[i] * w[i];
  }
  int count = 0;
  for (std::size_t start = 0; start + seg <= x.size(); start += seg / 2, ++count) {
    double m = 0.0;
    for (std::size_t i = 0; i < seg; ++i) m += x[start + i];
    m /= static_cast<double>(seg);
    std::vector<std::complex<double>> a(seg);
    for (std::size_t i = 0; i < seg; ++i) a[i] = (x[start + i] - m) * w[i];
    fft(a);
    for (std::size_t k = 0; k <= seg / 2; ++k) s.power[k] += std::norm(a[k]) / (wsum * fs);
  }
  for (double& p : s.power) p /= std::max(count, 1);
  return s;
}

double mean(const std::vector<double>& x) {
  double s = 0.0;
  for (double v : x) s += v;
  return x.empty() ? 0.0 : s / static_cast<double>(x.size());
}

double peak_to_peak(const std::vector<double>& x, std::size_t from, std::size_t to) {
  to = std::min(to, x.size());
  if (from >= to) return 0.0;
  const auto [lo, hi] = std::minmax_element(x.begin() + static_cast<std::ptrdiff_t>(from),
                                            x.begin() + static_cast<std::ptrdiff_t>(to));
  return *hi - *lo;
}

}  // namespace resus::ecg::oracle
