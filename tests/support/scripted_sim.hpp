// Engine tests that script a patient the way a scenario file does: the default adult compiled
// once per test binary, and actions written as the JSON a scenario holds.
#pragma once

#include <memory>
#include <string>

#include "engine/actions.hpp"
#include "engine/sim.hpp"

namespace resus::test {

// The default adult (PatientDef{}), compiled on first use.
inline std::shared_ptr<const Model> adult() {
  static const auto m = Model::compile(PatientDef{});
  return m;
}

// Applies one action written as a scenario's JSON object (without "at_s").
inline void act(Sim& sim, const std::string& json) { sim.apply(parse_action_json(json, nullptr)); }

}  // namespace resus::test
