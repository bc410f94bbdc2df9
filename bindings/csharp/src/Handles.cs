// SafeHandles owning the library's two opaque objects: the runtime releases them exactly once,
// even when a Model or Sim is never disposed, and never while a native call is using them.
using System;
using Microsoft.Win32.SafeHandles;

namespace Resus
{
    // Owns a resus_model*. A sim keeps its model alive on the C side, so a ModelHandle may be
    // released before the sims made from it.
    public sealed class ModelHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public ModelHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.resus_model_destroy(handle);
            return true;
        }
    }

    // Owns a resus_sim*. One sim is for one thread at a time.
    public sealed class SimHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public SimHandle() : base(true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.resus_sim_destroy(handle);
            return true;
        }
    }
}
