#include "runner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>

#include "format.hpp"

namespace resus_cli {
namespace {

int64_t to_steps(double t_s) { return std::llround(t_s / resus_step_seconds()); }

SimPtr make_sim(const Scenario& sc, const resus_model* model) {
  resus_sim_def def = resus_default_sim_def();
  def.seed = sc.seed;
  resus_sim* sim = nullptr;
  const resus_status status = resus_sim_create(model, &def, &sim);
  if (status != RESUS_OK) throw InputError(sc.source + ": cannot create the sim: " + error_text(status));
  return SimPtr(sim);
}

// Hands the scenario's actions to the sim as the run reaches them, so that a scenario may hold
// any number of actions while the sim's queue holds RESUS_ACTION_QUEUE_CAPACITY. Actions keep
// their order: by time, then by place in the file, as if all had been scheduled at the start.
class ActionFeed {
 public:
  explicit ActionFeed(const Scenario& sc) : sc_(sc) {
    for (std::size_t i = 0; i < sc.actions.size(); ++i)
      if (sc.actions[i].at_s < sc.duration_s) order_.push_back(i);  // not cut off by --duration
    std::stable_sort(order_.begin(), order_.end(),
                     [&](std::size_t a, std::size_t b) { return step(a) < step(b); });
  }

  // Schedules every action due before step `target` that fits in the queue; returns the step
  // the sim may advance to (target, or earlier when the queue is full).
  int64_t feed(resus_sim* sim, int64_t now, int64_t target) {
    while (applied_ < fed_ && step(order_[applied_]) < now) ++applied_;
    for (; fed_ < order_.size(); ++fed_) {
      const int64_t at = step(order_[fed_]);
      if (at >= target) break;
      // parse_scenario allows at most the capacity at one time, so here at > now.
      if (fed_ - applied_ >= RESUS_ACTION_QUEUE_CAPACITY) return at;
      const ScenarioAction& a = sc_.actions[order_[fed_]];
      const resus_status status = resus_sim_schedule_values(sim, a.at_s, a.action.kind,
                                                            a.action.values.data(), a.action.count);
      if (status != RESUS_OK)
        throw InputError(sc_.source + ": actions[" + std::to_string(a.index) +
                         "]: cannot schedule: " + error_text(status, sim));
    }
    return target;
  }

 private:
  int64_t step(std::size_t i) const { return to_steps(sc_.actions[i].at_s); }

  const Scenario& sc_;
  std::vector<std::size_t> order_;  // indices into sc.actions, by (step, file order)
  std::size_t fed_ = 0;             // order_[0, fed_) have been scheduled
  std::size_t applied_ = 0;         // order_[0, applied_) have been applied
};

}  // namespace

RunResult run_scenario(const Scenario& sc, const resus_model* model,
                       const std::vector<RunObserver*>& observers) {
  SimPtr owner = make_sim(sc, model);
  resus_sim* sim = owner.get();
  ActionFeed actions(sc);

  double blood_volume_mL = 0.0;
  resus_model_param(model, "blood_volume_mL", &blood_volume_mL);
  int32_t rhythm_id = -1;
  resus_signal_find("rhythm_id", &rhythm_id);  // a library without it: the rhythm is unknown
  const double rhythm = resus_sim_signal(sim, rhythm_id);
  EventNarrator narrator(sc.actions, blood_volume_mL,
                         std::isfinite(rhythm) ? static_cast<int32_t>(rhythm) : -1);

  RunResult result;
  std::vector<double> values(sc.signal_indices.size());
  std::vector<resus_event> polled(64);
  auto drain_events = [&] {
    int32_t n = 0;
    do {
      if (resus_sim_poll_events(sim, polled.data(), static_cast<int32_t>(polled.size()), &n) != RESUS_OK) break;
      for (int32_t i = 0; i < n; ++i) {
        result.events.push_back(narrator.describe(polled[static_cast<std::size_t>(i)]));
        for (RunObserver* o : observers) o->on_event(result.events.back());
      }
    } while (n == static_cast<int32_t>(polled.size()));
  };

  // Integer step counts keep the checkpoints exact over long runs.
  const int64_t end = to_steps(sc.duration_s);
  const int64_t record_every = to_steps(sc.record_interval_s);
  const int64_t print_every = to_steps(sc.print_interval_s);
  int64_t next_record = 0, next_print = 0, now = 0;
  const double step_s = resus_step_seconds();
  int64_t max_chunk = end;  // observers that drain buffers need the sim advanced in pieces
  for (RunObserver* o : observers)
    if (o->max_advance_s() > 0.0) max_chunk = std::min(max_chunk, std::max<int64_t>(1, to_steps(o->max_advance_s())));
  for (RunObserver* o : observers) o->on_start(sim);

  const auto wall_start = std::chrono::steady_clock::now();
  while (true) {
    const int64_t target =
        actions.feed(sim, now, std::min({next_record, next_print, end, now + max_chunk}));
    if (target > now) {
      const resus_status status =
          resus_sim_advance(sim, static_cast<double>(target) * step_s - resus_sim_time(sim));
      now = to_steps(resus_sim_time(sim));
      for (RunObserver* o : observers) o->on_advance(sim);
      if (status != RESUS_OK) {
        result.ok = false;
        result.error = "the simulation stopped at " + clock_time(resus_sim_time(sim)) + ": " +
                       error_text(status, sim);
        drain_events();
        break;
      }
    }
    drain_events();
    const double t = resus_sim_time(sim);
    const bool at_end = now >= end;
    if (now == next_record || at_end) {  // the end is always recorded and printed
      resus_sim_signals(sim, sc.signal_indices.data(), static_cast<int32_t>(values.size()), values.data());
      for (RunObserver* o : observers) o->on_sample(t, values);
      next_record = now + record_every;
    }
    if (now == next_print || at_end) {
      for (RunObserver* o : observers) o->on_vitals(t, sim);
      next_print = now + print_every;
    }
    if (at_end) break;
  }
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  result.simulated_s = resus_sim_time(sim);
  return result;
}

}  // namespace resus_cli
