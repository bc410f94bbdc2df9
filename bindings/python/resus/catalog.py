"""What the library offers, read from its discovery calls: presets, parameters, signals, drugs,
rhythms, ECG leads and waveforms. Every table is the library's, read once and cached."""
from __future__ import annotations

import functools
from typing import Any, Callable, NamedTuple

from ._lib import ffi, lib, text
from .errors import check


class PresetInfo(NamedTuple):
    name: str
    description: str


class ParamInfo(NamedTuple):
    name: str
    unit: str
    min: float
    max: float
    description: str
    model: str  # "patient", "cardiovascular", ...


class SignalInfo(NamedTuple):
    name: str  # carries its unit, e.g. "map_mmHg"
    unit: str
    description: str


class DrugInfo(NamedTuple):
    name: str
    description: str  # preparation, usual adult dose, units, ceilings


class WaveInfo(NamedTuple):
    name: str
    unit: str


def version() -> str:
    """The library's version, "major.minor.patch"."""
    return text(lib.resus_version())


def step_seconds() -> float:
    """The engine's fixed integration step (0.002 s)."""
    return float(lib.resus_step_seconds())


@functools.cache
def enum_names(which: int) -> list[str]:
    """The names of a ``resus_enum`` (e.g. ``lib.RESUS_ENUM_RHYTHM``), by value."""
    return [text(lib.resus_enum_name(which, value)) for value in range(lib.resus_enum_count(which))]


def _table(count: int, read: Callable[[int], Any]) -> list[Any]:
    return [read(i) for i in range(count)]


@functools.cache
def presets() -> list[PresetInfo]:
    """The patient presets ("adult_male_70kg", ...)."""
    return _table(lib.resus_preset_count(), lambda i: PresetInfo(
        text(lib.resus_preset_name(i)), text(lib.resus_preset_description(i))))


@functools.cache
def params() -> list[ParamInfo]:
    """Every parameter of every model: the names a patient's ``overrides`` may use."""
    def read(i: int) -> ParamInfo:
        name, unit, description = (ffi.new("const char**") for _ in range(3))
        low, high = ffi.new("double*"), ffi.new("double*")
        check(lib.resus_param_info(i, name, unit, low, high, description))
        return ParamInfo(text(name[0]), text(unit[0]), low[0], high[0], text(description[0]),
                         text(lib.resus_param_model(i)))
    return _table(lib.resus_param_count(), read)


@functools.cache
def signals() -> list[SignalInfo]:
    """The signal catalogue, the same for every model, in index order."""
    def read(i: int) -> SignalInfo:
        name, unit, description = (ffi.new("const char**") for _ in range(3))
        check(lib.resus_signal_info(i, name, unit, description))
        return SignalInfo(text(name[0]), text(unit[0]), text(description[0]))
    return _table(lib.resus_signal_count(), read)


@functools.cache
def signal_index(name: str) -> int:
    """A signal's index by name; raises ResusError (unknown_name) for an unknown one."""
    index = ffi.new("int32_t*")
    check(lib.resus_signal_find(name.encode(), index))
    return int(index[0])


@functools.cache
def drugs() -> list[DrugInfo]:
    """The drugs, in the order of the drug actions' ``drug`` values."""
    def read(i: int) -> DrugInfo:
        name, description = ffi.new("const char**"), ffi.new("const char**")
        check(lib.resus_drug_info(i, name, description))
        return DrugInfo(text(name[0]), text(description[0]))
    return _table(lib.resus_drug_count(), read)


@functools.cache
def rhythms() -> list[str]:
    """Rhythm names by ``resus_rhythm`` value (the ``rhythm_id`` signal's values)."""
    return _table(lib.resus_rhythm_count(), lambda i: text(lib.resus_rhythm_name(i)))


@functools.cache
def ecg_leads() -> list[str]:
    """ECG lead names by index: I, II, III, aVR, aVL, aVF, V1..V6, pads."""
    return _table(lib.resus_ecg_lead_count(), lambda i: text(lib.resus_ecg_lead_name(i)))


@functools.cache
def waves() -> list[WaveInfo]:
    """Monitor waveforms by index ("abp", "pleth", "capnogram", ...)."""
    return _table(lib.resus_wave_count(), lambda i: WaveInfo(
        text(lib.resus_wave_name(i)), text(lib.resus_wave_unit(i))))


def ecg_lead_index(lead: str | int) -> int:
    """A lead's index from its name ("II") or index."""
    if isinstance(lead, int):
        return lead
    index = ffi.new("int32_t*")
    check(lib.resus_ecg_lead_find(lead.encode(), index))
    return int(index[0])


def wave_index(wave: str | int) -> int:
    """A waveform's index from its name ("abp") or index."""
    if isinstance(wave, int):
        return wave
    index = ffi.new("int32_t*")
    check(lib.resus_wave_find(wave.encode(), index))
    return int(index[0])
