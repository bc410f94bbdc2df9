// What a stage receives for one step, after Box2D's step context: the immutable model with its
// evaluators, the step's index and times, a sink for events and the random draws. A stage
// never calls back into the Sim; everything it shares goes through the bus (engine/bus.hpp).
#pragma once

#include <cstdint>

#include "engine/rng.hpp"
#include "engine/sim_state.hpp"
#include "models/autonomic/baroreflex.hpp"
#include "models/cardiovascular/circulation.hpp"
#include "models/cpr/compression.hpp"
#include "models/ecg/ecg.hpp"
#include "models/electrophysiology/conduction.hpp"
#include "models/electrophysiology/myocardium.hpp"
#include "models/respiration/respiration.hpp"

namespace resus {

class Model;

// The models' evaluators, bound to one model's parameters (cheap to build, no state).
struct Evaluators {
  cv::Circulation circulation;
  autonomic::Baroreflex baroreflex;
  autonomic::Chemoreflex chemoreflex;
  autonomic::Cardiopulmonary cardiopulmonary;
  ep::Conduction conduction;
  ep::Myocardium myocardium;
  ecg::Generator ecg;
  resp::Respiration respiration;
  cpr::ChestPump chest;
};

// Pushes events into the state's ring, stamped with the state's clock as it is when pushed
// (stages after the integration stamp the step's end, as a host reading time() then would).
class EventSink {
 public:
  explicit EventSink(SimState& s) : s_(&s) {}
  void push(EventKind kind, int32_t detail, double value) const noexcept;

 private:
  SimState* s_;
};

// Uniform draws from the sim's counter-based streams; the counters are part of the state.
class Draws {
 public:
  Draws(const Rng& rng, HeartState& counters) : rng_(&rng), counters_(&counters) {}
  double uniform(RngStream stream) const noexcept {
    uint32_t& index = stream == RngStream::kShock    ? counters_->shock_draws
                      : stream == RngStream::kEctopy ? counters_->ectopy_draws
                                                     : counters_->rhythm_draws;
    return rng_->uniform(stream, index++);
  }
  const Rng& rng() const { return *rng_; }

 private:
  const Rng* rng_;
  HeartState* counters_;
};

struct StepContext {
  const Model& model;
  const Evaluators& eval;
  double t;               // the step's start time, s (step * kStep_s)
  bool breathing_coupled; // off while a model settles its circulation alone
  EventSink events;
  Draws draws;
};

}  // namespace resus
