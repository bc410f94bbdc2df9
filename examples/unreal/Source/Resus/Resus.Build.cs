// The Resus module: UResusPatientComponent over the resus C API. The header and the prebuilt
// native library live in Source/ThirdParty/resus (copy-native.sh fills it from a resus build):
//   include/resus/resus.h
//   lib/Win64/resus.lib + resus.dll, lib/Linux/libresus.so.0, lib/Mac/libresus.0.dylib
using System.IO;
using UnrealBuildTool;

public class Resus : ModuleRules
{
	public Resus(ReadOnlyTargetRules Target) : base(Target)
	{
		PCHUsage = PCHUsageMode.UseExplicitOrSharedPCHs;
		PublicDependencyModuleNames.AddRange(new string[] { "Core", "CoreUObject", "Engine" });

		string ThirdParty = Path.GetFullPath(Path.Combine(ModuleDirectory, "..", "ThirdParty", "resus"));
		PublicIncludePaths.Add(Path.Combine(ThirdParty, "include"));

		// Each platform links the library and ships it next to the module's binary, where the
		// module manager finds it when it loads the module.
		if (Target.Platform == UnrealTargetPlatform.Win64)
		{
			string Lib = Path.Combine(ThirdParty, "lib", "Win64");
			PublicAdditionalLibraries.Add(Path.Combine(Lib, "resus.lib"));
			RuntimeDependencies.Add("$(BinaryOutputDir)/resus.dll", Path.Combine(Lib, "resus.dll"));
		}
		else if (Target.Platform == UnrealTargetPlatform.Linux)
		{
			string Lib = Path.Combine(ThirdParty, "lib", "Linux");
			PublicAdditionalLibraries.Add(Path.Combine(Lib, "libresus.so.0"));
			RuntimeDependencies.Add("$(BinaryOutputDir)/libresus.so.0", Path.Combine(Lib, "libresus.so.0"));
		}
		else if (Target.Platform == UnrealTargetPlatform.Mac)
		{
			string Lib = Path.Combine(ThirdParty, "lib", "Mac");
			PublicAdditionalLibraries.Add(Path.Combine(Lib, "libresus.0.dylib"));
			RuntimeDependencies.Add("$(BinaryOutputDir)/libresus.0.dylib", Path.Combine(Lib, "libresus.0.dylib"));
		}
	}
}
