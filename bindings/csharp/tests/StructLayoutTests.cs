// The blittable mirrors against the C compiler's layout: every struct's size and every field's
// offset, fields matched by name (C's rate_mL_min is C#'s RateMLMin: underscores dropped, case
// ignored).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Resus.Tests
{
    internal static class StructLayoutTests
    {
        private static readonly Dictionary<string, Type> Mirrors = new Dictionary<string, Type>
        {
            { "resus_sim_def", typeof(ResusSimDef) },
            { "resus_action", typeof(ResusAction) },
            { "resus_ecg_def", typeof(ResusEcgDef) },
            { "resus_event", typeof(ResusEvent) },
            { "resus_beat", typeof(ResusBeat) },
            { "resus_aed_finding", typeof(ResusAedFinding) },
        };

        public static void MatchC(string layoutProgram)
        {
            var c = ReadCLayout(layoutProgram);
            foreach (var mirror in Mirrors)
            {
                Dictionary<string, long> fields;
                Expect.True(c.TryGetValue(mirror.Key, out fields), layoutProgram + " printed nothing for " + mirror.Key);
                Expect.True(Marshal.SizeOf(mirror.Value) == fields["sizeof"],
                            mirror.Value.Name + " is " + Marshal.SizeOf(mirror.Value) + " bytes, " + mirror.Key + " " +
                            fields["sizeof"]);
                FieldInfo[] members = mirror.Value.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
                Expect.True(members.Length == fields.Count - 1,
                            mirror.Value.Name + " has " + members.Length + " fields, " + mirror.Key + " " + (fields.Count - 1));
                foreach (FieldInfo member in members)
                {
                    long offset;
                    Expect.True(fields.TryGetValue(Normalised(member.Name), out offset),
                                mirror.Value.Name + "." + member.Name + " has no field of that name in " + mirror.Key);
                    long ours = Marshal.OffsetOf(mirror.Value, member.Name).ToInt64();
                    Expect.True(ours == offset, mirror.Value.Name + "." + member.Name + " is at " + ours + ", C has " + offset);
                }
            }
        }

        private static string Normalised(string name) { return name.Replace("_", "").ToLowerInvariant(); }

        // struct -> (normalised field or "sizeof") -> offset or size, from the program's lines.
        private static Dictionary<string, Dictionary<string, long>> ReadCLayout(string program)
        {
            var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true };
            var layout = new Dictionary<string, Dictionary<string, long>>();
            using (Process process = Process.Start(info))
            {
                string line;
                while ((line = process.StandardOutput.ReadLine()) != null)
                {
                    string[] parts = line.Split(' ');
                    Expect.True(parts.Length == 3, "unexpected line from " + program + ": " + line);
                    if (!layout.ContainsKey(parts[0])) layout[parts[0]] = new Dictionary<string, long>();
                    string key = parts[1] == "sizeof" ? "sizeof" : Normalised(parts[1]);
                    layout[parts[0]][key] = long.Parse(parts[2]);
                }
                process.WaitForExit();
                Expect.True(process.ExitCode == 0, program + " exited with " + process.ExitCode);
            }
            return layout;
        }
    }
}
