"""Model: a compiled patient (immutable; many sims may share it)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping

from ._lib import ffi, lib
from .errors import check

if TYPE_CHECKING:
    from .sim import Sim

DEFAULT_PRESET = "adult_male_70kg"


class Model:
    """A patient compiled from a preset and parameter overrides, at its resting steady state.

    >>> m = Model("adult_female_60kg", overrides={"heart_rate_set_bpm": 80})
    >>> m.param("body_mass_kg")
    60.0

    ``scales`` multiplies parameters on the preset's values at the patient's mass and age (a
    comorbidity's shifts), before the overrides:
    ``Model(overrides={"age_years": 78}, scales={"lv_emax_mmHg_per_mL": 0.6})``.

    Compiling takes tens of milliseconds; a patient that cannot live at rest is refused with
    ResusError (numerical), naming the failed check.
    """

    def __init__(
        self,
        preset: str = DEFAULT_PRESET,
        overrides: Mapping[str, float] | None = None,
        scales: Mapping[str, float] | None = None,
    ) -> None:
        patient: dict[str, Any] = {"preset": preset}
        if overrides:
            patient["overrides"] = dict(overrides)
        if scales:
            patient["scales"] = dict(scales)
        self._init_from_patient(patient)

    @classmethod
    def from_patient(cls, patient: Mapping[str, Any]) -> Model:
        """A model from a scenario's patient object, ``{"preset": ..., "overrides": {...}}``,
        passed to the library as it is (the library checks it)."""
        model = cls.__new__(cls)
        model._init_from_patient(dict(patient))
        return model

    def _init_from_patient(self, patient: dict[str, Any]) -> None:
        out = ffi.new("resus_model**")
        # default=float: numpy numbers are numbers too; anything else the library rejects by name.
        check(lib.resus_model_create_json(json.dumps(patient, default=float).encode(), out))
        self._handle: Any = ffi.gc(out[0], lib.resus_model_destroy)
        self.patient = patient

    @property
    def handle(self) -> Any:
        """The ``resus_model*``, for calls this binding does not wrap."""
        if self._handle is None:
            raise ValueError("the model is closed")
        return self._handle

    def param(self, name: str) -> float:
        """A parameter's value in the compiled model (names: ``resus.params()``)."""
        out = ffi.new("double*")
        handle = self.handle
        check(lib.resus_model_param(handle, name.encode(), out), lambda: lib.resus_model_last_error(handle))
        return float(out[0])

    def sim(self, seed: int | None = None, patient_id: int | None = None) -> Sim:
        """A new sim of this patient at rest. Unset, seed and patient_id take the library's
        defaults (``resus_default_sim_def``)."""
        from .sim import Sim

        return Sim(self, seed=seed, patient_id=patient_id)

    def close(self) -> None:
        """Frees the model now (sims made from it keep working: they hold their own reference)."""
        if self._handle is not None:
            ffi.release(self._handle)
            self._handle = None

    def __enter__(self) -> Model:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"resus.Model({json.dumps(self.patient)})"
