#include "wfdb.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "scenario.hpp"

namespace resus_cli {
namespace {

constexpr int kSkip = 59, kAux = 63;  // MIT pseudo-annotation codes

int16_t to_adu(float mV) {
  const double v = std::round(static_cast<double>(mV) * kWfdbGain_adu_per_mV);
  if (std::isnan(v)) return 0;
  return static_cast<int16_t>(std::clamp(v, -32768.0, 32767.0));
}

void put16(std::vector<uint8_t>& out, uint32_t word) {
  out.push_back(static_cast<uint8_t>(word & 0xFF));
  out.push_back(static_cast<uint8_t>((word >> 8) & 0xFF));
}

std::string last_component(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::vector<uint8_t> encode_mit_annotations(const std::vector<EcgAnnotation>& annotations) {
  std::vector<uint8_t> out;
  int64_t previous = 0;
  for (const EcgAnnotation& a : annotations) {
    int64_t diff = std::max<int64_t>(0, a.sample - previous);
    previous += diff;
    if (diff > 1023) {  // SKIP: the interval as a 32-bit number, high 16 bits first
      put16(out, kSkip << 10);
      const auto d = static_cast<uint32_t>(diff);
      put16(out, d >> 16);
      put16(out, d & 0xFFFF);
      diff = 0;
    }
    put16(out, (static_cast<uint32_t>(a.code) << 10) | static_cast<uint32_t>(diff));
    if (!a.aux.empty()) {
      const std::size_t n = std::min<std::size_t>(a.aux.size(), 255);
      put16(out, (kAux << 10) | static_cast<uint32_t>(n));
      out.insert(out.end(), a.aux.begin(), a.aux.begin() + static_cast<std::ptrdiff_t>(n));
      if (n % 2) out.push_back(0);
    }
  }
  put16(out, 0);  // end of file
  return out;
}

WfdbWriter::WfdbWriter(const std::string& record)
    : record_(record),
      name_(last_component(record)),
      dat_(std::fopen((record + ".dat").c_str(), "wb")),
      hea_(std::fopen((record + ".hea").c_str(), "w")),
      atr_(std::fopen((record + ".atr").c_str(), "wb")) {
  if (!dat_ || !hea_ || !atr_)
    throw InputError(record + ": cannot create the WFDB record (.hea, .dat, .atr): " +
                     std::strerror(errno));
}

void WfdbWriter::begin(const EcgRecordInfo& info) {
  info_ = info;
  checksum_.assign(info.leads.size(), 0);
}

void WfdbWriter::write(std::span<const float> frames, int64_t count) {
  const std::size_t leads = info_.leads.size();
  const std::size_t n = static_cast<std::size_t>(count) * leads;
  buffer_.resize(n);
  for (std::size_t i = 0; i < n; ++i) buffer_[i] = to_adu(frames[i]);
  if (initial_.empty() && count > 0) initial_.assign(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(leads));
  std::vector<uint8_t> bytes(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto u = static_cast<uint16_t>(buffer_[i]);
    bytes[2 * i] = static_cast<uint8_t>(u & 0xFF);
    bytes[2 * i + 1] = static_cast<uint8_t>(u >> 8);
    checksum_[i % leads] += buffer_[i];
  }
  std::fwrite(bytes.data(), 1, bytes.size(), dat_.get());
}

std::string WfdbWriter::finish(const std::vector<EcgAnnotation>& annotations, int64_t samples) {
  std::FILE* hea = hea_.get();
  std::fprintf(hea, "%s %zu %d %lld\n", name_.c_str(), info_.leads.size(), info_.rate_hz,
               static_cast<long long>(samples));
  for (std::size_t l = 0; l < info_.leads.size(); ++l) {
    const int initial = l < initial_.size() ? initial_[l] : 0;
    const auto checksum = static_cast<int16_t>(static_cast<uint16_t>(checksum_[l] & 0xFFFF));
    // file format gain(baseline)/units resolution zero initial checksum block-size description
    std::fprintf(hea, "%s.dat 16 %d(0)/mV 16 0 %d %d 0 %s\n", name_.c_str(), kWfdbGain_adu_per_mV,
                 initial, checksum, info_.leads[l].c_str());
  }
  std::fprintf(hea, "# resus synthetic ECG; annotations in %s.atr\n", name_.c_str());
  const std::vector<uint8_t> atr = encode_mit_annotations(annotations);
  std::fwrite(atr.data(), 1, atr.size(), atr_.get());

  std::string error;
  for (auto* f : {&dat_, &hea_, &atr_}) {
    std::FILE* raw = f->release();
    const bool failed = std::ferror(raw) != 0;
    if ((std::fclose(raw) != 0 || failed) && error.empty())
      error = record_ + ": writing the WFDB record failed";
  }
  return error;
}

}  // namespace resus_cli
