"""People: which common nouns name a person or a body of people, who can act and be acted on.

"The residents", "refugees", "attackers", "the government" are parties; "the charge", "a pretext", "a letter"
are things. Word lists come from `event_roles.tsv` (`people_noun`, and the roles table); agent endings
(-er, -ist, -ian, -ant, -ee ...) cover the rest, minus the common things that share those endings.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from sitrep.events.roles import RoleCues

_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "man", "men",
                   "ive", "ives", "ee", "ees")
# words with an agent ending that name no agent ("the offensive killed", "the agreement", "a letter")
_NOT_AGENTS = frozenset({"offensive", "explosive", "incentive", "initiative", "objective", "directive", "motive",
                         "alternative", "perspective", "narrative", "archive", "drive", "hive", "olive", "weather",
                         "winter", "summer", "water", "paper", "letter", "number", "order", "power", "border",
                         "matter", "disaster", "error", "terror", "horror", "rumor", "rumour", "event", "moment",
                         "statement", "agreement", "element", "incident", "accident", "comment", "document",
                         "environment", "argument", "degree", "fee", "coffee", "guarantee", "shelter", "register",
                         "chapter", "center", "centre", "quarter", "answer", "filter", "cancer", "corner", "offer",
                         "transfer", "sector", "factor", "floor", "door", "indicator", "corridor", "monitor",
                         "content", "talent", "percent", "cent", "extent", "payment", "equipment", "treatment",
                         "settlement", "management", "development", "investment", "deployment", "employment",
                         "punishment", "commitment", "announcement", "achievement", "assessment", "requirement",
                         "apartment", "segment", "shipment", "amendment", "judgment", "judgement",
                         "plan",
                         # machines with an agent ending: "a Georgian armored personnel carrier was destroyed"
                         "carrier", "container", "computer", "trailer", "helicopter", "launcher", "transporter",
                         "destroyer", "cruiser", "tanker", "freighter", "excavator", "generator",
                         "reactor", "transformer", "motor", "tractor", "propeller", "monitor", "detector", "sensor",
                         "transmitter", "receiver", "router", "server", "printer", "scanner", "trawler", "steamer"})


def names_people(noun: Token, cues: "RoleCues") -> bool:
    """A common noun for people or a body of people ('civilians', 'the government', 'refugees', 'attackers').

    Things ('the charge', 'a pretext', 'deals', 'a school') are not parties: their owner is, or no one.
    """
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lemma in cues.object_nouns or lemma in cues.settlement_nouns or lemma in cues.weapon_nouns:
        return False
    known = cues.people_nouns | cues.armed_nouns | cues.hostile_nouns
    if lemma in known or lower in known or lower in cues.nationalities:
        return True
    return lower.endswith(_AGENT_SUFFIXES) and lemma not in _NOT_AGENTS and not lemma.endswith("ment")
