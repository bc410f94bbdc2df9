#include "perception.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace resus_team {
int32_t signal_index(const char* name) {
  int32_t index = -1;
  if (resus_signal_find(name, &index) != RESUS_OK)
    throw std::logic_error(std::string("the team reads a signal the library lacks: ") + name);
  return index;
}

Perception::Perception() : ring_(kEcgKeepSamples, 0.0f) {
  idx_ = {signal_index("carotid_pulse"),         signal_index("etco2_mmHg"),
          signal_index("spo2_pct"),              signal_index("map_mmHg"),
          signal_index("lab_k_mmol_L"),          signal_index("lab_ph"),
          signal_index("breath_sounds_left"),    signal_index("breath_sounds_right"),
          signal_index("tracheal_deviation_mm"), signal_index("pericardial_volume_mL"),
          signal_index("core_temp_C"),           signal_index("percussion_left"),
          signal_index("percussion_right"),      signal_index("spo2_valid"),
          signal_index("lab_pco2_mmHg"),         signal_index("consciousness"),
          signal_index("blood_lost_mL"),         signal_index("pleural_blood_left_mL"),
          signal_index("pleural_blood_right_mL"), signal_index("vt_mL"),
          signal_index("lab_glucose_mmol_L"),    signal_index("pupil_diameter_mm"),
          signal_index("spontaneous_breathing"), signal_index("qrs_ms"),
          signal_index("sbp_mmHg"),              signal_index("ventricular_rate_bpm")};
  if (resus_ecg_lead_find("pads", &pads_lead_) != RESUS_OK)
    throw std::logic_error("the library has no pads lead");
}

resus_status Perception::attach(resus_sim* sim) {
  next_index_ = 0;
  return mute(sim);
}

resus_status Perception::listen(resus_sim* sim) {
  resus_ecg_def def = resus_default_ecg_def();
  def.sample_rate_hz = kEcgRateHz;
  return resus_sim_ecg_configure(sim, &def);
}

resus_status Perception::mute(resus_sim* sim) {
  resus_ecg_def def = resus_default_ecg_def();
  def.sample_rate_hz = 0;
  return resus_sim_ecg_configure(sim, &def);
}

void Perception::drain(resus_sim* sim) {
  std::array<float, 1024> chunk;
  for (;;) {
    int32_t count = 0;
    int64_t first = 0;
    if (resus_sim_ecg_read_indexed(sim, pads_lead_, chunk.data(), static_cast<int32_t>(chunk.size()),
                                   &count, &first) != RESUS_OK ||
        count == 0)
      return;
    for (int32_t i = 0; i < count; ++i) {
      const int64_t index = first + i;
      ring_[static_cast<std::size_t>(index % kEcgKeepSamples)] = chunk[static_cast<std::size_t>(i)];
    }
    next_index_ = first + count;
  }
}

std::span<const float> Perception::pads_since(double from_s) {
  const int64_t oldest = std::max<int64_t>(0, next_index_ - kEcgKeepSamples);
  const int64_t from = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(from_s * kEcgRateHz)),
                                           oldest, next_index_);
  segment_.clear();
  for (int64_t i = from; i < next_index_; ++i)
    segment_.push_back(ring_[static_cast<std::size_t>(i % kEcgKeepSamples)]);
  return segment_;
}

Vitals Perception::vitals(const resus_sim* sim) const {
  auto get = [sim](int32_t index) { return resus_sim_signal(sim, index); };
  Vitals v;
  v.carotid_pulse = get(idx_.carotid);
  v.etco2_mmHg = get(idx_.etco2);
  v.spo2_pct = get(idx_.spo2);
  v.map_mmHg = get(idx_.map);
  v.sbp_mmHg = get(idx_.sbp);
  v.heart_rate_per_min = get(idx_.rate);
  v.lab_k_mmol_L = get(idx_.lab_k);
  v.lab_ph = get(idx_.lab_ph);
  v.breath_sounds_left = get(idx_.sounds_left);
  v.breath_sounds_right = get(idx_.sounds_right);
  v.tracheal_deviation_mm = get(idx_.deviation);
  v.pericardial_volume_mL = get(idx_.pericardial);
  v.core_temp_C = get(idx_.core_temp);
  v.percussion_left = get(idx_.percussion_left);
  v.percussion_right = get(idx_.percussion_right);
  v.spo2_valid = get(idx_.spo2_valid) > 0.5;
  v.lab_pco2_mmHg = get(idx_.lab_pco2);
  v.lab_glucose_mmol_L = get(idx_.lab_glucose);
  v.consciousness = get(idx_.consciousness);
  v.last_breath_mL = get(idx_.last_breath);
  v.pupil_mm = get(idx_.pupil);
  v.breathing = get(idx_.breathing) > 0.5;
  v.qrs_ms = get(idx_.qrs);
  // The circulation counts blood bled into the chest or pericardium as lost; what is still there
  // is not seen (the pericardium's normal fluid, ~25 mL, is left in: an effusion's own fluid is
  // not blood, so this never sees more than was bled).
  v.visible_blood_loss_mL =
      std::max(0.0, get(idx_.blood_lost) - get(idx_.pleural_blood_left) -
                        get(idx_.pleural_blood_right) - std::max(0.0, v.pericardial_volume_mL - 25.0));
  return v;
}

}  // namespace resus_team
