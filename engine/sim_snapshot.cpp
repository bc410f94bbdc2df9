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
// 2: CPR, breathing and waveform state. 3: body checksum in the header.
constexpr uint32_t kSnapshotVersion = 3;

uint64_t fnv1a(const void* data, std::size_t n) {
  uint64_t h = 1469598103934665603ull;
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

bool is_one_of(int32_t v, std::initializer_list<int32_t> allowed) {
  for (int32_t a : allowed)
    if (v == a) return true;
  return false;
}

// A stream's next sample index must sit on the grid just after `now`: the step emits every
// sample due by its end, one by one, so an index far behind would stall the next advance.
void check_stream_index(const char* name, int64_t index, int32_t rate_hz, double now,
                        StateCheck& c) {
  if (rate_hz <= 0) {
    c.index(name, index, 0, INT64_MAX);
    return;
  }
  const double expected = std::floor(now * rate_hz + 1e-9) + 1.0;
  c.index(name, index, static_cast<int64_t>(expected) - 1, static_cast<int64_t>(expected) + 1);
}

// Cycle statistics: sums finite; the extremes are +-inf and the CPP NaN only before the cycle's
// first sample.
void check_cycle(const CycleStats& y, StateCheck& c) {
  using namespace bounds;
  const double P = kPressure_mmHg;
  c.in("cycle.start_time", y.start_time, -kTime_s, kTime_s)
      .index("cycle.samples", y.samples, 0, INT64_MAX)
      .in("cycle.sum_arterial", y.sum_arterial, -kAny, kAny)
      .in("cycle.sum_cvp", y.sum_cvp, -kAny, kAny)
      .in("cycle.sum_pa", y.sum_pa, -kAny, kAny)
      .in("cycle.sum_wedge", y.sum_wedge, -kAny, kAny)
      .in("cycle.aortic_volume", y.aortic_volume, -kAny, kAny)
      .in("cycle.coronary_volume", y.coronary_volume, -kAny, kAny)
      .in("cycle.cerebral_volume", y.cerebral_volume, -kAny, kAny)
      .in("cycle.end_diastolic_volume", y.end_diastolic_volume, -kVolume_mL, kVolume_mL);
  if (y.samples > 0) {
    c.in("cycle.max_arterial", y.max_arterial, -P, P)
        .in("cycle.min_arterial", y.min_arterial, -P, P)
        .in("cycle.max_pa", y.max_pa, -P, P)
        .in("cycle.min_pa", y.min_pa, -P, P)
        .in("cycle.min_lv_volume", y.min_lv_volume, -kVolume_mL, kVolume_mL)
        .in("cycle.coronary_perfusion", y.coronary_perfusion, -P, P);
  } else {
    const double inf = INFINITY;
    if (!(y.max_arterial == -inf && y.max_pa == -inf && y.min_arterial == inf &&
          y.min_pa == inf && y.min_lv_volume == inf && std::isnan(y.coronary_perfusion)))
      c.in("cycle.extremes (an empty cycle has none)", y.max_arterial, -inf, -inf);
  }
}

void check_actions_in_flight(const SimState& s, StateCheck& c) {
  using namespace bounds;
  c.in("bleed.rate_mL_s", s.bleed.rate_mL_s, 0.0, kMaxRate_mL_min / 60.0)
      .in("bleed.lost_mL", s.bleed.lost_mL, 0.0, kCumulative_mL)
      .index("bleed.site", s.bleed.site, 0, 1);
  if (!std::isinf(s.bleed.remaining_mL)) c.in("bleed.remaining_mL", s.bleed.remaining_mL, 0.0, kMaxVolume_mL);
  for (int i = 0; i < kInfusionSlots; ++i) {
    const Infusion& f = s.infusions[static_cast<std::size_t>(i)];
    c.in("infusions.rate_mL_s", f.rate_mL_s, 0.0, kMaxRate_mL_min / 60.0, i)
        .in("infusions.remaining_mL", f.remaining_mL, 0.0, kCumulative_mL, i)
        .in("infusions.infused_mL", f.infused_mL, 0.0, kCumulative_mL, i);
  }
  c.index("queue_size", s.queue_size, 0, kQueueCapacity).index("next_seq", s.next_seq, 0, INT64_MAX);
  for (int i = 0; i < s.queue_size && c.ok(); ++i) {
    const ScheduledAction& q = s.queue[static_cast<std::size_t>(i)];
    c.index("queue.step", q.step, 0, static_cast<int64_t>(kMaxDuration_s / kStep_s) + 1, i)
        .index("queue.seq", q.seq, 0, s.next_seq - 1, i);
    if (i > 0) c.index("queue.step (sorted)", q.step, s.queue[static_cast<std::size_t>(i - 1)].step, INT64_MAX, i);
    c.index("queue.action.kind", static_cast<int32_t>(q.action.kind), 1,
            static_cast<int64_t>(action_registry().size()), i);
    // A queued action was validated when it was scheduled, and validation is idempotent.
    if (c.ok()) {
      try {
        (void)validated(q.action);
      } catch (const Error&) {
        c.index("queue.action (not a valid action)", i, -1, -1, i);
      }
    }
  }
}

void check_rings(const SimState& s, StateCheck& c) {
  using namespace bounds;
  c.index("beat_head", s.beat_head, 0, kBeatCapacity - 1)
      .index("beat_count", s.beat_count, 0, kBeatCapacity)
      .index("beats_dropped", s.beats_dropped, 0, INT64_MAX)
      .index("event_head", s.event_head, 0, kEventCapacity - 1)
      .index("event_count", s.event_count, 0, kEventCapacity)
      .index("events_dropped", s.events_dropped, 0, INT64_MAX);
  for (int i = 0; i < kBeatCapacity; ++i) {
    const Beat& b = s.beats[static_cast<std::size_t>(i)];
    c.in("beats.time_s", b.time_s, -kTime_s, kTime_s, i)
        .index("beats.origin", b.origin, 0, static_cast<int>(ep::BeatOrigin::kPaced), i)
        .index("beats.rhythm", b.rhythm, 0, static_cast<int>(ep::Rhythm::kNumRhythms) - 1, i)
        .in("beats.rr_s", b.rr_s, 0.0, kTime_s, i);
  }
  for (int i = 0; i < kEventCapacity; ++i) {
    const Event& e = s.events[static_cast<std::size_t>(i)];
    c.in("events.time_s", e.time_s, -kTime_s, kTime_s, i)
        .index("events.kind", static_cast<int32_t>(e.kind), 0,
               static_cast<int>(EventKind::kPacingCapture), i)
        .in("events.value", e.value, -kAny, kAny, i);
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
  const double now = static_cast<double>(s.step) * kStep_s;
  c.index("step", s.step, 0, static_cast<int64_t>(kMaxDuration_s / kStep_s))
      .index("failed", s.failed, 0, kFailedSignal0 + kNumSignals - 1)
      .in("carry_s", s.carry_s, 0.0, kStep_s)
      .in("septum_guess", s.septum_guess, -kVolume_mL, kVolume_mL)
      .in("baro_pressure_sum", s.baro_pressure_sum, -kPressure_mmHg * kBaroSteps, kPressure_mmHg * kBaroSteps)
      .index("baro_samples", s.baro_samples, 0, kBaroSteps - 1);
  cv::check_state(s.x, c);
  autonomic::check_state(s.baro, c);
  ep::check_state(s.conduction, c);
  ep::check_hooks(s.hooks, c);
  c.in("atrial_activation_time", s.atrial_activation_time, -kTime_s, kTime_s)
      .in("ventricular_activation_time", s.ventricular_activation_time, -kTime_s, kTime_s)
      .in("ventricular_systole_s", s.ventricular_systole_s, 0.01, 5.0)
      .in("beat_contraction", s.beat_contraction, 0.0, 1.0)
      .in("myocardial_energy", s.myocardial_energy, 0.0, 1.0)
      .in("coronary_perfusion_ratio", s.coronary_perfusion_ratio, 0.0, kAny)
      .in("last_termination_time", s.last_termination_time, -kTime_s, kTime_s)
      .in_or_nan("sync_armed_time", s.sync_armed_time, -kTime_s, kTime_s)
      .in("sync_energy_J", s.sync_energy_J, 0.0, kMaxShock_J)
      .index("sync_waveform", s.sync_waveform, 0, 1)
      .in("previous_atrial_time", s.previous_atrial_time, -kTime_s, kTime_s)
      .in("previous_ventricular_time", s.previous_ventricular_time, -kTime_s, kTime_s)
      .index("ventricular_origin", s.ventricular_origin, 0, static_cast<int>(ep::BeatOrigin::kPaced))
      .index("previous_ventricular_origin", s.previous_ventricular_origin, 0,
             static_cast<int>(ep::BeatOrigin::kPaced))
      .in("last_shock_time", s.last_shock_time, -kTime_s, kTime_s);
  if (!is_one_of(s.ecg_rate_hz, {0, 250, 500, 1000}))
    c.index("ecg_rate_hz (0, 250, 500 or 1000)", s.ecg_rate_hz, 0, 0);
  ecg::check_state(s.ecg, c);
  ecg::check_switches(s.ecg_artefacts, c);
  check_stream_index("ecg_sample_index", s.ecg_sample_index, s.ecg_rate_hz, now, c);
  c.all_in("ecg_latest", s.ecg_latest, -1e3, 1e3);

  cpr::check_state(s.compression, now, c);
  cpr::check_state(s.cpr_quality, c);
  cpr::check_readout(s.cpr_readout, c);
  cpr::check_state(s.pulse, c);
  cpr::check_readout(s.pulse_readout, c);
  c.in("chest_depth_mm", s.chest_depth_mm, 0.0, kMaxDepth_mm)
      .in("last_compression_onset_s", s.last_compression_onset_s, -kTime_s, kTime_s)
      .in("compression_interval_s", s.compression_interval_s, -2 * kTime_s, 2 * kTime_s)
      .index("pending_breaths", s.pending_breaths, 0, 4)
      .in("next_breath_s", s.next_breath_s, -kTime_s, kTime_s)
      .in("pause_breath_volume_mL", s.pause_breath_volume_mL, 0.0, kMaxTidalVolume_mL);

  resp::check_state(s.resp, c);
  c.in("end_expiratory_pleural_mmHg", s.end_expiratory_pleural_mmHg, -kPressure_mmHg, kPressure_mmHg)
      .in("last_airway_flow_mL_s", s.last_airway_flow_mL_s, -kFlow_mL_s, kFlow_mL_s);
  if (!is_one_of(s.wave_rate_hz, {0, 50, 100, 125, 250, 500}))
    c.index("wave_rate_hz (0, 50, 100, 125, 250 or 500)", s.wave_rate_hz, 0, 0);
  check_stream_index("wave_sample_index", s.wave_sample_index, s.wave_rate_hz, now, c);

  check_rings(s, c);
  check_cycle(s.cycle, c);
  check_actions_in_flight(s, c);
  for (int i = 0; i < kNumSignals; ++i) c.in("signals", s.signals[static_cast<std::size_t>(i)], -kAny, kAny, i);
}

}  // namespace

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
    throw Error(Status::kIncompatible, "snapshot format version " + std::to_string(h.version) +
                                           " does not match this build's format version " +
                                           std::to_string(kSnapshotVersion));
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
  if (s_.ecg_rate_hz > 0 && !ecg_stream_)
    ecg_stream_ = std::make_unique<EcgStream>(ecg::kNumLeads, kEcgCapacity);
  if (ecg_stream_) ecg_stream_->clear();
  if (s_.wave_rate_hz > 0 && !wave_stream_)
    wave_stream_ = std::make_unique<EcgStream>(kNumWaves, kWaveCapacity);
  if (wave_stream_) wave_stream_->clear();
}

static_assert(std::is_trivially_copyable_v<SimState>);

}  // namespace resus
