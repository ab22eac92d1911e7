"""Name normalisation and transliteration skeletons, so spelling variants of one place meet."""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from unidecode import unidecode

from sitrep.tables import read_tsv

_APOSTROPHES = re.compile(r"[’'ʼ`´‘ʹʺ\"]")
_DASHES = re.compile(r"[\-‐‑‒–—_/]+")
_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"\s+")
_LATIN_OK = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF’'ʼ`\-.()]+$")


def normalize(name: str) -> str:
    """The lookup key of a name: ASCII, lower case, no apostrophes or dots, hyphens as spaces."""
    text = _APOSTROPHES.sub("", name)
    text = unidecode(text).lower()
    text = _APOSTROPHES.sub("", text)  # unidecode can produce new apostrophes (soft signs)
    text = _DOTS.sub("", _DASHES.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def is_latin_name(name: str) -> bool:
    """True for names written in Latin script (the only ones English text can contain)."""
    return bool(_LATIN_OK.match(name)) and any(ch.isalpha() for ch in name)


@dataclass(frozen=True, slots=True)
class TranslitRules:
    """Ordered regex rewrites (from data/translit_rules.tsv) that reduce a key to its skeleton."""

    rules: tuple[tuple[re.Pattern[str], str], ...]
    countries: frozenset[str] = frozenset()  # ISO-2 codes whose names the rules are about

    @classmethod
    def load(cls) -> "TranslitRules":
        """Read the packaged rule table and the countries it applies to."""
        text = resources.files("sitrep.data").joinpath("translit_rules.tsv").read_text(encoding="utf-8")
        rules = []
        rows = [line for line in text.splitlines() if line and not line.startswith("#")]
        for line in rows[1:]:  # the first row is the header
            pattern, replacement = (line.split("\t") + ["", ""])[:2]
            rules.append((re.compile(pattern), replacement.replace("\\1", r"\1")))
        countries = frozenset(row[0] for row in read_tsv("translit_countries.tsv"))
        return cls(tuple(rules), countries)

    def skeleton(self, key: str) -> str:
        """Apply every rule in order to a normalised key; variants of one name share a skeleton."""
        text = key
        for pattern, replacement in self.rules:
            text = pattern.sub(replacement, text)
        return text
