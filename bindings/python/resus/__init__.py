"""resus: a real-time physiology engine for advanced life support, from Python.

A binding of the public C API (``resus/resus.h``) through cffi's ABI mode. Actions, their fields,
enum names, signals and drugs all come from the library's own discovery calls.

>>> import resus
>>> m = resus.Model("adult_male_70kg")
>>> with m.sim(seed=1) as s:
...     s.advance(60)
...     s.apply("rhythm", rhythm="vf_coarse")
...     s.advance(20)
...     s.signal("map_mmHg") < 30
True
>>> df = resus.run("examples/scenarios/hemorrhage.json")  # like `resus run ... --csv -`
"""
from __future__ import annotations

from .actions import ActionSpec, AliasSpec, FieldSpec, action, actions
from .aed import aed_analyse
from .batch import batch, draw
from .env import ArrestEnv
from .catalog import (DrugInfo, ParamInfo, PresetInfo, SignalInfo, WaveInfo, drugs, ecg_leads, params,
                      presets, rhythms, signals, step_seconds, version, waves)
from .errors import ResusError
from .model import Model
from .run import run
from .scenario import Scenario, load_scenario
from .sim import Sim
from .team import PERCEIVED, Bedside

__version__ = version()

__all__ = [
    "ActionSpec", "AliasSpec", "ArrestEnv", "Bedside", "DrugInfo", "FieldSpec", "Model", "ParamInfo", "PresetInfo", "ResusError",
    "Scenario", "SignalInfo", "Sim", "WaveInfo", "action", "actions", "drugs", "ecg_leads", "load_scenario",
    "PERCEIVED", "aed_analyse", "batch", "draw", "params", "presets", "rhythms", "run", "signals", "step_seconds", "version", "waves",
]
