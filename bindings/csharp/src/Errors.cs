// Turns a failed status into a ResusException carrying the right message: a sim's own, a
// model's own, or this thread's (calls without a handle). The success path is one comparison.
namespace Resus
{
    internal static class Errors
    {
        public static void Check(ResusStatus status, SimHandle sim, string call)
        {
            if (status != ResusStatus.Ok) throw new ResusException(status, call, Utf8.Decode(NativeMethods.resus_last_error(sim)));
        }

        public static void Check(ResusStatus status, ModelHandle model, string call)
        {
            if (status != ResusStatus.Ok)
                throw new ResusException(status, call, Utf8.Decode(NativeMethods.resus_model_last_error(model)));
        }

        // For calls that keep their message per thread (no handle, or creating one).
        public static void Check(ResusStatus status, string call)
        {
            if (status != ResusStatus.Ok) throw ThreadError(status, call);
        }

        public static ResusException ThreadError(ResusStatus status, string call)
        {
            return new ResusException(status, call, Utf8.Decode(NativeMethods.resus_last_error_of_thread(System.IntPtr.Zero)));
        }
    }
}
