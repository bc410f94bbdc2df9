// What the sim streams out as it advances: events, beats, the ECG and the monitor waveforms.
// Each read moves undrained items into a slice of an array the caller owns and returns how many
// it moved; none allocates. Read every frame or so: each stream keeps only its newest items
// (256 events or beats, 8192 samples per lead or wave) and counts what it drops.
using System;

namespace Resus
{
    public sealed partial class Sim
    {
        public int PollEvents(ResusEvent[] buffer) { return PollEvents(buffer, 0, buffer?.Length ?? 0); }

        public int PollEvents(ResusEvent[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            CheckSlice(buffer.Length, offset, count);
            if (count == 0) return 0;
            int moved;
            Errors.Check(NativeMethods.resus_sim_poll_events(Handle, ref buffer[offset], count, out moved), Handle,
                         "resus_sim_poll_events");
            return moved;
        }

        public long EventsDropped
        {
            get
            {
                long dropped;
                Errors.Check(NativeMethods.resus_sim_events_dropped(Handle, out dropped), Handle, "resus_sim_events_dropped");
                return dropped;
            }
        }

        public int PollBeats(ResusBeat[] buffer) { return PollBeats(buffer, 0, buffer?.Length ?? 0); }

        public int PollBeats(ResusBeat[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            CheckSlice(buffer.Length, offset, count);
            if (count == 0) return 0;
            int moved;
            Errors.Check(NativeMethods.resus_sim_poll_beats(Handle, ref buffer[offset], count, out moved), Handle,
                         "resus_sim_poll_beats");
            return moved;
        }

        // Switches the ECG on at 250, 500 or 1000 Hz (0: off), artefacts at their defaults. Not for
        // the frame loop: the first call sizes the buffers.
        public void ConfigureEcg(int sampleRateHz)
        {
            ResusEcgDef def = ResusEcgDef.Default();
            def.SampleRateHz = sampleRateHz;
            ConfigureEcg(def);
        }

        public void ConfigureEcg(ResusEcgDef def)
        {
            Errors.Check(NativeMethods.resus_sim_ecg_configure(Handle, ref def), Handle, "resus_sim_ecg_configure");
        }

        // Moves undrained samples of one lead (0..12: I, II, III, aVR, aVL, aVF, V1-V6, pads; see
        // Library.EcgLead) in mV, oldest first.
        public int ReadEcg(int lead, float[] buffer) { return ReadEcg(lead, buffer, 0, buffer?.Length ?? 0); }

        public int ReadEcg(int lead, float[] buffer, int offset, int count)
        {
            long firstIndex;
            return ReadEcg(lead, buffer, offset, count, out firstIndex);
        }

        // The same, with the index of the first sample moved: sample i is at i / sample rate
        // seconds, so a gap in the indices is a gap in time.
        public int ReadEcg(int lead, float[] buffer, int offset, int count, out long firstIndex)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            CheckSlice(buffer.Length, offset, count);
            firstIndex = 0;
            if (count == 0) return 0;
            int moved;
            Errors.Check(NativeMethods.resus_sim_ecg_read_indexed(Handle, lead, ref buffer[offset], count, out moved,
                                                                  out firstIndex),
                         Handle, "resus_sim_ecg_read_indexed");
            return moved;
        }

        // Switches every monitor waveform on at 50, 100, 125, 250 or 500 Hz (0: off). Not for the
        // frame loop: the first call sizes the buffers.
        public void ConfigureWaveforms(int sampleRateHz)
        {
            Errors.Check(NativeMethods.resus_sim_waveforms_configure(Handle, sampleRateHz), Handle,
                         "resus_sim_waveforms_configure");
        }

        public int ReadWaveform(Wave wave, float[] buffer) { return ReadWaveform(wave, buffer, 0, buffer?.Length ?? 0); }

        public int ReadWaveform(Wave wave, float[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            CheckSlice(buffer.Length, offset, count);
            if (count == 0) return 0;
            int moved;
            Errors.Check(NativeMethods.resus_sim_waveform_read(Handle, wave, ref buffer[offset], count, out moved), Handle,
                         "resus_sim_waveform_read");
            return moved;
        }
    }
}
