#include "models/cpr/compression.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace resus::cpr {
namespace {

double softplus(double x) { return x > 30.0 ? x : std::log1p(std::exp(x)); }

double period_s(const Program& p) { return 60.0 / p.rate_per_min; }

// Depth of a programmed rescuer at `elapsed` seconds into a compression cycle: a half-sine
// push over the duty share of the cycle, then the residual (leaning) depth while releasing.
double programmed_depth(const Program& p, double elapsed) {
  const double period = period_s(p);
  // The cycle start is kept within a period of the clock, so one subtraction (exact for
  // period <= x < 2 period, as fmod is) does what fmod would, at a fraction of its cost.
  double phase = std::max(elapsed, 0.0);
  if (phase >= period) phase = phase < 2.0 * period ? phase - period : std::fmod(phase, period);
  const double push = p.duty_cycle * period;
  if (phase >= push) return p.leaning_mm;
  return p.leaning_mm + (p.depth_mm - p.leaning_mm) * std::sin(std::numbers::pi * phase / push);
}

}  // namespace

ChestPump::ChestPump(const CompressionParams& p)
    : p_(p),
      at_zero_(softplus(-p.dead_depth_mm / p.knee_mm)),
      heart_at_zero_(softplus(-p.heart_slack_mm / p.knee_mm)) {}

double ChestPump::pressure(double depth_mm) const {
  if (!(depth_mm > 0.0)) return 0.0;  // hands off (and the common case: no CPR at all)
  const double w = p_.knee_mm;
  const double pc = p_.pressure_per_mm * w * (softplus((depth_mm - p_.dead_depth_mm) / w) - at_zero_);
  return std::max(pc, 0.0);
}

double ChestPump::displacement(double depth_mm) const {
  if (!(depth_mm > 0.0)) return 0.0;
  const double w = p_.knee_mm;
  const double v = p_.ventricular_displacement_mL_per_mm * w *
                   (softplus((depth_mm - p_.heart_slack_mm) / w) - heart_at_zero_);
  return std::max(v, 0.0);
}

double chest_pressure(const CompressionParams& p, double depth_mm) {
  return ChestPump(p).pressure(depth_mm);
}

CompressionState make_compression_state() {
  CompressionState s{};
  s.source = static_cast<int32_t>(Source::kNone);
  s.last_sample_s = std::numeric_limits<double>::quiet_NaN();
  return s;
}

double depth_at(const CompressionState& s, double t) {
  switch (static_cast<Source>(s.source)) {
    case Source::kProgram:
      return s.paused ? 0.0 : programmed_depth(s.program, t - s.cycle_start_s);
    case Source::kStream: {
      if (t >= s.ramp_end_s) return s.ramp_to_mm;
      if (t <= s.ramp_start_s) return s.ramp_from_mm;
      const double f = (t - s.ramp_start_s) / (s.ramp_end_s - s.ramp_start_s);
      return s.ramp_from_mm + f * (s.ramp_to_mm - s.ramp_from_mm);
    }
    case Source::kNone:
      break;
  }
  return 0.0;
}

CompressionEvents advance_to(CompressionState& s, double t) {
  CompressionEvents e{};
  if (static_cast<Source>(s.source) != Source::kProgram) return e;
  const Program& p = s.program;
  // A tiny tolerance keeps a boundary that falls exactly on a step from slipping a step.
  constexpr double eps = 1e-9;
  for (;;) {
    if (s.paused) {
      if (t - s.cycle_start_s + eps < p.pause_s) break;
      s.cycle_start_s += p.pause_s;
      s.paused = 0;
      s.compressions_done = 0;
    } else {
      const double period = period_s(p);
      if (t - s.cycle_start_s + eps < period) break;
      s.cycle_start_s += period;
      if (p.compressions_per_cycle > 0 && ++s.compressions_done >= p.compressions_per_cycle) {
        s.paused = 1;
        e.pause_started = 1;
      }
    }
  }
  return e;
}

void start_program(CompressionState& s, const Program& program, double t) {
  const bool running = static_cast<Source>(s.source) == Source::kProgram;
  s.program = program;
  if (!running) {
    s.source = static_cast<int32_t>(Source::kProgram);
    s.paused = 0;
    s.cycle_start_s = t;
    s.compressions_done = 0;
  }
}

void stop(CompressionState& s) {
  const double last = s.last_sample_s;
  s = make_compression_state();
  s.last_sample_s = last;
}

void push_depth(CompressionState& s, double depth_mm, double t) {
  const double now = depth_at(s, t);
  // The ramp lasts the host's own sample interval (1-50 ms); the first sample assumes 5 ms.
  const double interval =
      std::isnan(s.last_sample_s) ? 0.005 : std::clamp(t - s.last_sample_s, 0.001, 0.05);
  s.source = static_cast<int32_t>(Source::kStream);
  s.paused = 0;
  s.ramp_from_mm = now;
  s.ramp_to_mm = depth_mm;
  s.ramp_start_s = t;
  s.ramp_end_s = t + interval;
  s.last_sample_s = t;
}

}  // namespace resus::cpr
