// Fuzz target: a valid snapshot of a sim in a busy state (VF, CPR 30:2 with a bag-mask, a
// hemorrhage, a scheduled shock, the ECG and waveforms on), with bytes of the body changed as the
// input says (pairs of offset and XOR mask) and the checksum forged to match. The field checks
// must refuse what cannot run; what they accept must run with every output finite.
#include <vector>

#include "../support/snapshot_forge.hpp"
#include "fuzz_support.hpp"

namespace {

const std::vector<unsigned char>& busy_snapshot() {
  static const std::vector<unsigned char> bytes = [] {
    using namespace resus_fuzz;
    resus_sim* sim = nullptr;
    resus_sim_def def = resus_default_sim_def();
    def.seed = 3;
    if (resus_sim_create(male_model(), &def, &sim) != RESUS_OK) fail("sim", 0.0);
    resus_ecg_def ecg = resus_default_ecg_def();
    ecg.sample_rate_hz = 250;
    resus_sim_ecg_configure(sim, &ecg);
    resus_sim_waveforms_configure(sim, 50);
    resus_sim_hemorrhage(sim, 300, 0, RESUS_BLEED_VENOUS);
    resus_sim_set_rhythm(sim, RESUS_RHYTHM_VF_COARSE);
    resus_sim_advance(sim, 20.0);
    resus_sim_set_airway(sim, RESUS_AIRWAY_BAG_MASK);
    resus_sim_cpr_start(sim, 110, 55, 30, 2);
    resus_action shock = resus_default_action(RESUS_ACTION_SHOCK);
    shock.energy_J = 200;
    resus_sim_schedule(sim, 60.0, &shock);
    resus_sim_advance(sim, 25.0);
    std::vector<unsigned char> out(static_cast<std::size_t>(resus_snapshot_size()));
    resus_sim_save(sim, out.data(), static_cast<int64_t>(out.size()));
    resus_sim_destroy(sim);
    return out;
  }();
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  std::vector<unsigned char> bytes = busy_snapshot();
  const std::size_t body = bytes.size() - resus::test::kSnapshotHeaderBytes;
  Bytes in(data, size);
  for (int flips = 0; flips < 16 && !in.empty(); ++flips) {
    const uint32_t offset = (static_cast<uint32_t>(in.u8()) << 16) | (in.u8() << 8) | in.u8();
    const uint8_t mask = in.u8();
    bytes[resus::test::kSnapshotHeaderBytes + offset % body] ^= mask;
  }
  resus::test::reseal_snapshot(bytes.data(), bytes.size());
  resus_sim* sim = nullptr;
  if (resus_sim_create(male_model(), nullptr, &sim) != RESUS_OK) fail("sim", 0.0);
  const resus_status status = resus_sim_load(sim, bytes.data(), static_cast<int64_t>(bytes.size()));
  if (status == RESUS_OK) {
    advance_and_check(sim, 2.0);
  } else if (status != RESUS_ERR_INCOMPATIBLE) {
    fail("load status", status);
  } else if (resus_sim_time(sim) != 0.0) {
    fail("a refused load changed the sim", resus_sim_time(sim));
  }
  resus_sim_destroy(sim);
  return 0;
}
