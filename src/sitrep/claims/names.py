"""The named participants of a claim's sentence ("Kristalina Georgieva", "G7", "Azovstal"): what a claim
with no precise place is matched on, so a call, a visit or a summit told in two addresses can be one claim."""
from __future__ import annotations

import re

# titles and forms of address name an office, not who holds it ("President" alone is any president)
TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "madam", "dear", "president", "prime", "minister", "ministers", "secretary",
    "general", "secretary-general", "chancellor", "director", "managing", "chairman", "speaker", "king", "queen",
    "pope",
    "foreign", "affairs", "defense", "defence", "head", "deputy", "first", "lady", "his", "her", "holiness",
    "excellency", "ambassador", "commissioner", "leader", "leaders", "mayor", "governor"})
# calendar words are dates, not participants ("On February 24", "This Sunday")
CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "easter", "christmas"})
# a run of capitalised words ("Kristalina Georgieva", "UN Security Council", "G7"); "of the" ends a run
_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z0-9]{2,})(?:\s+(?:[A-Z][\w'’.-]*|[A-Z0-9]{2,}))*")


def participant_names(sentence: str, exclude: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The lower-cased names in a sentence, titles and calendar words dropped, excluded words (places, the
    actor's own name, words every report shares) removed; a lone capitalised first word is no name."""
    out: dict[str, None] = {}
    for m in _RUN.finditer(sentence):
        words = [re.sub(r"['’]s$", "", w.strip(".,'’")).lower() for w in m.group(0).split()]  # "Ukraine's"
        if m.start() == _first_letter(sentence) and len(words) < 2:
            continue  # "Virtually, we evacuated ...": sentence case, not a name
        kept = [w for w in words if w and w not in TITLES and w not in CALENDAR and w not in exclude]
        if kept and not all(w.isdigit() for w in kept):
            out[" ".join(kept)] = None
    return tuple(out)


def _first_letter(text: str) -> int:
    """The offset of the first letter or digit of a sentence (after quotes, asterisks and spaces)."""
    m = re.search(r"[^\W_]", text)
    return m.start() if m else 0


def names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when the two sentences name one participant: the same name, or one name inside the other with at
    least two words ("Kristalina Georgieva" in "International Monetary Fund Kristalina Georgieva").

    A lone word must be the whole name on both sides: "Council" is not the "UN Security Council".
    """
    for x in a:
        for y in b:
            if x == y:
                return True
            wx, wy = x.split(), y.split()
            short, long_ = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
            if len(short) >= 2 and _inside(short, long_):
                return True
    return False


def _inside(short: list[str], long_: list[str]) -> bool:
    """True when the words of `short` run, in order and adjoining, inside `long_`."""
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))
