// Synthetic depth and pressure signals for the CPR tests.
#pragma once

#include <cmath>
#include <cstdint>

namespace resus::cpr::test {

constexpr double kPi = 3.14159265358979323846;

// Half-sine compressions: base + amp * sin during `duty` of each period, base otherwise.
// With ratio > 0, `per_set` compressions are followed by a pause of pause_s (30:2 CPR).
struct Compressions {
  double rate_per_min = 110.0;
  double amp_mm = 55.0;
  double base_mm = 0.0;
  double duty = 0.5;
  int per_set = 0;        // 0: continuous
  double pause_s = 0.0;
  double period_s() const { return 60.0 / rate_per_min; }
  double set_s() const { return per_set * period_s() + pause_s; }
  double depth(double t) const {
    if (t < 0.0) return base_mm;
    if (per_set > 0) {
      t = std::fmod(t, set_s());
      if (t >= per_set * period_s()) return base_mm;
    }
    const double u = std::fmod(t, period_s()) / period_s();
    return u < duty ? base_mm + amp_mm * std::sin(kPi * u / duty) : base_mm;
  }
};

// Deterministic uniform noise in [-1, 1].
struct Lcg {
  uint64_t x = 0x9E3779B97F4A7C15ull;
  double next() {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return double(x >> 11) * (2.0 / 9007199254740992.0) - 1.0;
  }
};

// Arterial beat: systolic rise over the first 30 % of the cycle, then exponential run-off.
inline double arterial(double t, double rate_per_min, double sys, double dia) {
  const double period = 60.0 / rate_per_min;
  const double u = std::fmod(t, period) / period;
  const double tail = std::exp(-2.8);
  const double g = u < 0.3 ? std::sin(kPi * u / 0.6) : (std::exp(-(u - 0.3) / 0.25) - tail) / (1.0 - tail);
  return dia + (sys - dia) * g;
}

// CPR pressure: a half-sine on each compression (50 % duty).
inline double cpr_pressure(double t, double rate_per_min, double peak, double base) {
  const double period = 60.0 / rate_per_min;
  const double u = std::fmod(t, period) / period;
  return u < 0.5 ? base + (peak - base) * std::sin(kPi * u / 0.5) : base;
}

}  // namespace resus::cpr::test
