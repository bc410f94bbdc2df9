// Chest compressions from the player's hands: hold the left mouse button and drag down to push
// (the drag distance is the depth), or hold a key to push to a set depth. The depth is streamed
// to the patient every tick, like a manikin's sensor. Another key toggles a programmed rescuer.
using UnityEngine;

namespace Resus.Unity
{
    [RequireComponent(typeof(ResusPatient))]
    public sealed class ResusCprInput : MonoBehaviour
    {
        [Header("Mouse: hold the left button and drag down")]
        [SerializeField] private bool useMouse = true;
        [Tooltip("Depth per pixel dragged downwards.")]
        [SerializeField] private float mmPerPixel = 0.25f;

        [Header("Key: hold to push")]
        [SerializeField] private KeyCode pushKey = KeyCode.Space;
        [SerializeField, Range(0f, 100f)] private float pushDepthMm = 55f;
        [Tooltip("How fast the chest follows a held or released key.")]
        [SerializeField] private float handSpeedMmPerSecond = 500f;

        [Header("Programmed rescuer")]
        [Tooltip("Toggles continuous CPR at 110/min, 55 mm (the engine's rescuer, not the player).")]
        [SerializeField] private KeyCode programmedCprKey = KeyCode.C;

        private ResusPatient patient;
        private float depthMm;
        private float pressY;
        private bool programmedCpr;

        // The depth being streamed now, for a UI gauge.
        public float DepthMm => depthMm;

        private void Awake() { patient = GetComponent<ResusPatient>(); }

        // Input is read in Update (FixedUpdate can miss key presses); the patient streams the
        // latest depth on its next tick.
        private void Update()
        {
            if (Input.GetKeyDown(programmedCprKey)) ToggleProgrammedCpr();

            bool mouseHeld = useMouse && Input.GetMouseButton(0);
            if (useMouse && Input.GetMouseButtonDown(0)) pressY = Input.mousePosition.y;
            bool keyHeld = Input.GetKey(pushKey);
            if (!mouseHeld && !keyHeld && depthMm <= 0f) return;  // hands off, chest up: nothing to stream

            if (mouseHeld)
                depthMm = Mathf.Clamp((pressY - Input.mousePosition.y) * mmPerPixel, 0f, 100f);
            else
                depthMm = Mathf.MoveTowards(depthMm, keyHeld ? pushDepthMm : 0f, handSpeedMmPerSecond * Time.deltaTime);
            programmedCpr = false;  // the first streamed sample replaces the programmed rescuer
            patient.StreamCompressionDepth(depthMm);
        }

        private void ToggleProgrammedCpr()
        {
            programmedCpr = !programmedCpr;
            if (programmedCpr)
                patient.StartCpr();
            else
                patient.StopCpr();
        }
    }
}
