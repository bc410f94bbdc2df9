// Counter-based random numbers: Philox4x32-10 (Random123) keyed by (seed, patient id) with the
// counter (stream, draw index). A draw depends only on those four numbers, never on threads or
// on how many draws another stream made. Our own uniform and normal transforms, because the
// standard library's distributions differ between implementations.
#pragma once

#include <cstdint>

namespace resus {

// Streams: adding draws in one never shifts another.
enum class RngStream : uint32_t {
  kRhythm = 1,   // atrial fibrillation intervals, rhythm changes
  kShock = 2,    // defibrillation and cardioversion outcomes
  kPopulation = 3,
  kEcgNoise = 4,
  kThorax = 5,   // decompression catheters' working lives
  kVfPads = 6,   // the engine's own pads recording of VF (its AMSA)
  kBrain = 7,    // post-anoxic seizures
  kEctopy = 8,   // premature ventricular beats (their own, so they shift no rhythm-change draw)
};

// The draws are out of line (rng.cpp) so that Random123's headers stay out of every file that
// holds a simulation.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t patient_id) : seed_(seed), patient_(patient_id) {}

  // Uniform in (0, 1) with 53 random bits: draw `index` of `stream`.
  double uniform(RngStream stream, uint32_t index) const;

  // Four standard normals from one counter block (two Box-Muller pairs): draw `index`.
  void normals4(RngStream stream, uint32_t index, double out[4]) const;

 private:
  uint64_t seed_;
  uint64_t patient_;
};

}  // namespace resus
