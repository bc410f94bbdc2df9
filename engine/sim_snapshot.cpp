// Snapshots: the whole SimState as versioned bytes with the model's fingerprint and a checksum
// of the body, checked field by field before it replaces a running state.
#include <cmath>
#include <cstddef>
#include <cstring>
#include <sstream>
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
  uint64_t checksum;  // FNV-1a of the body: catches accidental damage before the field checks
};
// The header's layout is part of the format (tests/support/snapshot_forge.hpp relies on it).
static_assert(sizeof(SnapshotHeader) == 32 && offsetof(SnapshotHeader, checksum) == 24);
constexpr char kMagic[8] = {'R', 'E', 'S', 'U', 'S', 'S', 'N', 'P'};
// 2: CPR, breathing and waveform state. 3: body checksum in the header. 4: the state laid out
// as the bus and one section per stage. 5: the blood pools as their own stage (models/blood).
// 6: the CPR meter's readout computed when read; the septal solve's warm start (docs/abi.md).
// 7: the pharmacology stage (drugs and the body's own hormones). 8: its start-of-tick volumes
// and alpha-1 tolerance. 9: the chemistry and thermal stages (solutes in the blood's pools, the
// analyser; core and shell temperature). 10: the thorax and thrombosis stages (pericardial
// fluid, pleural air, clots), the alveolar pressure on the lungs' bus, two effect channels.
// 11: the toxins and their antidotes (five drugs, the blockade effect channels, sodium on the
// chemistry's bus, the blood the channel blockers act in). 12: the nerves' AV dromotropy on the
// autonomic bus; the fluids stage (red cells, plasma protein, capillary exchange) and the kind of
// each running fluid. 13: the myocardium's injury and stunning, its energy and automaticity on the
// electrical bus. 14: the brainstem's gasping reserve. 15: pleural blood (haemothorax) and the
// decompression catheters' working lives. 16: the chemoreceptors and lung-stretch receptors, the
// heart's own sympathetic limb, the lung volume on the lungs' bus. 17: the cerebral vessels
// (autoregulation and CO2 reactivity) and their tone on the bus; the post-arrest fever (its set
// point on the inflammation's bus and in the thermal state). 18: the sternum's ventricular
// displacement on the chest's bus; the vessels' ischaemia (alpha-1 hold) in the pharmacology.
// 19: the myocardium's energy in the pharmacology (the beta-1 hold). 20: the engine's own pads
// recording of VF, its AMSA and the rhythm on the electrical bus, the ECG's fast VF jitter noise,
// the brain's secondary injury, reperfusion clock, seizure and seizure draws. 21: the O2 limit on
// the heart's inotropic state (electrical bus). 22: the carotid bodies' sensed arterial pressure.
// 23: the beats' swing over the last breaths (pulse pressure and systolic pressure variation).
// 24: the RV's load as the wall stress it develops (activation x pressure x volume), where it
// was its pressure. 25: haemodialysis in the chemistry (blood flow, bath, what it took out); the
// temperature bus's Q10 scale (the myocardium's O2 use).
// 26: the time since each coronary artery last closed (the primary VF hazard's time course). 27: the
// stomach as a drug site before the small intestine. 28: the conduction's mark on the AF the cold
// brought. 29: the conduction's pending premature ventricular beat and its count of them. 30: the
// potassium the membrane has adapted to, in the chemistry. 31: each running fluid's temperature, and
// the fluids' heat on the way to the thermal stage; the heart's count of ectopy draws (its own
// stream). 32: the chemistry bus's glucose (the brain and the adrenal medulla read it), the brain
// bus's O2 delivery and the respiration's filtered view of it (the brainstem's O2 gate), the
// fluids bus's plasma protein (the anion gap). 33: the pupil-constriction effect channel (an
// opioid's miosis). 34: the cardiopulmonary reflex's lags and its atrial pressure sum. 35: the
// heart's reperfusion clock, its ischaemia mark and whether it has fibrillated (re-arrest). 36:
// the stunning's two parts (the reperfusion's, within minutes; the late, over hours).
constexpr uint32_t kSnapshotVersion = 36;

// The releases that wrote each format, for the refusal's message.
std::string format_release(uint32_t version) {
  switch (version) {
    case 1: return "written by resus 0.1";
    case 2: case 3: case 4: return "written by resus 0.2";
    case 5: case 6: case 7: return "written by resus 0.3";
    case 8: return "written by resus 0.4";
    case 9: return "written by resus 0.5";
    case 10: return "written by resus 0.6";
    case 11: return "written by resus 0.7";
    case 12: return "written by resus 0.8";
    case 13: return "written by resus 0.9 or 0.10";
    case 14: case 15: case 16: case 17: case 18: case 19: case 20: case 21: case 22: case 23:
    case 24: case 25: case 26: case 27: case 28: case 29: case 30: case 31: case 32: case 33:
    case 34: case 35:
      return "written by a development build after 0.10.0";
    default: return version > kSnapshotVersion ? "written by a newer resus" : "unknown";
  }
}

uint64_t fnv1a(const void* data, std::size_t n) {
  uint64_t h = 1469598103934665603ull;
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// The rings and the queue the sim owns, and the signals.
void check_sim_parts(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const EventRing& ev = s.events;
  c.index("events.head", ev.head, 0, kEventCapacity - 1)
      .index("events.count", ev.count, 0, kEventCapacity)
      .index("events.dropped", ev.dropped, 0, INT64_MAX);
  for (int i = 0; i < kEventCapacity; ++i) {
    const Event& e = ev.events[static_cast<std::size_t>(i)];
    // An undrained event has a kind; a free slot may still be zero.
    const bool live = (i - ev.head + kEventCapacity) % kEventCapacity < ev.count;
    c.in("events.time_s", e.time_s, -kTime_s, kTime_s, i)
        .index("events.kind", static_cast<int32_t>(e.kind), live ? 1 : 0,
               static_cast<int>(EventKind::kLastEventKind), i)
        .in("events.value", e.value, -kAny, kAny, i);
  }
  const ActionQueue& q = s.queue;
  c.index("queue.size", q.size, 0, kQueueCapacity).index("queue.next_seq", q.next_seq, 0, INT64_MAX);
  for (int i = 0; i < q.size && c.ok(); ++i) {
    const ScheduledAction& e = q.entries[static_cast<std::size_t>(i)];
    c.index("queue.step", e.step, 0, static_cast<int64_t>(kMaxDuration_s / kStep_s) + 1, i)
        .index("queue.seq", e.seq, 0, q.next_seq - 1, i);
    if (i > 0)
      c.index("queue.step (sorted)", e.step, q.entries[static_cast<std::size_t>(i - 1)].step,
              INT64_MAX, i);
    c.index("queue.action.kind", static_cast<int32_t>(e.action.kind), 1,
            static_cast<int64_t>(action_registry().size()), i);
    // A queued action was validated when it was scheduled, and validation is idempotent.
    if (c.ok()) {
      try {
        (void)validated(e.action);
      } catch (const Error&) {
        c.index("queue.action (not a valid action)", i, -1, -1, i);
      }
    }
  }
  for (int i = 0; i < kNumSignals; ++i)
    c.in("signals", s.signals[static_cast<std::size_t>(i)], -kAny, kAny, i);
}

// The effect channels: each slot finite, each combined value what its slots give.
void check_effects(const Effects& e, StateCheck& c) {
  for (int ch = 0; ch < kNumEffectChannels; ++ch) {
    c.all_in("effects.slot", e.slot[static_cast<std::size_t>(ch)], -1e3, 1e3);
    const double v = e.value[static_cast<std::size_t>(ch)];
    if (ch < kNumScaleEffects) c.in("effects.value", v, 1e-300, 1e300, ch);
    else c.in("effects.value", v, -1e4, 1e4, ch);
  }
}

// Every field of a snapshot's body, before it may replace a running state.
void check_body(const SimState& s, StateCheck& c);

}  // namespace

std::size_t Sim::snapshot_size() { return sizeof(SnapshotHeader) + sizeof(SimState); }

void Sim::save(void* buffer) const noexcept {
  SnapshotHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kSnapshotVersion;
  h.state_size = static_cast<uint32_t>(sizeof(SimState));
  h.fingerprint = model_->fingerprint();
  h.checksum = fnv1a(&s_, sizeof s_);
  auto* out = static_cast<unsigned char*>(buffer);
  std::memcpy(out, &h, sizeof h);
  std::memcpy(out + sizeof h, &s_, sizeof s_);
}

namespace {

void check_body(const SimState& s, StateCheck& c) {
  using namespace bounds;
  c.index("step", s.step, 0, static_cast<int64_t>(kMaxDuration_s / kStep_s))
      .in("carry_s", s.carry_s, 0.0, kStep_s)
      .index("failed", s.failed, 0, kFailedSignal0 + kNumSignals - 1);
  check_effects(s.bus.effects, c);
  stages::reflex::check(s, c);
  stages::heart::check(s, c);
  stages::circulation::check(s, c);
  stages::compressions::check(s, c);
  stages::cpr_meter::check(s, c);
  stages::breathing::check(s, c);
  stages::blood::check(s, c);
  stages::pharmacology::check(s, c);
  stages::chemistry::check(s, c);
  stages::thermal::check(s, c);
  stages::thorax::check(s, c);
  stages::thrombosis::check(s, c);
  stages::fluids::check(s, c);
  stages::brain::check(s, c);
  stages::inflammation::check(s, c);
  stages::cycle::check(s, c);
  stages::ecg::check(s, c);
  stages::vf_pads::check(s, c);
  stages::waveforms::check(s, c);
  check_sim_parts(s, c);
}

}  // namespace

void Sim::restore(const void* buffer, std::size_t size) {
  // The header first, when there is one: a snapshot of another format is refused by its version
  // (naming both), before its size says anything.
  SnapshotHeader h;
  if (size >= sizeof h) {
    std::memcpy(&h, buffer, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
      throw Error(Status::kIncompatible, "not a resus snapshot (bad magic)");
    if (h.version != kSnapshotVersion)
      throw Error(Status::kIncompatible,
                  "snapshot format version " + std::to_string(h.version) + " (" +
                      format_release(h.version) + ") cannot be loaded by resus " +
                      RESUS_ENGINE_VERSION + ", which reads format version " +
                      std::to_string(kSnapshotVersion) +
                      " only; snapshots are not converted between formats: rebuild the state "
                      "from the patient definition and the scenario's actions (docs/abi.md)");
  }
  if (size != snapshot_size())
    throw Error(Status::kIncompatible, "snapshot is " + std::to_string(size) +
                                           " bytes; this build expects " +
                                           std::to_string(snapshot_size()));
  if (h.state_size != sizeof(SimState))
    throw Error(Status::kIncompatible, "snapshot state is " + std::to_string(h.state_size) +
                                           " bytes; this build's is " +
                                           std::to_string(sizeof(SimState)));
  if (h.fingerprint != model_->fingerprint())
    throw Error(Status::kIncompatible, "snapshot was taken from a sim of a different model");
  // The body is checked before it replaces the running state, so a damaged or forged snapshot
  // can neither reach memory out of bounds nor put a non-finite number into the sim.
  SimState incoming;
  std::memcpy(&incoming, static_cast<const unsigned char*>(buffer) + sizeof h, sizeof incoming);
  if (fnv1a(&incoming, sizeof incoming) != h.checksum)
    throw Error(Status::kIncompatible, "snapshot body is damaged (checksum mismatch)");
  StateCheck check;
  check_body(incoming, check);
  if (!check.ok()) {
    std::ostringstream os;
    os << "snapshot body is corrupted: " << check.field();
    if (check.element() >= 0) os << "[" << check.element() << "]";
    os << " = " << check.value() << " is out of range; valid range is [" << check.min() << ", "
       << check.max() << "]";
    throw Error(Status::kIncompatible, os.str());
  }
  s_ = incoming;
  rng_ = Rng(s_.seed, s_.patient_id);
  // Undrained samples belonged to the old trajectory; the stream restarts (sized on first use).
  if (s_.ecg.rate_hz > 0 && !ecg_stream_)
    ecg_stream_ = std::make_unique<EcgStream>(ecg::kNumLeads, kEcgCapacity);
  if (ecg_stream_) ecg_stream_->restart(s_.ecg.sample_index);
  if (s_.waves.rate_hz > 0 && !wave_stream_)
    wave_stream_ = std::make_unique<EcgStream>(kNumWaves, kWaveCapacity);
  if (wave_stream_) wave_stream_->restart(s_.waves.sample_index);
}

static_assert(std::is_trivially_copyable_v<SimState>);

}  // namespace resus
