// The CPR-meter stage: what a CPR-feedback device measures from the chest depth alone (rate,
// depth, recoil, duty cycle, compression fraction, hands-off time) and what a palpating hand
// feels at the carotid and femoral sites (models/cpr). Reads bus.chest and bus.haemodynamics;
// writes bus.cpr.
#include <cstring>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::cpr_meter {
namespace {

constexpr int64_t kPulseSteps = 5;  // palpation every 10 ms

}  // namespace

void step(const StepContext& c, SimState& s) {
  const PatientParams& pp = c.model.params();
  CprMeterState& m = s.cpr_meter;
  CprBus& bus = s.bus.cpr;
  cpr::QualityState& q = m.quality;
  const double depth = s.bus.chest.depth_mm;
  bus.new_compression = 0;
  // A meter that has never seen a compression has nothing to measure while the chest is at rest.
  if (depth > 0.0 || q.count > 0) {
    const int64_t counted = q.count;
    const cpr::QualityCompression latest = q.ring[q.head];
    cpr::update_quality(pp.cpr_quality, c.t, kStep_s, depth, q);
    bus.new_compression = q.count != counted;
    if (bus.new_compression) {
      bus.interval_s = c.t - bus.last_onset_s;
      bus.last_onset_s = c.t;
    }
    // The mean peak depth (the ECG's CPR artefact) changes only with the compressions the
    // meter keeps; the rest of the readout is computed when the signals are read (publish).
    if (bus.new_compression || std::memcmp(&latest, &q.ring[q.head], sizeof latest) != 0)
      bus.depth_mm = cpr::read_quality(pp.cpr_quality, q).depth_mm;
  }
  bus.compressing = (q.armed && !q.paused) ? 1 : 0;
  // Palpation is sampled at 100 Hz: pulse peaks last tens of milliseconds, and an actuator
  // needs no more.
  if (s.step % kPulseSteps == 0) {
    const auto& P = s.bus.haemodynamics.h.pressure;
    cpr::update_pulse(pp.pulse, kPulseSteps * kStep_s, P[cv::kArteries], P[cv::kArteries],
                      P[cv::kExtrasplanchnicVeins], m.pulse, m.pulse_readout);
  }
}

void publish(const Model& m, const SimState& s, double* sig) {
  const cpr::QualityReadout q = cpr::read_quality(m.params().cpr_quality, s.cpr_meter.quality);
  sig[kCprRate] = q.rate_per_min;
  sig[kCprDepth] = q.depth_mm;
  sig[kCprRecoil] = q.recoil_mm;
  sig[kCprDutyCycle] = q.duty_cycle;
  sig[kCprFraction] = q.fraction;
  sig[kCprHandsOff] = q.hands_off_s;
  sig[kCprCount] = static_cast<double>(q.count);
  const cpr::PulseReadout& p = s.cpr_meter.pulse_readout;
  sig[kCarotidPulse] = p.carotid_strength;
  sig[kFemoralPulse] = p.femoral_strength;
  sig[kCarotidActuator] = p.carotid_actuator;
  sig[kFemoralActuator] = p.femoral_actuator;
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const CprMeterState& m = s.cpr_meter;
  cpr::check_state(m.quality, c);
  cpr::check_state(m.pulse, c);
  cpr::check_readout(m.pulse_readout, c);
  const CprBus& b = s.bus.cpr;
  c.in("cpr.last_onset_s", b.last_onset_s, -kTime_s, kTime_s)
      .in("cpr.interval_s", b.interval_s, -2 * kTime_s, 2 * kTime_s)
      .flag("cpr.compressing", b.compressing)
      .flag("cpr.new_compression", b.new_compression)
      .in("cpr.depth_mm", b.depth_mm, -500.0, 500.0);  // the meter clamps depths to 500 mm
}

}  // namespace resus::stages::cpr_meter
