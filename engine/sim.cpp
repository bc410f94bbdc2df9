#include "engine/sim.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/waveforms.hpp"

namespace resus {

void EventSink::push(EventKind kind, int32_t detail, double value) const noexcept {
  EventRing& r = s_->events;
  if (r.count == kEventCapacity) {  // keep the newest, count what was lost
    r.head = (r.head + 1) % kEventCapacity;
    --r.count;
    ++r.dropped;
  }
  const int64_t at = (r.head + r.count) % kEventCapacity;
  r.events[static_cast<std::size_t>(at)] = Event{now(*s_), kind, detail, value};
  ++r.count;
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
      eval_{cv::Circulation(model.params().circulation),
            autonomic::Baroreflex(model.params().baroreflex, model.baro_reference()),
            autonomic::Chemoreflex(model.params().baroreflex.chemo, model.baro_reference().chemo),
            autonomic::Cardiopulmonary(model.params().baroreflex.cardiopulmonary,
                                       model.baro_reference().cardiopulmonary, autonomic::kBaroTick_s),
            ep::Conduction(model.params().conduction), ep::Myocardium(model.params().myocardium),
            ecg::Generator(model.params().ecg), resp::Respiration(model.params().respiration, model.params().blood),
            cpr::ChestPump(model.params().compression)},
      rng_(initial.seed, initial.patient_id),
      s_(initial) {}

StepContext Sim::context() noexcept {
  return StepContext{*model_, eval_, time(), breathing_coupled_, EventSink(s_), Draws(rng_, s_.heart)};
}

// One step: a fixed list of stages (engine/README.md, "The step"). Stages before the
// integration see the step's start; the clock then moves, and the stages after it see its end.
bool Sim::step_once() noexcept {
  combine_effects(s_.bus.effects);
  const StepContext c = context();
  apply_due_actions(c);                  // each action to the stage that owns it
  stages::reflex::drive(c, s_);          // sinus period and effectors from the reflex
  stages::heart::timing(c, s_);          // impulses, activations, beats
  stages::cycle::on_beat(c, s_);         // a beat (or 3 s without one) closes the cycle
  stages::compressions::step(c, s_);     // chest depth and pressure, rescuer's breaths
  if (!stages::circulation::integrate(c, s_)) {
    s_.failed = kFailedState;
    return false;
  }
  ++s_.step;                             // the clock: the stages below see the step's end
  stages::circulation::book_volumes(c, s_);  // volume-limited hemorrhages and boluses
  stages::fluids::step(c, s_);           // cells and protein in and out, capillary exchange
  stages::cycle::accumulate(c, s_);      // beat statistics
  stages::heart::myocardium(c, s_);      // energy from coronary flow, rhythm hazards
  stages::vf_pads::step(c, s_, *amsa_scratch_);  // the pads' VF and its AMSA (shocks read it)
  stages::cpr_meter::step(c, s_);        // CPR feedback, palpation
  stages::cycle::on_compression(c, s_);  // while compressions run, each closes the cycle
  stages::breathing::step(c, s_);        // lungs, devices, alveolar gas
  stages::chemistry::step(c, s_);        // solutes' sources for the blood's tick, the analyser
  stages::blood::step(c, s_);            // gas transport, tissue stores (each 10 ms gas tick)
  stages::pharmacology::step(c, s_);     // drugs and hormones by the flows (each 10 ms)
  stages::brain::step(c, s_);            // cerebral O2, consciousness, ischaemia (each 10 ms)
  stages::inflammation::step(c, s_);     // the O2 debt's inflammation, vasoplegia (each 10 ms)
  stages::thermal::step(c, s_);          // core and shell temperature (every 100 ms)
  stages::thorax::step(c, s_);           // pericardial fluid, pleural air
  stages::thrombosis::step(c, s_);       // clots: lysis, ischaemia (every 100 ms)
  stages::ecg::step(c, s_, ecg_stream_.get());
  stages::waveforms::step(c, s_, wave_stream_.get());
  stages::reflex::tick(c, s_);           // every 10 ms
  return true;
}

// Each action goes to the stage that owns its kind (engine/action_table.hpp).
void Sim::dispatch(const StepContext& c, const Action& a) noexcept {
  const ActionSpec* spec = find_action(a.kind);
  if (!spec) return;  // validated actions always have a row
  switch (spec->route ? spec->route(a) : spec->stage) {
    case Stage::kCirculation: stages::circulation::apply(c, s_, a); break;
    case Stage::kHeart: stages::heart::apply(c, s_, a); break;
    case Stage::kCompressions: stages::compressions::apply(c, s_, a); break;
    case Stage::kBreathing: stages::breathing::apply(c, s_, a); break;
    case Stage::kPharmacology: stages::pharmacology::apply(c, s_, a); break;
    case Stage::kChemistry: stages::chemistry::apply(c, s_, a); break;
    case Stage::kThermal: stages::thermal::apply(c, s_, a); break;
    case Stage::kThorax: stages::thorax::apply(c, s_, a); break;
    case Stage::kThrombosis: stages::thrombosis::apply(c, s_, a); break;
  }
}

void Sim::apply(const Action& a) noexcept { dispatch(context(), a); }

void Sim::schedule(double at_s, const Action& a) {
  if (!std::isfinite(at_s) || at_s < time() || at_s > kMaxDuration_s)
    throw Error(Status::kInvalidArgument, "at_s = " + std::to_string(at_s) +
                                              " must be a finite time not before now (" +
                                              std::to_string(time()) + " s)");
  ActionQueue& q = s_.queue;
  if (q.size == kQueueCapacity)
    throw Error(Status::kCapacity, "action queue is full (" + std::to_string(kQueueCapacity) +
                                       " scheduled actions)");
  const ScheduledAction entry{std::llround(at_s / kStep_s), q.next_seq++, a};
  // Insertion keeps the queue sorted by (step, seq).
  int i = q.size;
  while (i > 0 && q.entries[static_cast<std::size_t>(i - 1)].step > entry.step) {
    q.entries[static_cast<std::size_t>(i)] = q.entries[static_cast<std::size_t>(i - 1)];
    --i;
  }
  q.entries[static_cast<std::size_t>(i)] = entry;
  ++q.size;
}

void Sim::apply_due_actions(const StepContext& c) noexcept {
  ActionQueue& q = s_.queue;
  int due = 0;
  while (due < q.size && q.entries[static_cast<std::size_t>(due)].step <= s_.step)
    dispatch(c, q.entries[static_cast<std::size_t>(due++)].action);
  if (due == 0) return;
  for (int i = due; i < q.size; ++i)
    q.entries[static_cast<std::size_t>(i - due)] = q.entries[static_cast<std::size_t>(i)];
  q.size -= due;
}

void Sim::set_effect(Effect channel, double amount) {
  const int i = static_cast<int>(channel);
  if (i < 0 || i >= kNumEffectChannels)
    throw Error(Status::kInvalidArgument, "effect channel " + std::to_string(i) + " is out of range");
  const bool scale = i < kNumScaleEffects;
  if (!std::isfinite(amount) || (scale && !(amount > 0.0)))
    throw Error(Status::kInvalidArgument,
                "effect amount = " + std::to_string(amount) +
                    (scale ? " must be a finite factor > 0" : " must be finite"));
  resus::set_effect(s_.bus.effects, channel, EffectWriter::kHost, amount);
  combine_effects(s_.bus.effects);
}

int Sim::poll_events(Event* out, int capacity) noexcept {
  EventRing& r = s_.events;
  int n = 0;
  while (n < capacity && r.count > 0) {
    out[n++] = r.events[static_cast<std::size_t>(r.head)];
    r.head = (r.head + 1) % kEventCapacity;
    --r.count;
  }
  return n;
}

int Sim::poll_beats(Beat* out, int capacity) noexcept {
  BeatRing& r = s_.beats;
  int n = 0;
  while (n < capacity && r.count > 0) {
    out[n++] = r.beats[static_cast<std::size_t>(r.head)];
    r.head = (r.head + 1) % kBeatCapacity;
    --r.count;
  }
  return n;
}

Status Sim::set_compression_depth(double depth_mm) noexcept {
  return stages::compressions::push_depth(s_, depth_mm) ? Status::kOk : Status::kInvalidArgument;
}

Status Sim::set_bag_flow(double flow_mL_s) noexcept {
  return stages::breathing::push_bag_flow(s_, flow_mL_s) ? Status::kOk : Status::kInvalidArgument;
}

// Each stage publishes its own signals; the reflex and the chest first, since the circulation's
// instantaneous pressures depend on them at this instant.
void Sim::update_instant_signals() noexcept {
  double* sig = s_.signals.data();
  const StepContext c = context();
  stages::reflex::drive(c, s_);
  stages::compressions::publish(*model_, s_, sig);
  stages::circulation::publish(*model_, eval_, s_, breathing_coupled_, sig);
  stages::reflex::publish(*model_, s_, sig);
  stages::heart::publish(*model_, eval_, s_, sig);
  for (int k = 0; k < ecg::kNumLeads; ++k) sig[kEcgFirst + k] = s_.ecg.latest[static_cast<std::size_t>(k)];
  stages::ecg::publish(c, s_, sig);
  sig[kTime] = time();
  stages::cpr_meter::publish(*model_, s_, sig);
  stages::breathing::publish(s_, sig);
  stages::blood::publish(s_, sig);
  stages::pharmacology::publish(*model_, s_, sig);
  stages::chemistry::publish(model_->params(), s_, sig);
  stages::thermal::publish(s_, sig);
  stages::thorax::publish(s_, sig);
  stages::thrombosis::publish(s_, sig);
  stages::fluids::publish(*model_, s_, sig);
  stages::brain::publish(*model_, s_, sig);
  stages::inflammation::publish(s_, sig);
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
