"""The attribution lexicon: cues, anonymity markers, hedges, role aliases and actor facts, loaded once."""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.tables import Tables, load_tables, read_tsv

# Sectors whose members speak for a state: their statements are "official" sources.
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One attribution cue from data/attribution_cues.tsv."""

    text: str
    kind: str  # prep, relay, cite, verb, adverb, passive
    hedged: bool
    scope: str  # sentence or paragraph
    flag_unsourced: bool = False  # a source-less use deserves an anonymous_source flag


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    """Everything the attribution stage knows as data; build with `AttributionLexicon.load()`."""

    cues: tuple[Cue, ...]
    anonymous_words: frozenset[str]
    weak_anonymous_words: frozenset[str]  # anonymous only in a phrase that names no one
    anonymous_phrases: tuple[str, ...]
    hedges: frozenset[str]
    role_aliases: dict[str, tuple[str, ...]]  # referring phrase -> role words it may stand for
    roles: dict[str, tuple[str, bool]]  # role word -> (sector, group head), from roles.tsv
    state_media: frozenset[str]  # lower-cased names and aliases of state-controlled outlets
    actor_sectors: dict[str, str]  # lower-cased actor name or alias -> sector
    verbs: dict[str, Cue] = field(default_factory=dict)  # reporting-verb lemma -> its cue
    _by_kinds: dict[tuple[str, ...], tuple[Cue, ...]] = field(default_factory=dict, repr=False)  # memo of cues_of

    @classmethod
    def load(cls, tables: Tables | None = None) -> "AttributionLexicon":
        """Load cue, anonymity, hedge and role-alias tables, plus actor facts from the shared tables."""
        tables = tables or load_tables()
        cues = tuple(Cue(text.lower(), kind, hedged == "yes", scope, flag == "yes")
                     for text, kind, hedged, scope, flag in read_tsv("attribution_cues.tsv"))
        anon = read_tsv("anonymous_sources.tsv")
        state_media = frozenset(alias.lower() for seed in tables.actors if seed.state_media
                                for alias in (seed.name, *seed.aliases))
        sectors = {alias.lower(): seed.sector for seed in tables.actors for alias in (seed.name, *seed.aliases)}
        return cls(
            cues=cues,
            anonymous_words=frozenset(m.lower() for m, kind in anon if kind == "word"),
            weak_anonymous_words=frozenset(m.lower() for m, kind in anon if kind == "weak"),
            anonymous_phrases=tuple(m.lower() for m, kind in anon if kind == "phrase"),
            hedges=frozenset(row[0].lower() for row in read_tsv("hedges.tsv")),
            role_aliases={p.lower(): tuple(r.strip().lower() for r in roles.split(","))
                          for p, roles in read_tsv("role_aliases.tsv")},
            roles=tables.roles,
            state_media=state_media,
            actor_sectors=sectors,
            verbs={c.text: c for c in reversed(cues) if c.kind == "verb"},  # reversed: the first row wins
        )

    def cues_of(self, *kinds: str) -> tuple[Cue, ...]:
        """The cues of the given kinds, longest first so that longer phrases win."""
        found = self._by_kinds.get(kinds)
        if found is None:
            found = self._by_kinds[kinds] = tuple(sorted((c for c in self.cues if c.kind in kinds),
                                                         key=lambda c: -len(c.text)))
        return found

    def verb_cue(self, lemma: str) -> Cue | None:
        """The reporting-verb cue for a lemma, if the lemma is one."""
        return self.verbs.get(lemma)

    def passive_cue(self, lemma: str) -> Cue | None:
        """The passive cue ("said to") whose verb has this lemma's past participle."""
        for cue in self.cues:
            if cue.kind == "passive" and lemma in _lemmas_of_participle(cue.text.split()[0]):
                return cue
        return None


def _lemmas_of_participle(word: str) -> set[str]:
    """Possible lemmas of a past participle ('said' -> say, 'believed' -> believe or believ)."""
    irregular = {"said": "say", "thought": "think", "told": "tell"}
    if word in irregular:
        return {irregular[word]}
    return {word[:-1], word[:-2]} if word.endswith("ed") else {word}
