// Blittable mirrors of the header's structs, field for field in the same order (the binding's
// test compares each size and offset with the C compiler's). Fields keep the C names in
// PascalCase, units included: rate_mL_min becomes RateMLMin.
//
// The structs that start with StructSize are versioned: build them with Default() (the
// library's defaults, StructSize set to this mirror's size, so the library never reads past
// what C# declares). ResusEvent and ResusBeat are output records written whole by the library.
using System.Runtime.InteropServices;

namespace Resus
{
    [StructLayout(LayoutKind.Sequential)]
    public struct ResusSimDef
    {
        public uint StructSize;
        public uint Reserved;
        public ulong Seed;       // random streams are keyed by (seed, patient id, stream)
        public ulong PatientId;

        private static readonly uint Size = (uint)Marshal.SizeOf(typeof(ResusSimDef));

        public static ResusSimDef Default()
        {
            ResusSimDef def = NativeMethods.resus_default_sim_def();
            def.StructSize = Size;
            return def;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ResusAction
    {
        public uint StructSize;
        public ActionKind Kind;
        public BleedSite Site;
        public int Reserved;
        public double RateMLMin;
        public double VolumeML;
        public Rhythm Rhythm;
        public ShockWaveform Waveform;
        public double EnergyJ;
        public double RatePerMin;
        public double CurrentMA;
        public int OnlyIfShockable;
        public int Reserved2;
        public double DepthMm;
        public double DutyCycle;
        public double LeaningMm;
        public int CompressionsPerCycle;
        public int BreathsPerPause;
        public double PauseS;
        public double TidalVolumeML;
        public double InspiratoryTimeS;
        public double PeepCmH2O;
        public double Fio2;
        public Airway Airway;
        public VentMode VentMode;
        public int Enabled;
        public int Reserved3;

        private static readonly uint Size = (uint)Marshal.SizeOf(typeof(ResusAction));

        // Frozen at the fifteen kinds of 0.2; apply later kinds with ActionValues.
        public static ResusAction Default(ActionKind kind)
        {
            ResusAction action = NativeMethods.resus_default_action(kind);
            action.StructSize = Size;
            return action;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ResusEcgDef
    {
        public uint StructSize;
        public int SampleRateHz;  // 0 (off), 250, 500 or 1000
        // Artefacts, 1 = on.
        public int Cpr;
        public int Shock;
        public int Pacer;
        public int BaselineWander;
        public int Mains;
        public int Muscle;
        public int Reserved;

        private static readonly uint Size = (uint)Marshal.SizeOf(typeof(ResusEcgDef));

        public static ResusEcgDef Default()
        {
            ResusEcgDef def = NativeMethods.resus_default_ecg_def();
            def.StructSize = Size;
            return def;
        }
    }

    // The AED rhythm analysis' finding (resus_aed_analyse, 0.10).
    [StructLayout(LayoutKind.Sequential)]
    public struct ResusAedFinding
    {
        public uint StructSize;
        public int Advice;        // 1 shock, 0 no shock
        public int Asystole;
        public int Organised;
        public int Fibrillation;
        public int RapidWide;
        public int Complexes;
        public int Reserved;
        public double RatePerMin;
        public double AmplitudeMV;
        public double QrsWidthMs;
        public double RrVariation;
        public double TcscPct;
        public double Leakage;
        public double Regularity;

        private static readonly uint Size = (uint)Marshal.SizeOf(typeof(ResusAedFinding));

        public static ResusAedFinding Default()
        {
            ResusAedFinding finding = NativeMethods.resus_default_aed_finding();
            finding.StructSize = Size;
            return finding;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ResusEvent
    {
        public double TimeS;
        public EventKind Kind;  // may be a kind newer than this binding: skip what you do not know
        public int Detail;
        public double Value;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct ResusBeat
    {
        public double TimeS;
        public BeatOrigin Origin;
        public Rhythm Rhythm;
        public double RrS;  // interval from the previous ventricular activation
    }
}
