#include "study.hpp"

#include <resus/resus.h>

#include <Random123/philox.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

namespace resus_team {
namespace {

using nlohmann::json;

constexpr uint32_t kPopulationStream = 0x509;  // Philox counter word: the population's draws

uint32_t fnv1a32(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

// Uniform (0, 1) draw keyed by (seed, patient, what): the draw of one named quantity never
// depends on which other quantities the study samples.
double draw(uint64_t seed, int64_t patient, std::string_view what) {
  const r123::Philox4x32::key_type key = {{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)}};
  const auto p = static_cast<uint64_t>(patient);
  const r123::Philox4x32::ctr_type ctr = {
      {kPopulationStream, fnv1a32(what), static_cast<uint32_t>(p), static_cast<uint32_t>(p >> 32)}};
  const auto r = r123::Philox4x32()(ctr, key);
  const uint64_t bits = (static_cast<uint64_t>(r[0]) << 21) ^ (r[1] >> 11);
  return (static_cast<double>(bits & ((1ull << 53) - 1)) + 0.5) * 0x1.0p-53;
}

double number_in(const json& j, const std::string& path, double lo, double hi) {
  if (!j.is_number()) throw StudyError(path + ": must be a number");
  const double v = j.get<double>();
  if (!(v >= lo && v <= hi)) {
    std::ostringstream s;
    s << path << ": " << v << " is outside the valid range [" << lo << ", " << hi << "]";
    throw StudyError(s.str());
  }
  return v;
}

void check_labels(const Distribution& d, const std::string& path, const std::set<std::string>& valid,
                  const char* what) {
  if (d.labels.empty()) throw StudyError(path + ": must name one of the " + std::string(what));
  for (const std::string& label : d.labels)
    if (!valid.count(label)) {
      std::string list;
      for (const std::string& v : valid) list += (list.empty() ? "" : ", ") + v;
      throw StudyError(path + ": \"" + label + "\" is not one of the " + what + " (" + list + ")");
    }
}

std::set<std::string> preset_names() {
  std::set<std::string> names;
  for (int32_t i = 0; i < resus_preset_count(); ++i) names.insert(resus_preset_name(i));
  return names;
}

// Arrest rhythms a study may start from.
const std::set<std::string>& arrest_rhythms() {
  static const std::set<std::string> names = {"vf_coarse", "vf_fine", "pulseless_vt", "torsades",
                                              "pea",       "asystole"};
  return names;
}

// The registry's range of a patient parameter, or false if there is none of that name.
bool param_range(const std::string& name, double* lo, double* hi) {
  const char *pname = nullptr, *unit = nullptr;
  for (int32_t i = 0; i < resus_param_count(); ++i) {
    resus_param_info(i, &pname, &unit, lo, hi, nullptr);
    if (name == pname) return true;
  }
  return false;
}

// population.comorbidities: {"name": {"share": p, "scales": {"parameter": factor, ...}}}.
void parse_comorbidities(const json& j, Study& st) {
  if (!j.is_object()) throw StudyError("population.comorbidities: must be an object of comorbidities");
  for (const auto& [name, value] : j.items()) {
    const std::string path = "population.comorbidities." + name;
    // The name heads a results column: letters, digits and underscores only.
    if (name.empty() || !std::all_of(name.begin(), name.end(), [](unsigned char ch) {
          return std::isalnum(ch) || ch == '_';
        }))
      throw StudyError(path + ": a comorbidity's name takes letters, digits and underscores only");
    check_fields(value, {"share", "scales"}, path);
    Comorbidity c{name, 0.0, {}};
    if (!value.contains("share")) throw StudyError(path + ": needs \"share\" (0 to 1)");
    c.share = number_in(value.at("share"), path + ".share", 0.0, 1.0);
    const json scales = value.value("scales", json());
    if (!scales.is_object() || scales.empty())
      throw StudyError(path + ".scales: must be an object of parameter: factor");
    for (const auto& item : scales.items()) {
      const std::string param = item.key();
      const json& factor = item.value();
      const std::string at = path + ".scales." + param;
      double lo = 0, hi = 0;
      if (!param_range(param, &lo, &hi)) throw StudyError(at + ": not a patient parameter (resus info lists them)");
      if (param == "body_mass_kg" || param == "age_years" || param == "height_cm")
        throw StudyError(at + ": an input of the preset; sample its value in population.parameters");
      // A sampled value would replace the shifted one (overrides come last): refuse the clash.
      if (std::any_of(st.parameters.begin(), st.parameters.end(),
                      [&](const NamedDistribution& p) { return p.name == param; }))
        throw StudyError(at + ": population.parameters samples this parameter, which would replace the shift");
      c.scales.emplace_back(param, number_in(factor, at, 0.01, 100.0));
    }
    st.comorbidities.push_back(std::move(c));
  }
  // A patient with every comorbidity multiplies their factors: the product must still be a
  // factor the engine takes, at either extreme.
  std::set<std::string> params;
  for (const Comorbidity& c : st.comorbidities)
    for (const auto& s : c.scales) params.insert(s.first);
  for (const std::string& param : params) {
    double lowest = 1.0, highest = 1.0;
    for (const Comorbidity& c : st.comorbidities)
      for (const auto& [name, factor] : c.scales)
        if (name == param) (factor < 1.0 ? lowest : highest) *= factor;
    if (lowest < 0.01 || highest > 100.0) {
      std::ostringstream s;
      s << "population.comorbidities: the factors on " << param << " combine to " << (lowest < 0.01 ? lowest : highest)
        << " in a patient with all of them, outside the valid range [0.01, 100]";
      throw StudyError(s.str());
    }
  }
}

void parse_population(const json& j, Study& st) {
  check_fields(j, {"preset", "parameters", "correlations", "comorbidities"}, "population");
  st.preset = parse_distribution(j.value("preset", json("adult_male_70kg")), "population.preset",
                                 0, 0, true);
  check_labels(st.preset, "population.preset", preset_names(), "presets");
  if (j.contains("parameters")) {
    const json& params = j.at("parameters");
    if (!params.is_object()) throw StudyError("population.parameters: must be an object of distributions");
    for (const auto& [name, value] : params.items()) {
      const std::string path = "population.parameters." + name;
      double lo = 0, hi = 0;
      if (!param_range(name, &lo, &hi)) throw StudyError(path + ": not a patient parameter (resus info lists them)");
      st.parameters.push_back({name, parse_distribution(value, path, lo, hi)});
    }
  }
  if (j.contains("comorbidities")) parse_comorbidities(j.at("comorbidities"), st);
  // Correlations as a Gaussian copula: pairwise r between continuous parameters, the matrix
  // factored once (Cholesky); a matrix that is not positive definite is an error.
  const std::size_t n = st.parameters.size();
  std::vector<std::vector<double>> r(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) r[i][i] = 1.0;
  if (j.contains("correlations")) {
    const json& list = j.at("correlations");
    if (!list.is_array()) throw StudyError("population.correlations: must be an array");
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string path = "population.correlations[" + std::to_string(k) + "]";
      check_fields(list[k], {"between", "r"}, path);
      const json& between = list[k].value("between", json());
      if (!between.is_array() || between.size() != 2 || !between[0].is_string() || !between[1].is_string())
        throw StudyError(path + ".between: must be two parameter names");
      std::size_t idx[2];
      for (int s = 0; s < 2; ++s) {
        const auto name = between[static_cast<std::size_t>(s)].get<std::string>();
        const auto it = std::find_if(st.parameters.begin(), st.parameters.end(),
                                     [&](const NamedDistribution& p) { return p.name == name; });
        if (it == st.parameters.end() || !it->dist.continuous())
          throw StudyError(path + ".between: \"" + name + "\" is not a continuous parameter of the population");
        idx[s] = static_cast<std::size_t>(it - st.parameters.begin());
      }
      if (idx[0] == idx[1]) throw StudyError(path + ".between: a parameter with itself");
      if (!list[k].contains("r")) throw StudyError(path + ": needs \"r\"");
      const double rho = number_in(list[k].at("r"), path + ".r", -0.99, 0.99);
      r[idx[0]][idx[1]] = r[idx[1]][idx[0]] = rho;
    }
  }
  std::vector<std::vector<double>> l(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k <= i; ++k) {
      double sum = r[i][k];
      for (std::size_t m = 0; m < k; ++m) sum -= l[i][m] * l[k][m];
      if (i == k) {
        if (!(sum > 1e-12)) throw StudyError("population.correlations: the correlation matrix is not positive definite");
        l[i][i] = std::sqrt(sum);
      } else {
        l[i][k] = sum / l[k][k];
      }
    }
  st.correlation_cholesky = std::move(l);
}

// arrest.causes: {"name": [actions...]}, each action checked by the library itself.
void parse_causes(const json& arrest, Study& st) {
  std::set<std::string> names = {kPrimaryCause};
  if (arrest.contains("causes")) {
    const json& causes = arrest.at("causes");
    if (!causes.is_object()) throw StudyError("arrest.causes: must be an object of action lists");
    for (const auto& item : causes.items()) {
      const std::string path = "arrest.causes." + item.key();
      if (item.key() == kPrimaryCause) throw StudyError(path + ": \"primary\" is the built-in cause");
      if (!item.value().is_array() || item.value().empty())
        throw StudyError(path + ": must be a non-empty array of actions");
      Cause cause{item.key(), {}};
      for (std::size_t i = 0; i < item.value().size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        const json& action = item.value()[i];
        if (!action.is_object() || !action.contains("at_s"))
          throw StudyError(at + ": must be an action object with \"at_s\"");
        const std::string text = action.dump();
        double at_s = 0.0;
        if (resus_action_parse_json(text.c_str(), nullptr, &at_s) != RESUS_OK)
          throw StudyError(at + ": " + resus_last_error(nullptr));
        if (!(at_s >= 0.0 && at_s < st.duration_s))
          throw StudyError(at + ".at_s: must be within the run [0, duration_s)");
        cause.actions.push_back(text);
      }
      names.insert(cause.name);
      st.causes.push_back(std::move(cause));
    }
  }
  st.cause = parse_distribution(arrest.value("cause", json(kPrimaryCause)), "arrest.cause", 0, 0, true);
  check_labels(st.cause, "arrest.cause", names, "causes (\"primary\" and arrest.causes)");
}

// Team parameters by name, each a number or a distribution (team.parameters, arrest.scene.*).
std::vector<NamedDistribution> parse_team_parameters(const json& j, const std::string& where) {
  if (!j.is_object()) throw StudyError(where + ": must be an object of distributions");
  std::vector<NamedDistribution> out;
  for (const auto& [name, value] : j.items()) {
    const std::string path = where + "." + name;
    const auto table = team_param_table();
    const std::string& wanted = name;
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&wanted](const TeamParamInfo& row) { return row.name == wanted; });
    if (it == table.end()) throw StudyError(path + ": not a team parameter (docs/batch.md lists them)");
    Distribution d = parse_distribution(value, path, it->min, it->max);
    if (it->integer && d.kind != Distribution::Kind::kFixed && d.kind != Distribution::Kind::kCategorical)
      throw StudyError(path + ": a choice takes a number or a categorical distribution");
    if (it->integer)
      for (double v : d.kind == Distribution::Kind::kFixed ? std::vector<double>{d.a} : d.values)
        if (v != std::floor(v)) throw StudyError(path + ": a choice takes whole numbers");
    out.push_back({name, d});
  }
  return out;
}

// team.script: actions with "at_s" after the collapse, checked by the library, in time order.
void parse_script(const json& list, Study& st) {
  if (!list.is_array() || list.empty() || list.size() > kMaxScriptActions)
    throw StudyError("team.script: must be an array of 1 to " + std::to_string(kMaxScriptActions) +
                     " actions");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "team.script[" + std::to_string(i) + "]";
    const json& action = list[i];
    if (!action.is_object() || !action.contains("at_s"))
      throw StudyError(path + ": must be an action object with \"at_s\" (seconds after the collapse)");
    const double at_s = number_in(action.at("at_s"), path + ".at_s", 0, st.duration_s);
    json rest = action;
    rest.erase("at_s");
    const std::string text = rest.dump();
    if (resus_action_parse_json(text.c_str(), nullptr, nullptr) != RESUS_OK)
      throw StudyError(path + ": " + resus_last_error(nullptr));
    st.script.push_back({at_s, text, rest.value("do", std::string())});
  }
  std::stable_sort(st.script.begin(), st.script.end(),
                   [](const ScriptedAction& a, const ScriptedAction& b) { return a.at_s < b.at_s; });
}

void parse_team(const json& j, Study& st) {
  check_fields(j, {"preset", "parameters", "script"}, "team");
  if (j.contains("script")) {
    if (j.contains("preset") || j.contains("parameters"))
      throw StudyError("team.script: a scripted team has no preset or parameters");
    return parse_script(j.at("script"), st);
  }
  if (j.contains("preset")) {
    if (!j.at("preset").is_string()) throw StudyError("team.preset: must be a name");
    st.team_preset = j.at("preset").get<std::string>();
  }
  TeamParams probe;
  if (!team_preset(st.team_preset, &probe)) {
    std::string list;
    for (std::string_view n : team_preset_names()) list += (list.empty() ? "" : ", ") + std::string(n);
    throw StudyError("team.preset: \"" + st.team_preset + "\" is not a team preset (" + list + ")");
  }
  if (!j.contains("parameters")) return;
  st.team = parse_team_parameters(j.at("parameters"), "team.parameters");
}

// arrest.scene: {"cause": {"team parameter": value or distribution}}: what the scene of that
// cause tells the team (a named poison: known_toxin), set after the study's own team parameters.
void parse_scene(const json& arrest, Study& st) {
  if (!arrest.contains("scene")) return;
  const json& scene = arrest.at("scene");
  if (!scene.is_object()) throw StudyError("arrest.scene: must be an object of causes' team parameters");
  for (const auto& item : scene.items()) {
    // A named copy: clang before 16 cannot capture a structured binding.
    const std::string cause = item.key();
    const std::string path = "arrest.scene." + cause;
    const bool known = std::any_of(st.causes.begin(), st.causes.end(),
                                   [&cause](const Cause& c) { return c.name == cause; });
    if (!known) throw StudyError(path + ": not one of arrest.causes");
    st.scene.push_back({cause, parse_team_parameters(item.value(), path)});
  }
}

void parse_witness(const json& arrest, Study& st) {
  const std::set<std::string> statuses(std::begin(kWitnessStatuses), std::end(kWitnessStatuses));
  st.witnessed = parse_distribution(arrest.value("witnessed", json(kWitnessStatuses[0])),
                                    "arrest.witnessed", 0, 0, true);
  check_labels(st.witnessed, "arrest.witnessed", statuses, "witness statuses");
  if (!arrest.contains("witness")) return;
  const json& witness = arrest.at("witness");
  if (!witness.is_object())
    throw StudyError("arrest.witness: must be an object of witness statuses' team parameters");
  for (const auto& item : witness.items()) {
    const std::string status = item.key();
    const std::string path = "arrest.witness." + status;
    if (!statuses.count(status)) throw StudyError(path + ": not a witness status (bystander, ems, unwitnessed)");
    if (!item.value().is_object()) throw StudyError(path + ": must be an object of team parameters (and a rhythm)");
    // The status's own first rhythm (a primary arrest's), then its team parameters.
    json team = item.value();
    if (team.contains("rhythm")) {
      Distribution rhythm = parse_distribution(team.at("rhythm"), path + ".rhythm", 0, 0, true);
      check_labels(rhythm, path + ".rhythm", arrest_rhythms(), "arrest rhythms");
      st.witness_rhythm.push_back({status, std::move(rhythm)});
      team.erase("rhythm");
    }
    std::vector<NamedDistribution> parameters = parse_team_parameters(team, path);
    // A 911 responder's patient has the crew at the collapse and nobody before it.
    for (const NamedDistribution& t : parameters)
      if (status == "ems" && (t.name == "arrival_s" || t.name == "bystander_cpr_delay_s" || t.name == "aed_delay_s"))
        throw StudyError(path + "." + t.name + ": a 911 responder's crew is at the collapse (arrival 0, no bystander or public AED)");
    st.witness.push_back({status, std::move(parameters)});
  }
}

// What the witness status does to the team's times (kWitnessStatuses). A help moved past its
// table's limit (a day) comes at the limit.
void apply_witness(const std::string& status, TeamParams& t) {
  if (status == "ems") {
    t.arrival_s = 0.0;
    t.bystander_cpr_delay_s = t.aed_delay_s = -1.0;
  } else if (status == "unwitnessed") {
    for (const TeamParamInfo& row : team_param_table()) {
      const bool moved = row.name == "bystander_cpr_delay_s" || row.name == "aed_delay_s" ||
                         row.name == "arrival_s";
      double& help = t.*(row.field);
      if (moved && help >= 0.0) help = std::min(help + t.unwitnessed_delay_s, row.max);
    }
  }
}

// Team parameters by a label the patient drew (a cause's scene, a witness status): the patient's
// own label's are set, drawn with the key "<kind>/<label>/<name>".
void set_labelled(const Study& st, int64_t index, const char* kind, const std::string& label,
                  const std::vector<std::pair<std::string, std::vector<NamedDistribution>>>& sets,
                  TeamParams& team) {
  for (const auto& [name, parameters] : sets) {
    if (name != label) continue;
    for (const NamedDistribution& t : parameters)
      set_team_param(team, t.name,
                     t.dist.quantile(draw(st.seed, index, std::string(kind) + "/" + label + "/" + t.name)));
  }
}

void parse_record(const json& j, Study& st) {
  check_fields(j, {"signals", "interval_s", "events"}, "record");
  if (j.contains("signals")) {
    const json& list = j.at("signals");
    if (!list.is_array()) throw StudyError("record.signals: must be an array of signal names");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "record.signals[" + std::to_string(i) + "]";
      int32_t index = -1;
      if (!list[i].is_string() || resus_signal_find(list[i].get<std::string>().c_str(), &index) != RESUS_OK)
        throw StudyError(path + ": not a signal name (resus info lists them)");
      st.record_signals.push_back(list[i].get<std::string>());
    }
  }
  if (j.contains("interval_s")) st.record_interval_s = number_in(j.at("interval_s"), "record.interval_s", 0.01, 3600);
  if (j.contains("events")) {
    if (!j.at("events").is_boolean()) throw StudyError("record.events: must be true or false");
    st.record_events = j.at("events").get<bool>();
  }
}

// A message quotes what the user wrote (a field name, nlohmann's last token), which may be
// huge: keep its head, as the library's own messages do.
std::string bounded(std::string message) {
  constexpr std::size_t kMaxMessage = 1000;
  if (message.size() > kMaxMessage) message = message.substr(0, kMaxMessage) + "...";
  return message;
}

}  // namespace

Study parse_study(std::string_view text, const std::string& source) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a huge number
    throw StudyError(bounded(source + ": not valid JSON: " + e.what()));
  }
  Study st;
  st.text = std::string(text);
  try {
    check_fields(j, {"name", "seed", "patients", "duration_s", "population", "arrest", "team", "record"}, "study");
    if (j.contains("name")) {
      if (!j.at("name").is_string()) throw StudyError("name: must be a string");
      st.name = j.at("name").get<std::string>();
    }
    if (j.contains("seed")) {
      if (!j.at("seed").is_number_unsigned()) throw StudyError("seed: must be a whole number >= 0");
      st.seed = j.at("seed").get<uint64_t>();
    }
    if (j.contains("patients")) st.patients = static_cast<int64_t>(number_in(j.at("patients"), "patients", 1, 1e9));
    if (j.contains("duration_s")) st.duration_s = number_in(j.at("duration_s"), "duration_s", 1, 7 * 86400.0);
    parse_population(j.value("population", json::object()), st);
    const json arrest = j.value("arrest", json::object());
    check_fields(arrest, {"at_s", "rhythm", "cause", "causes", "scene", "witnessed", "witness"}, "arrest");
    if (arrest.contains("at_s")) st.collapse_s = number_in(arrest.at("at_s"), "arrest.at_s", 0, 86400);
    if (st.collapse_s >= st.duration_s) throw StudyError("arrest.at_s: the arrest must come before duration_s");
    st.rhythm = parse_distribution(arrest.value("rhythm", json("vf_coarse")), "arrest.rhythm", 0, 0, true);
    check_labels(st.rhythm, "arrest.rhythm", arrest_rhythms(), "arrest rhythms");
    parse_causes(arrest, st);
    parse_scene(arrest, st);
    parse_witness(arrest, st);
    parse_team(j.value("team", json::object()), st);
    const bool witnessed_moves = st.witnessed.labels.size() > 1 || st.witnessed.labels.at(0) != kWitnessStatuses[0];
    if (!st.script.empty() && (!st.scene.empty() || !st.witness.empty() || witnessed_moves))
      throw StudyError("team.script: a scripted team's times are its own; arrest.scene, arrest.witness "
                       "and arrest.witnessed set a team's parameters and cannot go with it");
    parse_record(j.value("record", json::object()), st);
  } catch (const StudyError& e) {
    throw StudyError(bounded(source + ": " + e.what()));
  } catch (const json::exception& e) {
    throw StudyError(bounded(source + ": " + e.what()));
  }
  return st;
}

PatientDraw sample_patient(const Study& st, int64_t index) {
  PatientDraw p;
  p.index = index;
  p.preset = st.preset.label(st.preset.quantile(draw(st.seed, index, "preset")));
  p.rhythm = st.rhythm.label(st.rhythm.quantile(draw(st.seed, index, "rhythm")));
  p.cause = st.cause.label(st.cause.quantile(draw(st.seed, index, "cause")));
  p.witnessed = st.witnessed.label(st.witnessed.quantile(draw(st.seed, index, "witnessed")));
  for (const auto& [status, rhythm] : st.witness_rhythm)
    if (status == p.witnessed)
      p.rhythm = rhythm.label(rhythm.quantile(draw(st.seed, index, "witness/" + status + "/rhythm")));
  for (const Cause& c : st.causes)
    if (c.name == p.cause) p.cause_def = &c;
  // Continuous parameters through the copula: independent normals, correlated, back to uniforms.
  const std::size_t n = st.parameters.size();
  std::vector<double> z(n), u(n);
  for (std::size_t i = 0; i < n; ++i)
    z[i] = normal_quantile(draw(st.seed, index, "population/" + st.parameters[i].name));
  for (std::size_t i = 0; i < n; ++i) {
    double zi = 0.0;
    for (std::size_t k = 0; k <= i; ++k) zi += st.correlation_cholesky[i][k] * z[k];
    u[i] = st.parameters[i].dist.continuous() ? normal_cdf(zi) : normal_cdf(z[i]);
  }
  for (std::size_t i = 0; i < n; ++i)
    p.overrides.emplace_back(st.parameters[i].name, st.parameters[i].dist.quantile(u[i]));
  // Each comorbidity by its own draw; two that scale one parameter multiply.
  for (const Comorbidity& c : st.comorbidities) {
    const bool present = draw(st.seed, index, "comorbidity/" + c.name) < c.share;
    p.comorbid.emplace_back(c.name, present);
    if (!present) continue;
    for (const auto& shift : c.scales) {
      auto it = std::find_if(p.scales.begin(), p.scales.end(),
                             [&](const auto& s) { return s.first == shift.first; });
      if (it == p.scales.end())
        p.scales.push_back(shift);
      else
        it->second *= shift.second;
    }
  }
  team_preset(st.team_preset, &p.team);
  for (const NamedDistribution& t : st.team) {
    const double v = t.dist.quantile(draw(st.seed, index, "team/" + t.name));
    set_team_param(p.team, t.name, v);
    p.team_drawn.emplace_back(t.name, v);
  }
  // What the patient's own scene tells the team, then its witness status's parameters and what
  // the status does to the team's times.
  set_labelled(st, index, "scene", p.cause, st.scene, p.team);
  set_labelled(st, index, "witness", p.witnessed, st.witness, p.team);
  apply_witness(p.witnessed, p.team);
  // Every patient reports every parameter that any scene or status sets, and the times a witness
  // status moves (its own values where they are silent), so the results have one set of columns;
  // every value is the one the team runs with.
  std::vector<std::string> reported;
  for (const auto* sets : {&st.scene, &st.witness})
    for (const auto& [label, parameters] : *sets)
      for (const NamedDistribution& t : parameters) reported.push_back(t.name);
  if (st.witnessed.labels.size() > 1 || p.witnessed != kWitnessStatuses[0])
    for (const char* moved : {"unwitnessed_delay_s", "bystander_cpr_delay_s", "aed_delay_s", "arrival_s"})
      reported.emplace_back(moved);
  for (const std::string& name : reported) {
    auto it = std::find_if(p.team_drawn.begin(), p.team_drawn.end(),
                           [&name](const auto& drawn) { return drawn.first == name; });
    if (it == p.team_drawn.end()) it = p.team_drawn.insert(p.team_drawn.end(), {name, 0.0});
  }
  for (auto& [name, value] : p.team_drawn) get_team_param(p.team, name, &value);
  return p;
}

uint64_t study_hash(const Study& st) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : st.text) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace resus_team
