// Acting on the patient: any action kind by name and values, JSON, the frozen 0.2 struct, a few
// typed shorthands for what a game calls most, and the streamed inputs of a manikin.
using System;

namespace Resus
{
    public sealed partial class Sim
    {
        // Applies an action now, on the current step boundary.
        public void Apply(ActionValues action)
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            Errors.Check(NativeMethods.resus_sim_apply_values(Handle, action.Kind, ref action.Storage[0], action.FieldCount),
                         Handle, "resus_sim_apply_values");
        }

        // Schedules an action at simulated time atS (>= Time).
        public void Schedule(double atS, ActionValues action)
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            Errors.Check(NativeMethods.resus_sim_schedule_values(Handle, atS, action.Kind, ref action.Storage[0],
                                                                 action.FieldCount),
                         Handle, "resus_sim_schedule_values");
        }

        // The JSON form, e.g. {"do": "drug", "drug": "epinephrine", "dose": 1, "unit": "mg"}; with
        // "at_s" it is scheduled. Marshals the string: keep it off the per-frame path.
        public void ApplyJson(string actionJson)
        {
            if (actionJson == null) throw new ArgumentNullException(nameof(actionJson));
            Errors.Check(NativeMethods.resus_sim_apply_json(Handle, actionJson), Handle, "resus_sim_apply_json");
        }

        // The 0.2 struct (kinds 1-15 only; start from ResusAction.Default(kind)).
        public void Apply(ref ResusAction action)
        {
            Errors.Check(NativeMethods.resus_sim_apply(Handle, ref action), Handle, "resus_sim_apply");
        }

        public void SetRhythm(Rhythm rhythm)
        {
            Errors.Check(NativeMethods.resus_sim_set_rhythm(Handle, rhythm), Handle, "resus_sim_set_rhythm");
        }

        // Unsynchronised defibrillation, 1-360 J.
        public void Shock(double energyJ, ShockWaveform waveform = ShockWaveform.Biphasic)
        {
            Errors.Check(NativeMethods.resus_sim_shock(Handle, energyJ, waveform), Handle, "resus_sim_shock");
        }

        // A programmed rescuer (0 = 110/min, 55 mm); compressionsPerCycle 30 with breathsPerPause 2
        // is 30:2, 0 is continuous. Updates a running CPR.
        public void StartCpr(double ratePerMin = 0, double depthMm = 0, int compressionsPerCycle = 0, int breathsPerPause = 0)
        {
            Errors.Check(NativeMethods.resus_sim_cpr_start(Handle, ratePerMin, depthMm, compressionsPerCycle, breathsPerPause),
                         Handle, "resus_sim_cpr_start");
        }

        public void StopCpr()
        {
            Errors.Check(NativeMethods.resus_sim_cpr_stop(Handle), Handle, "resus_sim_cpr_stop");
        }

        // One sample of a measured compression depth, 0-100 mm (0 = chest fully up). The first
        // sample switches compressions to this streamed source; send one per tick before Advance.
        public void SetCompressionDepth(double depthMm)
        {
            Errors.Check(NativeMethods.resus_sim_set_compression_depth(Handle, depthMm), Handle,
                         "resus_sim_set_compression_depth");
        }

        // Gas squeezed from the bag into the airway device, 0-3000 mL/s; held until changed.
        public void SetBagFlow(double flowMLPerS)
        {
            Errors.Check(NativeMethods.resus_sim_set_bag_flow(Handle, flowMLPerS), Handle, "resus_sim_set_bag_flow");
        }
    }
}
