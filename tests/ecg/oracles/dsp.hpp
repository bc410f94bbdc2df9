// Signal processing for the oracles, written for the tests only: Butterworth biquads (bilinear
// transform), zero-phase filtering, a radix-2 FFT and Welch's power spectrum.
#pragma once

#include <complex>
#include <vector>

namespace resus::ecg::oracle {

struct Biquad {
  double b0, b1, b2, a1, a2;
};
// Second-order Butterworth sections.
Biquad butter_lowpass(double fc_Hz, double fs);
Biquad butter_highpass(double fc_Hz, double fs);

std::vector<double> filter(const Biquad& q, const std::vector<double>& x);
// Forward then backward (zero phase); edges padded by reflection.
std::vector<double> filtfilt(const Biquad& q, const std::vector<double>& x);
// Zero-phase band-pass: high-pass at lo then low-pass at hi.
std::vector<double> bandpass(const std::vector<double>& x, double fs, double lo_Hz, double hi_Hz);

// In-place radix-2 FFT; the size must be a power of two.
void fft(std::vector<std::complex<double>>& a);

struct Spectrum {
  double df_Hz = 0.0;           // bin spacing
  std::vector<double> power;    // one-sided power spectral density
  double frequency(std::size_t bin) const { return df_Hz * static_cast<double>(bin); }
  // Frequency of the largest bin in [lo, hi].
  double peak(double lo_Hz, double hi_Hz) const;
  // Power summed over [lo, hi].
  double band(double lo_Hz, double hi_Hz) const;
};

// Welch: Hann-windowed segments of `segment` samples (power of two), 50% overlap, mean removed.
Spectrum welch(const std::vector<double>& x, double fs, std::size_t segment);

double mean(const std::vector<double>& x);
double peak_to_peak(const std::vector<double>& x, std::size_t from, std::size_t to);

}  // namespace resus::ecg::oracle
