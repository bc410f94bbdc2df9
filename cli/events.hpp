// Turns the library's polled events into readable lines. The events carry only a kind and one
// number, so an applied action is matched to the scenario action it came from (the library
// applies scheduled actions in time order, ties in scheduling order) for the full story.
#pragma once

#include <resus/resus.h>

#include <cstdint>
#include <string>
#include <vector>

#include "scenario.hpp"

namespace resus_cli {

struct ScenarioEvent {
  double time_s;
  std::string kind;    // "action_applied", "hemorrhage_ended", "bolus_ended", "rhythm_changed",
                       // "shock_delivered", "pacing_capture"
  std::string action;  // the action's name for "action_applied"; for "shock_delivered", the
                       // action that delivered it ("shock" or "cardioversion"); else empty
  std::string detail;  // the event's detail by name: the new rhythm ("vf_coarse"), the shock
                       // outcome ("terminated"), capture "gained" or "lost"; else empty
  double value;        // as the library reports it (mL/min, mL, rhythm value, J or mA)
  std::string text;    // e.g. "hemorrhage started 500 mL/min (venous), up to 1500 mL"
};

class EventNarrator {
 public:
  // `blood_volume_mL` is the patient's, to express bleeds as a share of it; `initial_rhythm`
  // the sim's rhythm at the start (a resus_rhythm; -1 if unknown), to name what a shock ends.
  EventNarrator(const std::vector<ScenarioAction>& actions, double blood_volume_mL,
                int32_t initial_rhythm);
  ScenarioEvent describe(const resus_event& event);

 private:
  std::string describe_action(const ActionValues& a) const;
  void describe_shock(const resus_event& e, ScenarioEvent& out);

  std::vector<const ScenarioAction*> in_order_;  // the order the library applies them in
  std::size_t next_ = 0;
  double blood_volume_mL_;
  int32_t rhythm_;  // current rhythm as the events tell it; -1 unknown

  // The action a shock_delivered event belongs to: an unsynchronised shock is delivered at
  // once, right after its action_applied event; a cardioversion later, on an R wave or not at
  // all. Waveform -1: not known.
  struct Shock {
    bool pending = false;
    double energy_J = 0.0;
    int32_t waveform = -1;
  };
  Shock shock_;          // applied by the event just described
  Shock cardioversion_;  // armed, waiting for an R wave
};

// "sinus", "vf_coarse", ... or "rhythm <n>" for a value this build does not know.
std::string rhythm_text(int32_t rhythm);

}  // namespace resus_cli
