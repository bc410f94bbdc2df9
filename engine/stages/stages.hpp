// The stages of one step (engine/README.md lists them in order). Each stage is the only place
// that knows both the bus and its model: it fills the model's typed inputs from the bus,
// advances the model, publishes what it owns to the bus and to the signals, applies its own
// actions, checks its part of a snapshot and rebases its times after compilation.
//
// Every function takes the state whole but touches only its own section, the bus sections it
// writes, and the rings it feeds (events, beats); it reads other sections of the bus.
#pragma once

#include "engine/ecg_stream.hpp"
#include "engine/step_context.hpp"
#include "models/aed/amsa.hpp"
#include "models/common/state_check.hpp"

namespace resus {

class Model;
struct PatientParams;

// The simulated time of the state's clock (after the integration, the step's end).
inline double now(const SimState& s) { return static_cast<double>(s.step) * kStep_s; }

namespace stages {

// ---- reflex.cpp: the baroreflex -------------------------------------------------------------
namespace reflex {
// Writes bus.autonomic (sinus period, effectors) from the reflex's current deviations.
void drive(const StepContext& c, SimState& s);
// Feeds the step's carotid pressure; every kBaroSteps steps the reflex ticks.
void tick(const StepContext& c, SimState& s);
void publish(const Model& m, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace reflex

// ---- heart.cpp: conduction, myocardium, shocks and pacing -----------------------------------
namespace heart {
// Impulses due at the step's start: activations, beats, bus.electrical.
void timing(const StepContext& c, SimState& s);
// After the integration: myocardial energy from the coronary flow, rhythm hazards.
void myocardium(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
// Writes bus.electrical from the heart's state (also for the starting state).
void publish_bus(const PatientParams& p, SimState& s);
void publish(const Model& m, const Evaluators& e, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
void rebase(SimState& s, double dt);
bool shockable(const SimState& s);
// At the end of settling: the RV's pressure load as it stands is its resting load.
void set_rest(SimState& s);
}  // namespace heart

// ---- compressions.cpp: the compression source and the rescuer's breaths ----------------------
namespace compressions {
// Moves the source to the step's start, gives due breaths (bus.chest), and the chest pressure
// over the step as a ramp.
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
// A host's streamed depth sample; false (and nothing changed) when out of range.
bool push_depth(SimState& s, double depth_mm);
// Writes bus.chest for the state's current time, and the chest signals.
void publish(const Model& m, SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace compressions

// ---- circulation.cpp: the closed-loop circulation and the fluids going in and out -------------
namespace circulation {
// The circulation's drive at time t from the bus (reflex effectors, contraction, pleural and
// chest pressure, effects) and the running hemorrhage and boluses.
cv::Drive drive(const Model& m, const SimState& s, double t, bool breathing_coupled);
// One RK4 step of the circulation; false (state unchanged) if it went non-finite. Writes
// bus.haemodynamics.
bool integrate(const StepContext& c, SimState& s);
// Volume-limited hemorrhages and boluses: books what the step delivered, ends those done.
void book_volumes(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
void publish(const Model& m, const Evaluators& e, SimState& s, bool breathing_coupled,
             double* signals);
void check(const SimState& s, StateCheck& c);
bool finite(const cv::State& x);
}  // namespace circulation

// ---- cycle_stats.cpp: beat (or compression) statistics ---------------------------------------
namespace cycle {
// A ventricular activation (or 3 s without one) closes the cycle, unless compressions run.
void on_beat(const StepContext& c, SimState& s);
void accumulate(const StepContext& c, SimState& s);
// While compressions run, each new compression closes the cycle.
void on_compression(const StepContext& c, SimState& s);
CycleStats empty(double start_time, double lv_volume_mL);
void check(const SimState& s, StateCheck& c);
void rebase(SimState& s, double dt);
}  // namespace cycle

// ---- cpr_meter.cpp: CPR feedback and palpation --------------------------------------------------
namespace cpr_meter {
void step(const StepContext& c, SimState& s);
void publish(const Model& m, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace cpr_meter

// ---- breathing.cpp: lungs, airway devices, ventilation and gases -------------------------------
namespace breathing {
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
// A host's streamed bag flow; false (and nothing changed) when out of range.
bool push_bag_flow(SimState& s, double flow_mL_s);
void publish(const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
void rebase(SimState& s, double dt);
}  // namespace breathing

// ---- blood.cpp: the blood pools and tissue stores --------------------------------------------
namespace blood {
// On a step that closes a gas tick (bus.lungs), carries the exchanged gases over the pools and
// tissue by the tick's flows; writes bus.blood.
void step(const StepContext& c, SimState& s);
// Writes bus.blood's gases from the pools (also for the starting state).
void publish_bus(const PatientParams& p, SimState& s);
void publish(const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace blood

// ---- pharmacology.cpp: drugs and the body's own hormones --------------------------------------
namespace pharmacology {
// Accumulates the step's flows; every 100 ms carries every drug and writes its effect slots.
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
// The circulation's flows of the last step, as the pharmacology's pools see them.
std::array<double, pharm::kNumFlows> step_flows(const SimState& s);
// The resting state from the resting flows (a whole number of beats' mean), the resting
// compartment volumes and MAP in `s`.
void start(const PatientParams& p, const std::array<double, pharm::kNumFlows>& rest_flow_mL_s,
           SimState& s);
void publish(const Model& m, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace pharmacology

// ---- chemistry.cpp: the solutes on the blood's pools, and the blood-gas analyser ---------------
namespace chemistry {
// On a gas tick, before the blood stage: what the blood's next transport carries for each solute
// (bus.chemistry); shows a blood gas when it is due.
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
// The resting state from the blood's resting pools and the resting cardiac output (mL/s) the
// liver's clearance is measured against; writes bus.chemistry.
void start(const PatientParams& p, double flow_mL_s, SimState& s);
// At the end of settling: the flows and solutes as they stand are the resting reference.
void set_rest(const PatientParams& p, SimState& s);
void publish(const PatientParams& p, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
void rebase(SimState& s, double dt);
}  // namespace chemistry

// ---- thermal.cpp: core and shell temperature, environment and devices ------------------------
namespace thermal {
// On every tenth gas tick: heat from the tissues' O2 uptake, carried by the flow; writes
// bus.temperature and the thermal slots of the metabolic-rate and chronotropy channels.
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
// `flow_mL_s`: the resting cardiac output the heat carried from the core is measured against.
void start(const PatientParams& p, double flow_mL_s, SimState& s);
// At the end of settling: the flow and the heat as they stand are the resting reference.
void set_rest(const PatientParams& p, SimState& s);
void publish(const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace thermal

// ---- thorax.cpp: pericardial fluid and pleural air, their sources and their treatments ------
namespace thorax {
// After the breathing: the sources and vents over the step, from the step's pericardial,
// aortic, venous and alveolar pressures; writes bus.conditions and the conditions' slots of the
// lung-compliance and shunt channels.
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
void start(const PatientParams& pp, SimState& s);
void publish(const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace thorax

// ---- thrombosis.cpp: pulmonary embolism, coronary occlusion, lysis and reperfusion ----------
namespace thrombosis {
// Every 100 ms: clots lyse at the thrombolysis channel's rate, ischaemia follows the arteries;
// writes bus.ischaemia and the thrombosis's slots of its effect channels.
void step(const StepContext& c, SimState& s);
void apply(const StepContext& c, SimState& s, const Action& a);
void start(SimState& s);
void publish(const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace thrombosis

// ---- fluids.cpp: the capillaries' exchange, the blood's cells and proteins ------------------
namespace fluids {
// After the circulation's step: red cells and protein out with the blood lost and in with the
// infusions, the Starling filtration for the next step; writes bus.fluids.
void step(const StepContext& c, SimState& s);
void start(SimState& s);
// At the end of settling: the resting blood, and the exchange switched on.
void set_rest(const PatientParams& pp, SimState& s);
void publish(const Model& m, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace fluids

// ---- inflammation.cpp: the post-arrest systemic inflammation and its vasoplegia --------------
namespace inflammation {
// On the blood's gas tick: the tissues' O2 debt feeds the response (models/inflammation);
// writes its slot of the systemic-resistance channel.
void step(const StepContext& c, SimState& s);
void start(SimState& s);
void publish(const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace inflammation

// ---- brain.cpp: cerebral O2, consciousness, pupils and the ischaemia index ------------------
namespace brain {
// After the blood's step: the brain's O2 delivery from the cerebral flow and the arterial O2
// content, and the cerebral vessels' tone (models/brain); writes bus.brain.
void step(const StepContext& c, SimState& s);
void start(const PatientParams& pp, SimState& s);
// At the end of settling: the resting arterial O2 content, and what the vessels hold: the mean
// perfusion pressure and PaCO2 they sensed over several breaths (`rest`).
void set_rest(SimState& s, const resus::brain::VesselRest& rest);
void publish(const Model& m, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace brain

// ---- ecg.cpp: the synthetic ECG ----------------------------------------------------------------
namespace ecg {
// Generates every sample due by the end of the step into `stream` (may be null).
void step(const StepContext& c, SimState& s, EcgStream* stream);
// What the generator draws now, as a monitor's measurements: st_max_mV, qrs_ms.
void publish(const StepContext& c, const SimState& s, double* signals);
void check(const SimState& s, StateCheck& c);
}  // namespace ecg

// ---- vf_pads.cpp: the engine's own pads recording of VF and its AMSA ---------------------------
namespace vf_pads {
// After the myocardium: one VF sample every two steps while the ventricles fibrillate, an AMSA
// each second once 2 s are recorded (bus.electrical.amsa_mV_Hz); `scratch` is the sim's.
void step(const StepContext& c, SimState& s, aed::AmsaScratch& scratch);
void check(const SimState& s, StateCheck& c);
}  // namespace vf_pads

// ---- waveforms.cpp: monitor waveforms ----------------------------------------------------------
namespace waveforms {
void step(const StepContext& c, SimState& s, EcgStream* stream);
void check(const SimState& s, StateCheck& c);
}  // namespace waveforms

}  // namespace stages
}  // namespace resus
