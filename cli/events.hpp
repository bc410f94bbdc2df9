// Turns the library's polled events into readable lines. The events carry only a kind and one
// number, so an applied action is matched to the scenario action it came from (the library
// applies scheduled actions in time order, ties in scheduling order) for the full story.
#pragma once

#include <resus/resus.h>

#include <string>
#include <vector>

#include "scenario.hpp"

namespace resus_cli {

struct ScenarioEvent {
  double time_s;
  std::string kind;    // "action_applied", "hemorrhage_ended", "bolus_ended"
  std::string action;  // the action's name for "action_applied", else empty
  double value;        // as the library reports it (mL/min or mL)
  std::string text;    // e.g. "hemorrhage started 500 mL/min (venous), up to 1500 mL"
};

class EventNarrator {
 public:
  // `blood_volume_mL` is the patient's, to express bleeds as a share of it.
  EventNarrator(const std::vector<ScenarioAction>& actions, double blood_volume_mL);
  ScenarioEvent describe(const resus_event& event);

 private:
  std::string describe_action(const resus_action& a) const;

  std::vector<const ScenarioAction*> in_order_;  // the order the library applies them in
  std::size_t next_ = 0;
  double blood_volume_mL_;
};

}  // namespace resus_cli
