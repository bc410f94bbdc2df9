#include "engine/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <locale>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/sim.hpp"

namespace resus {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

uint64_t fnv1a(const void* data, std::size_t n, uint64_t h = 1469598103934665603ull) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// A first guess of the blood's distribution: each compartment at a typical resting pressure,
// with what is left of the blood volume put into the large venous pools.
cv::State initial_guess(const PatientParams& pp) {
  const cv::CirculationParams& p = pp.circulation;
  const double pth = p.intrathoracic_pressure;
  cv::State x{};
  auto fill = [&](int i, const cv::VesselParams& v, double pressure, double external) {
    x[i] = v.unstressed_volume + (pressure - external) / v.elastance;
  };
  fill(cv::kAorta, p.aorta, 93.0, pth);
  fill(cv::kArteries, p.systemic_arteries, 90.0, 0.0);
  fill(cv::kSplanchnicVeins, p.splanchnic_veins, 5.0, 0.0);
  fill(cv::kExtrasplanchnicVeins, p.extrasplanchnic_veins, 5.0, 0.0);
  fill(cv::kJugularVeins, p.jugular_veins, 5.0, 0.0);
  fill(cv::kThoracicVeins, p.thoracic_veins, 4.0, pth);
  fill(cv::kPulmonaryArteries, p.pulmonary_arteries, 15.0, pth);
  fill(cv::kPulmonaryVeins, p.pulmonary_veins, 9.0, pth);
  x[cv::kLA] = p.la.v0 + (8.0 - pth) / p.la.emin;
  x[cv::kRA] = p.ra.v0 + (4.0 - pth) / p.ra.emin;
  const double s = pp.metabolic_mass_kg / 70.0;
  x[cv::kLV] = 120.0 * s;
  x[cv::kRV] = 120.0 * s;
  const double missing = pp.blood_volume_mL - cv::Circulation::blood_volume(x);
  const double c_spl = 1.0 / p.splanchnic_veins.elastance;
  const double c_ext = 1.0 / p.extrasplanchnic_veins.elastance;
  x[cv::kSplanchnicVeins] += missing * c_spl / (c_spl + c_ext);
  x[cv::kExtrasplanchnicVeins] += missing * c_ext / (c_spl + c_ext);
  return x;
}

// The lungs' and the blood's gases at their steady state for a cardiac output (mL/s), settled
// alone for `settle_s`, and the solutes at their resting values (the gases settle at a base
// excess of 0; the settling passes below bring them to the patient's own).
void start_gases(const PatientParams& pp, double cardiac_output_mL_s, double settle_s, SimState& s) {
  resp::RespParams rp = pp.respiration;
  rp.resting_cardiac_output_mL_s = cardiac_output_mL_s;
  s.breathing.resp = resp::initial_state(rp, pp.blood, s.blood.pools, settle_s);
  chem::fill_resting_pools(pp.chemistry, s.blood.pools);
  s.bus.lungs.pleural_delta_mmHg = s.breathing.resp.out.pleural_delta_mmHg;
  s.bus.lungs.gas_tick = 0;
  stages::blood::publish_bus(pp, s);
}

// What the blood's flow carries from the lungs and the body's core, started for a resting
// cardiac output (mL/s): the gases (settled alone for `settle_s`), the solutes, the heat and
// the brain's O2 and CO2.
void start_exchange(const PatientParams& pp, double cardiac_output_mL_s, double settle_s,
                    SimState& s) {
  start_gases(pp, cardiac_output_mL_s, settle_s, s);
  stages::chemistry::start(pp, cardiac_output_mL_s, s);
  stages::thermal::start(pp, cardiac_output_mL_s, s);
  stages::brain::start(pp, s);
}

SimState starting_state(const PatientParams& pp, const autonomic::Baroreflex& baro) {
  SimState s{};
  s.circulation.x = initial_guess(pp);
  s.reflex.baro = baro.rest_state();
  s.reflex.chemo = autonomic::Chemoreflex(pp.baroreflex.chemo, {}).rest_state(95.0, 40.0, 0.0);
  s.heart.conduction = ep::Conduction(pp.conduction).initial_state();
  s.heart.myocardial_energy = 1.0;
  s.heart.coronary_perfusion_ratio = 1.0;
  s.heart.myocardial_injury = 0.0;
  s.heart.myocardial_stunning = {};
  // A first guess of the RV's resting load; settling refines it (heart::set_rest).
  s.heart.rv_wall_load_mmHg_L = s.heart.rv_wall_load_rest_mmHg_L = 0.5;
  s.heart.rv_supply_mmHg = s.heart.rv_supply_rest_mmHg = 80.0;
  s.heart.rv_contraction = 1.0;
  s.heart.last_termination_time = -1e9;
  s.heart.last_reperfusion_time = -1e9;
  s.heart.sync_armed_time = kNaN;

  Bus& b = s.bus;
  b.electrical.atrial_activation_time = -1e9;
  b.electrical.ventricular_activation_time = -1e9;
  b.electrical.previous_atrial_time = -1e9;
  b.electrical.previous_ventricular_time = -1e9;
  b.electrical.ventricular_systole_s = cv::ventricular_systole(pp.circulation, 60.0 / pp.heart_rate_set_bpm);
  b.electrical.beat_contraction = 1.0;
  b.electrical.last_shock_time = -1e9;
  stages::heart::publish_bus(pp, s);  // after the heart's state above
  b.electrical.o2_inotropy_limit = ep::Myocardium(pp.myocardium).o2_inotropy_limit(1.0);
  b.cpr.last_onset_s = -1e9;
  b.autonomic.av_dromotropy = 1.0;
  b.effects = neutral_effects();

  s.ecg.generator = ecg::Generator(pp.ecg).initial_state();
  s.vf_pads.source = ecg::Generator(pp.ecg).initial_state();
  s.vf_pads.source.vf_env = 1.0;
  s.ecg.artefacts = ecg::ArtefactSwitches{};
  s.cycle = stages::cycle::empty(0.0, 0.0);
  s.compressions.source = cpr::make_compression_state();
  s.cpr_meter.quality = cpr::make_quality_state();
  s.cpr_meter.pulse = cpr::make_pulse_state();
  // The gases' analytic start only: settling's first pass runs without them, and what reads
  // them starts again once the circulation has settled (Model::compile).
  start_exchange(pp, pp.respiration.resting_cardiac_output_mL_s, 0.0, s);
  stages::thorax::start(pp, s);
  stages::thrombosis::start(s);
  stages::fluids::start(s);
  stages::inflammation::start(s);
  return s;
}

// The parameter the respiration's flow-scaled terms refer to (set from the settled output below).
constexpr std::string_view kFlowReference = "resting_cardiac_output_mL_s";
// The lungs and the blood settle alone for this long, at the circulation's resting output, from
// their analytic steady state (dead space, breath pattern, the pools' mixing).
constexpr double kGasSettle_s = 60.0;
// Then breathing and the circulation run together: this long to settle (the stretch receptors
// follow the lung with a 2-s lag, the cerebral vessels' sensed PaCO2 with a 20-s one), then this
// long (~7 breaths) over which the lung-stretch receptors' resting firing and the cerebral
// vessels' resting pressure and PaCO2 are the means. Started at the circulation's own output, the
// gases are within 0.1 point of SvO2 of their steady state (started at the parameters' 5 L/min,
// they were 4 points off and still drifting after 120 s).
constexpr double kBreathingSettle_s = 10.0;
constexpr double kStretchAverage_s = 30.0;

// The beat onsets a settling pass sees, for the mean beat period between the first and the last.
struct BeatPeriods {
  double first = kNaN, last = kNaN, last_start;
  int beats = 0;
  explicit BeatPeriods(double cycle_start) : last_start(cycle_start) {}
  void see(double cycle_start) {
    if (cycle_start == last_start) return;
    last_start = cycle_start;
    if (std::isnan(first)) first = cycle_start; else ++beats;
    last = cycle_start;
  }
  // How much longer the mean period was than `set_period_s` (0 without two beats).
  double bias(double set_period_s) const {
    return beats > 0 ? (last - first) / beats - set_period_s : 0.0;
  }
};

// The preset and the overrides in play, for messages about a model that cannot be compiled.
std::string describe(const PatientDef& def) {
  std::ostringstream os;
  os.imbue(std::locale::classic());
  os << "preset " << def.preset;
  if (def.overrides.empty()) os << ", no overrides";
  const char* sep = ", overrides: ";
  for (const auto& [name, value] : def.overrides) {
    os << sep << name << " = " << value;
    sep = ", ";
  }
  sep = ", scales: ";
  for (const auto& [name, factor] : def.scales) {
    os << sep << name << " x " << factor;
    sep = ", ";
  }
  return os.str();
}

[[noreturn]] void not_viable(const PatientDef& def, const std::string& failed_check) {
  throw Error(Status::kNumerical, "the patient is not viable at rest: " + failed_check + " (" +
                                      describe(def) + ")");
}

// A resting state the engine can run from: every signal finite, a heart that ejects, a pressure
// that perfuses the brain and the heart. Later stages divide by the resting cardiac output,
// coronary and cerebral flow and pulse pressure, so each must be well above zero. The floors are
// far below any living adult at rest (cardiogenic shock: CO ~2 L/min, MAP ~50 mmHg).
void require_viable(const SimState& s, const PatientDef& def) {
  for (int i = 0; i < kNumSignals; ++i)
    if (!std::isfinite(s.signals[static_cast<std::size_t>(i)]))
      not_viable(def, std::string("signal ") + signal_catalogue()[static_cast<std::size_t>(i)].name +
                          " is not finite");
  struct Floor {
    SignalId signal;
    double min;
    const char* what;
  };
  constexpr Floor kFloors[] = {
      {kHeartRate, 1.0, "the heart ejects (hr_bpm counts beats of at least 10 mL)"},
      {kCardiacOutput, 0.5, "cardiac output co_L_min >= 0.5"},
      {kMeanArterial, 20.0, "mean arterial pressure map_mmHg >= 20"},
      {kPulsePressure, 1.0, "pulse pressure pulse_pressure_mmHg >= 1"},
      {kCoronaryFlow, 1.0, "coronary flow coronary_flow_mL_min >= 1"},
      {kCerebralFlow, 1.0, "cerebral flow cerebral_flow_mL_min >= 1"},
  };
  for (const Floor& f : kFloors) {
    const double v = s.signals[static_cast<std::size_t>(f.signal)];
    if (!(v >= f.min)) {
      std::ostringstream os;
      os.imbue(std::locale::classic());
      os << f.what << " fails: " << v;
      not_viable(def, os.str());
    }
  }
}

}  // namespace

std::shared_ptr<const Model> Model::compile(const PatientDef& def) {
  std::shared_ptr<Model> m(new Model());
  m->params_ = make_patient(def);
  const double gain = m->params_.baroreflex.gain_scale;
  m->baro_ref_ = {93.0, 0.0, 0.0, 0.0, {}, {}};

  // Pass 1, open loop: with the reflex held at rest the heart beats at the set rate and the
  // circulation settles onto its periodic steady state (beat-to-beat change below 1e-5 mmHg).
  m->params_.baroreflex.gain_scale = 0.0;
  SimState state = starting_state(m->params_, autonomic::Baroreflex(m->params_.baroreflex, m->baro_ref_));
  double settled = 0.0;
  // Settling watches the state step by step; the signals are published once at the end of a
  // pass (publishing does not move the trajectory: Determinism.ChunkingDoesNotChangeTheTrajectory),
  // which halves the cost of a step-by-step pass.
  const auto step = [](Sim& sim) { if (!sim.s_.failed) sim.step_once(); };
  const auto publish = [&def](Sim& sim) {
    sim.advance_steps(0);
    if (sim.s_.failed)
      throw Error(Status::kNumerical, "the patient's state went non-finite while settling: " +
                                          std::string(sim.failure()) + " (" + describe(def) + ")");
  };
  {
    Sim sim(*m, state);
    sim.breathing_coupled_ = false;
    double last_start = -1.0, last_map = kNaN, last_cvp = kNaN, last_pap = kNaN;
    int calm_beats = 0;
    while (sim.time() < 600.0 && calm_beats < 3) {
      step(sim);
      if (sim.s_.failed)
        throw Error(Status::kNumerical, "the patient's circulation has no steady state: " +
                                            std::string(sim.failure()) +
                                            " went non-finite while settling (" + describe(def) + ")");
      if (sim.s_.cycle.start_time == last_start) continue;
      last_start = sim.s_.cycle.start_time;
      const double map = sim.signal(kMeanArterial), cvp = sim.signal(kCentralVenous),
                   pap = sim.signal(kPapMean);
      const bool calm = std::abs(map - last_map) < 1e-5 && std::abs(cvp - last_cvp) < 1e-5 &&
                        std::abs(pap - last_pap) < 1e-5;
      calm_beats = calm ? calm_beats + 1 : 0;
      last_map = map, last_cvp = cvp, last_pap = pap;
    }
    publish(sim);  // a signal gone non-finite says so here, not as a failure to settle
    if (calm_beats < 3)
      throw Error(Status::kNumerical, "the patient's circulation did not settle in 600 s (" +
                                          describe(def) + ")");
    settled += sim.time();
    state = sim.s_;
  }
  require_viable(state, def);
  m->resting_coronary_flow_ = state.signals[kCoronaryFlow] / 60.0;
  m->resting_cerebral_flow_ = state.signals[kCerebralFlow] / 60.0;
  m->resting_cardiac_output_ = state.signals[kCardiacOutput];
  // The respiration's flow-scaled terms (the low flow's alveolar dead space, the oximeter's lag,
  // the perfusion index) refer to the output this circulation rests at, not the parameters'
  // nominal 5 L/min, unless the host set their reference itself.
  const bool reference_set = std::any_of(def.overrides.begin(), def.overrides.end(),
                                         [](const auto& o) { return o.first == kFlowReference; });
  // A scale on it (a comorbidity's) applies to the output found.
  double reference_scale = 1.0;
  for (const auto& [name, factor] : def.scales)
    if (name == kFlowReference) reference_scale *= factor;
  if (!reference_set)  // within the parameter's own range, as an override would have to be
    m->params_.respiration.resting_cardiac_output_mL_s =
        std::clamp(reference_scale * m->resting_cardiac_output_ * 1000.0 / 60.0, 20.0, 300.0);
  m->resting_pulse_pressure_ = state.signals[kPulsePressure];
  state.heart.coronary_perfusion_ratio = 1.0;
  // The gases, solutes and heat start again, at the output the circulation has found (6.1 L/min
  // for the 70 kg man, where the parameters' 5 L/min left SvO2 4 points low and rising for
  // minutes after compilation), and the chemoreflex at rest as at the start.
  start_exchange(m->params_, m->resting_cardiac_output_ * 1000.0 / 60.0, kGasSettle_s, state);
  state.reflex.chemo =
      autonomic::Chemoreflex(m->params_.baroreflex.chemo, {}).rest_state(95.0, 40.0, 0.0);

  // Pass 2: the reflex's operating point is the resting state. The set point is the resting
  // mean carotid pressure; the reference drives are the mean efferent activity there.
  m->baro_ref_.set_point_mmHg = state.signals[kMeanArterial];
  {
    const autonomic::Baroreflex baro(m->params_.baroreflex, m->baro_ref_);
    state.reflex.baro = baro.rest_state();
    Sim sim(*m, state);
    sim.breathing_coupled_ = false;
    sim.advance_steps(static_cast<int64_t>(20.0 / kStep_s));  // ten lead-lag time constants
    double sum_s = 0.0, sum_v = 0.0;
    int64_t ticks = 0;
    const int64_t beat_steps =
        std::llround(std::round(60.0 / m->params_.heart_rate_set_bpm / kStep_s));
    // Average over a whole number of beats that is also a whole number of ticks.
    const int64_t window = beat_steps * kBaroSteps;
    for (int64_t i = 0; i < window; ++i) {
      step(sim);
      if (sim.s_.reflex.samples == 0) {
        sum_s += baro.sympathetic_drive(sim.s_.reflex.baro.sympathetic);
        sum_v += sim.s_.reflex.baro.vagal;
        ++ticks;
      }
    }
    m->baro_ref_.sympathetic_drive = sum_s / static_cast<double>(ticks);
    m->baro_ref_.vagal_drive = sum_v / static_cast<double>(ticks);
    publish(sim);
    settled += sim.time() - state.step * kStep_s;
    state = sim.s_;
  }

  // Pass 3, closed loop: the reflex now acts and should leave the resting state where it is.
  // The mean beat period it settles to is measured and its bias removed (period_offset_s), then
  // the loop settles again at exactly the set rate.
  m->params_.baroreflex.gain_scale = gain;
  const double set_period = std::round(60.0 / m->params_.heart_rate_set_bpm / kStep_s) * kStep_s;
  state.reflex.baro.sympathetic_history.fill(0.0);
  state.reflex.baro.cardiac_sympathetic_history.fill(0.0);
  state.reflex.baro.vagal_history.fill(0.0);
  state.reflex.baro.delta.fill(0.0);
  {
    Sim sim(*m, state);
    sim.breathing_coupled_ = false;
    sim.advance_steps(static_cast<int64_t>(10.0 / kStep_s));
    const double start = sim.time();
    BeatPeriods periods(sim.s_.cycle.start_time);
    while (sim.time() - start < 20.0 && !sim.s_.failed) {
      step(sim);
      periods.see(sim.s_.cycle.start_time);
    }
    m->baro_ref_.period_offset_s = periods.bias(set_period);
    publish(sim);
    settled += sim.time() - static_cast<double>(state.step) * kStep_s;
    state = sim.s_;
  }
  // The pharmacology's resting reference: the mean flows over a whole number of beats (the
  // state itself does not move), then the body's own hormones at their resting levels.
  {
    Sim sim(*m, state);
    sim.breathing_coupled_ = false;
    const int64_t beat_steps =
        std::llround(std::round(60.0 / m->params_.heart_rate_set_bpm / kStep_s));
    std::array<double, pharm::kNumFlows> mean{};
    for (int64_t i = 0; i < 2 * beat_steps; ++i) {
      step(sim);
      const auto q = stages::pharmacology::step_flows(sim.s_);
      for (int f = 0; f < pharm::kNumFlows; ++f) mean[f] += q[f] / static_cast<double>(2 * beat_steps);
    }
    stages::pharmacology::start(m->params_, mean, state);
  }
  // Pass 4: breathing joins, the gases started at the circulation's own output. While they and
  // the hormones settle on its flows, the chemo- and lung-stretch receptors' resting firing is
  // found (the mean over several breaths, with the cerebral vessels' resting pressure and
  // PaCO2); from then on they shift the efferents by their deviations. The lungs' breath times
  // start on the clock as it stands.
  stages::breathing::rebase(state, -static_cast<double>(state.step) * kStep_s);
  brain::VesselRest vessel_rest{};
  {
    Sim sim(*m, state);
    // The stretch receptors start from an empty lung's zero, the cerebral vessels from a
    // beat-onset pressure: their first seconds stay out of the means.
    sim.advance_steps(static_cast<int64_t>(kBreathingSettle_s / kStep_s));
    const int64_t averaged = static_cast<int64_t>(kStretchAverage_s / kStep_s);
    double stretch = 0.0, perfusion = 0.0, paco2 = 0.0, atrial = 0.0;
    BeatPeriods periods(sim.s_.cycle.start_time);
    for (int64_t i = 0; i < averaged; ++i) {
      step(sim);
      stretch += sim.s_.reflex.chemo.stretch;
      const cv::Hemodynamics& h = sim.s_.bus.haemodynamics.h;
      atrial += h.pressure[cv::kRA] - h.pericardial_pressure;
      perfusion += sim.s_.brain.vessels.perfusion_mmHg;  // what the cerebral vessels sense
      paco2 += sim.s_.brain.vessels.paco2_mmHg;
      periods.see(sim.s_.cycle.start_time);
    }
    // Breathing slows the loop a little (-0.6% at 64/min: venous return and the pleural
    // pressure swing with each breath, and the reflex is not linear); that bias goes too.
    m->baro_ref_.period_offset_s += periods.bias(set_period);
    publish(sim);
    settled += kBreathingSettle_s + kStretchAverage_s;
    state = sim.s_;
    const double n = static_cast<double>(averaged);
    m->baro_ref_.chemo = {state.reflex.chemo.chemo, stretch / n, 1, 0};
    m->baro_ref_.cardiopulmonary = {atrial / n, 1, 0};
    vessel_rest = {perfusion / n, paco2 / n};
  }
  m->resting_arterial_o2_content_ =
      state.bus.blood.hemoglobin_g_dL * state.bus.blood.arterial_sat;
  m->resting_arterial_sat_ = state.bus.blood.arterial_sat;
  stages::chemistry::set_rest(m->params_, state);
  stages::chemistry::publish(m->params_, state, state.signals.data());
  stages::thermal::set_rest(m->params_, state);
  stages::heart::set_rest(state);
  stages::fluids::set_rest(m->params_, state);
  stages::fluids::publish(*m, state, state.signals.data());
  stages::brain::set_rest(state, vessel_rest);
  stages::inflammation::start(state);  // whatever settling's small debts began is forgotten
  stages::brain::publish(*m, state, state.signals.data());
  stages::thermal::publish(state, state.signals.data());
  if (state.failed)
    throw Error(Status::kNumerical, "the patient's state went non-finite while settling: " +
                                        std::string(Sim(*m, state).failure()) + " (" +
                                        describe(def) + ")");
  require_viable(state, def);

  // The template starts its clock at zero.
  const double t_end = static_cast<double>(state.step) * kStep_s;
  state.step = 0;
  stages::heart::rebase(state, t_end);
  stages::cycle::rebase(state, t_end);
  stages::breathing::rebase(state, t_end);
  stages::chemistry::rebase(state, t_end);
  state.carry_s = 0.0;
  state.events = EventRing{};
  state.signals[kTime] = 0.0;
  m->initial_ = state;
  m->settle_time_s_ = settled;

  uint64_t h = fnv1a(&m->params_, sizeof m->params_);
  m->fingerprint_ = fnv1a(&m->baro_ref_, sizeof m->baro_ref_, h);
  return m;
}

}  // namespace resus
