// One simulated patient, to be used from one thread at a time. This file: creating, advancing
// and reading signals. Actions, streams (events, ECG, waveforms) and snapshots are the other
// Sim.*.cs files. Nothing on the per-frame path (Advance, Signal, Apply, the streamed inputs,
// the reads into caller arrays) allocates; only a failure does, to throw.
using System;

namespace Resus
{
    public sealed partial class Sim : IDisposable
    {
        public SimHandle Handle { get; }

        // A sim at the model's resting steady state. The sim keeps the model alive: the Model may
        // be disposed first.
        public Sim(Model model, ulong seed = 0, ulong patientId = 0)
            : this(model, WithSeed(seed, patientId)) { }

        public Sim(Model model, ResusSimDef def)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            SimHandle handle;
            ResusStatus status = NativeMethods.resus_sim_create(model.Handle, ref def, out handle);
            if (status != ResusStatus.Ok)
            {
                handle.Dispose();
                throw Errors.ThreadError(status, "resus_sim_create");
            }
            Handle = handle;
        }

        private static ResusSimDef WithSeed(ulong seed, ulong patientId)
        {
            ResusSimDef def = ResusSimDef.Default();
            def.Seed = seed;
            def.PatientId = patientId;
            return def;
        }

        // Simulated time in seconds.
        public double Time => NativeMethods.resus_sim_time(Handle);

        // Advances by `seconds` (finite, >= 0) in the engine's fixed 2 ms steps; the remainder is
        // carried to the next call, so per-frame deltas add up exactly.
        public void Advance(double seconds)
        {
            Errors.Check(NativeMethods.resus_sim_advance(Handle, seconds), Handle, "resus_sim_advance");
        }

        // One signal by index (Signals.Find); NaN for an index the library does not have.
        public double Signal(int index) { return NativeMethods.resus_sim_signal(Handle, index); }

        // One signal by name; the index is looked up once and cached.
        public double Signal(string name) { return NativeMethods.resus_sim_signal(Handle, Signals.Find(name)); }

        // The signals named by `indices` into `values` (at least as long).
        public void ReadSignals(int[] indices, double[] values)
        {
            if (indices == null) throw new ArgumentNullException(nameof(indices));
            if (values == null) throw new ArgumentNullException(nameof(values));
            if (values.Length < indices.Length) throw new ArgumentException("values is shorter than indices", nameof(values));
            if (indices.Length == 0) return;
            Errors.Check(NativeMethods.resus_sim_signals(Handle, ref indices[0], indices.Length, ref values[0]), Handle,
                         "resus_sim_signals");
        }

        public void Dispose() { Handle.Dispose(); }

        // Checks that [offset, offset + count) lies in an array of `length`.
        private static void CheckSlice(int length, int offset, int count)
        {
            if (offset < 0 || count < 0 || offset > length - count)
                throw new ArgumentOutOfRangeException(nameof(offset), "offset " + offset + " and count " + count +
                                                      " do not fit an array of " + length);
        }
    }
}
