#include "models/cpr/quality.hpp"

#include <algorithm>
#include <cmath>

namespace resus::cpr {
namespace {

constexpr double kBin_s = 1.0;
// The onset reference forgets a minimum older than this: a slow drift (sensor, mattress) rising
// by onset_mm over seconds is not a compression, a real down-stroke takes < 0.5 s.
constexpr double kRefMemory_s = 1.5;
constexpr double kMaxDepth_mm = 500.0;     // beyond any chest: clamps garbage, keeps sums finite
constexpr double kMaxTime_s = 1.0e9;       // ~30 years: larger clocks are treated as invalid
constexpr double kMaxStep_s = 3600.0;
constexpr double kNone = -1.0;             // "no time yet" (all meter times are >= 0)

struct Sane {
  double onset_mm, release_mm, window_s, pause_s;
  int n;
};

Sane sanitize(const QualityParams& p) {
  Sane q{};
  q.onset_mm = (std::isfinite(p.onset_mm) && p.onset_mm > 0.0) ? std::min(p.onset_mm, 200.0) : 10.0;
  q.release_mm = (std::isfinite(p.release_mm) && p.release_mm >= 0.0)
                     ? std::min(p.release_mm, 0.9 * q.onset_mm)  // hysteresis needs release < onset
                     : 0.5 * q.onset_mm;
  q.window_s = std::isfinite(p.window_s) ? std::clamp(p.window_s, 1.0, kQualityMaxWindow_s) : 60.0;
  // A pause longer than the window could not be booked back into it.
  q.pause_s = std::isfinite(p.pause_s) ? std::clamp(p.pause_s, 0.1, q.window_s) : 2.0;
  q.n = std::clamp<int32_t>(p.average_over, 1, kQualityMaxAverage);
  return q;
}

// Bin ids are whole numbers of seconds below kMaxTime_s, exact in a double and in an int64.
int bin_pos(double id) { return static_cast<int>(static_cast<int64_t>(id) % kQualityBins); }

QualityBin& bin_at(QualityState& s, double id) {
  QualityBin& b = s.bins[bin_pos(id)];
  if (b.id != id) b = QualityBin{id, 0.0, 0.0};  // a stale bin from the previous lap of the ring
  return b;
}

enum Field { kArmed, kNoFlow };

// Adds sign * (overlap with [a, b]) to one field of every 1-s bin the interval touches.
void book(QualityState& s, double a, double b, Field f, double sign) {
  a = std::max({a, 0.0, b - (kQualityBins - 2) * kBin_s});  // older than the ring: gone anyway
  if (!(b > a)) return;
  const double k0 = std::floor(a / kBin_s);
  const int n = static_cast<int>(std::min(std::floor(b / kBin_s) - k0, double(kQualityBins)));
  for (int i = 0; i <= n; ++i) {
    const double id = k0 + i;
    const double lo = std::max(a, id * kBin_s), hi = std::min(b, (id + 1.0) * kBin_s);
    if (!(hi > lo)) continue;
    QualityBin& bin = bin_at(s, id);
    (f == kArmed ? bin.armed_s : bin.no_flow_s) += sign * (hi - lo);
  }
}

// Compressing time / observed time since the first compression, over the last window_s.
double window_fraction(const QualityState& s, double t, double window_s) {
  const double lo = std::max(0.0, t - window_s);
  const double k0 = std::floor(lo / kBin_s);
  const int n = static_cast<int>(std::min(std::floor(t / kBin_s) - k0, double(kQualityBins - 1)));
  double armed = 0.0, no_flow = 0.0;
  for (int i = 0; i <= n; ++i) {
    const double id = k0 + i;
    const QualityBin& b = s.bins[bin_pos(id)];
    if (b.id != id) continue;
    // Only part of the oldest bin lies in the window; assume its time was spread evenly.
    const double w = (i == 0) ? std::clamp((id + 1.0) * kBin_s - lo, 0.0, kBin_s) / kBin_s : 1.0;
    armed += w * b.armed_s;
    no_flow += w * b.no_flow_s;
  }
  if (!(armed > 1e-9)) return 0.0;
  return std::clamp((armed - no_flow) / armed, 0.0, 1.0);
}

void restart(QualityState& s, double origin_s, double depth_mm) {
  s = make_quality_state();
  s.started = 1;
  s.origin_s = origin_s;
  s.depth_mm = depth_mm;
  s.ref_mm = s.trough_mm = s.post_peak_min_mm = s.peak_mm = depth_mm;
}

QualityCompression& latest(QualityState& s) { return s.ring[s.head]; }

}  // namespace

QualityReadout read_quality(const QualityParams& p, const QualityState& s) noexcept {
  const Sane q = sanitize(p);
  const double t = s.t_s;
  QualityReadout out{};
  out.count = s.count;
  out.compressing = (s.armed && !s.paused) ? 1 : 0;
  out.hands_off_s = s.paused ? std::max(0.0, t - s.gap_start_s) : 0.0;
  out.fraction = s.armed ? window_fraction(s, t, q.window_s) : 0.0;

  const int kept = static_cast<int>(std::min<int64_t>(s.count, kQualityRing));
  double interval_sum = 0.0, duty_sum = 0.0, depth_sum = 0.0, residual_sum = 0.0;
  int n_interval = 0, n_duty = 0, n_depth = 0, n_residual = 0;
  for (int j = 0; j < kept; ++j) {
    const QualityCompression& c = s.ring[(s.head - j + kQualityRing) % kQualityRing];
    if ((c.flags & kCompressionHasPeak) && n_depth < q.n) {
      depth_sum += c.peak_mm;
      ++n_depth;
    }
    if ((c.flags & kCompressionHasResidual) && n_residual < q.n) {
      residual_sum += std::max(0.0, c.residual_mm);  // above the rest position is still full recoil
      ++n_residual;
    }
    if (j + 1 >= kept || c.after_pause) continue;  // no interval before it (or it spans a pause)
    const QualityCompression& prev = s.ring[(s.head - j - 1 + kQualityRing) % kQualityRing];
    const double cycle_s = c.start_s - prev.start_s;
    if (!(cycle_s > 1e-6)) continue;
    if (n_interval < q.n) {
      interval_sum += cycle_s;
      ++n_interval;
    }
    if ((prev.flags & kCompressionHasEnd) && n_duty < q.n) {
      duty_sum += std::clamp((prev.end_s - prev.start_s) / cycle_s, 0.0, 1.0);
      ++n_duty;
    }
  }
  if (out.compressing && n_interval > 0) out.rate_per_min = 60.0 * n_interval / interval_sum;
  if (n_depth > 0) out.depth_mm = depth_sum / n_depth;
  if (n_residual > 0) out.recoil_mm = residual_sum / n_residual;
  if (n_duty > 0) out.duty_cycle = duty_sum / n_duty;
  return out;
}

QualityState make_quality_state() {
  QualityState s{};
  s.rise_t_s = kNone;
  s.release_t_s = kNone;
  s.head = kQualityRing - 1;  // the first compression lands in slot 0
  for (QualityBin& b : s.bins) b.id = -1.0;
  return s;
}

void update_quality(const QualityParams& p, double t_s, double dt_s, double depth_mm,
                    QualityState& s) noexcept {
  const Sane q = sanitize(p);
  const double dt = (std::isfinite(dt_s) && dt_s > 0.0) ? std::min(dt_s, kMaxStep_s) : 0.0;
  const bool t_ok = std::isfinite(t_s) && std::fabs(t_s) < kMaxTime_s;
  // A dropped-out sample holds the last depth rather than inventing a release.
  const double d = std::isfinite(depth_mm) ? std::clamp(depth_mm, -kMaxDepth_mm, kMaxDepth_mm)
                                           : (s.started ? s.depth_mm : 0.0);
  if (!s.started) {
    restart(s, t_ok ? t_s : 0.0, d);
    return;
  }
  double t = t_ok ? t_s - s.origin_s : s.t_s + dt;
  if (t < s.t_s - 1e-9 || !(t < kMaxTime_s)) {  // clock ran backwards (host restarted): start over
    restart(s, t_ok ? t_s : 0.0, d);
    return;
  }
  t = std::max(t, s.t_s);
  const double t0 = s.t_s, d0 = s.depth_mm;
  if (s.armed) book(s, t0, t, kArmed, 1.0);

  // Interpolated time at which the segment (t0, d0) -> (t, d) crosses level.
  auto crossing = [&](double level) {
    const double rise = d - d0;
    if (!(std::fabs(rise) > 1e-12)) return t;
    return t0 + std::clamp((level - d0) / rise, 0.0, 1.0) * (t - t0);
  };

  // End of the latest compression: its first downward crossing of trough + release_mm.
  if (s.count > 0 && !(latest(s).flags & kCompressionHasEnd) && !s.paused) {
    const double level = s.onset_ref_mm + q.release_mm;
    if (d0 > level && d <= level) {
      latest(s).end_s = crossing(level);
      latest(s).flags |= kCompressionHasEnd;
    }
  }

  bool onset = false;
  double start_s = t, onset_from_mm = d;
  if (s.phase == 0) {
    if (d < s.trough_mm) {
      s.trough_mm = d;
      s.trough_t_s = t;
    }
    if (d <= s.ref_mm || t - s.ref_t_s > kRefMemory_s) {
      s.ref_mm = d;
      s.ref_t_s = t;
      s.rise_t_s = kNone;
    }
    const double start_level = s.ref_mm + q.release_mm;
    if (d0 < start_level && d >= start_level) s.rise_t_s = crossing(start_level);
    if (d >= s.ref_mm + q.onset_mm) {
      onset = true;
      start_s = (s.rise_t_s != kNone) ? s.rise_t_s : crossing(start_level);
      onset_from_mm = s.ref_mm;
    }
  } else {
    if (d > s.peak_mm) {
      s.peak_mm = s.post_peak_min_mm = d;
      s.post_peak_min_t_s = t;
      s.rise_t_s = kNone;
    } else if (d < s.post_peak_min_mm) {
      s.post_peak_min_mm = d;
      s.post_peak_min_t_s = t;
      s.rise_t_s = kNone;
    }
    // Start of a possible re-push from the dip after the peak, timed like any other start.
    const double repush_level = s.post_peak_min_mm + q.release_mm;
    if (s.post_peak_min_mm < s.peak_mm && d0 < repush_level && d >= repush_level)
      s.rise_t_s = crossing(repush_level);
    // Half the excursion back ends a compression whatever the leaning; release_mm is the least
    // fall that counts, so noise at the bottom of a shallow push cannot end it.
    const double drop_mm = std::max(q.release_mm, 0.5 * (s.peak_mm - s.onset_ref_mm));
    if (d <= s.peak_mm - drop_mm) {
      s.phase = 0;
      s.release_t_s = t;
      latest(s).flags |= kCompressionHasPeak;
      latest(s).peak_mm = s.peak_mm;
      s.trough_mm = s.ref_mm = d;
      s.trough_t_s = s.ref_t_s = t;
      s.rise_t_s = kNone;
    } else if (s.peak_mm - s.post_peak_min_mm >= q.onset_mm &&
               d >= s.post_peak_min_mm + q.onset_mm) {
      // Pushed again before coming half-way back (leaning got heavier): the dip between the two
      // is the release of the first and the trough the second starts from.
      QualityCompression& c = latest(s);
      c.peak_mm = s.peak_mm;
      c.residual_mm = s.post_peak_min_mm;
      if (!(c.flags & kCompressionHasEnd)) c.end_s = s.post_peak_min_t_s;
      c.flags |= kCompressionHasPeak | kCompressionHasEnd | kCompressionHasResidual;
      s.release_t_s = s.post_peak_min_t_s;
      onset = true;
      start_s = (s.rise_t_s != kNone) ? s.rise_t_s : s.post_peak_min_t_s;
      onset_from_mm = s.post_peak_min_mm;
    }
  }

  if (onset) {
    if (s.count > 0) {  // the trough since the release is the previous compression's residual
      QualityCompression& c = latest(s);
      if (!(c.flags & kCompressionHasResidual)) c.residual_mm = s.trough_mm;
      if (!(c.flags & kCompressionHasEnd)) c.end_s = s.trough_t_s;
      c.flags |= kCompressionHasPeak | kCompressionHasEnd | kCompressionHasResidual;
    }
    const bool after_pause = s.paused || s.count == 0;
    if (s.paused) {  // the pause ended where this compression started, not where it was seen
      book(s, std::max(start_s, s.gap_start_s), s.no_flow_booked_s, kNoFlow, -1.0);
      s.paused = 0;
    }
    if (!s.armed) {
      s.armed = 1;
      book(s, start_s, t, kArmed, 1.0);
    }
    ++s.count;
    s.head = (s.head + 1) % kQualityRing;
    latest(s) = QualityCompression{start_s, start_s, d, 0.0, after_pause ? 1 : 0, 0};
    s.phase = 1;
    s.peak_mm = s.post_peak_min_mm = d;
    s.post_peak_min_t_s = t;
    s.onset_ref_mm = onset_from_mm;
    s.rise_t_s = kNone;
  }

  // Pause: the gap since the end of the last compression (or a press held still since its
  // start, which moves no blood either) is longer than pause_s. All of it is no-flow time.
  if (s.armed && !s.paused) {
    const QualityCompression& c = latest(s);
    double gap_start = c.start_s;
    if (s.phase == 0) gap_start = (c.flags & kCompressionHasEnd) ? c.end_s : s.release_t_s;
    if (t - gap_start > q.pause_s) {
      s.paused = 1;
      s.gap_start_s = gap_start;
      s.no_flow_booked_s = gap_start;
      if (s.phase == 0) {  // show the last compression's recoil now, not after the pause
        QualityCompression& last = latest(s);
        if (!(last.flags & kCompressionHasResidual)) last.residual_mm = s.trough_mm;
        if (!(last.flags & kCompressionHasEnd)) last.end_s = s.release_t_s;
        last.flags |= kCompressionHasResidual | kCompressionHasEnd;
      }
    }
  }
  if (s.paused) {
    book(s, std::max(s.no_flow_booked_s, s.gap_start_s), t, kNoFlow, 1.0);
    s.no_flow_booked_s = t;
  }

  s.t_s = t;
  s.depth_mm = d;
}

}  // namespace resus::cpr
