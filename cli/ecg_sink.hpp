// Where the ECG a run records goes: a file format (CSV, WFDB) that takes the samples of all leads
// block by block, beat and rhythm annotations as they come, and is closed at the end.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace resus_cli {

// One WFDB-style annotation: a beat ('N', 'V', '/') or a rhythm change ('+' with aux "(VF").
struct EcgAnnotation {
  int64_t sample;   // index into the recorded samples, from 0
  int32_t code;     // MIT annotation code (1 N, 5 V, 12 /, 28 rhythm)
  std::string aux;  // rhythm mnemonic for code 28, else empty
};

struct EcgRecordInfo {
  int32_t rate_hz = 0;
  int64_t first_index = 0;         // sample 0 is at first_index / rate_hz seconds
  std::vector<std::string> leads;  // names, in the order samples are interleaved
};

class EcgSink {
 public:
  virtual ~EcgSink() = default;
  virtual void begin(const EcgRecordInfo& info) = 0;
  // `frames` holds `count` frames of leads.size() values each (mV), interleaved by frame.
  virtual void write(std::span<const float> frames, int64_t count) = 0;
  // All annotations in sample order, and the total number of samples per lead. Returns an
  // error message, or "" when everything was written.
  virtual std::string finish(const std::vector<EcgAnnotation>& annotations, int64_t samples) = 0;
};

}  // namespace resus_cli
