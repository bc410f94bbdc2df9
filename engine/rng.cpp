// Philox4x32-10 blocks and the transforms of rng.hpp.
#include "engine/rng.hpp"

#include <Random123/philox.h>

#include <cmath>
#include <numbers>

namespace resus {
namespace {

// Key: the seed. Counter: (stream and variant, index, patient id).
r123::Philox4x32::ctr_type block(uint64_t seed, uint64_t patient, RngStream stream,
                                 uint32_t variant, uint32_t index) {
  const r123::Philox4x32::key_type key = {
      {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}};
  const r123::Philox4x32::ctr_type c = {
      {static_cast<uint32_t>(stream) | (variant << 16), index, static_cast<uint32_t>(patient),
       static_cast<uint32_t>(patient >> 32)}};
  return r123::Philox4x32()(c, key);
}

}  // namespace

double Rng::uniform(RngStream stream, uint32_t index) const {
  const auto r = block(seed_, patient_, stream, 0, index);
  const uint64_t bits = (static_cast<uint64_t>(r[0]) << 21) ^ (r[1] >> 11);
  return (static_cast<double>(bits & ((1ull << 53) - 1)) + 0.5) * 0x1.0p-53;
}

void Rng::normals4(RngStream stream, uint32_t index, double out[4]) const {
  const auto r = block(seed_, patient_, stream, 2, index);
  for (int pair = 0; pair < 2; ++pair) {
    const double u1 = (static_cast<double>(r[2 * pair]) + 0.5) * 0x1.0p-32;
    const double u2 = (static_cast<double>(r[2 * pair + 1]) + 0.5) * 0x1.0p-32;
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    out[2 * pair] = radius * std::cos(angle);
    out[2 * pair + 1] = radius * std::sin(angle);
  }
}

}  // namespace resus
