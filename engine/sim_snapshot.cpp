// Snapshots: the whole SimState as versioned bytes with the model's fingerprint, checked before
// it replaces a running state.
#include <cstring>
#include <string>

#include "engine/sim.hpp"
#include "engine/waveforms.hpp"

namespace resus {
namespace {

struct SnapshotHeader {
  char magic[8];
  uint32_t version;
  uint32_t state_size;
  uint64_t fingerprint;
};
constexpr char kMagic[8] = {'R', 'E', 'S', 'U', 'S', 'S', 'N', 'P'};
constexpr uint32_t kSnapshotVersion = 2;  // 2: CPR, breathing and waveform state

}  // namespace

std::size_t Sim::snapshot_size() { return sizeof(SnapshotHeader) + sizeof(SimState); }

void Sim::save(void* buffer) const noexcept {
  SnapshotHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kSnapshotVersion;
  h.state_size = static_cast<uint32_t>(sizeof(SimState));
  h.fingerprint = model_->fingerprint();
  auto* out = static_cast<unsigned char*>(buffer);
  std::memcpy(out, &h, sizeof h);
  std::memcpy(out + sizeof h, &s_, sizeof s_);
}

void Sim::restore(const void* buffer, std::size_t size) {
  if (size != snapshot_size())
    throw Error(Status::kIncompatible, "snapshot is " + std::to_string(size) +
                                           " bytes; this build expects " +
                                           std::to_string(snapshot_size()));
  SnapshotHeader h;
  std::memcpy(&h, buffer, sizeof h);
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
    throw Error(Status::kIncompatible, "not a resus snapshot (bad magic)");
  if (h.version != kSnapshotVersion || h.state_size != sizeof(SimState))
    throw Error(Status::kIncompatible, "snapshot version " + std::to_string(h.version) +
                                           " does not match this build's " +
                                           std::to_string(kSnapshotVersion));
  if (h.fingerprint != model_->fingerprint())
    throw Error(Status::kIncompatible, "snapshot was taken from a sim of a different model");
  // The body is checked before it replaces the running state: indices must be in range and the
  // physiology finite, so a corrupted snapshot cannot cause out-of-bounds access.
  SimState incoming;
  std::memcpy(&incoming, static_cast<const unsigned char*>(buffer) + sizeof h, sizeof incoming);
  const bool indices_ok = incoming.queue_size >= 0 && incoming.queue_size <= kQueueCapacity &&
                          incoming.event_count >= 0 && incoming.event_count <= kEventCapacity &&
                          incoming.event_head >= 0 && incoming.event_head < kEventCapacity &&
                          incoming.baro.head >= 0 && incoming.baro.head < autonomic::kBaroHistory &&
                          incoming.step >= 0 &&
                          incoming.cpr_quality.head >= 0 && incoming.cpr_quality.head < cpr::kQualityRing &&
                          incoming.pulse.block >= 0 && incoming.pulse.block < cpr::kPulseBlocks &&
                          incoming.compression.source >= 0 && incoming.compression.source <= 2 &&
                          incoming.resp.queue_count >= 0 && incoming.resp.queue_count <= resp::kBreathQueue &&
                          incoming.resp.n_breaths >= 0 &&
                          static_cast<uint32_t>(incoming.resp.airway) <= 5u &&
                          static_cast<uint32_t>(incoming.resp.vent.mode) <= 3u;
  if (!indices_ok || !finite_state(incoming.x))
    throw Error(Status::kIncompatible, "snapshot body is corrupted (index out of range or non-finite state)");
  s_ = incoming;
  rng_ = Rng(s_.seed, s_.patient_id);
  // Undrained samples belonged to the old trajectory; the stream restarts (sized on first use).
  if (s_.ecg_rate_hz > 0 && !ecg_stream_)
    ecg_stream_ = std::make_unique<EcgStream>(ecg::kNumLeads, kEcgCapacity);
  if (ecg_stream_) ecg_stream_->clear();
  if (s_.wave_rate_hz > 0 && !wave_stream_)
    wave_stream_ = std::make_unique<EcgStream>(kNumWaves, kWaveCapacity);
  if (wave_stream_) wave_stream_->clear();
}

static_assert(std::is_trivially_copyable_v<SimState>);

}  // namespace resus
