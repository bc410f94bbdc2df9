// Counter-based random numbers: Philox4x32-10 (Random123) keyed by (seed, patient id) with the
// counter (stream, draw index). A draw depends only on those four numbers, never on threads or
// on how many draws another stream made. Our own uniform and normal transforms, because the
// standard library's distributions differ between implementations.
#pragma once

#include <Random123/philox.h>

#include <cmath>
#include <cstdint>
#include <numbers>

namespace resus {

// Streams: adding draws in one never shifts another.
enum class RngStream : uint32_t {
  kRhythm = 1,   // atrial fibrillation intervals, ectopy
  kShock = 2,    // defibrillation and cardioversion outcomes
  kPopulation = 3,
  kEcgNoise = 4,
};

class Rng {
 public:
  Rng(uint64_t seed, uint64_t patient_id) : patient_(patient_id) {
    key_ = {{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}};
  }

  // Uniform in (0, 1) with 53 random bits: draw `index` of `stream`.
  double uniform(RngStream stream, uint32_t index) const {
    const auto r = block(stream, 0, index);
    const uint64_t bits = (static_cast<uint64_t>(r[0]) << 21) ^ (r[1] >> 11);
    return (static_cast<double>(bits & ((1ull << 53) - 1)) + 0.5) * 0x1.0p-53;
  }

  // Four standard normals from one counter block (two Box-Muller pairs): draw `index`.
  void normals4(RngStream stream, uint32_t index, double out[4]) const {
    const auto r = block(stream, 2, index);
    for (int pair = 0; pair < 2; ++pair) {
      const double u1 = (static_cast<double>(r[2 * pair]) + 0.5) * 0x1.0p-32;
      const double u2 = (static_cast<double>(r[2 * pair + 1]) + 0.5) * 0x1.0p-32;
      const double radius = std::sqrt(-2.0 * std::log(u1));
      const double angle = 2.0 * std::numbers::pi * u2;
      out[2 * pair] = radius * std::cos(angle);
      out[2 * pair + 1] = radius * std::sin(angle);
    }
  }

 private:
  // Key: the seed. Counter: (stream and variant, index, patient id).
  r123::Philox4x32::ctr_type block(RngStream stream, uint32_t variant, uint32_t index) const {
    const r123::Philox4x32::ctr_type c = {
        {static_cast<uint32_t>(stream) | (variant << 16), index,
         static_cast<uint32_t>(patient_), static_cast<uint32_t>(patient_ >> 32)}};
    return r123::Philox4x32()(c, key_);
  }

  r123::Philox4x32::key_type key_;
  uint64_t patient_;
};

}  // namespace resus
