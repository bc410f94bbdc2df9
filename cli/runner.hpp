// Runs a checked scenario through the C API: advances to each recording or printing time in
// turn, handing the actions to the sim as the run reaches them and polling events on the way.
#pragma once

#include <resus/resus.h>

#include <span>
#include <string>
#include <vector>

#include "events.hpp"
#include "scenario.hpp"

namespace resus_cli {

// What a run reports as it goes. Each output (timeline, CSV, summary) is one observer.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // Once, when the sim has been created and the actions scheduled, before it advances.
  virtual void on_start(resus_sim* /*sim*/) {}
  // After every advance (the run advances at most max_advance_s() at a time).
  virtual void on_advance(resus_sim* /*sim*/) {}
  virtual double max_advance_s() const { return 0.0; }  // 0: no limit
  virtual void on_event(const ScenarioEvent&) {}
  // The recorded signals (scenario order) at each record interval, from t = 0.
  virtual void on_sample(double /*t_s*/, std::span<const double> /*values*/) {}
  // At each print interval, from t = 0, and at the end.
  virtual void on_vitals(double /*t_s*/, const resus_sim* /*sim*/) {}
};

struct RunResult {
  double simulated_s = 0.0;
  double wall_s = 0.0;   // the advance loop, including what the observers do
  bool ok = true;
  std::string error;     // why the run stopped early
  std::vector<ScenarioEvent> events;
};

// Runs `scenario` on a new sim of `model`. Scheduling problems throw InputError; a failure while
// running (e.g. a numerical one) ends the run early with ok = false.
RunResult run_scenario(const Scenario& scenario, const resus_model* model,
                       const std::vector<RunObserver*>& observers);

}  // namespace resus_cli
