// What a resuscitation team can perceive of a patient, read through the public C API: the
// defibrillator pads' ECG, a palpated carotid pulse, the monitor (EtCO2, SpO2, blood pressure),
// the blood-gas analyser's results, and bedside findings (breath sounds, tracheal deviation,
// percussion, an effusion on ultrasound, temperature, the response to voice and pain). Never the engine's rhythm label or hidden state.
#pragma once

#include <resus/resus.h>

#include <cstdint>
#include <span>
#include <vector>

namespace resus_team {

// A signal's index by name; a name the library lacks is a programming error (std::logic_error),
// never a silent NaN.
int32_t signal_index(const char* name);

struct Vitals {
  double carotid_pulse = 0.0;  // palpation strength 0..1
  double etco2_mmHg = 0.0;
  double spo2_pct = 0.0;
  bool spo2_valid = false;     // the oximeter has a pulsatile signal
  double map_mmHg = 0.0;
  double sbp_mmHg = 0.0;
  double heart_rate_per_min = 0.0;  // the monitor's QRS count (0 in VF and asystole)
  double lab_k_mmol_L = 0.0;   // 0 until a blood gas has been analysed
  double lab_ph = 0.0;
  double lab_pco2_mmHg = 0.0;
  double lab_glucose_mmol_L = 0.0;  // 0 until a blood gas has been analysed
  double breath_sounds_left = 1.0, breath_sounds_right = 1.0;  // 1 normal .. 0 absent
  double percussion_left = 0.0, percussion_right = 0.0;  // -1 dull (blood) .. +1 hyperresonant
  double tracheal_deviation_mm = 0.0;
  double pericardial_volume_mL = 0.0;  // what bedside ultrasound shows
  double core_temp_C = 37.0;
  double consciousness = 1.0;  // the bedside examination: 1 obeys and talks .. 0 no response
  double last_breath_mL = 0.0;  // how far the chest rose with the last breath (the bag's volume in)
  double pupil_mm = 3.5;        // the pupils' diameter (a penlight)
  bool breathing = true;        // the patient breathes on their own (seen between bag breaths)
  double qrs_ms = 0.0;          // the monitor's QRS width of the last beat (0 without beats)
  // Blood seen lost: the engine's hemorrhage and what chest drains gave, not the blood still in
  // the chest or pericardium (which only percussion and ultrasound find).
  double visible_blood_loss_mL = 0.0;
};

class Perception {
 public:
  static constexpr int32_t kEcgRateHz = 250;
  static constexpr int32_t kEcgKeepSamples = 12 * kEcgRateHz;  // the last 12 s of pads ECG

  Perception();
  // Readies the pads ECG (250 Hz, with compression and shock artefacts), switched off: a team
  // reads the pads only while it analyses, and generating the ECG all along cost an eighth of a
  // team patient's time (bench/README.md).
  resus_status attach(resus_sim* sim);
  // Switches the pads ECG on from now, and off again.
  resus_status listen(resus_sim* sim);
  resus_status mute(resus_sim* sim);
  // Drains the ECG the sim generated since the last call. Call at least every 30 s.
  void drain(resus_sim* sim);
  Vitals vitals(const resus_sim* sim) const;
  // The pads ECG from simulated time `from_s` to the newest sample (at most what is kept).
  std::span<const float> pads_since(double from_s);

 private:
  int32_t pads_lead_ = -1;
  std::vector<float> ring_;      // kEcgKeepSamples, oldest overwritten
  std::vector<float> segment_;   // pads_since's contiguous copy
  int64_t next_index_ = 0;       // sample index after the newest one kept
  struct Indices {
    int32_t carotid, etco2, spo2, map, lab_k, lab_ph, sounds_left, sounds_right, deviation,
        pericardial, core_temp, percussion_left, percussion_right, spo2_valid, lab_pco2,
        consciousness, blood_lost, pleural_blood_left, pleural_blood_right, last_breath,
        lab_glucose, pupil, breathing, qrs, sbp, rate;
  } idx_{};
};

}  // namespace resus_team
