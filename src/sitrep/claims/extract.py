"""Claims from one Report: every event, control of a place, stated intentions, counts, and quotations."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from urllib.parse import urlparse

from sitrep.checks.text import sentence_bounds
from sitrep.claims.figures import figure_lexicon, find_figures
from sitrep.claims.records import Claim, DateWindow, Figure
from sitrep.corpus.cluster import COARSE_PRECISIONS, actor_key
from sitrep.records import ActorRef, Attribution, Event, Evidence, Report
from sitrep.store.writer import parse_day

# an undated claim refers to the days just before its article's date (news reports what just happened)
UNDATED_LOOKBACK_DAYS = 1  # 3 let "another strike at Odesa" two days later join the first (claims audit)
# a day-precise date may be off by one (time zones, "overnight", "yesterday" in a late report)
DAY_TOLERANCE = 1
MIN_QUOTE_WORDS = 5  # shorter quotations ("a fabrication") say too little to be matched
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


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
    return tuple(w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if len(w) > 2 and w not in stop)


def date_window(date: str | None, granularity: str, article_day: dt.date | None) -> DateWindow | None:
    """The days a claim may mean: its own date widened by its granularity, else the days before its article."""
    day = parse_day(date)
    if day is not None and granularity == "day":
        return DateWindow(day - dt.timedelta(days=DAY_TOLERANCE), day + dt.timedelta(days=DAY_TOLERANCE))
    if day is not None and granularity == "week":
        return DateWindow(day, day + dt.timedelta(days=6))
    if day is not None and granularity == "month":
        return DateWindow(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))
    if article_day is not None:
        return DateWindow(article_day - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), article_day)
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
    return Claim(
        id=f"{report.article.text_sha256[:12]}-{kind[0]}{i}", article_sha=report.article.text_sha256,
        article_id=report.article.id, kind=kind, type=e.type, evidence=e.evidence,
        actor=_key(e.actor), actor_text=e.actor.text if e.actor else None, recipient=_key(e.recipient),
        place=place.geonameid if place else None, place_label=place.label() if place else None,
        place_coarse=bool(place and place.geonameid in coarse), place_evidence=place_ev,
        window=date_window(e.date, e.date_granularity, day), date=e.date, figures=find_figures(text, s, end),
        modality=e.modality, words=content_words(text[s:end]), chain=e.attributed_to or (), outlet=outlet,
        article_day=day)


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
