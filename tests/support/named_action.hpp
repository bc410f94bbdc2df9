// Engine tests write actions with named fields, as the C API's resus_action does: NamedAction
// has the fields of the fifteen kinds it was made for (unset fields 0, which stands for the
// default where a field says so) and becomes an engine Action by field name through the action
// table. The engine itself knows only the table's rows.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/actions.hpp"

namespace resus::test {

struct NamedAction {
  ActionKind kind{};
  int32_t site = 0;
  double rate_mL_min = 0.0, volume_mL = 0.0;
  int32_t rhythm = 0, waveform = 0;
  double energy_J = 0.0, rate_per_min = 0.0, current_mA = 0.0;
  int32_t only_if_shockable = 0;
  double depth_mm = 0.0, duty_cycle = 0.0, leaning_mm = 0.0;
  int32_t compressions_per_cycle = 0, breaths_per_pause = 0;
  double pause_s = 0.0, tidal_volume_mL = 0.0, inspiratory_time_s = 0.0, peep_cmH2O = 0.0;
  double fio2 = 0.0;
  int32_t airway = 0, vent_mode = 0, enabled = 0;

  double by_name(std::string_view name) const {
    if (name == "site") return site;
    if (name == "rate_mL_min") return rate_mL_min;
    if (name == "volume_mL") return volume_mL;
    if (name == "rhythm") return rhythm;
    if (name == "waveform") return waveform;
    if (name == "energy_J") return energy_J;
    if (name == "rate_per_min") return rate_per_min;
    if (name == "current_mA") return current_mA;
    if (name == "only_if_shockable") return only_if_shockable;
    if (name == "depth_mm") return depth_mm;
    if (name == "duty_cycle") return duty_cycle;
    if (name == "leaning_mm") return leaning_mm;
    if (name == "compressions_per_cycle") return compressions_per_cycle;
    if (name == "breaths_per_pause") return breaths_per_pause;
    if (name == "pause_s") return pause_s;
    if (name == "tidal_volume_mL") return tidal_volume_mL;
    if (name == "inspiratory_time_s") return inspiratory_time_s;
    if (name == "peep_cmH2O") return peep_cmH2O;
    if (name == "fio2") return fio2;
    if (name == "airway") return airway;
    if (name == "mode") return vent_mode;
    if (name == "enabled") return enabled;
    throw std::logic_error("NamedAction has no field " + std::string(name));
  }

  operator Action() const {  // NOLINT: converts where an Action is wanted, as in validated(a)
    Action a{};
    a.kind = kind;
    if (const ActionSpec* spec = find_action(kind))
      for (std::size_t i = 0; i < spec->fields.size(); ++i)
        a[static_cast<int>(i)] = by_name(spec->fields[i].name);
    return a;
  }
};

}  // namespace resus::test
