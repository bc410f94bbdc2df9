// The signal catalogue: every output the engine computes, with its name (which carries its unit),
// unit and description. Hosts look a signal up by name once and then read it by index.
#pragma once

#include <span>
#include <string_view>

namespace resus {

enum SignalId : int {
  // Beat (cycle) statistics, updated at each ventricular activation.
  kHeartRate,
  kSystolic,
  kDiastolic,
  kMeanArterial,
  kPulsePressure,
  kCentralVenous,
  kPapSystolic,
  kPapDiastolic,
  kPapMean,
  kWedge,
  kCardiacOutput,
  kStrokeVolume,
  kEjectionFraction,
  kEndDiastolicVolume,
  kEndSystolicVolume,
  kSystemicResistance,
  kPulmonaryResistance,
  kCoronaryPerfusion,
  kCerebralPerfusion,
  kCoronaryFlow,
  kCerebralFlow,
  // Instantaneous values, updated every step.
  kArterialPressure,
  kAorticPressure,
  kLvPressure,
  kRvPressure,
  kLaPressure,
  kRaPressure,
  kPaPressure,
  kLvVolume,
  kRvVolume,
  kPericardialPressure,
  kIntrathoracicPressure,
  kAorticFlow,
  kBloodVolume,
  kBloodLost,
  kFluidInfused,
  kHeartPeriod,
  kLvEmax,
  kSympatheticFiring,
  kVagalFiring,
  kRhythmId,
  kVentricularRate,
  kMyocardialEnergy,
  kVfAmplitude,
  kVfFrequency,
  kAmsa,
  kPacingCaptured,
  kPacingThreshold,
  kEcgFirst,  // the latest sample of each lead, in resus::ecg::Lead order
  kEcgLast = kEcgFirst + 12,
  kTime,
  // Appended in 0.2 (indices are stable; look signals up by name).
  // Chest compressions.
  kChestDepth,
  kChestPressure,
  kCoronaryPerfusionInstant,
  kCardiacOutputFraction,
  kCprRate,
  kCprDepth,
  kCprRecoil,
  kCprDutyCycle,
  kCprFraction,
  kCprHandsOff,
  kCprCount,
  kCarotidPulse,
  kFemoralPulse,
  kCarotidActuator,
  kFemoralActuator,
  // Breathing and gases.
  kAirwayPressure,
  kAirwayFlow,
  kLungVolume,
  kRespiratoryRate,
  kTidalVolume,
  kMinuteVentilation,
  kEtco2,
  kCapnogram,
  kSpo2,
  kSpo2Valid,
  kPleth,
  kPerfusionIndex,
  kPao2,
  kPaco2,
  kSao2,
  kPhArterial,
  kBicarbonate,
  kPvo2,
  kPvco2,
  kSvo2,
  kPhVenous,
  kAlveolarPo2,
  kAlveolarPco2,
  kFio2,
  kVo2,
  kVco2,
  kO2Debt,
  kGastricVolume,
  kLeakVolume,
  kSpontaneousBreathing,
  kVentilationDrive,
  kAirwayDevice,
  // Appended in 0.4: per drug, in resus::pharm::Drug order, kDrugSignalsPerDrug each.
  kDrugFirst,
  kDrugLast = kDrugFirst + 4 * 25 - 1,
  // Appended in 0.5: blood chemistry (arterial plasma unless named otherwise).
  kBaseExcess,
  kLactate,
  kLactateVenous,
  kPotassium,
  kIonisedCalcium,
  kMagnesium,
  kSodium,
  kGlucose,
  kBaseExcessVenous,
  // The last blood gas an analyser reported (the blood_gas action); 0 before the first.
  kLabPh,
  kLabPo2,
  kLabPco2,
  kLabHco3,
  kLabBe,
  kLabLactate,
  kLabPotassium,
  kLabIonisedCalcium,
  kLabGlucose,
  kLabHemoglobin,
  kLabSite,
  // Temperature (models/thermal).
  kCoreTemperature,
  kShellTemperature,
  kEnvironmentTemperature,
  kHeatProduction,
  kHeatLoss,
  kThermalDevice,
  kShivering,
  // Appended in 0.6: the chest's causes (models/thorax) and what a clinician perceives of them.
  kPericardialVolume,
  kPleuralAirLeft,
  kPleuralAirRight,
  kPleuralPressureLeft,
  kPleuralPressureRight,
  kBreathSoundsLeft,
  kBreathSoundsRight,
  kTrachealDeviation,
  kJugularDistension,
  kPulmonaryObstruction,
  kIschaemiaExtent,
  // Appended in 0.7.
  kStMax,
  kQrsDuration,
  // Appended in 0.8 (models/fluids).
  kHemoglobin,
  kHematocrit,
  kPlasmaVolume,
  kTranscapillaryRefill,
  kPlasmaOncotic,
  // Appended in 0.9 (post-arrest myocardium).
  kMyocardialInjury,
  kMyocardialStunning,
  kCerebralO2Delivery,
  kConsciousness,
  kBrainIschaemia,
  kPupilDiameter,
  kPupilsReactive,
  kVasoplegia,
  // Appended after 0.10.0 (agonal gasping).
  kGasping,
  // Haemothorax and what a rescuer sees of the chest and skin.
  kPleuralBloodLeft,
  kPleuralBloodRight,
  kChestDrainOutput,
  kPercussionLeft,
  kPercussionRight,
  kCapillaryDeoxyHb,
  kCyanosis,
  // What a defibrillator measures between its pads (sets a monophasic shock's current).
  kTransthoracicImpedance,
  // The chemoreflex's afferents and the heart's own sympathetic limb (models/autonomic).
  kChemoreceptorFiring,
  kLungStretchFiring,
  kCardiacSympatheticFiring,
  // The brain's secondary injury and post-anoxic seizures (models/brain).
  kBrainSecondaryInjury,
  kBrainInjuryIndex,
  kSeizing,
  // The beats' swing over a breath (stages/cycle_stats.cpp).
  kPulsePressureVariation,
  kSystolicPressureVariation,
  // Haemodialysis (models/chemistry).
  kDialysisBloodFlow,
  kPotassiumDialysed,
  // Premature ventricular beats (models/electrophysiology).
  kPrematureBeats,
  // The anion gap (models/chemistry).
  kAnionGap,
  kNumSignals
};

// A drug's signals: its index in resus::pharm::Drug order, then one of these.
enum DrugSignal : int { kPlasma = 0, kEffectSite, kGiven, kInfusionRate, kDrugSignalsPerDrug };
constexpr int drug_signal(int drug, DrugSignal which) {
  return kDrugFirst + drug * kDrugSignalsPerDrug + which;
}

struct SignalInfo {
  const char* name;
  const char* unit;
  const char* description;
};

std::span<const SignalInfo> signal_catalogue();
// Index of a signal by name, or -1.
int find_signal(std::string_view name);

}  // namespace resus
