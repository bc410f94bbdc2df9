#include "info.hpp"

#include <resus/resus.h>

#include <algorithm>
#include <cstdint>
#include <iomanip>
#include <string>
#include <vector>

#include "format.hpp"

namespace resus_cli {
namespace {

using Row = std::vector<std::string>;

std::string text(const char* s) { return s ? s : ""; }

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
std::string range(double min, double max) {
  std::string out = "[";
  out += num(min);
  out += ", ";
  out += num(max);
  out += "]";
  return out;
}

// Prints rows as left-aligned columns; the last column is free text and is not padded.
void print_table(std::ostream& out, const std::string& title, const std::string& note,
                 const std::vector<Row>& rows) {
  out << title << " (" << rows.size() << ")" << (note.empty() ? "" : ": " + note) << "\n";
  std::vector<std::size_t> width;
  for (const Row& row : rows)
    for (std::size_t c = 0; c + 1 < row.size(); ++c) {
      if (width.size() <= c) width.resize(c + 1, 0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const Row& row : rows) {
    out << "  ";
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c + 1 < row.size()) out << std::left << std::setw(static_cast<int>(width[c]) + 2) << row[c];
      else out << row[c];
    }
    out << "\n";
  }
  out << "\n";
}

}  // namespace

void print_info(std::ostream& out) {
  out << "resus " << resus_version() << " (fixed step " << num(resus_step_seconds()) << " s)\n\n";

  std::vector<Row> presets;
  for (int32_t i = 0; i < resus_preset_count(); ++i)
    presets.push_back({text(resus_preset_name(i)), text(resus_preset_description(i))});
  print_table(out, "presets", "", presets);

  std::vector<Row> signals;
  for (int32_t i = 0; i < resus_signal_count(); ++i) {
    const char *name = nullptr, *unit = nullptr, *description = nullptr;
    if (resus_signal_info(i, &name, &unit, &description) == RESUS_OK)
      signals.push_back({text(name), text(unit), text(description)});
  }
  print_table(out, "signals", "name, unit, description", signals);

  std::vector<Row> waves;
  for (int32_t i = 0; i < resus_wave_count(); ++i)
    waves.push_back({text(resus_wave_name(i)), text(resus_wave_unit(i))});
  print_table(out, "waveforms", "name and unit; resus run --waves records them", waves);

  std::vector<Row> actions;
  for (int32_t i = 0; i < resus_action_count(); ++i) {
    const char *name = nullptr, *fields = nullptr;
    if (resus_action_info(i, &name, &fields) == RESUS_OK) actions.push_back({text(name), text(fields)});
  }
  print_table(out, "actions", "scenario \"do\" values and their fields; every action also takes \"at_s\"", actions);

  std::vector<Row> rhythms;
  for (int32_t i = 0; i < resus_rhythm_count(); ++i)
    rhythms.push_back({std::to_string(i), text(resus_rhythm_name(i))});
  print_table(out, "rhythms", "resus_rhythm value and the \"rhythm\" action's name", rhythms);

  std::vector<Row> params;
  for (int32_t i = 0; i < resus_param_count(); ++i) {
    const char *name = nullptr, *unit = nullptr, *description = nullptr;
    double min = 0.0, max = 0.0;
    if (resus_param_info(i, &name, &unit, &min, &max, &description) == RESUS_OK)
      params.push_back({text(name), text(unit), range(min, max), text(description)});
  }
  print_table(out, "parameters", "patient \"overrides\": name, unit, valid range, description", params);
}

}  // namespace resus_cli
