// One running patient. All memory is owned at creation; advance() allocates nothing, takes no
// lock, does no I/O and throws nothing. A step is the fixed list of stages in step_once()
// (engine/stages/, engine/README.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "engine/ecg_stream.hpp"
#include "engine/model.hpp"
#include "engine/rng.hpp"
#include "engine/stages/stages.hpp"
#include "engine/status.hpp"

namespace resus {

class Sim {
 public:
  explicit Sim(std::shared_ptr<const Model> model, uint64_t seed = 0, uint64_t patient_id = 0);

  // Advances by `seconds` (any non-negative duration; the remainder below one step is carried).
  // Returns kNumerical if the state or a signal went non-finite: the sim keeps its last good
  // state and signals and refuses to advance further.
  Status advance(double seconds) noexcept;
  void advance_steps(int64_t n) noexcept;

  double time() const { return now(s_); }
  double signal(int id) const { return s_.signals[static_cast<std::size_t>(id)]; }
  const double* signals() const { return s_.signals.data(); }
  // What went non-finite after advance() returned kNumerical: a signal's name, or "the
  // circulation's state"; "" while the sim is healthy.
  const char* failure() const noexcept;

  // Applies a validated action now (on the current step boundary).
  void apply(const Action& a) noexcept;
  // Schedules a validated action for time `at_s` (>= now). Throws Error(kCapacity) when full.
  void schedule(double at_s, const Action& a);

  // Sets the host's slot of an effect channel (engine/bus.hpp): a factor > 0 for a scale
  // channel, a value in the channel's unit for an offset. Throws Error(kInvalidArgument).
  void set_effect(Effect channel, double amount);

  // Moves up to `capacity` undrained events to `out`, oldest first; returns how many.
  int poll_events(Event* out, int capacity) noexcept;
  int64_t events_dropped() const { return s_.events.dropped; }

  // Synthetic ECG at 0 (off), 250, 500 or 1000 Hz, with the given artefacts. Sizes the per-lead
  // buffers (kEcgCapacity samples each) the first time; throws Error(kInvalidArgument) for another
  // rate. Not for the real-time path.
  void configure_ecg(int rate_hz, const ecg::ArtefactSwitches& artefacts);
  int ecg_rate() const { return s_.ecg.rate_hz; }
  // Moves up to `capacity` undrained samples of `lead` (mV), oldest first; returns how many.
  // `first_index` (may be null) receives the stream index of the first sample moved.
  int read_ecg(int lead, float* out, int capacity, int64_t* first_index = nullptr) noexcept;
  int64_t ecg_available(int lead) const noexcept;
  int64_t ecg_dropped(int lead) const noexcept;

  // Moves up to `capacity` undrained beat annotations to `out`, oldest first.
  int poll_beats(Beat* out, int capacity) noexcept;
  int64_t beats_dropped() const { return s_.beats.dropped; }

  // Streamed inputs for a host's device loop: applied at once (no event, no queue), allocation
  // free. A compression depth sample (0-100 mm) switches compressions to the streamed source;
  // the engine ramps to it over the host's own sample interval. A bag flow (0-3000 mL/s) is held
  // until changed. Out-of-range values return kInvalidArgument and change nothing.
  Status set_compression_depth(double depth_mm) noexcept;
  Status set_bag_flow(double flow_mL_s) noexcept;

  // Waveforms (see engine/waveforms.hpp) at 0 (off), 50, 100, 125, 250 or 500 Hz, buffered like
  // the ECG (kWaveCapacity samples per wave). Not for the real-time path.
  void configure_waveforms(int rate_hz);
  int waveform_rate() const { return s_.waves.rate_hz; }
  int read_waveform(int wave, float* out, int capacity, int64_t* first_index = nullptr) noexcept;
  int64_t waveform_available(int wave) const noexcept;
  int64_t waveform_dropped(int wave) const noexcept;

  // Snapshot: versioned bytes of the whole state (undrained ECG samples are not part of it).
  static std::size_t snapshot_size();
  void save(void* buffer) const noexcept;  // writes snapshot_size() bytes
  void restore(const void* buffer, std::size_t size);  // throws Error(kIncompatible)

  const Model& model() const { return *model_; }
  const SimState& state() const { return s_; }

 private:
  friend class Model;
  Sim(const Model& model, const SimState& initial);  // used while compiling a model

  StepContext context() noexcept;
  bool step_once() noexcept;
  void apply_due_actions(const StepContext& c) noexcept;
  void dispatch(const StepContext& c, const Action& a) noexcept;
  void update_instant_signals() noexcept;

  std::shared_ptr<const Model> owner_;  // keeps the model alive
  const Model* model_;
  Evaluators eval_;
  Rng rng_;
  std::unique_ptr<EcgStream> ecg_stream_;  // allocated when the ECG is first switched on
  std::unique_ptr<EcgStream> wave_stream_; // allocated when waveforms are first switched on
  // Working memory for the AMSA of the engine's own pads (stages/vf_pads.cpp), not state.
  std::unique_ptr<aed::AmsaScratch> amsa_scratch_ = std::make_unique<aed::AmsaScratch>();
  bool breathing_coupled_ = true;          // off while a model settles its circulation
  SimState s_;
};

}  // namespace resus
