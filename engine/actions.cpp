#include "engine/actions.hpp"

#include <cmath>
#include <limits>
#include <locale>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engine/json_input.hpp"
#include "engine/status.hpp"

namespace resus {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string num(double v) {
  std::ostringstream os;
  os.imbue(std::locale::classic());
  os << v;
  return os.str();
}

[[noreturn]] void out_of_range(const FieldSpec& f, double v, const std::string& range) {
  throw Error(Status::kInvalidArgument, std::string(f.name) + " = " + num(v) +
                                            " is out of range; valid range is " + range);
}

// Does field i apply, given the value of the field it depends on?
bool applies(const ActionSpec& spec, const Action& a, std::size_t i) {
  const FieldSpec& f = spec.fields[i];
  if (f.when_field < 0) return true;
  const double selector = a[f.when_field];
  return selector >= 0.0 && selector < 32.0 && ((f.when_mask >> static_cast<int>(selector)) & 1u);
}

void check_value(const FieldSpec& f, double v) {
  const bool whole = f.type != FieldType::kNumber;
  const bool above_min = (f.flags & kMinExclusive) ? v > f.min : v >= f.min;
  if (!std::isfinite(v) || !above_min || v > f.max || (whole && v != std::floor(v)))
    out_of_range(f, v, describe_range(f));
}

const ActionSpec& spec_of(ActionKind kind) {
  const ActionSpec* spec = find_action(kind);
  if (!spec)
    throw Error(Status::kUnknownName,
                "unknown action kind " + std::to_string(static_cast<int>(kind)));
  return *spec;
}

}  // namespace

// ---- rules across fields (action_table.hpp) ----------------------------------------------------

namespace action_table {

void finish_hemorrhage(Action& a) {
  constexpr int kRate = field_index(ActionKind::kHemorrhage, "rate_mL_min");
  constexpr int kVolume = field_index(ActionKind::kHemorrhage, "volume_mL");
  if (a[kRate] == 0.0 && a[kVolume] == 0.0)
    throw Error(Status::kInvalidArgument,
                "rate_mL_min = 0 and volume_mL = 0: a hemorrhage needs one of them > 0");
  if (a[kRate] == 0.0) a[kRate] = 1000.0;  // a volume given alone bleeds at 1000 mL/min
}

// A dose is checked in mg at 70 kg (mg_kg doses too): the drug's ceiling is far above any
// dose a rescuer could draw up, so what passes is simulated, harm included.
void finish_drug(Action& a) {
  constexpr int kDrug = field_index(ActionKind::kDrug, "drug");
  constexpr int kDose = field_index(ActionKind::kDrug, "dose");
  constexpr int kUnit = field_index(ActionKind::kDrug, "unit");
  const auto drug = static_cast<pharm::Drug>(a[kDrug]);
  const pharm::DrugSpec& spec = pharm::drug_spec(drug);
  if (a[kDose] == 0.0) {
    a[kDose] = spec.default_dose;
    a[kUnit] = static_cast<double>(spec.default_unit);
  }
  if (a[kUnit] == static_cast<double>(pharm::DoseUnit::kDefault))
    a[kUnit] = static_cast<double>(spec.default_unit);
  const auto unit = static_cast<pharm::DoseUnit>(a[kUnit]);
  const double ug = pharm::dose_ug(drug, a[kDose], unit, 70.0);
  const std::string unit_name = pharm::kDoseUnitNames[static_cast<int>(unit)];
  if (!std::isfinite(ug))
    throw Error(Status::kInvalidArgument, "unit = " + unit_name + " is not a unit of " +
                                              spec.name + " (it has no " +
                                              (unit == pharm::DoseUnit::kMmol ? "molar mass" : "unit size") + ")");
  if (ug / 1000.0 > spec.max_dose_mg)
    throw Error(Status::kInvalidArgument,
                "dose = " + num(a[kDose]) + " " + unit_name + " of " + spec.name +
                    " is " + num(ug / 1000.0) + " mg; valid range is (0, " +
                    num(spec.max_dose_mg) + "] mg");
}

void finish_infusion(Action& a) {
  constexpr int kDrug = field_index(ActionKind::kInfusion, "drug");
  constexpr int kRate = field_index(ActionKind::kInfusion, "rate");
  constexpr int kUnit = field_index(ActionKind::kInfusion, "unit");
  const auto drug = static_cast<pharm::Drug>(a[kDrug]);
  const pharm::DrugSpec& spec = pharm::drug_spec(drug);
  const auto unit = static_cast<pharm::RateUnit>(a[kUnit]);
  const std::string unit_name = pharm::kRateUnitNames[static_cast<int>(unit)];
  const double ug_s = pharm::rate_ug_s(drug, a[kRate], unit, 70.0);
  if (!std::isfinite(ug_s))
    throw Error(Status::kInvalidArgument,
                "unit = " + unit_name + " is not a unit of " + spec.name + " (it has no unit size)");
  if (ug_s * 60.0 / 1000.0 > spec.max_rate_mg_min)
    throw Error(Status::kInvalidArgument,
                "rate = " + num(a[kRate]) + " " + unit_name + " of " + spec.name +
                    " is " + num(ug_s * 0.06) + " mg/min; valid range is (0, " +
                    num(spec.max_rate_mg_min) + "] mg/min");
}

void finish_cpr(Action& a) {
  constexpr int kDepth = field_index(ActionKind::kCprStart, "depth_mm");
  constexpr int kLeaning = field_index(ActionKind::kCprStart, "leaning_mm");
  constexpr int kPerCycle = field_index(ActionKind::kCprStart, "compressions_per_cycle");
  constexpr int kBreaths = field_index(ActionKind::kCprStart, "breaths_per_pause");
  constexpr int kPause = field_index(ActionKind::kCprStart, "pause_s");
  constexpr int kVolume = field_index(ActionKind::kCprStart, "tidal_volume_mL");
  if (a[kLeaning] > a[kDepth])
    out_of_range(kCprStart[kLeaning], a[kLeaning],
                 describe_range(kCprStart[kLeaning]) + " and not deeper than depth_mm");
  // A rescuer who gives breaths pauses for them: 2.5 s per breath unless told otherwise (ERC
  // 2021 / AHA 2020: two breaths within a pause of under 10 s; 5 s is our choice [U]).
  if (a[kPause] == 0.0 && a[kPerCycle] > 0.0 && a[kBreaths] > 0.0) a[kPause] = 2.5 * a[kBreaths];
  if (a[kVolume] == 0.0 && a[kBreaths] > 0.0) a[kVolume] = 500.0;
}

void finish_ventilation(Action& a) {
  constexpr int kMode = field_index(ActionKind::kVentilation, "mode");
  constexpr int kRate = field_index(ActionKind::kVentilation, "rate_per_min");
  constexpr int kTi = field_index(ActionKind::kVentilation, "inspiratory_time_s");
  if (!((kAutomaticModes >> static_cast<int>(a[kMode])) & 1u)) return;
  if (a[kTi] > 0.8 * 60.0 / a[kRate])
    out_of_range(kVentilation[kTi], a[kTi], "at most 80% of the breath period 60/rate_per_min");
}

}  // namespace action_table

// ---- the table's readers --------------------------------------------------------------------

std::string describe_range(const FieldSpec& f) {
  if (f.type == FieldType::kEnum) {
    std::string out = "{";
    for (int32_t i = 0; i < f.names.count; ++i)
      out += (i ? ", " : "") + std::to_string(i) + " " + f.names.names[i];
    return out + "}";
  }
  if (f.type == FieldType::kBoolean) return "{0 false, 1 true}";
  std::string out = (f.flags & kMinExclusive) ? "(" : "[";
  out += num(f.min) + ", " + num(f.max) + "]";
  if (*f.unit) out += std::string(" ") + f.unit;
  if (f.flags & kZeroIsDefault) out += " (0 for the default)";
  return out;
}

Action default_action(ActionKind kind) {
  const ActionSpec& spec = spec_of(kind);
  Action a{};
  a.kind = kind;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) a[static_cast<int>(i)] = spec.fields[i].def;
  return a;
}

Action validated(const Action& in) {
  const ActionSpec& spec = spec_of(in.kind);
  Action a{};
  a.kind = in.kind;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    const FieldSpec& f = spec.fields[i];
    const int k = static_cast<int>(i);
    a[k] = in[k];
    if (!applies(spec, a, i)) {  // a field of another mode is not looked at
      a[k] = 0.0;
      continue;
    }
    if ((f.flags & kZeroIsDefault) && a[k] == 0.0) a[k] = f.def;
    // A zero-is-default field whose default is 0 is derived by the kind's rule.
    if (!((f.flags & kZeroIsDefault) && a[k] == 0.0)) check_value(f, a[k]);
  }
  if (spec.finish) spec.finish(a);
  return a;
}

Action parse_action_json(std::string_view text, double* at_s) {
  if (at_s) *at_s = kNaN;
  const nlohmann::json j = parse_json_input(text, "action");
  if (!j.is_object()) throw Error(Status::kParseError, "action: expected a JSON object");
  const auto it = j.find("do");
  if (it == j.end() || !it->is_string())
    throw Error(Status::kParseError, "action.do: required, a string naming the action");
  const std::string name = it->get<std::string>();
  const ActionSpec* spec = nullptr;
  for (const ActionSpec& s : action_registry())
    if (name == s.name) spec = &s;
  if (!spec) {
    std::string known;
    for (const ActionSpec& s : action_registry()) known += (known.empty() ? "" : ", ") + std::string(s.name);
    throw Error(Status::kUnknownName,
                "action.do: unknown action " + quoted_input(name) + "; known: " + known);
  }

  Action a = default_action(spec->kind);
  bool given[kMaxActionFields] = {};
  auto read = [&](const FieldSpec& f, const std::string& key, const nlohmann::json& v) -> double {
    const std::string path = "action." + key;
    switch (f.type) {
      case FieldType::kNumber:
        if (!v.is_number()) throw Error(Status::kParseError, path + ": expected a number");
        return v.get<double>();
      case FieldType::kInteger: {
        // Range-checked on the JSON's own 64-bit value, before it becomes a double or an int32
        // (4294967326 must not become 30).
        if (!v.is_number_integer()) throw Error(Status::kParseError, path + ": expected an integer");
        const bool fits = v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(f.max)
                                                 : v.get<int64_t>() >= static_cast<int64_t>(f.min) &&
                                                       v.get<int64_t>() <= static_cast<int64_t>(f.max);
        if (!fits)
          throw Error(Status::kInvalidArgument, path + " = " + v.dump() +
                                                    " is out of range; valid range is " +
                                                    describe_range(f));
        return static_cast<double>(v.get<int64_t>());
      }
      case FieldType::kBoolean:
        if (!v.is_boolean()) throw Error(Status::kParseError, path + ": expected true or false");
        return v.get<bool>() ? 1.0 : 0.0;
      case FieldType::kEnum: {
        if (!v.is_string()) throw Error(Status::kParseError, path + ": expected a string");
        const std::string s = v.get<std::string>();
        std::string known;
        for (int32_t i = 0; i < f.names.count; ++i) {
          if (s == f.names.names[i]) return i;
          known += (i ? ", " : "") + std::string(f.names.names[i]);
        }
        throw Error(Status::kUnknownName, path + ": " + quoted_input(s) + " is not one of " + known);
      }
    }
    return kNaN;
  };
  for (const auto& [key, v] : j.items()) {
    if (key == "do") continue;
    if (key == "at_s") {
      if (!v.is_number()) throw Error(Status::kParseError, "action.at_s: expected a number");
      if (at_s) *at_s = v.get<double>();
      continue;
    }
    bool known = false;
    for (std::size_t i = 0; i < spec->fields.size() && !known; ++i) {
      if (key != spec->fields[i].name) continue;
      a[static_cast<int>(i)] = read(spec->fields[i], key, v);
      given[i] = known = true;
    }
    for (std::size_t k = 0; k < spec->aliases.size() && !known; ++k) {
      const AliasSpec& alias = spec->aliases[k];
      if (key != alias.name) continue;
      if (!v.is_string()) throw Error(Status::kParseError, "action." + key + ": expected a string");
      const std::string s = v.get<std::string>();
      std::string names;
      for (const AliasChoice& c : alias.choices) {
        if (s == c.name) {
          a[alias.target] = c.value;
          given[alias.target] = known = true;
        }
        names += (names.empty() ? "" : ", ") + std::string(c.name);
      }
      if (!known)
        throw Error(Status::kUnknownName, "action." + key + ": " + quoted_input(s) + " is not one of " + names);
    }
    if (!known)
      throw Error(Status::kUnknownName,
                  "action." + cut_input(key) + ": unknown field for '" + name + "'");
  }
  for (std::size_t i = 0; i < spec->fields.size(); ++i) {
    const FieldSpec& f = spec->fields[i];
    if (!(f.flags & kRequired) || given[i] || !applies(*spec, a, i)) continue;
    std::string also;
    for (const AliasSpec& alias : spec->aliases)
      if (alias.target == static_cast<int32_t>(i)) also += std::string(", or ") + alias.name;
    throw Error(Status::kParseError, "action." + std::string(f.name) + ": required, " +
                                         describe_range(f) + also);
  }
  try {
    return validated(a);
  } catch (const Error& e) {
    throw Error(e.status(), "action." + std::string(e.what()));
  }
}

}  // namespace resus
