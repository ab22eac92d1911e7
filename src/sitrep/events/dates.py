"""Event dates: absolute and relative time expressions resolved against the article date by dateparser."""
from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Span, Token

from sitrep.events.context import clause_of
from sitrep.nlp import doc_text
from sitrep.tables import read_tsv

_GRANULARITIES = ("day", "week", "month", "year")
# a phrase without a written year never resolves further than this from the article date
_MAX_RELATIVE_YEARS = 2
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


@dataclass(frozen=True)
class DateCue:
    """A relative phrase dateparser cannot read, rewritten into one it can."""

    pattern: re.Pattern[str]
    rewrite: str
    granularity: str


@dataclass(frozen=True)
class DateResolver:
    """Reads time expressions near a trigger and resolves them; one dateparser call per expression."""

    cues: tuple[DateCue, ...]

    @classmethod
    def load(cls) -> "DateResolver":
        """Read event_date_cues.tsv."""
        cues = tuple(DateCue(re.compile(rf"\b{p}\b", re.I), r, g) for p, r, g in read_tsv("event_date_cues.tsv"))
        _parse("1 May 2022", None)  # dateparser reads its language data on first use: pay that at load time
        return cls(cues)

    def date_for(self, trigger: Token, article_date: str | None) -> tuple[str | None, str]:
        """The ISO date and granularity of the time expression nearest the trigger in its sentence."""
        base = _parse_base(article_date)
        sent = trigger.sent
        for text in self._expressions_by_distance(sent, trigger):
            resolved = self.resolve(text, base)
            if resolved[0] is not None:
                return resolved
        return None, "unknown"

    def resolve(self, text: str, base: datetime | None) -> tuple[str | None, str]:
        """Resolve one time expression; relative ones need the article date as base."""
        phrase, granularity = text.strip(), None
        for cue in self.cues:
            m = cue.pattern.search(phrase)
            if m:
                phrase, granularity = m.expand(cue.rewrite), m.expand(cue.granularity)
                break
        phrase = re.sub(r"^(on|in|at|since|by|during|from)\s+", "", phrase, flags=re.I)
        if base is None and not _YEAR.search(phrase):
            return None, "unknown"  # a relative date with nothing to anchor it is not a date
        data = _parse(phrase, base)
        if data is None:
            return None, "unknown"
        date_obj, period = data
        if base is not None and not _YEAR.search(phrase) and abs(date_obj.year - base.year) > _MAX_RELATIVE_YEARS:
            return None, "unknown"  # "the 80th day of the invasion" is not 1980: no year written, none that far
        granularity = granularity or (period if period in _GRANULARITIES else "day")
        return date_obj.date().isoformat(), granularity

    def _expressions_by_distance(self, sent: Span, trigger: Token) -> list[str]:
        """DATE/TIME entities and cue phrases in the trigger's clause, nearest to the trigger first.

        A trigger in a subordinate clause ('a ceremony today for a journalist who was killed') does not
        take the main clause's date; a main-clause trigger reads the whole sentence.
        """
        clause = clause_of(trigger)
        lo, hi = (sent.start_char, sent.end_char) if clause.dep_ == "ROOT" else _char_range(clause)
        found: list[tuple[int, str]] = []
        for start_char, text in _time_entities(sent):
            if lo <= start_char < hi:
                found.append((abs(start_char - trigger.idx), text))
        sent_text = sent.text  # Span.text walks every token: read it once, not once per cue
        for cue in self.cues:
            for m in cue.pattern.finditer(sent_text):
                if lo <= sent.start_char + m.start() < hi:
                    found.append((abs(sent.start_char + m.start() - trigger.idx), m.group(0)))
        return [text for _, text in sorted(found, key=lambda pair: pair[0])]



def _time_entities(sent: Span) -> list[tuple[int, str]]:
    """DATE/TIME entities of one sentence, read from its tokens (Span.ents walks every entity of the doc)."""
    found: list[tuple[int, str]] = []
    start: Token | None = None
    for token in [*sent, None]:
        inside = token is not None and token.ent_type_ in ("DATE", "TIME") and token.ent_iob_ == "I"
        if start is not None and not inside:
            last = token.doc[token.i - 1] if token is not None else sent[-1]
            found.append((start.idx, doc_text(start.doc)[start.idx:last.idx + len(last.text)]))
            start = None
        if token is not None and token.ent_type_ in ("DATE", "TIME") and token.ent_iob_ == "B":
            start = token
    return found


def _char_range(token: Token) -> tuple[int, int]:
    """Character range covered by a token's subtree."""
    sub = list(token.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


@lru_cache(maxsize=8192)
def _parse(phrase: str, base: datetime | None) -> tuple[datetime, str] | None:
    """Run dateparser with this article's base date; None when it cannot read the phrase.

    Cached (bounded): an article repeats its time expressions for every event of a sentence, and a corpus
    repeats "on Monday" for every article of one day; dateparser takes milliseconds per phrase.
    """
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _parse_base(article_date: str | None) -> datetime | None:
    """The article date at noon (so 'hours earlier' stays on the same day), or None."""
    if not article_date:
        return None
    try:
        day = datetime.fromisoformat(article_date[:10])
    except ValueError:
        return None
    return day.replace(hour=12)
