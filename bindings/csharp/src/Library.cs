// Facts about the loaded library that no patient owns: its version, the fixed step, the size of
// a snapshot, and what it offers (presets, drugs, ECG leads, waveforms).
namespace Resus
{
    public static class Library
    {
        public static string Version => Utf8.Decode(NativeMethods.resus_version());

        // major * 10000 + minor * 100 + patch.
        public static int VersionNumber => NativeMethods.resus_version_number();

        // The engine's fixed integration step (2 ms); Sim.Advance carries any remainder.
        public static double StepSeconds => NativeMethods.resus_step_seconds();

        // Bytes a snapshot takes (the same for every sim of this build).
        public static long SnapshotSize => NativeMethods.resus_snapshot_size();

        public static string[] PresetNames()
        {
            var names = new string[NativeMethods.resus_preset_count()];
            for (int i = 0; i < names.Length; ++i) names[i] = Utf8.Decode(NativeMethods.resus_preset_name(i));
            return names;
        }

        // In the order of the drug actions' "drug" values.
        public static string[] DrugNames()
        {
            var names = new string[NativeMethods.resus_drug_count()];
            for (int i = 0; i < names.Length; ++i)
            {
                System.IntPtr name, description;
                Errors.Check(NativeMethods.resus_drug_info(i, out name, out description), "resus_drug_info");
                names[i] = Utf8.Decode(name);
            }
            return names;
        }

        // An ECG lead's index by name ("II", "V1", "pads").
        public static int EcgLead(string name)
        {
            int lead;
            Errors.Check(NativeMethods.resus_ecg_lead_find(name, out lead), "resus_ecg_lead_find");
            return lead;
        }

        public static int EcgLeadCount => NativeMethods.resus_ecg_lead_count();
    }
}
