// Runs one sampled patient of a study with the automated team, the study's script or a host's own
// team, and measures its outcomes in Utstein terms (docs/batch.md). Deterministic: the result
// depends only on the study, the patient's index and the team.
#pragma once

#include <resus/resus.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "acls_team.hpp"
#include "study.hpp"

namespace resus_team {

// Utstein-style outcomes. "ROSC" is what the team finds: a palpable pulse at a check.
struct PatientOutcome {
  bool ok = true;
  std::string error;            // why the patient could not be run (bad parameters, numerics)
  // When the patient collapsed, seconds into the run: arrest.at_s for a primary arrest; for a
  // cause, the start of the first 10 s without a palpable carotid pulse; -1 if it never did.
  double collapse_s = -1.0;
  bool rosc_any = false;        // a pulse found at any check
  bool rosc_sustained = false;  // a ROSC that lasted 20 min without compressions
  bool alive_at_end = false;    // in ROSC when the simulated window ends
  bool favourable_neuro = false;  // alive with brain_injury_index_min < 5 (models/brain's proxy)
  double rosc_minutes_at_end = 0.0;
  // Chest-compression fraction (Utstein): the share of the team's pre-ROSC time with the chest
  // compressed, from its arrival to the first ROSC or the end of the attempt.
  double compression_fraction = 0.0;
  double brain_ischaemia_min = 0.0;
  double brain_injury_index_min = 0.0;  // ischaemia + secondary injury: the proxy
  TeamTally tally;
  std::vector<TeamEvent> log;   // empty unless the study records events
  std::vector<double> series;   // record_signals at each record interval, row after row
  double compile_wall_s = 0.0, run_wall_s = 0.0;
};

inline constexpr double kSustainedRosc_s = 1200.0;  // Utstein: 20 minutes
inline constexpr double kFavourableIschaemia_min = 5.0;
// A cause's collapse: the carotid pulse below this for kCollapsePulselessFor_s.
inline constexpr double kCollapsePulse = 0.2;
inline constexpr double kCollapsePulselessFor_s = 10.0;
// Until the collapse the runner checks the pulse every kCollapseCheck_s from the start, before
// each advance (a host reproducing a cause's collapse must check on the same grid); after it the
// team steps at its own step_s(), at most kMaxTeamStep_s.
inline constexpr double kCollapseCheck_s = 0.5;
inline constexpr double kMaxTeamStep_s = 60.0;

// Compiled patients shared between the patients of a study that draw the same definition (a
// population that varies only the preset, or categorical parameters): a model is immutable
// once compiled, so sims on several threads may share it. Holds at most kMaxModels.
class ModelCache {
 public:
  static constexpr std::size_t kMaxModels = 64;
  // The compiled model for `patient_json`, compiling it if needed; null with `error` set when
  // the definition is refused.
  std::shared_ptr<const resus_model> get(const std::string& patient_json, std::string* error,
                                         double* compile_wall_s);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const resus_model>> models_;
};

// The patient's definition as resus_model_create_json reads it.
std::string patient_json(const PatientDraw& draw);

// Everything a host needs to run patient `draw` of `study` itself, as its own team (one line of
// `resus draw`, docs/batch.md): the model's definition, the sim's seed and patient id, the arrest
// (a primary arrest's rhythm and time, or a cause's actions and the pulse rule that finds its
// collapse), the witness status and the team's sampled human factors.
std::string draw_json(const Study& study, const PatientDraw& draw);

// A host's own team for a study's patients (a game's player, a learning policy, a protocol under
// test): called once per patient with its draw, whose `team` holds the sampled human factors the
// host may honour. It is attached at the collapse, as the automated team is.
using TeamFactory = std::function<std::unique_ptr<Team>(const PatientDraw&)>;

// `cache` may be null: the patient is compiled for this run alone. `team_factory` null or empty:
// the study's own team (the automated one, or its script). A team whose step_s() is not in
// (0, kMaxTeamStep_s], or whose attach() fails, is an error of that patient.
PatientOutcome run_patient(const Study& study, const PatientDraw& draw, ModelCache* cache = nullptr,
                           const TeamFactory* team_factory = nullptr);

}  // namespace resus_team
