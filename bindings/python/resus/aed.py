"""What a defibrillator reads from its pads (resus_aed_analyse, models/aed/README.md): shock or
no shock from 2-60 s of a pads ECG, never from a sim's rhythm label.

>>> import numpy as np, resus
>>> t = np.arange(0, 5, 1 / 250)
>>> resus.aed_analyse(0.25 * np.sin(2 * np.pi * 5 * t), 250)["advice"]
'shock'
>>> resus.aed_analyse(np.zeros(1250), 250)["asystole"]
True
"""
from __future__ import annotations

from typing import Any

import numpy as np

from ._lib import ffi, lib
from .errors import check

_FLAGS = ("asystole", "organised", "fibrillation", "rapid_wide")
_NUMBERS = ("rate_per_min", "amplitude_mV", "qrs_width_ms", "rr_variation", "tcsc_pct", "leakage",
            "regularity")


def aed_analyse(pads_mV: Any, sample_rate_hz: float) -> dict[str, Any]:
    """The finding for a segment of the pads lead (mV) taken at ``sample_rate_hz``: ``advice``
    ("shock" or "no_shock"), the flags asystole, organised, fibrillation and rapid_wide, the
    number of complexes and the features behind the advice. Raises ResusError (naming the
    argument, its value and the valid range) for a rate outside 100-10000 Hz, fewer than 2 or
    more than 60 s of samples, or a non-finite sample."""
    samples = np.ascontiguousarray(pads_mV, dtype=np.float32)
    if samples.ndim != 1:
        raise ValueError(f"pads_mV has shape {samples.shape}; a 1-D array of samples is required")
    finding = ffi.new("resus_aed_finding *", lib.resus_default_aed_finding())
    check(lib.resus_aed_analyse(ffi.from_buffer("float[]", samples), len(samples), float(sample_rate_hz),
                                finding))
    out: dict[str, Any] = {"advice": "shock" if finding.advice == lib.RESUS_AED_SHOCK else "no_shock"}
    out.update({name: bool(getattr(finding, name)) for name in _FLAGS})
    out["complexes"] = int(finding.complexes)
    out.update({name: float(getattr(finding, name)) for name in _NUMBERS})
    return out


__all__ = ["aed_analyse"]
