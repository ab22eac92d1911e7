"""The article's main event types: which kinds of event the story is about, not every event it mentions.

A story about a general strike mentions a clash; a story about a missile strike mentions talks. Each
event adds a weight to its type: its confidence, times how firmly it is told (an asserted event counts
more than a planned or denied one), times where it stands (the headline and the first sentences say what
the story is about), times whether its doer is named. Types are ranked by weight; those with at least a
fifth of the article's weight (always the first) are its main events, each with its strongest evidence.
"""
from __future__ import annotations

from sitrep.records import Event, MainEvent

_MODALITY_WEIGHT = {"asserted": 1.0, "hedged": 0.8, "future": 0.5, "hypothetical": 0.3, "negated": 0.2}
_LEAD_WEIGHT = 1.6  # events in the lead paragraph
_LEAD_CHARS = 400  # about the headline and the first two sentences of a news story
_NAMED_ACTOR_WEIGHT = 1.25
_MIN_SHARE = 0.2
_MAX_MAIN = 3


def event_weight(event: Event) -> float:
    """How much one event says about what the article is about."""
    weight = event.confidence * _MODALITY_WEIGHT.get(event.modality, 0.5)
    if event.evidence.start < _LEAD_CHARS:
        weight *= _LEAD_WEIGHT
    if event.actor is not None and not event.actor.implicit:
        weight *= _NAMED_ACTOR_WEIGHT
    return weight


def main_events(events: tuple[Event, ...]) -> tuple[MainEvent, ...]:
    """The article's main event types, strongest first, each with the ids of its events and its best evidence."""
    by_type: dict[str, list[tuple[float, Event]]] = {}
    for event in events:
        by_type.setdefault(event.type, []).append((event_weight(event), event))
    total = sum(w for items in by_type.values() for w, _ in items)
    if total <= 0:
        return ()
    ranked = sorted(by_type.items(), key=lambda kv: (-sum(w for w, _ in kv[1]), kv[0]))
    out = []
    for rank, (event_type, items) in enumerate(ranked[:_MAX_MAIN]):
        score = sum(w for w, _ in items)
        if rank > 0 and score / total < _MIN_SHARE:
            break
        best = max(items, key=lambda item: (item[0], -item[1].evidence.start))[1]
        out.append(MainEvent(event_type, round(score, 3), round(score / total, 3),
                             tuple(e.id for _, e in items), best.evidence))
    return tuple(out)
