#include "engine/sim.hpp"

#include "engine/waveforms.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

namespace resus {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxCycle_s = 3.0;  // without a beat, cycle statistics still close this often
constexpr double kSyncTimeout_s = 3.0;  // a cardioversion waits this long for an R wave
constexpr int32_t kNoSyncOutcome = 6;   // kShockDelivered detail: no R wave, nothing delivered
constexpr int32_t kNoShockAdvised = 7;  // kShockDelivered detail: AED mode, rhythm not shockable
constexpr double kMinStroke_mL = 10.0;  // a beat ejecting less is not a mechanical beat

// The ODE right-hand side handed to the stepper by reference. It remembers the hemodynamics of
// the first stage of a step, which are those of the state at the start of the step.
struct System {
  const cv::Circulation* circulation;
  const cv::Drive* drive;
  double* septum_guess;
  cv::Hemodynamics* first;
  bool captured;

  void operator()(const cv::State& x, cv::State& dxdt, double t) {
    cv::Hemodynamics h;
    circulation->evaluate(x, t, *drive, *septum_guess, h);
    circulation->derivatives(x, h, *drive, dxdt);
    if (!captured) {
      *first = h;
      captured = true;
    }
  }
};

}  // namespace

bool Sim::finite_state(const cv::State& x) noexcept {
  double sum = 0.0;
  for (double v : x) sum += v;
  return std::isfinite(sum);
}

Sim::Sim(std::shared_ptr<const Model> model, uint64_t seed, uint64_t patient_id)
    : Sim(*model, model->initial_state()) {
  owner_ = std::move(model);
  s_.seed = seed;
  s_.patient_id = patient_id;
  rng_ = Rng(seed, patient_id);
}

Sim::Sim(const Model& model, const SimState& initial)
    : model_(&model),
      circulation_(model.params().circulation),
      baroreflex_(model.params().baroreflex, model.baro_reference()),
      conduction_(model.params().conduction),
      myocardium_(model.params().myocardium),
      rng_(initial.seed, initial.patient_id),
      ecg_(model.params().ecg),
      respiration_(model.params().respiration),
      s_(initial) {}

static_assert(kEcgLast - kEcgFirst + 1 == ecg::kNumLeads);

void Sim::configure_ecg(int rate_hz, const ecg::ArtefactSwitches& artefacts) {
  if (rate_hz != 0 && rate_hz != 250 && rate_hz != 500 && rate_hz != 1000)
    throw Error(Status::kInvalidArgument, "ecg sample_rate_hz = " + std::to_string(rate_hz) +
                                              " is not one of 0 (off), 250, 500, 1000");
  for (int32_t flag : {artefacts.cpr, artefacts.shock, artefacts.pacer, artefacts.baseline_wander,
                       artefacts.mains, artefacts.muscle})
    if (flag != 0 && flag != 1)
      throw Error(Status::kInvalidArgument, "ecg artefact switches must be 0 or 1");
  if (rate_hz > 0 && !ecg_stream_) ecg_stream_ = std::make_unique<EcgStream>(ecg::kNumLeads, kEcgCapacity);
  if (rate_hz != s_.ecg_rate_hz && rate_hz > 0) {
    // The next sample is the first after now on the new rate's grid: N seconds give N*rate.
    s_.ecg_sample_index = static_cast<int64_t>(std::floor(time() * rate_hz + 1e-9)) + 1;
    if (ecg_stream_) ecg_stream_->clear();
  }
  s_.ecg_rate_hz = rate_hz;
  s_.ecg_artefacts = artefacts;
}

int Sim::read_ecg(int lead, float* out, int capacity) noexcept {
  if (!ecg_stream_ || lead < 0 || lead >= ecg::kNumLeads) return 0;
  return ecg_stream_->read(lead, out, capacity);
}

int64_t Sim::ecg_available(int lead) const noexcept {
  return ecg_stream_ && lead >= 0 && lead < ecg::kNumLeads ? ecg_stream_->available(lead) : 0;
}

int64_t Sim::ecg_dropped(int lead) const noexcept {
  return ecg_stream_ && lead >= 0 && lead < ecg::kNumLeads ? ecg_stream_->dropped(lead) : 0;
}

void Sim::push_beat() noexcept {
  const ep::ConductionState& c = s_.conduction;
  if (s_.beat_count == kBeatCapacity) {
    s_.beat_head = (s_.beat_head + 1) % kBeatCapacity;
    --s_.beat_count;
    ++s_.beats_dropped;
  }
  const int64_t at = (s_.beat_head + s_.beat_count) % kBeatCapacity;
  s_.beats[static_cast<std::size_t>(at)] = Beat{c.last_ventricular_time, s_.ventricular_origin,
                                                c.rhythm, c.previous_rr_s};
  ++s_.beat_count;
}

int Sim::poll_beats(Beat* out, int capacity) noexcept {
  int n = 0;
  while (n < capacity && s_.beat_count > 0) {
    out[n++] = s_.beats[static_cast<std::size_t>(s_.beat_head)];
    s_.beat_head = (s_.beat_head + 1) % kBeatCapacity;
    --s_.beat_count;
  }
  return n;
}

ecg::EcgInputs Sim::ecg_inputs(double t) const noexcept {
  const ep::ConductionState& c = s_.conduction;
  ecg::EcgInputs in;
  in.t = t;
  in.atrial_times[0] = s_.atrial_activation_time;
  in.atrial_times[1] = s_.previous_atrial_time;
  in.ventricular_times[0] = c.last_ventricular_time;
  in.ventricular_times[1] = s_.previous_ventricular_time;
  in.ventricular_origin[0] = s_.ventricular_origin;
  in.ventricular_origin[1] = s_.previous_ventricular_origin;
  in.atrial_mode = c.atrial;
  in.ventricular_mode = c.ventricular;
  in.rr_s = c.previous_rr_s;
  const ep::VfFeatures vf = myocardium_.vf_features(s_.myocardial_energy);
  in.vf_amplitude_mV = vf.amplitude_mV;
  in.vf_frequency_Hz = vf.frequency_Hz;
  in.pacer_spike_time = c.last_pacer_spike_time;
  in.shock_time = s_.last_shock_time;
  in.potassium_mmol_L = s_.hooks.potassium_mmol_L;
  in.calcium_mmol_L = s_.hooks.calcium_mmol_L;
  in.temperature_C = s_.hooks.temperature_C;
  if (s_.cpr_readout.compressing && s_.compression_interval_s > 0.0) {
    in.compression_phase =
        std::min((t - s_.last_compression_onset_s) / s_.compression_interval_s, 1.0);
    in.compression_depth_mm = s_.cpr_readout.depth_mm;
  }
  // Four normal draws per sample from the ECG stream, keyed by the sample index (wraps after
  // 2^32 samples: 50 days at 1000 Hz).
  rng_.normals4(RngStream::kEcgNoise, static_cast<uint32_t>(s_.ecg_sample_index), in.noise);
  return in;
}

void Sim::emit_ecg_samples() noexcept {
  const double rate = s_.ecg_rate_hz;
  const double now = time() + 1e-9;
  while (static_cast<double>(s_.ecg_sample_index) / rate <= now) {
    const ecg::EcgInputs in = ecg_inputs(static_cast<double>(s_.ecg_sample_index) / rate);
    ecg_.sample(in, s_.ecg_artefacts, 1.0 / rate, s_.ecg, s_.ecg_latest.data());
    if (ecg_stream_) ecg_stream_->push(s_.ecg_latest.data());
    ++s_.ecg_sample_index;
  }
}

double Sim::draw(RngStream stream) noexcept {
  uint32_t& index = stream == RngStream::kShock ? s_.shock_draws : s_.rhythm_draws;
  return rng_.uniform(stream, index++);
}

double Sim::draw_rhythm(void* self) { return static_cast<Sim*>(self)->draw(RngStream::kRhythm); }

double Sim::heart_period() const noexcept {
  const double t0 = 60.0 / model_->params().heart_rate_set_bpm;
  // Atropine (vagolytic hook) removes the vagal share of the reflex's slowing.
  const double vagal = s_.baro.delta[autonomic::kPeriodVagal] *
                       (1.0 - std::clamp(s_.hooks.vagolytic, 0.0, 1.0));
  const double t = t0 - model_->baro_reference().period_offset_s +
                   s_.baro.delta[autonomic::kPeriodSympathetic] + vagal;
  return std::clamp(t, 0.25, 3.0);
}

cv::Drive Sim::drive() const noexcept {
  const cv::CirculationParams& p = model_->params().circulation;
  const auto& d = s_.baro.delta;
  cv::Drive out{};
  // Effectors may not fall below a fifth of their resting value. The beat's origin (a
  // dyssynchronous ectopic beat, electromechanical dissociation) and a stunned, energy-depleted
  // muscle scale what the reflex sets.
  const double contraction = s_.beat_contraction * myocardium_.contractility(s_.myocardial_energy);
  out.lv_emax = std::max(p.lv.emax + d[autonomic::kLvEmax], 0.2 * p.lv.emax) * contraction;
  out.rv_emax = std::max(p.rv.emax + d[autonomic::kRvEmax], 0.2 * p.rv.emax) * contraction;
  out.r_splanchnic = std::max(p.r_splanchnic + d[autonomic::kSplanchnicResistance],
                              0.2 * p.r_splanchnic);
  out.r_extrasplanchnic = std::max(p.r_extrasplanchnic + d[autonomic::kExtrasplanchnicResistance],
                                   0.2 * p.r_extrasplanchnic);
  out.vu_splanchnic_veins =
      std::max(p.splanchnic_veins.unstressed_volume + d[autonomic::kSplanchnicUnstressed], 0.0);
  out.vu_extrasplanchnic_veins = std::max(
      p.extrasplanchnic_veins.unstressed_volume + d[autonomic::kExtrasplanchnicUnstressed], 0.0);
  out.intrathoracic_pressure =
      p.intrathoracic_pressure + (breathing_coupled_ ? s_.resp.out.pleural_delta_mmHg : 0.0);
  add_compression(out, time());
  out.atrial_activation_time = s_.atrial_activation_time;
  out.ventricular_activation_time = s_.ventricular_activation_time;
  out.ventricular_systole_s = s_.ventricular_systole_s;

  // Rates are cut on the last step so that a volume-limited action delivers exactly its volume.
  out.hemorrhage_mL_s = std::min(s_.bleed.rate_mL_s, s_.bleed.remaining_mL / kStep_s);
  out.bleed_site = s_.bleed.site == static_cast<int32_t>(BleedSiteCode::kArterial)
                       ? cv::BleedSite::kArterial
                       : cv::BleedSite::kVenous;
  double infusion = 0.0;
  for (const Infusion& f : s_.infusions) infusion += std::min(f.rate_mL_s, f.remaining_mL / kStep_s);
  out.infusion_mL_s = infusion;
  return out;
}

void Sim::push_event(EventKind kind, int32_t detail, double value) noexcept {
  if (s_.event_count == kEventCapacity) {  // keep the newest, count what was lost
    s_.event_head = (s_.event_head + 1) % kEventCapacity;
    --s_.event_count;
    ++s_.events_dropped;
  }
  const int64_t at = (s_.event_head + s_.event_count) % kEventCapacity;
  s_.events[static_cast<std::size_t>(at)] = Event{time(), kind, detail, value};
  ++s_.event_count;
}

int Sim::poll_events(Event* out, int capacity) noexcept {
  int n = 0;
  while (n < capacity && s_.event_count > 0) {
    out[n++] = s_.events[static_cast<std::size_t>(s_.event_head)];
    s_.event_head = (s_.event_head + 1) % kEventCapacity;
    --s_.event_count;
  }
  return n;
}

void Sim::apply(const Action& a) noexcept {
  switch (a.kind) {
    case ActionKind::kHemorrhage:
      s_.bleed.rate_mL_s = a.rate_mL_min / 60.0;
      s_.bleed.remaining_mL = a.volume_mL > 0.0 ? a.volume_mL : kInf;
      s_.bleed.lost_mL = 0.0;
      s_.bleed.site = a.site;
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.rate_mL_min);
      break;
    case ActionKind::kHemorrhageStop:
      if (s_.bleed.rate_mL_s > 0.0) push_event(EventKind::kHemorrhageEnded, 0, s_.bleed.lost_mL);
      s_.bleed = Bleed{};
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), 0.0);
      break;
    case ActionKind::kFluidBolus: {
      // A free slot, or else the one closest to finishing is merged into.
      Infusion* slot = &s_.infusions[0];
      for (Infusion& f : s_.infusions) {
        if (f.rate_mL_s == 0.0) { slot = &f; break; }
        if (f.remaining_mL < slot->remaining_mL) slot = &f;
      }
      if (slot->rate_mL_s == 0.0) {
        *slot = Infusion{a.rate_mL_min / 60.0, a.volume_mL, 0.0};
      } else {
        slot->remaining_mL += a.volume_mL;
        slot->rate_mL_s = std::max(slot->rate_mL_s, a.rate_mL_min / 60.0);
      }
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.volume_mL);
      break;
    }
    case ActionKind::kRhythm:
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.rhythm);
      change_rhythm(static_cast<ep::Rhythm>(a.rhythm));
      break;
    case ActionKind::kShock:
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.energy_J);
      if (a.only_if_shockable && !shockable()) {
        push_event(EventKind::kShockDelivered, kNoShockAdvised, 0.0);  // AED: no shock advised
        break;
      }
      shock(a.energy_J, a.waveform);
      break;
    case ActionKind::kCardioversion:
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.energy_J);
      s_.sync_armed_time = time();
      s_.sync_energy_J = a.energy_J;
      s_.sync_waveform = a.waveform;
      break;
    case ActionKind::kPacingStart:
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), a.current_mA);
      if (!s_.conduction.pacing) s_.conduction.next_pacer_time = time();
      s_.conduction.pacing = 1;
      s_.conduction.pacer_rate_bpm = a.rate_per_min;
      s_.conduction.pacer_current_mA = a.current_mA;
      break;
    case ActionKind::kCprStart:
    case ActionKind::kCprStop:
      apply_cpr(a);
      break;
    case ActionKind::kAirway:
    case ActionKind::kVentilation:
    case ActionKind::kBreath:
    case ActionKind::kOxygen:
    case ActionKind::kSpontaneousBreathing:
      apply_breathing(a);
      break;
    case ActionKind::kPacingStop:
      push_event(EventKind::kActionApplied, static_cast<int32_t>(a.kind), 0.0);
      if (s_.conduction.pacing && s_.conduction.pacing_captured)
        push_event(EventKind::kPacingCapture, 0, s_.conduction.pacer_current_mA);
      s_.conduction.pacing = 0;
      s_.conduction.pacing_captured = 0;
      break;
  }
}

void Sim::schedule(double at_s, const Action& a) {
  if (!std::isfinite(at_s) || at_s < time() || at_s > kMaxDuration_s)
    throw Error(Status::kInvalidArgument, "at_s = " + std::to_string(at_s) +
                                              " must be a finite time not before now (" +
                                              std::to_string(time()) + " s)");
  if (s_.queue_size == kQueueCapacity)
    throw Error(Status::kCapacity, "action queue is full (" + std::to_string(kQueueCapacity) +
                                       " scheduled actions)");
  const ScheduledAction entry{std::llround(at_s / kStep_s), s_.next_seq++, a};
  // Insertion keeps the queue sorted by (step, seq).
  int i = s_.queue_size;
  while (i > 0 && s_.queue[i - 1].step > entry.step) {
    s_.queue[i] = s_.queue[i - 1];
    --i;
  }
  s_.queue[i] = entry;
  ++s_.queue_size;
}

void Sim::apply_due_actions() noexcept {
  int due = 0;
  while (due < s_.queue_size && s_.queue[due].step <= s_.step) apply(s_.queue[due++].action);
  if (due == 0) return;
  for (int i = due; i < s_.queue_size; ++i) s_.queue[i - due] = s_.queue[i];
  s_.queue_size -= due;
}

void Sim::update_heart_timing(double t) noexcept {
  const double eps = 0.5 * kStep_s;
  const bool was_captured = s_.conduction.pacing_captured;
  const int32_t rhythm_before = s_.conduction.rhythm;
  const double ventricular_before = s_.conduction.last_ventricular_time;
  const ep::Activations a = conduction_.update(t, kStep_s, heart_period(), s_.hooks,
                                               ep::UniformSource{&Sim::draw_rhythm, this},
                                               s_.conduction);
  if (s_.conduction.rhythm != rhythm_before)  // the conduction itself changed it (adenosine)
    push_event(EventKind::kRhythmChanged, s_.conduction.rhythm, rhythm_before);
  if (a.atrial) {
    s_.previous_atrial_time = s_.atrial_activation_time;
    s_.atrial_activation_time = a.atrial_time;
  }
  if (s_.conduction.last_ventricular_time != ventricular_before) {  // an electrical R wave
    s_.previous_ventricular_time = ventricular_before;
    s_.previous_ventricular_origin = s_.ventricular_origin;
    // The origin is taken when the beat happens: the AV node may schedule (and the ventricles
    // refuse) a conducted impulse later, which must not reshape a beat already drawn.
    s_.ventricular_origin =
        a.ventricular ? a.origin : static_cast<int32_t>(ep::BeatOrigin::kEctopic);  // torsades
    push_beat();
  }
  // While compressions run, cycles follow compressions (measure_compressions).
  const bool compressing = s_.cpr_readout.compressing != 0;
  if (a.ventricular) {
    if (!compressing) close_cycle(t, true);
    s_.ventricular_activation_time = t;
    s_.ventricular_systole_s =
        cv::ventricular_systole(model_->params().circulation, s_.conduction.previous_rr_s);
    s_.beat_contraction = conduction_.contraction_efficiency(
        s_.conduction, static_cast<ep::BeatOrigin>(a.origin));
    if (!std::isnan(s_.sync_armed_time)) deliver_cardioversion();
  } else if (!compressing && t - s_.cycle.start_time >= kMaxCycle_s - eps) {
    close_cycle(t, false);
  }
  if (a.pacer_spike && static_cast<bool>(s_.conduction.pacing_captured) != was_captured)
    push_event(EventKind::kPacingCapture, s_.conduction.pacing_captured, s_.conduction.pacer_current_mA);
  // A synchroniser finds no R wave to fire on (VF, asystole) and gives up after 3 s.
  if (!std::isnan(s_.sync_armed_time) && t - s_.sync_armed_time >= kSyncTimeout_s - eps) {
    push_event(EventKind::kShockDelivered, kNoSyncOutcome, 0.0);
    s_.sync_armed_time = kNaN;
  }
}

void Sim::change_rhythm(ep::Rhythm r) noexcept {
  const int32_t before = s_.conduction.rhythm;
  conduction_.set_rhythm(r, time(), s_.conduction);
  if (static_cast<int32_t>(r) != before)
    push_event(EventKind::kRhythmChanged, static_cast<int32_t>(r), before);
  // Fine VF is VF in an energy-depleted heart.
  if (r == ep::Rhythm::kVfFine) s_.myocardial_energy = std::min(s_.myocardial_energy, 0.1);
  if (r == ep::Rhythm::kVfCoarse) s_.myocardial_energy = std::max(s_.myocardial_energy, 0.5);
}

void Sim::update_myocardium(const cv::Hemodynamics& h) noexcept {
  const bool fibrillating = ep::Conduction::fibrillating(s_.conduction);
  const double tau = model_->params().myocardium.perfusion_tau_s;
  const double instant = std::max(h.q_coronary, 0.0) / model_->resting_coronary_flow();
  s_.coronary_perfusion_ratio += (instant - s_.coronary_perfusion_ratio) * (kStep_s / tau);
  const double perfusion = s_.coronary_perfusion_ratio;
  s_.myocardial_energy = std::clamp(
      s_.myocardial_energy +
          kStep_s * myocardium_.energy_rate(s_.myocardial_energy, perfusion, fibrillating),
      0.0, 1.0);

  // Rhythm hazards, drawn only when one is present so that quiet rhythms use no draws.
  const auto rhythm = static_cast<ep::Rhythm>(s_.conduction.rhythm);
  double to_vf = 0.0, to_asystole = 0.0;
  if (ep::Conduction::organised(s_.conduction)) {
    const ep::Hooks& k = s_.hooks;
    to_vf += 0.005 * std::max(k.potassium_mmol_L - 8.0, 0.0) * 1.2 / std::max(k.calcium_mmol_L, 0.3);
    to_vf += 0.002 * std::max(28.0 - k.temperature_C, 0.0);
    to_vf += k.ischaemia_hazard;
    to_vf += myocardium_.refibrillation_hazard(time() - s_.last_termination_time, k);
  } else if (rhythm == ep::Rhythm::kTorsades) {
    to_vf = 1.0 / 60.0;  // torsades degenerates to VF within minutes
  } else if (ep::Conduction::fibrillating(s_.conduction) &&
             s_.myocardial_energy < myocardium_.asystole_energy()) {
    to_asystole = myocardium_.asystole_hazard();
  }
  const double hazard = to_vf + to_asystole;
  if (hazard > 0.0 && draw(RngStream::kRhythm) < hazard * kStep_s)
    change_rhythm(to_vf > 0.0 ? ep::Rhythm::kVfCoarse : ep::Rhythm::kAsystole);
}

bool Sim::shockable() const noexcept {
  const auto r = static_cast<ep::Rhythm>(s_.conduction.rhythm);
  return ep::Conduction::fibrillating(s_.conduction) || r == ep::Rhythm::kPulselessVt ||
         r == ep::Rhythm::kVentricularTachycardia;
}

void Sim::shock(double energy_J, int32_t waveform) noexcept {
  const double t = time();
  const double elapsed = t - s_.ventricular_activation_time;
  const bool vulnerable = elapsed >= 0.5 * s_.ventricular_systole_s &&
                          elapsed <= 0.95 * s_.ventricular_systole_s;
  const double u1 = draw(RngStream::kShock), u2 = draw(RngStream::kShock);
  const ep::ShockResult r = myocardium_.defibrillate(
      energy_J, static_cast<ep::ShockWaveform>(waveform), s_.conduction, s_.myocardial_energy,
      s_.hooks, vulnerable, u1, u2);
  push_event(EventKind::kShockDelivered, static_cast<int32_t>(r.outcome), energy_J);
  s_.last_shock_time = t;
  if (r.outcome == ep::ShockOutcome::kTerminated) s_.last_termination_time = t;
  if (r.rhythm != static_cast<ep::Rhythm>(s_.conduction.rhythm)) change_rhythm(r.rhythm);
}

void Sim::deliver_cardioversion() noexcept {
  const ep::ShockResult r = myocardium_.cardiovert(
      s_.sync_energy_J, static_cast<ep::ShockWaveform>(s_.sync_waveform), s_.conduction, s_.hooks,
      draw(RngStream::kShock));
  push_event(EventKind::kShockDelivered, static_cast<int32_t>(r.outcome), s_.sync_energy_J);
  s_.last_shock_time = time();
  s_.sync_armed_time = kNaN;
  if (r.rhythm != static_cast<ep::Rhythm>(s_.conduction.rhythm)) change_rhythm(r.rhythm);
}

void Sim::close_cycle(double t, bool beat) noexcept {
  CycleStats& c = s_.cycle;
  auto& sig = s_.signals;
  const double duration = t - c.start_time;
  beat = beat && c.aortic_volume >= kMinStroke_mL;
  if (c.samples > 0 && duration > 0.0) {
    const double n = static_cast<double>(c.samples);
    const double map = c.sum_arterial / n;
    const double cvp = c.sum_cvp / n;
    const double pap = c.sum_pa / n;
    const double pcwp = c.sum_wedge / n;
    const double co = c.aortic_volume / duration * 0.06;  // mL/s -> L/min
    sig[kHeartRate] = beat ? 60.0 / duration : 0.0;
    sig[kSystolic] = c.max_arterial;
    sig[kDiastolic] = c.min_arterial;
    sig[kMeanArterial] = map;
    sig[kPulsePressure] = c.max_arterial - c.min_arterial;
    sig[kCentralVenous] = cvp;
    sig[kPapSystolic] = c.max_pa;
    sig[kPapDiastolic] = c.min_pa;
    sig[kPapMean] = pap;
    sig[kWedge] = pcwp;
    sig[kCardiacOutput] = co;
    sig[kCardiacOutputFraction] = co / model_->resting_cardiac_output();
    sig[kStrokeVolume] = beat ? c.aortic_volume : 0.0;
    sig[kEndDiastolicVolume] = c.end_diastolic_volume;
    sig[kEndSystolicVolume] = c.min_lv_volume;
    sig[kEjectionFraction] =
        c.end_diastolic_volume > 0.0
            ? 100.0 * (c.end_diastolic_volume - c.min_lv_volume) / c.end_diastolic_volume
            : 0.0;
    sig[kSystemicResistance] = co > 1e-6 ? 80.0 * (map - cvp) / co : 0.0;
    sig[kPulmonaryResistance] = co > 1e-6 ? 80.0 * (pap - pcwp) / co : 0.0;
    sig[kCoronaryPerfusion] = c.coronary_perfusion;
    sig[kCerebralPerfusion] =
        map - std::max(model_->params().circulation.intracranial_pressure, cvp);
    sig[kCoronaryFlow] = c.coronary_volume / duration * 60.0;
    sig[kCerebralFlow] = c.cerebral_volume / duration * 60.0;
  }
  c = CycleStats{};
  c.start_time = t;
  c.max_arterial = -kInf;
  c.min_arterial = kInf;
  c.max_pa = -kInf;
  c.min_pa = kInf;
  c.min_lv_volume = kInf;
  c.end_diastolic_volume = s_.x[cv::kLV];
  c.coronary_perfusion = kNaN;  // taken from the first sample of the cycle
}

void Sim::accumulate(const cv::Hemodynamics& h, double lv_volume) noexcept {
  CycleStats& c = s_.cycle;
  const auto& P = h.pressure;
  if (c.samples == 0) c.coronary_perfusion = P[cv::kAorta] - P[cv::kRA];
  ++c.samples;
  c.sum_arterial += P[cv::kArteries];
  c.max_arterial = std::max(c.max_arterial, P[cv::kArteries]);
  c.min_arterial = std::min(c.min_arterial, P[cv::kArteries]);
  // CVP and wedge as read at end-expiration: the breath's pleural swing taken out.
  const double swing = breathing_coupled_ ? s_.resp.out.pleural_delta_mmHg - s_.end_expiratory_pleural_mmHg : 0.0;
  c.sum_cvp += P[cv::kThoracicVeins] - swing;
  c.sum_pa += P[cv::kPulmonaryArteries];
  c.max_pa = std::max(c.max_pa, P[cv::kPulmonaryArteries]);
  c.min_pa = std::min(c.min_pa, P[cv::kPulmonaryArteries]);
  c.sum_wedge += P[cv::kPulmonaryVeins] - swing;  // a wedged catheter reads pulmonary venous pressure
  c.aortic_volume += h.q_aortic * kStep_s;
  c.coronary_volume += h.q_coronary * kStep_s;
  c.cerebral_volume += h.q_cerebral * kStep_s;
  c.min_lv_volume = std::min(c.min_lv_volume, lv_volume);
}

bool Sim::step_once() noexcept {
  const double t = time();
  apply_due_actions();
  update_heart_timing(t);
  update_compressions(t);

  const cv::Drive d = drive();
  cv::Hemodynamics first;
  System system{&circulation_, &d, &s_.septum_guess, &first, false};
  const cv::State before = s_.x;
  // The LV volume of the sample belongs to the start of the step, like `first`.
  const double lv_before = s_.x[cv::kLV];
  stepper_.do_step(std::ref(system), s_.x, t, kStep_s);
  cv::Circulation::clamp_valves(s_.x);
  if (!finite_state(s_.x)) {
    s_.x = before;
    s_.failed = kFailedState;
    return false;
  }
  ++s_.step;

  // Volume-limited actions: book what this step delivered.
  const double lost = s_.x[cv::kBloodLost] - before[cv::kBloodLost];
  if (s_.bleed.rate_mL_s > 0.0) {
    s_.bleed.lost_mL += lost;
    s_.bleed.remaining_mL -= lost;
    if (s_.bleed.remaining_mL <= 1e-6) {  // rounding over ~1e5 steps
      push_event(EventKind::kHemorrhageEnded, 0, s_.bleed.lost_mL);
      s_.bleed = Bleed{};
    }
  }
  for (Infusion& f : s_.infusions) {
    if (f.rate_mL_s == 0.0) continue;
    const double given = std::min(f.rate_mL_s, f.remaining_mL / kStep_s) * kStep_s;
    f.infused_mL += given;
    f.remaining_mL -= given;
    if (f.remaining_mL <= 1e-6) {
      push_event(EventKind::kBolusEnded, 0, f.infused_mL);
      f = Infusion{};
    }
  }

  accumulate(first, lv_before);
  update_myocardium(first);
  measure_compressions(first, t);
  step_breathing(first);
  if (s_.ecg_rate_hz > 0) emit_ecg_samples();
  if (s_.wave_rate_hz > 0) emit_wave_samples(first);

  s_.baro_pressure_sum += first.pressure[cv::kArteries];
  if (++s_.baro_samples == kBaroSteps) {
    baroreflex_.tick(s_.baro_pressure_sum / kBaroSteps, s_.baro);
    s_.baro_pressure_sum = 0.0;
    s_.baro_samples = 0;
  }
  return true;
}

void Sim::update_instant_signals() noexcept {
  // Evaluated on a copy of the septal guess, so reading signals never changes the trajectory.
  double guess = s_.septum_guess;
  const cv::Drive d = drive();
  cv::Hemodynamics h;
  circulation_.evaluate(s_.x, time(), d, guess, h);
  auto& sig = s_.signals;
  const auto& P = h.pressure;
  sig[kArterialPressure] = P[cv::kArteries];
  sig[kAorticPressure] = P[cv::kAorta];
  sig[kLvPressure] = P[cv::kLV];
  sig[kRvPressure] = P[cv::kRV];
  sig[kLaPressure] = P[cv::kLA];
  sig[kRaPressure] = P[cv::kRA];
  sig[kPaPressure] = P[cv::kPulmonaryArteries];
  sig[kLvVolume] = s_.x[cv::kLV];
  sig[kRvVolume] = s_.x[cv::kRV];
  sig[kPericardialPressure] = h.pericardial_pressure;
  sig[kIntrathoracicPressure] = d.intrathoracic_pressure;
  sig[kAorticFlow] = h.q_aortic;
  sig[kBloodVolume] = cv::Circulation::blood_volume(s_.x);
  sig[kBloodLost] = s_.x[cv::kBloodLost];
  sig[kFluidInfused] = s_.x[cv::kFluidInfused];
  sig[kHeartPeriod] = heart_period();
  sig[kLvEmax] = d.lv_emax;
  sig[kSympatheticFiring] = s_.baro.sympathetic;
  sig[kVagalFiring] = s_.baro.vagal;
  const auto& c = s_.conduction;
  sig[kRhythmId] = c.rhythm;
  const bool beating = ep::Conduction::organised(c) && time() - c.last_ventricular_time < 3.0;
  sig[kVentricularRate] = beating ? 60.0 / c.previous_rr_s : 0.0;
  sig[kMyocardialEnergy] = s_.myocardial_energy;
  const bool vf = static_cast<ep::VentricularMode>(c.ventricular) == ep::VentricularMode::kFibrillation;
  const ep::VfFeatures f = myocardium_.vf_features(s_.myocardial_energy);
  sig[kVfAmplitude] = vf ? f.amplitude_mV : 0.0;
  sig[kVfFrequency] = vf ? f.frequency_Hz : 0.0;
  sig[kAmsa] = vf ? f.amsa_mV_Hz : 0.0;
  sig[kPacingCaptured] = c.pacing && c.pacing_captured;
  sig[kPacingThreshold] = conduction_.pacing_threshold(s_.hooks);
  for (int k = 0; k < ecg::kNumLeads; ++k) sig[kEcgFirst + k] = s_.ecg_latest[static_cast<std::size_t>(k)];
  sig[kTime] = time();

  sig[kChestDepth] = cpr::depth_at(s_.compression, time());
  sig[kChestPressure] = cpr::chest_pressure(model_->params().compression, sig[kChestDepth]);
  sig[kCoronaryPerfusionInstant] = P[cv::kAorta] - P[cv::kRA];
  const cpr::QualityReadout& q = s_.cpr_readout;
  sig[kCprRate] = q.rate_per_min;
  sig[kCprDepth] = q.depth_mm;
  sig[kCprRecoil] = q.recoil_mm;
  sig[kCprDutyCycle] = q.duty_cycle;
  sig[kCprFraction] = q.fraction;
  sig[kCprHandsOff] = q.hands_off_s;
  sig[kCprCount] = static_cast<double>(q.count);
  sig[kCarotidPulse] = s_.pulse_readout.carotid_strength;
  sig[kFemoralPulse] = s_.pulse_readout.femoral_strength;
  sig[kCarotidActuator] = s_.pulse_readout.carotid_actuator;
  sig[kFemoralActuator] = s_.pulse_readout.femoral_actuator;
  update_breathing_signals();
}

void Sim::advance_steps(int64_t n) noexcept {
  // No signal is ever non-finite: if one would be, the signals keep their last values and the
  // sim fails (kNumerical), naming the signal (failure()).
  const std::array<double, kNumSignals> before = s_.signals;
  for (int64_t i = 0; i < n && !s_.failed; ++i) step_once();
  update_instant_signals();
  for (int i = 0; i < kNumSignals; ++i) {
    if (std::isfinite(s_.signals[static_cast<std::size_t>(i)])) continue;
    s_.signals = before;
    if (!s_.failed) s_.failed = kFailedSignal0 + i;
    break;
  }
}

const char* Sim::failure() const noexcept {
  if (s_.failed == 0) return "";
  if (s_.failed >= kFailedSignal0 && s_.failed < kFailedSignal0 + kNumSignals)
    return signal_catalogue()[static_cast<std::size_t>(s_.failed - kFailedSignal0)].name;
  return "the circulation's state";
}

Status Sim::advance(double seconds) noexcept {
  if (!std::isfinite(seconds) || seconds < 0.0 || seconds > kMaxDuration_s)
    return Status::kInvalidArgument;
  if (s_.failed) return Status::kNumerical;
  // Whole steps only; the remainder is carried so that many short calls add up exactly.
  const double total = s_.carry_s + seconds;
  const int64_t n = static_cast<int64_t>(std::floor(total / kStep_s + 1e-9));
  s_.carry_s = std::max(total - static_cast<double>(n) * kStep_s, 0.0);
  advance_steps(n);
  return s_.failed ? Status::kNumerical : Status::kOk;
}


}  // namespace resus
