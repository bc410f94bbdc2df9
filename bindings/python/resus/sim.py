"""Sim: one simulated patient that advances in time, takes actions and reports signals."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

import numpy as np

from . import catalog
from ._lib import ffi, lib
from .actions import action
from .errors import check
from .events import beat_dict, event_dict

if TYPE_CHECKING:
    from .model import Model

_POLL_BATCH = 64
# resus_ecg_def members that are not settings.
_ECG_DEF_BOOKKEEPING = {"struct_size", "sample_rate_hz", "reserved"}


class Sim:
    """A patient in time. Make one with ``Model.sim()``; use it from one thread at a time.

    >>> with resus.Model().sim(seed=1) as s:
    ...     s.advance(10.0)
    ...     s.apply("rhythm", rhythm="vf_coarse")
    ...     s.advance(20.0)
    ...     s.signal("map_mmHg")
    """

    def __init__(self, model: Model, seed: int | None = None, patient_id: int | None = None) -> None:
        definition = ffi.new("resus_sim_def*")
        definition[0] = lib.resus_default_sim_def()
        if seed is not None:
            definition.seed = seed
        if patient_id is not None:
            definition.patient_id = patient_id
        out = ffi.new("resus_sim**")
        check(lib.resus_sim_create(model.handle, definition, out))
        # The sim holds the model alive on the C side; the Model object may go first.
        self._handle: Any = ffi.gc(out[0], lib.resus_sim_destroy)
        self.seed = int(definition.seed)
        self.patient_id = int(definition.patient_id)

    # ---- lifetime ------------------------------------------------------------------------

    @property
    def handle(self) -> Any:
        """The ``resus_sim*``, for calls this binding does not wrap."""
        if self._handle is None:
            raise ValueError("the sim is closed")
        return self._handle

    def close(self) -> None:
        """Frees the sim now; later calls raise ValueError."""
        if self._handle is not None:
            ffi.release(self._handle)
            self._handle = None

    def __enter__(self) -> Sim:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check(self, status: int) -> None:
        handle = self.handle
        check(status, lambda: lib.resus_last_error(handle))

    # ---- time and signals ----------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Advances by `seconds` in fixed 2 ms steps (a remainder carries to the next call).
        Raises ResusError (numerical) if the state would go non-finite; the sim then stops."""
        self._check(lib.resus_sim_advance(self.handle, float(seconds)))

    @property
    def time(self) -> float:
        """Simulated time in seconds."""
        return float(lib.resus_sim_time(self.handle))

    def signal(self, name: str) -> float:
        """One signal by name ("map_mmHg"; ``resus.signals()`` lists them)."""
        return float(lib.resus_sim_signal(self.handle, catalog.signal_index(name)))

    def signals(self, names: Sequence[str] | None = None) -> np.ndarray:
        """Signals by name as a float64 array, in the order given (all of them when None)."""
        if names is None:
            names = [info.name for info in catalog.signals()]
        indices = np.array([catalog.signal_index(n) for n in names], dtype=np.int32)
        out = np.empty(len(indices), dtype=np.float64)
        if not len(out):
            return out
        self._check(lib.resus_sim_signals(self.handle, ffi.from_buffer("int32_t[]", indices),
                                          len(indices), ffi.from_buffer("double[]", out)))
        return out

    # ---- actions -------------------------------------------------------------------------

    def apply(self, kind: str, **fields: Any) -> None:
        """Applies an action now, by name with its fields as keywords; enum fields take names:
        ``s.apply("drug", drug="epinephrine", dose=1, unit="mg", route="io_humeral")``.
        Fields left out take their defaults (``resus.actions()`` lists them). A bad value raises
        ResusError naming the field and its range, and changes nothing."""
        spec = action(kind)
        values = spec.values(**fields)
        self._check(lib.resus_sim_apply_values(self.handle, spec.kind, ffi.new("double[]", values), len(values)))

    def schedule(self, at_s: float, kind: str, **fields: Any) -> None:
        """Schedules an action for simulated time `at_s` (>= now), as ``apply`` takes it.
        The sim holds at most 256 scheduled actions."""
        spec = action(kind)
        values = spec.values(**fields)
        self._check(lib.resus_sim_schedule_values(self.handle, float(at_s), spec.kind,
                                                  ffi.new("double[]", values), len(values)))

    def apply_json(self, action_json: str | Mapping[str, Any]) -> None:
        """Applies an action in the scenario's JSON form, ``{"do": "shock", "energy_J": 200}``;
        with ``"at_s"`` it is scheduled instead."""
        text = action_json if isinstance(action_json, str) else json.dumps(action_json)
        self._check(lib.resus_sim_apply_json(self.handle, text.encode()))

    def set_compression_depth(self, depth_mm: float) -> None:
        """A manikin's measured compression depth now (0-100 mm); call once per tick."""
        self._check(lib.resus_sim_set_compression_depth(self.handle, float(depth_mm)))

    def set_bag_flow(self, flow_mL_s: float) -> None:
        """Gas flow from the bag into the airway device (0-3000 mL/s), held until changed."""
        self._check(lib.resus_sim_set_bag_flow(self.handle, float(flow_mL_s)))

    # ---- events and beats ----------------------------------------------------------------

    def events(self) -> list[dict[str, Any]]:
        """Drains the pending events, oldest first: dicts with ``time_s``, ``kind`` (by name),
        ``detail``, ``detail_name`` and ``value`` (resus.events.event_dict)."""
        return self._poll("resus_event[]", lib.resus_sim_poll_events, event_dict)

    def beats(self) -> list[dict[str, Any]]:
        """Drains the pending ventricular activations (R waves), oldest first."""
        return self._poll("resus_beat[]", lib.resus_sim_poll_beats, beat_dict)

    def _poll(self, ctype: str, poll: Callable[..., int], decode: Callable[[Any], dict[str, Any]]) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        buffer, count = ffi.new(ctype, _POLL_BATCH), ffi.new("int32_t*")
        while True:
            self._check(poll(self.handle, buffer, _POLL_BATCH, count))
            records.extend(decode(buffer[i]) for i in range(count[0]))  # before the buffer is reused
            if count[0] < _POLL_BATCH:
                return records

    # ---- ECG and waveforms ---------------------------------------------------------------

    def configure_ecg(self, sample_rate_hz: int = 500, **artefacts: bool) -> None:
        """Switches the synthetic ECG on at 250, 500 or 1000 Hz (0: off). Artefacts, by the
        names of ``resus_ecg_def``: cpr, shock, pacer (on by default), baseline_wander, mains,
        muscle (off by default)."""
        definition = ffi.new("resus_ecg_def*")
        definition[0] = lib.resus_default_ecg_def()
        settings = {name for name, _ in ffi.typeof("resus_ecg_def").fields} - _ECG_DEF_BOOKKEEPING
        for name, on in artefacts.items():
            if name not in settings:
                raise TypeError(f"configure_ecg: unknown artefact '{name}'; known: {', '.join(sorted(settings))}")
            setattr(definition, name, int(bool(on)))
        definition.sample_rate_hz = int(sample_rate_hz)
        self._check(lib.resus_sim_ecg_configure(self.handle, definition))

    def ecg(self, lead: str | int = "II") -> np.ndarray:
        """Drains one lead's samples (mV, float32, oldest first) since it was last read. Each
        lead drains on its own and keeps the newest 8192 samples."""
        index = catalog.ecg_lead_index(lead)
        return self._drain(lib.resus_sim_ecg_available, lib.resus_sim_ecg_read, index)

    def configure_waveforms(self, sample_rate_hz: int = 125) -> None:
        """Switches every monitor waveform on at 50, 100, 125, 250 or 500 Hz (0: off)."""
        self._check(lib.resus_sim_waveforms_configure(self.handle, int(sample_rate_hz)))

    def waveform(self, wave: str | int) -> np.ndarray:
        """Drains one waveform's samples ("abp", "capnogram", ...; float32, in the wave's unit,
        ``resus.waves()``) since it was last read."""
        index = catalog.wave_index(wave)
        return self._drain(lib.resus_sim_waveform_available, lib.resus_sim_waveform_read, index)

    def _drain(self, available: Callable[..., int], read: Callable[..., int], index: int) -> np.ndarray:
        pending = ffi.new("int64_t*")
        self._check(available(self.handle, index, pending))
        out = np.empty(pending[0], dtype=np.float32)
        if len(out):
            count = ffi.new("int32_t*")
            self._check(read(self.handle, index, ffi.from_buffer("float[]", out), len(out), count))
            out = out[: count[0]]
        return out

    # ---- snapshots -----------------------------------------------------------------------

    def save(self) -> bytes:
        """The whole state as bytes (same build and architecture only; docs/abi.md)."""
        size = lib.resus_snapshot_size()
        buffer = ffi.new("char[]", size)
        self._check(lib.resus_sim_save(self.handle, buffer, size))
        return ffi.buffer(buffer)[:]

    def load(self, snapshot: bytes) -> None:
        """Restores a snapshot of a sim of an identical model; the sim then continues exactly as
        the saved one did. A bad snapshot raises ResusError and leaves the sim unchanged."""
        self._check(lib.resus_sim_load(self.handle, ffi.from_buffer(snapshot), len(snapshot)))

    def __repr__(self) -> str:
        state = "closed" if self._handle is None else f"t={self.time:g} s"
        return f"<resus.Sim seed={self.seed} {state}>"
