// Fuzz target: resus_aed_analyse on arbitrary samples, as a manikin's or a game's defibrillator
// might hand it a buffer: the first byte picks a sample rate (valid or not), the rest are floats
// (any bit pattern: NaN, infinities, denormals, huge values), sometimes scaled to a plausible
// ECG. The call must return OK or INVALID_ARGUMENT with a message; on OK every field is finite,
// the flags are 0 or 1, and a second call gives the same bytes.
#include <cmath>
#include <cstring>
#include <vector>

#include <resus/resus.h>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  if (size < 2) return 0;
  static const double kRates[] = {250, 500, 1000, 100, 99.5, 10000, 10001, 0, -250, NAN, INFINITY,
                                  128, 360, 2000};
  const double rate = kRates[data[0] % (sizeof kRates / sizeof kRates[0])];
  const bool scaled = data[1] & 1;  // an ECG-like segment: each float folded into +-5 mV
  std::vector<float> samples((size - 2) / sizeof(float));
  if (!samples.empty()) std::memcpy(samples.data(), data + 2, samples.size() * sizeof(float));
  if (scaled)
    for (float& x : samples)
      if (std::isfinite(x)) x = static_cast<float>(std::fmod(static_cast<double>(x), 5.0));
  // Short inputs stand for a longer segment: repeat them up to a few seconds.
  if (!samples.empty() && (data[1] & 2)) {
    const std::size_t n = samples.size();
    while (samples.size() < 2500) samples.push_back(samples[samples.size() % n]);
  }
  resus_aed_finding first = resus_default_aed_finding(), again = resus_default_aed_finding();
  const resus_status s = resus_aed_analyse(samples.data(), static_cast<int64_t>(samples.size()),
                                           rate, &first);
  if (s != RESUS_OK) {
    if (s != RESUS_ERR_INVALID_ARGUMENT) fail("status", s);
    if (std::strlen(resus_last_error(nullptr)) == 0) fail("empty message", s);
    return 0;
  }
  const double numbers[] = {first.rate_per_min, first.amplitude_mV, first.qrs_width_ms,
                            first.rr_variation, first.tcsc_pct, first.leakage, first.regularity};
  for (int i = 0; i < 7; ++i)
    if (!std::isfinite(numbers[i])) fail("finding", numbers[i], i);
  for (int32_t flag : {first.advice, first.asystole, first.organised, first.fibrillation, first.rapid_wide})
    if (flag != 0 && flag != 1) fail("flag", flag);
  if (first.complexes < 0) fail("complexes", first.complexes);
  if (resus_aed_analyse(samples.data(), static_cast<int64_t>(samples.size()), rate, &again) != RESUS_OK ||
      std::memcmp(&first, &again, sizeof first) != 0)
    fail("not deterministic", 0.0);
  return 0;
}
