// Closed-loop circulation: Smith 2004 heart (septum, pericardium, valve inertances) with atria,
// unstressed volumes, split systemic beds, coronary and cerebral branches and a thoracic-inlet
// venous valve. Pure functions of (parameters, drive, state); no I/O, no allocation.
#pragma once

#include "models/common/state_check.hpp"
#include <array>

#include "models/cardiovascular/circulation_params.hpp"

namespace resus::cv {

// State layout. Volumes first (their sum plus lost minus infused is the conserved blood volume).
enum StateIndex : int {
  kLA, kLV, kRA, kRV,          // chambers, inside the pericardium
  kAorta,                      // thoracic aorta, intrathoracic
  kArteries,                   // systemic (extrathoracic) arteries, carotids
  kSplanchnicVeins,
  kExtrasplanchnicVeins,
  kJugularVeins,
  kThoracicVeins,              // SVC and thoracic IVC, intrathoracic
  kPulmonaryArteries,          // intrathoracic
  kPulmonaryVeins,             // intrathoracic
  kNumVolumes,
  kQMitral = kNumVolumes,      // valve flows with inertance, mL/s
  kQAortic,
  kQTricuspid,
  kQPulmonic,
  kBloodLost,                  // cumulative hemorrhage, mL
  kFluidInfused,               // cumulative infusion, mL
  kRefilled,                   // cumulative transcapillary refill (< 0: filtered out), mL
  kStateSize
};

using State = std::array<double, kStateSize>;

// Where a hemorrhage drains from.
enum class BleedSite : int { kVenous = 0, kArterial = 1 };

// Everything outside the circulation's own state that it needs at a given instant: the
// reflex-adjusted effectors, the intrathoracic pressure, the activation times, and the rates of
// the current actions. Set by the engine on step boundaries; constant within a step.
struct Drive {
  double lv_emax;
  double rv_emax;
  double r_splanchnic;
  double r_extrasplanchnic;
  double vu_splanchnic_veins;
  double vu_extrasplanchnic_veins;
  double r_coronary;                   // coronary resistance (its effect channel and the causes)
  double r_cerebral;                   // cerebral resistance (the brain's autoregulation)
  double r_pulmonary;                  // pulmonary vascular resistance
  double pericardial_fluid_mL;         // what the pericardium holds besides the heart
  double intrathoracic_pressure;       // resting pleural pressure plus ventilation, mmHg
  double lung_recoil_rise_mmHg;        // transpulmonary pressure above its value at FRC (>= 0)
  // Chest compression (Babbs hybrid pump), each a linear ramp over the step from
  // `compression_start_s`, so that a compression is resolved inside the RK4 stages:
  double compression_start_s;
  double thoracic_compression_mmHg;    // f_tp·Pc: on every intrathoracic compartment
  double thoracic_compression_slope;   // mmHg/s
  double cardiac_compression_mmHg;     // f_cp·Pc: extra squeeze inside the pericardium
  double cardiac_compression_slope;    // mmHg/s
  double ventricular_displacement_mL;  // cavity the sternum takes from the left ventricle
  double ventricular_displacement_slope;  // mL/s
  double atrial_activation_time;       // s, absolute; -inf before the first beat
  double ventricular_activation_time;  // s, absolute
  double ventricular_systole_s;        // duration of the current ventricular activation
  double hemorrhage_mL_s;
  BleedSite bleed_site;
  double infusion_mL_s;
  double refill_mL_s;          // transcapillary: interstitium to the systemic veins (< 0: out)
  double chest_bleed_mL_s;             // blood leaving the aorta into the pericardium or a
                                       // pleura (lost)
};

// Pressures and flows at one instant, computed from the state.
struct Hemodynamics {
  std::array<double, kNumVolumes> pressure;  // absolute pressure of each compartment, mmHg
  double pericardial_pressure;               // absolute, mmHg
  double septal_volume;                      // mL
  double ventricular_activation;             // 0..1
  double atrial_activation;                  // 0..1
  double q_mitral, q_aortic, q_tricuspid, q_pulmonic;  // mL/s, >= 0
  double q_aorta_arteries;
  double q_coronary;  // may reverse when compressions squeeze the heart
  double q_cerebral;
  double q_splanchnic, q_extrasplanchnic;
  double q_splanchnic_return, q_extrasplanchnic_return, q_jugular_return;
  double q_vena_cava;
  double q_pulmonary, q_pulmonary_veins;
  double q_hemorrhage, q_infusion;
};

// Raised-cosine activation: rises over `rise`, falls over `fall`, zero outside [0, rise+fall].
double activation(double elapsed, double rise, double fall);

// Ventricular systolic duration for heart period `period_s` (HR-scaled systole).
double ventricular_systole(const CirculationParams& p, double period_s);

// The septal solve's warm start, carried from one evaluation to the next: the last solution
// and how it moves with the ventricular volumes and the activation (the implicit function's
// derivatives there), so that the next solve starts from a first-order prediction and Newton
// mostly stops after one or two iterations. Part of the sim's state: a restored sim continues
// bit-identically. All zero is a valid cold start.
struct SeptumStart {
  double volume;           // septal volume of the last solution, mL
  double lv_mL, rv_mL;     // the ventricular volumes it solved for
  double activation;       // and the ventricular activation, 0..1
  double d_lv, d_rv;       // dVspt/dVlv, dVspt/dVrv
  double d_activation;     // dVspt/de, mL
};

class Circulation {
 public:
  explicit Circulation(const CirculationParams& params) : p_(&params) {}

  // Computes pressures and flows, starting the septal solve from `start` and updating it.
  void evaluate(const State& x, double t, const Drive& d, SeptumStart& start,
                Hemodynamics& h) const;

  // dx/dt from the hemodynamics of `x`.
  void derivatives(const State& x, const Hemodynamics& h, const Drive& d, State& dxdt) const;

  // Projection after each step: closed valves carry no flow.
  static void clamp_valves(State& x);

  // Total blood volume in the vessels and chambers, mL.
  static double blood_volume(const State& x);

  const CirculationParams& params() const { return *p_; }

 private:
  struct Septum {
    double volume;        // septal volume, mL
    double lv_free_wall;  // LV free-wall pressure at that volume, mmHg
    double rv_free_wall;
  };
  Septum solve_septum(const VentricleParams& lv, const VentricleParams& rv, double vlv, double vrv,
                      double e, SeptumStart& start) const;
  const CirculationParams* p_;
};

// Checks a state before it is trusted (a restored snapshot): the first bad field goes to `c`.
void check_state(const State& x, StateCheck& c);

}  // namespace resus::cv
