// The waveform stage: arterial, venous and pulmonary pressures, pleth, capnogram, airway
// pressure and flow and compression depth, sampled on a regular grid for monitors. Reads
// bus.haemodynamics, bus.lungs and bus.chest.
#include <cmath>

#include "engine/stages/stages.hpp"
#include "engine/waveforms.hpp"

namespace resus::stages::waveforms {

void step(const StepContext&, SimState& s, EcgStream* stream) {
  WaveStageState& w = s.waves;
  if (w.rate_hz <= 0) return;
  const double rate = w.rate_hz;
  const double end = now(s) + 1e-9;
  if (static_cast<double>(w.sample_index) / rate > end) return;
  const cv::Hemodynamics& h = s.bus.haemodynamics.h;
  const LungsBus& l = s.bus.lungs;
  double sample[kNumWaves];
  sample[kWaveArterial] = h.pressure[cv::kArteries];
  sample[kWaveCentralVenous] = h.pressure[cv::kRA];
  sample[kWavePulmonaryArtery] = h.pressure[cv::kPulmonaryArteries];
  sample[kWavePleth] = l.pleth;
  sample[kWaveCapnogram] = l.capnogram_mmHg;
  sample[kWaveAirwayPressure] = l.airway_pressure_cmH2O;
  sample[kWaveAirwayFlow] = l.airway_flow_mL_s;
  sample[kWaveChestDepth] = s.bus.chest.depth_mm;
  // Each grid point due by the end of this step takes the step's values (at most 2 ms early).
  while (static_cast<double>(w.sample_index) / rate <= end) {
    if (stream) stream->push(sample);
    ++w.sample_index;
  }
}

void check(const SimState& s, StateCheck& c) {
  const WaveStageState& w = s.waves;
  if (w.rate_hz != 0 && w.rate_hz != 50 && w.rate_hz != 100 && w.rate_hz != 125 &&
      w.rate_hz != 250 && w.rate_hz != 500)
    c.index("waves.rate_hz (0, 50, 100, 125, 250 or 500)", w.rate_hz, 0, 0);
  if (w.rate_hz > 0) {
    const double expected = std::floor(now(s) * w.rate_hz + 1e-9) + 1.0;
    c.index("waves.sample_index", w.sample_index, static_cast<int64_t>(expected) - 1,
            static_cast<int64_t>(expected) + 1);
  } else {
    c.index("waves.sample_index", w.sample_index, 0, INT64_MAX);
  }
}

}  // namespace resus::stages::waveforms
