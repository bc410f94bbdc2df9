#include "ResusModule.h"

#include <resus/resus.h>

DEFINE_LOG_CATEGORY(LogResus);

void FResusModule::StartupModule()
{
	// A library older than the header the plugin was built with may lack what the plugin uses.
	if (resus_version_number() < RESUS_VERSION_NUMBER)
	{
		UE_LOG(LogResus, Error, TEXT("resus library %s is older than the header %d.%d.%d the plugin was built with"),
		       UTF8_TO_TCHAR(resus_version()), RESUS_VERSION_MAJOR, RESUS_VERSION_MINOR, RESUS_VERSION_PATCH);
		return;
	}
	UE_LOG(LogResus, Log, TEXT("resus %s loaded"), UTF8_TO_TCHAR(resus_version()));
}

IMPLEMENT_MODULE(FResusModule, Resus)
