"""Toponym recognition: NER place spans plus gazetteer matches of capitalised phrases, with precision guards."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitrep.geodesy import haversine_km
from sitrep.geo.candidates import MAX_ACRONYM, Toponym, find_candidates, toponym_key
from sitrep.geo.discourse import (accept_listed_with_places, dateline_toponyms, free_of, parts_of_unknown_span,
                                  party_home_toponyms, same_sense_mentions)
from sitrep.geo.evidence import (FocusAreas, focus_areas, is_common_word, is_famous_city, is_rare_word,
                                 names_an_area)
from sitrep.geo.gazetteer import Entry, Gazetteer
from sitrep.geo.plurals import spread_plural_suffixes
from sitrep.nlp import doc_text
from sitrep.records import Entity

NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# entity types whose words are never toponyms on their own ("177th Caspian Fleet Regiment", "Kyiv Post")
BLOCKING_TYPES = frozenset({"MILITARY_UNIT", "MEDIA", "GROUP"})
CONNECTORS = frozenset({"of", "and", "de", "del", "la", "le", "upon", "on", "’s", "'s", "-"})
MAX_WINDOW = 6  # tokens in the longest name we try ("Bosnia and Herzegovina", "Donetsk People's Republic")
STRONG_POPULATION = 20_000  # a capitalised word the model calls something else must be at least a town this big
VERY_STRONG_POPULATION = 100_000  # inside a longer capitalised name or a non-place entity: a city
WEAK_POPULATION = 1_000  # a capitalised word the model ignored must be at least a village this big
NEIGHBOUR_KM = 60  # rare names of towns this close vouch for each other
_OPENERS = frozenset("\"'‘“(—–-:")


@dataclass(frozen=True, slots=True)
class _Blocks:
    """Character ranges where no toponym may start, ranges that need strong evidence, and surnames."""

    hard: tuple[tuple[int, int], ...]
    soft: tuple[tuple[int, int], ...]
    surnames: tuple[tuple[int, int], ...] = ()

    def hits_surname(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a one-word mention of a full-name person."""
        return any(start < e and s < end for s, e in self.surnames)

    def hits_hard(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a hard-blocked range."""
        return any(start < e and s < end for s, e in self.hard)

    def hits_soft(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a range that needs strong evidence."""
        return any(start < e and s < end for s, e in self.soft)


def recognize_toponyms(doc: Doc, entities: tuple[Entity, ...], gazetteer: Gazetteer) -> list[Toponym]:
    """Every toponym in the document, with its candidates, in text order."""
    blocks = _entity_blocks(doc, entities, gazetteer)
    lower_words = frozenset(t.lower_ for t in doc if t.is_lower)
    found: dict[tuple[int, int], Toponym] = {}
    taken: list[tuple[int, int]] = []
    pending: list[tuple[Toponym, str]] = []  # names that a focus country or region would make places
    for span in _ner_place_spans(doc, gazetteer):
        toponym, verdict = _accept_ner(span, doc, gazetteer, blocks)
        if toponym is not None and not toponym.candidates:
            # "Guernsey County Courthouse", "Northeast Georgia": the names inside are the places
            parts = [p for p in parts_of_unknown_span(doc, span, gazetteer, _scan_run)
                     if not blocks.hits_hard(p.start, p.end)]
            if parts:
                for part in parts:
                    taken.append((part.start, part.end))
                    found[(part.start, part.end)] = part
                continue
        if toponym is not None:
            taken.append((toponym.start, toponym.end))
            if verdict == "place":
                found[(toponym.start, toponym.end)] = toponym
            else:
                pending.append((toponym, verdict))
    weak: list[Toponym] = []
    scanned: list[Toponym] = []  # every scanned name no veto excludes, for the one-sense-per-discourse pass
    for start_tok, end_tok in _capitalised_runs(doc):
        for toponym in _scan_run(doc, start_tok, end_tok, gazetteer):
            if not free_of(toponym, taken) or _scan_vetoed(toponym, doc, gazetteer, blocks, lower_words):
                continue
            scanned.append(toponym)
            verdict = _judge_scanned(toponym, doc, gazetteer, blocks)
            if verdict == "place":
                found[(toponym.start, toponym.end)] = toponym
            elif verdict == "weak":
                weak.append(toponym)
            elif verdict != "no":
                pending.append((toponym, verdict))
    _accept_in_focus(focus_areas(doc, list(found.values()), gazetteer), pending, found, weak)
    _accept_neighbours(pending, found, weak)
    accept_listed_with_places(doc_text(doc), weak, found)
    _accept_conventions(doc, gazetteer, blocks, found)
    for toponym in same_sense_mentions(list(found.values()), scanned):
        if free_of(toponym, list(found)):
            found[(toponym.start, toponym.end)] = toponym
    return spread_plural_suffixes(doc_text(doc), sorted(found.values(), key=lambda t: t.start), gazetteer)


def _accept_conventions(doc: Doc, gazetteer: Gazetteer, blocks: _Blocks, found: dict[tuple[int, int], Toponym]) -> None:
    """Datelines ("COLUMBIA —") and party-home-town tags ("D-N.D.") name places however they are written."""
    text = doc_text(doc)
    for toponym in dateline_toponyms(text, gazetteer) + party_home_toponyms(text, gazetteer):
        if free_of(toponym, list(found)) and not blocks.hits_hard(toponym.start, toponym.end):
            found[(toponym.start, toponym.end)] = toponym


def _accept_in_focus(focus: FocusAreas, pending: list[tuple[Toponym, str]], found: dict[tuple[int, int], Toponym],
                     weak: list[Toponym]) -> None:
    """Rare names with a candidate in the document's countries ('focus'), or common ones in its regions."""
    for toponym, verdict in pending:
        if focus.holds(toponym, admin1=verdict == "focus_admin1"):
            found[(toponym.start, toponym.end)] = toponym
        elif verdict == "focus":
            weak.append(toponym)


def _accept_neighbours(pending: list[tuple[Toponym, str]], found: dict[tuple[int, int], Toponym],
                       weak: list[Toponym]) -> None:
    """Rare names that name towns a few kilometres apart vouch for each other ("Bucha, Irpin", "Hostomel
    and Borodyanka"): two rare words matching neighbouring towns by chance is unlikely."""
    rare = [t for t, verdict in pending if verdict == "focus" and (t.start, t.end) not in found]
    for toponym in rare:
        others = [o for o in rare if o is not toponym] + list(found.values())
        if any(_near(a, b) for o in others for a in toponym.candidates for b in o.candidates):
            found[(toponym.start, toponym.end)] = toponym
            if toponym in weak:
                weak.remove(toponym)


def _near(a: Entry, b: Entry) -> bool:
    """True for two distinct towns within NEIGHBOUR_KM of each other."""
    if a.id == b.id or a.precision != "city" or b.precision != "city":
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEIGHBOUR_KM


def _entity_blocks(doc: Doc, entities: tuple[Entity, ...], gazetteer: Gazetteer) -> _Blocks:
    """Hard blocks: units, outlets, groups, table organisations, full-name people; soft: one-word people,
    and "full names" that are rare place names ("Khan Younis", "Kiryat Shmona" read as people)."""
    hard: list[tuple[int, int]] = []
    soft: list[tuple[int, int]] = []
    surnames: list[tuple[int, int]] = []
    for ent in entities:
        full_person = ent.type == "PERSON" and " " in ent.text.strip()
        if ent.type in BLOCKING_TYPES or (ent.type == "ORG" and ent.source == "actor_table" and not _is_polity(ent.text, gazetteer)):
            hard.extend((m.start, m.end) for m in ent.mentions)
        elif full_person:
            # "Yaramyr Temirkhanov" blocks itself; its one-word surname mentions need a strong place
            # ("Rethinking Egypt" read as a person must not take every later "Egypt" with it)
            for m in ent.mentions:
                if " " not in m.text.strip():
                    surnames.append((m.start, m.end))
                else:
                    (soft if _is_rare_place_name(m.text, gazetteer) else hard).append((m.start, m.end))
        elif ent.type == "PERSON":
            soft.extend((m.start, m.end) for m in ent.mentions)
    for ent in doc.ents:
        if ent.label_ not in NER_PLACE_LABELS:
            soft.append((ent.start_char, ent.end_char))
    return _Blocks(tuple(hard), tuple(soft), tuple(surnames))


def _is_polity(text: str, gazetteer: Gazetteer) -> bool:
    """True for an organisation that the curated region table holds as an area ('the EU'): like a country, it is
    an actor and a place, and its mentions are judged as places."""
    return any(e.how == "region_table" and e.precision != "city" for e in gazetteer.lookup(toponym_key(text)))


def _is_rare_place_name(text: str, gazetteer: Gazetteer) -> bool:
    """True when a multi-word 'person' is exactly a place name English seldom uses otherwise."""
    return is_rare_word(text) and any(e.how in ("name", "alt") for e in gazetteer.lookup(toponym_key(text)))


def _ner_place_spans(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """NER GPE/LOC/FAC spans without a leading article, extended over a following admin word; a span
    joining names with commas that the gazetteer lacks as a whole ("Rivne, Lviv") is split at them."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in NER_PLACE_LABELS:
            continue
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        commas = [t.i for t in doc[start:ent.end] if t.text == ","]
        if commas and not gazetteer.lookup(toponym_key(doc[start:ent.end].text)):
            cuts = [start - 1] + commas + [ent.end]
            out.extend(Span(doc, a + 1, b, label=ent.label_) for a, b in zip(cuts, cuts[1:]) if b > a + 1)
            continue
        out.append(Span(doc, start, ent.end, label=ent.label_))
    return out


def _accept_ner(span: Span, doc: Doc, gazetteer: Gazetteer, blocks: _Blocks) -> tuple[Toponym | None, str]:
    """A NER place span as a toponym, with 'place' or the focus it still needs; None for nationalities,
    event names, rivers, words that name nothing alone, and spans inside blocked entities."""
    terms = gazetteer.terms
    if blocks.hits_hard(span.start_char, span.end_char) or _is_event_name(doc, span.end, gazetteer):
        return None, "no"
    if blocks.hits_soft(span.start_char, span.end_char) and span.label_ != "GPE":
        return None, "no"  # a LOC/FAC the entity stage reads as a person's name
    abbreviation = span.text.isupper() or "." in span.text  # "US", "U.S.": the country, even as a modifier
    if (span.text.lower() in gazetteer.nationalities and not abbreviation) or span[0].text in terms.not_place \
            or span.text in terms.not_alone or _names_feature(doc, span.start, span.end, gazetteer):
        return None, "no"
    toponym = find_candidates(span.text, span.start_char, span.end_char, gazetteer, fuzzy=span.text[:1].isupper())
    if _suffix_follows(doc, span.end, gazetteer) and not _names_only_areas(toponym):
        extended = doc[span.start:span.end + 1]  # "Donetsk region" names the oblast, not the city
        with_suffix = find_candidates(extended.text, extended.start_char, extended.end_char, gazetteer)
        toponym = with_suffix if with_suffix.candidates else toponym
    if not toponym.candidates and not span.text[:1].isupper():
        return None, "no"  # "meth", "crawfish", "absentia": a name nothing matches is at least written as a name
    if not toponym.candidates and (span.label_ == "FAC" or any(ch.isdigit() for ch in span.text)):
        return None, "no"  # an unknown building or road, or "G7", is not worth reporting as a place
    if blocks.hits_surname(span.start_char, span.end_char) and not (
            span.label_ == "GPE" and toponym.candidates and _is_strong(toponym, VERY_STRONG_POPULATION)):
        return None, "no"  # "Temirkhanov", tagged GPE, is the colonel's surname; "Egypt" is not a surname
    if blocks.hits_soft(span.start_char, span.end_char) and not (toponym.candidates and _is_strong(toponym)):
        if toponym.candidates and is_rare_word(span.text):
            return toponym, "place" if _after_locative(doc, span.start, gazetteer) else "focus"
        return None, "no"
    if toponym.candidates and is_common_word(span.text) and not _is_strong(toponym, VERY_STRONG_POPULATION):
        return toponym, "focus_admin1"  # "Hope", "Liberty": a town only among its neighbours
    return toponym, "place"


def _names_feature(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """True for the name of a river, sea or mountain: 'the Dnipro river', 'River Lune' (never a town)."""
    heads = gazetteer.terms.feature_heads
    after = end < len(doc) and doc[end].lower_ in heads
    before = start > 0 and doc[start - 1].lower_ in heads and doc[start - 1].text[:1].isupper()
    if not (after or before):
        return False
    whole = doc[start:end + 1] if after else doc[start - 1:end]
    return not find_candidates(whole.text, whole.start_char, whole.end_char, gazetteer, fuzzy=False,
                               variants=False).candidates  # "Black Sea" and "Red Sea" are in the gazetteer


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised words, joined by connectors like 'of' and 'and'."""
    runs, i = [], 0
    while i < len(doc):
        if not _is_capitalised(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc):
            if _is_capitalised(doc[j]):
                j += 1
            elif doc[j].lower_ in CONNECTORS and j + 1 < len(doc) and _is_capitalised(doc[j + 1]):
                j += 2
            elif doc[j].lower_ in ("’s", "'s") and j + 1 < len(doc) and _is_capitalised(doc[j + 1]):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _is_capitalised(token) -> bool:
    """A word starting with a capital letter (not a lone initial or all-caps shouting)."""
    text = token.text
    return text[:1].isupper() and (len(text) > 1 or token.whitespace_ == "") and token.is_alpha or (
        text[:1].isupper() and "." in text and len(text) <= 6)  # "U.S.", "Calif."


def _scan_run(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> list[Toponym]:
    """Longest-first gazetteer windows over a capitalised run, left to right, no overlaps."""
    out, i = [], start
    while i < end:
        if doc[i].is_stop or doc[i].text in gazetteer.terms.not_place:
            i += 1  # "The Alexandria PTA": a name never starts with an article or a pronoun
            continue
        matched = None
        for j in range(min(end, i + MAX_WINDOW), i, -1):
            if not _is_capitalised(doc[j - 1]) or not _is_capitalised(doc[i]):
                continue
            span = doc[i:j]
            rare_word = j == i + 1 and len(span.text) >= 6 and is_rare_word(span.text)
            toponym = find_candidates(span.text, span.start_char, span.end_char, gazetteer, fuzzy=False,
                                      variants=rare_word)  # "Hulyaipole" reaches Hulyaypole by its skeleton
            if not toponym.candidates:
                continue
            matched = (toponym, j)
            if _suffix_follows(doc, j, gazetteer) and not _names_only_areas(toponym):
                longer = doc[i:j + 1]
                with_suffix = find_candidates(longer.text, longer.start_char, longer.end_char, gazetteer,
                                              fuzzy=False, variants=False)
                matched = (with_suffix, j + 1) if with_suffix.candidates else matched
            break
        if matched:
            out.append(matched[0])
            i = matched[1]
        else:
            i += 1
    return out


def _suffix_follows(doc: Doc, index: int, gazetteer: Gazetteer) -> bool:
    """True when the token at `index` is an admin word like 'region' or 'Oblast'."""
    return index < len(doc) and doc[index].lower_ in gazetteer.terms.admin_suffixes


def _names_only_areas(toponym: Toponym) -> bool:
    """True when every candidate is already an area ("Donbass region" is just Donbas)."""
    return bool(toponym.candidates) and all(e.precision != "city" for e in toponym.candidates)


def _scan_vetoed(toponym: Toponym, doc: Doc, gazetteer: Gazetteer, blocks: _Blocks, lower_words: frozenset[str]) -> bool:
    """True for a scanned name that is never a place here, whatever else the document says: inside a unit or
    outlet, an adjective, an event, a river, a short form only, a common word the text also writes in lower case,
    or a full-name person's surname."""
    terms = gazetteer.terms
    first = toponym.text.split()[0]
    if blocks.hits_hard(toponym.start, toponym.end) or first in terms.not_place or toponym.text in terms.not_alone:
        return True
    abbreviation = toponym.text.isupper() or "." in toponym.text
    if toponym.key in gazetteer.nationalities and not abbreviation:
        return True  # "Russian"; but "U.S." and "UK" name the country even as modifiers ("the U.S. Census")
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if span is None or _is_event_name(doc, span.end, gazetteer) or _names_feature(doc, span.start, span.end, gazetteer):
        return True
    if not toponym.suffix and all(e.how == "short" for e in toponym.candidates):
        return True  # "Day" reaches only Day County by dropping "County"
    country_code = abbreviation and any(e.precision == "country" or e.how == "region_table" for e in toponym.candidates)
    if len(toponym.key) < 3 and not country_code or (toponym.text.istitle() and toponym.key in lower_words):
        return True  # "D", "No"; or a common word this very text also writes in lower case ("Center")
    if _unknown_acronym(toponym, doc, span, lower_words):
        return True
    return blocks.hits_surname(toponym.start, toponym.end)  # "Jones" after "Robert Jones"


def _unknown_acronym(toponym: Toponym, doc: Doc, span: Span, lower_words: frozenset[str]) -> bool:
    """True for capitals that abbreviate something other than a place ('anti-lock braking (ABS)', 'SWAT
    officers', 'BY CHAD KLIMACK'): a short word in capitals amid ordinary text that no abbreviation table knows
    and that the text never writes as a name; in a headline or dateline all in capitals it may be a town."""
    text = toponym.text
    if " " in text or "." in text or not text.isupper() or len(text) > MAX_ACRONYM:
        return False
    if span.start > 0 and doc[span.start - 1].text == "BY":
        return True  # a byline
    if any(e.how in ("abbr", "abbr_dot", "region_table") or e.precision == "country" for e in toponym.candidates):
        return False
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc) and doc[i].is_alpha]
    if neighbours and all(t.is_upper for t in neighbours):
        return False
    return not any(t.text == text.title() for t in doc)


def _judge_scanned(toponym: Toponym, doc: Doc, gazetteer: Gazetteer, blocks: _Blocks) -> str:
    """Precision guards for a gazetteer match the NER did not call a place (and no veto excludes): 'place',
    'weak', 'focus' (a place if the document is about its country) or 'no'."""
    span = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if is_common_word(toponym.text) and not names_an_area(_strongest(toponym.candidates)) \
            and not any(is_famous_city(e, toponym.text) for e in toponym.candidates):
        return "no"  # "Hope", "Mobile", "Liberty" in ordinary use; "Paris Public Library" keeps Paris
    rare = is_rare_word(toponym.text)
    if rare and _after_locative(doc, span.start, gazetteer):
        return "place"  # "the massacre in Bucha", "fighting near Avdiivka"
    if blocks.hits_soft(toponym.start, toponym.end) or _starts_sentence(doc, span.start) or _inside_longer_name(doc, span):
        # the model saw something else here, or capitals have another reason: only a big place will do,
        # or a rare name in the country the document is about ("Bucha", read as a person)
        if _is_strong(toponym, VERY_STRONG_POPULATION):
            return "place"
        return "focus" if rare else "weak"
    if _is_strong(toponym):
        return "place"
    if _strongest(toponym.candidates).population >= WEAK_POPULATION:
        return "place"
    return "focus" if rare else "weak"


def _after_locative(doc: Doc, index: int, gazetteer: Gazetteer) -> bool:
    """True when the word before the name is a locative preposition ('in', 'near', 'outside')."""
    cues = gazetteer.terms.locative_cues
    return index > 0 and (doc[index - 1].text in cues or (index > 1 and doc[index - 2:index].text.lower() in cues))


def _is_strong(toponym: Toponym, population: int = STRONG_POPULATION) -> bool:
    """An area, a curated region, or a town big enough to be meant even where the model saw something else."""
    best = _strongest(toponym.candidates)
    area = best.precision != "city" and best.how != "short"  # "Police" reaching Gmina Police is no evidence
    return area or best.population >= population or best.how == "region_table"


def _inside_longer_name(doc: Doc, span: Span) -> bool:
    """True when capitalised words continue the span ("Police" in "Alexandria Police Department")."""
    before = span.start > 0 and _is_capitalised(doc[span.start - 1]) and not _starts_sentence(doc, span.start - 1) \
        and not doc[span.start - 1].is_stop
    after = span.end < len(doc) and _is_capitalised(doc[span.end])
    return before or after


def _strongest(candidates: tuple[Entry, ...]) -> Entry:
    """The candidate with the most evidence of being what people mean: areas first, then population.
    Short admin forms ("Day" for Day County) are no evidence that a capitalised word is a place."""
    named = [e for e in candidates if e.how != "short"] or list(candidates)
    return max(named, key=lambda e: (e.precision != "city" or e.how == "region_table", e.population))


def _starts_sentence(doc: Doc, index: int) -> bool:
    """True when the token opens a sentence or a quotation (capitalised for grammar, not as a name)."""
    if index == 0 or doc[index].is_sent_start:
        return True
    return doc[index - 1].text in _OPENERS or doc[index - 1].text in {".", "!", "?", "\n"}


def _is_event_name(doc: Doc, after: int, gazetteer: Gazetteer) -> bool:
    """True when the next word makes the name an event ("the Maidan uprising", "Minsk agreements")."""
    if after >= len(doc):
        return False
    word = doc[after].lower_
    return word in gazetteer.terms.event_heads or word.rstrip("s") in gazetteer.terms.event_heads
