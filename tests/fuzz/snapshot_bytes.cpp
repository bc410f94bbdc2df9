// Fuzz target: arbitrary bytes loaded as a snapshot (resus_sim_load). Almost every input fails
// the size, magic, version, fingerprint or checksum check; the first bytes choose whether the
// rest is placed behind a genuine header with a matching checksum, so the field checks are
// reached too. A load that succeeds must give a sim whose every output stays finite.
#include <vector>

#include "../support/snapshot_forge.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  resus_sim* sim = nullptr;
  if (resus_sim_create(male_model(), nullptr, &sim) != RESUS_OK) fail("sim", 0.0);
  const std::size_t full = static_cast<std::size_t>(resus_snapshot_size());
  std::vector<unsigned char> bytes;
  if (size > 0 && data[0] % 4 == 0) {
    // A genuine header and checksum around the fuzzer's body (zero-padded or cut to size).
    bytes.resize(full);
    resus_sim_save(sim, bytes.data(), static_cast<int64_t>(bytes.size()));
    std::fill(bytes.begin() + resus::test::kSnapshotHeaderBytes, bytes.end(), 0);
    std::memcpy(bytes.data() + resus::test::kSnapshotHeaderBytes, data + 1,
                std::min(size - 1, full - resus::test::kSnapshotHeaderBytes));
    resus::test::reseal_snapshot(bytes.data(), bytes.size());
  } else {
    bytes.assign(data, data + size);
  }
  const double before = resus_sim_time(sim);
  const resus_status status = resus_sim_load(sim, bytes.data(), static_cast<int64_t>(bytes.size()));
  if (status == RESUS_OK) {
    advance_and_check(sim, 0.5);
  } else {
    if (status != RESUS_ERR_INCOMPATIBLE && status != RESUS_ERR_INVALID_ARGUMENT) fail("load status", status);
    if (resus_sim_time(sim) != before) fail("a refused load changed the sim", resus_sim_time(sim));
    advance_and_check(sim, 0.1);
  }
  resus_sim_destroy(sim);
  return 0;
}
