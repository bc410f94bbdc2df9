#include "patient_run.hpp"

#include "protocol_shared.hpp"
#include "scripted_team.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

namespace resus_team {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct SimDeleter {
  void operator()(resus_sim* s) const { resus_sim_destroy(s); }
};

std::shared_ptr<const resus_model> compile(const std::string& json, std::string* error) {
  resus_model* model = nullptr;
  if (resus_model_create_json(json.c_str(), &model) != RESUS_OK) {
    *error = std::string("patient: ") + (model ? resus_model_last_error(model) : "not created");
    resus_model_destroy(model);
    return nullptr;
  }
  return std::shared_ptr<const resus_model>(model, [](const resus_model* m) {
    resus_model_destroy(const_cast<resus_model*>(m));
  });
}

}  // namespace

std::string patient_json(const PatientDraw& draw) {
  nlohmann::json j;
  j["preset"] = draw.preset;
  j["overrides"] = nlohmann::json::object();
  for (const auto& [name, value] : draw.overrides) j["overrides"][name] = value;
  if (!draw.scales.empty()) {
    j["scales"] = nlohmann::json::object();
    for (const auto& [name, factor] : draw.scales) j["scales"][name] = factor;
  }
  return j.dump();
}

std::string draw_json(const Study& study, const PatientDraw& draw) {
  nlohmann::json j;
  j["study"] = study.name;
  j["patient"] = draw.index;
  j["duration_s"] = study.duration_s;
  j["model"] = nlohmann::json::parse(patient_json(draw));
  j["sim"] = {{"seed", study.seed}, {"patient_id", draw.index}};
  nlohmann::json arrest = {{"cause", draw.cause}, {"witnessed", draw.witnessed}};
  if (draw.cause_def == nullptr) {
    arrest["at_s"] = study.collapse_s;
    arrest["rhythm"] = draw.rhythm;
  } else {
    arrest["actions"] = nlohmann::json::array();
    for (const std::string& action : draw.cause_def->actions)
      arrest["actions"].push_back(nlohmann::json::parse(action));
    arrest["collapse"] = {{"carotid_pulse_below", kCollapsePulse},
                          {"for_s", kCollapsePulselessFor_s},
                          {"check_every_s", kCollapseCheck_s}};
  }
  j["arrest"] = arrest;
  j["comorbidities"] = nlohmann::json::object();
  for (const auto& [name, present] : draw.comorbid) j["comorbidities"][name] = present;
  // The team's sampled human factors, and always its arrival (a host's team is counted from it).
  j["team_preset"] = study.team_preset;
  j["team"] = {{"arrival_s", draw.team.arrival_s}};
  for (const auto& [name, v] : draw.team_drawn) j["team"][name] = v;
  return j.dump();
}

std::shared_ptr<const resus_model> ModelCache::get(const std::string& json, std::string* error,
                                                   double* compile_wall_s) {
  {
    std::lock_guard lock(mutex_);
    const auto it = models_.find(json);
    if (it != models_.end()) return it->second;
  }
  // Compiled outside the lock; two threads may compile the same patient at once, and either
  // result is the same model (compiling is deterministic).
  const auto start = Clock::now();
  auto model = compile(json, error);
  *compile_wall_s = seconds_since(start);
  if (!model) return nullptr;
  std::lock_guard lock(mutex_);
  if (models_.size() < kMaxModels) models_.emplace(json, model);
  return model;
}

PatientOutcome run_patient(const Study& study, const PatientDraw& draw, ModelCache* cache,
                           const TeamFactory* team_factory) {
  PatientOutcome out;
  const std::string json = patient_json(draw);
  std::shared_ptr<const resus_model> model;
  if (cache) {
    model = cache->get(json, &out.error, &out.compile_wall_s);
  } else {
    const auto start = Clock::now();
    model = compile(json, &out.error);
    out.compile_wall_s = seconds_since(start);
  }
  if (!model) {
    out.ok = false;
    return out;
  }

  const auto run_start = Clock::now();
  resus_sim_def def = resus_default_sim_def();
  def.seed = study.seed;
  def.patient_id = static_cast<uint64_t>(draw.index);
  resus_sim* raw_sim = nullptr;
  if (resus_sim_create(model.get(), &def, &raw_sim) != RESUS_OK) {
    out.ok = false;
    out.error = "sim: not created";
    return out;
  }
  std::unique_ptr<resus_sim, SimDeleter> sim(raw_sim);
  // A host's team, the automated team, or the study's script; the compression fraction counts
  // from the team's sampled arrival (a host's team too: the draw's human factors), or from the
  // script's first action.
  const bool hosted = team_factory && *team_factory;
  std::unique_ptr<Team> owned;
  if (hosted)
    owned = (*team_factory)(draw);
  else if (study.script.empty())
    owned = std::make_unique<AclsTeam>(draw.team, study.seed, static_cast<uint64_t>(draw.index));
  else
    owned = std::make_unique<ScriptedTeam>(study.script);
  if (!owned) {
    out.ok = false;
    out.error = "team: the host's factory gave none";
    return out;
  }
  Team& team = *owned;
  const double attempt_from_s =
      hosted || study.script.empty() ? draw.team.arrival_s : study.script.front().at_s;
  // A primary arrest comes at arrest.at_s; a cause's actions are scheduled now and the collapse
  // is found when it happens.
  const bool primary = draw.cause_def == nullptr;
  if (!primary) {
    for (const std::string& action : draw.cause_def->actions)
      if (resus_sim_apply_json(sim.get(), action.c_str()) != RESUS_OK) {
        out.ok = false;
        out.error = "cause " + draw.cause + ": " + resus_last_error(sim.get());
        return out;
      }
  }
  const std::string rhythm = R"({"do":"rhythm","rhythm":")" + draw.rhythm + "\"}";
  std::vector<int32_t> record;
  for (const std::string& name : study.record_signals) record.push_back(signal_index(name.c_str()));
  const int32_t ischaemia = signal_index("brain_ischaemia_min");
  const int32_t injury = signal_index("brain_injury_index_min");
  const int32_t hands_off = signal_index("cpr_hands_off_s");
  const int32_t compressions = signal_index("cpr_compressions");
  const int32_t carotid = signal_index("carotid_pulse");
  // Compression fraction as resuscitation research defines it (models/cpr README): a gap longer
  // than the meter's 2 s is hands-off for its whole length. The meter's hands-off time shows
  // only once a gap has outlasted 2 s, and then counts from the last compression: its growth is
  // the hands-off time, the first 2 s booked back when it appears. Before the first compression
  // the meter shows nothing: all of that time is hands-off.
  double ccf_time_s = 0.0, ccf_off_s = 0.0, hands_off_before = 0.0;

  // Until the collapse the pulse is checked on the runner's own grid, whatever the team's step, so
  // that a patient collapses at the same second whichever team meets it.
  const double step = team.step_s();
  if (!(std::isfinite(step) && step > 0.0 && step <= kMaxTeamStep_s)) {
    out.ok = false;
    out.error = detail::fmt("team: step_s() = %g is out of range; valid range is (0, %g] s", step,
                            kMaxTeamStep_s);
    return out;
  }
  double next_record = 0.0, rosc_run_s = 0.0, pulseless_since = -1.0;
  bool collapsed = false;
  for (double t = 0.0; t < study.duration_s - 1e-9;) {
    if (!collapsed && primary && t >= study.collapse_s - 1e-9) {
      collapsed = true;
      out.collapse_s = t;
      if (team.attach(sim.get(), t) != RESUS_OK) {
        out.ok = false;
        out.error = "team: not attached";
        return out;
      }
      if (resus_sim_apply_json(sim.get(), rhythm.c_str()) != RESUS_OK) {
        out.ok = false;
        out.error = std::string("arrest: ") + resus_last_error(sim.get());
        return out;
      }
    } else if (!collapsed && !primary) {
      if (resus_sim_signal(sim.get(), carotid) < kCollapsePulse) {
        if (pulseless_since < 0) pulseless_since = t;
        if (t - pulseless_since >= kCollapsePulselessFor_s - 1e-9) {
          collapsed = true;
          out.collapse_s = pulseless_since;
          if (team.attach(sim.get(), pulseless_since) != RESUS_OK) {
            out.ok = false;
            out.error = "team: not attached";
            return out;
          }
        }
      } else {
        pulseless_since = -1.0;
      }
    }
    while (!record.empty() && next_record <= t + 1e-9) {
      for (int32_t index : record) out.series.push_back(resus_sim_signal(sim.get(), index));
      next_record += study.record_interval_s;
    }
    if (collapsed) team.step(sim.get());
    const double until = std::min({t + (collapsed ? step : kCollapseCheck_s), study.duration_s,
                                   collapsed || !primary ? 1e300 : study.collapse_s});
    if (resus_sim_advance(sim.get(), until - t) != RESUS_OK) {
      out.ok = false;
      out.error = std::string("advance: ") + resus_last_error(sim.get());
      break;
    }
    // The team's pre-ROSC attempt, from its arrival.
    const double since_collapse = until - out.collapse_s;
    const double hands_off_s = resus_sim_signal(sim.get(), hands_off);
    if (collapsed && since_collapse >= attempt_from_s && team.tally().rosc_count == 0 &&
        !team.stopped()) {
      const double counted = std::min(until - t, since_collapse - attempt_from_s);
      ccf_time_s += counted;
      if (resus_sim_signal(sim.get(), compressions) == 0.0)  // none yet: all of it hands-off
        ccf_off_s += counted;
      else if (hands_off_s > 0.0)
        ccf_off_s += std::clamp(hands_off_s - hands_off_before, 0.0, ccf_time_s - ccf_off_s);
    }
    hands_off_before = hands_off_s;
    if (team.in_rosc()) {
      rosc_run_s += until - t;
      if (rosc_run_s >= kSustainedRosc_s) out.rosc_sustained = true;
    } else {
      rosc_run_s = 0.0;
    }
    t = until;
  }
  out.tally = team.tally();
  out.rosc_any = out.tally.rosc_count > 0;
  out.alive_at_end = out.ok && team.in_rosc();
  out.rosc_minutes_at_end = out.alive_at_end ? rosc_run_s / 60.0 : 0.0;
  out.compression_fraction = ccf_time_s > 0.0 ? 1.0 - ccf_off_s / ccf_time_s : 0.0;
  out.brain_ischaemia_min = resus_sim_signal(sim.get(), ischaemia);
  out.brain_injury_index_min = resus_sim_signal(sim.get(), injury);
  out.favourable_neuro = out.alive_at_end && out.brain_injury_index_min < kFavourableIschaemia_min;
  if (study.record_events) out.log = team.log();
  out.run_wall_s = seconds_since(run_start);
  return out;
}

}  // namespace resus_team
