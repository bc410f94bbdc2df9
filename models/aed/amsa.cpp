#include "models/aed/amsa.hpp"

#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace resus::aed {
namespace {
constexpr double kWindow_s = 2.0;
constexpr double kTukeyRatio = 0.5;
constexpr double kLow_Hz = 2.0, kHigh_Hz = 48.0;
constexpr int kSpectrumPoints = 4096;  // over 0 .. fs/2, as freqz(x, 1, 4096, fs)

// Tukey (tapered cosine) window: flat in the middle, cosine tapers over r/2 of each end.
double tukey(int i, int n) {
  const double x = static_cast<double>(i) / (n - 1);
  const double r = kTukeyRatio;
  if (x < r / 2) return 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi / r * (x - r / 2)));
  if (x > 1.0 - r / 2) return 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi / r * (x - 1.0 + r / 2)));
  return 1.0;
}
}  // namespace

double amplitude_spectrum_area(std::span<const float> pads_mV, double sample_rate_hz) {
  if (!(sample_rate_hz >= 100.0)) return 0.0;
  const auto n = static_cast<int>(std::lround(kWindow_s * sample_rate_hz));
  if (static_cast<int>(pads_mV.size()) < n) return 0.0;
  const std::span<const float> x = pads_mV.last(static_cast<std::size_t>(n));
  std::vector<double> windowed(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    if (!std::isfinite(x[static_cast<std::size_t>(i)])) return 0.0;
    windowed[static_cast<std::size_t>(i)] = x[static_cast<std::size_t>(i)] * tukey(i, n);
  }
  // The DFT at the bins of the band only (a few thousand), each by a rotating phasor.
  const double bin_Hz = sample_rate_hz / (2.0 * kSpectrumPoints);
  double area = 0.0;
  for (int k = static_cast<int>(std::ceil(kLow_Hz / bin_Hz)); k * bin_Hz <= kHigh_Hz; ++k) {
    const double f = k * bin_Hz;
    const std::complex<double> step = std::polar(1.0, -2.0 * std::numbers::pi * f / sample_rate_hz);
    std::complex<double> phasor = 1.0, sum = 0.0;
    for (int i = 0; i < n; ++i) {
      sum += windowed[static_cast<std::size_t>(i)] * phasor;
      phasor *= step;
    }
    area += std::abs(sum) * f;
  }
  return area / kSpectrumPoints;
}

}  // namespace resus::aed
