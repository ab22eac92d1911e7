"""The front-line set: real sentences of ../shared/corpus with the places they name, checked by hand.

bench/geo_frontline.tsv holds only pointers and ids: the record id, the character offsets of each
mention in the record's text, the expected GeoNames id (verified in the gazetteer) and the kind:
`town` (a populated place that must be found and resolved to that id), `area` (a country, region or
oblast: found, and never a town) or `feature` (a river or sea: never emitted as a town). The texts
are read from ../shared/corpus at eval time and never copied here.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.geo_gold import ACCURACY_KM, ROOT, haversine

CORPUS = ROOT.parent / "shared" / "corpus" / "zelensky_addresses_2022_en.jsonl"
TABLE = ROOT / "bench" / "geo_frontline.tsv"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Mention:
    """One expected mention: where it is, what it names, and what kind of thing that is."""

    record: str
    start: int
    end: int
    geonameid: int
    kind: str  # town | area | feature


def load_mentions(path: Path = TABLE) -> list[Mention]:
    """Rows of the front-line table (comment lines and the header skipped)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    out = []
    for line in lines[1:]:
        record, start, end, gid, kind = line.split("\t")[:5]
        out.append(Mention(record, int(start), int(end), int(gid), kind))
    return out


def load_texts(path: Path = CORPUS) -> dict[str, str]:
    """Record id -> text of the Zelensky corpus."""
    with open(path, encoding="utf-8") as handle:
        return {rec["id"]: rec["text"] for rec in map(json.loads, handle)}


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around a mention."""
    cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    s = max(c for c in cuts if c <= start)
    e = min((c for c in cuts if c >= end), default=len(text))
    return s, e


def score_frontline(nlp: Any, tables: Any, gazetteer: Any) -> dict[str, Any]:
    """Recall of towns and areas in their sentences, and rivers, seas or areas emitted as towns."""
    from sitrep import entities as entities_stage
    from sitrep.geo import find_places

    if not TABLE.exists() or not CORPUS.exists():
        return {"summary": "no front-line table or corpus"}
    texts = load_texts()
    by_sentence: dict[tuple[str, int, int], list[Mention]] = defaultdict(list)
    for m in load_mentions():
        by_sentence[(m.record, *sentence_bounds(texts[m.record], m.start, m.end))].append(m)
    counts = {"town": [0, 0], "area": [0, 0]}
    as_town, missed = [], []
    for (record, s, e), mentions in by_sentence.items():
        sentence = texts[record][s:e]
        doc = nlp(sentence)
        places = find_places(doc, entities_stage.extract_entities(doc, tables), gazetteer)
        for m in mentions:
            hits = [p for p in places if p.start < m.end - s and m.start - s < p.end]
            if m.kind != "town" and any(p.precision == "city" for p in hits):
                as_town.append(texts[record][m.start:m.end])
            if m.kind == "feature":
                continue
            expected = gazetteer.get(m.geonameid)
            ok = any(p.geonameid == m.geonameid or (expected is not None and p.lat is not None and
                     haversine(p.lat, p.lon, expected.lat, expected.lon) <= ACCURACY_KM and m.kind == "area")
                     for p in hits)
            counts[m.kind][0] += ok
            counts[m.kind][1] += 1
            if not ok:
                missed.append(f"{texts[record][m.start:m.end]} ({m.geonameid}): "
                              f"{[(p.text, p.geonameid) for p in hits] or 'not found'}")
    found = sum(c[0] for c in counts.values())
    total = sum(c[1] for c in counts.values())
    recall = {k: round(v[0] / v[1], 4) if v[1] else None for k, v in counts.items()}
    return {"sentences": len(by_sentence), "mentions": total, "recall": round(found / total, 4) if total else None,
            "recall_by_kind": recall, "emitted_as_town": as_town, "missed": missed,
            "summary": f"{len(by_sentence)} sentences, recall {found}/{total} (towns {recall['town']}, areas "
                       f"{recall['area']}); rivers/areas emitted as towns: {len(as_town)} {as_town[:8]}"}


def main() -> int:
    """Run the front-line set alone and print every miss with the sentence it came from."""
    from bench.geo_eval import _load_stack

    nlp, tables, gazetteer = _load_stack()
    result = score_frontline(nlp, tables, gazetteer)
    print(result["summary"])
    for line in result.get("missed", []):
        print("  missed:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
