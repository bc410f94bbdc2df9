"""Scenario files (docs/scenario.md), read and checked as the ``resus`` command reads them.

The library parses and checks each action (``resus_action_parse_values``) and the patient
(``resus_model_create_json``); this module checks the rest of the file's shape, with messages
that start with the source and the JSON path of the offending field, like the command's.
"""
from __future__ import annotations

import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ._lib import ffi, lib, text
from .catalog import signal_index, step_seconds
from .errors import ResusError, thread_error

MAX_DURATION_S = 7 * 24 * 3600.0
# What the command records when "record" names no signals (cli/scenario.cpp, default_signals);
# the C API has no call for it.
DEFAULT_SIGNALS = ("hr_bpm", "sbp_mmHg", "dbp_mmHg", "map_mmHg", "pulse_pressure_mmHg",
                   "co_L_min", "cvp_mmHg", "blood_volume_mL")
_TOP_LEVEL_FIELDS = ("patient", "seed", "duration_s", "record", "print_interval_s", "actions")
_RECORD_FIELDS = ("interval_s", "signals")


@dataclass
class ScenarioAction:
    """One timed action, parsed by the library: its kind and every field's value in order."""

    index: int  # position in the file's "actions" list
    at_s: float
    name: str  # the "do" value
    kind: int
    values: list[float]


@dataclass
class Scenario:
    """A checked scenario: who, how long, what to record and which actions when."""

    source: str  # the file, or "<dict>"
    patient: dict[str, Any]
    seed: int = 1
    duration_s: float = 0.0
    record_interval_s: float = 1.0
    signals: list[str] = field(default_factory=lambda: list(DEFAULT_SIGNALS))
    print_interval_s: float = 60.0
    actions: list[ScenarioAction] = field(default_factory=list)


def steps(t_s: float) -> int:
    """Whole fixed steps in `t_s`, rounded half away from zero like the command's llround."""
    x = t_s / step_seconds()
    whole = math.floor(abs(x))
    return int(math.copysign(whole + (abs(x) - whole >= 0.5), x))


def load_scenario(scenario: Mapping[str, Any] | str | os.PathLike[str]) -> Scenario:
    """Reads and checks a scenario given as a dict or as the path of a JSON file.
    Raises ResusError naming the source and the JSON path of a bad field."""
    if isinstance(scenario, Mapping):
        return _Reader("<dict>").read(scenario)
    path = Path(scenario)
    try:
        root = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    except OSError as error:
        raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT, f"{path}: cannot read: {error.strerror}") from None
    except ValueError as error:  # malformed JSON, or a field twice
        raise ResusError(lib.RESUS_ERR_PARSE, f"{path}: malformed JSON: {error}") from None
    return _Reader(str(path)).read(root)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = Counter(key for key, _ in pairs)
    twice = [key for key, n in keys.items() if n > 1]
    if twice:
        raise ValueError(f"field '{twice[0]}' appears twice")
    return dict(pairs)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Reader:
    """Checks one scenario, prefixing every complaint with the source and the JSON path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, message: str, status: int = lib.RESUS_ERR_INVALID_ARGUMENT) -> ResusError:
        return ResusError(status, f"{self.source}: {message}")

    def time_value(self, value: Any, path: str, max_s: float) -> float:
        """A time in (0, max_s] that is a whole number of steps, so records land on steps."""
        if not _is_number(value):
            raise self.fail(f"{path}: expected a number, got {json.dumps(value)}", lib.RESUS_ERR_PARSE)
        t = float(value)
        if not 0.0 < t <= max_s:
            raise self.fail(f"{path} = {t:g} is out of range; valid range is (0, {max_s:g}] s")
        n = t / step_seconds()
        if abs(n - round(n)) > 1e-6:
            raise self.fail(f"{path} = {t:g} is not a whole number of {step_seconds():g} s steps")
        return t

    def read(self, root: Any) -> Scenario:
        if not isinstance(root, Mapping):
            raise self.fail("expected a JSON object at the top level", lib.RESUS_ERR_PARSE)
        self.known_fields(root, "", _TOP_LEVEL_FIELDS)
        patient = root.get("patient", {})
        if not isinstance(patient, Mapping):
            raise self.fail("patient: expected an object", lib.RESUS_ERR_PARSE)
        sc = Scenario(self.source, {"preset": "adult_male_70kg", **patient})
        seed = root.get("seed", 1)
        if not (isinstance(seed, int) and not isinstance(seed, bool) and 0 <= seed < 2**64):
            raise self.fail(f"seed: expected a non-negative integer, got {json.dumps(seed)}")
        sc.seed = seed
        if "duration_s" not in root:
            raise self.fail("duration_s: required, the run's length in seconds")
        sc.duration_s = self.time_value(root["duration_s"], "duration_s", MAX_DURATION_S)
        self.read_record(root.get("record", {}), sc)
        if "print_interval_s" in root:
            sc.print_interval_s = self.time_value(root["print_interval_s"], "print_interval_s", MAX_DURATION_S)
        self.read_actions(root.get("actions", []), sc)
        return sc

    def known_fields(self, obj: Mapping[str, Any], prefix: str, known: tuple[str, ...]) -> None:
        for key in obj:
            if key not in known:
                raise self.fail(f"{prefix}{key}: unknown field; known fields: {', '.join(known)}",
                                lib.RESUS_ERR_UNKNOWN_NAME)

    def read_record(self, record: Any, sc: Scenario) -> None:
        if not isinstance(record, Mapping):
            raise self.fail("record: expected an object", lib.RESUS_ERR_PARSE)
        self.known_fields(record, "record.", _RECORD_FIELDS)
        if "interval_s" in record:
            sc.record_interval_s = self.time_value(record["interval_s"], "record.interval_s", sc.duration_s)
        else:
            sc.record_interval_s = min(sc.record_interval_s, sc.duration_s)
        names = record.get("signals", DEFAULT_SIGNALS)
        if not isinstance(names, (list, tuple)):
            raise self.fail("record.signals: expected an array of signal names", lib.RESUS_ERR_PARSE)
        for i, name in enumerate(names):
            if not isinstance(name, str):
                raise self.fail(f"record.signals[{i}]: expected a signal name", lib.RESUS_ERR_PARSE)
            try:
                signal_index(name)
            except ResusError:
                raise self.fail(f"record.signals[{i}]: unknown signal {json.dumps(name)} (see resus.signals())",
                                lib.RESUS_ERR_UNKNOWN_NAME) from None
            if name in names[:i]:
                raise self.fail(f"record.signals[{i}]: signal '{name}' is listed twice")
        sc.signals = list(names)

    def read_actions(self, actions: Any, sc: Scenario) -> None:
        if not isinstance(actions, list):
            raise self.fail("actions: expected an array", lib.RESUS_ERR_PARSE)
        for i, item in enumerate(actions):
            path = f"actions[{i}]"
            if not isinstance(item, Mapping):
                raise self.fail(f"{path}: expected an object", lib.RESUS_ERR_PARSE)
            kind, values, at_s = self.parse_action(item, path)
            if math.isnan(at_s):
                raise self.fail(f"{path}.at_s: required, the time in seconds to apply the action")
            # An action at the very end would never be applied: the run stops on that boundary.
            if not 0.0 <= at_s < sc.duration_s:
                raise self.fail(f"{path}.at_s = {at_s:g} is out of range; valid range is "
                                f"[0, {sc.duration_s:g}) s (duration_s)")
            sc.actions.append(ScenarioAction(i, at_s, item["do"], kind, values))
        # Actions are fed to the sim as the run reaches them, but those at one step must fit
        # its queue together.
        per_step = Counter(steps(a.at_s) for a in sc.actions)
        for a in sc.actions:
            if per_step[steps(a.at_s)] > lib.RESUS_ACTION_QUEUE_CAPACITY:
                raise self.fail(f"actions[{a.index}].at_s = {a.at_s:g}: more than "
                                f"{lib.RESUS_ACTION_QUEUE_CAPACITY} actions at one time", lib.RESUS_ERR_CAPACITY)

    def parse_action(self, item: Mapping[str, Any], path: str) -> tuple[int, list[float], float]:
        """The library's parse: kind, every field's value (defaults filled in) and at_s."""
        kind, count, at_s = ffi.new("int32_t*"), ffi.new("int32_t*"), ffi.new("double*")
        values = ffi.new("double[]", lib.RESUS_ACTION_MAX_FIELDS)
        status = lib.resus_action_parse_values(json.dumps(item).encode(), kind, values,
                                               lib.RESUS_ACTION_MAX_FIELDS, count, at_s)
        if status != lib.RESUS_OK:
            message = text(thread_error())
            # The library names fields "action.<field>"; here they are "actions[i].<field>".
            if message.startswith(("action.", "action:")):
                message = path + message[len("action"):]
            else:
                message = f"{path}: {message}"
            raise self.fail(message, status)
        return int(kind[0]), list(values[0:count[0]]), float(at_s[0])
