// The pharmacology stage: models/pharmacology's drugs and the body's own hormones, carried by the
// circulation's flows of each step and ticked every 100 ms. Reads bus.haemodynamics (flows,
// arterial pressure), the circulation's compartment volumes, bus.blood (PaO2, pH),
// bus.chemistry (sodium, ionised calcium) and bus.temperature; applies the drug, infusion and infusion_stop actions; writes its slot of the
// effect channels (EffectWriter::kPharmacology) and bus.dosing (solutes handed to the chemistry).
#include <cmath>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::pharmacology {
namespace {

using pharm::Drug;
static_assert(pharm::kNumPools == cv::kNumVolumes, "one drug pool per circulation compartment");
constexpr bool same(pharm::Pool p, cv::StateIndex c) { return static_cast<int>(p) == static_cast<int>(c); }
static_assert(same(pharm::kLA, cv::kLA) && same(pharm::kAorta, cv::kAorta) &&
              same(pharm::kArteries, cv::kArteries) && same(pharm::kThoracicVeins, cv::kThoracicVeins) &&
              same(pharm::kPulmonaryVeins, cv::kPulmonaryVeins),
              "drug pools in the circulation's order");
static_assert(kDrugLast - kDrugFirst + 1 == kDrugSignalsPerDrug * pharm::kNumDrugs,
              "a block of signals per drug");

// Each pharmacology channel's effect channel on the bus.
constexpr Effect kChannelEffect[pharm::kNumChannels] = {
    Effect::kSystemicResistance, Effect::kVenousUnstressedVolume, Effect::kPulmonaryResistance,
    Effect::kCoronaryResistance, Effect::kLvContractility,        Effect::kRvContractility,
    Effect::kChronotropy,        Effect::kVagalEffect,            Effect::kAvConduction,
    Effect::kAutomaticity,       Effect::kVfHazard,               Effect::kRefibrillationHazard,
    Effect::kDefibrillationThreshold, Effect::kRespiratoryDrive,  Effect::kMetabolicRate,
    Effect::kPotassiumUptake,    Effect::kGlucoseUptake,          Effect::kQt_ms,
    Effect::kThrombolysis_per_h, Effect::kBeta1Blockade,          Effect::kAlpha1Blockade,
    Effect::kSodiumChannelBlock, Effect::kPupilConstriction};

std::array<double, pharm::kNumFlows> flows(const cv::Hemodynamics& h, double chest_bleed_mL_s) {
  std::array<double, pharm::kNumFlows> q{};
  q[pharm::kMitral] = h.q_mitral;
  q[pharm::kAortic] = h.q_aortic;
  q[pharm::kTricuspid] = h.q_tricuspid;
  q[pharm::kPulmonic] = h.q_pulmonic;
  q[pharm::kAortaArteries] = h.q_aorta_arteries;
  q[pharm::kCoronaryBed] = h.q_coronary;
  q[pharm::kCerebralBed] = h.q_cerebral;
  q[pharm::kSplanchnicBed] = h.q_splanchnic;
  q[pharm::kExtrasplanchnicBed] = h.q_extrasplanchnic;
  q[pharm::kSplanchnicReturn] = h.q_splanchnic_return;
  q[pharm::kExtrasplanchnicReturn] = h.q_extrasplanchnic_return;
  q[pharm::kJugularReturn] = h.q_jugular_return;
  q[pharm::kVenaCava] = h.q_vena_cava;
  q[pharm::kPulmonary] = h.q_pulmonary;
  q[pharm::kPulmonaryVeinsFlow] = h.q_pulmonary_veins;
  q[pharm::kHemorrhage] = h.q_hemorrhage;
  q[pharm::kChestBleed] = chest_bleed_mL_s;
  return q;
}

std::array<double, pharm::kNumPools> volumes(const SimState& s) {
  std::array<double, pharm::kNumPools> v{};
  for (int k = 0; k < pharm::kNumPools; ++k) v[k] = s.circulation.x[k];
  return v;
}

void write_effects(SimState& s) {
  const pharm::PharmState& p = s.pharmacology.pk;
  for (int k = 0; k < pharm::kNumChannels; ++k)
    set_effect(s.bus.effects, kChannelEffect[k], EffectWriter::kPharmacology, p.out[k]);
  for (int i = 0; i < pharm::kNumDrugs; ++i)
    s.bus.dosing.delivered_ug[static_cast<std::size_t>(i)] = p.drug[static_cast<std::size_t>(i)].delivered_ug;
}

}  // namespace

void step(const StepContext& c, SimState& s) {
  if (!c.breathing_coupled) return;  // a model settling its circulation alone: no drugs yet
  pharm::PharmState& p = s.pharmacology.pk;
  if (!pharm::accumulate(flows(s.bus.haemodynamics.h, s.bus.conditions.chest_bleed_mL_s).data(),
                         kStep_s, p))
    return;
  p.bleed_pool = s.circulation.bleed.site == static_cast<int32_t>(cv::BleedSite::kArterial)
                     ? pharm::kArteries
                     : pharm::kExtrasplanchnicVeins;
  pharm::TickInputs t{};
  t.volume_mL = volumes(s);
  t.arterial_pressure_mmHg = s.bus.haemodynamics.h.pressure[cv::kArteries];
  t.arterial_po2_mmHg = s.bus.blood.arterial_po2_mmHg;
  t.arterial_ph = s.bus.blood.arterial_ph;
  const double demand = s.bus.blood.vo2_mL_s + s.bus.blood.o2_deficit_mL_s;
  t.o2_unmet_share = demand > 0.0 ? s.bus.blood.o2_deficit_mL_s / demand : 0.0;
  t.temperature_C = s.bus.temperature.core_C;
  t.myocardial_energy = s.bus.electrical.myocardial_energy;
  t.sodium_mmol_L = s.bus.chemistry.sodium_mmol_L;
  t.ionised_calcium_mmol_L = s.bus.chemistry.ionised_calcium_mmol_L;
  t.glucose_mmol_L = s.bus.chemistry.glucose_mmol_L;
  pharm::tick(c.model.params().pharmacology, t, p);
  write_effects(s);
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr int kDrug = field_index(ActionKind::kDrug, "drug");
  constexpr int kDose = field_index(ActionKind::kDrug, "dose");
  constexpr int kUnit = field_index(ActionKind::kDrug, "unit");
  constexpr int kRoute = field_index(ActionKind::kDrug, "route");
  constexpr int kFlush = field_index(ActionKind::kDrug, "flush_mL");
  constexpr int kInfDrug = field_index(ActionKind::kInfusion, "drug");
  constexpr int kRate = field_index(ActionKind::kInfusion, "rate");
  constexpr int kRateUnit = field_index(ActionKind::kInfusion, "unit");
  constexpr int kInfRoute = field_index(ActionKind::kInfusion, "route");
  constexpr int kStopDrug = field_index(ActionKind::kInfusionStop, "drug");
  const pharm::PharmParams& pp = c.model.params().pharmacology;
  pharm::PharmState& p = s.pharmacology.pk;
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kDrug: {
      const auto drug = static_cast<Drug>(a[kDrug]);
      const double ug = pharm::dose_ug(drug, a[kDose], static_cast<pharm::DoseUnit>(a[kUnit]),
                                       pp.body_mass_kg);
      if (!std::isfinite(ug)) return;  // validated actions always convert
      pharm::give(pp, drug, ug, static_cast<pharm::Route>(a[kRoute]), a[kFlush], p);
      c.events.push(EventKind::kActionApplied, kind, ug / 1000.0);
      break;
    }
    case ActionKind::kInfusion: {
      const auto drug = static_cast<Drug>(a[kInfDrug]);
      const double ug_s = pharm::rate_ug_s(drug, a[kRate], static_cast<pharm::RateUnit>(a[kRateUnit]),
                                           pp.body_mass_kg);
      if (!std::isfinite(ug_s)) return;
      pharm::infuse(drug, ug_s, static_cast<pharm::Route>(a[kInfRoute]), p);
      c.events.push(EventKind::kActionApplied, kind, ug_s * 60.0 / pp.body_mass_kg);
      break;
    }
    case ActionKind::kInfusionStop:
      pharm::infuse(static_cast<Drug>(a[kStopDrug]), 0.0, pharm::Route::kPeripheralIv, p);
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    default: break;
  }
}

void start(const PatientParams& pp, const std::array<double, pharm::kNumFlows>& rest_flow_mL_s,
           SimState& s) {
  s.pharmacology.pk = pharm::initial_state(pp.pharmacology, volumes(s), rest_flow_mL_s,
                                           s.signals[kMeanArterial]);
  write_effects(s);
  combine_effects(s.bus.effects);
}

std::array<double, pharm::kNumFlows> step_flows(const SimState& s) {
  return flows(s.bus.haemodynamics.h, s.bus.conditions.chest_bleed_mL_s);
}

void publish(const Model& m, const SimState& s, double* sig) {
  const pharm::PharmState& p = s.pharmacology.pk;
  const double arteries_mL = s.circulation.x[cv::kArteries];
  const double mass = m.params().pharmacology.body_mass_kg;
  for (int i = 0; i < pharm::kNumDrugs; ++i) {
    const pharm::DrugState& d = p.drug[static_cast<std::size_t>(i)];
    sig[drug_signal(i, kPlasma)] = pharm::pool_ng_mL(d, pharm::kArteries, arteries_mL);
    sig[drug_signal(i, kEffectSite)] = d.effect_ng_mL;
    sig[drug_signal(i, kGiven)] = d.given_ug / 1000.0;
    sig[drug_signal(i, kInfusionRate)] = d.infusion_ug_s * 60.0 / mass;
  }
}

void check(const SimState& s, StateCheck& c) { pharm::check_state(s.pharmacology.pk, c); }

}  // namespace resus::stages::pharmacology
