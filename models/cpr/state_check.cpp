// The compression source, the CPR-quality meter and palpation as a restored snapshot must hold
// them (models/common/state_check.hpp).
#include <initializer_list>

#include "models/cpr/compression.hpp"
#include "models/cpr/pulse.hpp"
#include "models/cpr/quality.hpp"

namespace resus::cpr {
namespace {

constexpr double kMeterTime_s = 1e9;  // the meter's clock (quality.cpp kMaxTime_s)
constexpr double kMeterDepth_mm = 500.0;  // the meter clamps depths to this (quality.cpp)

}  // namespace

void check_state(const CompressionState& s, double now_s, StateCheck& c) {
  using namespace bounds;
  const Program& p = s.program;
  c.index("compression.source", s.source, 0, static_cast<int>(Source::kStream))
      .flag("compression.paused", s.paused)
      .in("compression.program.depth_mm", p.depth_mm, 0.0, 100.0)
      .in("compression.program.leaning_mm", p.leaning_mm, 0.0, 30.0)
      .index("compression.program.compressions_per_cycle", p.compressions_per_cycle, 0, 100)
      .index("compression.program.breaths_per_pause", p.breaths_per_pause, 0, 4)
      .in("compression.program.pause_s", p.pause_s, 0.0, 60.0)
      .in("compression.program.breath_volume_mL", p.breath_volume_mL, 0.0, 3000.0)
      .index("compression.compressions_done", s.compressions_done, 0, 100)
      .in("compression.ramp_from_mm", s.ramp_from_mm, 0.0, 100.0)
      .in("compression.ramp_to_mm", s.ramp_to_mm, 0.0, 100.0)
      .in("compression.ramp_start_s", s.ramp_start_s, -kTime_s, kTime_s)
      .in("compression.ramp_end_s", s.ramp_end_s, -kTime_s, kTime_s)
      .in_or_nan("compression.last_sample_s", s.last_sample_s, -kTime_s, kTime_s);
  if (static_cast<Source>(s.source) == Source::kProgram) {
    // A running rescuer has the settings cpr_start accepts, and its cycle started within the
    // longest cycle or pause before now: advance_to() catches up one cycle at a time.
    c.in("compression.program.rate_per_min", p.rate_per_min, 30.0, 250.0)
        .in("compression.program.duty_cycle", p.duty_cycle, 0.2, 0.8)
        .in("compression.cycle_start_s", s.cycle_start_s, now_s - 120.0, now_s + 1.0);
  } else {
    c.in("compression.program.rate_per_min", p.rate_per_min, 0.0, 250.0)
        .in("compression.program.duty_cycle", p.duty_cycle, 0.0, 0.8)
        .in("compression.cycle_start_s", s.cycle_start_s, -kTime_s, kTime_s);
  }
}

void check_state(const QualityState& s, StateCheck& c) {
  using namespace bounds;
  constexpr double T = kMeterTime_s, D = kMeterDepth_mm;
  c.flag("cpr_quality.started", s.started)
      .flag("cpr_quality.armed", s.armed)
      .flag("cpr_quality.phase", s.phase)
      .flag("cpr_quality.paused", s.paused)
      .in("cpr_quality.origin_s", s.origin_s, -T, T)
      .in("cpr_quality.t_s", s.t_s, 0.0, T)
      .in("cpr_quality.depth_mm", s.depth_mm, -D, D)
      .in("cpr_quality.ref_mm", s.ref_mm, -D, D)
      .in("cpr_quality.ref_t_s", s.ref_t_s, -1.0, T)
      .in("cpr_quality.trough_mm", s.trough_mm, -D, D)
      .in("cpr_quality.trough_t_s", s.trough_t_s, -1.0, T)
      .in("cpr_quality.rise_t_s", s.rise_t_s, -1.0, T)
      .in("cpr_quality.onset_ref_mm", s.onset_ref_mm, -D, D)
      .in("cpr_quality.peak_mm", s.peak_mm, -D, D)
      .in("cpr_quality.post_peak_min_mm", s.post_peak_min_mm, -D, D)
      .in("cpr_quality.post_peak_min_t_s", s.post_peak_min_t_s, -1.0, T)
      .in("cpr_quality.release_t_s", s.release_t_s, -1.0, T)
      .in("cpr_quality.gap_start_s", s.gap_start_s, -1.0, T)
      .in("cpr_quality.no_flow_booked_s", s.no_flow_booked_s, -1.0, T)
      .index("cpr_quality.count", s.count, 0, INT64_MAX)
      .index("cpr_quality.head", s.head, 0, kQualityRing - 1);
  for (int i = 0; i < kQualityRing; ++i) {
    const QualityCompression& r = s.ring[i];
    c.in("cpr_quality.ring.start_s", r.start_s, -1.0, T, i)
        .in("cpr_quality.ring.end_s", r.end_s, -1.0, T, i)
        .in("cpr_quality.ring.peak_mm", r.peak_mm, -D, D, i)
        .in("cpr_quality.ring.residual_mm", r.residual_mm, -D, D, i)
        .index("cpr_quality.ring.after_pause", r.after_pause, 0, 1, i)
        .index("cpr_quality.ring.flags", r.flags, 0, 7, i);
  }
  for (int i = 0; i < kQualityBins; ++i) {
    const QualityBin& b = s.bins[i];
    c.in("cpr_quality.bins.id", b.id, -1.0, T, i)
        .in("cpr_quality.bins.armed_s", b.armed_s, -kAny, kAny, i)
        .in("cpr_quality.bins.no_flow_s", b.no_flow_s, -kAny, kAny, i);
  }
}

void check_state(const PulseState& s, StateCheck& c) {
  using namespace bounds;
  c.flag("pulse.primed", s.primed)
      .index("pulse.block", s.block, 0, kPulseBlocks - 1)
      .in("pulse.block_elapsed_s", s.block_elapsed_s, 0.0, kTime_s);
  for (const PulseEnvelope* e : {&s.carotid, &s.femoral_arterial, &s.femoral_venous}) {
    c.all_in("pulse.block_max_mmHg", e->block_max_mmHg, -kPressure_mmHg, kPressure_mmHg)
        .all_in("pulse.block_min_mmHg", e->block_min_mmHg, -kPressure_mmHg, kPressure_mmHg)
        .in("pulse.last_mmHg", e->last_mmHg, -kPressure_mmHg, kPressure_mmHg);
  }
}

void check_readout(const PulseReadout& r, StateCheck& c) {
  c.in("pulse_readout.carotid_strength", r.carotid_strength, 0.0, 1.0)
      .in("pulse_readout.femoral_strength", r.femoral_strength, 0.0, 1.0)
      .in("pulse_readout.carotid_actuator", r.carotid_actuator, 0.0, 1.0)
      .in("pulse_readout.femoral_actuator", r.femoral_actuator, 0.0, 1.0);
}

}  // namespace resus::cpr
