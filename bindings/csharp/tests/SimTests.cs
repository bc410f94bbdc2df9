// The binding end to end on the library: physiology a game relies on (resting pressure, arrest),
// actions by name with the library's errors, determinism, snapshots, the ECG and waveforms, and
// a frame loop that allocates nothing.
using System;
using System.Collections.Generic;

namespace Resus.Tests
{
    internal static class SimTests
    {
        private const string Preset = "adult_male_70kg";
        private const double Frame = 1.0 / 60.0;

        public static void AddTo(List<KeyValuePair<string, Action>> tests)
        {
            tests.Add(TestRunner.Test("resting MAP is a normal adult's", RestingMap));
            tests.Add(TestRunner.Test("VF drops MAP below 30 mmHg within 20 s", VfArrest));
            tests.Add(TestRunner.Test("a drug applied by name reaches the plasma", DrugByName));
            tests.Add(TestRunner.Test("bad values throw naming the field", BadValues));
            tests.Add(TestRunner.Test("same seed, same bits", Determinism));
            tests.Add(TestRunner.Test("a snapshot continues identically", SnapshotRoundTrip));
            tests.Add(TestRunner.Test("ECG and waveforms read into float[]", EcgAndWaveforms));
            tests.Add(TestRunner.Test("the frame loop allocates nothing", NoGarbagePerFrame));
            tests.Add(TestRunner.Test("a sim outlives its disposed model", SimOutlivesModel));
            tests.Add(TestRunner.Test("the AED shocks the pads' VF and not sinus", AedReadsThePads));
        }

        private static void RestingMap()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                sim.Advance(10.0);
                Expect.InRange(sim.Time, 9.999, 10.001, "time after 10 s");
                Expect.InRange(sim.Signal("map_mmHg"), 70, 105, "resting MAP mmHg");
                Expect.InRange(sim.Signal("hr_bpm"), 50, 100, "resting HR /min");
                Expect.True(EnumNames.Rhythm((Rhythm)(int)sim.Signal("rhythm_id")) == "sinus", "resting rhythm is sinus");
            }
        }

        private static void VfArrest()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                sim.Advance(5.0);
                sim.Apply(new ActionValues("rhythm").Set("rhythm", "vf_coarse"));
                double start = sim.Time;
                int map = Signals.Find("map_mmHg");
                while (sim.Signal(map) >= 30.0 && sim.Time - start < 20.0) sim.Advance(0.1);
                Expect.True(sim.Signal(map) < 30.0, "MAP " + sim.Signal(map) + " mmHg 20 s into VF");
                string rhythm = EnumNames.Rhythm((Rhythm)(int)sim.Signal("rhythm_id"));
                Expect.True(rhythm == "vf_coarse" || rhythm == "vf_fine", "rhythm in VF reads " + rhythm);
            }
        }

        private static void DrugByName()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                var epinephrine = new ActionValues("drug").Set("drug", "epinephrine").Set("dose", 1.0).Set("unit", "mg");
                Expect.True(epinephrine.FieldName(0) == "drug" && epinephrine.Choices(0)[0] == "epinephrine",
                            "the drug kind's first field lists the drugs");
                Expect.True(epinephrine[1] == 1.0 && double.IsNaN(epinephrine[epinephrine.FieldCount - 1]),
                            "set fields hold their values, the others NaN (the default)");
                sim.Apply(epinephrine);
                sim.Advance(30.0);
                Expect.InRange(sim.Signal("given_epinephrine_mg"), 0.999, 1.001, "epinephrine given mg");
                Expect.True(sim.Signal("plasma_epinephrine_ng_mL") > 0.0, "epinephrine in the plasma");

                var events = new ResusEvent[16];
                int count = sim.PollEvents(events);
                bool applied = false;
                for (int i = 0; i < count; ++i)
                    applied |= events[i].Kind == EventKind.ActionApplied && events[i].Detail == (int)ActionKind.Drug;
                Expect.True(applied, "an action_applied event for the drug among " + count + " events");
            }
        }

        private static void BadValues()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                var drug = new ActionValues("drug").Set("drug", "epinephrine").Set("dose", -1.0);
                ResusException e = Expect.Throws(() => sim.Apply(drug), "a negative dose");
                Expect.True(e.Status == ResusStatus.InvalidArgument, "a negative dose is InvalidArgument, not " + e.Status);
                Expect.True(e.Message.Contains("dose"), "the message names the field: " + e.Message);

                e = Expect.Throws(() => new ActionValues("drug").Set("drug", "unobtainium"), "an unknown drug");
                Expect.True(e.Message.Contains("drug") && e.Message.Contains("epinephrine"),
                            "the message names the field and its values: " + e.Message);
                e = Expect.Throws(() => new ActionValues("drug").Set("dosage", 1.0), "an unknown field");
                Expect.True(e.Status == ResusStatus.UnknownName && e.Message.Contains("dosage"), "unknown field: " + e.Message);
                e = Expect.Throws(() => new ActionValues("teleport"), "an unknown kind");
                Expect.True(e.Status == ResusStatus.UnknownName && e.Message.Contains("teleport"), "unknown kind: " + e.Message);
                e = Expect.Throws(() => sim.ApplyJson("{\"do\": \"shock\", \"energy_J\": 5000}"), "a JSON shock of 5000 J");
                Expect.True(e.Message.Contains("energy_J"), "the JSON message names the field: " + e.Message);
                e = Expect.Throws(() => sim.Advance(-1.0), "a negative advance");
                Expect.True(e.Status == ResusStatus.InvalidArgument, "a negative advance is InvalidArgument");
                e = Expect.Throws(() => Model.FromPreset("adult_dragon"), "an unknown preset");
                Expect.True(e.Message.Contains("adult_dragon"), "the message names the preset: " + e.Message);
            }
        }

        // An arrest with CPR and a shock: enough to exercise every random stream.
        private static void RunScenario(Sim sim, double seconds)
        {
            double end = sim.Time + seconds;
            while (sim.Time < end - 1e-9)
            {
                sim.Advance(Frame);
                if (sim.Time > 2.0 && sim.Time <= 2.0 + Frame) sim.SetRhythm(Rhythm.VfCoarse);
                if (sim.Time > 4.0 && sim.Time <= 4.0 + Frame) sim.StartCpr(compressionsPerCycle: 30, breathsPerPause: 2);
                if (sim.Time > 8.0 && sim.Time <= 8.0 + Frame) sim.Shock(200);
            }
        }

        private static double[] AllSignals(Sim sim)
        {
            var values = new double[Signals.Count];
            for (int i = 0; i < values.Length; ++i) values[i] = sim.Signal(i);
            return values;
        }

        private static void ExpectSameBits(double[] a, double[] b, string what)
        {
            Expect.True(a.Length == b.Length, what + ": signal counts differ");
            for (int i = 0; i < a.Length; ++i)
                Expect.True(BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]),
                            what + ": " + Signals.Name(i) + " " + a[i].ToString("R") + " vs " + b[i].ToString("R"));
        }

        private static void Determinism()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var first = new Sim(model, seed: 7))
            using (var second = new Sim(model, seed: 7))
            {
                RunScenario(first, 10.0);
                RunScenario(second, 10.0);
                ExpectSameBits(AllSignals(first), AllSignals(second), "two sims of seed 7");
            }
        }

        private static void SnapshotRoundTrip()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var original = new Sim(model, seed: 3))
            using (var restored = new Sim(model, seed: 99))
            {
                RunScenario(original, 5.0);
                double savedAt = original.Time;
                var snapshot = new byte[Library.SnapshotSize];
                Expect.True(original.Save(snapshot) == snapshot.Length, "Save returns the snapshot size");
                RunScenario(original, 5.0);
                double[] expected = AllSignals(original);

                restored.Load(snapshot);
                Expect.True(restored.Time == savedAt, "restored time " + restored.Time + " vs saved " + savedAt);
                RunScenario(restored, 5.0);
                ExpectSameBits(expected, AllSignals(restored), "restored vs original");

                snapshot[snapshot.Length / 2] ^= 0xFF;
                ResusException e = Expect.Throws(() => restored.Load(snapshot), "a damaged snapshot");
                Expect.True(e.Status == ResusStatus.Incompatible, "a damaged snapshot is Incompatible, not " + e.Status);
            }
        }

        private static void EcgAndWaveforms()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                sim.ConfigureEcg(500);
                sim.ConfigureWaveforms(100);
                sim.Advance(2.0);

                var ecg = new float[4096];
                long firstIndex;
                int count = sim.ReadEcg(Library.EcgLead("II"), ecg, 0, ecg.Length, out firstIndex);
                Expect.InRange(count, 990, 1010, "lead II samples in 2 s at 500 Hz");
                float min = float.MaxValue, max = float.MinValue;
                for (int i = 0; i < count; ++i)
                {
                    Expect.True(!float.IsNaN(ecg[i]) && !float.IsInfinity(ecg[i]), "ECG sample " + i + " is finite");
                    min = Math.Min(min, ecg[i]);
                    max = Math.Max(max, ecg[i]);
                }
                Expect.InRange(max - min, 0.3, 10.0, "lead II peak to peak mV (an R wave)");
                Expect.True(sim.ReadEcg(Library.EcgLead("II"), ecg) == 0, "the lead is drained");
                var beats = new ResusBeat[8];
                count = sim.PollBeats(beats);
                Expect.InRange(count, 1, 4, "beats in 2 s of sinus rhythm");
                Expect.True(beats[0].Rhythm == Rhythm.Sinus && beats[0].Origin == BeatOrigin.Conducted, "a conducted sinus beat");

                var abp = new float[512];
                count = sim.ReadWaveform(Wave.Abp, abp, 10, 300);
                Expect.InRange(count, 190, 210, "ABP samples in 2 s at 100 Hz");
                Expect.InRange(abp[10 + count / 2], 40, 160, "an ABP sample mmHg");
            }
        }

        // resus_aed_analyse on the sim's own pads lead, 5 s at 250 Hz, as a game's AED reads it.
        private static void AedReadsThePads()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                sim.ConfigureEcg(250);
                int pads = Library.EcgLead("pads");
                var samples = new float[1250];
                sim.Advance(5.0);
                Expect.True(sim.ReadEcg(pads, samples) == 1250, "5 s of pads at 250 Hz");
                ResusAedFinding sinus = Aed.Analyse(samples, 250.0);
                Expect.True(sinus.Advice == 0 && sinus.Organised == 1, "sinus: no shock, organised");
                sim.Apply(new ActionValues("rhythm").Set("rhythm", "vf_coarse"));
                sim.Advance(15.0);
                sim.ReadEcg(pads, new float[8192]);
                sim.Advance(5.0);
                Expect.True(sim.ReadEcg(pads, samples) == 1250, "5 s of VF on the pads");
                ResusAedFinding vf = Aed.Analyse(samples, 250.0);
                Expect.True(vf.Advice == 1 && vf.Fibrillation == 1, "VF: shock");
                ResusException e = Expect.Throws(() => Aed.Analyse(samples, 50.0), "a 50 Hz sample rate");
                Expect.True(e.Status == ResusStatus.InvalidArgument && e.Message.Contains("sample_rate_hz = 50"),
                            "the message names the rate: " + e.Message);
            }
        }

        private static void NoGarbagePerFrame()
        {
            using (Model model = Model.FromPreset(Preset))
            using (var sim = new Sim(model, seed: 1))
            {
                sim.ConfigureEcg(500);
                sim.SetRhythm(Rhythm.VfCoarse);
                var oxygen = new ActionValues("oxygen").Set("fio2", 1.0);
                var events = new ResusEvent[32];
                var ecg = new float[256];
                var wave = new float[256];
                int map = Signals.Find("map_mmHg");
                int lead = Library.EcgLead("II");
                Action frame = () => {
                    sim.SetCompressionDepth(sim.Time % 0.5 < 0.25 ? 50.0 : 0.0);
                    sim.Advance(Frame);
                    double sum = sim.Signal(map) + sim.Signal("etco2_mmHg");
                    sim.Apply(oxygen);
                    sim.PollEvents(events);
                    sim.ReadEcg(lead, ecg);
                    sim.ReadWaveform(Wave.Abp, wave);
                    if (EnumNames.Rhythm((Rhythm)(int)sim.Signal("rhythm_id")) == null || double.IsNaN(sum))
                        throw new CheckFailed("a signal or name went missing");
                };
                for (int i = 0; i < 30; ++i) frame();  // JIT and caches warm
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 600; ++i) frame();
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Expect.True(allocated == 0, "600 frames allocated " + allocated + " bytes");
            }
        }

        private static void SimOutlivesModel()
        {
            Model model = Model.FromPreset(Preset);
            using (var sim = new Sim(model, seed: 1))
            {
                model.Dispose();
                sim.Advance(1.0);
                Expect.InRange(sim.Signal("map_mmHg"), 60, 120, "MAP after the model was disposed");
            }
        }
    }
}
