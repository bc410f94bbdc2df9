// The chemistry stage: models/chemistry's solutes on the blood's pools, and the blood-gas
// analyser. On each gas tick, before the blood stage, it reads bus.blood (the pools as the last
// tick left them, the tissue's O2 deficit), bus.dosing (solutes the pharmacology handed on) and
// the effects (the Na/K pump's and glucose uptake's drive); it writes bus.chemistry (what the
// blood's next transport carries for each solute, plasma potassium and calcium) and its slots
// (EffectWriter::kChemistry) of the membrane-stability channel, of both ventricles'
// contractility (acidaemia) and of the systemic-resistance, chronotropy, AV-conduction and
// respiratory-drive channels (a raised magnesium). Applies the condition,
// condition_stop, blood_gas and dialysis actions.
#include <cmath>
#include <limits>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::chemistry {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTick_s = 0.1;
using pharm::Drug;

// The drugs that are solutes, and what each one is to the chemistry.
struct SoluteDrug {
  Drug drug;
  chem::Infusate infusate;
};
constexpr SoluteDrug kSoluteDrugs[] = {
    {Drug::kSodiumBicarbonate, chem::Infusate::kSodiumBicarbonate},
    {Drug::kCalciumChloride, chem::Infusate::kCalciumChloride},
    {Drug::kCalciumGluconate, chem::Infusate::kCalciumGluconate},
    {Drug::kPotassiumChloride, chem::Infusate::kPotassiumChloride},
    {Drug::kDextrose, chem::Infusate::kGlucose},
    {Drug::kMagnesiumSulfate, chem::Infusate::kMagnesiumSulfate},
    {Drug::kHypertonicSaline, chem::Infusate::kSodiumChloride},
};
static_assert(std::size(kSoluteDrugs) == chem::kNumInfusates);

void publish_bus(SimState& s) {
  const chem::ChemReadout& o = s.chemistry.chem.out;
  ChemistryBus& b = s.bus.chemistry;
  b.potassium_mmol_L = o.potassium_mmol_L;
  b.ionised_calcium_mmol_L = o.ionised_calcium_mmol_L;
  b.sodium_mmol_L = o.sodium_mmol_L;
  b.magnesium_mmol_L = o.magnesium_mmol_L;
  b.glucose_mmol_L = o.glucose_mmol_L;
  set_effect(s.bus.effects, Effect::kMembraneStability_mmol_L, EffectWriter::kChemistry,
             o.membrane_stability_mmol_L);
}

// Acidaemia weakens both ventricles (its slot of the contractility channels); a raised magnesium
// acts on the vessels, the nodes and breathing (its slots of those channels), and a raised
// potassium on the sinus node.
void publish_contractility(const PatientParams& pp, SimState& s) {
  const double f = chem::acidosis_contractility(pp.chemistry, s.bus.blood.arterial_ph);
  update_effect(s.bus.effects, Effect::kLvContractility, EffectWriter::kChemistry, f);
  update_effect(s.bus.effects, Effect::kRvContractility, EffectWriter::kChemistry, f);
  // A raised magnesium (models/chemistry): vasodilation, slow and blocked nodes, failing breath.
  const chem::ChemReadout& o = s.chemistry.chem.out;
  const chem::MagnesiumEffects mg =
      chem::magnesium_effects(pp.chemistry, o.magnesium_mmol_L, o.ionised_calcium_mmol_L);
  update_effect(s.bus.effects, Effect::kSystemicResistance, EffectWriter::kChemistry,
                mg.systemic_resistance);
  // Hyperkalaemia slows the sinus node too, at the potassium the membrane feels.
  const double k_chronotropy =
      chem::potassium_chronotropy(pp.chemistry, o.potassium_mmol_L - o.membrane_stability_mmol_L);
  update_effect(s.bus.effects, Effect::kChronotropy, EffectWriter::kChemistry,
                mg.chronotropy * k_chronotropy);
  update_effect(s.bus.effects, Effect::kAvConduction, EffectWriter::kChemistry, mg.av_conduction);
  update_effect(s.bus.effects, Effect::kRespiratoryDrive, EffectWriter::kChemistry,
                mg.respiratory_drive);
}

// What an analyser reports of the blood drawn now.
LabResult draw(const SimState& s, int site) {
  const BloodBus& b = s.bus.blood;
  const auto& pool = site == 0 ? b.arterial : b.venous;
  LabResult r{};
  if (site == 0) {
    r.ph = b.arterial_ph;
    r.po2_mmHg = b.arterial_po2_mmHg;
    r.pco2_mmHg = b.arterial_pco2_mmHg;
  } else {
    r.ph = b.venous_ph;
    r.po2_mmHg = b.venous_po2_mmHg;
    r.pco2_mmHg = b.venous_pco2_mmHg;
  }
  r.hco3_mmol_L = resus::blood::hco3_from(r.pco2_mmHg, r.ph);
  r.be_mmol_L = pool[chem::kBufferBase] - resus::blood::kNormalBufferBase_mmol_L;
  r.lactate_mmol_L = pool[chem::kLactate];
  r.k_mmol_L = pool[chem::kPotassium];
  r.ica_mmol_L = pool[chem::kCalcium];
  r.glucose_mmol_L = pool[chem::kGlucose];
  r.hb_g_dL = s.bus.blood.hemoglobin_g_dL;
  return r;
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  if (!c.breathing_coupled) return;
  ChemistryState& cs = s.chemistry;
  // The analyser's result shows when it is due.
  if (!std::isnan(cs.lab_due_s) && now(s) >= cs.lab_due_s - 1e-9) {
    cs.lab_shown = cs.lab_drawn;
    cs.lab_shown_site = cs.lab_site;
    cs.lab_due_s = kNaN;
    c.events.push(EventKind::kLabResult, cs.lab_site, cs.lab_shown.ph);
  }
  if (!s.bus.lungs.gas_tick) return;
  // The solutes' time constants are minutes: the chemistry ticks every 10 gas ticks (100 ms), and
  // the blood applies its rates on each gas tick of the next 100 ms.
  cs.tick_s += s.bus.lungs.tick_dt_s;
  cs.tick_flow_mL += s.bus.lungs.tick_systemic_flow_mL;
  if (cs.tick_s < kTick_s - 1e-9) return;
  const PatientParams& pp = c.model.params();
  const BloodBus& b = s.bus.blood;
  chem::ChemInputs in{};
  in.dt_s = cs.tick_s;
  in.systemic_flow_mL = cs.tick_flow_mL;
  cs.tick_s = cs.tick_flow_mL = 0.0;
  in.arterial = b.arterial;
  in.venous = b.venous;
  in.tissue = b.tissue;
  in.vo2_mL_s = b.vo2_mL_s;
  in.o2_deficit_mL_s = b.o2_deficit_mL_s;
  in.potassium_uptake_scale = s.bus.effects[Effect::kPotassiumUptake];
  in.glucose_uptake_scale = s.bus.effects[Effect::kGlucoseUptake];
  for (const SoluteDrug& d : kSoluteDrugs) {
    const auto i = static_cast<std::size_t>(d.drug);
    const double fresh = s.bus.dosing.delivered_ug[i] - cs.taken_ug[i];
    if (!(fresh > 0.0)) continue;
    cs.taken_ug[i] = s.bus.dosing.delivered_ug[i];
    in.delivered_mmol[static_cast<std::size_t>(d.infusate)] =
        fresh / 1000.0 / pharm::drug_spec(d.drug).molar_mass_g_mol;
  }
  in.hematocrit = b.hemoglobin_g_dL / pp.fluids.mchc_g_dL;
  resus::blood::BloodInputs out{};
  chem::tick(pp.chemistry, in, cs.chem, out);
  ChemistryBus& bus = s.bus.chemistry;
  bus.tissue_volume_mL = out.tissue_volume_mL;
  bus.tissue_source = out.tissue_source;
  bus.venous_source = out.venous_source;
  chem::read(pp.chemistry, b.arterial, b.venous, b.tissue, cs.chem);
  publish_bus(s);
  publish_contractility(pp, s);
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr int kCondition = field_index(ActionKind::kCondition, "condition");
  constexpr int kRate = field_index(ActionKind::kCondition, "rate_mmol_h");
  constexpr int kAmount = field_index(ActionKind::kCondition, "amount_mmol");
  constexpr int kStopCondition = field_index(ActionKind::kConditionStop, "condition");
  constexpr int kSite = field_index(ActionKind::kBloodGas, "site");
  constexpr int kDelay = field_index(ActionKind::kBloodGas, "analyser_delay_s");
  ChemistryState& cs = s.chemistry;
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kCondition: {
      const auto cond = static_cast<chem::Condition>(a[kCondition]);
      double rate = a[kRate];
      if (!(rate > 0.0)) rate = cond == chem::Condition::kAcidLoad ? 600.0 : 20.0;
      chem::start_condition(cond, rate, a[kAmount], cs.chem);
      c.events.push(EventKind::kActionApplied, kind, rate);
      break;
    }
    case ActionKind::kConditionStop:
      chem::stop_condition(static_cast<chem::Condition>(a[kStopCondition]), cs.chem);
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    case ActionKind::kBloodGas: {
      const int site = static_cast<int>(a[kSite]);
      cs.lab_drawn = draw(s, site);
      cs.lab_site = site;
      cs.lab_due_s = now(s) + a[kDelay];
      c.events.push(EventKind::kActionApplied, kind, a[kDelay]);
      break;
    }
    case ActionKind::kDialysis: {
      constexpr int kFlow = field_index(ActionKind::kDialysis, "rate_mL_min");
      constexpr int kBathK = field_index(ActionKind::kDialysis, "potassium_mmol_L");
      constexpr int kBathHco3 = field_index(ActionKind::kDialysis, "bicarbonate_mmol_L");
      chem::set_dialysis(a[kFlow], a[kBathK], a[kBathHco3], cs.chem);
      c.events.push(EventKind::kActionApplied, kind, a[kFlow]);
      break;
    }
    default: break;
  }
}

void start(const PatientParams& pp, double flow_mL_s, SimState& s) {
  ChemistryState& cs = s.chemistry;
  cs = ChemistryState{};
  cs.chem = chem::initial_state(pp.chemistry, s.blood.pools, flow_mL_s);
  cs.taken_ug.fill(0.0);
  cs.lab_drawn = cs.lab_shown = LabResult{};  // no signal is ever NaN: zeros, lab_site -1
  cs.lab_due_s = kNaN;
  cs.lab_site = 0;
  cs.lab_shown_site = -1;
  // Until the first tick, the blood carries the solutes with their tissue volumes and no sources.
  ChemistryBus& bus = s.bus.chemistry;
  bus.tissue_volume_mL.fill(0.0);
  bus.tissue_source.fill(0.0);
  bus.venous_source.fill(0.0);
  for (int i = chem::kBufferBase; i < chem::kEndSolutes; ++i)
    bus.tissue_volume_mL[static_cast<std::size_t>(i)] = chem::tissue_volume_mL(pp.chemistry, i);
  publish_bus(s);
}

void set_rest(const PatientParams& pp, SimState& s) {
  chem::set_rest(pp.chemistry, s.blood.pools, s.chemistry.chem);
  publish_bus(s);
}

void publish(const PatientParams& pp, const SimState& s, double* sig) {
  const chem::ChemReadout& o = s.chemistry.chem.out;
  sig[kBaseExcess] = o.base_excess_mmol_L;
  sig[kLactate] = o.lactate_mmol_L;
  sig[kAnionGap] = chem::anion_gap(pp.chemistry, o.lactate_mmol_L, s.bus.fluids.plasma_protein_ratio);
  sig[kLactateVenous] = o.lactate_venous_mmol_L;
  sig[kPotassium] = o.potassium_mmol_L;
  sig[kIonisedCalcium] = o.ionised_calcium_mmol_L;
  sig[kMagnesium] = o.magnesium_mmol_L;
  sig[kSodium] = o.sodium_mmol_L;
  sig[kGlucose] = o.glucose_mmol_L;
  sig[kBaseExcessVenous] = s.bus.blood.venous_base_excess_mmol_L;
  sig[kDialysisBloodFlow] = s.chemistry.chem.dialysis_blood_flow_mL_s * 60.0;
  sig[kPotassiumDialysed] = s.chemistry.chem.potassium_dialysed_mmol;
  const LabResult& l = s.chemistry.lab_shown;
  sig[kLabPh] = l.ph;
  sig[kLabPo2] = l.po2_mmHg;
  sig[kLabPco2] = l.pco2_mmHg;
  sig[kLabHco3] = l.hco3_mmol_L;
  sig[kLabBe] = l.be_mmol_L;
  sig[kLabLactate] = l.lactate_mmol_L;
  sig[kLabPotassium] = l.k_mmol_L;
  sig[kLabIonisedCalcium] = l.ica_mmol_L;
  sig[kLabGlucose] = l.glucose_mmol_L;
  sig[kLabHemoglobin] = l.hb_g_dL;
  sig[kLabSite] = s.chemistry.lab_shown_site;
}

void check(const SimState& s, StateCheck& c) {
  const ChemistryState& cs = s.chemistry;
  chem::check_state(cs.chem, c);
  c.all_in("chemistry.taken_ug", cs.taken_ug, 0.0, 1e12)
      .in("chemistry.tick_s", cs.tick_s, 0.0, kTick_s)
      .in("chemistry.tick_flow_mL", cs.tick_flow_mL, -1e5, 1e5)
      .in_or_nan("chemistry.lab_due_s", cs.lab_due_s, -1.0, 1e9)
      .index("chemistry.lab_site", cs.lab_site, 0, 1)
      .index("chemistry.lab_shown_site", cs.lab_shown_site, -1, 1);
  for (const LabResult* l : {&cs.lab_drawn, &cs.lab_shown}) {
    int i = 0;
    for (double v : {l->ph, l->po2_mmHg, l->pco2_mmHg, l->hco3_mmol_L, l->be_mmol_L,
                     l->lactate_mmol_L, l->k_mmol_L, l->ica_mmol_L, l->glucose_mmol_L, l->hb_g_dL})
      c.in("chemistry.lab", v, -1e3, 1e4, i++);
  }
  const ChemistryBus& b = s.bus.chemistry;
  c.in("chemistry.potassium_mmol_L", b.potassium_mmol_L, 0.0, resus::blood::kMaxLinearContent)
      .in("chemistry.ionised_calcium_mmol_L", b.ionised_calcium_mmol_L, 0.0,
          resus::blood::kMaxLinearContent)
      .in("chemistry.sodium_mmol_L", b.sodium_mmol_L, 0.0, resus::blood::kMaxLinearContent)
      .in("chemistry.magnesium_mmol_L", b.magnesium_mmol_L, 0.0, resus::blood::kMaxLinearContent)
      .in("chemistry.glucose_mmol_L", b.glucose_mmol_L, 0.0, resus::blood::kMaxLinearContent)
      .all_in("chemistry.tissue_volume_mL", b.tissue_volume_mL, 0.0, 1e6)
      .all_in("chemistry.tissue_source", b.tissue_source, -1e7, 1e7)
      .all_in("chemistry.venous_source", b.venous_source, -1e7, 1e7);
}

void rebase(SimState& s, double dt) {
  if (!std::isnan(s.chemistry.lab_due_s)) s.chemistry.lab_due_s -= dt;
}

}  // namespace resus::stages::chemistry
