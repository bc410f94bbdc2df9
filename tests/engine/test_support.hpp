// Shared helpers for the engine tests: compiled models (compiled once per test binary), byte
// comparison of signal arrays, FNV-1a hashing and checks on resus::Error.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/actions.hpp"
#include "engine/model.hpp"
#include "engine/signals.hpp"
#include "engine/sim.hpp"
#include "engine/status.hpp"
#include "../support/named_action.hpp"

namespace resus::test {

inline std::shared_ptr<const Model> compile_preset(const char* preset) {
  PatientDef def;
  def.preset = preset;
  return Model::compile(def);
}

// Each preset is compiled once per binary and shared, like a host sharing one model.
inline const std::shared_ptr<const Model>& male_model() {
  static const std::shared_ptr<const Model> m = compile_preset("adult_male_70kg");
  return m;
}
inline const std::shared_ptr<const Model>& female_model() {
  static const std::shared_ptr<const Model> m = compile_preset("adult_female_60kg");
  return m;
}

constexpr std::size_t kSignalBytes = sizeof(double) * static_cast<std::size_t>(kNumSignals);

inline bool same_signals(const Sim& a, const Sim& b) {
  return std::memcmp(a.signals(), b.signals(), kSignalBytes) == 0;
}

// Whole-state bytes through the public snapshot path.
inline std::vector<unsigned char> snapshot(const Sim& sim) {
  std::vector<unsigned char> bytes(Sim::snapshot_size());
  sim.save(bytes.data());
  return bytes;
}

inline uint64_t fnv1a(const void* data, std::size_t n, uint64_t h = 1469598103934665603ull) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

inline Action hemorrhage(double rate_mL_min, double volume_mL = 0.0,
                         BleedSiteCode site = BleedSiteCode::kVenous) {
  return validated(NamedAction{ActionKind::kHemorrhage, static_cast<int32_t>(site), rate_mL_min, volume_mL});
}
inline Action bolus(double volume_mL, double rate_mL_min = 0.0) {
  return validated(NamedAction{ActionKind::kFluidBolus, 0, rate_mL_min, volume_mL});
}
inline Action hemorrhage_stop() { return validated(NamedAction{ActionKind::kHemorrhageStop, 0, 0.0, 0.0}); }

// Runs `fn`, which must throw resus::Error with `status` and a message containing every one of
// `parts`. Reports what it got otherwise.
inline void expect_error(const std::function<void()>& fn, Status status,
                         const std::vector<std::string>& parts = {}) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(static_cast<int>(e.status()), static_cast<int>(status)) << "message: " << e.what();
    const std::string msg = e.what();
    for (const std::string& part : parts)
      EXPECT_NE(msg.find(part), std::string::npos) << "'" << part << "' missing from: " << msg;
    return;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw a non-resus exception: " << e.what();
    return;
  }
  ADD_FAILURE() << "did not throw (expected status " << static_cast<int>(status) << ")";
}

}  // namespace resus::test
