"""Events and beats as plain dicts, their kinds and enum values by name."""
from __future__ import annotations

from typing import Any

from ._lib import lib
from .catalog import enum_names

# The resus_enum that names an event's `detail`, for the kinds whose detail is one (resus.h).
_DETAIL_ENUM = {
    "action_applied": lib.RESUS_ENUM_ACTION_KIND,
    "rhythm_changed": lib.RESUS_ENUM_RHYTHM,
    "shock_delivered": lib.RESUS_ENUM_SHOCK_OUTCOME,
}


def _name(which: int, value: int) -> str | None:
    names = enum_names(which)
    return names[value] if 0 <= value < len(names) else None


def event_dict(event: Any) -> dict[str, Any]:
    """A ``resus_event`` as ``{"time_s", "kind", "detail", "detail_name", "value"}``: `kind` by
    name (its number if this library has no name for it), `detail_name` the detail's name when
    the kind's detail is an enum value (the action, the new rhythm, the shock's outcome)."""
    kind = _name(lib.RESUS_ENUM_EVENT_KIND, event.kind) or str(event.kind)
    which = _DETAIL_ENUM.get(kind)
    return {
        "time_s": event.time_s,
        "kind": kind,
        "detail": event.detail,
        "detail_name": _name(which, event.detail) if which is not None else None,
        "value": event.value,
    }


def beat_dict(beat: Any) -> dict[str, Any]:
    """A ``resus_beat`` (a ventricular activation) as ``{"time_s", "origin", "rhythm", "rr_s"}``;
    origin 0 conducted, 1 ectopic, 2 escape, 3 paced; the rhythm by name."""
    return {
        "time_s": beat.time_s,
        "origin": beat.origin,
        "rhythm": _name(lib.RESUS_ENUM_RHYTHM, beat.rhythm) or str(beat.rhythm),
        "rr_s": beat.rr_s,
    }
