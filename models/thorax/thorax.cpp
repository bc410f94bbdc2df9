#include "models/thorax/thorax.hpp"

#include <algorithm>
#include <cmath>

namespace resus::thorax {
namespace {

// "Until stopped" for a source or a drain: finite, so that a snapshot can check it.
constexpr double kUnlimited = 1e12;
// Air or fluid in a pleural space that changes the percussion note fully [U].
constexpr double kAudibleSpace_mL = 400.0;
// Pleural blood below which a drain empties the space in one step.
constexpr double kLastDrop_mL = 1e-3;

double share(const ThoraxParams& p, int side) {
  return side == 0 ? p.left_lung_share : 1.0 - p.left_lung_share;
}

// What air the side's lung can give up before the hemithorax itself must stretch.
double collapse_volume(const ThoraxParams& p, int side) {
  return std::max(p.collapse_share * share(p, side) * p.frc_mL, 1.0);
}

bool on_side(Side side, int s) { return side == Side::kBoth || static_cast<int>(side) == s; }

// What takes room in a pleural space: its air and its blood.
double contents(const ThoraxState& s, int side) { return s.air_mL[side] + s.blood_mL[side]; }

// A placed catheter that can still fail: its life runs down even while nothing collects.
bool ageing_needle(const ThoraxState& s, int side) {
  return s.vent[side] == static_cast<int32_t>(Vent::kNeedle) && s.needle_life_s[side] < kUnlimited;
}

bool open_chest(const ThoraxState& s, int side) {
  return s.vent[side] == static_cast<int32_t>(Vent::kFinger) ||
         s.vent[side] == static_cast<int32_t>(Vent::kTube);
}

// Pericardial fluid from the source over the step: the source's rate while its pressure is well
// above the pericardium's, tapering to nothing as they meet.
// A source filling a space at its rate while its pressure is well above the space's, tapering
// to nothing as they meet, and never more than it has left.
double tapered_inflow(const ThoraxParams& p, const ThoraxInputs& in, double rate_mL_s,
                      double left_mL, double source_mmHg, double space_mmHg) {
  if (!(rate_mL_s > 0.0) || !(left_mL > 0.0)) return 0.0;
  const double q = rate_mL_s * std::clamp((source_mmHg - space_mmHg) / p.inflow_taper_mmHg, 0.0, 1.0);
  return std::min(q, left_mL / in.dt_s);
}

double pericardial_inflow(const ThoraxParams& p, const ThoraxInputs& in, const ThoraxState& s) {
  const double source = s.source_kind == static_cast<int32_t>(FluidSource::kBlood)
                            ? in.aortic_mmHg
                            : in.central_venous_mmHg + p.effusion_source_mmHg;
  return tapered_inflow(p, in, s.source_mL_s, s.source_left_mL, source,
                        in.pericardial_pressure_mmHg);
}

// What the syringe or the catheter takes, while the pericardium holds more than its normal fluid
// and pushes it out (its pressure above the chest's around it).
double pericardial_outflow(const ThoraxParams& p, const ThoraxInputs& in, const ThoraxState& s) {
  if (!(s.drain_mL_s > 0.0)) return 0.0;
  const double transmural = in.pericardial_pressure_mmHg - in.intrathoracic_pressure_mmHg;
  const double q = s.drain_mL_s * std::clamp(transmural / p.drain_taper_mmHg, 0.0, 1.0);
  const double spare = std::max(s.pericardial_fluid_mL - p.normal_pericardial_fluid_mL, 0.0);
  return std::min({q, spare / in.dt_s, s.drain_left_mL / in.dt_s});
}

// Each side's own rise and the absolute pleural pressures once the mediastinum has passed part
// of the difference to the other side.
void pleural_pressures(const ThoraxParams& p, const ThoraxInputs& in, const ThoraxState& s,
                       double (&own)[kSides], double (&abs)[kSides]) {
  for (int i = 0; i < kSides; ++i)
    own[i] = air_pressure_rise(p, i, contents(s, i), in.resting_pleural_mmHg);
  for (int i = 0; i < kSides; ++i) {
    const double pushed = std::max(own[1 - i] - own[i], 0.0);
    abs[i] = in.resting_pleural_mmHg + own[i] + p.mediastinal_transmission * pushed;
  }
}

// Air let out of a side this step, by its vent.
double pleural_outflow(const ThoraxParams& p, const ThoraxState& s, int i, double pressure,
                       double dt) {
  double q = 0.0;
  switch (static_cast<Vent>(s.vent[i])) {
    case Vent::kNone: break;
    case Vent::kNeedle:
      if (!s.needle_short[i]) q = std::max(pressure, 0.0) / p.needle_resistance_mmHg_s_per_mL;
      break;
    case Vent::kFinger:
      q = std::max(pressure, 0.0) / p.thoracostomy_resistance_mmHg_s_per_mL +
          s.air_mL[i] / p.finger_evacuation_s;
      break;
    case Vent::kTube:
      q = std::max(pressure, 0.0) / p.thoracostomy_resistance_mmHg_s_per_mL +
          s.air_mL[i] / p.tube_evacuation_s;
      break;
  }
  return std::min(q, s.air_mL[i] / dt);
}

// Blood from the source into a side this step: the source's rate while the aorta's pressure is
// well above the pleural pressure, tapering as they meet.
double pleural_bleed(const ThoraxParams& p, const ThoraxInputs& in, const ThoraxState& s, int i,
                     double pressure) {
  return tapered_inflow(p, in, s.bleed_mL_s[i], s.bleed_left_mL[i], in.aortic_mmHg, pressure);
}

}  // namespace

double chest_wall_at(const ThoraxParams& p, NeedleSite site) {
  return site == NeedleSite::kFifthIcsAal
             ? std::max(p.chest_wall_mm - p.lateral_chest_wall_offset_mm, 5.0)
             : p.chest_wall_mm;
}

double air_pressure_rise(const ThoraxParams& p, int side, double air_mL, double resting_mmHg) {
  const double vc = collapse_volume(p, side);
  const double recoil = std::max(-resting_mmHg, 0.0);  // the lung's pull, lost as it collapses
  const double a = std::max(air_mL, 0.0);
  if (a <= vc) return recoil * a / vc;
  return recoil + (a - vc) * p.hemithorax_elastance_mmHg_per_mL;
}

ThoraxState initial_state(const ThoraxParams& p) {
  ThoraxState s{};
  s.pericardial_fluid_mL = p.normal_pericardial_fluid_mL;
  for (double& life : s.needle_life_s) life = kUnlimited;
  s.source_left_mL = 0.0;
  s.drain_left_mL = 0.0;
  return s;
}

bool quiet(const ThoraxParams& p, const ThoraxState& s) {
  return !(s.source_mL_s > 0.0) && !(s.drain_mL_s > 0.0) &&
         s.pericardial_fluid_mL == p.normal_pericardial_fluid_mL && s.air_mL[0] == 0.0 &&
         s.air_mL[1] == 0.0 && s.leak_mL_min[0] == 0.0 && s.leak_mL_min[1] == 0.0 &&
         s.blood_mL[0] == 0.0 && s.blood_mL[1] == 0.0 && s.bleed_mL_s[0] == 0.0 &&
         s.bleed_mL_s[1] == 0.0 && !ageing_needle(s, 0) && !ageing_needle(s, 1);
}

void read(const ThoraxParams& p, const ThoraxInputs& in, ThoraxState& s) {
  ThoraxReadout& o = s.out;
  o.pericardial_fluid_mL = s.pericardial_fluid_mL;
  o.pericardial_slack_mL = s.pericardial_slack_mL;
  double own[kSides], abs[kSides];
  pleural_pressures(p, in, s, own, abs);
  double ventilated = 1.0, shunt = 0.0;
  for (int i = 0; i < kSides; ++i) {
    o.pleural_pressure_mmHg[i] = abs[i];
    // A lung collapses under its own side's air and is squeezed by the pressure the mediastinum
    // passes on from the other side (its compliance gives the volume it loses).
    const double pushed = abs[i] - in.resting_pleural_mmHg - own[i];
    const double squeezed = std::max(pushed, 0.0) * share(p, i) * p.lung_compliance_mL_mmHg;
    o.collapse[i] = std::min((contents(s, i) + squeezed) / collapse_volume(p, i), 1.0);
    ventilated -= share(p, i) * o.collapse[i];
    shunt += share(p, i) * o.collapse[i] * p.collapsed_perfusion_share;
    const bool intubated_away = in.right_mainstem && i == 0;
    o.breath_sounds[i] = intubated_away ? 0.0 : 1.0 - o.collapse[i];
    // Percussion: air under the chest wall rings, fluid is dull; each is heard once it is a
    // few hundred mL (fluid blunts the costophrenic angle at 350-400 mL, Mowery 2011) [U].
    o.percussion[i] = std::clamp(s.air_mL[i] / kAudibleSpace_mL, 0.0, 1.0) -
                      std::clamp(s.blood_mL[i] / kAudibleSpace_mL, 0.0, 1.0);
  }
  o.compliance_scale = std::max(ventilated, 0.05);
  o.shunt_offset = shunt;
  o.mediastinal_mmHg = 0.5 * (abs[0] + abs[1]) - in.resting_pleural_mmHg;
  o.tracheal_deviation_mm =
      std::clamp(p.tracheal_deviation_mm_per_mmHg * (abs[0] - abs[1]),
                 -p.max_tracheal_deviation_mm, p.max_tracheal_deviation_mm);
}

void step(const ThoraxParams& p, const ThoraxInputs& in, ThoraxState& s) {
  const double dt = in.dt_s;
  // Pericardium.
  const double q_in = pericardial_inflow(p, in, s);
  const double q_out = pericardial_outflow(p, in, s);
  s.pericardial_fluid_mL += (q_in - q_out) * dt;
  if (s.source_left_mL < kUnlimited) s.source_left_mL = std::max(s.source_left_mL - q_in * dt, 0.0);
  if (s.drain_left_mL < kUnlimited) {
    s.drain_left_mL = std::max(s.drain_left_mL - q_out * dt, 0.0);
    if (s.drain_left_mL <= 0.0) s.drain_mL_s = 0.0;  // the aspiration is over
  }
  // Pleura: air in through the leak while the lung inflates, out through a vent.
  double own[kSides], abs[kSides];
  pleural_pressures(p, in, s, own, abs);
  const double inflating = std::max(in.inspiratory_flow_mL_s, 0.0);
  double bled = 0.0;
  for (int i = 0; i < kSides; ++i) {
    // A placed catheter works until its life runs out: then it is kinked, blocked or out.
    s.needle_failed[i] = 0;
    if (s.vent[i] == static_cast<int32_t>(Vent::kNeedle) && s.needle_life_s[i] < kUnlimited) {
      s.needle_life_s[i] -= dt;
      s.needle_worked_s[i] += dt;
      if (s.needle_life_s[i] <= 0.0) {
        s.vent[i] = static_cast<int32_t>(Vent::kNone);
        s.needle_short[i] = 0;
        s.needle_life_s[i] = kUnlimited;
        s.needle_failed[i] = 1;
      }
    }
    const double pressure = abs[i] + in.pleural_swing_mmHg;  // with the breath's own swing
    double leak = 0.0;
    const bool ventilated = !(in.right_mainstem && i == 0);
    if (s.leak_mL_min[i] > 0.0 && inflating > 0.0 && ventilated) {
      const double drive = (in.alveolar_mmHg - pressure) / p.leak_reference_mmHg;
      leak = s.leak_mL_min[i] / p.resting_minute_ventilation_mL_min * inflating *
             std::clamp(drive, 0.0, 3.0);
    }
    const double vent = pleural_outflow(p, s, i, pressure, dt);
    s.air_mL[i] = std::max(s.air_mL[i] + (leak - vent) * dt, 0.0);
    s.pleural_leaked_mL[i] += leak * dt;
    s.pleural_drained_mL[i] += vent * dt;
    // Blood: in from the source, out only through an open chest (a needle passes air).
    const double bleed = pleural_bleed(p, in, s, i, abs[i]);
    double drain =
        open_chest(s, i) ? std::min(s.blood_mL[i] / p.blood_evacuation_s, s.blood_mL[i] / dt) : 0.0;
    // The drain's exponential tail: the last drop goes at once, so that the chest can fall quiet.
    if (drain > 0.0 && bleed == 0.0 && s.blood_mL[i] < kLastDrop_mL) drain = s.blood_mL[i] / dt;
    s.blood_mL[i] = std::max(s.blood_mL[i] + (bleed - drain) * dt, 0.0);
    if (s.bleed_left_mL[i] < kUnlimited) {
      s.bleed_left_mL[i] = std::max(s.bleed_left_mL[i] - bleed * dt, 0.0);
      if (s.bleed_left_mL[i] <= 0.0) s.bleed_mL_s[i] = 0.0;  // the source has given its volume
    }
    s.blood_bled_mL[i] += bleed * dt;
    s.blood_drained_mL[i] += drain * dt;
    bled += bleed;
  }
  read(p, in, s);
  s.out.pericardial_inflow_mL_s = q_in;
  s.out.pleural_bleed_mL_s = bled;
}

void start_tamponade(const ThoraxParams& p, ThoraxState& s, double rate_mL_min, double volume_mL,
                     FluidSource source, bool chronic) {
  s.source_kind = static_cast<int32_t>(source);
  if (chronic && volume_mL > 0.0) {
    // Weeks of accumulation: the volume is there now, in a pericardium stretched to hold most of
    // it; nothing more comes unless another source starts.
    s.pericardial_fluid_mL += volume_mL;
    s.pericardial_slack_mL += p.chronic_stretch_share * volume_mL;
    s.source_mL_s = 0.0;
    s.source_left_mL = 0.0;
    return;
  }
  s.source_mL_s = std::max(rate_mL_min, 0.0) / 60.0;
  s.source_left_mL = volume_mL > 0.0 ? volume_mL : kUnlimited;
}

void stop_tamponade(ThoraxState& s) {
  s.source_mL_s = 0.0;
  s.source_left_mL = 0.0;
}

void pericardiocentesis(ThoraxState& s, double volume_mL, double rate_mL_min, bool leave_drain) {
  s.drain_mL_s = std::max(rate_mL_min, 0.0) / 60.0;
  s.drain_in_place = leave_drain ? 1 : 0;
  s.drain_left_mL = leave_drain || !(volume_mL > 0.0) ? kUnlimited : volume_mL;
}

void start_pneumothorax(ThoraxState& s, Side side, double rate_mL_min) {
  for (int i = 0; i < kSides; ++i)
    if (on_side(side, i)) s.leak_mL_min[i] = std::max(rate_mL_min, 0.0);
}

void stop_pneumothorax(ThoraxState& s) {
  for (double& l : s.leak_mL_min) l = 0.0;
}

void start_haemothorax(ThoraxState& s, Side side, double rate_mL_min, double volume_mL) {
  for (int i = 0; i < kSides; ++i) {
    if (!on_side(side, i)) continue;
    s.bleed_mL_s[i] = std::max(rate_mL_min, 0.0) / 60.0;
    s.bleed_left_mL[i] = volume_mL > 0.0 ? volume_mL : kUnlimited;
  }
}

void stop_haemothorax(ThoraxState& s) {
  for (int i = 0; i < kSides; ++i) {
    s.bleed_mL_s[i] = 0.0;
    s.bleed_left_mL[i] = 0.0;
  }
}

void needle_decompression(const ThoraxParams& p, ThoraxState& s, Side side, double catheter_mm,
                          NeedleSite site, const double (&uniform)[kSides]) {
  for (int i = 0; i < kSides; ++i) {
    if (!on_side(side, i) || open_chest(s, i)) continue;  // an open chest stays open
    s.vent[i] = static_cast<int32_t>(Vent::kNeedle);
    s.needle_short[i] = catheter_mm < chest_wall_at(p, site) ? 1 : 0;
    // A catheter that never reached the pleura cannot stop working.
    const double hazard_per_s = s.needle_short[i] ? 0.0 : p.needle_failure_per_min / 60.0;
    const double u = std::clamp(uniform[i], 1e-300, 1.0);
    s.needle_life_s[i] =
        hazard_per_s > 0.0 ? std::min(-std::log(u) / hazard_per_s, kUnlimited) : kUnlimited;
    s.needle_worked_s[i] = 0.0;
  }
}

void thoracostomy(ThoraxState& s, Side side, Vent kind) {
  for (int i = 0; i < kSides; ++i)
    if (on_side(side, i) && s.vent[i] != static_cast<int32_t>(Vent::kTube)) {
      s.vent[i] = static_cast<int32_t>(kind);
      s.needle_short[i] = 0;
      s.needle_life_s[i] = kUnlimited;
    }
}

void check_state(const ThoraxState& s, StateCheck& c) {
  c.in("thorax.pericardial_fluid_mL", s.pericardial_fluid_mL, 0.0, 5000.0)
      .in("thorax.pericardial_slack_mL", s.pericardial_slack_mL, 0.0, 5000.0)
      .in("thorax.source_mL_s", s.source_mL_s, 0.0, 100.0)
      .in("thorax.source_left_mL", s.source_left_mL, 0.0, kUnlimited)
      .index("thorax.source_kind", s.source_kind, 0, 1)
      .flag("thorax.drain_in_place", s.drain_in_place)
      .in("thorax.drain_mL_s", s.drain_mL_s, 0.0, 100.0)
      .in("thorax.drain_left_mL", s.drain_left_mL, 0.0, kUnlimited);
  for (int i = 0; i < kSides; ++i) {
    c.in("thorax.air_mL", s.air_mL[i], 0.0, 20000.0, i)
        .in("thorax.leak_mL_min", s.leak_mL_min[i], 0.0, 1e5, i)
        .index("thorax.vent", s.vent[i], 0, 3, i)
        .flag("thorax.needle_short", s.needle_short[i])
        .in("thorax.pleural_drained_mL", s.pleural_drained_mL[i], 0.0, 1e9, i)
        .in("thorax.pleural_leaked_mL", s.pleural_leaked_mL[i], 0.0, 1e9, i)
        .in("thorax.blood_mL", s.blood_mL[i], 0.0, bounds::kVolume_mL, i)
        .in("thorax.bleed_mL_s", s.bleed_mL_s[i], 0.0, 100.0, i)
        .in("thorax.bleed_left_mL", s.bleed_left_mL[i], 0.0, kUnlimited, i)
        .in("thorax.blood_bled_mL", s.blood_bled_mL[i], 0.0, 1e9, i)
        .in("thorax.blood_drained_mL", s.blood_drained_mL[i], 0.0, 1e9, i)
        .in("thorax.needle_life_s", s.needle_life_s[i], 0.0, kUnlimited, i)
        .in("thorax.needle_worked_s", s.needle_worked_s[i], 0.0, kUnlimited, i)
        .flag("thorax.needle_failed", s.needle_failed[i]);
  }
  const ThoraxReadout& o = s.out;
  c.in("thorax.out.pericardial_fluid_mL", o.pericardial_fluid_mL, 0.0, 5000.0)
      .in("thorax.out.pericardial_slack_mL", o.pericardial_slack_mL, 0.0, 5000.0)
      .in("thorax.out.pericardial_inflow_mL_s", o.pericardial_inflow_mL_s, 0.0, 100.0)
      .in("thorax.out.pleural_bleed_mL_s", o.pleural_bleed_mL_s, 0.0, 200.0)
      .in("thorax.out.mediastinal_mmHg", o.mediastinal_mmHg, -50.0, 1000.0)
      .in("thorax.out.compliance_scale", o.compliance_scale, 0.05, 1.0)
      .in("thorax.out.shunt_offset", o.shunt_offset, 0.0, 1.0)
      .in("thorax.out.tracheal_deviation_mm", o.tracheal_deviation_mm, -100.0, 100.0);
  for (int i = 0; i < kSides; ++i)
    c.in("thorax.out.pleural_pressure_mmHg", o.pleural_pressure_mmHg[i], -50.0, 1000.0, i)
        .in("thorax.out.collapse", o.collapse[i], 0.0, 1.0, i)
        .in("thorax.out.breath_sounds", o.breath_sounds[i], 0.0, 1.0, i)
        .in("thorax.out.percussion", o.percussion[i], -1.0, 1.0, i);
}

}  // namespace resus::thorax
