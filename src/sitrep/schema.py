"""JSON Schema of the report, derived from the record dataclasses so it cannot drift from them."""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from sitrep import records
from sitrep.records import SCHEMA_VERSION, Report

_SCALARS = {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}}


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """JSON Schema for one type annotation, registering record classes in `defs`."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_of(arg, defs) for arg in typing.get_args(tp)]}
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(tp)[0], defs)}
    if tp is type(None):
        return {"type": "null"}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            hints = typing.get_type_hints(tp, vars(records))
            defs[name] = {
                "type": "object",
                "description": (tp.__doc__ or "").strip().splitlines()[0],
                "properties": {f.name: _schema_of(hints[f.name], defs) for f in dataclasses.fields(tp)},
                "required": [f.name for f in dataclasses.fields(tp)],
            }
        return {"$ref": f"#/$defs/{name}"}
    return {}


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that `sitrep analyze --json` output validates against."""
    defs: dict[str, Any] = {}
    _schema_of(Report, defs)
    root = dict(defs.pop("Report"))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://sitrep.dev/schema/report-{SCHEMA_VERSION}.json",
            "title": f"sitrep report (schema_version {SCHEMA_VERSION})", **root, "$defs": defs}
