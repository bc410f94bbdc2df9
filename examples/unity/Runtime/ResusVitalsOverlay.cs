// A bare monitor readout drawn with IMGUI, to see a patient without building a UI. The text is
// rebuilt twice a second, not every frame, so it makes little garbage; a real UI reads the same
// ResusPatient properties into its own widgets.
using UnityEngine;

namespace Resus.Unity
{
    [RequireComponent(typeof(ResusPatient))]
    public sealed class ResusVitalsOverlay : MonoBehaviour
    {
        [SerializeField] private Vector2 position = new Vector2(10f, 10f);
        [SerializeField] private float refreshSeconds = 0.5f;

        private ResusPatient patient;
        private string text = "";
        private float nextRefresh;

        private void Awake() { patient = GetComponent<ResusPatient>(); }

        private void Update()
        {
            if (Time.unscaledTime < nextRefresh) return;
            nextRefresh = Time.unscaledTime + refreshSeconds;
            text = string.Format(
                "t {0:0.0} s{1}\nHR {2:0} /min   {3}\nABP {4:0}/{5:0} ({6:0}) mmHg\nSpO2 {7:0} %   EtCO2 {8:0} mmHg   RR {9:0} /min",
                patient.SimulatedSeconds, patient.Paused ? "  (paused)" : "", patient.HeartRate, patient.RhythmName,
                patient.SystolicPressure, patient.DiastolicPressure, patient.MeanArterialPressure, patient.SpO2,
                patient.EtCO2, patient.RespiratoryRate);
        }

        private void OnGUI() { GUI.Label(new Rect(position.x, position.y, 420f, 80f), text); }
    }
}
