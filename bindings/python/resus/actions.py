"""Actions as the library's table describes them: every kind's fields, their types, ranges,
defaults and enum names, read from the discovery calls. Nothing here is written per action, so a
kind the library adds is usable by name at once."""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any, Mapping

from ._lib import ffi, lib, optional_text, text
from .catalog import enum_names
from .errors import ResusError, check


@dataclass(frozen=True)
class FieldSpec:
    """One field of an action kind (``resus_action_field_info`` and ``_rules``)."""

    name: str
    index: int
    type: str  # "number", "integer", "boolean" or "enum"
    unit: str  # "" when none
    min: float
    max: float
    default: float  # NaN when required
    required: bool
    zero_is_default: bool  # 0 stands for the default
    min_exclusive: bool  # the range is (min, max]
    choices: tuple[str, ...]  # an enum's value names, by value
    description: str
    applies_when: tuple[str, tuple[str, ...]] | None  # (other field, its values), None: always

    def encode(self, value: Any) -> float:
        """The value the C API takes: an enum's name becomes its index, None the default (NaN)."""
        if value is None:
            return math.nan
        if isinstance(value, str):
            if self.type != "enum":
                raise ResusError(lib.RESUS_ERR_PARSE, f"{self.name}: expected a number, got '{value}'")
            if value not in self.choices:
                raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT,
                                 f"{self.name}: '{value}' is not one of {', '.join(self.choices)}")
            return float(self.choices.index(value))
        try:
            return float(value)  # True/False become 1/0; the library checks ranges
        except (TypeError, ValueError):
            raise ResusError(lib.RESUS_ERR_PARSE,
                             f"{self.name}: expected a number, got {type(value).__name__}") from None


@dataclass(frozen=True)
class AliasSpec:
    """A named choice that sets a field (oxygen ``source="non_rebreather"`` sets fio2 0.8)."""

    name: str
    field: str
    description: str
    choices: Mapping[str, float]


@dataclass(frozen=True)
class ActionSpec:
    """An action kind: its name, number and fields, from the library's table."""

    name: str
    kind: int
    summary: str
    rules: str  # rules across fields, in words ("" when none)
    fields: tuple[FieldSpec, ...]
    aliases: tuple[AliasSpec, ...]

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise ResusError(lib.RESUS_ERR_UNKNOWN_NAME, f"{self.name}: unknown field '{name}'; "
                         f"known fields: {', '.join(self.known_names()) or 'none'}")

    def known_names(self) -> list[str]:
        return [f.name for f in self.fields] + [a.name for a in self.aliases]

    def values(self, **fields: Any) -> list[float]:
        """Keyword arguments as the array of values in field order (NaN: the field's default).
        Unknown names and enum names raise ResusError; ranges are the library's to check."""
        values = [math.nan] * len(self.fields)
        given: dict[str, str] = {}  # field -> the keyword that set it
        aliases = {a.name: a for a in self.aliases}
        for key, value in fields.items():
            alias = aliases.get(key)
            spec = self.field(alias.field if alias else key)
            if spec.name in given:
                raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT,
                                 f"{self.name}: give one of {given[spec.name]} and {key}")
            given[spec.name] = key
            values[spec.index] = _alias_value(alias, value) if alias else spec.encode(value)
        return values


def _alias_value(alias: AliasSpec, choice: Any) -> float:
    if choice not in alias.choices:
        raise ResusError(lib.RESUS_ERR_INVALID_ARGUMENT,
                         f"{alias.name}: '{choice}' is not one of {', '.join(alias.choices)}")
    return alias.choices[choice]


def _names(read: Any) -> tuple[str, ...]:
    """Reads a table that ends with NULL: read(0), read(1), ..."""
    names: list[str] = []
    while (name := optional_text(read(len(names)))) is not None:
        names.append(name)
    return tuple(names)


def _field(kind: int, index: int, field_types: list[str]) -> FieldSpec:
    name, unit, description = (ffi.new("const char**") for _ in range(3))
    field_type, flags, when_field = (ffi.new("int32_t*") for _ in range(3))
    low, high, default = (ffi.new("double*") for _ in range(3))
    when_mask = ffi.new("uint32_t*")
    check(lib.resus_action_field_info(kind, index, name, unit, field_type, low, high, default))
    check(lib.resus_action_field_rules(kind, index, flags, when_field, when_mask, description))
    choices = _names(lambda value: lib.resus_action_field_enum_name(kind, index, value))
    applies_when = None
    if when_field[0] >= 0:
        other = when_field[0]
        other_names = _names(lambda value: lib.resus_action_field_enum_name(kind, other, value))
        bits = [v for v in range(32) if when_mask[0] >> v & 1]
        applies_when = (_field_name(kind, other),
                        tuple(other_names[v] if v < len(other_names) else str(v) for v in bits))
    return FieldSpec(
        name=text(name[0]), index=index, type=field_types[field_type[0]], unit=text(unit[0]),
        min=low[0], max=high[0], default=default[0],
        required=bool(flags[0] & lib.RESUS_FIELD_REQUIRED),
        zero_is_default=bool(flags[0] & lib.RESUS_FIELD_ZERO_IS_DEFAULT),
        min_exclusive=bool(flags[0] & lib.RESUS_FIELD_MIN_EXCLUSIVE),
        choices=choices, description=text(description[0]), applies_when=applies_when)


def _field_name(kind: int, index: int) -> str:
    name = ffi.new("const char**")
    check(lib.resus_action_field_info(kind, index, name, ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL, ffi.NULL))
    return text(name[0])


def _alias(kind: int, index: int, fields: tuple[FieldSpec, ...]) -> AliasSpec:
    name, description = ffi.new("const char**"), ffi.new("const char**")
    field = ffi.new("int32_t*")
    check(lib.resus_action_alias_info(kind, index, name, field, description))
    value = ffi.new("double*")
    choices: dict[str, float] = {}
    while (choice := optional_text(lib.resus_action_alias_choice(kind, index, len(choices), value))) is not None:
        choices[choice] = value[0]
    return AliasSpec(text(name[0]), fields[field[0]].name, text(description[0]), choices)


@functools.cache
def _spec(kind: int) -> ActionSpec:
    field_types = enum_names(lib.RESUS_ENUM_FIELD_TYPE)
    fields = tuple(_field(kind, i, field_types) for i in range(lib.resus_action_field_count(kind)))
    summary, rules = ffi.new("const char**"), ffi.new("const char**")
    check(lib.resus_action_summary(kind, summary, rules))
    aliases = tuple(_alias(kind, i, fields) for i in range(lib.resus_action_alias_count(kind)))
    name = text(lib.resus_enum_name(lib.RESUS_ENUM_ACTION_KIND, kind))
    return ActionSpec(name, kind, text(summary[0]), text(rules[0]), fields, aliases)


def action(name: str) -> ActionSpec:
    """An action kind by name ("drug", "cpr_start"); raises ResusError for an unknown one."""
    kind = ffi.new("int32_t*")
    check(lib.resus_action_find(name.encode(), kind))
    return _spec(int(kind[0]))


def actions() -> list[ActionSpec]:
    """Every action kind, in kind order (kind 1 first)."""
    return [_spec(kind) for kind in range(1, lib.resus_action_count() + 1)]
