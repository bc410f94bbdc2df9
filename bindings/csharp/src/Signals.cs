// The signal catalogue (the same for every model). Names carry their unit ("map_mmHg"); look a
// name up once and read by index in the frame loop. Lookups are cached, so Sim.Signal(name)
// costs a dictionary probe after the first call and allocates nothing.
using System;
using System.Collections.Generic;

namespace Resus
{
    public static class Signals
    {
        private static readonly Dictionary<string, int> Indices = new Dictionary<string, int>(StringComparer.Ordinal);

        public static int Count => NativeMethods.resus_signal_count();

        // A signal's index by name; throws ResusException (UnknownName) for a name the library
        // does not have.
        public static int Find(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            lock (Indices)
            {
                int index;
                if (Indices.TryGetValue(name, out index)) return index;
                Errors.Check(NativeMethods.resus_signal_find(name, out index), "resus_signal_find");
                Indices.Add(name, index);
                return index;
            }
        }

        public static string Name(int index) { return Info(index, 0); }

        public static string Unit(int index) { return Info(index, 1); }

        public static string Description(int index) { return Info(index, 2); }

        private static string Info(int index, int which)
        {
            IntPtr name, unit, description;
            Errors.Check(NativeMethods.resus_signal_info(index, out name, out unit, out description), "resus_signal_info");
            return Utf8.Decode(which == 0 ? name : which == 1 ? unit : description);
        }
    }
}
