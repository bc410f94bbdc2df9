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

import json
import os
from typing import Any

import numpy as np

from .batch import draw
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

    def __init__(self, model: Model | None, rhythm: str = "vf_coarse", decision_s: float = 2.0,
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
        self._episode_max_s = self.max_s
        # A study's population (from_study): the drawn patients, the next one, compiled models.
        self._patients: list[dict[str, Any]] = []
        self._next_patient = 0
        self._models: dict[str, Model] = {}

    @classmethod
    def from_study(cls, study: str | os.PathLike[str] | dict[str, Any], first: int = 0,
                   count: int | None = None, *, decision_s: float = 2.0, rosc_hold_s: float = 60.0,
                   command: str | os.PathLike[str] | None = None) -> ArrestEnv:
        """The team's seat at a study's virtual patients (docs/batch.md): each episode is one
        patient of ``resus.draw(study, first, count)``, the same patient (model, random streams,
        arrest) that ``resus batch`` runs with its automated team, so a policy and the protocol
        meet the same population. ``reset(options={"patient": i})`` takes patient i,
        ``reset(seed=k)`` the k-th patient of the range (cyclic), ``reset()`` the next one. The
        episode starts at the collapse: after a primary arrest's ``at_s`` of health, or when a
        cause's pulse has been gone for its ``collapse`` rule's time; it is truncated at the
        study's ``duration_s``. The team's sampled human factors (arrival, delays) are in
        ``info["team"]``, for a host that keeps to them; nothing enforces them."""
        patients = draw(study, first, count, command=command)
        if not patients:
            raise ValueError(f"the study has no patients from {first} (count {count})")
        env = cls(None, decision_s=decision_s, rosc_hold_s=rosc_hold_s,
                  max_s=max(decision_s, max(float(p["duration_s"]) for p in patients)))
        env._patients = patients
        return env

    @property
    def patients(self) -> list[dict[str, Any]]:
        """The drawn patients of a study (from_study), in order; empty otherwise."""
        return list(self._patients)

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
        collapses now; ``options`` may override ``rhythm``. For a study's population
        (from_study), see there."""
        self.close()
        self._pulse_held_s = 0.0
        if self._patients:
            raw, info = self._reset_study_patient(seed, options or {})
        else:
            if self._model is None:
                raise ValueError("ArrestEnv(model=None) has no patient: give a Model, or use ArrestEnv.from_study")
            rhythm = (options or {}).get("rhythm", self._rhythm)
            self._bed = Bedside(self._model, seed=1 if seed is None else int(seed))
            raw = self._bed.wait(self.settle_s)
            self._bed.collapse(rhythm)
            self._episode_max_s = self.max_s
            info = {"time_since_collapse_s": 0.0, "rhythm": rhythm}
        # The first observation is the healthy patient's last decision interval: every
        # observation has the same shape.
        n = round(self.decision_s * PADS_RATE_HZ)
        pads = np.zeros(n, dtype=np.float32)
        tail = np.asarray(raw["pads_mV"], dtype=np.float32)[-n:]
        pads[n - len(tail):] = tail
        raw["pads_mV"] = pads
        return self._observe(raw), info

    def _reset_study_patient(self, seed: int | None, options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        first = int(self._patients[0]["patient"])
        if "patient" in options:
            index = int(options["patient"]) - first
            if not 0 <= index < len(self._patients):
                raise ValueError(f"options['patient'] = {options['patient']} is out of range; valid range is "
                                 f"[{first}, {first + len(self._patients) - 1}] (the drawn patients)")
        elif seed is not None:
            index = int(seed) % len(self._patients)
        else:
            index = self._next_patient % len(self._patients)
        self._next_patient = index + 1
        patient = self._patients[index]
        key = json.dumps(patient["model"], sort_keys=True)
        model = self._models.get(key)
        if model is None:
            if len(self._models) >= 16:  # compiled models are large; keep the recent ones
                self._models.pop(next(iter(self._models)))
            model = self._models[key] = Model.from_patient(patient["model"])
        self._bed = bed = Bedside(model, seed=int(patient["sim"]["seed"]),
                                  patient_id=int(patient["sim"]["patient_id"]))
        arrest, duration = patient["arrest"], float(patient["duration_s"])
        collapsed = True
        if "rhythm" in arrest:  # a primary arrest: health until at_s
            raw = bed.wait(float(arrest["at_s"]))
            bed.collapse(arrest["rhythm"])
        else:  # a cause: its actions now, the collapse when the pulse has gone for the rule's time
            for action in arrest["actions"]:
                bed.apply_json(action)
            below, hold = float(arrest["collapse"]["carotid_pulse_below"]), float(arrest["collapse"]["for_s"])
            pulseless_since: float | None = None
            raw = {}
            while True:
                raw = bed.wait(0.5)
                if raw["carotid_pulse"] < below:
                    pulseless_since = bed.time if pulseless_since is None else pulseless_since
                    if bed.time - pulseless_since >= hold - 1e-9:
                        bed.collapse(None, at_s=pulseless_since)
                        break
                else:
                    pulseless_since = None
                if bed.time >= duration - 1e-9:
                    collapsed = False
                    bed.collapse(None)
                    break
            raw["time_since_collapse_s"] = bed.time - (pulseless_since if collapsed else bed.time)
        since = float(raw.get("time_since_collapse_s") or 0.0)
        collapse_s = bed.time - since
        self._episode_max_s = max(self.decision_s, duration - collapse_s) if collapsed else self.decision_s
        info = {"time_since_collapse_s": since, "patient": int(patient["patient"]),
                "collapse_s": collapse_s if collapsed else None, "cause": arrest["cause"],
                "rhythm": arrest.get("rhythm"), "witnessed": arrest["witnessed"],
                "team": dict(patient["team"]), "collapsed": collapsed}
        return raw, info

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
        truncated = not terminated and since >= self._episode_max_s - 1e-9
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
