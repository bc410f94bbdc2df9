// CPR-quality meter: what a manikin's or defibrillator's CPR feedback shows (rate, depth,
// recoil, duty cycle, chest-compression fraction, hands-off time), measured from the chest
// compression depth signal alone, so a host's sensor stream and the engine's own parametric
// compressions are judged by the same rules. Definitions and sources: models/cpr/README-quality.md.
// Pure: no I/O, no allocation, no exceptions; deterministic; every output finite.
#pragma once

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"
#include <cstdint>
#include <type_traits>

namespace resus::cpr {

struct QualityParams {
  // A compression starts when the depth rises this far above the lowest depth since the last
  // release: relative, so compressions on top of leaning (or a sensor offset) still count.
  double onset_mm = 10.0;
  // Timing level above that trough: a compression runs from the upward to the downward
  // crossing of trough + release_mm (duty cycle, start of a pause). Also the least fall from
  // the peak that ends a compression. Kept below onset_mm (hysteresis).
  double release_mm = 5.0;
  // Chest-compression-fraction window (1-s bins, at most kQualityMaxWindow_s).
  double window_s = 60.0;
  // A gap between compressions longer than this is hands-off (no-flow) time, all of it.
  double pause_s = 2.0;
  // Compressions averaged for rate, depth, recoil and duty cycle (1..kQualityMaxAverage).
  int32_t average_over = 5;
};

constexpr int kQualityRing = 16;                    // recent compressions kept
constexpr int kQualityMaxAverage = kQualityRing - 1;
constexpr double kQualityMaxWindow_s = 300.0;
constexpr int kQualityBins = 302;                   // 1-s bins: max window + partial ends

// One detected compression. Times are seconds after the first sample (QualityState::origin_s).
struct QualityCompression {
  double start_s;      // upward crossing of trough + release_mm
  double end_s;        // downward crossing of the same level (or the trough time)
  double peak_mm;      // maximum depth
  double residual_mm;  // lowest depth between its release and the next compression
  int32_t after_pause; // 1: first compression after a pause (no interval to the previous one)
  int32_t flags;       // kCompressionHas* bits
};
constexpr int32_t kCompressionHasPeak = 1;      // released: peak final
constexpr int32_t kCompressionHasEnd = 2;       // end_s known
constexpr int32_t kCompressionHasResidual = 4;  // residual_mm final

struct QualityBin {
  double id;         // bin index (floor of time / 1 s); -1 = empty
  double armed_s;    // time observed since the first compression
  double no_flow_s;  // of which hands-off
};

struct QualityState {
  int32_t started;     // a sample has been seen
  int32_t armed;       // a compression has been seen (the fraction clock runs)
  int32_t phase;       // 0 released (tracking the trough), 1 compressing (tracking the peak)
  int32_t paused;      // current gap is longer than pause_s
  double origin_s;     // host time of the first sample
  double t_s;          // time of the last sample, after origin_s
  double depth_mm;     // last sample

  double ref_mm;       // onset reference: lowest depth lately (forgets after kRefMemory_s)
  double ref_t_s;
  double trough_mm;    // lowest depth since the last release (the residual)
  double trough_t_s;
  double rise_t_s;     // last upward crossing of ref + release_mm (candidate start)
  double onset_ref_mm; // trough the current compression started from
  double peak_mm;
  double post_peak_min_mm;  // lowest depth since the peak (re-compression while leaning)
  double post_peak_min_t_s;
  double release_t_s;       // when the last compression was released
  double gap_start_s;       // start of the current gap (end of the last compression)
  double no_flow_booked_s;  // hands-off time of the current pause booked up to here

  int64_t count;
  int32_t head;             // ring index of the latest compression
  int32_t reserved;         // explicit padding, keep 0
  QualityCompression ring[kQualityRing];
  QualityBin bins[kQualityBins];
};
static_assert(std::is_trivially_copyable_v<QualityState>);
static_assert(std::is_standard_layout_v<QualityState>);

struct QualityReadout {
  double rate_per_min;  // from the last `average_over` onset-to-onset intervals; 0 once paused
  double depth_mm;      // mean peak depth of the last compressions
  double recoil_mm;     // mean residual depth at the releases between them (0 = full recoil)
  double duty_cycle;    // mean compression time / cycle time
  double fraction;      // chest-compression fraction over the sliding window, 0..1
  double hands_off_s;   // current pause length (0 while compressing)
  int64_t count;        // compressions so far
  int32_t compressing;  // 1 while compressions are ongoing (no gap > pause_s)
  int32_t reserved;     // explicit padding, keep 0
};
static_assert(std::is_trivially_copyable_v<QualityReadout>);

QualityState make_quality_state();

// One sample of the compression depth (mm, positive into the chest) at host time t_s; dt_s is
// the time since the previous sample, used only when t_s is not finite (the clock is then
// advanced by dt_s). Called every engine step or every host tick, any rate. A clock that runs
// backwards restarts the meter; a non-finite depth holds the last sample. Cheap: the readout is
// computed only when asked for.
void update_quality(const QualityParams& p, double t_s, double dt_s, double depth_mm,
                    QualityState& s) noexcept;

// What the meter shows as of its last sample (a host reads it at 1-50 Hz, not every sample).
QualityReadout read_quality(const QualityParams& p, const QualityState& s) noexcept;

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const QualityState& s, StateCheck& c);

// The meter's thresholds by name (average_over, an integer, is not listed).
std::span<const ParamSpec<QualityParams>> quality_param_table();

}  // namespace resus::cpr
