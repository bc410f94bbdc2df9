// Chest compressions in the running sim: the rescuer's programme or the host's depth stream,
// the chest pressure it makes (added to the circulation's drive as a ramp over each step), the
// breaths given in 30:2 pauses, and what a CPR-feedback device and a palpating hand measure.
#include <algorithm>
#include <cmath>

#include "engine/sim.hpp"

namespace resus {
namespace {

constexpr double kReachBag_s = 0.3;      // from the chest to the bag when a pause begins [U]
constexpr double kBreathCycle_s = 2.0;   // 1 s inspiration and ~1 s to let the chest fall
constexpr double kPauseBreathTi_s = 1.0; // ERC/AHA: each rescue breath over about 1 s
constexpr int64_t kPulseSteps = 5;        // palpation every 10 ms

}  // namespace

Status Sim::set_compression_depth(double depth_mm) noexcept {
  if (!std::isfinite(depth_mm) || depth_mm < 0.0 || depth_mm > kMaxDepth_mm)
    return Status::kInvalidArgument;
  cpr::push_depth(s_.compression, depth_mm, time() + s_.carry_s);
  return Status::kOk;
}

void Sim::apply_cpr(const Action& a) noexcept {
  if (a.kind == ActionKind::kCprStart) {
    const cpr::Program program{a.rate_per_min,          a.depth_mm,
                               a.duty_cycle,            a.leaning_mm,
                               a.compressions_per_cycle, a.breaths_per_pause,
                               a.pause_s,               a.tidal_volume_mL};
    cpr::start_program(s_.compression, program, time());
    push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.depth_mm);
  } else {
    cpr::stop(s_.compression);
    s_.pending_breaths = 0;
    push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), 0.0);
  }
}

void Sim::update_compressions(double t) noexcept {
  const cpr::CompressionEvents e = cpr::advance_to(s_.compression, t);
  const cpr::Program& program = s_.compression.program;
  if (e.pause_started && program.breaths_per_pause > 0) {
    s_.pending_breaths = program.breaths_per_pause;
    s_.next_breath_s = t + kReachBag_s;
    s_.pause_breath_volume_mL = program.breath_volume_mL;
  }
  if (!s_.compression.paused) s_.pending_breaths = 0;  // compressions resumed: no more breaths
  give_pause_breaths(t);
  s_.chest_depth_mm = cpr::depth_at(s_.compression, t);
}

void Sim::give_pause_breaths(double t) noexcept {
  if (s_.pending_breaths <= 0 || t + 0.5 * kStep_s < s_.next_breath_s) return;
  resp::Respiration::request_breath(s_.resp, s_.pause_breath_volume_mL, kPauseBreathTi_s);
  --s_.pending_breaths;
  s_.next_breath_s = t + kBreathCycle_s;
}

void Sim::add_compression(cv::Drive& d, double t) const noexcept {
  const cpr::CompressionParams& p = model_->params().compression;
  const double pc0 = cpr::chest_pressure(p, cpr::depth_at(s_.compression, t));
  const double pc1 = cpr::chest_pressure(p, cpr::depth_at(s_.compression, t + kStep_s));
  const double slope = (pc1 - pc0) / kStep_s;
  d.compression_start_s = t;
  d.thoracic_compression_mmHg = p.thoracic_fraction * pc0;
  d.thoracic_compression_slope = p.thoracic_fraction * slope;
  d.cardiac_compression_mmHg = p.cardiac_fraction * pc0;
  d.cardiac_compression_slope = p.cardiac_fraction * slope;
}

void Sim::measure_compressions(const cv::Hemodynamics& h, double t) noexcept {
  const PatientParams& pp = model_->params();
  const int64_t counted = s_.cpr_readout.count;
  // A meter that has never seen a compression has nothing to measure while the chest is at rest.
  if (s_.chest_depth_mm > 0.0 || s_.cpr_readout.count > 0)
    cpr::update_quality(pp.cpr_quality, t, kStep_s, s_.chest_depth_mm, s_.cpr_quality,
                        s_.cpr_readout);
  if (s_.cpr_readout.count != counted) {
    // While compressions run, the cycle statistics (SBP/DBP, CPP at the end of relaxation, CO)
    // are taken compression to compression instead of beat to beat.
    s_.compression_interval_s = t - s_.last_compression_onset_s;
    s_.last_compression_onset_s = t;
    close_cycle(t, false);
  }
  // Palpation is sampled at 100 Hz: pulse peaks last tens of milliseconds, and an actuator
  // needs no more.
  if (s_.step % kPulseSteps == 0) {
    const auto& P = h.pressure;
    cpr::update_pulse(pp.pulse, kPulseSteps * kStep_s, P[cv::kArteries], P[cv::kArteries],
                      P[cv::kExtrasplanchnicVeins], s_.pulse, s_.pulse_readout);
  }
}

}  // namespace resus
