"""Which days a claim's sentence refers to, and whether it states one occurrence at all.

A daily address says "today", "yesterday", "another strike", "the missile strikes at Odesa are ...": the
words, not only the parsed date, tell which occurrence is meant. Two mentions are one occurrence only when
the days they refer to meet; a sentence about a series or a standing situation refers to no one occurrence.
"""
from __future__ import annotations

import datetime as dt
import re

from sitrep.claims.records import DateWindow

# an address published in the small hours (00:00-04:59) still says "today" of the evening before
EARLY_HOURS = 5
_TODAY = re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening|night))\b", re.I)
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b", re.I)
# "another strike", "struck again": a new occurrence of a repeated act, so never an earlier day's one
_NEW = re.compile(r"\b(another|again|once more|one more)\b", re.I)
# a situation that goes on over days ("keep shelling", "do not stop", "every day") is no single occurrence
_STANDING = re.compile(r"\b(keeps?|kept|keeping|continues?|continued|continuing|every day|each day|daily|"
                       r"constantly|day after day|(?:do|does|did) not stop|never stop)\b"
                       # "troops are destroying Mariupol": an act going on, not one that happened
                       r"|\b(?:is|are)\s+(?:\w+ly\s+|still\s+|now\s+)?(?!(?:no|some|any|every)thing\b)\w{3,}ing\b",
                       re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
# the nouns of violent acts whose plural names a series ("the missile strikes at Odesa are an imitation")
PLURAL_ACTS = frozenset({
    "strikes", "attacks", "shellings", "bombings", "bombardments", "killings", "murders", "massacres",
    "explosions", "raids", "assaults", "tortures", "executions", "battles", "airstrikes"})
# words before a plural act word that make it a verb ("Russia strikes", "it attacks"), not a noun
_SUBJECTS = frozenset({"it", "he", "she", "who", "which", "that", "russia", "ukraine", "army", "enemy"})
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def referenced_days(sentence: str, article_day: dt.date | None, published: str | None) -> DateWindow | None:
    """The days a sentence's "today"/"yesterday" refers to, from its article's day; None when it says neither.

    "Yesterday" wins over "today" in one sentence ("today it became known that yesterday ..." is about
    yesterday); a small-hours publication widens the day back by one.
    """
    if article_day is None:
        return None
    if _YESTERDAY.search(sentence):
        day = article_day - dt.timedelta(days=1)
    elif _TODAY.search(sentence):
        day = article_day
    else:
        return None
    first = day - dt.timedelta(days=1) if _published_early(published) else day
    return DateWindow(first, day)


def marks_new_occurrence(sentence: str) -> bool:
    """True when the sentence presents its act as one more of a series ("another missile strike")."""
    return bool(_NEW.search(sentence))


def is_generic(sentence: str) -> bool:
    """True when an undated sentence speaks of a series or a standing situation, not of one occurrence.

    "The missile strikes at Odesa are an imitation" names many strikes, "Russia strikes Odesa" one (the word
    before a plural act word tells a noun from a verb). A sentence that says which day ("today") is never
    generic. The sentence's words decide, not the event's trigger, which a stored event does not keep.
    """
    if _TODAY.search(sentence) or _YESTERDAY.search(sentence):
        return False
    if _STANDING.search(sentence) or starts_period(sentence):
        return True
    words = [w.lower() for w in _WORDS.findall(sentence)]
    return any(w in PLURAL_ACTS and (i == 0 or words[i - 1] not in _SUBJECTS) for i, w in enumerate(words))


def starts_period(sentence: str) -> bool:
    """True when the sentence counts from a date on ("killed since February 24"): a period, not a day."""
    return bool(_SINCE.search(sentence))


def _published_early(published: str | None) -> bool:
    """True when an ISO timestamp's hour is before EARLY_HOURS (a date alone says nothing of the hour)."""
    if not published or len(published) < 13 or published[10] not in "T ":
        return False
    try:
        return int(published[11:13]) < EARLY_HOURS
    except ValueError:
        return False
