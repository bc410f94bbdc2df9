#include "events.hpp"

#include <algorithm>
#include <cmath>

#include "format.hpp"

namespace resus_cli {
namespace {

const char* action_name(int32_t kind) {
  switch (kind) {
    case RESUS_ACTION_HEMORRHAGE: return "hemorrhage";
    case RESUS_ACTION_HEMORRHAGE_STOP: return "hemorrhage_stop";
    case RESUS_ACTION_FLUID_BOLUS: return "fluid_bolus";
    default: return "action";
  }
}

}  // namespace

EventNarrator::EventNarrator(const std::vector<ScenarioAction>& actions, double blood_volume_mL)
    : blood_volume_mL_(blood_volume_mL) {
  for (const ScenarioAction& a : actions) in_order_.push_back(&a);
  const double step = resus_step_seconds();
  std::stable_sort(in_order_.begin(), in_order_.end(), [step](const auto* x, const auto* y) {
    return std::llround(x->at_s / step) < std::llround(y->at_s / step);
  });
}

std::string EventNarrator::describe_action(const resus_action& a) const {
  switch (a.kind) {
    case RESUS_ACTION_HEMORRHAGE: {
      std::string text = "hemorrhage started " + fixed(a.rate_mL_min, 0) + " mL/min (" +
                         (a.site == RESUS_BLEED_ARTERIAL ? "arterial" : "venous") + "), ";
      if (a.volume_mL <= 0.0) return text + "until stopped";
      text += "up to " + fixed(a.volume_mL, 0) + " mL";
      if (blood_volume_mL_ > 0.0)
        text += " (" + fixed(100.0 * a.volume_mL / blood_volume_mL_, 0) + "% of blood volume)";
      return text;
    }
    case RESUS_ACTION_HEMORRHAGE_STOP:
      return "hemorrhage stopped";
    case RESUS_ACTION_FLUID_BOLUS:
      return "fluid bolus started: " + fixed(a.volume_mL, 0) + " mL at " + fixed(a.rate_mL_min, 0) +
             " mL/min";
    default:
      return std::string("action ") + std::to_string(a.kind) + " applied";
  }
}

ScenarioEvent EventNarrator::describe(const resus_event& e) {
  ScenarioEvent out{e.time_s, "", "", e.value, ""};
  switch (e.kind) {
    case RESUS_EVENT_ACTION_APPLIED:
      out.kind = "action_applied";
      out.action = action_name(e.detail);
      if (next_ < in_order_.size() && in_order_[next_]->action.kind == e.detail) {
        out.text = describe_action(in_order_[next_++]->action);
      } else {  // not one of ours (should not happen): say what the event itself says
        out.text = out.action + " applied (" + num(e.value) + ")";
      }
      break;
    case RESUS_EVENT_HEMORRHAGE_ENDED:
      out.kind = "hemorrhage_ended";
      out.text = "hemorrhage ended: " + fixed(e.value, 0) + " mL lost";
      break;
    case RESUS_EVENT_BOLUS_ENDED:
      out.kind = "bolus_ended";
      out.text = "fluid bolus finished: " + fixed(e.value, 0) + " mL infused";
      break;
    default:
      out.kind = "event_" + std::to_string(e.kind);
      out.text = "event " + std::to_string(e.kind) + " (detail " + std::to_string(e.detail) +
                 ", value " + num(e.value) + ")";
  }
  return out;
}

}  // namespace resus_cli
