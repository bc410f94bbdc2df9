// Event-driven cardiac conduction: impulse sources (sinus node, atrial fibrillation and flutter,
// a re-entrant SVT circuit, ventricular foci, a latent escape pacemaker, an external pacer), an
// AV node with decremental conduction and refractoriness, infranodal block, and refractory
// ventricles. Its ventricular activations drive the chambers; VF, asystole and PEA are
// electrical states whose mechanical consequences the circulation computes.
// Pure functions of (parameters, inputs, state, random draws); no I/O, no allocation.
#pragma once

#include "models/common/state_check.hpp"
#include <cstddef>
#include <cstdint>

namespace resus::ep {

// Named rhythms: the vocabulary of the rhythm action. Values are part of the C API (append-only).
enum class Rhythm : int32_t {
  kSinus = 0,
  kSinusBradycardia = 1,
  kSinusTachycardia = 2,
  kAtrialFibrillation = 3,
  kAtrialFlutter = 4,
  kSvt = 5,
  kAvBlock1 = 6,
  kMobitz1 = 7,
  kMobitz2 = 8,
  kAvBlock3 = 9,
  kVentricularTachycardia = 10,  // monomorphic, ~170/min; a pulse usually persists
  kPulselessVt = 11,             // monomorphic, ~230/min
  kTorsades = 12,                // polymorphic VT
  kVfCoarse = 13,
  kVfFine = 14,
  kAsystole = 15,
  kPea = 16,
  kNumRhythms = 17
};

// The rhythms' names, by value (the rhythm action's vocabulary).
inline constexpr const char* kRhythmNames[] = {
    "sinus",  "sinus_bradycardia", "sinus_tachycardia", "atrial_fibrillation",
    "atrial_flutter", "svt", "av_block_1", "mobitz_1", "mobitz_2", "av_block_3", "vt",
    "pulseless_vt", "torsades", "vf_coarse", "vf_fine", "asystole", "pea"};
static_assert(sizeof(kRhythmNames) / sizeof(kRhythmNames[0]) ==
              static_cast<std::size_t>(Rhythm::kNumRhythms));

const char* rhythm_name(Rhythm r);
// Rhythm by its exact name ("vf_coarse", "atrial_fibrillation", ...); false if unknown.
bool rhythm_from_name(const char* name, Rhythm* out);

enum class AtrialMode : int32_t { kSinus, kFibrillation, kFlutter, kReentry, kSilent };
enum class AvMode : int32_t { kNormal, kFirstDegree, kWenckebach, kInfranodal, kComplete };
enum class VentricularMode : int32_t { kConducted, kFocus, kTorsades, kFibrillation, kStandstill };

// Where a ventricular activation came from: it sets how well the beat contracts and, later, the
// QRS shape.
enum class BeatOrigin : int32_t { kConducted = 0, kEctopic = 1, kEscape = 2, kPaced = 3 };

// What brought the rhythm the heart is in, when a cause that may wear off did: the rhythm ends
// when its cause does (the heart stage marks it; a host's rhythm and the heart's own are kNone).
enum class AcquiredBy : int32_t {
  kNone = 0,
  kCold = 1,         // the AF a cold sinus node gave way to: it reverts on rewarming
  kSodiumBlock = 2,  // the VT a sodium-channel blocker's slowed conduction brought
};

struct AvNodeParams {
  double base_delay_s;     // PR at full recovery
  double extra_delay_s;    // added when an impulse arrives just after the refractory period
  double recovery_tau_s;   // decay of that extra delay with recovery time
  double refractory_s;     // recovery time (from the node's last exit) below which it blocks
};

struct ConductionParams {
  AvNodeParams av_normal, av_first_degree, av_wenckebach;
  double infranodal_ratio;             // Mobitz II: every Nth conducted impulse is blocked
  double af_mean_interval_s;           // atrial fibrillation impulse interval, mean
  double af_interval_sd_s;             // and standard deviation
  double flutter_interval_s;           // atrial flutter cycle (300/min)
  double svt_interval_s;               // AVNRT cycle (180/min)
  double bradycardia_bpm, tachycardia_bpm, pea_rate_bpm;
  double vt_bpm, pulseless_vt_bpm, torsades_bpm;
  double escape_bpm;                   // latent ventricular escape pacemaker
  double ventricular_refractory_base_s, ventricular_refractory_slope;  // ERP = a + b*RR
  // Contraction efficiency of a beat by origin: dyssynchronous activation pumps less.
  double efficiency_ectopic, efficiency_torsades, efficiency_paced;
  // Ectopic beats lose their remaining efficiency above this rate (logistic, width in /min).
  double vt_pulseless_rate_50_bpm, vt_rate_width_bpm;
  double pacer_threshold_mA;           // transcutaneous capture threshold at neutral hooks
  // A beat born in the ventricles reaches the AV node retrogradely this long after it starts and
  // leaves the node refractory from there (a PVC's compensatory pause, VT's rare capture beats).
  double retrograde_conduction_s;
  // Premature ventricular beats (isolated ectopy) in an organised rhythm, per second: hypokalaemia
  // below the threshold, rate x (threshold - K)^2; ischaemia, so many per unit of its VF hazard;
  // both times the automaticity channel (catecholamines raise it, lidocaine lowers it).
  double ectopy_potassium_threshold_mmol_L;
  double ectopy_potassium_per_s;       // per (mmol/L)^2
  double ectopy_per_ischaemic_vf;      // premature beats per unit of ischaemic VF hazard
  double ectopic_coupling_s;           // a premature beat follows its predecessor's ERP by this
};

// What the rest of the body does to the heart's electricity: ions and temperature from the blood
// and the body, and the effect channels that drugs and causes write (engine/bus.hpp). Neutral
// defaults leave the conduction and the myocardium as their parameters say.
struct Modulators {
  double potassium_mmol_L = 4.0;         // > 7.5 raises the pacing threshold, > 8 brings VF hazard
  double calcium_mmol_L = 1.2;           // ionised calcium stabilises the membrane
  double magnesium_mmol_L = 0.85;        // suppresses torsades (early afterdepolarisations)
  double temperature_C = 37.0;           // < 30 raises the defibrillation threshold, < 28 VF hazard
  double membrane_stability_mmol_L = 0;  // raises the potassium thresholds of arrest
  double av_conduction = 1.0;            // AV-node conduction: below 1 slows, near 0 blocks
  double av_delay_slowing = 0.0;         // the drugs' and cold's share of it that lengthens PR
  double automaticity = 1.0;             // scales the escape pacemaker's and PEA's rates
  double myocardial_automaticity = 1.0;  // an exhausted heart's own rhythm slows (PEA)
  double defibrillation_threshold = 1.0; // scales the E50 of shocks
  double refibrillation_hazard = 1.0;    // scales the hazard of VF returning after a shock
  double vf_hazard = 1.0;                // scales the hazard of VF from an organised rhythm
  double vf_hazard_per_s = 0.0;          // and adds to it (ischaemia), 1/s
  double sodium_channel_block = 0.0;     // share of the fast sodium current blocked: re-entry
};

struct ConductionState {
  int32_t rhythm;       // Rhythm last set (named)
  int32_t atrial;       // AtrialMode
  int32_t av;           // AvMode
  int32_t ventricular;  // VentricularMode
  int32_t pea;          // 1: PEA, the slow rhythm of an exhausted heart (pea_rate_bpm)
  int32_t escape_enabled;
  int32_t infranodal_count;
  int32_t pending_origin;
  int32_t acquired_by;      // AcquiredBy: the cause that brought the rhythm, if it may wear off
  int32_t premature_beats;  // premature ventricular beats so far (saturates)
  double sinus_rate_override_bpm;  // 0: the reflex sets the sinus rate
  double next_atrial_time;
  double last_atrial_time;
  double av_exit_time;             // when the AV node finished its last conduction
  double pending_ventricular_time; // NaN: none
  double last_ventricular_time;
  double previous_rr_s;
  double next_focus_time;          // VT / torsades / escape focus
  double next_premature_time;      // NaN: no premature ventricular beat pending
  // pacer
  int32_t pacing;
  int32_t pacing_captured;         // 1 if the last spike captured
  double pacer_rate_bpm;
  double pacer_current_mA;
  double next_pacer_time;
  double last_pacer_spike_time;
};

// What happened at one step boundary.
struct Activations {
  int32_t atrial;                  // 1: atria activated (mechanically coordinated)
  int32_t ventricular;             // 1: ventricles activated
  int32_t origin;                  // BeatOrigin of the ventricular activation
  int32_t pacer_spike;             // 1: the pacer fired
  double atrial_time;
  double ventricular_time;
};

// A source of uniform (0,1) numbers for the rhythm stream; the engine passes its counter-based
// generator.
struct UniformSource {
  double (*draw)(void* context);
  void* context;
};

class Conduction {
 public:
  explicit Conduction(const ConductionParams& p) : p_(&p) {}

  ConductionState initial_state() const;

  // Switches to a named rhythm at time t (keeps pacing).
  void set_rhythm(Rhythm r, double t, ConductionState& s) const;

  // Processes every impulse due at or before t. `sinus_period_s` comes from the reflex;
  // `quantum_s` is the engine's step: regular intervals are whole multiples of it, so a rhythm
  // at a fixed rate is exactly periodic. `rng` draws atrial fibrillation's intervals, `ectopy`
  // the premature beats (separate streams: ectopy shifts no other draw).
  Activations update(double t, double quantum_s, double sinus_period_s, const Modulators& mod,
                     UniformSource rng, UniformSource ectopy, ConductionState& s) const;

  // Premature ventricular beats per second that the modulators bring to an organised rhythm.
  double ectopy_rate(const Modulators& mod) const;

  // Effective pacing capture threshold, mA.
  double pacing_threshold(const Modulators& mod) const;

  // Contraction multiplier of a beat of the given origin in the current state (origin, rate).
  double contraction_efficiency(const ConductionState& s, BeatOrigin origin) const;

  // True when the ventricles are electrically disorganised (VF, torsades) or silent.
  static bool fibrillating(const ConductionState& s);
  static bool organised(const ConductionState& s);

  // Ventricular refractory period after a beat with the given preceding RR interval.
  double ventricular_refractory(double rr_s) const;

 private:
  void ventricular_activation(double t, BeatOrigin origin, ConductionState& s,
                              Activations& out) const;
  const ConductionParams* p_;
};

// How much a plasma magnesium frees (above 1) or suppresses (below 1) the afterdepolarisations
// behind hypokalaemia's ectopy and torsades: exp(-(Mg - 0.85)/0.2), 0.08 at +0.5 mmol/L
// (Tzivoni 1988), held within exp(-5)..exp(3).
inline constexpr double kRestingMagnesium_mmol_L = 0.85, kMagnesiumScale_mmol_L = 0.2;
double magnesium_afterdepolarisation_factor(double magnesium_mmol_L);

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const ConductionState& s, StateCheck& c);

}  // namespace resus::ep
