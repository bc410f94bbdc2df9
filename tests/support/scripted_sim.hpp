// Engine tests that script a patient the way a scenario file does: the default adult compiled
// once per test binary, and actions written as the JSON a scenario holds.
#pragma once

#include <cmath>
#include <memory>
#include <string>

#include "engine/actions.hpp"
#include "engine/sim.hpp"
#include "models/electrophysiology/conduction.hpp"

namespace resus::test {

// The default adult (PatientDef{}), compiled on first use.
inline std::shared_ptr<const Model> adult() {
  static const auto m = Model::compile(PatientDef{});
  return m;
}

// Applies one action written as a scenario's JSON object (without "at_s").
inline void act(Sim& sim, const std::string& json) { sim.apply(parse_action_json(json, nullptr)); }

// A pulse as a rescuer feels one: an organised rhythm (not VF, pulseless VT, torsades or
// asystole) with a systolic pressure of at least 60 mmHg.
inline bool palpable_pulse(const Sim& sim) {
  const auto r = static_cast<ep::Rhythm>(static_cast<int>(sim.signal(kRhythmId)));
  return r != ep::Rhythm::kAsystole && r != ep::Rhythm::kVfCoarse && r != ep::Rhythm::kVfFine &&
         r != ep::Rhythm::kPulselessVt && r != ep::Rhythm::kTorsades &&
         sim.signal(kSystolic) >= 60.0;
}

// The mean of a signal over the next `seconds`, sampled every `every_s` (pressures and rates
// swing with each beat and breath).
inline double mean_over(Sim& sim, int signal, double seconds, double every_s = 0.1) {
  double sum = 0.0;
  const int n = static_cast<int>(std::lround(seconds / every_s));
  for (int i = 0; i < n; ++i) {
    sim.advance(every_s);
    sum += sim.signal(signal);
  }
  return sum / n;
}

}  // namespace resus::test
