// AMSA, the amplitude spectrum area of VF, computed from the pads ECG the way published AMSA is:
// the reference implementation of Ristagno's AMSA (Circulation 2015, 131:478) by Chicote and
// Irusta (2017): the 2 s before the shock, a Tukey window (r = 0.5), the magnitude of their
// spectrum on NFFT points over 0 to fs/2 (freqz, NFFT the next power of two of the samples and
// at least 1024), each bin between 2 and 48 Hz weighted by its frequency, the sum times 2/NFFT
// (so that |X| reads as amplitude: a sine of peak A at f reads about 3 A f). The engine computes
// its own `amsa_mV_Hz` with this function from its own VF source on the pads
// (engine/stages/vf_pads.cpp), so that what an AED computes is what decides a shock.
#pragma once

#include <array>
#include <complex>
#include <span>

namespace resus::aed {

// Working memory for one AMSA (48 KB): the real 2 NFFT-point DFT as an NFFT-point complex FFT of
// the even and odd samples. A real-time host keeps one and computes without allocating.
struct AmsaScratch {
  std::array<std::complex<double>, 2048> z;
  // The Tukey window for window_n samples, kept between calls (0: none yet): a recording at one
  // rate needs it once, not 500 cosines a second.
  std::array<double, 2048> window;
  int window_n = 0;
};

// AMSA (mV*Hz) of the last 2 s of `pads_mV` sampled at `sample_rate_hz` (100 to 1024 Hz). Pure
// and deterministic; 0 for fewer than 2 s of samples, a sample rate outside that range or a
// non-finite sample. Allocates nothing.
double amplitude_spectrum_area(std::span<const float> pads_mV, double sample_rate_hz,
                               AmsaScratch& scratch);
// The same with its own scratch (allocates it): for tests and offline use.
double amplitude_spectrum_area(std::span<const float> pads_mV, double sample_rate_hz);

}  // namespace resus::aed
