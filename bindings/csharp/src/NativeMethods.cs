// The whole C API (capi/include/resus/resus.h) as P/Invoke declarations, in the header's order.
//
// Marshalling rules, so that nothing here allocates or copies on the per-frame path:
//  - every `const char*` the library returns comes back as IntPtr and is decoded by Utf8.Decode
//    (the header promises UTF-8, ASCII in practice, alive as long as the library);
//  - strings passed in are marshalled as LPStr: the names and JSON the library takes are ASCII;
//  - arrays and output buffers are `ref T first` (the first element, pinned for the call), so a
//    caller can pass any slice of an array it owns;
//  - handles are SafeHandles (ModelHandle, SimHandle), `const` or not.
using System;
using System.Runtime.InteropServices;

namespace Resus
{
    public static class NativeMethods
    {
        // Unity on iOS links the static library into the player: its symbols are "__Internal".
#if UNITY_IOS && !UNITY_EDITOR
        public const string Library = "__Internal";
#else
        public const string Library = "resus";
#endif
        private const CallingConvention Cdecl = CallingConvention.Cdecl;

        // ---- version, status ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_version();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_version_number();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_status_string(ResusStatus status);

        // ---- models ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_preset_count();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_preset_name(int index);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_preset_description(int index);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_param_count();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_param_info(int index, out IntPtr name, out IntPtr unit,
                                                          out double min, out double max, out IntPtr description);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_param_model(int index);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_model_create_preset([MarshalAs(UnmanagedType.LPStr)] string preset,
                                                                   out ModelHandle model);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_model_create_json([MarshalAs(UnmanagedType.LPStr)] string patientJson,
                                                                 out ModelHandle model);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern void resus_model_destroy(IntPtr model);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_model_param(ModelHandle model, [MarshalAs(UnmanagedType.LPStr)] string name,
                                                           out double value);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_model_last_error(ModelHandle model);

        // ---- sims ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusSimDef resus_default_sim_def();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_create(ModelHandle model, ref ResusSimDef def, out SimHandle sim);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern void resus_sim_destroy(IntPtr sim);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_advance(SimHandle sim, double seconds);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern double resus_sim_time(SimHandle sim);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern double resus_step_seconds();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_last_error(SimHandle sim);
        // resus_last_error(NULL): the message of the last failed call on this thread without a sim.
        [DllImport(Library, CallingConvention = Cdecl, EntryPoint = "resus_last_error")]
        public static extern IntPtr resus_last_error_of_thread(IntPtr nullSim);

        // ---- signals ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_signal_count();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_signal_info(int index, out IntPtr name, out IntPtr unit, out IntPtr description);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_signal_find([MarshalAs(UnmanagedType.LPStr)] string name, out int index);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern double resus_sim_signal(SimHandle sim, int index);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_signals(SimHandle sim, ref int firstIndex, int count, ref double firstOut);

        // ---- actions ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_rhythm_count();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_rhythm_name(int rhythm);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusAction resus_default_action(ActionKind kind);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_apply(SimHandle sim, ref ResusAction action);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_schedule(SimHandle sim, double atS, ref ResusAction action);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_hemorrhage(SimHandle sim, double rateMLMin, double volumeML, BleedSite site);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_hemorrhage_stop(SimHandle sim);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_fluid_bolus(SimHandle sim, double volumeML, double rateMLMin);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_set_rhythm(SimHandle sim, Rhythm rhythm);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_shock(SimHandle sim, double energyJ, ShockWaveform waveform);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_cardiovert(SimHandle sim, double energyJ, ShockWaveform waveform);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_pacing_start(SimHandle sim, double ratePerMin, double currentMA);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_pacing_stop(SimHandle sim);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_cpr_start(SimHandle sim, double ratePerMin, double depthMm,
                                                             int compressionsPerCycle, int breathsPerPause);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_cpr_stop(SimHandle sim);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_set_airway(SimHandle sim, Airway airway);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_set_ventilation(SimHandle sim, VentMode mode, double ratePerMin,
                                                                   double tidalVolumeML, double inspiratoryTimeS,
                                                                   double peepCmH2O);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_give_breath(SimHandle sim, double tidalVolumeML, double inspiratoryTimeS);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_set_oxygen(SimHandle sim, double fio2);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_set_spontaneous_breathing(SimHandle sim, int enabled);

        // ---- streamed device inputs ----
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_set_compression_depth(SimHandle sim, double depthMm);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_set_bag_flow(SimHandle sim, double flowMLS);

        // ---- actions by JSON ----
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_apply_json(SimHandle sim, [MarshalAs(UnmanagedType.LPStr)] string actionJson);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_parse_json([MarshalAs(UnmanagedType.LPStr)] string actionJson,
                                                                 out ResusAction action, out double atS);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_action_count();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_info(int index, out IntPtr name, out IntPtr fields);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_drug_count();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_drug_info(int index, out IntPtr name, out IntPtr description);

        // ---- actions by kind and values ----
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_find([MarshalAs(UnmanagedType.LPStr)] string name, out int kind);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_action_field_count(int kind);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_field_info(int kind, int field, out IntPtr name, out IntPtr unit,
                                                                 out FieldType type, out double min, out double max,
                                                                 out double defaultValue);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_field_rules(int kind, int field, out FieldFlags flags,
                                                                  out int appliesWhenField, out uint appliesWhenMask,
                                                                  out IntPtr description);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern IntPtr resus_action_field_enum_name(int kind, int field, int value);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_field_find(int kind, [MarshalAs(UnmanagedType.LPStr)] string name,
                                                                 out int field);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_summary(int kind, out IntPtr summary, out IntPtr rules);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_action_alias_count(int kind);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_alias_info(int kind, int alias, out IntPtr name, out int field,
                                                                 out IntPtr description);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern IntPtr resus_action_alias_choice(int kind, int alias, int choice, out double value);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_apply_values(SimHandle sim, int kind, ref double firstValue, int count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_schedule_values(SimHandle sim, double atS, int kind, ref double firstValue,
                                                                   int count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_action_parse_values([MarshalAs(UnmanagedType.LPStr)] string actionJson,
                                                                   out int kind, ref double firstValue, int capacity,
                                                                   out int count, out double atS);

        // ---- names of the enums ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_enum_count(ResusEnum which);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_enum_name(ResusEnum which, int value);

        // ---- events ----
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_poll_events(SimHandle sim, ref ResusEvent first, int capacity, out int count);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_events_dropped(SimHandle sim, out long count);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_beats_dropped(SimHandle sim, out long count);

        // ---- ECG and beats ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusEcgDef resus_default_ecg_def();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusStatus resus_sim_ecg_configure(SimHandle sim, ref ResusEcgDef def);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_ecg_lead_count();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_ecg_lead_name(int lead);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_ecg_lead_find([MarshalAs(UnmanagedType.LPStr)] string name, out int lead);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_ecg_read(SimHandle sim, int lead, ref float first, int capacity, out int count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_ecg_read_indexed(SimHandle sim, int lead, ref float first, int capacity,
                                                                    out int count, out long firstIndex);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_ecg_available(SimHandle sim, int lead, out long count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_ecg_dropped(SimHandle sim, int lead, out long count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_poll_beats(SimHandle sim, ref ResusBeat first, int capacity, out int count);

        // ---- waveforms ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern int resus_wave_count();
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_wave_name(Wave wave);
        [DllImport(Library, CallingConvention = Cdecl)] public static extern IntPtr resus_wave_unit(Wave wave);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_wave_find([MarshalAs(UnmanagedType.LPStr)] string name, out Wave wave);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_waveforms_configure(SimHandle sim, int sampleRateHz);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_waveform_read(SimHandle sim, Wave wave, ref float first, int capacity,
                                                                 out int count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_waveform_read_indexed(SimHandle sim, Wave wave, ref float first,
                                                                         int capacity, out int count, out long firstIndex);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_waveform_available(SimHandle sim, Wave wave, out long count);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_waveform_dropped(SimHandle sim, Wave wave, out long count);

        // ---- snapshots ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern long resus_snapshot_size();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_save(SimHandle sim, ref byte first, long capacity);
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_sim_load(SimHandle sim, ref byte first, long size);

        // ---- AED rhythm analysis (0.10) ----
        [DllImport(Library, CallingConvention = Cdecl)] public static extern ResusAedFinding resus_default_aed_finding();
        [DllImport(Library, CallingConvention = Cdecl)]
        public static extern ResusStatus resus_aed_analyse(ref float first, long count, double sampleRateHz, ref ResusAedFinding finding);
    }
}
