// An independent reader for the WFDB records `resus run --ecg` writes, from the PhysioNet format
// descriptions (header(5), signal(5), annotation(5)), to check the writer against.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace resus_cli_test {

struct WfdbSignal {
  std::string file, description;
  int format = 0, adc_resolution = 0, adc_zero = 0;
  double gain = 0.0, baseline = 0.0;
  std::string units;
};

struct WfdbHeader {
  std::string name;
  int signals = 0;
  double rate_hz = 0.0;
  long long samples = 0;
  std::vector<WfdbSignal> signal;
};

// Parses the record line and the signal lines ("file 16 1000(0)/mV 16 0 ..." ).
inline WfdbHeader read_wfdb_header(const std::string& path) {
  WfdbHeader h;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line) && (line.empty() || line[0] == '#')) {}
  std::istringstream(line) >> h.name >> h.signals >> h.rate_hz >> h.samples;
  while (static_cast<int>(h.signal.size()) < h.signals && std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    WfdbSignal sig;
    std::string gain, initial, checksum, block;
    s >> sig.file >> sig.format >> gain >> sig.adc_resolution >> sig.adc_zero >> initial >>
        checksum >> block >> sig.description;
    const auto slash = gain.find('/');
    if (slash != std::string::npos) sig.units = gain.substr(slash + 1);
    const std::string number = gain.substr(0, slash);
    const auto paren = number.find('(');
    sig.gain = std::stod(number.substr(0, paren));
    sig.baseline = paren == std::string::npos ? sig.adc_zero : std::stod(number.substr(paren + 1));
    h.signal.push_back(sig);
  }
  return h;
}

// Format 16: little-endian two's-complement 16-bit samples, interleaved by frame.
inline std::vector<int16_t> read_format16(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<int16_t> out;
  unsigned char b[2];
  while (in.read(reinterpret_cast<char*>(b), 2))
    out.push_back(static_cast<int16_t>(static_cast<uint16_t>(b[0] | (b[1] << 8))));
  return out;
}

struct WfdbAnnotation {
  long long sample;
  int code;
  std::string aux;
};

// MIT annotation format: 16-bit little-endian words, code in the top 6 bits, time difference
// in the low 10; SKIP (59) carries a 32-bit interval (high word first), AUX (63) a string, and
// NUM/SUB/CHN (60-62) modify the previous annotation; a zero word ends the file.
inline std::vector<WfdbAnnotation> read_mit_annotations(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<WfdbAnnotation> out;
  std::size_t i = 0;
  long long time = 0;
  auto word = [&] {
    const unsigned w = bytes[i] | (bytes[i + 1] << 8);
    i += 2;
    return w;
  };
  while (i + 1 < bytes.size()) {
    const unsigned w = word();
    const int code = static_cast<int>(w >> 10);
    const int value = static_cast<int>(w & 0x3FF);
    if (w == 0) break;
    if (code == 59) {
      const unsigned high = word(), low = word();
      time += static_cast<long long>((high << 16) | low);
    } else if (code == 63) {
      std::string aux(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                      bytes.begin() + static_cast<std::ptrdiff_t>(i + static_cast<std::size_t>(value)));
      if (!out.empty()) out.back().aux = aux;
      i += static_cast<std::size_t>(value + (value & 1));
    } else if (code >= 60) {
      continue;  // NUM, SUB, CHN: not used by resus
    } else {
      time += value;
      out.push_back({time, code, ""});
    }
  }
  return out;
}

}  // namespace resus_cli_test
