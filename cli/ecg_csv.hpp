// The ECG as CSV: header `time_s,I,II,...,V6,pads`, one row per sample, values in mV.
// Annotations are not part of the CSV (the JSON summary counts the beats).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "ecg_sink.hpp"

namespace resus_cli {

class EcgCsvWriter : public EcgSink {
 public:
  // Creates `path`; throws InputError if it cannot.
  explicit EcgCsvWriter(const std::string& path);
  void begin(const EcgRecordInfo& info) override;
  void write(std::span<const float> frames, int64_t count) override;
  std::string finish(const std::vector<EcgAnnotation>& annotations, int64_t samples) override;

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  EcgRecordInfo info_;
  int64_t written_ = 0;
};

}  // namespace resus_cli
