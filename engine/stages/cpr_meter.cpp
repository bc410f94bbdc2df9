// The CPR-meter stage: what a CPR-feedback device measures from the chest depth alone (rate,
// depth, recoil, duty cycle, compression fraction, hands-off time) and what a palpating hand
// feels at the carotid and femoral sites (models/cpr). Reads bus.chest and bus.haemodynamics;
// writes bus.cpr.
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
  const double depth = s.bus.chest.depth_mm;
  const int64_t counted = m.readout.count;
  // A meter that has never seen a compression has nothing to measure while the chest is at rest.
  if (depth > 0.0 || m.readout.count > 0)
    cpr::update_quality(pp.cpr_quality, c.t, kStep_s, depth, m.quality, m.readout);
  bus.new_compression = m.readout.count != counted;
  if (bus.new_compression) {
    bus.interval_s = c.t - bus.last_onset_s;
    bus.last_onset_s = c.t;
  }
  bus.compressing = m.readout.compressing;
  bus.depth_mm = m.readout.depth_mm;
  // Palpation is sampled at 100 Hz: pulse peaks last tens of milliseconds, and an actuator
  // needs no more.
  if (s.step % kPulseSteps == 0) {
    const auto& P = s.bus.haemodynamics.h.pressure;
    cpr::update_pulse(pp.pulse, kPulseSteps * kStep_s, P[cv::kArteries], P[cv::kArteries],
                      P[cv::kExtrasplanchnicVeins], m.pulse, m.pulse_readout);
  }
}

void publish(const SimState& s, double* sig) {
  const cpr::QualityReadout& q = s.cpr_meter.readout;
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
  cpr::check_readout(m.readout, c);
  cpr::check_state(m.pulse, c);
  cpr::check_readout(m.pulse_readout, c);
  const CprBus& b = s.bus.cpr;
  c.in("cpr.last_onset_s", b.last_onset_s, -kTime_s, kTime_s)
      .in("cpr.interval_s", b.interval_s, -2 * kTime_s, 2 * kTime_s)
      .flag("cpr.compressing", b.compressing)
      .flag("cpr.new_compression", b.new_compression);
}

}  // namespace resus::stages::cpr_meter
