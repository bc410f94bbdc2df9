"""A cardiac arrest as a reinforcement-learning environment: the Gymnasium interface
(``reset`` and ``step`` with ``terminated`` and ``truncated``), without depending on gymnasium.

The agent is the resuscitation team at a :class:`resus.Bedside`: it sees only what a team
perceives (``resus.PERCEIVED`` and the pads ECG of the last decision interval, never the rhythm
label) and chooses one of :data:`ACTIONS` every ``decision_s`` seconds. An episode starts at the
collapse and ends when the patient has had a palpable pulse (carotid >= 0.5, the pulse model's
"clearly felt") with no compressions for ``rosc_hold_s`` (terminated, reward 1), or at
``max_s`` (truncated, reward 0). The reward is sparse on purpose; shape it outside if needed.

>>> import resus
>>> env = resus.ArrestEnv(resus.Model("adult_male_70kg"), rhythm="vf_coarse")
>>> obs, info = env.reset(seed=4)
>>> obs["signals"].shape == (len(resus.PERCEIVED),)
True
>>> obs, reward, terminated, truncated, info = env.step(env.action_index("cpr_30_2"))
>>> info["time_since_collapse_s"]
2.0
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .model import Model
from .team import PADS_RATE_HZ, PERCEIVED, Bedside

_CPR = {"rate_per_min": 110, "depth_mm": 52}
_ROUTE = {"route": "peripheral_iv", "flush_mL": 20}

# The team's hands, as in the automated team of team/ (doses of ERC 2021 / AHA 2020). Each entry
# is a name and the actions it applies, in order; "wait" applies none.
ACTIONS: tuple[tuple[str, tuple[tuple[str, dict[str, Any]], ...]], ...] = (
    ("wait", ()),
    ("cpr_30_2", (("cpr_start", {**_CPR, "compressions_per_cycle": 30, "breaths_per_pause": 2}),)),
    ("cpr_continuous", (("cpr_start", dict(_CPR)),)),
    ("hands_off", (("cpr_stop", {}),)),
    ("shock_200J", (("shock", {"energy_J": 200}),)),
    ("bag_mask_oxygen", (("airway", {"airway": "bag_mask"}), ("oxygen", {"fio2": 1.0}))),
    ("tracheal_tube", (("airway", {"airway": "tracheal_tube"}),
                       ("ventilation", {"mode": "bag_rate", "rate_per_min": 10, "tidal_volume_mL": 500}))),
    ("epinephrine_1mg", (("drug", {"drug": "epinephrine", "dose": 1, "unit": "mg", **_ROUTE}),)),
    ("amiodarone_300mg", (("drug", {"drug": "amiodarone", "dose": 300, "unit": "mg", **_ROUTE}),)),
    ("amiodarone_150mg", (("drug", {"drug": "amiodarone", "dose": 150, "unit": "mg", **_ROUTE}),)),
    ("blood_gas", (("blood_gas", {"site": "arterial"}),)),
    ("calcium_chloride_10mL", (("drug", {"drug": "calcium_chloride", "dose": 10, "unit": "mL", **_ROUTE}),)),
    ("needle_decompression_left", (("needle_decompression", {"side": "left"}),)),
    ("needle_decompression_right", (("needle_decompression", {"side": "right"}),)),
    ("pericardiocentesis", (("pericardiocentesis", {"leave_drain": True}),)),
)


class ArrestEnv:
    """One virtual patient per episode, arrested in ``rhythm`` after ``settle_s`` of health."""

    metadata: dict[str, Any] = {"render_modes": []}

    def __init__(self, model: Model, rhythm: str = "vf_coarse", decision_s: float = 2.0,
                 max_s: float = 1200.0, rosc_hold_s: float = 60.0, settle_s: float = 10.0) -> None:
        if not decision_s > 0 or not max_s >= decision_s or not rosc_hold_s > 0 or not settle_s >= 0:
            raise ValueError(f"decision_s = {decision_s}, max_s = {max_s}, rosc_hold_s = {rosc_hold_s}, "
                             f"settle_s = {settle_s}: need decision_s > 0, max_s >= decision_s, "
                             "rosc_hold_s > 0 and settle_s >= 0")
        self._model = model
        self._rhythm = rhythm
        self.decision_s = float(decision_s)
        self.max_s = float(max_s)
        self.rosc_hold_s = float(rosc_hold_s)
        self.settle_s = float(settle_s)
        self.action_names = tuple(name for name, _ in ACTIONS)
        self._bed: Bedside | None = None
        self._pulse_held_s = 0.0

    @property
    def n_actions(self) -> int:
        return len(ACTIONS)

    def action_index(self, name: str) -> int:
        try:
            return self.action_names.index(name)
        except ValueError:
            raise ValueError(f"action {name!r} is not one of {', '.join(self.action_names)}") from None

    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """A new patient (``seed`` picks its random stream; the same seed, the same patient) that
        collapses now; ``options`` may override ``rhythm``."""
        self.close()
        rhythm = (options or {}).get("rhythm", self._rhythm)
        self._bed = Bedside(self._model, seed=1 if seed is None else int(seed))
        raw = self._bed.wait(self.settle_s)
        self._bed.collapse(rhythm)
        self._pulse_held_s = 0.0
        # The first observation is the healthy patient's last decision interval: every
        # observation has the same shape.
        n = round(self.decision_s * PADS_RATE_HZ)
        pads = np.zeros(n, dtype=np.float32)
        tail = np.asarray(raw["pads_mV"], dtype=np.float32)[-n:]
        pads[n - len(tail):] = tail
        raw["pads_mV"] = pads
        return self._observe(raw), {"time_since_collapse_s": 0.0, "rhythm": rhythm}

    def step(self, action: int) -> tuple[dict[str, np.ndarray], float, bool, bool, dict[str, Any]]:
        if self._bed is None:
            raise RuntimeError("step() before reset()")
        if not 0 <= int(action) < len(ACTIONS):
            raise ValueError(f"action = {action} is out of range; valid range is [0, {len(ACTIONS) - 1}]")
        name, applied = ACTIONS[int(action)]
        for kind, fields in applied:
            self._bed.act(kind, **fields)
        raw = self._bed.wait(self.decision_s)
        compressing = raw["cpr_rate_per_min"] > 0
        self._pulse_held_s = self._pulse_held_s + self.decision_s \
            if raw["carotid_pulse"] >= 0.5 and not compressing else 0.0
        since = float(raw["time_since_collapse_s"])
        terminated = self._pulse_held_s >= self.rosc_hold_s
        truncated = not terminated and since >= self.max_s - 1e-9
        info = {"time_since_collapse_s": since, "action": name, "pulse_held_s": self._pulse_held_s}
        return self._observe(raw), 1.0 if terminated else 0.0, terminated, truncated, info

    def close(self) -> None:
        if self._bed is not None:
            self._bed.close()
            self._bed = None

    @staticmethod
    def _observe(raw: dict[str, Any]) -> dict[str, np.ndarray]:
        signals = np.array([raw[name] for name in PERCEIVED], dtype=np.float64)
        return {"signals": np.nan_to_num(signals, nan=0.0), "pads_mV": np.asarray(raw["pads_mV"], dtype=np.float32)}


__all__ = ["ACTIONS", "ArrestEnv", "PADS_RATE_HZ"]
