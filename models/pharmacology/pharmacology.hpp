// Pharmacology: drugs carried by the circulation's own flows from where they were given, through
// one pool per circulation compartment, exchanging with four tissues, cleared by the beds that
// clear them in proportion to their flow, and reaching an effect site with a delay; the body's
// own epinephrine, norepinephrine and vasopressin on the same path; and what every drug on board
// does, as factors on the effect channels. physiology.md A.7, B.3; als-next.md 1.
// Pure: no heap, no I/O, no exceptions; the state is one trivially copyable struct.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <type_traits>

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"
#include "models/pharmacology/drugs.hpp"

namespace resus::pharm {

// The vascular pools are the circulation's compartments, in its order (cv::StateIndex).
constexpr int kNumPools = 12;
enum Pool : int {
  kLA, kLV, kRA, kRV, kAorta, kArteries, kSplanchnicVeins, kExtrasplanchnicVeins, kJugularVeins,
  kThoracicVeins, kPulmonaryArteries, kPulmonaryVeins
};

// Tissues, each on the bed that perfuses it: the brain (cerebral), the heart (coronary), the
// splanchnic organs (splanchnic, where the liver and kidneys clear), the periphery
// (extrasplanchnic: muscle, skin, fat, bone).
enum Tissue : int { kBrain = 0, kHeartMuscle, kSplanchnicOrgans, kPeriphery, kNumTissues };

// Where a dose waits before the blood takes it.
enum Site : int {
  kAntecubitalVein = 0,  // forearm veins up to the elbow
  kArmVeins,             // basilic/cephalic, axillary and subclavian veins
  kHumeralMarrow,
  kSternalMarrow,
  kTibialMarrow,
  kLegVeins,             // popliteal, femoral and iliac veins
  kAirways,              // tracheal and nebulised deposits
  kMuscle,               // intramuscular depot
  kStomach,              // oral dose not yet past the pylorus
  kGut,                  // oral dose in the small intestine, not yet absorbed
  kNumSites
};

// The flows between the pools over one transport tick, mL (signed; the circulation's own).
enum Flow : int {
  kMitral = 0, kAortic, kTricuspid, kPulmonic, kAortaArteries, kCoronaryBed, kCerebralBed,
  kSplanchnicBed, kExtrasplanchnicBed, kSplanchnicReturn, kExtrasplanchnicReturn, kJugularReturn,
  kVenaCava, kPulmonary, kPulmonaryVeinsFlow, kHemorrhage,
  kChestBleed,  // from the aorta into the pericardium or a pleura (lost with what it carries)
  kNumFlows
};

struct PharmParams {
  double body_mass_kg;
  // Tissue masses, as volumes of tissue water and solids, mL.
  double brain_mL, heart_mL, splanchnic_organs_mL, periphery_mL;
  // Injection sites.
  double antecubital_vein_mL;     // [U] forearm veins to the elbow
  double arm_veins_mL;            // [U] elbow to the superior vena cava
  double arm_flow_share;          // arm's share of extrasplanchnic flow [M ~0.04]
  double humeral_marrow_mL, humeral_flow_share;  // of the arm's flow
  double sternal_marrow_mL, sternal_flow_share;  // of extrasplanchnic flow
  double tibial_marrow_mL, tibial_flow_share;    // of extrasplanchnic flow
  double leg_veins_mL, leg_flow_share;           // of extrasplanchnic flow
  double tracheal_absorption_per_min;  // at resting pulmonary flow
  double nebulised_deposition;         // share of a nebulised dose deposited in the airways
  double intramuscular_absorption_per_min;  // at resting extrasplanchnic flow
  double gastric_emptying_per_min;          // stomach to small intestine
  double oral_absorption_per_min;           // at resting splanchnic flow
  // The adrenal medulla, sympathetic spillover and the posterior pituitary.
  // Resting arterial plasma levels; the resting secretion is what keeps them against the
  // resting clearance.
  double epinephrine_rest_ng_mL, norepinephrine_rest_ng_mL, vasopressin_rest_ng_mL;
  double epinephrine_stress_gain, norepinephrine_stress_gain, vasopressin_stress_gain;
  double stress_hypotension_mmHg;   // MAP fall below rest that counts as one unit of stress
  double stress_hypoxia_po2_mmHg;   // PaO2 below which hypoxia stresses
  double stress_acidosis_ph;        // arterial pH below which acidosis stresses
  double stress_time_constant_s;    // how fast secretion follows the stress
  // Tolerance of the alpha-1 response to sustained or repeated agonists.
  double alpha1_tolerance_max;      // share of the response above rest that can be lost
  double alpha1_tolerance_tau_s;    // how fast it develops (recovers 3x more slowly)
  double alpha1_ischaemic_shift;    // alpha-1 EC50 x (1 + shift x vascular hypoxia)
  double alpha1_hypoxia_tau_s;      // how fast the vascular hypoxia follows the unmet O2 share
  double beta1_ischaemic_shift;     // beta-1 EC50 x (1 + shift x the myocardium's energy deficit^2)
  // What the blood does to the channel blockers (effects.cpp).
  double sodium_block_per_ph;          // ln-fall of the sodium-channel drive per pH unit [F]
  double sodium_block_sodium_exponent; // drive x (140 / Na)^n [F]
  double calcium_block_calcium_exponent;  // calcium-channel drive x (1.25 / iCa)^n [U]
  // Acidaemia blunts the adrenergic receptors: below the threshold pH the drive at alpha-1, beta-1
  // and beta-2 (and the nerves' action through them) is x exp(-(pH_t - pH)/scale).
  double acidosis_threshold_ph;              // [M 7.20]
  double acidosis_catecholamine_ph_scale;    // [U 0.29: the response halved at pH 7.0]
  // Hypoglycaemia: below the threshold glucose the adrenal medulla secretes epinephrine at
  // x (1 + per_mmol x the shortfall) of rest (Mitrakou 1991's threshold; README).
  double hypoglycaemia_epinephrine_mmol_L, hypoglycaemia_epinephrine_per_mmol;
};

PharmParams default_pharm_params(double body_mass_kg);
std::span<const ParamSpec<PharmParams>> param_table();

struct DrugState {
  std::array<double, kNumPools> pool;      // ug in each vascular pool
  std::array<double, kNumTissues> tissue;  // ug
  std::array<double, kNumSites> site;      // ug waiting at a site
  double effect_ng_mL;                     // effect-site concentration
  double given_ug;                         // by the rescuers (bolus and infusion)
  double secreted_ug;                      // by the body
  double eliminated_ug;                    // cleared, broken down, or never absorbed
  double bled_ug;                          // lost with blood
  double delivered_ug;                     // a solute's: handed to the chemistry
  double infusion_ug_s;                    // 0: none
  int32_t infusion_route;                  // Route
  int32_t pad;
};

struct PharmState {
  std::array<DrugState, kNumDrugs> drug;
  std::array<double, kNumFlows> flow_mL;      // accumulated since the last transport tick
  double tick_s;                              // time accumulated with them
  std::array<double, kNumPools> volume_mL;    // the compartments' volumes at the tick's start
  int32_t bleed_pool;                         // the pool a hemorrhage drains (Pool)
  uint32_t on_board;                          // bit per drug with any amount or infusion
  static_assert(kNumDrugs <= 32, "on_board holds a bit per drug: widen it past 32 drugs");
  std::array<double, kNumFlows> mean_flow_mL_s;  // low-passed (tau 10 s), for absorption rates
  std::array<double, kNumFlows> rest_flow_mL_s;  // at rest: extraction and absorption refer to it
  // Each drug's intrinsic clearance in each tissue's bed at 37 C, mL/s: the resting extraction
  // at the resting flow, fixed at the start (well-stirred: E = 1 - exp(-CLint/Q)).
  std::array<std::array<double, kNumTissues>, kNumDrugs> intrinsic_clearance_mL_s;
  std::array<double, 3> rest_secretion_ug_s;  // epinephrine, norepinephrine, vasopressin
  double map_mmHg, rest_map_mmHg;             // low-passed mean arterial pressure and at rest
  double stress;                              // 0 at rest; hypotension + hypoxia + acidosis
  std::array<double, kNumTargets> occupancy;       // now (before tolerance takes its share)
  std::array<double, kNumTargets> tolerance;       // share of each target's response lost, 0..max
  std::array<double, kNumTargets> rest_occupancy;  // at rest (the body's own hormones)
  std::array<double, kNumChannels> out;            // what the drugs change, relative to rest
  double ph, sodium_mmol_L, ionised_calcium_mmol_L;  // the blood the channel blockers act in
  double vascular_hypoxia;  // the vessels': low-passed share of the tissues' O2 demand not met, 0..1
  double myocardial_energy; // the heart muscle's energy state, 0..1 (its deficit holds beta-1)
};
static_assert(std::is_trivially_copyable_v<PharmState>);

// What a transport tick reads.
struct TickInputs {
  std::array<double, kNumPools> volume_mL;   // the circulation's compartment volumes now
  double arterial_pressure_mmHg;             // systemic arteries, now
  double arterial_po2_mmHg, arterial_ph;
  double temperature_C;
  double sodium_mmol_L, ionised_calcium_mmol_L;  // arterial plasma
  double o2_unmet_share;                     // the tissues' O2 demand not met, 0..1
  double myocardial_energy = 1.0;            // the heart muscle's energy state, 0..1 (1: rest)
  double glucose_mmol_L = 5.0;               // arterial plasma (the adrenal medulla's call)
};

constexpr double kTick_s = 0.1;  // transport tick: the pools' time constants are seconds (an LV
                                 // stroke moves under a tenth of a pool), and a tick must cost
                                 // little next to the 50 steps of the circulation it follows

// Adds a step's flows (mL/s, in Flow order) over dt to the tick's; true when a tick is due. The
// circulation's flows are finite (or its stage stops the sim); the tick checks what it uses.
inline bool accumulate(const double* flow_mL_s, double dt, PharmState& s) noexcept {
  for (int f = 0; f < kNumFlows; ++f) s.flow_mL[f] += flow_mL_s[f] * dt;
  s.tick_s += dt;
  return s.tick_s >= kTick_s - 1e-12;
}
// One transport tick over the accumulated flows: sites, pools, beds, tissues, clearance,
// secretion, effect sites, then the effects.
void tick(const PharmParams& p, const TickInputs& in, PharmState& s) noexcept;

// A bolus of `ug` by a route, then `flush_mL` of saline behind it.
void give(const PharmParams& p, Drug d, double ug, Route r, double flush_mL, PharmState& s) noexcept;
// An infusion at `ug_s` by a route (0 stops it).
void infuse(Drug d, double ug_s, Route r, PharmState& s) noexcept;

// Concentrations, ng/mL.
double pool_ng_mL(const DrugState& d, int pool, double volume_mL);
// Everything of a drug in the body (pools, tissues, sites), ug.
double in_body_ug(const DrugState& d);

// The resting state: the body's own hormones at their resting concentration in every pool
// (tissues at equilibrium), everything else empty; the resting flows and pressure.
PharmState initial_state(const PharmParams& p, const std::array<double, kNumPools>& volume_mL,
                         const std::array<double, kNumFlows>& rest_flow_mL_s, double rest_map_mmHg);
// Makes the state as it stands the resting reference: effects are 1 (and 0) here.
void set_rest(const PharmParams& p, PharmState& s) noexcept;

void check_state(const PharmState& s, StateCheck& c);

}  // namespace resus::pharm
