// The sample streams a host drains: the ECG per lead and the monitor waveforms, each a ring per
// channel sized when first switched on (not on the real-time path).
#include <cmath>
#include <string>

#include "engine/sim.hpp"
#include "engine/waveforms.hpp"

namespace resus {
namespace {

// The first sample index after `t` on a `rate` grid: N seconds give N*rate samples.
int64_t next_index(double t, int rate_hz) {
  return static_cast<int64_t>(std::floor(t * rate_hz + 1e-9)) + 1;
}

}  // namespace

void Sim::configure_ecg(int rate_hz, const ecg::ArtefactSwitches& artefacts) {
  if (rate_hz != 0 && rate_hz != 250 && rate_hz != 500 && rate_hz != 1000)
    throw Error(Status::kInvalidArgument, "ecg sample_rate_hz = " + std::to_string(rate_hz) +
                                              " is not one of 0 (off), 250, 500, 1000");
  for (int32_t flag : {artefacts.cpr, artefacts.shock, artefacts.pacer, artefacts.baseline_wander,
                       artefacts.mains, artefacts.muscle})
    if (flag != 0 && flag != 1)
      throw Error(Status::kInvalidArgument, "ecg artefact switches must be 0 or 1");
  if (rate_hz > 0 && !ecg_stream_) ecg_stream_ = std::make_unique<EcgStream>(ecg::kNumLeads, kEcgCapacity);
  EcgStageState& g = s_.ecg;
  if (rate_hz != g.rate_hz && rate_hz > 0) {
    g.sample_index = next_index(time(), rate_hz);
    if (ecg_stream_) ecg_stream_->restart(g.sample_index);
  }
  g.rate_hz = rate_hz;
  g.artefacts = artefacts;
}

int Sim::read_ecg(int lead, float* out, int capacity, int64_t* first_index) noexcept {
  if (!ecg_stream_ || lead < 0 || lead >= ecg::kNumLeads) return 0;
  return ecg_stream_->read(lead, out, capacity, first_index);
}

int64_t Sim::ecg_available(int lead) const noexcept {
  return ecg_stream_ && lead >= 0 && lead < ecg::kNumLeads ? ecg_stream_->available(lead) : 0;
}

int64_t Sim::ecg_dropped(int lead) const noexcept {
  return ecg_stream_ && lead >= 0 && lead < ecg::kNumLeads ? ecg_stream_->dropped(lead) : 0;
}

void Sim::configure_waveforms(int rate_hz) {
  if (rate_hz != 0 && rate_hz != 50 && rate_hz != 100 && rate_hz != 125 && rate_hz != 250 &&
      rate_hz != 500)
    throw Error(Status::kInvalidArgument, "waveform sample_rate_hz = " + std::to_string(rate_hz) +
                                              " is not one of 0 (off), 50, 100, 125, 250, 500");
  if (rate_hz > 0 && !wave_stream_) wave_stream_ = std::make_unique<EcgStream>(kNumWaves, kWaveCapacity);
  WaveStageState& w = s_.waves;
  if (rate_hz != w.rate_hz && rate_hz > 0) {
    w.sample_index = next_index(time(), rate_hz);
    if (wave_stream_) wave_stream_->restart(w.sample_index);
  }
  w.rate_hz = rate_hz;
}

int Sim::read_waveform(int wave, float* out, int capacity, int64_t* first_index) noexcept {
  if (!wave_stream_ || wave < 0 || wave >= kNumWaves) return 0;
  return wave_stream_->read(wave, out, capacity, first_index);
}

int64_t Sim::waveform_available(int wave) const noexcept {
  return wave_stream_ && wave >= 0 && wave < kNumWaves ? wave_stream_->available(wave) : 0;
}

int64_t Sim::waveform_dropped(int wave) const noexcept {
  return wave_stream_ && wave >= 0 && wave < kNumWaves ? wave_stream_->dropped(wave) : 0;
}

}  // namespace resus
