// Respiration: one-compartment lung mechanics with ventilation devices (bag, ventilator,
// leaks, gastric insufflation), plug-flow anatomic dead space, perfused and dead-space alveolar
// gas and its exchange with the pulmonary capillary blood, chemoreflex drive, pulse oximeter and
// capnometer. The blood pools and tissue stores are models/blood's: the lungs take the mixed
// venous contents in and hand the O2 and CO2 they exchanged out. physiology.md A.5 (and A.2
// "Ventilation"). Pure: no heap, no I/O, no exceptions; the whole state is one trivially
// copyable struct.
#pragma once

#include "models/common/state_check.hpp"
#include <cstdint>
#include <type_traits>

#include "models/blood/blood.hpp"
#include "models/respiration/params.hpp"

namespace resus::resp {

// Values are part of the C API: append only.
enum class Airway : int32_t {
  kNone = 0, kBagMask = 1, kSupraglottic = 2, kTrachealTube = 3,
  kOesophagealTube = 4, kRightMainstem = 5
};
enum class VentMode : int32_t { kNone = 0, kManual = 1, kBagRate = 2, kVentilator = 3 };
// Their names, by value (the airway and ventilation actions' vocabulary).
inline constexpr const char* kAirwayNames[] = {"none",          "bag_mask",         "supraglottic",
                                               "tracheal_tube", "oesophageal_tube", "right_mainstem"};
inline constexpr const char* kVentModeNames[] = {"none", "manual", "bag_rate", "ventilator"};

struct VentSettings {
  VentMode mode;
  double rate_per_min;        // kBagRate, kVentilator
  double tidal_volume_mL;     // delivered by the device per breath
  double inspiratory_time_s;
  double peep_cmH2O;          // expiratory valve (0 = open to atmosphere)
};

// Supplied by the circulation each step.
struct RespInputs {
  double pulmonary_flow_mL_s;          // PA -> PV blood flow (pulsatile, may dip below 0)
  double systemic_flow_mL_s;           // arterial outflow into all tissue beds
  double arterial_blood_mL;            // pulmonary veins, left heart, aorta, arteries
  double venous_blood_mL;              // all other compartments
  double cerebral_flow_ratio;          // cerebral flow / the flow the PaCO2 asks for (resting at
                                       // a resting PaCO2), instantaneous
  double brain_o2_delivery = 1.0;      // the brain's O2 delivery / its demand (models/brain)
  double pulmonary_artery_mmHg;        // absolute pulmonary artery pressure
  double arterial_pressure_mmHg;       // peripheral arterial pressure
  double resting_pulse_pressure_mmHg;  // the patient's own resting pulse pressure
  double temperature_C;                // core temperature
  double time_s;                       // the simulation's clock at the end of the step
  // The blood (models/blood): what the lungs exchange with and the chemoreceptors sense.
  double venous_o2_mL_mL, venous_co2_mL_mL;  // mixed venous contents, STPD per mL
  double venous_base_excess_mmol_L;          // of that blood (its CO2 curve and pH)
  double arterial_base_excess_mmol_L;        // for the peripheral chemoreceptors
  double arterial_sat;                 // 0..1, for the pulse oximeter
  double arterial_po2_mmHg, arterial_pco2_mmHg;
  double hemoglobin_g_dL;
  // Effects of drugs and causes (engine/bus.hpp); 1 and 0 leave the model as its parameters say.
  double drive_scale = 1.0;            // multiplies the chemical drive to breathe
  double compliance_scale = 1.0;       // multiplies the respiratory-system compliance
  double shunt_offset = 0.0;           // adds to the intrapulmonary shunt fraction
  double dead_space_offset = 0.0;      // adds to the alveolar dead-space fraction
};

// Derived outputs, written by step(); always finite.
struct RespReadout {
  double pleural_delta_mmHg;     // pleural pressure minus its resting value (engine adds it)
  double airway_pressure_cmH2O;
  double airway_flow_mL_s;       // + into the patient's lungs
  double alveolar_pressure_mmHg; // relative to atmosphere (what pushes gas through a lung leak)
  double lung_volume_mL;         // absolute
  double alveolar_po2_mmHg, alveolar_pco2_mmHg;   // perfused alveoli
  double etco2_mmHg;             // end-tidal of the last breath (0 after a timeout)
  double capnogram_mmHg;         // instantaneous PCO2 at the airway opening (sensor-filtered)
  double resp_rate_per_min;      // measured from recent breaths (0 in apnoea)
  double tidal_volume_mL;        // last inspired lung volume
  double minute_ventilation_L_min;
  double spo2_pct;
  int32_t spo2_valid;            // 0 when the perfusion index is too low: reading held
  int32_t spontaneous;           // 1 while the patient breathes
  double pleth;                  // 0..1
  double perfusion_index_pct;
  double gastric_volume_mL, leak_volume_mL;       // cumulative
  double ventilation_drive;      // chemical drive x brainstem gate, 1 at rest
  // Gas exchange runs on a slower tick; on the step that closes one, what it exchanged: the
  // blood's transport (models/blood) takes it with the tick's flows.
  int32_t gas_tick;              // 1 on that step
  int32_t gasping;               // 1 while the breathing is agonal gasps
  double tick_dt_s, tick_pulmonary_flow_mL, tick_systemic_flow_mL;
  double o2_uptake_mL_s, co2_release_mL_s;        // STPD, into and out of the blood
};

inline constexpr int kGasSteps = 5;  // gas exchange every 5 steps (10 ms at the engine's 2 ms)
inline constexpr int kBreathQueue = 4;     // manual bag breaths waiting
inline constexpr int kDeadSpaceCells = 12; // tanks in series ~ plug flow
inline constexpr int kBreathHistory = 5;   // breaths used for RR / minute ventilation

struct ManualBreath {
  double volume_mL;
  double inspiratory_time_s;
};

struct RespState {
  // Commands.
  Airway airway;
  VentSettings vent;
  double fio2;
  int32_t spontaneous_enabled;
  int32_t queue_count;
  double obstruction;            // of the upper airway, 0..1 (1: complete); a tube bypasses it
  ManualBreath queue[kBreathQueue];
  double bag_flow_mL_s;
  // Device breath in progress (manual, bag rate, ventilator).
  int32_t dev_active;
  int32_t dev_square;            // 1 square flow (ventilator), 0 half-sine (bag)
  double dev_t_s, dev_volume_mL, dev_ti_s;
  double dev_cycle_t_s;          // time in the automatic device cycle
  double dev_idle_s;             // time since the device last pushed gas
  // Mechanics.
  double lung_volume_mL;
  double pmus_cmH2O;             // inspiratory muscle pressure (positive = inspiratory)
  // Spontaneous pattern generator.
  int32_t breath_active;         // inside a neural inspiration
  int32_t breathing;             // drive above apnoea threshold
  double breath_t_s, breath_period_s, breath_ti_s, breath_vt_mL;
  double paco2_sensed_mmHg, pao2_sensed_mmHg, brain_perfusion;
  double brain_o2_delivery;      // the brain's O2 delivery share, filtered as brain_perfusion
  double gasp_reserve;           // what the starved brainstem has left to gasp with, 0..1
  double base_excess_sensed_mmol_L;  // the carotid bodies' view of a metabolic acidosis
  double map_sensed_mmHg;            // and of the pressure that perfuses them (mean, filtered)
  // Alveolar gas, mL BTPS. Perfused (p_) and unperfused (d_) alveoli.
  double p_o2_mL, p_co2_mL, p_n2_mL;
  double d_o2_mL, d_co2_mL, d_n2_mL;
  double ds_fo2[kDeadSpaceCells], ds_fco2[kDeadSpaceCells];  // mouth = 0
  double dead_fraction;          // alveolar dead space share (filtered)
  double ppa_f_mmHg, palv_f_mmHg, qp_f_mL_s, qs_f_mL_s;
  // Gas exchange runs on a slower tick (kGasSteps calls): blood flow and time gathered so far.
  int32_t gas_steps;
  int32_t gas_pad;
  double gas_dt_s, gas_qp_mL, gas_qs_mL;
  double gastric_mL, leak_mL;
  // Monitors.
  double capno_mmHg;
  int32_t flow_phase;            // 0 idle/expiration, 1 inspiration
  double insp_volume_mL, insp_open_mL;
  double window_max_capno_mmHg;
  double window_expired_mL;      // gas breathed out since the last breath began
  int32_t breaths_without_expiration;
  int32_t pad_monitor;
  double last_breath_t_s;
  int32_t n_breaths;
  double breath_times_s[kBreathHistory], breath_vts_mL[kBreathHistory];
  double spo2_lag1, spo2_lag2, spo2_avg, spo2_shown;
  double pa_mean_mmHg, pa_hi_mmHg, pa_lo_mmHg;
  RespReadout out;
};
static_assert(std::is_trivially_copyable_v<RespState>);
static_assert(std::is_trivially_copyable_v<RespParams>);

class Respiration {
 public:
  // The blood's parameters give the dissociation curves the lungs equilibrate against and the
  // resting CO2 production the control of breathing is set for.
  Respiration(const RespParams& p, const blood::BloodParams& b) : p_(p), b_(b) {}
  // Advance by dt_s (the engine uses 0.002 s).
  void step(const RespInputs& in, double dt_s, RespState& s) const noexcept;

  // Commands; the engine validates ranges before calling (they clamp anyway).
  static void set_airway(RespState& s, Airway a);
  static void set_ventilation(RespState& s, const VentSettings& v);
  // One manual bag breath; false when the queue is full.
  static bool request_breath(RespState& s, double volume_mL, double inspiratory_time_s);
  // Streamed manual bag flow (>= 0), held until changed.
  static void set_bag_flow(RespState& s, double flow_mL_s);
  static void set_fio2(RespState& s, double fio2);
  // false = paralysed/sedated (apnoea).
  static void set_spontaneous_enabled(RespState& s, bool on);
  // An upper-airway obstruction (a foreign body, the tongue, swelling): 0 clears it, 1 closes it.
  static void set_obstruction(RespState& s, double severity);

  const RespParams& params() const { return p_; }
  const blood::BloodParams& blood_params() const { return b_; }

 private:
  RespParams p_;
  blood::BloodParams b_;
};

// One step of the lungs and, when the step closes a gas tick, of the blood's transport, for a
// caller without the engine (the initial state's settling, tests): the engine's stages do the
// same in two steps. `in` takes its blood fields from `blood`.
void step_with_blood(const Respiration& r, RespInputs in, double dt_s, RespState& s,
                     blood::BloodState& blood);

// Resting inputs for the defaults (CO 5 L/min), blood fields from `blood`.
RespInputs resting_inputs(const RespParams& p, const blood::BloodState& blood,
                          double hemoglobin_g_dL);

// Resting steady state: spontaneous breathing on room air, lungs and blood settled together
// for `settle_s` from their analytic start (the blood's resting state is returned through
// `blood`).
RespState initial_state(const RespParams& p, const blood::BloodParams& b, blood::BloodState& blood,
                        double settle_s = 180.0);

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const RespState& s, StateCheck& c);

}  // namespace resus::resp
