// Peripheral chemoreflex and lung-stretch receptors after Ursino and Magosso 2000 (isocapnic
// hypoxia) and Magosso and Ursino 2001 (the O2-CO2 interaction at the carotid body): the
// chemoreceptors' firing rises as arterial PO2 falls, more so with CO2; the slowly adapting
// lung-stretch receptors fire with lung inflation. Both shift the baroreflex's efferents: the
// chemoreceptors raise vagal and cardiac sympathetic firing, lung inflation lowers vagal firing.
// So hypoxia slows the heart when the lungs are still (apnoea, asphyxia: the diving pattern) and
// barely does when they breathe. Deviations are measured from the patient's resting firing, so
// a resting patient stays where the baroreflex's calibration put it.
#pragma once

#include "models/common/state_check.hpp"

namespace resus::autonomic {

struct ChemoreflexParams {
  // Chemoreceptor static curve: phi_O2 = (f_max + f_min E) / (1 + E), E = exp((PaO2 - PO2c)/k),
  // times phi_CO2 = K ln(PaCO2 / PaCO2n) + co2_factor_n, K rising from k_h above 80 mmHg by
  // k_hypoxic_rise at 40 mmHg and below (hypoxia potentiates the CO2 response).
  double f_ac_max, f_ac_min;      // spikes/s
  double po2_center_mmHg, k_ac_mmHg;
  double k_h;                     // CO2 gain, spikes/s per ln unit (as a factor on phi_O2)
  double k_hypoxic_rise;          // rise of that gain from PaO2 80 to 40 mmHg
  double co2_factor_n;            // phi_CO2 at PaCO2n
  double paco2_n_mmHg;
  double tau_ac_s;                // receptor time constant
  double stretch_gain_per_L;      // lung-stretch firing per litre above FRC, spikes/s/L
  double tau_ap_s;
  // Efferent weights (spikes/s per spike/s of afferent deviation).
  double w_chemo_vagal, w_stretch_vagal;
  double w_chemo_cardiac_sympathetic;
  double gain_scale;              // 1 intact, 0 no chemo- or stretch reflex
};

// The resting firing the deviations are measured from, found when the model is compiled
// (engine/model.cpp); `active` is 0 while the patient is being settled.
struct ChemoreflexReference {
  double chemo_rest, stretch_rest;  // spikes/s
  int32_t active;
  int32_t pad;
};

struct ChemoreflexState {
  double chemo;    // f_ac, spikes/s
  double stretch;  // f_ap, spikes/s
};

// What the afferents add to the baroreflex's efferents (spikes/s): inside the cardiac
// sympathetic exponent (with the baroreceptor afferent's sign reversed) and to vagal firing.
struct EfferentShift {
  double cardiac_sympathetic;
  double vagal;
};

class Chemoreflex {
 public:
  Chemoreflex(const ChemoreflexParams& p, const ChemoreflexReference& ref) : p_(&p), ref_(ref) {}

  // The chemoreceptors' steady firing for arterial tensions.
  double chemoreceptor_firing(double pao2_mmHg, double paco2_mmHg) const;
  ChemoreflexState rest_state(double pao2_mmHg, double paco2_mmHg, double lung_above_frc_L) const;
  // Advances both receptors over `dt_s` with the arterial tensions and lung volume above FRC.
  void tick(double pao2_mmHg, double paco2_mmHg, double lung_above_frc_L, double dt_s,
            ChemoreflexState& s) const;
  EfferentShift shift(const ChemoreflexState& s) const;

 private:
  const ChemoreflexParams* p_;
  ChemoreflexReference ref_;
};

ChemoreflexParams reference_chemoreflex();
void check_state(const ChemoreflexState& s, StateCheck& c);

}  // namespace resus::autonomic
