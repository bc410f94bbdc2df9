// Waveform streams: arterial, venous and pulmonary pressures, pleth, capnogram, airway pressure
// and flow, compression depth, sampled on a regular grid into per-wave ring buffers.
#include <cmath>
#include <string>

#include "engine/sim.hpp"
#include "engine/waveforms.hpp"

namespace resus {

void Sim::configure_waveforms(int rate_hz) {
  if (rate_hz != 0 && rate_hz != 50 && rate_hz != 100 && rate_hz != 125 && rate_hz != 250 &&
      rate_hz != 500)
    throw Error(Status::kInvalidArgument, "waveform sample_rate_hz = " + std::to_string(rate_hz) +
                                              " is not one of 0 (off), 50, 100, 125, 250, 500");
  if (rate_hz > 0 && !wave_stream_) wave_stream_ = std::make_unique<EcgStream>(kNumWaves, kWaveCapacity);
  if (rate_hz != s_.wave_rate_hz && rate_hz > 0) {
    s_.wave_sample_index = static_cast<int64_t>(std::floor(time() * rate_hz + 1e-9)) + 1;
    if (wave_stream_) wave_stream_->clear();
  }
  s_.wave_rate_hz = rate_hz;
}

int Sim::read_waveform(int wave, float* out, int capacity) noexcept {
  if (!wave_stream_ || wave < 0 || wave >= kNumWaves) return 0;
  return wave_stream_->read(wave, out, capacity);
}

int64_t Sim::waveform_available(int wave) const noexcept {
  return wave_stream_ && wave >= 0 && wave < kNumWaves ? wave_stream_->available(wave) : 0;
}

int64_t Sim::waveform_dropped(int wave) const noexcept {
  return wave_stream_ && wave >= 0 && wave < kNumWaves ? wave_stream_->dropped(wave) : 0;
}

void Sim::emit_wave_samples(const cv::Hemodynamics& h) noexcept {
  const double rate = s_.wave_rate_hz;
  const double now = time() + 1e-9;
  if (static_cast<double>(s_.wave_sample_index) / rate > now) return;
  const resp::RespReadout& r = s_.resp.out;
  double sample[kNumWaves];
  sample[kWaveArterial] = h.pressure[cv::kArteries];
  sample[kWaveCentralVenous] = h.pressure[cv::kRA];
  sample[kWavePulmonaryArtery] = h.pressure[cv::kPulmonaryArteries];
  sample[kWavePleth] = r.pleth;
  sample[kWaveCapnogram] = r.capnogram_mmHg;
  sample[kWaveAirwayPressure] = r.airway_pressure_cmH2O;
  sample[kWaveAirwayFlow] = r.airway_flow_mL_s;
  sample[kWaveChestDepth] = s_.chest_depth_mm;
  // Each grid point due by the end of this step takes the step's values (at most 2 ms early).
  while (static_cast<double>(s_.wave_sample_index) / rate <= now) {
    if (wave_stream_) wave_stream_->push(sample);
    ++s_.wave_sample_index;
  }
}

}  // namespace resus
