// A compiled patient: immutable, shareable across threads and sims. Compiling takes tens of
// milliseconds, so build one per patient kind at load time and make sims from it.
using System;

namespace Resus
{
    public sealed class Model : IDisposable
    {
        public ModelHandle Handle { get; }

        private Model(ModelHandle handle) { Handle = handle; }

        // From a preset name, e.g. "adult_male_70kg" (Library.PresetNames lists them).
        public static Model FromPreset(string preset)
        {
            if (preset == null) throw new ArgumentNullException(nameof(preset));
            ModelHandle handle;
            ResusStatus status = NativeMethods.resus_model_create_preset(preset, out handle);
            return Created(status, handle, "resus_model_create_preset");
        }

        // From patient JSON: {"preset": "...", "overrides": {"name": value, ...}, "scales": {"name": factor, ...}}.
        public static Model FromJson(string patientJson)
        {
            if (patientJson == null) throw new ArgumentNullException(nameof(patientJson));
            ModelHandle handle;
            ResusStatus status = NativeMethods.resus_model_create_json(patientJson, out handle);
            return Created(status, handle, "resus_model_create_json");
        }

        private static Model Created(ResusStatus status, ModelHandle handle, string call)
        {
            if (status == ResusStatus.Ok) return new Model(handle);
            handle.Dispose();
            throw Errors.ThreadError(status, call);
        }

        // A parameter's value in this model, by name (e.g. "body_mass_kg").
        public double Param(string name)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            double value;
            Errors.Check(NativeMethods.resus_model_param(Handle, name, out value), Handle, "resus_model_param");
            return value;
        }

        public void Dispose() { Handle.Dispose(); }
    }
}
