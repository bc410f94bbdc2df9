// Waveforms streamed like the ECG: sampled on a regular grid and buffered per wave for hosts
// that draw monitors (arterial line, pleth, capnogram, ventilator curves, compression depth).
#pragma once

#include <span>

namespace resus {

// Values match resus_wave in the C API (append-only).
enum WaveId : int {
  kWaveArterial,        // systemic arterial pressure, mmHg
  kWaveCentralVenous,   // right atrial pressure, mmHg
  kWavePulmonaryArtery, // mmHg
  kWavePleth,           // 0..1
  kWaveCapnogram,       // mmHg CO2 at the airway opening
  kWaveAirwayPressure,  // cmH2O
  kWaveAirwayFlow,      // mL/s into the patient
  kWaveChestDepth,      // mm
  kNumWaves
};

struct WaveInfo {
  const char* name;
  const char* unit;
};

constexpr WaveInfo kWaveInfo[kNumWaves] = {
    {"abp", "mmHg"},       {"cvp", "mmHg"},        {"pap", "mmHg"},       {"pleth", "1"},
    {"capnogram", "mmHg"}, {"paw", "cmH2O"},      {"flow", "mL/s"},      {"chest_depth", "mm"},
};

inline std::span<const WaveInfo> wave_catalogue() { return kWaveInfo; }

}  // namespace resus
