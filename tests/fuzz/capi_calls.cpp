// Fuzz target: byte-driven sequences of C API calls on one sim, with extreme values (non-finite,
// huge, negative, enums outside their enum, struct sizes that lie), as a careless or hostile host
// makes them. After every call that moves time, every signal, sample, beat and event must be
// finite and in range; a snapshot saved at any point must load back.
#include <cstdio>
#include <string>
#include <vector>

#include "enum_calls.h"
#include "fuzz_support.hpp"

namespace {

using resus_fuzz::Bytes;

constexpr double kMaxSimulated_s = 30.0;  // per input, so that each run stays fast

// A duration worth passing to advance(): mostly short, sometimes invalid (refused at once),
// never a long valid one.
double duration(Bytes& in, double& budget) {
  double d = in.value();
  if (std::isfinite(d) && d >= 0.0) {
    d = std::fmod(d, 2.0);
    if (d > budget) d = budget;
    budget -= d;
  } else if (!std::isnan(d) && d < 0.0 && d > -1e9) {
    d = -d - 1e-3 < budget ? d : -1.0;  // a negative one stays negative (refused)
  }
  return d;
}

resus_action action(Bytes& in) {
  resus_action a = fuzz_default_action(in.small_int(17));
  a.struct_size = (in.u8() % 8 == 0) ? static_cast<uint32_t>(in.i32()) : a.struct_size;
  a.site = in.small_int(3);
  a.rate_mL_min = in.value();
  a.volume_mL = in.value();
  a.rhythm = in.small_int(18);
  a.waveform = in.small_int(3);
  a.energy_J = in.value();
  a.rate_per_min = in.value();
  a.current_mA = in.value();
  a.only_if_shockable = in.small_int(3);
  a.depth_mm = in.value();
  a.duty_cycle = in.value();
  a.leaning_mm = in.value();
  a.compressions_per_cycle = in.small_int(120);
  a.breaths_per_pause = in.small_int(6);
  a.pause_s = in.value();
  a.tidal_volume_mL = in.value();
  a.inspiratory_time_s = in.value();
  a.peep_cmH2O = in.value();
  a.fio2 = in.value();
  a.airway = in.small_int(7);
  a.vent_mode = in.small_int(5);
  a.enabled = in.small_int(3);
  return a;
}

// JSON for an action with one numeric field from the input (%.17g, or an overflowing literal).
std::string action_json(Bytes& in) {
  static const char* const kTemplates[] = {
      R"({"do":"oxygen","fio2":%s})", R"({"do":"cpr_start","rate_per_min":%s})",
      R"({"do":"cpr_start","compressions_per_cycle":%s,"breaths_per_pause":2})",
      R"({"do":"hemorrhage","rate_mL_min":%s})", R"({"do":"fluid_bolus","volume_mL":%s})",
      R"({"do":"shock","energy_J":%s})", R"({"do":"ventilation","mode":"ventilator","rate_per_min":%s})",
      R"({"do":"breath","tidal_volume_mL":%s})", R"({"do":"pacing_start","current_mA":%s})",
      R"({"do":"rhythm","rhythm":"vf_coarse","at_s":%s})"};
  const char* t = kTemplates[in.u8() % (sizeof kTemplates / sizeof kTemplates[0])];
  const double v = in.value();
  char number[64];
  if (std::isfinite(v)) std::snprintf(number, sizeof number, "%.17g", v);
  else std::snprintf(number, sizeof number, "%s", std::isnan(v) ? "1e999" : (v > 0 ? "1e999" : "-1e999"));
  char out[256];
  std::snprintf(out, sizeof out, t, number);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  Bytes in(data, size);
  resus_sim_def def = resus_default_sim_def();
  def.seed = in.u8();
  resus_sim* sim = nullptr;
  if (resus_sim_create(male_model(), &def, &sim) != RESUS_OK) fail("sim", 0.0);
  double budget = kMaxSimulated_s;
  std::vector<unsigned char> snapshot(static_cast<std::size_t>(resus_snapshot_size()));
  std::vector<float> samples(256);
  for (int ops = 0; ops < 64 && !in.empty(); ++ops) {
    switch (in.u8() % 18) {
      case 0:
      case 1:
        advance_and_check(sim, duration(in, budget));
        break;
      case 2: {
        const resus_action a = action(in);
        resus_sim_apply(sim, &a);
        break;
      }
      case 3: {
        const resus_action a = action(in);
        resus_sim_schedule(sim, resus_sim_time(sim) + in.value(), &a);
        break;
      }
      case 4:  // a manikin's streamed samples, a tick apart
        for (int k = 0, n = in.u8() % 32; k < n; ++k) {
          resus_sim_set_compression_depth(sim, in.value());
          resus_sim_set_bag_flow(sim, in.value());
          if (budget > 0.005) {
            budget -= 0.005;
            advance_and_check(sim, 0.005);
          }
        }
        break;
      case 5:
        resus_sim_apply_json(sim, action_json(in).c_str());
        break;
      case 6: {
        resus_ecg_def e = resus_default_ecg_def();
        const int32_t rates[] = {0, 250, 500, 1000, in.i32()};
        e.sample_rate_hz = rates[in.u8() % 5];
        e.cpr = in.small_int(3);
        e.baseline_wander = in.small_int(3);
        e.mains = in.small_int(3);
        e.muscle = in.small_int(3);
        if (in.u8() % 8 == 0) e.struct_size = static_cast<uint32_t>(in.i32());
        resus_sim_ecg_configure(sim, &e);
        break;
      }
      case 7: {
        const int32_t rates[] = {0, 50, 100, 125, 250, 500, in.i32()};
        resus_sim_waveforms_configure(sim, rates[in.u8() % 7]);
        break;
      }
      case 8: {  // every state reached must save and load back
        if (resus_sim_save(sim, snapshot.data(), static_cast<int64_t>(snapshot.size())) != RESUS_OK)
          fail("save", 0.0);
        if (resus_sim_load(sim, snapshot.data(), static_cast<int64_t>(snapshot.size())) != RESUS_OK) {
          std::fprintf(stderr, "%s\n", resus_last_error(sim));
          fail("a saved state was refused on load", resus_sim_time(sim));
        }
        break;
      }
      case 9:  // typed shorthands with enums outside their enum
        fuzz_set_ventilation(sim, in.small_int(6), in.value(), in.value(), in.value(), in.value());
        break;
      case 10:
        fuzz_set_airway(sim, in.small_int(7));
        fuzz_set_rhythm(sim, in.small_int(18));
        (void)fuzz_status_string(in.i32());
        break;
      case 11:
        fuzz_shock(sim, in.value(), in.small_int(3));
        fuzz_cardiovert(sim, in.value(), in.small_int(3));
        break;
      case 12:
        resus_sim_cpr_start(sim, in.value(), in.value(), in.small_int(120), in.small_int(6));
        resus_sim_pacing_start(sim, in.value(), in.value());
        break;
      case 13: {  // reads with bad indices and capacities
        int32_t count = 0;
        resus_sim_ecg_read(sim, in.small_int(15), samples.data(), in.small_int(300) % 257, &count);
        resus_sim_waveform_read(sim, in.small_int(10), samples.data(), in.small_int(300) % 257, &count);
        // (x % 257 keeps a capacity within the 256-sample buffer; a negative one is refused.)
        int32_t idx[2] = {in.small_int(200), in.small_int(200)};
        double out[2];
        // The count may be wrong in sign, never larger than the arrays (no API can check that).
        const int32_t wanted = in.small_int(3);
        resus_sim_signals(sim, idx, wanted > 2 ? 2 : wanted, out);
        (void)resus_sim_signal(sim, in.i32());
        break;
      }
      case 14:
        fuzz_hemorrhage(sim, in.value(), in.value(), in.small_int(3));
        resus_sim_fluid_bolus(sim, in.value(), in.value());
        break;
      case 15:
        resus_sim_give_breath(sim, in.value(), in.value());
        resus_sim_set_oxygen(sim, in.value());
        resus_sim_set_spontaneous_breathing(sim, in.small_int(3));
        break;
      case 16: {  // actions by kind and values: any kind, any values, counts that lie
        double values[16];
        for (double& v : values) v = in.value();
        const int32_t kind = in.small_int(24) - 2;
        const int32_t count = in.small_int(20) - 2;  // within the array, or negative
        const int32_t n = count > 16 ? 16 : count;
        if (in.u8() % 2) resus_sim_apply_values(sim, kind, values, n);
        else resus_sim_schedule_values(sim, resus_sim_time(sim) + in.value(), kind, values, n);
        if (in.u8() % 8 == 0) resus_sim_apply_values(sim, kind, nullptr, n);
        break;
      }
      case 17: {  // discovery with indices out of range, and JSON parsed into values
        const int32_t kind = in.small_int(24) - 2, field = in.small_int(20) - 2;
        const char* name = nullptr;
        const char* unit = nullptr;
        const char* description = nullptr;
        int32_t type = 0, flags = 0, when_field = 0;
        uint32_t when_mask = 0;
        double lo = 0.0, hi = 0.0, def = 0.0;
        resus_action_field_info(kind, field, &name, &unit, &type, &lo, &hi, &def);
        resus_action_field_rules(kind, field, &flags, &when_field, &when_mask, &description);
        (void)resus_action_field_enum_name(kind, field, in.i32());
        (void)resus_enum_name(in.small_int(16) - 2, in.i32());
        (void)resus_enum_count(in.i32());
        double values[16];
        int32_t parsed_kind = 0, count = 0;
        double at = 0.0;
        resus_action_parse_values(action_json(in).c_str(), &parsed_kind, values,
                                  in.small_int(20) - 2 > 16 ? 16 : in.small_int(17), &count, &at);
        break;
      }
    }
  }
  advance_and_check(sim, std::min(1.0, budget));
  resus_sim_destroy(sim);
  return 0;
}
