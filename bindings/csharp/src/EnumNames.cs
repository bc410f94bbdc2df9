// The library's names for its enum values (resus_enum_count, resus_enum_name), decoded once and
// cached, so a UI can show "vf_coarse" every frame without allocating.
using System;

namespace Resus
{
    public static class EnumNames
    {
        private static readonly string[][] Cache = new string[Enum.GetValues(typeof(ResusEnum)).Length][];

        // The name of `value` in `which`, or null when the library has no such value.
        public static string Get(ResusEnum which, int value)
        {
            string[] names = Names(which);
            return value >= 0 && value < names.Length ? names[value] : null;
        }

        public static string Rhythm(Rhythm rhythm) { return Get(ResusEnum.Rhythm, (int)rhythm); }

        public static string Event(EventKind kind) { return Get(ResusEnum.EventKind, (int)kind); }

        // Every name of an enum, by value. The returned array is shared: do not modify it.
        public static string[] Names(ResusEnum which)
        {
            int slot = (int)which;
            if (slot < 0 || slot >= Cache.Length) throw new ArgumentOutOfRangeException(nameof(which));
            // Two threads racing here build the same array; either one may win.
            string[] names = Cache[slot];
            if (names != null) return names;
            names = new string[NativeMethods.resus_enum_count(which)];
            for (int i = 0; i < names.Length; ++i) names[i] = Utf8.Decode(NativeMethods.resus_enum_name(which, i));
            Cache[slot] = names;
            return names;
        }
    }
}
