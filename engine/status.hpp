// Status codes shared by the engine and the C API, and the exception the engine's non-real-time
// paths (model compilation, parsing) throw; the C API shim turns it into a status and message.
#pragma once

#include <stdexcept>
#include <string>

namespace resus {

// Values match resus_status in capi/include/resus/resus.h (append-only).
enum class Status : int {
  kOk = 0,
  kInvalidArgument = 1,  // a value out of its valid range, NaN, negative duration
  kNullHandle = 2,
  kUnknownName = 3,      // unknown preset, parameter, signal or action
  kParseError = 4,       // malformed JSON or wrong JSON type
  kBufferTooSmall = 5,
  kIncompatible = 6,     // snapshot from another version or model
  kNumerical = 7,        // the state went non-finite; the sim is restored and stopped
  kCapacity = 8,         // a fixed-capacity queue is full
  kOutOfMemory = 9,
  kInternal = 10,
};

class Error : public std::runtime_error {
 public:
  Error(Status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  Status status() const { return status_; }

 private:
  Status status_;
};

}  // namespace resus
