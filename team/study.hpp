// A Monte Carlo study (docs/batch.md): a virtual-patient population, the arrest, the team that
// meets it, how long to run and what to record. Parsing checks everything before anything
// runs; sampling patient i depends only on (seed, i), never on which shard or thread runs it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "distribution.hpp"
#include "team_params.hpp"

namespace resus_team {

struct NamedDistribution {
  std::string name;
  Distribution dist;
};

// A cause of arrest: actions (scenario JSON objects, each with its "at_s" into the run) that
// bring the arrest about through the physiology, e.g. a potassium load or a tension pneumothorax.
// The collapse is then whenever the pulse goes, not a set time.
struct Cause {
  std::string name;
  std::vector<std::string> actions;  // each an action's JSON with "at_s"
};

// A comorbidity: present in a share of the population, it shifts parameters by factors on the
// patient's own values (after its preset, mass and age).
struct Comorbidity {
  std::string name;
  double share = 0.0;
  std::vector<std::pair<std::string, double>> scales;  // parameter, factor
};

// One action of a scripted team (team.script): the same for every patient.
struct ScriptedAction {
  double at_s;       // after the collapse
  std::string json;  // the action, without its time
  std::string kind;  // its "do"
};
inline constexpr std::size_t kMaxScriptActions = 128;  // the engine's queue holds 256

inline constexpr const char* kPrimaryCause = "primary";  // the rhythm set at arrest.at_s

// Who saw the collapse (Utstein 2024; CARES): a bystander (help comes at the team's own delays),
// a 911 responder (the crew is at the patient: no bystander or public AED), or nobody (every
// help comes TeamParams::unwitnessed_delay_s later, when the patient is found).
inline constexpr const char* kWitnessStatuses[] = {"bystander", "ems", "unwitnessed"};

struct Study {
  std::string name;
  uint64_t seed = 1;
  int64_t patients = 100;
  double duration_s = 1800.0;
  Distribution preset;                          // categorical over preset names
  std::vector<NamedDistribution> parameters;    // patient "overrides", name order
  std::vector<std::vector<double>> correlation_cholesky;  // lower triangle, over `parameters`
  std::vector<Comorbidity> comorbidities;       // name order
  double collapse_s = 30.0;                     // the arrest, after a short rest
  Distribution rhythm;                          // categorical over arrest rhythm names
  Distribution cause;                           // categorical over "primary" and causes' names
  std::vector<Cause> causes;
  // Team parameters a cause's scene sets (arrest.scene), by cause, after the study's own.
  std::vector<std::pair<std::string, std::vector<NamedDistribution>>> scene;
  Distribution witnessed;                       // categorical over kWitnessStatuses
  // Team parameters by witness status (arrest.witness), after the scene's, and a status's own
  // first rhythm (categorical over arrest rhythm names) in place of arrest.rhythm.
  std::vector<std::pair<std::string, std::vector<NamedDistribution>>> witness;
  std::vector<std::pair<std::string, Distribution>> witness_rhythm;
  std::string team_preset = "als_crew";
  std::vector<NamedDistribution> team;          // human factors with distributions, name order
  // A scripted team instead of the automated one (empty: the automated team), in time order.
  std::vector<ScriptedAction> script;
  std::vector<std::string> record_signals;      // per-patient time series (none: summaries only)
  double record_interval_s = 10.0;
  bool record_events = true;                    // the team's decision log in the results
  std::string text;                             // the study file as read (its hash keys resume)
};

// One sampled virtual patient and its team.
struct PatientDraw {
  int64_t index = 0;
  std::string preset;
  std::vector<std::pair<std::string, double>> overrides;  // study parameter order
  std::vector<std::pair<std::string, bool>> comorbid;     // each comorbidity: drawn or not
  std::vector<std::pair<std::string, double>> scales;     // their factors, one per parameter
  std::string rhythm;
  std::string cause = kPrimaryCause;
  const Cause* cause_def = nullptr;  // null for a primary arrest
  std::string witnessed = kWitnessStatuses[0];
  TeamParams team;
  // The team fields with distributions, then those any cause's scene or any witness status sets:
  // the values the patient's team runs with, after its witness status has moved its times.
  std::vector<std::pair<std::string, double>> team_drawn;
};

// Parses and checks a study (`source` names it in messages). Throws StudyError.
Study parse_study(std::string_view text, const std::string& source);
PatientDraw sample_patient(const Study& study, int64_t index);

// A stable 64-bit hash of the study text (FNV-1a), to recognise finished chunks on resume.
uint64_t study_hash(const Study& study);

}  // namespace resus_team
