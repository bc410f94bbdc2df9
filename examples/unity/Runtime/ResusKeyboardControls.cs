// Keys for trying a patient out in Play mode: arrest, shock, epinephrine, pause, save, restore.
// The actions are built once with ActionValues (by name, checked by the library), so a key press
// allocates nothing; a refused action is logged with the library's message.
using UnityEngine;

namespace Resus.Unity
{
    [RequireComponent(typeof(ResusPatient))]
    public sealed class ResusKeyboardControls : MonoBehaviour
    {
        [SerializeField] private KeyCode ventricularFibrillationKey = KeyCode.V;
        [SerializeField] private KeyCode shockKey = KeyCode.S;
        [SerializeField, Range(1f, 360f)] private float shockEnergyJ = 200f;
        [SerializeField] private KeyCode epinephrineKey = KeyCode.E;
        [SerializeField] private KeyCode pauseKey = KeyCode.P;
        [SerializeField] private KeyCode saveKey = KeyCode.F5;
        [SerializeField] private KeyCode restoreKey = KeyCode.F9;

        private ResusPatient patient;
        private ActionValues ventricularFibrillation;
        private ActionValues epinephrine;

        private void Start()
        {
            patient = GetComponent<ResusPatient>();
            ventricularFibrillation = new ActionValues("rhythm").Set("rhythm", "vf_coarse");
            epinephrine = new ActionValues("drug").Set("drug", "epinephrine").Set("dose", 1.0).Set("unit", "mg");
        }

        private void Update()
        {
            if (patient.Sim == null) return;
            try
            {
                if (Input.GetKeyDown(ventricularFibrillationKey)) patient.Apply(ventricularFibrillation);
                if (Input.GetKeyDown(shockKey)) patient.Shock(shockEnergyJ);
                if (Input.GetKeyDown(epinephrineKey)) patient.Apply(epinephrine);
                if (Input.GetKeyDown(pauseKey)) patient.Paused = !patient.Paused;
                if (Input.GetKeyDown(saveKey)) patient.SaveSnapshot();
                if (Input.GetKeyDown(restoreKey)) patient.RestoreSnapshot();
            }
            catch (ResusException e)
            {
                Debug.LogWarning("resus: " + e.Message);
            }
        }
    }
}
