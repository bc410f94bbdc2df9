// The blood stage: models/blood's pools and tissue stores, advanced on each gas tick of the lungs
// with the blood that flowed through the lungs and the tissue beds over the tick. Reads
// bus.lungs (what the lungs exchanged), bus.haemodynamics (arterial and venous blood volumes),
// bus.chemistry (the solutes' tissue volumes and sources), bus.temperature and the
// metabolic-rate effect; writes bus.blood.
#include <algorithm>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::blood {

void step(const StepContext& c, SimState& s) {
  const LungsBus& lungs = s.bus.lungs;
  if (!c.breathing_coupled || !lungs.gas_tick) return;
  resus::blood::BloodInputs in{};
  in.dt_s = lungs.tick_dt_s;
  in.pulmonary_flow_mL = lungs.tick_pulmonary_flow_mL;
  in.systemic_flow_mL = lungs.tick_systemic_flow_mL;
  in.arterial_blood_mL = s.bus.haemodynamics.arterial_blood_mL;
  in.venous_blood_mL = s.bus.haemodynamics.venous_blood_mL;
  in.temperature_C = s.bus.temperature.core_C;
  in.metabolic_scale = s.bus.effects[Effect::kMetabolicRate];
  in.hemoglobin_g_dL = s.bus.fluids.hemoglobin_g_dL;
  in.lung_flux_mL_s[resus::blood::kO2] = lungs.o2_uptake_mL_s;
  in.lung_flux_mL_s[resus::blood::kCO2] = -lungs.co2_release_mL_s;
  // The chemistry says where its solutes live and what enters and leaves them (bicarbonate's CO2
  // too).
  const ChemistryBus& chem = s.bus.chemistry;
  in.tissue_volume_mL = chem.tissue_volume_mL;
  in.tissue_source = chem.tissue_source;
  in.venous_source = chem.venous_source;
  resus::blood::transport(c.model.params().blood, in, s.blood.pools);
  publish_bus(c.model.params(), s);
}

void publish_bus(const PatientParams& pp, SimState& s) {
  const resus::blood::BloodState& p = s.blood.pools;
  BloodBus& b = s.bus.blood;
  b.hemoglobin_g_dL = s.bus.fluids.hemoglobin_g_dL > 0.0 ? s.bus.fluids.hemoglobin_g_dL
                                                          : pp.blood.hemoglobin_g_dL;
  b.arterial_po2_mmHg = p.out.pao2_mmHg;
  b.arterial_pco2_mmHg = p.out.paco2_mmHg;
  b.arterial_sat = p.art_sat;
  b.arterial_ph = p.art_ph;
  b.venous_o2_mL_mL = p.venous[resus::blood::kO2];
  b.venous_co2_mL_mL = p.venous[resus::blood::kCO2];
  b.venous_base_excess_mmol_L = p.out.base_excess_venous;
  b.arterial_base_excess_mmol_L = p.out.base_excess_arterial;
  b.venous_po2_mmHg = p.out.pvo2_mmHg;
  b.venous_pco2_mmHg = p.out.pvco2_mmHg;
  b.venous_ph = p.out.ph_venous;
  b.vo2_mL_s = p.out.vo2_mL_min / 60.0;
  b.o2_deficit_mL_s = p.out.o2_deficit_mL_s;
  b.arterial = p.arterial;
  b.venous = p.venous;
  b.tissue = p.tissue;
}

void publish(const SimState& s, double* sig) {
  const resus::blood::BloodReadout& r = s.blood.pools.out;
  sig[kPao2] = r.pao2_mmHg;
  sig[kPaco2] = r.paco2_mmHg;
  sig[kSao2] = 100.0 * r.sao2;
  sig[kPhArterial] = r.ph_arterial;
  sig[kBicarbonate] = r.hco3_mmol_L;
  sig[kPvo2] = r.pvo2_mmHg;
  sig[kPvco2] = r.pvco2_mmHg;
  sig[kSvo2] = 100.0 * r.svo2;
  sig[kPhVenous] = r.ph_venous;
  sig[kVo2] = r.vo2_mL_min;
  sig[kVco2] = r.vco2_mL_min;
  sig[kO2Debt] = r.o2_debt_mL;

  // Cyanosis is the colour of the deoxygenated haemoglobin in the skin's capillaries, whose
  // blood is on average half-way between the arterial blood entering and the blood leaving at
  // the tissue's tension (Lundsgaard and Van Slyke 1923): visible from about 5 g/dL, earlier or
  // later by observer and skin (SaO2 75-85% with a normal haemoglobin), so the signal ramps
  // over 4-6 g/dL; an anaemic patient stays pink. Without flow the capillary blood stands in
  // the tissue and gives up its O2 to it, so an arrested patient turns blue within a minute
  // or two although the blood left in the arteries is still saturated.
  const double capillary_sat = 0.5 * (r.sao2 + s.blood.pools.tissue_sat);
  const double deoxy = s.bus.blood.hemoglobin_g_dL * std::clamp(1.0 - capillary_sat, 0.0, 1.0);
  sig[kCapillaryDeoxyHb] = deoxy;
  sig[kCyanosis] = std::clamp((deoxy - 4.0) / 2.0, 0.0, 1.0);
}

void check(const SimState& s, StateCheck& c) {
  resus::blood::check_state(s.blood.pools, c);
  const BloodBus& b = s.bus.blood;
  c.in("blood.hemoglobin_g_dL", b.hemoglobin_g_dL, 0.0, 40.0)
      .in("blood.arterial_po2_mmHg", b.arterial_po2_mmHg, 0.0, 2000.0)
      .in("blood.arterial_pco2_mmHg", b.arterial_pco2_mmHg, 0.0, 2000.0)
      .in("blood.arterial_sat", b.arterial_sat, 0.0, 1.0)
      .in("blood.arterial_ph", b.arterial_ph, 5.0, 9.0)
      .in("blood.venous_o2_mL_mL", b.venous_o2_mL_mL, 0.0, 1.0)
      .in("blood.venous_co2_mL_mL", b.venous_co2_mL_mL, 0.0, 5.0);
}

}  // namespace resus::stages::blood
