// What a defibrillator reads from its pads (resus_aed_analyse; models/aed/README.md): shock or
// no shock from 2-60 s of a pads ECG in mV, never from a sim's rhythm label. Allocates nothing
// on the managed side; the library allocates a few buffers per call (not for a frame loop).
namespace Resus
{
    public static class Aed
    {
        // Throws ResusException (naming the argument, its value and the valid range) for a rate
        // outside 100-10000 Hz, fewer than 2 or more than 60 s of samples, or a non-finite one.
        public static ResusAedFinding Analyse(float[] padsMv, double sampleRateHz)
        {
            if (padsMv == null || padsMv.Length == 0)
                throw new System.ArgumentException("padsMv must hold at least 2 s of samples", "padsMv");
            ResusAedFinding finding = ResusAedFinding.Default();
            Errors.Check(NativeMethods.resus_aed_analyse(ref padsMv[0], padsMv.LongLength, sampleRateHz, ref finding),
                         "resus_aed_analyse");
            return finding;
        }
    }
}
