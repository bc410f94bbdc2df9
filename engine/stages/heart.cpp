// The heart stage: the conduction system's impulses and the activations they give, the
// myocardium's energy and the rhythm changes it brings, shocks, cardioversion and pacing.
// Reads bus.autonomic (sinus period), bus.haemodynamics (coronary flow), bus.blood, bus.temperature
// and the effects; writes bus.electrical, the beat ring and events.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::heart {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kSyncTimeout_s = 3.0;  // a cardioversion waits this long for an R wave
constexpr int32_t kNoSyncOutcome = 6;   // kShockDelivered detail: no R wave, nothing delivered
constexpr int32_t kNoShockAdvised = 7;  // kShockDelivered detail: AED mode, rhythm not shockable
constexpr double kLitresPerMillilitre = 1e-3;
// Any RV wall load: pressure x volume, mmHg L (a 1000 mmHg RV of 10 L).
constexpr double kWallLoad_mmHg_L = 1e4;

// What the blood, the body's temperature and the effect channels do to the heart's electricity.
ep::Modulators modulators(const Bus& b) {
  const Effects& e = b.effects;
  ep::Modulators m;
  m.potassium_mmol_L = b.chemistry.potassium_mmol_L;
  m.calcium_mmol_L = b.chemistry.ionised_calcium_mmol_L;
  m.magnesium_mmol_L = b.chemistry.magnesium_mmol_L;
  m.temperature_C = b.temperature.core_C;
  m.membrane_stability_mmol_L = e[Effect::kMembraneStability_mmol_L];
  m.av_conduction = e[Effect::kAvConduction] * b.autonomic.av_dromotropy;
  // The nerves' slowing of the node stays in its refractory period (models/electrophysiology).
  m.av_delay_slowing = std::clamp(1.0 - e[Effect::kAvConduction], 0.0, 1.0);
  m.automaticity = e[Effect::kAutomaticity];
  m.myocardial_automaticity = b.electrical.automaticity;
  m.defibrillation_threshold = e[Effect::kDefibrillationThreshold];
  m.refibrillation_hazard = e[Effect::kRefibrillationHazard];
  m.vf_hazard = e[Effect::kVfHazard];
  m.vf_hazard_per_s = e[Effect::kVfHazard_per_s];
  m.sodium_channel_block = e[Effect::kSodiumChannelBlock];
  return m;
}

double draw_rhythm(void* draws) { return static_cast<const Draws*>(draws)->uniform(RngStream::kRhythm); }
double draw_ectopy(void* draws) { return static_cast<const Draws*>(draws)->uniform(RngStream::kEctopy); }
double draw_never(void*) { return 1.0; }  // a draw no chance is above

// While the model settles (it has no resting O2 content yet) its rhythm stays as it is: no
// premature beats, no rhythm changes, so a patient whose potassium is low (or whose heart is
// otherwise unstable) compiles to its resting state every time instead of arresting at random
// before its sim starts. Its hazards start with the sim.
bool settling(const StepContext& c) { return c.model.resting_arterial_o2_content() <= 0.0; }

void push_beat(SimState& s) {
  BeatRing& r = s.beats;
  const ep::ConductionState& c = s.heart.conduction;
  if (r.count == kBeatCapacity) {
    r.head = (r.head + 1) % kBeatCapacity;
    --r.count;
    ++r.dropped;
  }
  const int64_t at = (r.head + r.count) % kBeatCapacity;
  r.beats[static_cast<std::size_t>(at)] =
      Beat{c.last_ventricular_time, s.bus.electrical.ventricular_origin, c.rhythm, c.previous_rr_s};
  ++r.count;
}

void change_rhythm(const StepContext& c, SimState& s, ep::Rhythm r) {
  HeartState& h = s.heart;
  const int32_t before = h.conduction.rhythm;
  c.eval.conduction.set_rhythm(r, now(s), h.conduction);
  if (static_cast<int32_t>(r) != before)
    c.events.push(EventKind::kRhythmChanged, static_cast<int32_t>(r), before);
  // A heart that has fibrillated (or run a ventricular tachycardia, with a pulse or without) has
  // shown its substrate (its re-arrests, README).
  if (r == ep::Rhythm::kVfCoarse || r == ep::Rhythm::kVfFine || r == ep::Rhythm::kPulselessVt ||
      r == ep::Rhythm::kVentricularTachycardia || r == ep::Rhythm::kTorsades)
    h.fibrillated = 1;
  // Fine VF is VF in an energy-depleted heart.
  if (r == ep::Rhythm::kVfFine) h.myocardial_energy = std::min(h.myocardial_energy, 0.1);
  if (r == ep::Rhythm::kVfCoarse) h.myocardial_energy = std::max(h.myocardial_energy, 0.5);
  publish_bus(c.model.params(), s);
}

// A host that sets an exhausted heart's rhythm (fine VF, asystole, PEA) sets the energy that
// rhythm comes from; the injury (the arrest's history) is left as it is.
void set_exhausted(SimState& s, double energy) {
  s.heart.myocardial_energy = std::min(s.heart.myocardial_energy, energy);
}

void shock(const StepContext& c, SimState& s, double energy_J, int32_t waveform) {
  HeartState& h = s.heart;
  const ElectricalBus& e = s.bus.electrical;
  const double t = now(s);
  const double elapsed = t - e.ventricular_activation_time;
  const bool vulnerable =
      elapsed >= 0.5 * e.ventricular_systole_s && elapsed <= 0.95 * e.ventricular_systole_s;
  const double u1 = c.draws.uniform(RngStream::kShock), u2 = c.draws.uniform(RngStream::kShock);
  // VF is decided on the AMSA its pads recording measured (stages/vf_pads.cpp); a VT, torsades or
  // a VF not yet recorded for 2 s on what the energy state would show.
  const bool measured = e.ventricular_mode ==
                            static_cast<int32_t>(ep::VentricularMode::kFibrillation) &&
                        s.vf_pads.measured;
  const double amsa = measured ? e.amsa_mV_Hz
                               : c.eval.myocardium.vf_features(h.myocardial_energy).amsa_mV_Hz;
  const ep::ShockResult r = c.eval.myocardium.defibrillate(
      energy_J, static_cast<ep::ShockWaveform>(waveform), h.conduction, h.myocardial_energy,
      amsa, modulators(s.bus), vulnerable, u1, u2);
  c.events.push(EventKind::kShockDelivered, static_cast<int32_t>(r.outcome), energy_J);
  s.bus.electrical.last_shock_time = t;
  if (r.outcome == ep::ShockOutcome::kTerminated) h.last_termination_time = t;
  if (r.rhythm != static_cast<ep::Rhythm>(h.conduction.rhythm)) change_rhythm(c, s, r.rhythm);
}

void deliver_cardioversion(const StepContext& c, SimState& s) {
  HeartState& h = s.heart;
  const ep::ShockResult r = c.eval.myocardium.cardiovert(
      h.sync_energy_J, static_cast<ep::ShockWaveform>(h.sync_waveform), h.conduction,
      modulators(s.bus), c.draws.uniform(RngStream::kShock));
  c.events.push(EventKind::kShockDelivered, static_cast<int32_t>(r.outcome), h.sync_energy_J);
  s.bus.electrical.last_shock_time = now(s);
  h.sync_armed_time = kNaN;
  if (r.rhythm != static_cast<ep::Rhythm>(h.conduction.rhythm)) change_rhythm(c, s, r.rhythm);
}

}  // namespace

namespace {

// What the conduction system's state puts on the bus.
void publish_conduction(SimState& s) {
  const ep::ConductionState& cs = s.heart.conduction;
  ElectricalBus& e = s.bus.electrical;
  e.last_ventricular_time = cs.last_ventricular_time;
  e.rr_s = cs.previous_rr_s;
  e.pacer_spike_time = cs.last_pacer_spike_time;
  e.atrial_mode = cs.atrial;
  e.ventricular_mode = cs.ventricular;
  e.rhythm = cs.rhythm;
}

// What the myocardial energy puts on the bus.
void publish_energy(const ep::Myocardium& myocardium, SimState& s) {
  const double energy = s.heart.myocardial_energy;
  ElectricalBus& e = s.bus.electrical;
  e.contractility = myocardium.contractility(energy, s.heart.myocardial_stunning.total());
  e.myocardial_energy = energy;
  e.automaticity = myocardium.automaticity(energy);
  e.rv_contraction = s.heart.rv_contraction;
  const ep::VfFeatures vf = myocardium.vf_features(energy);
  e.vf_amplitude_mV = vf.amplitude_mV;
  e.vf_frequency_Hz = vf.frequency_Hz;
}

}  // namespace

void publish_bus(const PatientParams& p, SimState& s) {
  publish_conduction(s);
  publish_energy(ep::Myocardium(p.myocardium), s);
}

void timing(const StepContext& c, SimState& s) {
  HeartState& h = s.heart;
  ElectricalBus& e = s.bus.electrical;
  ep::ConductionState& cs = h.conduction;
  const double t = c.t;
  const double eps = 0.5 * kStep_s;
  const bool was_captured = cs.pacing_captured;
  const int32_t rhythm_before = cs.rhythm;
  const double ventricular_before = cs.last_ventricular_time;
  Draws draws = c.draws;
  const ep::UniformSource ectopy{settling(c) ? &draw_never : &draw_ectopy, &draws};
  const ep::Activations a = c.eval.conduction.update(t, kStep_s, s.bus.autonomic.sinus_period_s,
                                                     modulators(s.bus),
                                                     ep::UniformSource{&draw_rhythm, &draws},
                                                     ectopy, cs);
  if (cs.rhythm != rhythm_before)  // the conduction itself changed it (adenosine)
    c.events.push(EventKind::kRhythmChanged, cs.rhythm, rhythm_before);
  if (a.atrial) {
    e.previous_atrial_time = e.atrial_activation_time;
    e.atrial_activation_time = a.atrial_time;
  }
  if (cs.last_ventricular_time != ventricular_before) {  // an electrical R wave
    e.previous_ventricular_time = ventricular_before;
    e.previous_ventricular_origin = e.ventricular_origin;
    // The origin is taken when the beat happens: the AV node may schedule (and the ventricles
    // refuse) a conducted impulse later, which must not reshape a beat already drawn.
    e.ventricular_origin =
        a.ventricular ? a.origin : static_cast<int32_t>(ep::BeatOrigin::kEctopic);  // torsades
    push_beat(s);
  }
  e.beat = a.ventricular;
  if (a.ventricular) {
    e.ventricular_activation_time = t;
    e.ventricular_systole_s =
        cv::ventricular_systole(c.model.params().circulation, cs.previous_rr_s);
    e.beat_contraction =
        c.eval.conduction.contraction_efficiency(cs, static_cast<ep::BeatOrigin>(a.origin));
    if (!std::isnan(h.sync_armed_time)) deliver_cardioversion(c, s);
  }
  if (a.pacer_spike && static_cast<bool>(cs.pacing_captured) != was_captured)
    c.events.push(EventKind::kPacingCapture, cs.pacing_captured, cs.pacer_current_mA);
  // A synchroniser finds no R wave to fire on (VF, asystole) and gives up after 3 s.
  if (!std::isnan(h.sync_armed_time) && t - h.sync_armed_time >= kSyncTimeout_s - eps) {
    c.events.push(EventKind::kShockDelivered, kNoSyncOutcome, 0.0);
    h.sync_armed_time = kNaN;
  }
  publish_conduction(s);  // a cardioversion changing the rhythm has published the rest
}

void myocardium(const StepContext& c, SimState& s) {
  HeartState& h = s.heart;
  const ep::MyocardiumParams& p = c.model.params().myocardium;
  const bool fibrillating = ep::Conduction::fibrillating(h.conduction);
  // The muscle's supply is the O2 its blood brings: coronary flow and arterial O2 content, each
  // against rest, the bed's reserve making up a falling content while it is perfused, so deep
  // hypoxaemia starves it as low flow does (an asphyxial arrest, compressions without breaths).
  // While the model settles there is no rest yet.
  // Only the saturation above the extraction floor feeds it: the floor's share of the content is
  // never taken up, at rest or in a hypoxaemia.
  const double rest_content = c.model.resting_arterial_o2_content();
  const double rest_sat = c.model.resting_arterial_sat();
  const double floor = std::clamp(p.o2_extraction_floor_sat, 0.0, 0.5);
  const double rest_usable = rest_sat > floor ? rest_content * (1.0 - floor / rest_sat) : 0.0;
  const double content_ratio =
      rest_usable > 0.0 ? s.bus.blood.hemoglobin_g_dL *
                              std::max(s.bus.blood.arterial_sat - floor, 0.0) / rest_usable
                        : 1.0;
  const double instant = c.eval.myocardium.o2_delivery_ratio(
      s.bus.haemodynamics.h.q_coronary / c.model.resting_coronary_flow(), content_ratio);
  h.coronary_perfusion_ratio += (instant - h.coronary_perfusion_ratio) * (kStep_s / p.perfusion_tau_s);
  // Reperfusion after ischaemia (a ROSC, from whatever rhythm, or a reopened supply) restarts
  // the injury's refibrillation clock; the hysteresis keeps CPR's swings from restarting it.
  if (h.coronary_perfusion_ratio < p.reperfusion_low_ratio) {
    h.coronary_ischaemic = 1;
  } else if (h.coronary_ischaemic && h.coronary_perfusion_ratio > p.reperfusion_high_ratio) {
    h.coronary_ischaemic = 0;
    h.last_reperfusion_time = now(s);
  }
  // Beats weaken at once when the content falls below what the coronary reserve can make up
  // (isolated hearts fail below a PO2 of ~15 mmHg, ~25% saturation), not only as the energy
  // runs down (the circulation stage applies the limit to the heart's inotropic state).
  s.bus.electrical.o2_inotropy_limit = c.eval.myocardium.o2_inotropy_limit(content_ratio);
  // The RV's pressure load (Vlahakes 1981). Its O2 demand follows the wall stress it develops:
  // the transmural pressure times the volume it is spread over (Laplace for a thin wall of fixed
  // mass: stress ~ P r / h ~ P V), weighted by the ventricles' activation (the tension-time
  // index), so a dilated RV needs more at the same pressure and an arrested one, however
  // distended, develops none. Its supply is the aortic-to-RV pressure that perfuses it times the
  // O2 the blood carries (a PE's hypoxaemia starves it too). An imbalance beyond the coronary
  // reserve weakens it.
  const cv::Hemodynamics& hd = s.bus.haemodynamics.h;
  const double blend = kStep_s / p.rv_load_tau_s;
  const double rv_volume_L = std::max(s.circulation.x[cv::kRV], 0.0) * kLitresPerMillilitre;
  const double wall_load = hd.ventricular_activation *
                           std::max(hd.pressure[cv::kRV] - hd.pericardial_pressure, 0.0) *
                           rv_volume_L;
  h.rv_wall_load_mmHg_L += (wall_load - h.rv_wall_load_mmHg_L) * blend;
  const double perfusing = std::max(hd.pressure[cv::kAorta] - hd.pressure[cv::kRV], 0.0);
  h.rv_supply_mmHg += (perfusing * content_ratio - h.rv_supply_mmHg) * blend;
  const double rv_target = c.eval.myocardium.rv_overload_contraction(
      h.rv_wall_load_mmHg_L / h.rv_wall_load_rest_mmHg_L,
      h.rv_supply_mmHg / h.rv_supply_rest_mmHg);
  h.rv_contraction += (rv_target - h.rv_contraction) * (kStep_s / p.rv_ischaemia_tau_s);
  // The energy, the injury its deficit leaves and the stunning that follows (explicit Euler: each
  // moves over tens of seconds to hours).
  const ep::Myocardium& m = c.eval.myocardium;
  // Its O2 use follows its temperature by the body's Q10 (models/blood), as every tissue's: a
  // cold heart short of O2 runs down and is injured more slowly, and the same flow meets more of
  // its demand (the cold heart of a hypothermic arrest outlasts a warm one). A warm heart's
  // extra demand is not taken from its share: its bed dilates to meet it (metabolic coronary
  // regulation), which the model's autoregulation, holding the resting flow, does not do.
  const double q10_scale = s.bus.temperature.q10_scale;
  const double share =
      m.supply_share(h.coronary_perfusion_ratio, fibrillating, std::min(q10_scale, 1.0));
  const double beta1_excess = s.bus.effects[Effect::kLvContractility] - 1.0;
  const double energy = h.myocardial_energy, injury = h.myocardial_injury;
  h.myocardial_energy =
      std::clamp(energy + kStep_s * m.energy_rate(energy, share, injury, q10_scale), 0.0, 1.0);
  h.myocardial_injury =
      std::max(injury + kStep_s * m.injury_rate(injury, share, beta1_excess, q10_scale), 0.0);
  const ep::Stunning stunning = m.stunning_rate(h.myocardial_stunning, injury, share);
  h.myocardial_stunning.reperfusion += kStep_s * stunning.reperfusion;
  h.myocardial_stunning.late += kStep_s * stunning.late;
  // An organised rhythm of the sinus family pumps as its energy lets it: below the entry
  // energy it is PEA, above the exit energy sinus again.
  const auto rhythm = static_cast<ep::Rhythm>(h.conduction.rhythm);
  if (rhythm == ep::Rhythm::kSinus || rhythm == ep::Rhythm::kPea) {
    const ep::Rhythm next = m.organised_rhythm(h.myocardial_energy, rhythm);
    if (next != rhythm) change_rhythm(c, s, next);
  }
  // Drawn only when a hazard is present, so that quiet rhythms use no random draws.
  const ep::RefibrillationClock clock{now(s) - h.last_termination_time,
                                      now(s) - h.last_reperfusion_time, h.fibrillated != 0};
  const ep::RhythmHazards hz = m.hazards(h.conduction, h.myocardial_energy, h.myocardial_injury,
                                         clock, modulators(s.bus));
  // One draw decides whether the rhythm changes and, by the hazards' shares, to what. The
  // cumulative bounds are summed in one order, so that a hazard of 0 adds an empty interval.
  const double af_end = hz.to_vf + hz.to_asystole + hz.to_organised + hz.to_torsades + hz.to_af;
  const double hazard = af_end + hz.to_vt;
  if (hazard > 0.0 && !settling(c)) {
    const double u = c.draws.uniform(RngStream::kRhythm) / kStep_s;
    if (u < hz.to_vf)
      change_rhythm(c, s, ep::Rhythm::kVfCoarse);
    else if (u < hz.to_vf + hz.to_asystole)
      change_rhythm(c, s, ep::Rhythm::kAsystole);
    else if (u < hz.to_vf + hz.to_asystole + hz.to_organised)
      change_rhythm(c, s, m.organised_rhythm(h.myocardial_energy, ep::Rhythm::kSinus));
    else if (u < hz.to_vf + hz.to_asystole + hz.to_organised + hz.to_torsades)
      change_rhythm(c, s, ep::Rhythm::kTorsades);
    else if (u < af_end) {
      change_rhythm(c, s, ep::Rhythm::kAtrialFibrillation);
      // The only hazard to AF is the cold's.
      h.conduction.acquired_by = static_cast<int32_t>(ep::AcquiredBy::kCold);
    } else if (u < hazard) {
      change_rhythm(c, s, ep::Rhythm::kVentricularTachycardia);
      // The only hazard to VT is a sodium-channel blocker's.
      h.conduction.acquired_by = static_cast<int32_t>(ep::AcquiredBy::kSodiumBlock);
    }
  }
  publish_energy(c.eval.myocardium, s);
}

void set_rest(SimState& s) {
  HeartState& h = s.heart;
  h.rv_wall_load_rest_mmHg_L = std::max(h.rv_wall_load_mmHg_L, 0.001);
  h.rv_supply_rest_mmHg = std::max(h.rv_supply_mmHg, 0.1);
  h.rv_contraction = 1.0;
  s.bus.electrical.rv_contraction = 1.0;
  // The patient starts with no arrest behind it, whatever settling's swings did: no ischaemia
  // marked, no reperfusion or termination on the refibrillation clock, never fibrillated.
  h.coronary_ischaemic = 0;
  h.last_reperfusion_time = -1e9;
  h.last_termination_time = -1e9;
  h.fibrillated = 0;
}

bool shockable(const SimState& s) {
  const ep::ConductionState& cs = s.heart.conduction;
  const auto r = static_cast<ep::Rhythm>(cs.rhythm);
  return ep::Conduction::fibrillating(cs) || r == ep::Rhythm::kPulselessVt ||
         r == ep::Rhythm::kVentricularTachycardia;
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr int kRhythm = field_index(ActionKind::kRhythm, "rhythm");
  constexpr int kShockEnergy = field_index(ActionKind::kShock, "energy_J");
  constexpr int kShockWaveform = field_index(ActionKind::kShock, "waveform");
  constexpr int kOnlyIfShockable = field_index(ActionKind::kShock, "only_if_shockable");
  constexpr int kSyncEnergy = field_index(ActionKind::kCardioversion, "energy_J");
  constexpr int kSyncWaveform = field_index(ActionKind::kCardioversion, "waveform");
  constexpr int kPacingRate = field_index(ActionKind::kPacingStart, "rate_per_min");
  constexpr int kPacingCurrent = field_index(ActionKind::kPacingStart, "current_mA");
  HeartState& h = s.heart;
  ep::ConductionState& cs = h.conduction;
  const double t = now(s);
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kRhythm: {
      c.events.push(EventKind::kActionApplied, kind, a[kRhythm]);
      const auto r = static_cast<ep::Rhythm>(a[kRhythm]);
      // As fine VF: the energy of a heart that has run down (well inside PEA's band, so that the
      // few seconds of flow the muscle still remembers cannot lift it out).
      if (r == ep::Rhythm::kAsystole || r == ep::Rhythm::kPea) set_exhausted(s, 0.1);
      change_rhythm(c, s, r);
      break;
    }
    case ActionKind::kShock:
      c.events.push(EventKind::kActionApplied, kind, a[kShockEnergy]);
      if (a[kOnlyIfShockable] != 0.0 && !shockable(s)) {
        c.events.push(EventKind::kShockDelivered, kNoShockAdvised, 0.0);  // AED: no shock advised
        break;
      }
      shock(c, s, a[kShockEnergy], static_cast<int32_t>(a[kShockWaveform]));
      break;
    case ActionKind::kCardioversion:
      c.events.push(EventKind::kActionApplied, kind, a[kSyncEnergy]);
      h.sync_armed_time = t;
      h.sync_energy_J = a[kSyncEnergy];
      h.sync_waveform = static_cast<int32_t>(a[kSyncWaveform]);
      break;
    case ActionKind::kPacingStart:
      c.events.push(EventKind::kActionApplied, kind, a[kPacingCurrent]);
      if (!cs.pacing) cs.next_pacer_time = t;
      cs.pacing = 1;
      cs.pacer_rate_bpm = a[kPacingRate];
      cs.pacer_current_mA = a[kPacingCurrent];
      break;
    case ActionKind::kPacingStop:
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      if (cs.pacing && cs.pacing_captured)
        c.events.push(EventKind::kPacingCapture, 0, cs.pacer_current_mA);
      cs.pacing = 0;
      cs.pacing_captured = 0;
      break;
    default:
      return;
  }
  publish_bus(c.model.params(), s);
}

void publish(const Model& m, const Evaluators& e, const SimState& s, double* sig) {
  const HeartState& h = s.heart;
  const ep::ConductionState& cs = h.conduction;
  sig[kRhythmId] = cs.rhythm;
  const bool beating = ep::Conduction::organised(cs) && now(s) - cs.last_ventricular_time < 3.0;
  sig[kVentricularRate] = beating ? 60.0 / cs.previous_rr_s : 0.0;
  sig[kMyocardialEnergy] = h.myocardial_energy;
  sig[kMyocardialInjury] = h.myocardial_injury;
  sig[kTransthoracicImpedance] = m.params().myocardium.transthoracic_impedance_ohm;
  sig[kMyocardialStunning] = h.myocardial_stunning.total();
  const bool vf =
      static_cast<ep::VentricularMode>(cs.ventricular) == ep::VentricularMode::kFibrillation;
  const ep::VfFeatures f = e.myocardium.vf_features(h.myocardial_energy);
  sig[kVfAmplitude] = vf ? f.amplitude_mV : 0.0;
  sig[kVfFrequency] = vf ? f.frequency_Hz : 0.0;
  sig[kAmsa] = vf ? s.bus.electrical.amsa_mV_Hz : 0.0;  // measured on the pads (vf_pads.cpp)
  sig[kPacingCaptured] = cs.pacing && cs.pacing_captured;
  sig[kPrematureBeats] = cs.premature_beats;
  sig[kPacingThreshold] = e.conduction.pacing_threshold(modulators(s.bus));
  (void)m;
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const HeartState& h = s.heart;
  const ElectricalBus& e = s.bus.electrical;
  ep::check_state(h.conduction, c);
  c.in("heart.myocardial_energy", h.myocardial_energy, 0.0, 1.0)
      .in("heart.myocardial_injury", h.myocardial_injury, 0.0, 1.0)
      .in("heart.myocardial_stunning.reperfusion", h.myocardial_stunning.reperfusion, 0.0, 1.0)
      .in("heart.myocardial_stunning.late", h.myocardial_stunning.late, 0.0, 1.0)
      .in("heart.coronary_perfusion_ratio", h.coronary_perfusion_ratio, 0.0, kAny)
      .in("electrical.o2_inotropy_limit", e.o2_inotropy_limit, 0.0, kAny)
      .in("heart.rv_wall_load_mmHg_L", h.rv_wall_load_mmHg_L, 0.0, kWallLoad_mmHg_L)
      .in("heart.rv_supply_mmHg", h.rv_supply_mmHg, 0.0, kPressure_mmHg)
      .in("heart.rv_wall_load_rest_mmHg_L", h.rv_wall_load_rest_mmHg_L, 0.001, kWallLoad_mmHg_L)
      .in("heart.rv_supply_rest_mmHg", h.rv_supply_rest_mmHg, 0.1, kPressure_mmHg)
      .in("heart.rv_contraction", h.rv_contraction, 0.0, 1.0)
      .in("electrical.rv_contraction", e.rv_contraction, 0.0, 1.0)
      .in("heart.last_termination_time", h.last_termination_time, -kTime_s, kTime_s)
      .in("heart.last_reperfusion_time", h.last_reperfusion_time, -kTime_s, kTime_s)
      .index("heart.coronary_ischaemic", h.coronary_ischaemic, 0, 1)
      .index("heart.fibrillated", h.fibrillated, 0, 1)
      .in_or_nan("heart.sync_armed_time", h.sync_armed_time, -kTime_s, kTime_s)
      .in("heart.sync_energy_J", h.sync_energy_J, 0.0, kMaxShock_J)
      .index("heart.sync_waveform", h.sync_waveform, 0, 1)
      .in("electrical.atrial_activation_time", e.atrial_activation_time, -kTime_s, kTime_s)
      .in("electrical.ventricular_activation_time", e.ventricular_activation_time, -kTime_s, kTime_s)
      .in("electrical.previous_atrial_time", e.previous_atrial_time, -kTime_s, kTime_s)
      .in("electrical.previous_ventricular_time", e.previous_ventricular_time, -kTime_s, kTime_s)
      .in("electrical.ventricular_systole_s", e.ventricular_systole_s, 0.01, 5.0)
      .in("electrical.beat_contraction", e.beat_contraction, 0.0, 1.0)
      .in("electrical.contractility", e.contractility, 0.0, 1.0)
      .in("electrical.myocardial_energy", e.myocardial_energy, 0.0, 1.0)
      // The sinus period is divided by it: at least the smallest exhausted_rate_fraction.
      .in("electrical.automaticity", e.automaticity, 0.1, 1.0)
      .in("electrical.last_shock_time", e.last_shock_time, -kTime_s, kTime_s)
      .index("electrical.ventricular_origin", e.ventricular_origin, 0,
             static_cast<int>(ep::BeatOrigin::kPaced))
      .index("electrical.previous_ventricular_origin", e.previous_ventricular_origin, 0,
             static_cast<int>(ep::BeatOrigin::kPaced))
      .flag("electrical.beat", e.beat);
  const BeatRing& r = s.beats;
  c.index("beats.head", r.head, 0, kBeatCapacity - 1)
      .index("beats.count", r.count, 0, kBeatCapacity)
      .index("beats.dropped", r.dropped, 0, INT64_MAX);
  for (int i = 0; i < kBeatCapacity; ++i) {
    const Beat& b = r.beats[static_cast<std::size_t>(i)];
    c.in("beats.time_s", b.time_s, -kTime_s, kTime_s, i)
        .index("beats.origin", b.origin, 0, static_cast<int>(ep::BeatOrigin::kPaced), i)
        .index("beats.rhythm", b.rhythm, 0, static_cast<int>(ep::Rhythm::kNumRhythms) - 1, i)
        .in("beats.rr_s", b.rr_s, 0.0, kTime_s, i);
  }
}

void rebase(SimState& s, double dt) {
  ep::ConductionState& c = s.heart.conduction;
  ElectricalBus& e = s.bus.electrical;
  for (double* t : {&e.atrial_activation_time, &e.ventricular_activation_time,
                    &c.next_atrial_time, &c.last_atrial_time, &c.av_exit_time,
                    &c.pending_ventricular_time, &c.last_ventricular_time, &c.next_focus_time,
                    &c.next_premature_time, &c.next_pacer_time, &c.last_pacer_spike_time, &e.previous_atrial_time,
                    &e.previous_ventricular_time}) {
    *t -= dt;  // NaN (nothing pending) stays NaN
  }
  e.last_ventricular_time = c.last_ventricular_time;
  e.pacer_spike_time = c.last_pacer_spike_time;
  s.beats = BeatRing{};  // a new sim has drained nothing and dropped nothing
  // Nor counted a premature beat (a hypokalaemic patient's settling has), nor has one pending.
  c.premature_beats = 0;
  c.next_premature_time = std::numeric_limits<double>::quiet_NaN();
  s.signals[kPrematureBeats] = 0.0;
}

}  // namespace resus::stages::heart
