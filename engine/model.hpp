// An immutable model compiled from a patient definition: parameters, the baroreflex operating
// point and the steady-state image every new sim starts from. Shareable across threads.
#pragma once

#include <cstdint>
#include <memory>

#include "engine/patient.hpp"
#include "engine/sim_state.hpp"

namespace resus {

class Model {
 public:
  // Throws resus::Error for a bad definition.
  static std::shared_ptr<const Model> compile(const PatientDef& def);

  const PatientParams& params() const { return params_; }
  const autonomic::BaroreflexReference& baro_reference() const { return baro_ref_; }
  const SimState& initial_state() const { return initial_; }
  // Hash of the parameters; a snapshot only restores into a sim of an identical model.
  uint64_t fingerprint() const { return fingerprint_; }
  // Simulated seconds it took to reach the periodic steady state during compilation.
  double settle_time_s() const { return settle_time_s_; }
  // Mean coronary flow at rest, mL/s: the myocardium's perfusion is measured against it.
  double resting_coronary_flow() const { return resting_coronary_flow_; }
  // Resting cerebral flow (mL/s), cardiac output (L/min) and pulse pressure (mmHg): breathing
  // drive, CO fraction and the oximeter's perfusion index are measured against them.
  double resting_cerebral_flow() const { return resting_cerebral_flow_; }
  double resting_cardiac_output() const { return resting_cardiac_output_; }
  double resting_pulse_pressure() const { return resting_pulse_pressure_; }
  // Arterial O2 content at rest, as haemoglobin (g/dL) x saturation: the myocardium's O2 supply
  // is its coronary flow times the content, each against rest. 0 while the model settles.
  double resting_arterial_o2_content() const { return resting_arterial_o2_content_; }
  // Arterial O2 saturation at rest (0..1). 0 while the model settles.
  double resting_arterial_sat() const { return resting_arterial_sat_; }

 private:
  Model() = default;
  PatientParams params_{};
  autonomic::BaroreflexReference baro_ref_{};
  SimState initial_{};
  uint64_t fingerprint_ = 0;
  double settle_time_s_ = 0.0;
  double resting_coronary_flow_ = 1.0;
  double resting_cerebral_flow_ = 1.0;
  double resting_cardiac_output_ = 1.0;
  double resting_pulse_pressure_ = 40.0;
  double resting_arterial_o2_content_ = 0.0;
  double resting_arterial_sat_ = 0.0;
  friend class Sim;
};

}  // namespace resus
