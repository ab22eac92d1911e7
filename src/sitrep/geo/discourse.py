"""Toponyms that news conventions and the rest of the document reveal, beyond one mention's own evidence.

* **Parts of an unknown NER place**: the model often tags a whole institution or a direction-prefixed name
  as a place ("Guernsey County Courthouse", "Northeast Georgia", "West Virginia Democratic Party"); when the
  gazetteer lacks the whole span, the names inside it are the places ("Guernsey County", "Georgia").
* **One sense per discourse** (Gale, Church & Yarowsky 1992): a name the document uses as a place keeps that
  sense in its other mentions, even where they alone are weak evidence ("New London Police Department",
  "the Mount Pleasant High School" after "in New London", "of Mount Pleasant").
* **Datelines**: wire and local stories open with the place they were filed from, in capitals, before a dash
  ("COLUMBIA — ...", "HURRICANE, W.Va. - ...", "PLEASANTON, Calif.--"): capitals there are a name, not shouting.
* **Party and home town**: US political copy writes a legislator's party and home town or state together
  ("Sen. Byron Dorgan, D-N.D.,", "Rep. Torrey Westrom, R-Elbow Lake,").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from sitrep.geo.candidates import Toponym, find_candidates
from sitrep.geo.evidence import is_common_word, is_famous_city, names_an_area
from sitrep.geo.gazetteer import Gazetteer

# a capitalised dateline at the start of the text, a line, or after the headline's full stop; an optional
# ", State" and wire tag, then a dash
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,3})"
    r"(?:,\s(?P<state>[A-Z][A-Za-z.]+(?:\s?[A-Z][A-Za-z.]+)?))?\s*(?:\([A-Z]+\)\s*)?(?:—|–|--|-\s)")
# "D-N.D.", "R-Elbow Lake", "DFL-Cook": a party letter and a home town or state, inside commas or brackets
_PARTY_HOME = re.compile(r"(?:(?<=, )|(?<=\())(?:D|R|I|DFL)-(?P<words>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s*$")
_NAME_END = re.compile(r"^(?:\s?[,);]|\s—|\.?\s|\.?$)")  # what may follow the home town: "D-N.D., said", "R-Elbow Lake)"


def parts_of_unknown_span(doc: Doc, span: Span, gazetteer: Gazetteer, scan) -> list[Toponym]:
    """The gazetteer names inside a NER place span that the gazetteer lacks as a whole ("Northeast Georgia")."""
    return [t for t in scan(doc, span.start, span.end, gazetteer) if _plausible_part(t, gazetteer)]


def _plausible_part(toponym: Toponym, gazetteer: Gazetteer) -> bool:
    """A name inside a place span is a place unless it is an adjective, a stop word or an ordinary word."""
    terms = gazetteer.terms
    abbreviation = toponym.text.isupper() or "." in toponym.text
    if toponym.key in gazetteer.nationalities and not abbreviation:
        return False
    if toponym.text in terms.not_alone or toponym.text.split()[0] in terms.not_place or len(toponym.key) < 3 and not abbreviation:
        return False
    if not toponym.suffix and all(e.how == "short" for e in toponym.candidates):
        return False  # "Court" reaching only a county by dropping "County"
    if is_common_word(toponym.text) and not any(names_an_area(e) or is_famous_city(e, toponym.text) for e in toponym.candidates):
        return False
    return True


def dateline_toponyms(text: str, gazetteer: Gazetteer, head_chars: int = 400) -> list[Toponym]:
    """The place a story was filed from, as its dateline writes it ("COLUMBIA —", "HURRICANE, W.Va. -")."""
    out: list[Toponym] = []
    for match in _DATELINE.finditer(text[:head_chars]):
        name = match.group("name").rstrip(" -")
        if sum(ch.isalpha() for ch in name) < 3:
            continue
        start = match.start("name")
        town = find_candidates(name, start, start + len(name), gazetteer, fuzzy=False, variants=False)
        if not town.candidates or all(e.how == "short" for e in town.candidates):
            continue
        out.append(town)
        if match.group("state"):
            state = _area_named(match.group("state"), match.start("state"), gazetteer)
            if state is not None:
                out.append(state)
        break  # one dateline per story
    return out


def party_home_toponyms(text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """Home towns and states written after a legislator's party letter ("D-N.D.", "R-Elbow Lake")."""
    out = []
    for match in _PARTY_HOME.finditer(text):
        words, start = match.group("words").split(" "), match.start("words")
        for n in range(len(words), 0, -1):  # longest first: "R-Elbow Lake", then "D-N.D." before "Rep."
            name = " ".join(words[:n])
            if not _NAME_END.match(text[start + len(name):start + len(name) + 3]):
                continue
            toponym = find_candidates(name, start, start + len(name), gazetteer, fuzzy=False, variants=False)
            if toponym.candidates and not all(e.how == "short" for e in toponym.candidates):
                out.append(toponym)
                break
    return out


def _area_named(name: str, start: int, gazetteer: Gazetteer) -> Toponym | None:
    """The state or country a dateline names after its town ("W.Va.", "Calif.", "Ohio"), or None."""
    name = name.strip()
    toponym = find_candidates(name, start, start + len(name), gazetteer, fuzzy=False, variants=False)
    if any(e.precision in ("admin1", "country") for e in toponym.candidates):
        return toponym
    return None


def same_sense_mentions(found: list[Toponym], rejected: list[Toponym]) -> list[Toponym]:
    """Rejected mentions of a name the document already uses as a place (one sense per discourse)."""
    senses = {t.key for t in found if t.candidates}
    return [t for t in rejected if t.key in senses and t.candidates]


def free_of(toponym: Toponym, taken: list[tuple[int, int]]) -> bool:
    """True when the toponym overlaps none of the taken character ranges."""
    return not any(toponym.start < e and s < toponym.end for s, e in taken)


def accept_listed_with_places(text: str, weak: list[Toponym], found: dict[tuple[int, int], Toponym]) -> None:
    """A small town listed beside places ("Lysychansk, Popasna, Kramatorsk") is a place too."""
    changed = True
    while changed and weak:
        changed = False
        ends = {t.end for t in found.values()}
        starts = {t.start for t in found.values()}
        for toponym in list(weak):
            before = next((e for e in ends if e <= toponym.start and _LIST_GAP.match(text[e:toponym.start])), None)
            after = next((s for s in starts if s >= toponym.end and _LIST_GAP.match(text[toponym.end:s])), None)
            if before is not None or after is not None:
                found[(toponym.start, toponym.end)] = toponym
                weak.remove(toponym)
                changed = True
