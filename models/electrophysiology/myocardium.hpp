// Myocardial energy/ischaemia state and what depends on it: VF amplitude, dominant frequency and
// AMSA, the outcome of a defibrillation or cardioversion shock, and post-shock rhythms.
// physiology.md A.8. Pure functions; randomness comes in as uniform draws.
#pragma once

#include "models/common/param_spec.hpp"
#include <cstdint>

#include "models/electrophysiology/conduction.hpp"

namespace resus::ep {

struct MyocardiumParams {
  double ischaemia_rate_per_s;   // k_isch: energy lost per second with no perfusion
  double recovery_rate_per_s;    // k_rec: recovery per second at full perfusion
  double critical_share;         // s0: a supply share below this restores nothing
  double vf_demand;              // oxygen demand of fibrillating muscle relative to rest
  double sufficient_perfusion;   // share of resting coronary flow that fully meets resting
                                 // demand (oxygen extraction reserve)
  double perfusion_tau_s;        // the muscle sees coronary flow averaged over this time
  // A perfused coronary bed dilates to hold its O2 delivery when the blood carries less O2
  // (hypoxaemia, anaemia), up to this reserve over its flow; a bed already dilated by low
  // pressure (CPR) has none of it left.
  double coronary_reserve;
  // Coronary autoregulation: from rest down to `autoregulation_lower` of the resting flow (at
  // the bed's resting tone, ~ the perfusion pressure against rest) the bed dilates to hold its
  // flow at rest; below it the held flow gives way, down to the pressure-passive flow at
  // `autoregulation_floor` and below (the CPR range, where the engine's flows were calibrated).
  // It acts whatever the rhythm; in VF and CPR the flow is below the floor. A floor at or above
  // the lower limit turns it off.
  double autoregulation_lower, autoregulation_floor;
  double vf_amplitude_max_mV;    // VF amplitude at full energy
  double vf_amplitude_min_mV;    // and with no energy left
  double vf_frequency_max_Hz;    // dominant frequency at full energy
  double vf_frequency_min_Hz;
  double amsa_per_mV_Hz;         // expected AMSA ~ k * amplitude * frequency (the measured one: engine/stages/vf_pads.cpp)
  double asystole_energy;        // below this, VF decays to asystole
  double asystole_hazard_per_s;
  // Excitation-contraction coupling: contraction = (1 + h^n) M^n / (M^n + h^n), so a heart
  // keeps its pump until its energy is well down and then loses it steeply (pseudo-PEA).
  double coupling_half_energy;   // h: energy at which a beat keeps about half its contraction
  double coupling_hill;          // n
  // An organised rhythm in a heart below pea_enter_energy is PEA; above pea_exit_energy it is
  // the sinus rhythm again (hysteresis). Below pea_exit_energy the rhythm slows toward
  // exhausted_rate_fraction of its rate at zero energy.
  double pea_enter_energy, pea_exit_energy, exhausted_rate_fraction;
  // A heart left in asystole by a shock restarts with this hazard scaled by how far its energy is
  // above restart_energy (stunned conduction recovering), fading with time since the shock.
  double restart_hazard_per_s, restart_energy, restart_tau_s;
  // Asystole that is not a shock's gives way to an escape rhythm at this share of that hazard,
  // unfaded, once the energy is back, in proportion to the pacemakers' catecholamine drive
  // (automaticity above rest, over escape_automaticity_excess), in a heart whose injury is below
  // escape_final_injury (latent pacemakers fail in an injured heart: after a long arrest asystole
  // is final) and whose potassium (less the membrane's stability) is below
  // escape_potassium_mmol_L.
  double escape_share, escape_potassium_mmol_L, escape_automaticity_excess, escape_final_injury;
  // Ischaemic injury D (the injured share of the muscle, 0..1): accrues with the O2 debt (and
  // with beta-1 drive on a starved heart), caps the energy at 1 - D^2, heals with
  // perfusion; the post-arrest stunning S divides the contraction by (1 + gain S). D also makes a
  // shocked heart refibrillate. S has two parts: the reperfusion's, which follows the injury's
  // reperfusion share within minutes of the supply's return (at the rate the energy is restored:
  // the supply's excess over the critical share: a flow below it leaves the muscle ischaemic, not
  // stunned), and the late part, which follows the rest of the injury over hours.
  double injury_rate_per_s, injury_beta1_gain, injury_heal_tau_s;
  double stunning_tau_s, stunning_gain;
  double stunning_reperfusion_share, stunning_reperfusion_tau_s;
  double refib_injury_ref;        // the refibrillation hazard scales with D / this
  // Shocks: termination P = 1/(1 + (E50/E)^k).
  double biphasic_e50_J, monophasic_e50_J, shock_steepness;
  // The patient's transthoracic impedance sets the current a shock of a given energy drives
  // (I ~ sqrt(E/R)). A monophasic shock's effect follows its current, so it acts as the energy
  // E x R_ref / R; the impedance-compensating biphasic waveforms do not depend on it (White
  // 2005). The E50s hold at the reference impedance.
  double transthoracic_impedance_ohm, reference_impedance_ohm;
  double rosc_beta0, rosc_beta1;  // P(organised rhythm | terminated) = logistic(b0 + b1*AMSA)
  double refib_hazard_per_s, refib_tau_s;  // refibrillation hazard h0*exp(-(t/tau)^3)
  // A heart that has not fibrillated in this arrest takes this share of that hazard after its
  // ROSC (Unneland 2024: 2%/min to VF after a non-shockable ROSC, 5% after a shockable one).
  double refib_unfibrillated_share;
  // The coronary supply (O2 delivery against rest, low-passed) below `low` is ischaemia; its
  // rise above `high` after one is a reperfusion, which restarts the slow hazard's clock.
  double reperfusion_low_ratio, reperfusion_high_ratio;
  // The shock's own aftermath: an early hazard h*exp(-t/tau) in a heart past the electrical
  // phase, its energy deficit (1 - M) over refib_early_deficit, cubed and capped at 1.
  double refib_early_hazard_per_s, refib_early_tau_s, refib_early_deficit;
  double t_wave_vf_probability;   // unsynchronised shock in the vulnerable period
  double cardioversion_e50_af_J, cardioversion_e50_flutter_J, cardioversion_e50_vt_J;
  // The pressure-overloaded RV (Vlahakes 1981): its O2 demand follows its pressure, its supply
  // the aortic-to-RV pressure difference, with the coronary flow reserve between them.
  double rv_coronary_reserve;     // most the RV's coronary flow can rise over rest [M 3-5]
  double rv_load_tau_s;           // pressures averaged over this time
  double rv_ischaemia_tau_s;      // contraction follows the imbalance this slowly
  double rv_ischaemic_contraction;  // what an ischaemic RV keeps
  // The cold's atrial fibrillation: a sinus rhythm turns to AF below the onset temperature at this
  // hazard per degree; that AF reverts, from the onset temperature up to full at the rewarmed
  // one, at this rate.
  double cold_af_onset_C, cold_af_hazard_per_s_C;
  double cold_af_rewarmed_C, cold_af_reversion_per_s;
  // A sodium-channel blocker's slowed conduction brings re-entry: a ventricular arrhythmia at
  // this hazard x block^2 from an organised rhythm, the VT share of it as monomorphic VT and the
  // rest as VF; a VT degenerates to VF at the same hazard, and the VT the block brought reverts,
  // at the reversion rate without block and not at all from the sustaining block up.
  double sodium_arrhythmia_per_s, sodium_vt_share;
  double sodium_vt_sustain_block, sodium_vt_reversion_per_s;
  // The blood's O2 below this saturation cannot be taken up: the heart's venous blood keeps a
  // PO2 of ~10 mmHg however hard the muscle extracts, so only the saturation above it feeds the
  // muscle (a hypoxaemia starves it faster than the content's fall).
  double o2_extraction_floor_sat;
};

enum class ShockWaveform : int32_t { kBiphasic = 0, kMonophasic = 1 };

// The post-arrest stunning: the reperfusion's part and the late part. What divides the
// contraction is their sum.
struct Stunning {
  double reperfusion = 0.0, late = 0.0;
  double total() const { return reperfusion + late; }
};

// VF features for a given energy.
struct VfFeatures {
  double amplitude_mV;
  double frequency_Hz;
  double amsa_mV_Hz;
};

// What a shock did.
enum class ShockOutcome : int32_t {
  kNoEffect = 0,       // organised rhythm outside the vulnerable period, asystole, PEA
  kTerminated = 1,     // VF/VT ended; the next rhythm is in `rhythm`
  kNotTerminated = 2,  // VF/VT persists
  kInducedVf = 3,      // landed on a T wave
  kConverted = 4,      // cardioversion restored sinus rhythm
  kNotConverted = 5,
};

struct ShockResult {
  ShockOutcome outcome;
  Rhythm rhythm;  // rhythm after the shock
};

struct RhythmHazards {
  double to_vf;         // 1/s
  double to_asystole;   // 1/s
  double to_organised;  // 1/s: a shocked heart's asystole giving way to its own rhythm, or
                        // magnesium ending torsades
  double to_torsades;   // 1/s: hypokalaemia's torsades de pointes from an organised rhythm
  double to_af;         // 1/s: atrial fibrillation from a cold sinus rhythm
  double to_vt;         // 1/s: monomorphic VT from a sodium-channel blocker's slowed conduction
};

// What the refibrillation hazard needs of the arrest's history, in seconds since each event
// (~1e9 when it has not happened).
struct RefibrillationClock {
  double since_termination_s;  // a shock last ended VF/VT
  double since_reperfusion_s;  // the coronary supply last came back after ischaemia
  bool fibrillated;            // the heart has been in VF, VT (with a pulse or without) or torsades
};

class Myocardium {
 public:
  // Takes the parameters as they are now: the coupling's half-energy term is computed once.
  explicit Myocardium(const MyocardiumParams& p);

  // The coronary O2 delivery against rest for a flow ratio (coronary flow / resting flow, at the
  // bed's resting tone) and an arterial O2 content ratio (against rest): the flow times the
  // content, the bed's unused reserve (all of it at resting flow, none without flow) making up a
  // content that falls short, never delivering more than rest for a richer blood. The flow is
  // first autoregulated (autoregulated_flow), and the dilation that costs comes off the reserve.
  double o2_delivery_ratio(double flow_ratio, double content_ratio) const;
  // The coronary flow against rest that a flow ratio at resting tone becomes once the bed has
  // autoregulated: 1 between autoregulation_lower and rest, the ratio itself from the floor down.
  double autoregulated_flow(double flow_ratio) const;
  // The most inotropic state (contraction against rest) a beating heart's blood can pay for at an
  // arterial O2 content ratio (against rest): the content times the whole coronary reserve,
  // against the delivery that meets the resting demand (sufficient_perfusion); the O2 use rises
  // with the inotropic state (Suga 1990). Perfusion-contraction matching (Ross 1991) for the
  // content alone; low flow acts through the energy.
  double o2_inotropy_limit(double content_ratio) const;
  // The share of its demand that a perfusion ratio (O2 delivery against rest) meets, with the
  // demand of the current electrical state.
  // `metabolic_scale` is the muscle's demand against rest from its temperature (Q10).
  double supply_share(double perfusion_ratio, bool fibrillating, double metabolic_scale = 1.0) const;
  // d(energy)/dt for that share, recovering toward the ceiling the injury leaves.
  // `metabolic_scale`: the muscle's O2 use against rest from its temperature (Q10); a cold heart
  // runs down and is injured more slowly for the same shortfall.
  double energy_rate(double energy, double share, double injury,
                     double metabolic_scale = 1.0) const;
  // The most energy an injured heart can hold: 1 - injury^2 (the metabolic phase bites late).
  double energy_ceiling(double injury) const;
  // d(injury)/dt: accrues with the supply's deficit (more under beta-1 drive, `beta1_excess` =
  // the LV inotropy effect above 1), heals in proportion to the supply share.
  double injury_rate(double injury, double share, double beta1_excess,
                     double metabolic_scale = 1.0) const;
  // d/dt of the stunning's two parts: the reperfusion's follows its share of the injury within
  // minutes, as fast as the supply restores the energy; the late part follows the rest over hours.
  Stunning stunning_rate(const Stunning& stunning, double injury, double share) const;

  VfFeatures vf_features(double energy) const;

  // Contractility multiplier of an energy-depleted (coupling) and stunned heart.
  double contractility(double energy, double stunning) const;
  // The organised rhythm's rate multiplier in a failing heart (1 above pea_exit_energy).
  double automaticity(double energy) const;
  // Hazard (1/s) of a shocked heart in asystole starting an organised rhythm again.
  double restart_hazard(double energy) const;
  // The organised rhythm an energy state gives: PEA below the entry energy, sinus above the exit
  // energy, else `current` (hysteresis). Only for organised rhythms of the sinus family.
  Rhythm organised_rhythm(double energy, Rhythm current) const;

  // The RV's contraction multiplier its pressure load calls for: 1 until the demand (the RV's
  // developed wall load, activation x transmural pressure x volume, over rest) outgrows what the
  // reserve can supply (the aortic-to-RV pressure times the arterial O2 content, over rest); then
  // falling toward rv_ischaemic_contraction. Under no load (demand at or below rest) it is 1:
  // global ischaemia is the energy state's.
  double rv_overload_contraction(double demand_ratio, double supply_ratio) const;

  // Unsynchronised shock of `energy_J` given the current rhythm state. `in_vulnerable_period`:
  // the shock lands on the T wave of an organised beat. `amsa_mV_Hz`: the AMSA measured on the
  // pads before the shock (vf_features gives its expected value). Two uniform draws u1, u2.
  ShockResult defibrillate(double energy_J, ShockWaveform w, const ConductionState& s,
                           double myocardial_energy, double amsa_mV_Hz, const Modulators& mod,
                           bool in_vulnerable_period, double u1, double u2) const;
  // The chance that a terminated VF leaves an organised rhythm (else asystole), from the AMSA
  // before the shock (Ristagno 2015's logistic).
  double organised_probability(double amsa_mV_Hz) const;

  // Synchronised shock (delivered on an R wave).
  ShockResult cardiovert(double energy_J, ShockWaveform w, const ConductionState& s,
                         const Modulators& mod, double u) const;

  // Refibrillation hazard (1/s) of a heart with energy `energy` and ischaemic injury `injury`:
  // the early part after a shock's termination, and the slow, injury-driven part from the later
  // of that termination and the last reperfusion (a ROSC, however it came), lower in a heart
  // that has not fibrillated.
  double refibrillation_hazard(const RefibrillationClock& clock, double energy, double injury,
                               const Modulators& mod) const;
  // The hazards (1/s) of the current electrical state changing by itself: an organised rhythm
  // degenerating to VF (hyperkalaemia, deep hypothermia, ischaemia, refibrillation), torsades to
  // VF, exhausted VF to asystole.
  RhythmHazards hazards(const ConductionState& s, double myocardial_energy, double injury,
                        const RefibrillationClock& clock, const Modulators& mod) const;

  // The energy at the reference impedance that acts as `energy_J` does in this patient.
  double effective_energy(double energy_J, ShockWaveform w) const;
  double transthoracic_impedance() const { return p_->transthoracic_impedance_ohm; }

  double asystole_energy() const { return p_->asystole_energy; }
  double asystole_hazard() const { return p_->asystole_hazard_per_s; }

 private:
  // The share of the supply above the critical share, scaled to 1 at full supply: what restores
  // the energy, and what carries the reperfusion's stunning.
  double restoring(double share) const;
  double termination_probability(double energy_J, ShockWaveform w, const Modulators& mod) const;
  const MyocardiumParams* p_;
  double half_energy_hill_;  // coupling_half_energy ^ coupling_hill
};

// The reference adult's conduction system and myocardium, and each parameter by name.
ConductionParams reference_conduction();
MyocardiumParams reference_myocardium();
std::span<const ParamSpec<ConductionParams>> conduction_param_table();
std::span<const ParamSpec<MyocardiumParams>> myocardium_param_table();

}  // namespace resus::ep
