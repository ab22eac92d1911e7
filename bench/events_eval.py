"""Event extraction evaluation on the PLOVER gold standard record (PLOVER_GSR_CAMEO.json, 322 sentences).

`main()` prints a table and writes bench/results/events-<date>.json. Gold data is read from ../shared/eval
at run time and never copied into the repository. Each sentence runs through spaCy, the entity stage and
the event extractor (the GSR has no places worth resolving, so the geo stage is skipped; the event stage
then uses the NER's place spans). The GSR predates PLOVER 2.0: DEMAND->REQUEST, FIGHT->ASSAULT,
DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE; the DOCUMENT record is skipped.

Split: records whose id number is even are the development half (looked at while fixing general bugs),
odd ones are held out; both halves and the whole set are reported.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "eval" / "events" / "PLOVER_GSR_CAMEO.json"
RESULTS = ROOT / "bench" / "results"
TYPE_MAP = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
_STOP = frozenset("the a an of and in on for to by with its their his her 's".split())


@dataclass(frozen=True)
class GoldSentence:
    """One GSR record: sentence, PLOVER type and actor texts/codes."""

    id: str
    text: str
    type: str
    sources: tuple[tuple[str, str], ...]  # (actorText, code)
    targets: tuple[tuple[str, str], ...]

    @property
    def half(self) -> str:
        """'dev' for even id numbers, 'test' for odd ones."""
        return "dev" if int(self.id.rsplit("-", 1)[1]) % 2 == 0 else "test"


def load_gsr(path: Path = GSR) -> list[GoldSentence]:
    """Read the GSR, mapping pre-2.0 types and skipping the DOCUMENT record."""
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if rec["event"] == "DOCUMENT":
            continue
        out.append(GoldSentence(rec["id"], rec["text"], TYPE_MAP.get(rec["event"], rec["event"]),
                                _actors(rec.get("source")), _actors(rec.get("target"))))
    return out


def _actors(value: Any) -> tuple[tuple[str, str], ...]:
    """GSR actor lists ('' or a list of {actorText, code})."""
    if not value or not isinstance(value, list):
        return ()
    return tuple((a.get("actorText", ""), a.get("code", "")) for a in value if isinstance(a, dict))


def _words(text: str) -> set[str]:
    """Content words of an actor text, lower-cased."""
    return {w for w in re.findall(r"[\w-]+", text.lower()) if w not in _STOP}


def actor_matches(text: str | None, country: str | None, gold: tuple[tuple[str, str], ...]) -> bool:
    """A predicted actor matches when it shares a content word with a gold actor text or has its country code."""
    if text is None:
        return False
    words = _words(text)
    return any(words & _words(g_text) or (country and country == code) for g_text, code in gold)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def predict(sentences: list[GoldSentence]) -> list[tuple]:
    """Run spaCy + entities + events over every sentence; return the events per sentence."""
    from sitrep import entities as entity_stage
    from sitrep import events
    from sitrep.nlp import load_nlp
    from sitrep.records import Article
    from sitrep.tables import load_tables

    tables = load_tables()
    nlp = load_nlp()
    lexicon = events.EventLexicon.load()
    out = []
    for doc, gold in nlp.pipe(((g.text, g) for g in sentences), as_tuples=True, batch_size=64):
        found = entity_stage.extract_entities(doc, tables)
        article = Article.from_text(gold.text)
        out.append(events.extract_events(doc, found, (), (), article, lexicon))
    return out


def score(sentences: list[GoldSentence], predictions: list[tuple]) -> dict[str, Any]:
    """Per-type P/R/F1 (all predicted types and top-1 type per sentence), macro-F1, actor/recipient F1."""
    from sitrep.events import PLOVER_TYPES

    counts = {mode: {t: [0, 0, 0] for t in PLOVER_TYPES} for mode in ("all", "top1")}
    roles = {"actor": [0, 0, 0], "recipient": [0, 0, 0]}
    for gold, evs in zip(sentences, predictions):
        predicted = {e.type for e in evs}
        top = max(evs, key=lambda e: e.confidence).type if evs else None
        for mode, labels in (("all", predicted), ("top1", {top} if top else set())):
            c = counts[mode]
            c[gold.type][0 if gold.type in labels else 2] += 1
            for t in labels - {gold.type}:
                c[t][1] += 1
        matching = sorted((e for e in evs if e.type == gold.type), key=lambda e: -e.confidence)
        best = matching[0] if matching else None
        for role, gold_actors in (("actor", gold.sources), ("recipient", gold.targets)):
            ref = getattr(best, role) if best else None
            ok = ref is not None and actor_matches(ref.text, ref.country, gold_actors)
            tally = roles[role]
            if ok:
                tally[0] += 1
            elif ref is not None:
                tally[1] += 1
            if gold_actors and not ok:
                tally[2] += 1
    result: dict[str, Any] = {"n": len(sentences)}
    for mode, c in counts.items():
        per_type = {t: _prf(*c[t]) for t in PLOVER_TYPES if c[t][0] + c[t][2] > 0}
        result[mode] = {"per_type": per_type,
                        "macro_f1": round(sum(v["f1"] for v in per_type.values()) / max(1, len(per_type)), 3),
                        "micro": _prf(sum(v[0] for v in c.values()), sum(v[1] for v in c.values()),
                                      sum(v[2] for v in c.values()))}
    result["actor"] = _prf(*roles["actor"])
    result["recipient"] = _prf(*roles["recipient"])
    result["no_event"] = sum(1 for p in predictions if not p)
    return result


def print_table(results: dict[str, Any], console: Console) -> None:
    """Per-type table for the held-out half and the whole set, then the summary lines."""
    table = Table(title="PLOVER GSR event types (P/R/F1, all predicted types per sentence)")
    table.add_column("type")
    for half in ("test", "all"):
        table.add_column(f"{half} n")
        table.add_column(f"{half} P/R/F1")
        table.add_column(f"{half} top-1 F1")
    for t in results["all"]["all"]["per_type"]:
        row = [t]
        for half in ("test", "all"):
            v = results[half]["all"]["per_type"].get(t)
            top = results[half]["top1"]["per_type"].get(t)
            row += [str(v["tp"] + v["fn"]) if v else "0",
                    f"{v['precision']:.2f}/{v['recall']:.2f}/{v['f1']:.2f}" if v else "-",
                    f"{top['f1']:.2f}" if top else "-"]
        table.add_row(*row)
    console.print(table)
    for half in ("dev", "test", "all"):
        r = results[half]
        console.print(f"{half:>4} n={r['n']:3}  macro-F1 all-types {r['all']['macro_f1']:.3f}  "
                      f"top-1 {r['top1']['macro_f1']:.3f}  micro-F1 {r['all']['micro']['f1']:.3f}  "
                      f"actor F1 {r['actor']['f1']:.3f}  recipient F1 {r['recipient']['f1']:.3f}  "
                      f"no event {r['no_event']}")


def main() -> int:
    """Score the event stage on the GSR; print and write bench/results/events-<date>.json."""
    console = Console(width=140)
    if not GSR.exists():
        console.print(f"[yellow]skipped: {GSR} is missing (events eval needs ../shared)[/yellow]")
        return 3
    sentences = load_gsr()
    predictions = predict(sentences)
    results: dict[str, Any] = {}
    for half in ("dev", "test", "all"):
        chosen = [(g, p) for g, p in zip(sentences, predictions) if half == "all" or g.half == half]
        results[half] = score([g for g, _ in chosen], [p for _, p in chosen])
    print_table(results, console)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"events-{date.today().isoformat()}.json"
    out.write_text(json.dumps({"dataset": "PLOVER_GSR_CAMEO", "split": "dev = even id numbers, test = odd",
                               "type_map": TYPE_MAP, "results": results}, indent=2), encoding="utf-8")
    console.print(f"wrote {out}")
    return 0


def errors(half: str = "dev", limit: int = 60) -> None:
    """Print misses on one half (for finding general bugs; never tune rows to single sentences)."""
    sentences = [g for g in load_gsr() if g.half == half]
    for gold, evs in zip(sentences, predict(sentences)):
        types = sorted({e.type for e in evs})
        if gold.type not in types and limit > 0:
            limit -= 1
            print(f"{gold.id:32} gold {gold.type:9} got {types}  | {gold.text[:150]}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "errors":
        errors(*(sys.argv[2:3] or ["dev"]))
        sys.exit(0)
    sys.exit(main())
