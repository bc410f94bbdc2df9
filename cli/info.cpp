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

  std::vector<Row> drugs;
  for (int32_t i = 0; i < resus_drug_count(); ++i) {
    const char *name = nullptr, *description = nullptr;
    if (resus_drug_info(i, &name, &description) == RESUS_OK) drugs.push_back({text(name), text(description)});
  }
  print_table(out, "drugs", "the drug and infusion actions' \"drug\" values; routes: peripheral_iv, central_iv, io_humeral, io_tibial, io_sternal, tracheal, nebulised, intramuscular, oral", drugs);

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

namespace {

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
std::string code(const std::string& s) {
  std::string out = "`";
  out.append(s).append("`");
  return out;
}

std::string quoted_code(const char* s) {
  std::string out = "`\"";
  out.append(s ? s : "").append("\"`");
  return out;
}

// A field's default as docs/scenario.md gives it.
std::string default_text(int32_t kind, int32_t field, int32_t type, int32_t flags, double def) {
  if (flags & RESUS_FIELD_REQUIRED) return "required";
  if (type == RESUS_FIELD_ENUM)
    return quoted_code(resus_action_field_enum_name(kind, field, static_cast<int32_t>(def)));
  if (type == RESUS_FIELD_BOOLEAN) return code(def != 0.0 ? "true" : "false");
  if ((flags & RESUS_FIELD_ZERO_IS_DEFAULT) && def == 0.0) return "see meaning";
  return num(def);
}

std::string values_text(int32_t kind, int32_t field, int32_t type, int32_t flags, double min,
                        double max) {
  std::string out;
  if (type == RESUS_FIELD_ENUM) {
    for (int32_t v = 0; const char* name = resus_action_field_enum_name(kind, field, v); ++v)
      out.append(v ? ", " : "").append(quoted_code(name));
  } else if (type == RESUS_FIELD_BOOLEAN) {
    out = "`true`, `false`";
  } else {
    out = range(min, max);
    if (flags & RESUS_FIELD_MIN_EXCLUSIVE) out[0] = '(';
    if (type == RESUS_FIELD_INTEGER) out.append(", whole");
    if (flags & RESUS_FIELD_ZERO_IS_DEFAULT) out.append("; 0 means the default");
  }
  return out;
}

}  // namespace

// The action table as docs/scenario.md shows it (a test checks that the page holds exactly this).
void print_actions_markdown(std::ostream& out) {
  out << "| `do` | field | type | unit | default | valid values | meaning |\n";
  out << "|---|---|---|---|---|---|---|\n";
  std::string rules_text;
  for (int32_t kind = 1; kind <= resus_action_count(); ++kind) {
    const char *name = nullptr, *summary = nullptr, *rules = nullptr;
    if (resus_action_info(kind - 1, &name, nullptr) != RESUS_OK) continue;
    resus_action_summary(kind, &summary, &rules);
    if (rules && *rules) rules_text.append("- ").append(code(name)).append(": ").append(rules).append("\n");
    const int32_t n = resus_action_field_count(kind);
    std::string first = code(text(name));
    if (n == 0) out << "| " << first << " | (none) | | | | | " << text(summary) << " |\n";
    for (int32_t f = 0; f < n; ++f) {
      const char *field = nullptr, *unit = nullptr, *description = nullptr;
      int32_t type = 0, flags = 0, when = -1;
      uint32_t mask = 0;
      double min = 0.0, max = 0.0, def = 0.0;
      resus_action_field_info(kind, f, &field, &unit, &type, &min, &max, &def);
      resus_action_field_rules(kind, f, &flags, &when, &mask, &description);
      std::string meaning = text(description);
      if (when >= 0) {
        const char* selector = nullptr;
        resus_action_field_info(kind, when, &selector, nullptr, nullptr, nullptr, nullptr, nullptr);
        std::string values;
        for (int32_t v = 0; v < 32; ++v)
          if ((mask >> v) & 1u)
            if (const char* vn = resus_action_field_enum_name(kind, when, v))
              values.append(values.empty() ? "" : ", ").append(quoted_code(vn));
        meaning.append(" (only when ").append(code(text(selector))).append(" is ").append(values).append(")");
      }
      if (f == 0) meaning = text(summary) + ": " + meaning;
      out << "| " << first << " | " << code(text(field)) << " | "
          << text(resus_enum_name(RESUS_ENUM_FIELD_TYPE, type)) << " | " << text(unit) << " | "
          << default_text(kind, f, type, flags, def) << " | "
          << values_text(kind, f, type, flags, min, max) << " | " << meaning << " |\n";
      first.clear();
    }
    for (int32_t k = 0; k < resus_action_alias_count(kind); ++k) {
      const char *alias = nullptr, *description = nullptr;
      int32_t target = 0;
      resus_action_alias_info(kind, k, &alias, &target, &description);
      std::string choices;
      double value = 0.0;
      for (int32_t c = 0; const char* choice = resus_action_alias_choice(kind, k, c, &value); ++c)
        choices.append(c ? ", " : "").append(quoted_code(choice)).append(" ").append(num(value));
      out << "| " << first << " | " << code(text(alias)) << " | enum |  | | " << choices << " | "
          << text(description) << " |\n";
      first.clear();
    }
  }
  out << "\nRules across fields:\n\n" << rules_text;
}

}  // namespace resus_cli
