// The ECG as a WFDB record (PhysioNet): FILE.hea (header), FILE.dat (MIT format 16: interleaved
// little-endian int16 at 1000 adu/mV, i.e. 1 uV, clipped to the int16 range) and FILE.atr (MIT
// annotation format: beats and rhythm changes). Readable by the WFDB tools, wfdb-python and
// tools/ecg_plot.py.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "ecg_sink.hpp"

namespace resus_cli {

inline constexpr int kWfdbGain_adu_per_mV = 1000;

class WfdbWriter : public EcgSink {
 public:
  // `record` is the path without extension (out/arrest -> out/arrest.hea, .dat, .atr). Creates
  // the three files; throws InputError if it cannot.
  explicit WfdbWriter(const std::string& record);
  void begin(const EcgRecordInfo& info) override;
  void write(std::span<const float> frames, int64_t count) override;
  std::string finish(const std::vector<EcgAnnotation>& annotations, int64_t samples) override;

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  using File = std::unique_ptr<std::FILE, Closer>;
  std::string record_, name_;  // path without extension; its last component
  File dat_, hea_, atr_;
  EcgRecordInfo info_;
  std::vector<int16_t> initial_, buffer_;
  std::vector<int32_t> checksum_;  // per signal, summed mod 2^16
};

// The MIT annotation file's bytes for `annotations` (sorted by sample), with its terminator.
std::vector<uint8_t> encode_mit_annotations(const std::vector<EcgAnnotation>& annotations);

}  // namespace resus_cli
