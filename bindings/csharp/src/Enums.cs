// The header's enums with their numbers. They are append-only in C: a value newer than this
// binding can arrive (cast from int), so switches over them need a default branch.
using System;

namespace Resus
{
    public enum ResusStatus
    {
        Ok = 0,
        InvalidArgument = 1,
        NullHandle = 2,
        UnknownName = 3,
        Parse = 4,
        BufferTooSmall = 5,
        Incompatible = 6,
        Numerical = 7,
        Capacity = 8,
        OutOfMemory = 9,
        Internal = 10,
    }

    public enum ActionKind
    {
        None = 0,
        Hemorrhage = 1,
        HemorrhageStop = 2,
        FluidBolus = 3,
        Rhythm = 4,
        Shock = 5,
        Cardioversion = 6,
        PacingStart = 7,
        PacingStop = 8,
        CprStart = 9,
        CprStop = 10,
        Airway = 11,
        Ventilation = 12,
        Breath = 13,
        Oxygen = 14,
        SpontaneousBreathing = 15,
        Drug = 16,
        Infusion = 17,
        InfusionStop = 18,
        Condition = 19,
        ConditionStop = 20,
        BloodGas = 21,
        Environment = 22,
        TemperatureControl = 23,
        Pericardiocentesis = 24,
        NeedleDecompression = 25,
        Thoracostomy = 26,
        Embolectomy = 27,
        Reperfusion = 28,
        Fluid = 29,  // 0.8
        Dialysis = 30,  // after 0.10.0
    }

    public enum Rhythm
    {
        Sinus = 0,
        SinusBradycardia = 1,
        SinusTachycardia = 2,
        AtrialFibrillation = 3,
        AtrialFlutter = 4,
        Svt = 5,
        AvBlock1 = 6,
        Mobitz1 = 7,
        Mobitz2 = 8,
        AvBlock3 = 9,
        Vt = 10,
        PulselessVt = 11,
        Torsades = 12,
        VfCoarse = 13,
        VfFine = 14,
        Asystole = 15,
        Pea = 16,
    }

    public enum ShockWaveform { Biphasic = 0, Monophasic = 1 }

    public enum BleedSite { Venous = 0, Arterial = 1 }

    public enum Airway
    {
        None = 0,
        BagMask = 1,
        Supraglottic = 2,
        TrachealTube = 3,
        OesophagealTube = 4,
        RightMainstem = 5,
    }

    public enum VentMode { None = 0, Manual = 1, BagRate = 2, Ventilator = 3 }

    public enum FieldType { Number = 0, Integer = 1, Boolean = 2, Enum = 3 }

    // resus_action_field_rules' RESUS_FIELD_* flags.
    [Flags]
    public enum FieldFlags { None = 0, Required = 1, ZeroIsDefault = 2, MinExclusive = 4 }

    // Which enum resus_enum_count and resus_enum_name describe.
    public enum ResusEnum
    {
        Status = 0,
        ActionKind = 1,
        EventKind = 2,
        Rhythm = 3,
        ShockOutcome = 4,
        ShockWaveform = 5,
        Airway = 6,
        VentMode = 7,
        BleedSite = 8,
        FieldType = 9,
        Effect = 10,
    }

    public enum EventKind
    {
        None = 0,
        ActionApplied = 1,
        HemorrhageEnded = 2,
        BolusEnded = 3,
        RhythmChanged = 4,
        ShockDelivered = 5,
        PacingCapture = 6,
        LabResult = 7,
        NeedleFailed = 8,
    }

    public enum ShockOutcome
    {
        NoEffect = 0,
        Terminated = 1,
        NotTerminated = 2,
        InducedVf = 3,
        Converted = 4,
        NotConverted = 5,
        NoSync = 6,
        NoShockAdvised = 7,
    }

    // resus_beat.origin.
    public enum BeatOrigin { Conducted = 0, Ectopic = 1, Escape = 2, Paced = 3 }

    public enum Wave
    {
        Abp = 0,
        Cvp = 1,
        Pap = 2,
        Pleth = 3,
        Capnogram = 4,
        Paw = 5,
        Flow = 6,
        ChestDepth = 7,
    }
}
