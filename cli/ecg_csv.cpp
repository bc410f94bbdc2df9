#include "ecg_csv.hpp"

#include <cerrno>
#include <cstring>

#include "scenario.hpp"

namespace resus_cli {

EcgCsvWriter::EcgCsvWriter(const std::string& path)
    : path_(path), file_(std::fopen(path.c_str(), "w")) {
  if (!file_) throw InputError(path + ": cannot create the ECG CSV file: " + std::strerror(errno));
}

void EcgCsvWriter::begin(const EcgRecordInfo& info) {
  info_ = info;
  std::fputs("time_s", file_.get());
  for (const std::string& lead : info.leads) std::fprintf(file_.get(), ",%s", lead.c_str());
  std::fputc('\n', file_.get());
}

void EcgCsvWriter::write(std::span<const float> frames, int64_t count) {
  const std::size_t leads = info_.leads.size();
  for (int64_t k = 0; k < count; ++k, ++written_) {
    // Sample times from the index, so that they do not drift over long runs.
    std::fprintf(file_.get(), "%.10g",
                 static_cast<double>(info_.first_index + written_) / info_.rate_hz);
    for (std::size_t l = 0; l < leads; ++l)
      std::fprintf(file_.get(), ",%.4f", static_cast<double>(frames[static_cast<std::size_t>(k) * leads + l]));
    std::fputc('\n', file_.get());
  }
}

std::string EcgCsvWriter::finish(const std::vector<EcgAnnotation>&, int64_t) {
  std::FILE* f = file_.release();
  const bool failed = std::ferror(f) != 0;
  if (std::fclose(f) != 0 || failed) return path_ + ": writing the ECG CSV file failed";
  return "";
}

}  // namespace resus_cli
