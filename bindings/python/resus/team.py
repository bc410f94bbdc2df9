"""The team's seat at the bedside: a host (a game's player, a learning policy) acts as the
resuscitation team, seeing only what a team perceives and acting through the same actions as the
automated team of ``team/`` (docs/batch.md).

>>> import resus
>>> bed = resus.Bedside(resus.Model("adult_male_70kg"), seed=3)
>>> bed.collapse("vf_coarse")
>>> bed.act("cpr_start", rate_per_min=110, depth_mm=52)
>>> obs = bed.wait(10.0)
>>> sorted(obs)[:3]
['breath_sounds_left', 'breath_sounds_right', 'carotid_pulse']
>>> len(obs["pads_mV"]) == 10 * 250
True
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .model import Model
from .sim import Sim

# What a team can perceive, by the engine's signal names: the palpated pulse, the monitor, the
# blood-gas analyser, bedside findings. Never the rhythm label or the internal state.
PERCEIVED = (
    "carotid_pulse", "femoral_pulse", "etco2_mmHg", "spo2_pct", "map_mmHg", "sbp_mmHg", "dbp_mmHg",
    "lab_ph", "lab_po2_mmHg", "lab_pco2_mmHg", "lab_k_mmol_L", "lab_ica_mmol_L", "lab_glucose_mmol_L",
    "lab_lactate_mmol_L", "lab_hb_g_dL", "breath_sounds_left", "breath_sounds_right",
    "tracheal_deviation_mm", "jvd", "pericardial_volume_mL", "core_temp_C", "pupil_diameter_mm",
    "pupils_reactive", "consciousness", "gasping", "cpr_fraction", "cpr_depth_mm", "cpr_rate_per_min",
    "percussion_left", "percussion_right", "chest_drain_output_mL", "cyanosis",
)
PADS_RATE_HZ = 250


class Bedside:
    """One patient, and a team that sees only ``PERCEIVED`` and the pads ECG (250 Hz)."""

    def __init__(self, model: Model, seed: int = 1, patient_id: int = 0) -> None:
        self._sim = Sim(model, seed=seed, patient_id=patient_id)
        self._sim.configure_ecg(PADS_RATE_HZ)
        self._collapse_s: float | None = None

    def close(self) -> None:
        self._sim.close()

    def __enter__(self) -> Bedside:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def collapse(self, rhythm: str | None = "vf_coarse", at_s: float | None = None) -> None:
        """The patient arrests now, in ``rhythm`` (the scenario's choice, not the team's); with
        ``rhythm`` None the arrest is a cause's own (a tension pneumothorax, a potassium load),
        already under way, and only its time is marked: ``at_s`` (the start of the pulseless
        interval that found it; default now)."""
        now = self._sim.time
        if at_s is not None and not 0.0 <= at_s <= now:
            raise ValueError(f"at_s = {at_s} is out of range; valid range is [0, {now}] (the time so far)")
        if rhythm is not None:
            self._sim.apply("rhythm", rhythm=rhythm)
        self._collapse_s = now if at_s is None else float(at_s)

    def apply_json(self, action: str | dict[str, Any]) -> None:
        """An action as a scenario writes it (a study's cause: ``{"at_s": 5, "do": ...}``)."""
        self._sim.apply_json(action)

    def act(self, kind: str, **fields: Any) -> None:
        """Any action of ``resus.actions()``: the team's hands."""
        self._sim.apply(kind, **fields)

    def wait(self, seconds: float) -> dict[str, Any]:
        """Lets ``seconds`` pass and returns what the team perceived at the end: the perceived
        signals, ``pads_mV`` (the pads ECG of that interval, float32 at 250 Hz) and
        ``time_since_collapse_s``."""
        self._sim.advance(seconds)
        obs: dict[str, Any] = dict(zip(PERCEIVED, self._sim.signals(list(PERCEIVED)).tolist()))
        obs["pads_mV"] = np.asarray(self._sim.ecg("pads"))
        collapse = self._collapse_s
        obs["time_since_collapse_s"] = None if collapse is None else self._sim.time - collapse
        return obs

    @property
    def time(self) -> float:
        return self._sim.time
