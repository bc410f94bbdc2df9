// A self-checking console program, no test framework: each test is a method that throws on
// failure. Prints one line per test; exits 1 when any failed, 2 on bad usage.
//
//   mono ResusTests.exe <path of the struct_layout program>
using System;
using System.Collections.Generic;

namespace Resus.Tests
{
    internal static class TestRunner
    {
        private static int Main(string[] args)
        {
            if (args.Length != 1)
            {
                Console.Error.WriteLine("usage: ResusTests.exe <struct_layout executable>");
                return 2;
            }
            try
            {
                Console.WriteLine("resus " + Library.Version);
            }
            catch (DllNotFoundException)
            {
                Console.Error.WriteLine("libresus not found: put its folder on LD_LIBRARY_PATH (ctest does)");
                return 1;
            }
            var tests = new List<KeyValuePair<string, Action>>();
            tests.Add(Test("struct layouts match C", () => StructLayoutTests.MatchC(args[0])));
            SimTests.AddTo(tests);

            int failed = 0;
            foreach (var test in tests)
            {
                try
                {
                    test.Value();
                    Console.WriteLine("ok    " + test.Key);
                }
                catch (Exception e)
                {
                    ++failed;
                    // A failed expectation says what it expected; anything else needs its stack.
                    Console.WriteLine("FAIL  " + test.Key + ": " + (e is CheckFailed ? e.Message : e.ToString()));
                }
            }
            Console.WriteLine((tests.Count - failed) + " of " + tests.Count + " tests passed");
            return failed == 0 ? 0 : 1;
        }

        public static KeyValuePair<string, Action> Test(string name, Action body)
        {
            return new KeyValuePair<string, Action>(name, body);
        }
    }

    // Thrown by a failed expectation.
    internal sealed class CheckFailed : Exception
    {
        public CheckFailed(string message) : base(message) { }
    }

    internal static class Expect
    {
        public static void True(bool condition, string what)
        {
            if (!condition) throw new CheckFailed(what);
        }

        public static void InRange(double value, double min, double max, string what)
        {
            if (!(value >= min && value <= max)) throw new CheckFailed(what + " = " + value + ", expected [" + min + ", " + max + "]");
        }

        // Runs body and returns the ResusException it must throw.
        public static ResusException Throws(Action body, string what)
        {
            try
            {
                body();
            }
            catch (ResusException e)
            {
                return e;
            }
            throw new CheckFailed(what + ": no ResusException was thrown");
        }
    }
}
