// The Resus runtime module: nothing to set up beyond logging which engine was loaded.
#pragma once

#include "CoreMinimal.h"
#include "Modules/ModuleManager.h"

DECLARE_LOG_CATEGORY_EXTERN(LogResus, Log, All);

class FResusModule : public IModuleInterface
{
public:
	virtual void StartupModule() override;
};
