#include "ResusPatientComponent.h"

#include "ResusModule.h"

UResusPatientComponent::UResusPatientComponent()
{
	PrimaryComponentTick.bCanEverTick = true;
	// After physics and input, so this frame's hands are in this frame's ticks.
	PrimaryComponentTick.TickGroup = TG_PostPhysics;
}

void UResusPatientComponent::BeginPlay()
{
	Super::BeginPlay();
	resus_unreal::StepperConfig Config;
	Config.tick_seconds = TickSeconds;
	Config.max_ticks_per_update = MaxTicksPerFrame;
	Stepper = MakeUnique<resus_unreal::FixedStepper>(Config);
	if (!Stepper->Create(TCHAR_TO_UTF8(*Preset), TCHAR_TO_UTF8(*PatientJson), static_cast<uint64_t>(Seed)))
	{
		UE_LOG(LogResus, Error, TEXT("%s: patient not created: %s"), *GetNameSafe(GetOwner()), *GetLastError());
		SetComponentTickEnabled(false);
		return;
	}
	PublishVitals();
}

void UResusPatientComponent::EndPlay(const EEndPlayReason::Type EndPlayReason)
{
	Stepper.Reset();
	Super::EndPlay(EndPlayReason);
}

void UResusPatientComponent::TickComponent(float DeltaTime, ELevelTick TickType,
                                           FActorComponentTickFunction* ThisTickFunction)
{
	Super::TickComponent(DeltaTime, TickType, ThisTickFunction);
	if (!Stepper || !Stepper->IsReady()) return;
	Stepper->SetPaused(bPaused);
	Stepper->SetTimeScale(TimeScale);
	const int32 Ticks = Stepper->Update(DeltaTime);
	if (Ticks < 0)
	{
		// The sim keeps its last good state; stop rather than log every frame.
		UE_LOG(LogResus, Error, TEXT("%s: patient stopped: %s"), *GetNameSafe(GetOwner()), *GetLastError());
		SetComponentTickEnabled(false);
		return;
	}
	if (Ticks > 0)
	{
		PublishVitals();
		BroadcastEvents();
	}
}

void UResusPatientComponent::PublishVitals()
{
	const resus_unreal::Vitals& V = Stepper->GetVitals();
	HeartRate = static_cast<float>(V.heart_rate_bpm);
	MeanArterialPressure = static_cast<float>(V.map_mmHg);
	SystolicPressure = static_cast<float>(V.systolic_mmHg);
	DiastolicPressure = static_cast<float>(V.diastolic_mmHg);
	SpO2 = static_cast<float>(V.spo2_pct);
	EtCO2 = static_cast<float>(V.etco2_mmHg);
	RespiratoryRate = static_cast<float>(V.respiratory_rate_per_min);
	Rhythm = FName(Stepper->RhythmName());  // FNames are interned: no allocation once seen
	SimulatedSeconds = static_cast<float>(Stepper->SimulatedSeconds());
}

void UResusPatientComponent::BroadcastEvents()
{
	resus_event Events[32];
	int32 Count;
	do
	{
		Count = Stepper->PollEvents(Events, UE_ARRAY_COUNT(Events));
		for (int32 I = 0; I < Count; ++I)
			OnResusEvent.Broadcast(static_cast<float>(Events[I].time_s), Events[I].kind, Events[I].detail,
			                       static_cast<float>(Events[I].value));
	} while (Count == UE_ARRAY_COUNT(Events));
}

bool UResusPatientComponent::ApplyActionJson(const FString& ActionJson)
{
	return Stepper && Stepper->ApplyJson(TCHAR_TO_UTF8(*ActionJson));
}

void UResusPatientComponent::SetCompressionDepth(float DepthMm)
{
	if (Stepper) Stepper->StreamCompressionDepth(DepthMm);
}

void UResusPatientComponent::StopStreamingCompressions()
{
	if (Stepper) Stepper->StopStreaming();
}

bool UResusPatientComponent::SaveSnapshot()
{
	return Stepper && Stepper->Save();
}

bool UResusPatientComponent::RestoreSnapshot()
{
	if (!Stepper || !Stepper->Restore()) return false;
	PublishVitals();
	return true;
}

float UResusPatientComponent::GetSignal(FName Name) const
{
	if (!Stepper || !Stepper->IsReady()) return NAN;
	int32* Found = SignalIndices.Find(Name);
	if (!Found)
	{
		int32 Index = -1;
		resus_signal_find(TCHAR_TO_UTF8(*Name.ToString()), &Index);  // -1 stays for an unknown name: NaN below
		Found = &SignalIndices.Add(Name, Index);
	}
	return static_cast<float>(resus_sim_signal(Stepper->Sim(), *Found));
}

FString UResusPatientComponent::GetLastError() const
{
	return Stepper ? FString(UTF8_TO_TCHAR(Stepper->LastError())) : FString(TEXT("no patient"));
}
