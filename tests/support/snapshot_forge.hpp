// Forging snapshot bytes the way a deliberate attacker would: the header's FNV-1a checksum of the
// body (engine/sim_snapshot.cpp, format 3) recomputed after the body was changed, so that the
// field checks, not the checksum, must catch the damage. Shared by the engine tests and the fuzz
// targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace resus::test {

// Header: magic[8], version u32, state size u32, fingerprint u64, checksum u64.
inline constexpr std::size_t kSnapshotHeaderBytes = 32;
inline constexpr std::size_t kSnapshotChecksumAt = 24;

inline void reseal_snapshot(unsigned char* bytes, std::size_t size) {
  if (size < kSnapshotHeaderBytes) return;
  uint64_t h = 1469598103934665603ull;
  for (std::size_t i = kSnapshotHeaderBytes; i < size; ++i) h = (h ^ bytes[i]) * 1099511628211ull;
  std::memcpy(bytes + kSnapshotChecksumAt, &h, sizeof h);
}

}  // namespace resus::test
