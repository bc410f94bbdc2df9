#include "oracles/shockable.hpp"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

#include "oracles/dsp.hpp"

namespace resus::ecg::oracle {
namespace {

// Kuo & Dillman: half period N from the mean absolute value over the mean absolute difference,
// then the leakage of the notch filter x[i] + x[i-N].
double leakage(const std::vector<double>& x) {
  double num = 0.0, den = 0.0;
  for (std::size_t i = 1; i < x.size(); ++i) {
    num += std::abs(x[i]);
    den += std::abs(x[i] - x[i - 1]);
  }
  if (den <= 0.0) return 1.0;
  const auto n = static_cast<std::size_t>(std::floor(std::numbers::pi * num / den + 0.5));
  if (n == 0 || n >= x.size()) return 1.0;
  double a = 0.0, b = 0.0;
  for (std::size_t i = n; i < x.size(); ++i) {
    a += std::abs(x[i] + x[i - n]);
    b += std::abs(x[i]) + std::abs(x[i - n]);
  }
  return b > 0.0 ? a / b : 1.0;
}

// Thakor TCI on consecutive 1-s segments, each thresholded at 20% of its maximum; averaged
// over the interior segments (which have neighbours on both sides).
double tci(const std::vector<double>& x, double fs) {
  const auto seg = static_cast<std::size_t>(fs);
  const std::size_t nseg = x.size() / seg;
  if (nseg < 3) return 2000.0;
  // Pulses: runs of samples above threshold, as (start, end) sample indices.
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> pulses(nseg);
  for (std::size_t s = 0; s < nseg; ++s) {
    double mx = 0.0;
    for (std::size_t i = s * seg; i < (s + 1) * seg; ++i) mx = std::max(mx, x[i]);
    const double th = 0.2 * mx;
    bool in = false;
    std::size_t start = 0;
    for (std::size_t i = s * seg; i < (s + 1) * seg; ++i) {
      const bool above = mx > 0.0 && x[i] > th;
      if (above && !in) start = i;
      if (!above && in) pulses[s].push_back({start, i});
      in = above;
    }
    if (in) pulses[s].push_back({start, (s + 1) * seg});
  }
  double sum = 0.0;
  int count = 0;
  for (std::size_t s = 1; s + 1 < nseg; ++s) {
    const auto& p = pulses[s];
    if (p.empty() || pulses[s - 1].empty() || pulses[s + 1].empty()) {
      sum += 2000.0;  // no pulse in a second: not VF
      ++count;
      continue;
    }
    const double begin = static_cast<double>(s * seg), end = static_cast<double>((s + 1) * seg);
    const double t1 = begin - static_cast<double>(pulses[s - 1].back().second);
    const double t2 = static_cast<double>(p.front().first) - begin;
    const double t3 = end - static_cast<double>(p.back().second);
    const double t4 = static_cast<double>(pulses[s + 1].front().first) - end;
    const double denom = static_cast<double>(p.size()) - 1.0 + (t1 + t2 > 0 ? t2 / (t1 + t2) : 0.0) +
                         (t3 + t4 > 0 ? t3 / (t3 + t4) : 0.0);
    sum += denom > 0.0 ? 1000.0 / denom : 2000.0;
    ++count;
  }
  return sum / count;
}

// Barro et al.: Hamming-windowed amplitude spectrum (|Re| + |Im|), peak Omega in 0.5-9 Hz,
// amplitudes under 5% of the peak zeroed, moment and band ratios up to min(20 Omega, 100 Hz).
void spectral(const std::vector<double>& x, double fs, ShockFeatures& f) {
  std::size_t n = 1;
  while (n < 8192 || n < x.size()) n <<= 1;
  std::vector<std::complex<double>> a(n);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double w = 0.54 - 0.46 * std::cos(2.0 * std::numbers::pi * static_cast<double>(i) /
                                            static_cast<double>(x.size() - 1));
    a[i] = x[i] * w;
  }
  fft(a);
  const double df = fs / static_cast<double>(n);
  std::vector<double> amp(n / 2);
  double hf = 0.0, all = 0.0;  // power above 12 Hz: sharp (narrow) complexes
  for (std::size_t k = 0; k < n / 2; ++k) {
    amp[k] = std::abs(a[k].real()) + std::abs(a[k].imag());
    const double fk = df * static_cast<double>(k);
    if (fk >= 1.0 && fk <= 30.0) all += std::norm(a[k]);
    if (fk >= 12.0 && fk <= 30.0) hf += std::norm(a[k]);
  }
  f.hf_fraction = all > 0.0 ? hf / all : 0.0;
  std::size_t kp = 0;
  for (std::size_t k = 0; k < n / 2; ++k) {
    const double fk = df * static_cast<double>(k);
    if (fk >= 0.5 && fk <= 9.0 && (kp == 0 || amp[k] > amp[kp])) kp = k;
  }
  const double omega = df * static_cast<double>(kp);
  for (double& v : amp) if (v < 0.05 * amp[kp]) v = 0.0;
  const double jmax = std::min(20.0 * omega, 100.0);
  double total = 0.0, moment = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
  for (std::size_t k = 0; k < n / 2; ++k) {
    const double fk = df * static_cast<double>(k);
    if (fk < 0.5 || fk > jmax) continue;
    total += amp[k];
    moment += amp[k] * fk;
    if (fk <= omega / 2.0) b1 += amp[k];
    if (fk >= 0.7 * omega && fk <= 1.4 * omega) b2 += amp[k];
    if (fk >= 2.0 * omega && fk <= 8.0 * omega) b3 += amp[k];
  }
  if (total <= 0.0 || omega <= 0.0) {
    f.m = 10.0, f.a1 = f.a2 = 0.0, f.a3 = 1.0;
    return;
  }
  f.m = moment / total / omega;
  f.a1 = b1 / total;
  f.a2 = b2 / total;
  f.a3 = b3 / total;
}

// Arafat TCSC: 3-s windows stepped by 1 s, cosine-tapered (0.25 s each end), |x| normalised by
// its maximum, percentage of samples above 0.2; averaged.
double tcsc(const std::vector<double>& x, double fs) {
  const auto win = static_cast<std::size_t>(3.0 * fs), step = static_cast<std::size_t>(fs);
  const double taper = 0.25 * fs;
  double sum = 0.0;
  int count = 0;
  for (std::size_t s = 0; s + win <= x.size(); s += step) {
    std::vector<double> y(win);
    double mx = 0.0;
    for (std::size_t i = 0; i < win; ++i) {
      const double d = std::min(static_cast<double>(i), static_cast<double>(win - 1 - i));
      const double w = d < taper ? 0.5 * (1.0 - std::cos(std::numbers::pi * d / taper)) : 1.0;
      y[i] = std::abs(x[s + i] * w);
      mx = std::max(mx, y[i]);
    }
    std::size_t above = 0;
    for (double v : y) above += mx > 0.0 && v / mx > 0.2;
    sum += 100.0 * static_cast<double>(above) / static_cast<double>(win);
    ++count;
  }
  return count ? sum / count : 0.0;
}

}  // namespace

ShockFeatures classify_segment(const std::vector<double>& raw, double fs,
                               const ShockThresholds& th) {
  ShockFeatures f{};
  // Front end: mean removal, 1-30 Hz (AED bandwidth, ecg.md 1.3).
  std::vector<double> x = raw;
  const double m = mean(x);
  for (double& v : x) v -= m;
  x = bandpass(x, fs, 1.0, 30.0);

  std::vector<double> pp;
  const auto sec = static_cast<std::size_t>(fs);
  for (std::size_t s = 0; s + sec <= x.size(); s += sec) pp.push_back(peak_to_peak(x, s, s + sec));
  std::sort(pp.begin(), pp.end());
  f.peak_to_peak_mV = pp.empty() ? 0.0 : pp[pp.size() / 2];

  f.leakage = leakage(x);
  f.tci_ms = tci(x, fs);
  spectral(x, fs, f);
  f.tcsc_pct = tcsc(x, fs);
  f.votes = (f.leakage < th.leakage) + (f.tci_ms < th.tci_ms) +
            (f.m <= th.m && f.a1 < th.a1 && f.a2 >= th.a2 && f.a3 <= th.a3) +
            (f.tcsc_pct > th.tcsc_pct);
  f.shockable = f.peak_to_peak_mV >= th.asystole_mV && f.votes >= th.votes &&
                f.hf_fraction < th.narrow_hf;
  return f;
}

}  // namespace resus::ecg::oracle
