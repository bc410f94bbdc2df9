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
from collections import OrderedDict
from typing import Any

import numpy as np

from .batch import draw
from .model import Model
from .team import PADS_RATE_HZ, PERCEIVED, Bedside

_CPR = {"rate_per_min": 110, "depth_mm": 52}
_MAX_MODELS = 16  # compiled patients a population's env keeps


def _is_whole(value: Any) -> bool:
    """An int (not a bool), or a float with no fractional part."""
    return (isinstance(value, (int, np.integer)) and not isinstance(value, bool)) or \
        (isinstance(value, float) and value.is_integer())
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
        self._setup(model, rhythm, decision_s, max_s, rosc_hold_s, settle_s)

    def _setup(self, model: Model | None, rhythm: str, decision_s: float, max_s: float,
               rosc_hold_s: float, settle_s: float) -> None:
        if not decision_s > 0 or not max_s >= decision_s or not rosc_hold_s > 0 or not settle_s >= 0:
            raise ValueError(f"decision_s = {decision_s}, max_s = {max_s}, rosc_hold_s = {rosc_hold_s}, "
                             f"settle_s = {settle_s}: need decision_s > 0, max_s >= decision_s, "
                             "rosc_hold_s > 0 and settle_s >= 0")
        self._model = model  # None for a study's population (from_study)
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
        self._models: OrderedDict[str, Model] = OrderedDict()

    @classmethod
    def from_study(cls, study: str | os.PathLike[str] | dict[str, Any], first: int = 0,
                   count: int | None = None, *, decision_s: float = 2.0, rosc_hold_s: float = 60.0,
                   command: str | os.PathLike[str] | None = None) -> ArrestEnv:
        """The team's seat at a study's virtual patients (docs/batch.md): each episode is one
        patient of ``resus.draw(study, first, count)``, the same patient (model, random streams,
        arrest) that ``resus batch`` runs with its automated team, so a policy and the protocol
        meet the same population. ``reset(options={"patient": i})`` takes patient i,
        ``reset(seed=k)`` the k-th patient of the range (cyclic), ``reset()`` the next one.

        The episode starts where the batch attaches its team: a primary arrest at its ``at_s``;
        a cause once its collapse rule has found it, the pulse checked every ``check_every_s``
        from the start and gone for ``for_s`` (so ``info["time_since_collapse_s"]`` is then
        ``for_s`` or a little more). It is truncated at the study's ``duration_s``. A cause whose
        patient never collapses within the window gives an episode with ``info["collapsed"]``
        False and ``collapse_s`` None, truncated at its first step. The team's sampled human
        factors (arrival, delays) are in ``info["team"]``, for a host that keeps to them; nothing
        enforces them."""
        patients = draw(study, first, count, command=command)
        env = cls.__new__(cls)
        env._setup(None, "vf_coarse", decision_s, max(decision_s, max(float(p["duration_s"]) for p in patients)),
                   rosc_hold_s, 0.0)
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
        first, n = int(self._patients[0]["patient"]), len(self._patients)
        if "patient" in options:
            patient_index = options["patient"]
            if not _is_whole(patient_index) or not first <= patient_index < first + n:
                raise ValueError(f"options['patient'] = {patient_index!r} is out of range; valid range is "
                                 f"[{first}, {first + n - 1}] (the drawn patients)")
            index = int(patient_index) - first
        elif seed is not None:
            if not _is_whole(seed) or seed < 0:
                raise ValueError(f"seed = {seed!r} is out of range; valid range is whole numbers >= 0 "
                                 f"(the k-th of the {n} drawn patients, cyclic)")
            index = int(seed) % n
        else:
            index = self._next_patient % n
        self._next_patient = index + 1
        patient = self._patients[index]
        key = json.dumps(patient["model"], sort_keys=True)
        model = self._models.pop(key, None)
        if model is None:
            model = Model.from_patient(patient["model"])
            if len(self._models) >= _MAX_MODELS:  # compiled models are large: keep the recent ones
                self._models.popitem(last=False)
        self._models[key] = model
        self._bed = bed = Bedside(model, seed=int(patient["sim"]["seed"]),
                                  patient_id=int(patient["sim"]["patient_id"]))
        arrest, duration = patient["arrest"], float(patient["duration_s"])
        pads_n = round(self.decision_s * PADS_RATE_HZ)
        if "rhythm" in arrest:  # a primary arrest: health until at_s
            raw = bed.wait(float(arrest["at_s"]))
            bed.collapse(arrest["rhythm"])
            collapse_s: float | None = bed.time
        else:
            raw, collapse_s = self._await_collapse(bed, arrest, duration, pads_n)
        collapsed = collapse_s is not None
        raw["time_since_collapse_s"] = bed.time - collapse_s if collapsed else 0.0
        self._episode_max_s = duration - collapse_s if collapsed else self.decision_s
        info = {"time_since_collapse_s": raw["time_since_collapse_s"], "patient": int(patient["patient"]),
                "collapsed": collapsed, "collapse_s": collapse_s, "cause": arrest["cause"],
                "rhythm": arrest.get("rhythm"), "witnessed": arrest["witnessed"],
                "team_preset": patient.get("team_preset"), "team": dict(patient["team"])}
        return raw, info

    @staticmethod
    def _await_collapse(bed: Bedside, arrest: dict[str, Any], duration: float,
                        pads_n: int) -> tuple[dict[str, Any], float | None]:
        """A cause's actions, then the batch runner's collapse rule on its grid: the pulse read
        before each advance from t = 0, the collapse at the start of the first run of ``for_s``
        below the threshold. Returns the last observation (its pads the last ``pads_n`` samples)
        and the collapse time, or None when the window ends first."""
        for action in arrest["actions"]:
            bed.apply_json(action)
        rule = arrest["collapse"]
        below, hold, every = float(rule["carotid_pulse_below"]), float(rule["for_s"]), float(rule["check_every_s"])
        pads: list[np.ndarray] = []
        raw = bed.wait(0.0)
        pulseless_since: float | None = None
        while bed.time < duration - 1e-9:
            if raw["carotid_pulse"] < below:
                pulseless_since = bed.time if pulseless_since is None else pulseless_since
                if bed.time - pulseless_since >= hold - 1e-9:
                    bed.collapse(None, at_s=pulseless_since)
                    raw["pads_mV"] = np.concatenate(pads)[-pads_n:] if pads else raw["pads_mV"]
                    return raw, pulseless_since
            else:
                pulseless_since = None
            raw = bed.wait(min(every, duration - bed.time))
            pads.append(np.asarray(raw["pads_mV"], dtype=np.float32))
            while len(pads) > 1 and sum(map(len, pads)) - len(pads[0]) >= pads_n:
                pads.pop(0)  # keep just the last decision interval's samples
        bed.collapse(None)
        return raw, None

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
