// AMSA, the amplitude spectrum area of VF, computed from the pads ECG the way published AMSA is
// (Ristagno 2015, Circulation 131:478): the 2 s before the shock, a Tukey window (r = 0.5), the
// amplitude spectrum summed over 2-48 Hz with each bin weighted by its frequency. The spectrum is
// taken on 4096 points over 0 to fs/2 and the sum divided by 4096, as the Irusta group's
// implementations do (freqz with NFFT = 4096, Alonso's published code). On the engine's pads it
// reads a quarter to a fifth of the engine's own `amsa_mV_Hz` (README, "AMSA from the pads").
#pragma once

#include <span>

namespace resus::aed {

// AMSA (mV*Hz) of the last 2 s of `pads_mV` sampled at `sample_rate_hz`. Pure and deterministic;
// 0 for fewer than 2 s of samples, a sample rate below 100 Hz or a non-finite sample.
double amplitude_spectrum_area(std::span<const float> pads_mV, double sample_rate_hz);

}  // namespace resus::aed
