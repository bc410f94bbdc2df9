// Save and restore: the whole state as bytes, into and out of a buffer the caller keeps (size it
// once with Library.SnapshotSize). A restored sim continues bit-identically to the saved one.
// Snapshots are for the same build on the same architecture; keep the scenario, not the bytes,
// to move a patient between versions.
using System;

namespace Resus
{
    public sealed partial class Sim
    {
        // Writes the state into buffer (at least Library.SnapshotSize bytes); returns the size.
        public int Save(byte[] buffer)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (buffer.Length == 0) throw new ArgumentException("the buffer is empty", nameof(buffer));
            Errors.Check(NativeMethods.resus_sim_save(Handle, ref buffer[0], buffer.Length), Handle, "resus_sim_save");
            return (int)NativeMethods.resus_snapshot_size();
        }

        // Restores a snapshot of a sim made from an identical model. A damaged or foreign snapshot
        // throws (Incompatible, naming the bad field) and leaves the sim as it was.
        public void Load(byte[] buffer) { Load(buffer, buffer?.Length ?? 0); }

        public void Load(byte[] buffer, int size)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (size <= 0 || size > buffer.Length) throw new ArgumentOutOfRangeException(nameof(size));
            Errors.Check(NativeMethods.resus_sim_load(Handle, ref buffer[0], size), Handle, "resus_sim_load");
        }
    }
}
