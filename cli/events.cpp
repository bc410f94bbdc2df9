#include "events.hpp"

#include <algorithm>
#include <cmath>

#include "format.hpp"

namespace resus_cli {
namespace {

// The action's name from the library's registry (kinds count from 1 in registry order).
std::string action_name(int32_t kind) {
  const char* name = nullptr;
  if (resus_action_info(kind - 1, &name, nullptr) == RESUS_OK && name) return name;
  return "action " + std::to_string(kind);
}

std::string waveform_text(double waveform) {
  const char* name = resus_enum_name(RESUS_ENUM_SHOCK_WAVEFORM, static_cast<int32_t>(waveform));
  return name ? name : "";
}

const char* outcome_name(int32_t outcome) {
  const char* name = resus_enum_name(RESUS_ENUM_SHOCK_OUTCOME, outcome);
  return name ? name : "";
}

// What a clinician calls the rhythm a shock acts on: "VF" for coarse and fine, "VT" for both.
std::string shockable_text(int32_t rhythm) {
  switch (rhythm) {
    case RESUS_RHYTHM_VF_COARSE:
    case RESUS_RHYTHM_VF_FINE: return "VF";
    case RESUS_RHYTHM_VT:
    case RESUS_RHYTHM_PULSELESS_VT: return "VT";
    case -1: return "";
    default: return rhythm_text(rhythm);
  }
}

const char* airway_text(int32_t airway) {
  switch (airway) {
    case RESUS_AIRWAY_NONE: return "none";
    case RESUS_AIRWAY_BAG_MASK: return "bag-mask";
    case RESUS_AIRWAY_SUPRAGLOTTIC: return "supraglottic airway";
    case RESUS_AIRWAY_TRACHEAL_TUBE: return "tracheal tube";
    case RESUS_AIRWAY_OESOPHAGEAL_TUBE: return "tube in the oesophagus";
    case RESUS_AIRWAY_RIGHT_MAINSTEM: return "tube in the right main bronchus";
    default: return "unknown device";
  }
}

std::string cpr_text(const ActionValues& a) {
  std::string text =
      "CPR started: " + num(a.get("rate_per_min")) + "/min, " + num(a.get("depth_mm")) + " mm";
  const double per_cycle = a.get("compressions_per_cycle"), breaths = a.get("breaths_per_pause");
  if (per_cycle > 0) {
    text += ", " + num(per_cycle) + ":" + num(breaths) + " (pause " + num(a.get("pause_s")) + " s)";
  } else {
    text += ", continuous";
  }
  if (breaths > 0) text += ", breaths " + num(a.get("tidal_volume_mL")) + " mL";
  if (a.get("leaning_mm") > 0.0) text += ", leaning " + num(a.get("leaning_mm")) + " mm";
  if (a.get("duty_cycle") != 0.5) text += ", duty cycle " + num(a.get("duty_cycle"));
  return text;
}

std::string ventilation_text(const ActionValues& a) {
  const auto mode = static_cast<int32_t>(a.get("mode"));
  switch (mode) {
    case RESUS_VENT_NONE: return "ventilation stopped";
    case RESUS_VENT_MANUAL: return "ventilation: manual breaths only";
    case RESUS_VENT_BAG_RATE:
    case RESUS_VENT_VENTILATOR: {
      std::string text = mode == RESUS_VENT_BAG_RATE ? "bag ventilation: " : "ventilator: ";
      text += num(a.get("rate_per_min")) + "/min, " + num(a.get("tidal_volume_mL")) +
              " mL, inspiration " + num(a.get("inspiratory_time_s")) + " s";
      if (a.get("peep_cmH2O") > 0.0) text += ", PEEP " + num(a.get("peep_cmH2O")) + " cmH2O";
      return text;
    }
    default: return "ventilation mode " + std::to_string(mode);
  }
}

// Any action from the library's table: "name: field value unit, ..." (enums by name), for the
// kinds this narrator has no words of its own for.
std::string generic_text(const ActionValues& a) {
  std::string text = action_name(a.kind);
  bool first = true;
  for (int32_t i = 0; i < a.count; ++i) {
    const char *field = nullptr, *unit = nullptr;
    int32_t type = 0;
    if (resus_action_field_info(a.kind, i, &field, &unit, &type, nullptr, nullptr, nullptr) != RESUS_OK)
      continue;
    // A field of another mode or condition is left out.
    int32_t when_field = -1;
    uint32_t when_mask = 0;
    if (resus_action_field_rules(a.kind, i, nullptr, &when_field, &when_mask, nullptr) == RESUS_OK &&
        when_field >= 0 && when_field < a.count) {
      const double selector = a.values[static_cast<std::size_t>(when_field)];
      if (!(selector >= 0.0 && selector < 32.0 && ((when_mask >> static_cast<int>(selector)) & 1u)))
        continue;
    }
    const double v = a.values[static_cast<std::size_t>(i)];
    const char* name = type == RESUS_FIELD_ENUM
                           ? resus_action_field_enum_name(a.kind, i, static_cast<int32_t>(v))
                           : nullptr;
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
    text.append(first ? ": " : ", ").append(field).append(" ");
    first = false;
    if (name) {
      text.append(name);
    } else if (type == RESUS_FIELD_BOOLEAN) {
      text.append(v != 0.0 ? "true" : "false");
    } else {
      text.append(num(v));
      if (unit && *unit) text.append(" ").append(unit);
    }
  }
  return text;
}

// A field's enum value by name ("" when the kind has no such field).
std::string enum_text(const ActionValues& a, const char* field) {
  int32_t i = -1;
  if (resus_action_field_find(a.kind, field, &i) != RESUS_OK || i < 0 || i >= a.count) return "";
  const char* name = resus_action_field_enum_name(a.kind, i, static_cast<int32_t>(a.values[static_cast<std::size_t>(i)]));
  return name ? name : "";
}

// "epinephrine 1 mg io_humeral, flush 10 mL", "norepinephrine infusion 0.1 ug_kg_min central_iv",
// "norepinephrine infusion stopped"; other kinds from the table.
std::string drug_text(const ActionValues& a) {
  const std::string kind = action_name(a.kind), drug = enum_text(a, "drug");
  if (kind == "drug") {
    std::string text = drug + " " + num(a.get("dose")) + " " + enum_text(a, "unit") + " " + enum_text(a, "route");
    if (a.get("flush_mL") > 0.0) text.append(", flush ").append(num(a.get("flush_mL"))).append(" mL");
    return text;
  }
  if (kind == "infusion")
    return drug + " infusion " + num(a.get("rate")) + " " + enum_text(a, "unit") + " " + enum_text(a, "route");
  if (kind == "infusion_stop") return drug + " infusion stopped";
  return generic_text(a);
}

// "VF terminated", or just "terminated" when the rhythm is unknown.
std::string with_subject(const std::string& subject, const std::string& what) {
  return subject.empty() ? what : subject + " " + what;
}

}  // namespace

std::string rhythm_text(int32_t rhythm) {
  const char* name = resus_rhythm_name(rhythm);
  return name ? name : "rhythm " + std::to_string(rhythm);
}

EventNarrator::EventNarrator(const std::vector<ScenarioAction>& actions, double blood_volume_mL,
                             int32_t initial_rhythm)
    : blood_volume_mL_(blood_volume_mL), rhythm_(initial_rhythm) {
  for (const ScenarioAction& a : actions) in_order_.push_back(&a);
  const double step = resus_step_seconds();
  std::stable_sort(in_order_.begin(), in_order_.end(), [step](const auto* x, const auto* y) {
    return std::llround(x->at_s / step) < std::llround(y->at_s / step);
  });
}

std::string EventNarrator::describe_action(const ActionValues& a) const {
  switch (a.kind) {
    case RESUS_ACTION_HEMORRHAGE: {
      const double rate = a.get("rate_mL_min"), volume = a.get("volume_mL");
      std::string text = "hemorrhage started " + fixed(rate, 0) + " mL/min (" +
                         (static_cast<int32_t>(a.get("site")) == RESUS_BLEED_ARTERIAL ? "arterial" : "venous") + "), ";
      if (volume <= 0.0) return text + "until stopped";
      text += "up to " + fixed(volume, 0) + " mL";
      if (blood_volume_mL_ > 0.0)
        text += " (" + fixed(100.0 * volume / blood_volume_mL_, 0) + "% of blood volume)";
      return text;
    }
    case RESUS_ACTION_HEMORRHAGE_STOP:
      return "hemorrhage stopped";
    case RESUS_ACTION_FLUID_BOLUS:
      return "fluid bolus started: " + fixed(a.get("volume_mL"), 0) + " mL at " +
             fixed(a.get("rate_mL_min"), 0) + " mL/min";
    case RESUS_ACTION_RHYTHM:
      return "rhythm set to " + rhythm_text(static_cast<int32_t>(a.get("rhythm")));
    case RESUS_ACTION_SHOCK:
      if (a.get("only_if_shockable") != 0.0)
        return "AED: analysing; " + num(a.get("energy_J")) + " J " +
               waveform_text(a.get("waveform")) + " if shockable";
      return "defibrillator: " + num(a.get("energy_J")) + " J " + waveform_text(a.get("waveform")) +
             ", unsynchronised";
    case RESUS_ACTION_CARDIOVERSION:
      return "cardioversion armed: " + num(a.get("energy_J")) + " J " +
             waveform_text(a.get("waveform")) + ", synchronised to the next R wave";
    case RESUS_ACTION_PACING_START:
      return "pacing started " + num(a.get("rate_per_min")) + "/min " + num(a.get("current_mA")) +
             " mA";
    case RESUS_ACTION_PACING_STOP:
      return "pacing stopped";
    case RESUS_ACTION_CPR_START:
      return cpr_text(a);
    case RESUS_ACTION_CPR_STOP:
      return "CPR stopped";
    case RESUS_ACTION_AIRWAY: {
      const auto airway = static_cast<int32_t>(a.get("airway"));
      return airway == RESUS_AIRWAY_NONE ? std::string("airway device removed")
                                         : std::string("airway: ") + airway_text(airway);
    }
    case RESUS_ACTION_VENTILATION:
      return ventilation_text(a);
    case RESUS_ACTION_BREATH:
      return "breath: " + num(a.get("tidal_volume_mL")) + " mL over " +
             num(a.get("inspiratory_time_s")) + " s";
    case RESUS_ACTION_OXYGEN:
      return "oxygen: FiO2 " + num(a.get("fio2"));
    case RESUS_ACTION_DIALYSIS:
      if (a.get("rate_mL_min") <= 0.0) return "dialysis stopped";
      return "dialysis: blood " + num(a.get("rate_mL_min")) + " mL/min against a bath of K " +
             num(a.get("potassium_mmol_L")) + ", HCO3 " + num(a.get("bicarbonate_mmol_L")) +
             " mmol/L";
    case RESUS_ACTION_SPONTANEOUS_BREATHING:
      return a.get("enabled") != 0.0 ? "spontaneous breathing allowed"
                                     : "spontaneous breathing stopped (paralysed or sedated)";
    default:
      return drug_text(a);
  }
}

// "shock 200 J biphasic: VF terminated", "cardioversion 100 J: converted to sinus", ...
void EventNarrator::describe_shock(const resus_event& e, ScenarioEvent& out) {
  const int32_t outcome = e.detail;
  // Whose shock: the unsynchronised one just applied, else an armed cardioversion, else (an
  // event this narrator could not match) what the outcome implies.
  Shock from;
  bool cardioversion = false;
  if (shock_.pending) {
    from = shock_;
  } else if (cardioversion_.pending) {
    from = cardioversion_;
    cardioversion = true;
    cardioversion_ = Shock{};
  } else {
    cardioversion = outcome == RESUS_SHOCK_NO_SYNC || outcome == RESUS_SHOCK_CONVERTED ||
                    outcome == RESUS_SHOCK_NOT_CONVERTED;
    from.energy_J = e.value;
  }
  shock_ = Shock{};
  out.action = cardioversion ? "cardioversion" : "shock";
  out.detail = outcome_name(outcome);

  if (outcome == RESUS_SHOCK_NO_SYNC) {
    out.text = "cardioversion: no R wave to synchronise on in 3 s, nothing delivered";
    return;
  }
  if (outcome == RESUS_SHOCK_NO_SHOCK_ADVISED) {
    out.text = "AED: no shock advised (" + rhythm_text(rhythm_) + ")";
    return;
  }
  std::string head = out.action + " " + num(e.value) + " J";
  if (const std::string w = from.waveform < 0 ? "" : waveform_text(from.waveform); !w.empty())
    head += " " + w;
  std::string result;
  const std::string subject = shockable_text(rhythm_);
  switch (outcome) {
    case RESUS_SHOCK_NO_EFFECT:
      result = rhythm_ < 0 ? "no effect" : "no effect on " + rhythm_text(rhythm_);
      break;
    case RESUS_SHOCK_TERMINATED: result = with_subject(subject, "terminated"); break;
    case RESUS_SHOCK_NOT_TERMINATED: result = with_subject(subject, "not terminated"); break;
    case RESUS_SHOCK_INDUCED_VF: result = "landed on the T wave: VF induced"; break;
    case RESUS_SHOCK_CONVERTED: result = "converted to sinus"; break;
    case RESUS_SHOCK_NOT_CONVERTED:
      result = with_subject(rhythm_ < 0 ? "" : rhythm_text(rhythm_), "not converted");
      break;
    default: result = "outcome " + std::to_string(outcome); break;
  }
  out.text = head + ": " + result;
}

ScenarioEvent EventNarrator::describe(const resus_event& e) {
  ScenarioEvent out{e.time_s, "", "", "", e.value, ""};
  // An unsynchronised shock is delivered right after it is applied; any other event in between
  // means its outcome was not reported, so it is no longer pending.
  if (e.kind != RESUS_EVENT_SHOCK_DELIVERED) shock_ = Shock{};
  switch (e.kind) {
    case RESUS_EVENT_ACTION_APPLIED: {
      out.kind = "action_applied";
      out.action = action_name(e.detail);
      const ActionValues* matched = nullptr;
      if (next_ < in_order_.size() && in_order_[next_]->action.kind == e.detail) {
        matched = &in_order_[next_++]->action;
        out.text = describe_action(*matched);
        // The library drops a fifth breath while four wait, and says so with -1.
        if (e.detail == RESUS_ACTION_BREATH && e.value < 0.0)
          out.text += " not given: four breaths are already waiting";
      } else {  // not one of ours (should not happen): say what the event itself says
        out.text = out.action + " applied (" + num(e.value) + ")";
      }
      if (e.detail == RESUS_ACTION_SHOCK || e.detail == RESUS_ACTION_CARDIOVERSION) {
        // A field the action lacks reads as NaN: never convert that to an integer.
        const double waveform = matched ? matched->get("waveform") : -1.0;
        const Shock armed{true, e.value, waveform >= 0.0 ? static_cast<int32_t>(waveform) : -1};
        if (e.detail == RESUS_ACTION_SHOCK) shock_ = armed;
        else cardioversion_ = armed;  // replaces an armed one
      }
      break;
    }
    case RESUS_EVENT_HEMORRHAGE_ENDED:
      out.kind = "hemorrhage_ended";
      out.text = "hemorrhage ended: " + fixed(e.value, 0) + " mL lost";
      break;
    case RESUS_EVENT_BOLUS_ENDED:
      out.kind = "bolus_ended";
      out.text = "fluid bolus finished: " + fixed(e.value, 0) + " mL infused";
      break;
    case RESUS_EVENT_RHYTHM_CHANGED:
      out.kind = "rhythm_changed";
      out.detail = rhythm_text(e.detail);
      out.text = "rhythm: " + rhythm_text(static_cast<int32_t>(e.value)) + " -> " + out.detail;
      rhythm_ = e.detail;
      break;
    case RESUS_EVENT_SHOCK_DELIVERED:
      out.kind = "shock_delivered";
      describe_shock(e, out);
      break;
    case RESUS_EVENT_PACING_CAPTURE:
      out.kind = "pacing_capture";
      out.detail = e.detail ? "gained" : "lost";
      out.text = "pacing capture " + out.detail + " (" + num(e.value) + " mA)";
      break;
    case RESUS_EVENT_LAB_RESULT:
      out.kind = "lab_result";
      out.detail = e.detail == 0 ? "arterial" : "venous";
      out.text = "blood gas (" + out.detail + ") ready: pH " + fixed(e.value, 2) +
                 " (lab_* signals)";
      break;
    case RESUS_EVENT_NEEDLE_FAILED:
      out.kind = "needle_failed";
      out.detail = e.detail == 0 ? "left" : "right";
      out.text = "the " + out.detail + " decompression catheter stopped working after " +
                 num(e.value) + " s (kinked, blocked or out)";
      break;
    case RESUS_EVENT_SEIZURE:
      out.kind = "seizure";
      out.text = "a post-anoxic seizure (brain injury index " + fixed(e.value, 1) + " min)";
      break;
    default:
      out.kind = "event_" + std::to_string(e.kind);
      out.text = "event " + std::to_string(e.kind) + " (detail " + std::to_string(e.detail) +
                 ", value " + num(e.value) + ")";
  }
  return out;
}

}  // namespace resus_cli
