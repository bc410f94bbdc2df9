// UResusPatientComponent: a simulated patient on any actor. It owns a resus_unreal::FixedStepper
// (the engine-free logic, tested outside Unreal), feeds it the frame time in TickComponent and
// publishes the vitals as Blueprint-readable properties after each tick.
#pragma once

#include "Components/ActorComponent.h"
#include "CoreMinimal.h"
#include "ResusFixedStepper.h"

#include "ResusPatientComponent.generated.h"

// One event from the sim: Kind is a resus_event_kind (1 action applied, 4 rhythm changed,
// 5 shock delivered, ...), Detail and Value as the header documents for that kind.
DECLARE_DYNAMIC_MULTICAST_DELEGATE_FourParams(FResusEventSignature, float, TimeSeconds, int32, Kind, int32, Detail,
                                               float, Value);

UCLASS(ClassGroup = (Resus), meta = (BlueprintSpawnableComponent))
class RESUS_API UResusPatientComponent : public UActorComponent
{
	GENERATED_BODY()

public:
	UResusPatientComponent();

	// ---- the patient, read at BeginPlay ----
	// A preset: adult_male_70kg or adult_female_60kg. Used when PatientJson is empty.
	UPROPERTY(EditAnywhere, Category = "Resus|Patient")
	FString Preset = TEXT("adult_male_70kg");
	// {"preset": "...", "overrides": {"name": value}}; replaces Preset when set.
	UPROPERTY(EditAnywhere, Category = "Resus|Patient", meta = (MultiLine = true))
	FString PatientJson;
	// Same seed, same patient, same run.
	UPROPERTY(EditAnywhere, Category = "Resus|Patient")
	int64 Seed = 1;

	// ---- time ----
	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "Resus|Time")
	bool bPaused = false;
	// Simulated seconds per game second (on top of the world's time dilation).
	UPROPERTY(EditAnywhere, BlueprintReadWrite, Category = "Resus|Time", meta = (ClampMin = "0", ClampMax = "10"))
	float TimeScale = 1.f;
	// One streamed input sample per tick: 5 ms is a manikin's 200 Hz.
	UPROPERTY(EditAnywhere, Category = "Resus|Time", meta = (ClampMin = "0.002", ClampMax = "0.05"))
	float TickSeconds = 0.005f;
	// A slower frame drops the rest: the patient runs slow rather than stall the game.
	UPROPERTY(EditAnywhere, Category = "Resus|Time", meta = (ClampMin = "1"))
	int32 MaxTicksPerFrame = 50;

	// ---- vitals, refreshed every frame that ran a tick ----
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float HeartRate = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float MeanArterialPressure = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float SystolicPressure = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float DiastolicPressure = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float SpO2 = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float EtCO2 = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float RespiratoryRate = 0.f;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	FName Rhythm;
	UPROPERTY(BlueprintReadOnly, Category = "Resus|Vitals")
	float SimulatedSeconds = 0.f;

	UPROPERTY(BlueprintAssignable, Category = "Resus")
	FResusEventSignature OnResusEvent;

	// An action's JSON, e.g. {"do": "drug", "drug": "epinephrine", "dose": 1, "unit": "mg"}.
	// False when refused; GetLastError names the field and its valid range.
	UFUNCTION(BlueprintCallable, Category = "Resus")
	bool ApplyActionJson(const FString& ActionJson);

	// The chest's depth now (0-100 mm), streamed every tick from now on, as a manikin does.
	UFUNCTION(BlueprintCallable, Category = "Resus|CPR")
	void SetCompressionDepth(float DepthMm);
	UFUNCTION(BlueprintCallable, Category = "Resus|CPR")
	void StopStreamingCompressions();

	UFUNCTION(BlueprintCallable, Category = "Resus|Snapshot")
	bool SaveSnapshot();
	UFUNCTION(BlueprintCallable, Category = "Resus|Snapshot")
	bool RestoreSnapshot();

	// Any signal by name ("cpp_mmHg", "plasma_epinephrine_ng_mL"); NaN for an unknown name.
	UFUNCTION(BlueprintPure, Category = "Resus")
	float GetSignal(FName Name) const;

	UFUNCTION(BlueprintPure, Category = "Resus")
	FString GetLastError() const;

	virtual void BeginPlay() override;
	virtual void EndPlay(const EEndPlayReason::Type EndPlayReason) override;
	virtual void TickComponent(float DeltaTime, ELevelTick TickType, FActorComponentTickFunction* ThisTickFunction) override;

private:
	void PublishVitals();
	void BroadcastEvents();

	TUniquePtr<resus_unreal::FixedStepper> Stepper;
	// Signal indices by name, looked up once each.
	mutable TMap<FName, int32> SignalIndices;
};
