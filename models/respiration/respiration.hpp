// Respiration: one-compartment lung mechanics with ventilation devices (bag, ventilator,
// leaks, gastric insufflation), plug-flow anatomic dead space, perfused and dead-space alveolar
// gas, blood O2/CO2 pools (arterial, mixed venous), tissue stores, chemoreflex drive, pulse
// oximeter and capnometer. physiology.md A.5 (and A.2 "Ventilation"). Pure: no heap, no I/O,
// no exceptions; the whole state is one trivially copyable struct.
#pragma once

#include "models/common/state_check.hpp"
#include <cstdint>
#include <type_traits>

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
  double cerebral_flow_ratio;          // cerebral flow / resting, instantaneous
  double pulmonary_artery_mmHg;        // absolute pulmonary artery pressure
  double arterial_pressure_mmHg;       // peripheral arterial pressure
  double resting_pulse_pressure_mmHg;  // the patient's own resting pulse pressure
  double temperature_C;                // core temperature
  // Effects of drugs and causes (engine/bus.hpp); 1 and 0 leave the model as its parameters say.
  double drive_scale = 1.0;            // multiplies the chemical drive to breathe
  double compliance_scale = 1.0;       // multiplies the respiratory-system compliance
  double metabolic_scale = 1.0;        // multiplies the whole-body O2 demand
  double shunt_offset = 0.0;           // adds to the intrapulmonary shunt fraction
};

// Derived outputs, written by step(); always finite.
struct RespReadout {
  double pleural_delta_mmHg;     // pleural pressure minus its resting value (engine adds it)
  double airway_pressure_cmH2O;
  double airway_flow_mL_s;       // + into the patient's lungs
  double lung_volume_mL;         // absolute
  double pao2_mmHg, paco2_mmHg, sao2, ph_arterial, hco3_mmol_L;
  double pvo2_mmHg, pvco2_mmHg, svo2, ph_venous;  // mixed venous (pulmonary-artery blood)
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
  double vo2_mL_min, vco2_mL_min, o2_debt_mL;     // tissue uptake/production, O2 deficit
  double tissue_po2_mmHg, tissue_pco2_mmHg;
  double ventilation_drive;      // chemical drive x brainstem gate, 1 at rest
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
  double time_s;
  // Commands.
  Airway airway;
  VentSettings vent;
  double fio2;
  int32_t spontaneous_enabled;
  int32_t queue_count;
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
  // Alveolar gas, mL BTPS. Perfused (p_) and unperfused (d_) alveoli.
  double p_o2_mL, p_co2_mL, p_n2_mL;
  double d_o2_mL, d_co2_mL, d_n2_mL;
  double ds_fo2[kDeadSpaceCells], ds_fco2[kDeadSpaceCells];  // mouth = 0
  double dead_fraction;          // alveolar dead space share (filtered)
  double ppa_f_mmHg, palv_f_mmHg, qp_f_mL_s, qs_f_mL_s;
  // Blood pools: contents in mL gas (STPD) per mL blood; pH carried for the next step.
  double art_o2, art_co2, ven_o2, ven_co2;
  double art_ph, ven_ph, tissue_ph, art_sat, tissue_sat;
  // Tissue stores (mL STPD).
  double tissue_o2_mL, tissue_co2_mL;
  // Gas exchange runs on a slower tick (kGasSteps calls): blood flow and time gathered so far.
  int32_t gas_steps;
  int32_t gas_pad;
  double gas_dt_s, gas_qp_mL, gas_qs_mL;
  double o2_debt_mL, gastric_mL, leak_mL;
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

// Resting steady state: spontaneous breathing on room air, gases settled.
RespState initial_state(const RespParams& p);

class Respiration {
 public:
  explicit Respiration(const RespParams& p) : p_(p) {}
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

  const RespParams& params() const { return p_; }

 private:
  RespParams p_;
};

// Resting inputs for the defaults (CO 5 L/min); used to settle initial_state.
RespInputs resting_inputs(const RespParams& p);

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const RespState& s, StateCheck& c);

}  // namespace resus::resp
