// The Unreal plugin's engine-free core (ResusFixedStepper.h) outside Unreal: built like Unreal
// builds a module (C++17, no exceptions, no RTTI) and run against libresus. Exits non-zero when
// an expectation fails; prints each one that does.
#include "ResusFixedStepper.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace {

int failures = 0;

void Expect(bool condition, const char* what, double value = 0.0) {
  if (condition) return;
  ++failures;
  std::printf("FAIL  %s (%g)\n", what, value);
}

// Runs `seconds` of 60 Hz frames; false when a frame failed.
bool RunFrames(resus_unreal::FixedStepper& stepper, double seconds) {
  for (int frame = 0; frame < static_cast<int>(seconds * 60.0 + 0.5); ++frame)
    if (stepper.Update(1.0 / 60.0) < 0) return false;
  return true;
}

void RestingPatient() {
  resus_unreal::FixedStepper stepper;
  Expect(stepper.Create("adult_male_70kg", "", 1), "create from a preset");
  Expect(RunFrames(stepper, 10.0), "10 s of frames");
  // Ticks of 5 ms from frames of 1/60 s: the stepper trails real time by less than one tick, and
  // the sim's clock counts whole 2 ms engine steps.
  Expect(std::fabs(stepper.SimulatedSeconds() - 10.0) < 0.005 + 0.002, "simulated time after 10 s",
         stepper.SimulatedSeconds());
  const double map = stepper.GetVitals().map_mmHg;
  Expect(map >= 70.0 && map <= 105.0, "resting MAP mmHg", map);
  Expect(std::strcmp(stepper.RhythmName(), "sinus") == 0, "resting rhythm is sinus");
}

void PauseAndTimeScale() {
  resus_unreal::FixedStepper stepper;
  Expect(stepper.Create("adult_female_60kg", "", 1), "create the second preset");
  stepper.SetPaused(true);
  Expect(stepper.Update(1.0) == 0 && stepper.SimulatedSeconds() == 0.0, "a paused patient does not advance");
  stepper.SetPaused(false);
  stepper.SetTimeScale(2.0);
  Expect(RunFrames(stepper, 0.1), "frames at double speed");
  Expect(std::fabs(stepper.SimulatedSeconds() - 0.2) < 0.005 + 0.002, "double speed: 0.2 s in 0.1 s",
         stepper.SimulatedSeconds());
}

void BacklogIsDropped() {
  resus_unreal::FixedStepper stepper;  // 50 ticks of 5 ms per update at most
  Expect(stepper.Create("adult_male_70kg", "", 1), "create");
  const int ticks = stepper.Update(10.0);  // a 10 s hitch
  Expect(ticks == 50, "a long frame runs at most 50 ticks", ticks);
  Expect(std::fabs(stepper.DroppedSeconds() - 9.75) < 1e-9, "the rest is dropped", stepper.DroppedSeconds());
}

void ArrestFromJson() {
  resus_unreal::FixedStepper stepper;
  Expect(stepper.Create("", "{\"preset\": \"adult_male_70kg\"}", 1), "create from patient JSON");
  Expect(stepper.ApplyJson("{\"do\": \"rhythm\", \"rhythm\": \"vf_coarse\"}"), "VF by JSON");
  Expect(RunFrames(stepper, 20.0), "20 s of VF");
  Expect(stepper.GetVitals().map_mmHg < 30.0, "MAP in VF mmHg", stepper.GetVitals().map_mmHg);
  resus_event events[16];
  const int count = stepper.PollEvents(events, 16);
  Expect(count >= 1 && events[0].kind == RESUS_EVENT_ACTION_APPLIED, "an action_applied event", count);

  Expect(!stepper.ApplyJson("{\"do\": \"shock\", \"energy_J\": 5000}"), "a 5000 J shock is refused");
  Expect(std::strstr(stepper.LastError(), "energy_J") != nullptr, "the error names the field");
  resus_unreal::FixedStepper bad;
  Expect(!bad.Create("adult_dragon", "", 1), "an unknown preset is refused");
  Expect(std::strstr(bad.LastError(), "adult_dragon") != nullptr, "the error names the preset");
}

void StreamedCompressions() {
  resus_unreal::FixedStepper stepper;
  Expect(stepper.Create("adult_male_70kg", "", 1), "create");
  Expect(stepper.ApplyJson("{\"do\": \"rhythm\", \"rhythm\": \"vf_coarse\"}"), "VF");
  int32_t depth_signal = -1;
  Expect(resus_signal_find("cpr_depth_mm", &depth_signal) == RESUS_OK, "the CPR depth signal");
  // Two seconds of 110/min, 50 mm pushes, sampled once per frame like a mouse drag.
  for (int frame = 0; frame < 120; ++frame) {
    const double phase = std::fmod(frame / 60.0 * 110.0 / 60.0, 1.0);
    stepper.StreamCompressionDepth(phase < 0.5 ? 50.0 * std::sin(phase * 2.0 * 3.14159265358979) : 0.0);
    Expect(stepper.Update(1.0 / 60.0) >= 0, "a streamed frame");
  }
  const double depth = resus_sim_signal(stepper.Sim(), depth_signal);
  Expect(depth > 30.0 && depth < 70.0, "CPR meter depth mm", depth);
}

void SnapshotContinuesIdentically() {
  resus_unreal::FixedStepper stepper;
  Expect(stepper.Create("adult_male_70kg", "", 5), "create");
  Expect(stepper.ApplyJson("{\"do\": \"cpr_start\"}"), "programmed CPR");
  Expect(RunFrames(stepper, 2.0), "2 s");
  // Part of a tick left in the accumulator: the snapshot must carry it, or the restored run
  // ticks at other moments.
  Expect(stepper.Update(0.0041) >= 0, "a frame that leaves part of a tick");
  Expect(stepper.Save(), "save");
  const auto run = [&stepper] { return stepper.Update(1.0 / 60.0) >= 0 && RunFrames(stepper, 2.0); };
  Expect(run(), "2 s more");
  const double first_time = stepper.SimulatedSeconds();
  const resus_unreal::Vitals first = stepper.GetVitals();
  Expect(stepper.Restore(), "restore");
  Expect(run(), "the same 2 s again");
  const resus_unreal::Vitals second = stepper.GetVitals();
  Expect(stepper.SimulatedSeconds() == first_time, "restored run ends at the same time", stepper.SimulatedSeconds());
  Expect(std::memcmp(&first.map_mmHg, &second.map_mmHg, sizeof(double)) == 0 &&
             std::memcmp(&first.etco2_mmHg, &second.etco2_mmHg, sizeof(double)) == 0,
         "restored run matches bit for bit", second.map_mmHg - first.map_mmHg);
}

}  // namespace

int main() {
  RestingPatient();
  PauseAndTimeScale();
  BacklogIsDropped();
  ArrestFromJson();
  StreamedCompressions();
  SnapshotContinuesIdentically();
  std::printf("%s\n", failures == 0 ? "all expectations met" : "some expectations failed");
  return failures == 0 ? 0 : 1;
}
