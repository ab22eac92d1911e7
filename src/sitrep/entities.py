"""Entities: people with rank and role, units, organisations, outlets and groups, with actor codes."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span

from sitrep.nlp import doc_text
from sitrep.records import Entity, Mention, Place
from sitrep.tables import Tables

_ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "MILITARY_UNIT": "MILITARY_UNIT", "MEDIA": "MEDIA",
                 "GROUP": "GROUP"}
# NER labels the small model confuses with surnames ("Temirkhanov" as GPE on the seed)
_MISLABEL_CANDIDATES = {"GPE", "LOC", "ORG", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "PERSON"}
# nouns after a one-word "person" that show it names an event or movement ("the Maidan uprising")
_EVENT_HEADS = frozenset(
    "uprising revolution protests protest movement massacre offensive war crisis accords agreement "
    "format talks process operation counteroffensive".split()
)
_ROLE_STOP = re.compile(r"[,;.:()\n—–\"“”«»]|\bwho\b|\bwhich\b|\bsaid\b")
_ORG_EXTENSION = re.compile(r"^\s+(press service|press office|spokesman|spokesperson|press secretary)\b")


@dataclass
class _Draft:
    """A mutable entity under construction; frozen into an Entity at the end."""

    text: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    rank: str | None = None
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    country_explicit: bool = False
    confidence: float = 0.9
    source: str = "ner"


def extract_entities(doc: Doc, tables: Tables) -> tuple[Entity, ...]:
    """Build Entity records from the parsed document: typed, merged, ranked, coded."""
    drafts: list[_Draft] = []
    people = _collect_people(doc, tables)
    drafts.extend(people)
    person_names = {surname_key(d.text) for d in people}
    drafts.extend(_collect_named(doc, tables, person_names))
    drafts.extend(_collect_groups(doc, tables))
    _attach_surname_mentions(doc, people)
    _drop_event_names(doc, drafts)
    drafts = [d for d in drafts if d.mentions]
    _code_units_commanded(doc, drafts)
    _inherit_context_country(doc, drafts)
    drafts.sort(key=lambda d: min(m.start for m in d.mentions))
    return tuple(_freeze(i, d) for i, d in enumerate(drafts, 1))


def drop_entities_claimed_by_places(entities: tuple[Entity, ...], places: tuple[Place, ...]) -> tuple[Entity, ...]:
    """Remove entities whose every mention the geoparser resolved as a toponym (e.g. 'Donbass' as PERSON).

    Ids are renumbered so they stay E1..En in text order; no later stage has seen the old ones.
    """
    spans = {(p.start, p.end) for p in places if p.geonameid is not None or p.precision == "region"}
    # an organisation that is also a curated area ("the EU", no GeoNames record) stays an actor: it imposes sanctions
    gazetted = {(p.start, p.end) for p in places if p.geonameid is not None}
    kept = []
    for ent in entities:
        claimed = gazetted if ent.type == "ORG" else spans
        left = tuple(m for m in ent.mentions if not _overlaps_any(m.start, m.end, claimed))
        if left and ent.type in ("PERSON", "ORG"):
            kept.append(replace(ent, mentions=left) if len(left) != len(ent.mentions) else ent)
        elif ent.type not in ("PERSON", "ORG") or left:
            kept.append(ent)
    return tuple(replace(ent, id=f"E{i}") for i, ent in enumerate(kept, 1))


def _overlaps_any(start: int, end: int, spans: set[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps one of the spans."""
    return any(start < e and s < end for s, e in spans)


def _collect_people(doc: Doc, tables: Tables) -> list[_Draft]:
    """PERSON spans grouped by full name, with rank, role and nationality from their context."""
    by_name: dict[str, _Draft] = {}
    text = doc_text(doc)  # Doc.text joins every token: build it once, not per mention
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        ent = _strip_titles(ent, tables)
        if ent is None or ent.text.lower() in tables.nationalities:
            continue  # "Africans", "Ukrainians": a people, not a person
        if ent[-1].lower_.rstrip(".") in _STREET_WORDS and len(ent) > 1:
            continue  # "N. Bedford Drive", "Martin Luther King Avenue": a street named after someone
        name = ent.text
        key = name.lower()
        draft = by_name.get(key)
        if draft is None:
            draft = by_name[key] = _Draft(text=name, type="PERSON")
        draft.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
        _read_person_context(doc, text, ent, draft, tables)
    # a one-word name that is the surname of a longer name is the same person
    full = [d for d in by_name.values() if " " in d.text]
    merged: list[_Draft] = []
    for draft in by_name.values():
        owner = _surname_owner(draft.text, full) if " " not in draft.text else None
        if owner is not None:
            owner.mentions.extend(draft.mentions)
            owner.rank = owner.rank or draft.rank
            owner.role = owner.role or draft.role
            if draft.country_explicit and not owner.country_explicit:
                owner.country, owner.country_explicit = draft.country, True
        else:
            merged.append(draft)
    return merged


def surname_key(name: str) -> str:
    """The last name of a full name, lower-cased, without an Arabic article ('al-Assad' -> 'assad')."""
    last = name.split()[-1].lower()
    return re.sub(r"^(al|el|ad|as|ash|at|ar)[-‐]", "", last)


def _surname_owner(word: str, full: list[_Draft]) -> _Draft | None:
    """The single full-name person whose last name is `word`, if exactly one matches."""
    owners = [d for d in full if surname_key(d.text) == surname_key(word)]
    return owners[0] if len(owners) == 1 else None


def _strip_titles(ent: Span, tables: Tables) -> Span | None:
    """Drop leading ranks and role words the model sometimes includes in a PERSON span."""
    start = ent.start
    while start < ent.end - 1 and (ent.doc[start].text in tables.ranks or ent.doc[start].lower_ in tables.roles):
        start += 1
    end = ent.end
    while end - 1 > start and ent.doc[end - 1].lower_ in _TIME_WORDS:
        end -= 1  # "Qamar Javed Bajwa Thursday visited": the model runs the day into the name
    span = ent.doc[start:end]
    if span.text.endswith("’s") or span.text.endswith("'s"):
        span = ent.doc[start:end - 1] if end - 1 > start else span
    return span if span.text.strip() else None


_STREET_WORDS = frozenset("street st avenue ave road rd drive dr boulevard blvd lane ln highway square "
                          "parkway terrace".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())


def _read_person_context(doc: Doc, text: str, ent: Span, draft: _Draft, tables: Tables) -> None:
    """Read rank, title, nationality before the name and an appositive role after it."""
    before = text[max(0, ent.start_char - 60):ent.start_char]
    rank = _rank_before(before, tables)
    if rank and not draft.rank:
        draft.rank, draft.sector = rank, draft.sector or "MIL"
    title, nationality = _title_before(doc, ent, tables)
    if title and not draft.role:
        draft.role = title
    if nationality and not draft.country_explicit:
        draft.country, draft.country_explicit = nationality, True
    role = _appositive_role(text, ent, tables)
    if role and (not draft.role or len(role) > len(draft.role)):
        draft.role = role
    if draft.role:
        draft.sector = draft.sector or _sector_of(draft.role, tables)
        role_nat = _nationality_in(draft.role, tables)
        if role_nat and not draft.country_explicit:
            draft.country, draft.country_explicit = role_nat, True


def _rank_before(before: str, tables: Tables) -> str | None:
    """The rank written right before a name ("Colonel Denis Pyrogov"), longest variant first."""
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return None  # no space between rank and name: not a title
    for variant in sorted(tables.ranks, key=len, reverse=True):
        if stripped.endswith(variant) and (len(stripped) == len(variant) or not stripped[-len(variant) - 1].isalnum()):
            office = stripped[:-len(variant)].rstrip(" -").rsplit(None, 1)[-1:] or [""]
            if stripped[-len(variant) - 1:-len(variant)] == "-" or office[0].lower() in _CIVIL_GENERALS:
                return None  # "UN Secretary-General António Guterres", "Attorney General Merrick Garland"
            return tables.ranks[variant]
    return None


# offices whose title ends in "General" and that are no military rank
_CIVIL_GENERALS = frozenset({"secretary", "attorney", "solicitor", "governor", "inspector", "surgeon", "auditor",
                             "comptroller", "postmaster", "consul", "procurator", "prosecutor", "director",
                             "advocate", "registrar", "accountant", "receiver", "paymaster", "vicar"})


def _title_before(doc: Doc, ent: Span, tables: Tables) -> tuple[str | None, str | None]:
    """A title and nationality in the words right before the name ("Russian President")."""
    i = ent.start - 1
    words: list[str] = []
    nationality = None
    while i >= 0 and len(words) < 4 and not doc[i].is_punct:
        tok = doc[i]
        if tok.lower_ in tables.nationalities and tok.text[:1].isupper():
            nationality = tables.nationalities[tok.lower_].iso3
            break
        if tok.text in tables.ranks or tok.lower_ in tables.roles or (words and tok.lower_ in ("prime", "foreign", "defence", "defense")):
            words.insert(0, tok.text)
            i -= 1
            continue
        break
    title = " ".join(w for w in words if w not in tables.ranks) or None
    return (title, nationality)


def _appositive_role(text: str, ent: Span, tables: Tables) -> str | None:
    """The role in an apposition after the name: ', the commander of the 6th ... Brigade,'."""
    rest = text[ent.end_char:ent.end_char + 160]
    m = re.match(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?", rest)
    if not m:
        return None
    tail = rest[m.end():]
    stop = _ROLE_STOP.search(tail)
    phrase = tail[:stop.start()].strip() if stop else tail.strip()
    if not phrase or len(phrase.split()) > 12:
        return None
    head = phrase.split()[0].lower()
    words = phrase.lower()
    if head in tables.roles or any(words.startswith(r + " ") or words == r for r in tables.roles) \
            or head in (k.lower() for k in tables.ranks) or head in tables.nationalities:
        if _sector_of(phrase, tables):
            return phrase
    return None


def _sector_of(role: str, tables: Tables) -> str | None:
    """The sector of the longest role word found in the phrase."""
    low = role.lower()
    best = None
    for word, (sector, _) in tables.roles.items():
        if re.search(rf"\b{re.escape(word)}\b", low) and (best is None or len(word) > len(best[0])):
            best = (word, sector)
    return best[1] if best else None


def _nationality_in(phrase: str, tables: Tables) -> str | None:
    """The country of a nationality adjective written in the phrase, if any."""
    for word in re.findall(r"[A-Z][\w.]*", phrase):
        nat = tables.nationalities.get(word.lower())
        if nat:
            return nat.iso3
    return None


def _collect_named(doc: Doc, tables: Tables, surnames: set[str]) -> list[_Draft]:
    """Organisations, outlets, units and named groups, coded from the actor table when known.

    A bare surname of a person in the article is that person (merged later), not an organisation.
    """
    seeds = {alias.lower(): seed for seed in tables.actors for alias in (seed.name, *seed.aliases)}
    by_key: dict[str, _Draft] = {}
    full_text = doc_text(doc)
    for ent in doc.ents:
        label = _ACTOR_LABELS.get(ent.label_)
        if label is None or label == "PERSON":
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        start, end, text = span.start_char, span.end_char, span.text
        ext = _ORG_EXTENSION.match(full_text[end:end + 40]) if label == "ORG" else None
        if ext:
            end += ext.end()
            text = full_text[start:end]
        seed = seeds.get(text.lower())
        if seed is None and (surname_key(text) in surnames or text.lower() in tables.roles):
            continue  # a person's surname, or a bare role noun ("Army", "officials"), is not an organisation
        key = (seed.name if seed else text).lower()
        draft = by_key.get(key)
        if draft is None:
            draft = by_key[key] = _Draft(text=seed.name if seed else text, type=seed.type if seed else label)
            draft.source = "actor_table" if seed else ("unit_pattern" if label == "MILITARY_UNIT" else "ner")
            if seed:
                draft.country, draft.sector = seed.country or None, seed.sector
                draft.country_explicit = bool(seed.country)
                draft.confidence = 0.95
            else:
                draft.sector = {"MILITARY_UNIT": "MIL", "MEDIA": "MED"}.get(label) or _sector_of(text, tables)
                nat = _nationality_in(text, tables)
                if nat:
                    draft.country, draft.country_explicit = nat, True
                draft.confidence = 0.85 if label == "MILITARY_UNIT" else 0.7
        draft.mentions.append(Mention(start, end, text))
    return list(by_key.values())


def _collect_groups(doc: Doc, tables: Tables) -> list[_Draft]:
    """Nationality + group noun ('Ukrainian forces', 'Russian troops') as GROUP actors with a country.

    Group nouns are few and nationalities many, so the scan finds the nouns and reads the word(s) before.
    """
    heads = sorted((w for w, (_, group) in tables.roles.items() if group), key=len, reverse=True)
    head_pattern = re.compile(rf"\b({'|'.join(re.escape(h) for h in heads)})\b", re.I)
    text = doc_text(doc)
    by_key: dict[str, _Draft] = {}
    for m in head_pattern.finditer(text):
        found = _nationality_before(text, m.start(), tables)
        if found is None:
            continue
        start, nat = found
        phrase = text[start:m.end()]
        key = phrase.lower()
        draft = by_key.get(key)
        if draft is None:
            sector = tables.roles[m.group(1).lower()][0]
            draft = by_key[key] = _Draft(text=phrase, type="GROUP", country=nat.iso3, sector=sector,
                                        country_explicit=not key.startswith("pro-"),
                                        confidence=0.85, source="group_pattern")
        draft.mentions.append(Mention(start, m.end(), phrase))
    return list(by_key.values())


_TWO_WORDS_BEFORE = re.compile(r"\b([A-Z][\w.]*\s+[A-Z][\w.]*)\s+$")
_WORD_BEFORE = re.compile(r"(?:\b(pro-))?\b([\w.]+)\s+$", re.I)


def _nationality_before(text: str, at: int, tables: Tables) -> tuple[int, Any] | None:
    """(start, nationality) of a capitalised nationality ending right before `at` ('South Korean' before 'troops')."""
    window = text[max(0, at - 40):at]
    base = at - len(window)
    two = _TWO_WORDS_BEFORE.search(window)
    if two and two.group(1).lower() in tables.nationalities:
        return base + two.start(1), tables.nationalities[two.group(1).lower()]
    one = _WORD_BEFORE.search(window)
    if one and one.group(2)[:1].isupper() and one.group(2).lower() in tables.nationalities:
        return base + one.start(1 if one.group(1) else 2), tables.nationalities[one.group(2).lower()]
    return None


def _attach_surname_mentions(doc: Doc, people: list[_Draft]) -> None:
    """Take back surnames the model mislabelled as places or organisations ('Temirkhanov' as GPE)."""
    owners: dict[str, list[_Draft]] = {}
    for d in people:
        owners.setdefault(surname_key(d.text), []).append(d)
    # a surname two people share ("Matt Henry", "Wess Henry") cannot be given to either
    surnames = {key: ds[0] for key, ds in owners.items() if len(ds) == 1}
    seen = {(m.start, m.end) for d in people for m in d.mentions}
    for ent in doc.ents:
        key = surname_key(ent.text)
        if ent.label_ in _MISLABEL_CANDIDATES and key in surnames and (ent.start_char, ent.end_char) not in seen:
            surnames[key].mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
            seen.add((ent.start_char, ent.end_char))
    # sentence-initial surnames the model missed entirely
    for tok in doc:
        d = surnames.get(tok.lower_) if tok.i == 0 or doc[tok.i - 1].whitespace_ else None
        if d and " " in d.text and tok.text[:1].isupper() and (tok.idx, tok.idx + len(tok.text)) not in seen:
            if not any(m.start <= tok.idx < m.end for m in d.mentions):
                d.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text))


def _drop_event_names(doc: Doc, drafts: list[_Draft]) -> None:
    """Drop one-word 'people' that name an event or movement ('Maidan' in 'the Maidan uprising')."""
    text = doc_text(doc)
    for d in drafts:
        if d.type != "PERSON" or " " in d.text:
            continue
        keep = []
        for m in d.mentions:
            following = text[m.end:m.end + 30].split()
            if following and following[0].lower().strip(".,;") in _EVENT_HEADS:
                continue
            keep.append(m)
        d.mentions = keep


def _code_units_commanded(doc: Doc, drafts: list[_Draft]) -> None:
    """A commander of a unit and the unit share a country when only one of them has it."""
    units = {d.text.lower(): d for d in drafts if d.type == "MILITARY_UNIT"}
    for d in drafts:
        if d.type != "PERSON" or not d.role:
            continue
        for name, unit in units.items():
            if name in d.role.lower():
                if unit.country_explicit and not d.country:
                    d.country = unit.country
                elif d.country_explicit and not unit.country:
                    unit.country = d.country


def _inherit_context_country(doc: Doc, drafts: list[_Draft]) -> None:
    """Give uncoded officials, soldiers and units the country of coded actors in their sentence, else the article's.

    The rule, documented in docs/entities.md, applies to MILITARY_UNITs and to people of sector GOV or MIL: a sentence whose explicitly coded state actors (GOV/MIL)
    share one country lends it; otherwise the article's majority country among explicitly coded
    GOV/MIL actors lends it when it holds more than half of them. Inherited codes get lower confidence.
    """
    coded = [d for d in drafts if d.country_explicit and d.country and d.country not in ("IGO", "NGO")]
    majority = Counter(d.country for d in coded for _ in d.mentions)
    top = majority.most_common(1)
    doc_country = top[0][0] if top and top[0][1] * 2 > sum(majority.values()) else None
    sentences = list(doc.sents)
    for d in drafts:
        if d.country or d.type not in ("PERSON", "MILITARY_UNIT"):
            continue
        if d.type == "PERSON" and d.sector not in ("MIL", "GOV"):
            continue  # only officials and soldiers are read as acting for the article's state actors
        first = min(m.start for m in d.mentions)
        sent = next((s for s in sentences if s.start_char <= first < s.end_char), None)
        local = {c.country for c in coded if sent is not None
                 and any(sent.start_char <= m.start < sent.end_char for m in c.mentions)}
        if len(local) == 1:
            d.country = local.pop()
        elif doc_country:
            d.country = doc_country
        else:
            continue
        d.confidence = min(d.confidence, 0.6)


def _freeze(index: int, d: _Draft) -> Entity:
    """Turn a draft into an immutable Entity with a stable id and sorted mentions."""
    mentions = tuple(sorted(set(d.mentions), key=lambda m: (m.start, m.end)))
    return Entity(id=f"E{index}", text=d.text, type=d.type, mentions=mentions, rank=d.rank, role=d.role,
                  country=d.country, sector=d.sector, confidence=d.confidence, source=d.source)
