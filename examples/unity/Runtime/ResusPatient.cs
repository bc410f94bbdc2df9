// One simulated patient in a scene: owns a resus sim, advances it in FixedUpdate, exposes the
// vitals a monitor or UI shows, takes actions, streams CPR depth and keeps a snapshot.
//
// Nothing here allocates per FixedUpdate: the vitals are read into a preallocated array with one
// native call, events into a preallocated buffer, and the rhythm's name comes from a cache.
using System;
using UnityEngine;

namespace Resus.Unity
{
    [DisallowMultipleComponent]
    public sealed class ResusPatient : MonoBehaviour
    {
        [Header("Patient")]
        [Tooltip("A preset (adult_male_70kg, adult_female_60kg); used when Patient Json is empty.")]
        [SerializeField] private string preset = "adult_male_70kg";
        [Tooltip("Patient JSON, {\"preset\": \"...\", \"overrides\": {\"name\": value}}; replaces Preset when set.")]
        [SerializeField, TextArea(2, 6)] private string patientJson = "";
        [Tooltip("Same seed, same patient, same run: the sim is deterministic.")]
        [SerializeField] private long seed = 1;

        [Header("Time")]
        [SerializeField] private bool paused;
        [Tooltip("Simulated seconds per game second, on top of Unity's Time.timeScale.")]
        [SerializeField, Range(0f, 10f)] private float simulationSpeed = 1f;
        [Tooltip("The most simulated seconds one FixedUpdate advances; past it the patient runs slow rather than stall the game.")]
        [SerializeField] private float maxSecondsPerFixedUpdate = 0.25f;

        // Signals read each step; the *Slot constants are their places in this list.
        private static readonly string[] VitalSignals =
            { "hr_bpm", "map_mmHg", "sbp_mmHg", "dbp_mmHg", "spo2_pct", "etco2_mmHg", "rr_per_min", "rhythm_id" };
        private const int HrSlot = 0, MapSlot = 1, SbpSlot = 2, DbpSlot = 3, SpO2Slot = 4, EtCO2Slot = 5, RrSlot = 6,
                          RhythmSlot = 7;

        private Sim sim;
        private int[] vitalIndices;
        private readonly double[] vitals = new double[VitalSignals.Length];
        private readonly ResusEvent[] events = new ResusEvent[32];
        private byte[] snapshot;
        private bool snapshotTaken;
        private bool streamingDepth;
        private float streamedDepthMm;

        // The sim itself, for anything this component does not wrap (ECG, waveforms, signals).
        public Sim Sim => sim;
        public bool Paused { get => paused; set => paused = value; }
        public float SimulationSpeed { get => simulationSpeed; set => simulationSpeed = Mathf.Max(0f, value); }
        public bool Failed { get; private set; }
        public bool HasSnapshot => snapshotTaken;

        public double SimulatedSeconds => sim != null ? sim.Time : 0.0;
        // The vitals after the last FixedUpdate: /min, mmHg, %.
        public double HeartRate => vitals[HrSlot];
        public double MeanArterialPressure => vitals[MapSlot];
        public double SystolicPressure => vitals[SbpSlot];
        public double DiastolicPressure => vitals[DbpSlot];
        public double SpO2 => vitals[SpO2Slot];
        public double EtCO2 => vitals[EtCO2Slot];
        public double RespiratoryRate => vitals[RrSlot];
        public Rhythm Rhythm => (Rhythm)(int)vitals[RhythmSlot];
        public string RhythmName => EnumNames.Rhythm(Rhythm) ?? "unknown";

        // Raised in FixedUpdate for each event the sim reports (shocks, rhythm changes, ...).
        public event Action<ResusEvent> EventRaised;

        private void Awake()
        {
            try
            {
                using (Model model = string.IsNullOrEmpty(patientJson) ? Model.FromPreset(preset) : Model.FromJson(patientJson))
                    sim = new Sim(model, unchecked((ulong)seed));  // the sim keeps the model alive
                vitalIndices = new int[VitalSignals.Length];
                for (int i = 0; i < VitalSignals.Length; ++i) vitalIndices[i] = Signals.Find(VitalSignals[i]);
                sim.ReadSignals(vitalIndices, vitals);
            }
            catch (ResusException e)
            {
                // A bad preset or patient JSON: the message names the field and its valid range.
                Failed = true;
                Debug.LogError("resus patient not created: " + e.Message);
            }
        }

        private void OnDestroy()
        {
            sim?.Dispose();
            sim = null;
        }

        private void FixedUpdate()
        {
            if (paused || Failed || sim == null) return;
            double seconds = Math.Min(Time.fixedDeltaTime * simulationSpeed, maxSecondsPerFixedUpdate);
            try
            {
                // A manikin streams one depth sample per tick, before the tick is advanced.
                if (streamingDepth) sim.SetCompressionDepth(streamedDepthMm);
                sim.Advance(seconds);
                sim.ReadSignals(vitalIndices, vitals);
                PollEvents();
            }
            catch (ResusException e)
            {
                // The sim keeps its last good state; stop stepping rather than log every tick.
                Failed = true;
                Debug.LogError("resus patient stopped: " + e.Message);
            }
        }

        private void PollEvents()
        {
            int count;
            do
            {
                count = sim.PollEvents(events);
                for (int i = 0; i < count; ++i) EventRaised?.Invoke(events[i]);
            } while (count == events.Length);
        }

        // The chest's depth now, 0-100 mm, streamed from the next FixedUpdate on (this replaces a
        // programmed CPR). ResusCprInput calls it from the mouse or a key.
        public void StreamCompressionDepth(float depthMm)
        {
            streamedDepthMm = Mathf.Clamp(depthMm, 0f, 100f);
            streamingDepth = true;
        }

        // A programmed rescuer: continuous at 110/min, 55 mm (or 30:2 with breathsPerPause 2).
        public void StartCpr(int compressionsPerCycle = 0, int breathsPerPause = 0)
        {
            streamingDepth = false;
            sim.StartCpr(0, 0, compressionsPerCycle, breathsPerPause);
        }

        public void StopCpr()
        {
            streamingDepth = false;
            sim.StopCpr();
        }

        // An action built once with ActionValues (the allocation-free way) ...
        public void Apply(ActionValues action) { sim.Apply(action); }

        // ... or its JSON, handy from a UI Button's OnClick, e.g.
        // {"do": "drug", "drug": "epinephrine", "dose": 1, "unit": "mg"}. Bad JSON is logged.
        public void ApplyJson(string actionJson)
        {
            try
            {
                sim.ApplyJson(actionJson);
            }
            catch (ResusException e)
            {
                Debug.LogWarning("resus action refused: " + e.Message);
            }
        }

        public void Shock(float energyJ) { sim.Shock(energyJ); }

        // Keeps the whole state in memory (one buffer, reused).
        [ContextMenu("Save snapshot")]
        public void SaveSnapshot()
        {
            if (snapshot == null) snapshot = new byte[Library.SnapshotSize];
            sim.Save(snapshot);
            snapshotTaken = true;
        }

        // Back to the saved state; the patient then continues exactly as it did after the save.
        [ContextMenu("Restore snapshot")]
        public void RestoreSnapshot()
        {
            if (!HasSnapshot)
            {
                Debug.LogWarning("resus patient: no snapshot saved yet");
                return;
            }
            sim.Load(snapshot);
            sim.ReadSignals(vitalIndices, vitals);
            streamingDepth = false;  // the snapshot holds its own compression source
            Failed = false;
        }
    }
}
