// A scripted team: a fixed list of actions, each at its time after the collapse, the same for
// every patient of a study (team.script, docs/batch.md). It asks how a population's physiology
// answers one resuscitation, where the automated team (acls_team.hpp) asks how a protocol fares.
// It decides nothing; it only watches, as a team would, for the pulse its script may bring back.
#pragma once

#include <resus/resus.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "acls_team.hpp"
#include "study.hpp"

namespace resus_team {

class ScriptedTeam : public Team {
 public:
  explicit ScriptedTeam(std::vector<ScriptedAction> script) : script_(std::move(script)) {}

  // Schedules the whole script at the collapse (the engine applies each at its step).
  resus_status attach(resus_sim* sim, double collapse_s) override;
  // Books each action as its time passes and watches the pulse: a palpable carotid (0.5) held
  // 10 s with no compressions is ROSC; below 0.2 for 10 s after it, a re-arrest.
  void step(resus_sim* sim) override;

  const std::vector<TeamEvent>& log() const override { return log_; }
  const TeamTally& tally() const override { return tally_; }
  bool in_rosc() const override { return in_rosc_; }
  bool stopped() const override { return false; }

 private:
  std::vector<ScriptedAction> script_;
  std::vector<bool> failed_;  // refused when scheduled: not booked
  std::vector<TeamEvent> log_;
  TeamTally tally_;
  double collapse_s_ = 0.0;
  std::size_t booked_ = 0;  // actions whose time has passed
  bool in_rosc_ = false;
  double pulse_since_s_ = -1.0, pulseless_since_s_ = -1.0;
  int32_t carotid_ = -1, hands_off_ = -1, compressions_ = -1;
};

}  // namespace resus_team
