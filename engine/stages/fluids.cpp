// The fluids stage: models/fluids on every step, after the circulation's. Reads
// bus.haemodynamics (the blood lost and the infusions' cells and protein over the step, the
// systemic arterial and venous pressures the capillaries sit between, the blood volume); writes
// bus.fluids (haemoglobin; the transcapillary refill the circulation's next step takes into the
// systemic veins).
#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::fluids {
namespace {

resus::fluids::FluidsInputs inputs(const SimState& s) {
  const HaemodynamicsBus& hb = s.bus.haemodynamics;
  const auto& P = hb.h.pressure;
  resus::fluids::FluidsInputs in{};
  in.dt_s = kStep_s;
  in.blood_volume_mL = hb.arterial_blood_mL + hb.venous_blood_mL;
  in.lost_mL = hb.blood_lost_mL;
  in.infused_hemoglobin_g = hb.infused_hemoglobin_g;
  in.infused_protein_mL = hb.infused_protein_mL;
  in.arterial_mmHg = P[cv::kArteries];
  // The systemic capillaries drain into the splanchnic and the other systemic veins.
  in.venous_mmHg = 0.5 * (P[cv::kSplanchnicVeins] + P[cv::kExtrasplanchnicVeins]);
  return in;
}

void publish_bus(const PatientParams& pp, SimState& s) {
  const double volume = s.bus.haemodynamics.arterial_blood_mL + s.bus.haemodynamics.venous_blood_mL;
  FluidsBus& b = s.bus.fluids;
  if (s.fluids.active) {
    const resus::fluids::FluidsReadout r = resus::fluids::readout(pp.fluids, s.fluids, volume);
    b.hemoglobin_g_dL = r.hemoglobin_g_dL;
    b.plasma_protein_ratio = r.oncotic_mmHg / pp.fluids.plasma_oncotic_mmHg;
  } else {
    b.hemoglobin_g_dL = pp.blood.hemoglobin_g_dL;
    b.plasma_protein_ratio = 1.0;
  }
  b.refill_mL_s = -s.fluids.filtration_mL_s;
}

}  // namespace

void start(SimState& s) {
  s.fluids = resus::fluids::FluidsState{};
  s.bus.fluids.refill_mL_s = 0.0;
  s.bus.fluids.plasma_protein_ratio = 1.0;
}

void step(const StepContext& c, SimState& s) {
  const PatientParams& pp = c.model.params();
  // The capillaries' filtration and the interstitium's compliance per kg of the lean, perfused
  // body: the metabolic mass, as the chemistry's extracellular spaces take it.
  resus::fluids::step(pp.fluids, pp.metabolic_mass_kg, inputs(s), s.fluids);
  publish_bus(pp, s);
}

void set_rest(const PatientParams& pp, SimState& s) {
  const HaemodynamicsBus& hb = s.bus.haemodynamics;
  resus::fluids::set_rest(pp.fluids, hb.arterial_blood_mL + hb.venous_blood_mL,
                          pp.blood.hemoglobin_g_dL, s.fluids);
  publish_bus(pp, s);
}

void publish(const Model& m, const SimState& s, double* sig) {
  const PatientParams& pp = m.params();
  const double volume = cv::Circulation::blood_volume(s.circulation.x);
  const resus::fluids::FluidsReadout r = resus::fluids::readout(pp.fluids, s.fluids, volume);
  sig[kHemoglobin] = s.bus.fluids.hemoglobin_g_dL;
  sig[kHematocrit] = 100.0 * r.hematocrit;
  sig[kPlasmaVolume] = r.plasma_volume_mL;
  sig[kTranscapillaryRefill] = 60.0 * s.bus.fluids.refill_mL_s;
  sig[kPlasmaOncotic] = r.oncotic_mmHg;
}

void check(const SimState& s, StateCheck& c) {
  resus::fluids::check_state(s.fluids, c);
  c.in("bus.fluids.hemoglobin_g_dL", s.bus.fluids.hemoglobin_g_dL, 0.0, 40.0)
      .in("bus.fluids.refill_mL_s", s.bus.fluids.refill_mL_s, -10.0, 10.0)
      .in("bus.fluids.plasma_protein_ratio", s.bus.fluids.plasma_protein_ratio, 0.0, 20.0);
}

}  // namespace resus::stages::fluids
