// Parameters of the closed-loop circulation (see README.md in this folder for sources).
// Units: mmHg, mL, s. Elastance mmHg/mL, resistance mmHg*s/mL, inertance mmHg*s^2/mL.
#pragma once

#include "models/common/param_spec.hpp"

namespace resus::cv {

// A cardiac chamber after Smith 2004: active part E*(V - Vd) scaled by activation e(t),
// passive part P0*(exp(lambda*(V - V0)) - 1) scaled by (1 - e).
struct VentricleParams {
  double emax;    // end-systolic elastance, mmHg/mL (the baroreflex adds to it)
  double vd;      // volume at zero end-systolic pressure, mL
  double p0;      // EDPVR scale, mmHg
  double lambda;  // EDPVR stiffness, 1/mL
  double v0;      // EDPVR zero-pressure volume, mL
};

// Atrium: linear elastance moving between emin (relaxed) and emax (contracted).
struct AtriumParams {
  double emin;  // mmHg/mL
  double emax;  // mmHg/mL
  double v0;    // unstressed volume, mL
};

// A vessel compartment: P = E*(V - V0) (+ intrathoracic pressure when inside the chest).
struct VesselParams {
  double elastance;          // mmHg/mL
  double unstressed_volume;  // mL
};

// What a compartment's walls add as they meet: nothing above `onset_mL`, then a negative
// transmural pressure whose stiffness rises linearly over `width_mL` to `slope` and stays there.
// Without it a squeezed atrium or vein empties past zero (a linear compliance has no floor).
struct CollapseParams {
  double onset_mL;  // volume at which the walls start to meet, mL
  double width_mL;  // volume over which the stiffness builds, mL
  double slope;     // full stiffness, mmHg/mL
};

struct ValveParams {
  double resistance;  // mmHg*s/mL
  double inertance;   // mmHg*s^2/mL
};

struct CirculationParams {
  VentricleParams lv;
  VentricleParams rv;
  VentricleParams septum;  // Smith 2004 septal free-wall split
  AtriumParams la;
  AtriumParams ra;

  // Pericardium (exponential) around all four chambers plus its fluid.
  double pericardium_p0;        // mmHg
  double pericardium_lambda;    // 1/mL
  double pericardium_v0;        // mL, contents volume at zero transmural pressure
  double pericardial_fluid_mL;  // normal pericardial fluid, mL

  VesselParams aorta;              // thoracic aorta (intrathoracic)
  VesselParams systemic_arteries;  // extrathoracic arteries incl. carotids
  VesselParams splanchnic_veins;
  VesselParams extrasplanchnic_veins;
  VesselParams jugular_veins;   // cerebral/jugular veins above the thoracic inlet
  VesselParams thoracic_veins;  // SVC and intrathoracic IVC (intrathoracic)
  VesselParams pulmonary_arteries;
  VesselParams pulmonary_veins;  // pulmonary capillaries and veins

  CollapseParams collapse;  // every chamber and vessel

  ValveParams mitral;
  ValveParams aortic;
  ValveParams tricuspid;
  ValveParams pulmonic;

  double r_aorta_arteries;         // thoracic aorta -> systemic arteries
  double r_splanchnic;             // splanchnic arterioles (resting)
  double r_extrasplanchnic;        // extrasplanchnic arterioles (resting)
  double r_cerebral;               // cerebral bed (Starling resistor against ICP)
  double r_coronary;               // coronary bed, aorta -> right atrium
  double intramyocardial_factor;   // fraction of LV transmural pressure squeezing coronaries
  double r_splanchnic_veins;       // splanchnic veins -> thoracic veins
  double r_extrasplanchnic_veins;  // extrasplanchnic veins -> thoracic veins
  double r_jugular_valve;          // thoracic-inlet venous valve (forward only)
  double r_vena_cava_atrium;       // thoracic veins -> right atrium
  double r_pulmonary;              // pulmonary arteries -> pulmonary veins
  double r_pulmonary_veins;        // pulmonary veins -> left atrium

  double intracranial_pressure;  // mmHg
  double intrathoracic_pressure;  // mmHg, resting mean pleural pressure
  // The lung's parenchyma holds the extra-alveolar vessels open: as the lung inflates, the
  // pressure around them falls below pleural pressure by this share of the rise in
  // transpulmonary pressure (Lai-Fook 1979).
  double pulmonary_artery_tethering;  // 1
  double pulmonary_vein_tethering;    // 1

  // Activation timing.
  double systole_intercept_s;     // ventricular systole Ts = a - b*f (f in Hz)
  double systole_slope_s2;        // b, s^2
  double systole_rise_fraction;   // share of Ts during which activation rises
  double atrial_systole_s;        // atrial activation duration
};

// The reference adult man's parameters (README.md gives each one's source), scaled to another
// size by s = metabolic mass / 70 kg (engine/patient.cpp): volumes and compliances with s, resistances, elastances and
// inertances inversely, so pressures stay and flows scale. Each parameter by name.
CirculationParams reference_circulation();
void scale_to_mass(CirculationParams& p, double s);
std::span<const ParamSpec<CirculationParams>> param_table();

}  // namespace resus::cv

