// Waveform capnography through the tracheal tube during CPR (AHA 2020 adult ALS algorithm,
// Panchal et al.; ERC 2021 ALS, Soar et al.), read by a team that carries a capnograph
// (TeamParams::capnography).
//
// A sign of ROSC: "an abrupt sustained increase in PETCO2" (AHA 2020). At ROSC the end-tidal CO2
// jumps as the heart's own output washes the CO2 stored in the tissues through the lungs
// (Pokorna 2010, J Emerg Med 38:614: a sudden rise at ROSC in the 59 patients who had one, none
// in the 49 who did not). The team reads the trend of the breaths' end-tidal values (a 10-s moving
// average: in CPR one breath that meets a compression can read half the others, and a floor taken
// from such a dip made a rise of every normal breath after it). A trend 10 mmHg or more above its
// lowest of the last 30 s [U: the size and speed of the rise in Pokorna's figure], held for 10 s,
// brings the rhythm check forward: the pads' ECG starts at once and the check follows after its lead, so a pulse is
// not compressed for the rest of a 2-minute cycle. An abrupt rise, not a level or a slow climb:
// AHA 2020's "typically >= 40 mmHg" is what a ROSC reaches, but a patient bagged too little for
// half an hour (PaCO2 ~100) reads 42-48 in asystole once intubated, and his end-tidal climbs 10
// mmHg over each cycle's first two minutes as the pause's stagnant CO2 comes through; a level
// rule, and a rise from the whole cycle's lowest, called a check in such patients at every cycle
// (237 and 207 of the OHCA example's calls, team/README.md). Ignored for 3 minutes after sodium bicarbonate, whose own CO2
// raises the end-tidal (ERC 2021). A cycle's first 30 s set no lowest reading: the end-tidal
// settles after the pause, and the first breaths wash out the CO2 it held (up to ~5 mmHg more).
//
// CPR quality: "if PETCO2 is low (under 10 mmHg), attempt to improve CPR quality" (AHA 2020).
// Held for 20 s in a cycle's second minute, the team changes the compressor when the current one
// has tired by a millimetre or more (fatigue_mm_per_min); once per cycle; not a team that does
// not rotate (rotation_every_checks 0).
//
// Through a face mask the end-tidal is read only at the breaths of 30:2 and a leak dilutes it:
// neither rule acts before the tube.
#include <algorithm>
#include <cmath>
#include <limits>

#include "acls_team.hpp"
#include "protocol_shared.hpp"

namespace resus_team {
namespace {

using detail::fmt;
using detail::kPadsLead_s;

constexpr double kSettle_s = 30.0;           // a cycle's readings ignored after the pause
constexpr double kTrend_s = 10.0;            // the readings' trend: a 10-s moving average
constexpr double kRoscRise_mmHg = 10.0, kRoscRiseFor_s = 10.0;
constexpr double kAfterBicarbonate_s = 180.0;
constexpr double kLowEtco2_mmHg = 10.0, kLowFor_s = 20.0, kLowFrom_s = 60.0;
constexpr double kTired_mm = 1.0;

}  // namespace

void AclsTeam::capnography(double t, const Vitals& v) {
  if (p_.capnography == 0.0 || !team_here_ || !tube_ || !compressing_) return;
  if (etco2_.cycle_check_s != next_check_s_) {  // a new cycle of compressions
    etco2_ = {};
    etco2_.cycle_check_s = next_check_s_;
    etco2_.cycle_from_s = t;
  }
  // The trend of the breaths' readings: one breath in CPR can read half the others (a breath
  // that meets a compression), and its dip is no floor to rise from.
  etco2_.trend_mmHg = std::isfinite(etco2_.trend_mmHg)
                          ? etco2_.trend_mmHg + (v.etco2_mmHg - etco2_.trend_mmHg) * (step_s() / kTrend_s)
                          : v.etco2_mmHg;
  const double etco2 = etco2_.trend_mmHg;
  const double into_cycle_s = t - etco2_.cycle_from_s;
  const bool bicarbonate = t < last_bicarbonate_s_ + kAfterBicarbonate_s;
  if (bicarbonate) {
    etco2_.recent_count = 0;  // its CO2 passes: no rise to measure from
  } else if (into_cycle_s >= kSettle_s) {
    etco2_.recent[static_cast<std::size_t>(etco2_.recent_next)] = etco2;
    etco2_.recent_next = (etco2_.recent_next + 1) % Etco2Watch::kRecent;
    etco2_.recent_count = std::min(etco2_.recent_count + 1, Etco2Watch::kRecent);
  }
  double floor_mmHg = std::numeric_limits<double>::infinity();
  for (int i = 0; i < etco2_.recent_count; ++i)
    floor_mmHg = std::min(floor_mmHg, etco2_.recent[static_cast<std::size_t>(i)]);

  const bool rising = etco2 >= floor_mmHg + kRoscRise_mmHg && !bicarbonate;
  if (!rising) etco2_.rise_since_s = -1.0;
  else if (etco2_.rise_since_s < 0.0) etco2_.rise_since_s = t;
  if (rising && !etco2_.check_called && t - etco2_.rise_since_s >= kRoscRiseFor_s &&
      next_check_s_ > t + kPadsLead_s) {
    etco2_.check_called = true;
    // The pads ECG switches on at the team's next step (hear_pads comes first): a full lead.
    next_check_s_ = t + kPadsLead_s + step_s();
    etco2_.cycle_check_s = next_check_s_;
    note(t, fmt("EtCO2 %.0f mmHg, up from %.0f: rhythm check brought forward", etco2, floor_mmHg));
  }

  const bool low = etco2 < kLowEtco2_mmHg && into_cycle_s >= kLowFrom_s;
  if (!low) etco2_.low_since_s = -1.0;
  else if (etco2_.low_since_s < 0.0) etco2_.low_since_s = t;
  const double tired_mm = p_.fatigue_mm_per_min * (t - compressor_since_s_) / 60.0;
  if (low && !etco2_.rotated && t - etco2_.low_since_s >= kLowFor_s && tired_mm >= kTired_mm &&
      p_.rotation_every_checks > 0.0) {  // a team of one has nobody to change with
    etco2_.rotated = true;
    compressor_since_s_ = t;  // compress() gives the fresh rescuer's depth
    note(t, fmt("EtCO2 %.0f mmHg: compressor changed", etco2));
  }
}

}  // namespace resus_team
