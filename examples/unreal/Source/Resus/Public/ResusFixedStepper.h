// ResusFixedStepper: one resus sim stepped in fixed host ticks from a game's variable frame
// time. Plain C++17 on the C API only (no Unreal headers, no exceptions, no RTTI), so the
// plugin's logic is compiled and tested outside Unreal (ctest binding.unreal_core);
// UResusPatientComponent is a thin Unreal shell around it.
//
// Why fixed ticks when resus_sim_advance already carries a remainder: a streamed input (the
// compression depth of a manikin or of the player's hands) is one sample per tick, so ticks of
// a fixed length keep the input's sampling independent of the frame rate. A frame that brings
// more than max_ticks_per_update ticks drops the backlog (counted in DroppedSeconds): the
// patient runs slow for a moment rather than stall the game.
#pragma once

#include <resus/resus.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace resus_unreal {

struct StepperConfig {
  double tick_seconds = 0.005;    // 200 Hz, a manikin's device loop
  int max_ticks_per_update = 50;  // 0.25 s of simulated time per frame at most
};

// What a monitor shows; refreshed after each Update that ran a tick.
struct Vitals {
  double heart_rate_bpm = 0.0;
  double map_mmHg = 0.0;
  double systolic_mmHg = 0.0;
  double diastolic_mmHg = 0.0;
  double spo2_pct = 0.0;
  double etco2_mmHg = 0.0;
  double respiratory_rate_per_min = 0.0;
  int32_t rhythm = 0;  // resus_rhythm; its name is RhythmName()
};

class FixedStepper {
 public:
  explicit FixedStepper(StepperConfig config = StepperConfig()) : config_(config) {}
  ~FixedStepper() { Destroy(); }
  FixedStepper(const FixedStepper&) = delete;
  FixedStepper& operator=(const FixedStepper&) = delete;

  // Creates the patient from a preset name, or from patient JSON when json is non-empty.
  // Replaces any patient this stepper had. False on failure (see LastError).
  bool Create(const char* preset, const char* patient_json, uint64_t seed) {
    Destroy();
    resus_model* model = nullptr;
    const bool from_json = patient_json && patient_json[0] != '\0';
    resus_status s = from_json ? resus_model_create_json(patient_json, &model)
                               : resus_model_create_preset(preset, &model);
    if (s != RESUS_OK) return Fail(s, from_json ? "resus_model_create_json" : "resus_model_create_preset");
    resus_sim_def def = resus_default_sim_def();
    def.seed = seed;
    s = resus_sim_create(model, &def, &sim_);
    resus_model_destroy(model);  // the sim keeps its model alive
    if (s != RESUS_OK) return Fail(s, "resus_sim_create");
    static const char* const kNames[kVitalCount] = {"hr_bpm",   "map_mmHg",   "sbp_mmHg",   "dbp_mmHg",
                                                    "spo2_pct", "etco2_mmHg", "rr_per_min", "rhythm_id"};
    for (int i = 0; i < kVitalCount; ++i) {
      s = resus_signal_find(kNames[i], &vital_indices_[i]);
      if (s != RESUS_OK) return Fail(s, "resus_signal_find");
    }
    snapshot_.assign(static_cast<size_t>(resus_snapshot_size()), 0);  // allocated once, here
    return ReadVitals();
  }

  void Destroy() {
    resus_sim_destroy(sim_);
    sim_ = nullptr;
    accumulator_s_ = 0.0;
    streaming_ = false;
    has_snapshot_ = false;
  }

  bool IsReady() const { return sim_ != nullptr; }

  void SetPaused(bool paused) { paused_ = paused; }
  bool Paused() const { return paused_; }
  // Simulated seconds per real second (0 stops time like a pause).
  void SetTimeScale(double scale) { time_scale_ = scale > 0.0 && std::isfinite(scale) ? scale : 0.0; }

  // Adds a frame's real time and runs the whole ticks it completes. Returns the ticks run, or -1
  // when the sim refused to advance (LastError says why; the sim keeps its last good state).
  int Update(double real_seconds) {
    if (!sim_ || paused_ || !(real_seconds > 0.0)) return 0;
    accumulator_s_ += real_seconds * time_scale_;
    const double backlog_cap_s = config_.tick_seconds * config_.max_ticks_per_update;
    if (accumulator_s_ > backlog_cap_s) {
      dropped_s_ += accumulator_s_ - backlog_cap_s;
      accumulator_s_ = backlog_cap_s;
    }
    int ticks = 0;
    // The slack keeps rounding in the sums of frame times from losing a tick now and then.
    const double slack_s = 1e-9;
    while (accumulator_s_ + slack_s >= config_.tick_seconds) {
      if (streaming_) {
        const resus_status s = resus_sim_set_compression_depth(sim_, depth_mm_);
        if (s != RESUS_OK) return FailTicks(s, "resus_sim_set_compression_depth");
      }
      const resus_status s = resus_sim_advance(sim_, config_.tick_seconds);
      if (s != RESUS_OK) return FailTicks(s, "resus_sim_advance");
      accumulator_s_ -= config_.tick_seconds;
      ++ticks;
    }
    if (ticks > 0 && !ReadVitals()) return -1;
    return ticks;
  }

  // The chest's depth (clamped to 0-100 mm), sent once per tick from now on; a programmed CPR
  // stops at the first sample.
  void StreamCompressionDepth(double depth_mm) {
    depth_mm_ = depth_mm < 0.0 ? 0.0 : depth_mm > 100.0 ? 100.0 : depth_mm;
    streaming_ = sim_ != nullptr;
  }
  void StopStreaming() { streaming_ = false; }

  // An action's JSON, e.g. {"do": "shock", "energy_J": 200}; scheduled when it has "at_s".
  bool ApplyJson(const char* action_json) {
    if (!sim_) return NotReady();
    const resus_status s = resus_sim_apply_json(sim_, action_json);
    if (s == RESUS_OK && StartsCprNow(action_json)) streaming_ = false;
    return s == RESUS_OK || Fail(s, "resus_sim_apply_json");
  }

  // Keeps the whole state (the sim's and the stepper's tick phase and streamed depth) in a buffer
  // allocated at Create; Restore then continues bit-identically.
  bool Save() {
    if (!sim_) return NotReady();
    const resus_status s = resus_sim_save(sim_, snapshot_.data(), static_cast<int64_t>(snapshot_.size()));
    if (s != RESUS_OK) return Fail(s, "resus_sim_save");
    saved_host_ = HostState{accumulator_s_, streaming_, depth_mm_};  // the stepper's own part of the state
    has_snapshot_ = true;
    return true;
  }
  bool Restore() {
    if (!sim_) return NotReady();
    if (!has_snapshot_) return FailWith("no snapshot saved yet");
    const resus_status s = resus_sim_load(sim_, snapshot_.data(), static_cast<int64_t>(snapshot_.size()));
    if (s != RESUS_OK) return Fail(s, "resus_sim_load");
    accumulator_s_ = saved_host_.accumulator_s;
    streaming_ = saved_host_.streaming;
    depth_mm_ = saved_host_.depth_mm;
    return ReadVitals();
  }
  bool HasSnapshot() const { return has_snapshot_; }

  // Moves up to capacity pending events into out; returns how many (0 without a sim).
  int PollEvents(resus_event* out, int capacity) {
    int32_t count = 0;
    if (!sim_ || resus_sim_poll_events(sim_, out, capacity, &count) != RESUS_OK) return 0;
    return count;
  }

  const Vitals& GetVitals() const { return vitals_; }
  const char* RhythmName() const {
    const char* name = resus_enum_name(RESUS_ENUM_RHYTHM, vitals_.rhythm);
    return name ? name : "unknown";
  }
  double SimulatedSeconds() const { return sim_ ? resus_sim_time(sim_) : 0.0; }
  double DroppedSeconds() const { return dropped_s_; }
  const char* LastError() const { return last_error_.c_str(); }
  // The sim itself, for calls this class does not wrap (signals by index, ECG, waveforms).
  resus_sim* Sim() { return sim_; }

 private:
  enum { kHr, kMap, kSbp, kDbp, kSpo2, kEtco2, kRr, kRhythm, kVitalCount };

  bool ReadVitals() {
    double v[kVitalCount];
    const resus_status s = resus_sim_signals(sim_, vital_indices_, kVitalCount, v);
    if (s != RESUS_OK) return Fail(s, "resus_sim_signals");
    vitals_.heart_rate_bpm = v[kHr];
    vitals_.map_mmHg = v[kMap];
    vitals_.systolic_mmHg = v[kSbp];
    vitals_.diastolic_mmHg = v[kDbp];
    vitals_.spo2_pct = v[kSpo2];
    vitals_.etco2_mmHg = v[kEtco2];
    vitals_.respiratory_rate_per_min = v[kRr];
    vitals_.rhythm = static_cast<int32_t>(v[kRhythm]);
    return true;
  }

  // A programmed CPR applied now takes over from a streamed depth.
  static bool StartsCprNow(const char* json) {
    int32_t kind = 0, count = 0;
    double values[RESUS_ACTION_MAX_FIELDS];
    double at_s = 0.0;
    return resus_action_parse_values(json, &kind, values, RESUS_ACTION_MAX_FIELDS, &count, &at_s) == RESUS_OK &&
           kind == RESUS_ACTION_CPR_START && std::isnan(at_s);
  }

  // Records "call: status: the library's message" (allocates: failures only).
  bool Fail(resus_status status, const char* call) {
    const char* message = resus_last_error(sim_);  // the sim's, or this thread's without one
    last_error_ = std::string(call) + ": " + resus_status_string(status) + ": " + (message ? message : "");
    return false;
  }
  int FailTicks(resus_status status, const char* call) {
    Fail(status, call);
    return -1;
  }
  bool FailWith(const char* message) {
    last_error_ = message;
    return false;
  }
  bool NotReady() { return FailWith("no patient: Create() failed or was not called"); }

  StepperConfig config_;
  resus_sim* sim_ = nullptr;
  int32_t vital_indices_[kVitalCount] = {};
  Vitals vitals_;
  // What the stepper adds to the sim's state, saved with each snapshot.
  struct HostState {
    double accumulator_s;
    bool streaming;
    double depth_mm;
  };

  std::vector<unsigned char> snapshot_;
  HostState saved_host_ = {0.0, false, 0.0};
  bool has_snapshot_ = false;
  bool paused_ = false;
  double time_scale_ = 1.0;
  double accumulator_s_ = 0.0;
  double dropped_s_ = 0.0;
  bool streaming_ = false;
  double depth_mm_ = 0.0;
  std::string last_error_;
};

}  // namespace resus_unreal
