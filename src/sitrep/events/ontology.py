"""The PLOVER ontology as data: types, modes, CAMEO crosswalk, quad class and conflict score."""
from __future__ import annotations

from dataclasses import dataclass

from sitrep.errors import MissingDataError
from sitrep.tables import read_tsv

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type with its CAMEO roots, quad class and Goldstein-like score."""

    name: str
    quad_class: int
    score: float
    cameo_roots: tuple[str, ...]
    definition: str


@dataclass(frozen=True, slots=True)
class PloverMode:
    """A sub-type of a PLOVER type and the CAMEO code it corresponds to."""

    type: str
    name: str
    cameo: str
    definition: str


@dataclass(frozen=True, slots=True)
class Ontology:
    """All PLOVER types and modes, keyed for lookup."""

    types: dict[str, PloverType]
    modes: dict[tuple[str, str], PloverMode]

    @classmethod
    def load(cls) -> "Ontology":
        """Read plover_types.tsv and plover_modes.tsv from the package data."""
        types = {}
        for name, quad, score, roots, definition in read_tsv("plover_types.tsv"):
            types[name] = PloverType(name, int(quad), float(score), tuple(roots.split(",")), definition)
        missing = set(PLOVER_TYPES) - set(types)
        if missing:
            raise MissingDataError(f"plover_types.tsv lacks {sorted(missing)}; reinstall sitrep")
        modes = {}
        for typ, mode, cameo, definition in read_tsv("plover_modes.tsv"):
            if typ not in types:
                raise MissingDataError(f"plover_modes.tsv names unknown type {typ!r}; fix the table")
            modes[(typ, mode)] = PloverMode(typ, mode, cameo, definition)
        return cls(types, modes)

    def cameo_code(self, event_type: str, mode: str | None) -> str:
        """The CAMEO code for a type and mode: the mode's code, else the type's first root."""
        found = self.modes.get((event_type, mode or ""))
        return found.cameo if found else self.types[event_type].cameo_roots[0]

    def has_mode(self, event_type: str, mode: str) -> bool:
        """True when `mode` is a declared mode of `event_type`."""
        return (event_type, mode) in self.modes
