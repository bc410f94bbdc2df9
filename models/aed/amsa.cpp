#include "models/aed/amsa.hpp"

#include <bit>
#include <cmath>
#include <memory>
#include <numbers>

namespace resus::aed {
namespace {
constexpr double kWindow_s = 2.0;
constexpr double kTukeyRatio = 0.5;
constexpr double kLow_Hz = 2.0, kHigh_Hz = 48.0;
constexpr int kMinPoints = 1024;  // freqz's NFFT: at least 1024
constexpr int kMaxPoints = std::tuple_size_v<decltype(AmsaScratch::z)>;
constexpr int kMaxDft = 2 * kMaxPoints;  // freqz's NFFT points over 0 .. fs/2 sample a 2 NFFT DFT

// Tukey (tapered cosine) window: flat in the middle, cosine tapers over r/2 of each end.
double tukey(int i, int n) {
  const double x = static_cast<double>(i) / (n - 1);
  const double r = kTukeyRatio;
  if (x < r / 2) return 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi / r * (x - r / 2)));
  if (x > 1.0 - r / 2) return 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi / r * (x - 1.0 + r / 2)));
  return 1.0;
}

// exp(-2 pi i k / kMaxDft) for k < kMaxDft / 2, built once when the library loads (never in a
// simulation step). A DFT of length L uses every (kMaxDft / L)-th entry.
struct Twiddles {
  std::array<std::complex<double>, kMaxDft / 2> w;
  Twiddles() {
    for (int k = 0; k < kMaxDft / 2; ++k)
      w[static_cast<std::size_t>(k)] = std::polar(1.0, -2.0 * std::numbers::pi * k / kMaxDft);
  }
};
const Twiddles kTwiddles;

std::complex<double> twiddle(int k, int dft_length) {
  return kTwiddles.w[static_cast<std::size_t>(k * (kMaxDft / dft_length))];
}

// In-place radix-2 FFT of the first `n` (a power of two) points of z.
void fft(std::complex<double>* z, int n) {
  for (int i = 1, j = 0; i < n; ++i) {
    int bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(z[i], z[j]);
  }
  // The butterflies in real arithmetic: std::complex's product checks every result for NaN (C99
  // Annex G), which costs as much as the product itself; the samples were checked finite.
  for (int len = 2; len <= n; len <<= 1) {
    const int half = len / 2, stride = kMaxDft / len;
    for (int start = 0; start < n; start += len)
      for (int k = 0; k < half; ++k) {
        const std::complex<double> w = kTwiddles.w[static_cast<std::size_t>(k * stride)];
        std::complex<double>& lo = z[start + k];
        std::complex<double>& hi = z[start + k + half];
        const double tr = w.real() * hi.real() - w.imag() * hi.imag();
        const double ti = w.real() * hi.imag() + w.imag() * hi.real();
        hi = {lo.real() - tr, lo.imag() - ti};
        lo = {lo.real() + tr, lo.imag() + ti};
      }
  }
}

}  // namespace

double amplitude_spectrum_area(std::span<const float> pads_mV, double sample_rate_hz,
                               AmsaScratch& scratch) {
  if (!(sample_rate_hz >= 100.0 && sample_rate_hz <= 1024.0)) return 0.0;
  const auto n = static_cast<int>(std::lround(kWindow_s * sample_rate_hz));
  if (static_cast<int>(pads_mV.size()) < n) return 0.0;
  const std::span<const float> x = pads_mV.last(static_cast<std::size_t>(n));
  const int points = std::max(static_cast<int>(std::bit_ceil(static_cast<unsigned>(n))), kMinPoints);
  const int dft = 2 * points;
  // The windowed samples, zero-padded to the DFT's length, packed as `points` complex values
  // (even + i odd).
  if (scratch.window_n != n) {
    for (int i = 0; i < n; ++i) scratch.window[static_cast<std::size_t>(i)] = tukey(i, n);
    scratch.window_n = n;
  }
  std::complex<double>* z = scratch.z.data();
  std::fill(z, z + points, std::complex<double>(0.0, 0.0));
  for (int i = 0; i < n; ++i) {
    const double v = x[static_cast<std::size_t>(i)];
    if (!std::isfinite(v)) return 0.0;
    const double w = v * scratch.window[static_cast<std::size_t>(i)];
    z[i / 2] = (i % 2 == 0) ? std::complex<double>(w, z[i / 2].imag())
                            : std::complex<double>(z[i / 2].real(), w);
  }
  fft(z, points);
  // The real signal's spectrum: X[k] = E[k] + W^k O[k], E and O from Z[k] and conj(Z[points - k]).
  // 48 Hz lies below fs / 2 for every accepted rate, so 0 < k < points.
  const double bin_Hz = sample_rate_hz / dft;
  double area = 0.0;
  for (int k = static_cast<int>(std::ceil(kLow_Hz / bin_Hz)); k * bin_Hz <= kHigh_Hz; ++k) {
    const std::complex<double> a = z[k], b = std::conj(z[points - k]);
    const std::complex<double> even = 0.5 * (a + b);
    const std::complex<double> odd = std::complex<double>(0.0, -0.5) * (a - b);
    area += std::abs(even + twiddle(k, dft) * odd) * (k * bin_Hz);
  }
  return 2.0 * area / points;
}

double amplitude_spectrum_area(std::span<const float> pads_mV, double sample_rate_hz) {
  const auto scratch = std::make_unique<AmsaScratch>();
  return amplitude_spectrum_area(pads_mV, sample_rate_hz, *scratch);
}

}  // namespace resus::aed
