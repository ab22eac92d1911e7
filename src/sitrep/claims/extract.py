"""Claims from one Report: every event, control of a place, stated intentions, counts, and quotations."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from urllib.parse import urlparse

from sitrep.checks.text import sentence_bounds
from sitrep.claims.figures import figure_lexicon, find_figures
from sitrep.claims.names import participant_names
from sitrep.claims.records import Claim, DateWindow, Figure
from sitrep.claims.when import is_generic, marks_new_occurrence, referenced_days, starts_period
from sitrep.corpus.cluster import COARSE_PRECISIONS, actor_key
from sitrep.records import ActorRef, Attribution, Event, Evidence, Report
from sitrep.store.writer import parse_day

# an undated claim refers to the days just before its article's date (news reports what just happened)
UNDATED_LOOKBACK_DAYS = 1  # 3 let "another strike at Odesa" two days later join the first (claims audit)
# a day-precise date may be off by one (time zones, "overnight", "yesterday" in a late report)
DAY_TOLERANCE = 1
MIN_QUOTE_WORDS = 5  # shorter quotations ("a fabrication") say too little to be matched
# "14-year-old" keeps its number: a 14-year-old boy and a 17-year-old girl are two people
_WORD = re.compile(r"\d+-[^\W\d_][\w'’-]*|[^\W\d_][\w'’-]*", re.UNICODE)
# words every war report shares, so two sentences sharing one tell nothing (the actor is compared apart)
COMMON_WORDS = frozenset({
    "when", "what", "where", "all", "there", "them", "these", "those", "such", "other", "any", "some", "even",
    "just", "very", "more", "most", "only", "now", "then", "than", "can", "could", "did", "does", "how", "why",
    "about", "over", "again", "another", "today", "yesterday", "tonight", "morning", "evening", "day", "days",
    "russian", "russia", "russians", "ukraine", "ukrainian", "ukrainians", "city", "cities", "country",
    "state", "people", "war", "troops", "military", "army", "occupiers", "invaders", "we", "you", "she", "him"})

_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b")
# words that start or fill a capitalised run without naming anyone ("This Sunday I spoke", "The G7")
_NOT_NAMES = COMMON_WORDS | {"i", "the", "this", "that", "a", "an", "our", "my", "we", "and", "of", "on", "in", "at",
                             "for", "to", "by", "with", "from", "during", "as", "but", "so", "if", "while"}


def claims_from_report(report: Report) -> tuple[Claim, ...]:
    """Every claim of a report, events first, then counts outside any event's sentence, then quotations."""
    a = report.article
    day = parse_day(a.date)
    outlet = outlet_of(a.source, a.url)
    coarse = {p.geonameid for p in report.places if p.geonameid is not None and p.precision in COARSE_PRECISIONS}
    out: list[Claim] = []
    seen: set[tuple] = set()
    for i, e in enumerate(report.events):
        claim = _event_claim(report, e, i, day, outlet, coarse)
        if claim is None:
            continue
        key = (claim.kind, claim.type, claim.actor, claim.recipient, claim.place, claim.modality, claim.evidence.start)
        if key not in seen:  # folded duplicates of one statement (a noun and its verb) make one claim
            seen.add(key)
            out.append(claim)
    out = inherit_scene(a.text, out, a.speaker)
    out.extend(_figure_claims(report, out, day, outlet, coarse))
    out.extend(_quote_claims(report, day, outlet))
    return tuple(out)


def outlet_of(source: str | None, url: str | None) -> str | None:
    """Who published an article: its source field, else the host of its URL without 'www.'."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def content_words(text: str) -> tuple[str, ...]:
    """The lower-cased content words of a text (no numbers, no stop words), for paraphrase comparison."""
    stop = figure_lexicon().stopwords
    return tuple(w for w in (m.group(0).lower() for m in _WORD.finditer(text))
                 if len(w) > 2 and w not in stop and w not in COMMON_WORDS)


def date_window(date: str | None, granularity: str, article_day: dt.date | None, sentence: str = "",
                published: str | None = None) -> DateWindow | None:
    """The days a claim may mean: the day its "today"/"yesterday" names, else its own date widened by its
    granularity, else the days before its article (only its own day when it is "another" of a series)."""
    said = referenced_days(sentence, article_day, published)
    if said is not None:  # "today" in a daily address is that day, not a day either side
        return said
    day = parse_day(date)
    if day is not None and granularity == "day":
        return DateWindow(day - dt.timedelta(days=DAY_TOLERANCE), day + dt.timedelta(days=DAY_TOLERANCE))
    if day is not None and granularity == "week":
        return DateWindow(day, day + dt.timedelta(days=6))
    if day is not None and granularity == "month":
        return DateWindow(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))
    if article_day is not None:
        back = 0 if marks_new_occurrence(sentence) else UNDATED_LOOKBACK_DAYS
        return DateWindow(article_day - dt.timedelta(days=back), article_day)
    return None  # a year, or nothing at all: too loose to match on


def _event_claim(report: Report, e: Event, i: int, day: dt.date | None, outlet: str | None,
                 coarse: set[int]) -> Claim | None:
    """The claim an event states; None for hypothetical events, which claim nothing happened."""
    if e.modality == "hypothetical":
        return None
    kind = "intention" if e.modality == "future" else "control" if e.mode == "occupy" else "event"
    text = report.article.text
    s, end = sentence_bounds(text, e.evidence.start)
    end = max(end, e.evidence.end)
    place = e.place
    place_ev = Evidence(place.start, place.end, text[place.start:place.end]) \
        if place is not None and place.start is not None and place.end is not None else None
    sentence = text[s:end]
    places = _place_words(report, s, end)
    return Claim(
        id=f"{report.article.text_sha256[:12]}-{kind[0]}{i}", article_sha=report.article.text_sha256,
        article_id=report.article.id, kind=kind, type=e.type, evidence=e.evidence,
        actor=_key(e.actor), actor_text=e.actor.text if e.actor else None,
        actor_named=names_doer(e.actor.text if e.actor else None, sentence, report.article.speaker),
        recipient=_key(e.recipient),
        place=place.geonameid if place else None, place_label=place.label() if place else None,
        place_coarse=bool(place and place.geonameid in coarse), place_evidence=place_ev,
        window=date_window(e.date, e.date_granularity, day, sentence, report.article.date), date=e.date,
        figures=find_figures(text, s, end), modality=e.modality, words=content_words(sentence),
        chain=_checked_chain(report.attributions, e.attributed_to or (), s, end), outlet=outlet, article_day=day,
        day_said=e.date_granularity == "day" or referenced_days(sentence, day, None) is not None,
        place_words=places, names=participant_names(sentence, _NOT_NAMES | set(places)),
        generic=starts_period(sentence) if e.date_granularity == "day" else is_generic(sentence))


def names_doer(actor: str | None, evidence: str, speaker: str | None = None) -> bool:
    """True when the evidence itself names the doer: the actor's words ("Russia" in "Russian troops"), or "I"/"we"
    for the article's speaker; an actor the pipeline took from the context is no doer of these words."""
    if not actor:
        return False
    if speaker and " ".join(actor.lower().split()) == " ".join(speaker.lower().split()):
        return bool(_FIRST_PERSON.search(evidence))
    # the name whole, or with a plural or adjective ending: "Russia" in "Russian troops", never "I" in "In"
    ending = r"(?:n|ns|s|['’]s)?" if len(actor) >= 4 else r"(?:['’]s)?"
    return re.search(rf"(?<!\w){re.escape(actor)}{ending}(?!\w)", evidence, re.I) is not None


def inherit_scene(text: str, claims: list[Claim], speaker: str | None = None) -> list[Claim]:
    """Event claims with no place take the place and days of the same type of event in the sentence just
    before, in one paragraph: "Another missile strike at Odesa. A 14-year-old boy was killed." is one scene.

    Only a claim whose sentence names no place and no day inherits, and only from the adjoining sentence
    (a sentence in between, or a blank line, ends the scene).
    """
    out: list[Claim] = []
    carried: dict[str, Claim] = {}  # type -> the placed event claim of the previous sentence
    placed: dict[str, Claim] = {}  # the same for the sentence being read
    bounds = (-1, -1)
    for c in claims:
        s, e = sentence_bounds(text, c.evidence.start)
        if (s, e) != bounds:
            adjoining = bounds[1] >= 0 and s >= bounds[1] and not text[bounds[1]:s].strip(" .!?…\"'”’)\t")
            carried = placed if adjoining and "\n\n" not in text[bounds[1]:s] else {}
            placed, bounds = {}, (s, e)
        before = carried.get(c.type)
        if c.kind == "event" and c.place is None and c.date is None and before is not None \
                and referenced_days(text[s:e], c.article_day, None) is None:
            # the evidence becomes the scene, so whoever reads the claim sees where and when it was
            scene = Evidence(before.evidence.start, c.evidence.end, text[before.evidence.start:c.evidence.end])
            c = replace(c, evidence=scene, place=before.place, place_label=before.place_label,
                        place_coarse=before.place_coarse, place_evidence=before.place_evidence, window=before.window,
                        day_said=before.day_said, place_words=tuple(dict.fromkeys(c.place_words + before.place_words)),
                        actor_named=names_doer(c.actor_text, scene.text, speaker))
        if c.kind == "event" and c.place is not None and not c.place_coarse:
            placed.setdefault(c.type, c)
        out.append(c)
    return out


def _figure_claims(report: Report, events: list[Claim], day: dt.date | None, outlet: str | None,
                   coarse: set[int]) -> list[Claim]:
    """Counts stated in sentences that hold no event claim (an event's counts travel with the event)."""
    text = report.article.text
    taken = [sentence_bounds(text, c.evidence.start) for c in events]
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for f in find_figures(text, 0, len(text)):
        bounds = sentence_bounds(text, f.evidence.start)
        if any(s <= f.evidence.start < e for s, e in taken):
            continue
        by_sentence.setdefault(bounds, []).append(f)
    out = []
    for n, ((s, e), figures) in enumerate(by_sentence.items()):
        place = next((p for p in report.places if s <= p.start < e and p.geonameid is not None), None)
        out.append(Claim(
            id=f"{report.article.text_sha256[:12]}-f{n}", article_sha=report.article.text_sha256,
            article_id=report.article.id, kind="figure", type="FIGURE", evidence=Evidence(s, e, text[s:e]),
            place=place.geonameid if place else None, place_label=place.name or place.text if place else None,
            place_coarse=bool(place and place.geonameid in coarse),
            place_evidence=Evidence(place.start, place.end, place.text) if place else None,
            window=date_window(None, "unknown", day), figures=tuple(figures), words=content_words(text[s:e]),
            chain=_chain_near(report.attributions, s, e), outlet=outlet, article_day=day))
    return out


def _quote_claims(report: Report, day: dt.date | None, outlet: str | None) -> list[Claim]:
    """Quotations long enough to recognise elsewhere, keyed by who is quoted."""
    out = []
    for n, q in enumerate(report.quotes):
        words = content_words(q.text)
        if q.speaker is None or len(words) < MIN_QUOTE_WORDS:
            continue
        out.append(Claim(
            id=f"{report.article.text_sha256[:12]}-q{n}", article_sha=report.article.text_sha256,
            article_id=report.article.id, kind="quote", type="QUOTE", evidence=Evidence(q.start, q.end, q.text),
            speaker=" ".join(q.speaker.lower().split()), actor_text=q.speaker,
            window=date_window(None, "unknown", day), words=words, chain=(q.speaker,), outlet=outlet,
            article_day=day))
    return out


def _place_words(report: Report, start: int, end: int) -> tuple[str, ...]:
    """The lower-cased words of the places named in text[start:end], as written and as the gazetteer names them."""
    words: dict[str, None] = {}
    for p in report.places:
        if start <= p.start < end:
            for name in (p.text, p.name or ""):
                words.update((w.lower(), None) for w in _WORD.findall(name))
    return tuple(words)


def _checked_chain(attributions: tuple[Attribution, ...], chain: tuple[str, ...], start: int,
                   end: int) -> tuple[str, ...]:
    """An event's source chain, unless the attribution that names it governs another sentence only.

    "RIA Novosti reported that ..." five sentences on does not make the speaker's own account of the strike
    RIA's. Only attributions that kept their scope can tell (a stored one has none): otherwise the chain stands.
    """
    if not chain:
        return chain
    scoped = [a for a in attributions if a.chain == chain and a.scope is not None]
    if scoped and not any(a.scope.start <= start and end <= a.scope.end or start <= a.evidence.start < end
                          for a in scoped):
        return ()
    return chain


def _chain_near(attributions: tuple[Attribution, ...], start: int, end: int) -> tuple[str, ...]:
    """The chain governing a sentence: an attribution whose scope holds it, else one whose cue is inside it."""
    for a in attributions:
        if a.scope is not None and a.scope.start <= start and end <= a.scope.end:
            return a.chain
    for a in attributions:  # stored attributions keep no scope; the cue in the sentence still names the source
        if start <= a.evidence.start < end:
            return a.chain
    return ()


def _key(ref: ActorRef | None) -> str | None:
    """The comparable key of an actor or recipient; None when the report does not say who."""
    return actor_key(ref.country, ref.sector, ref.text) if ref else None
