"""Hand audit of the event record on held-out real articles (rules in bench/events_audit_rules.md).

`python -m bench.events_audit dump` writes bench/events_audit.tsv (first 10 events of 24 held-out articles)
with empty verdict columns; judges fill them by the written rules; `python -m bench.events_audit score`
prints the figures and writes bench/results/events-audit-<date>.json. Article texts are read from ../shared
at run time and never copied here; the TSV holds the evidence sentences the judge needs. `dump --tune` and
`score --tune` do the same for the tuning half (even positions; bench/events_tune.tsv, events_tune_judged*.tsv),
where error patterns are studied so that the reported half stays unread while developing. `merge [--tune]` rewrites
the judged sheets as today's output: a row keeps its verdicts when an earlier judgement was about the same event
(same signature), and new rows come with empty verdicts for the judge; rows no longer produced are dropped.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"
GEO = SHARED / "eval" / "geo"
AUDIT = ROOT / "bench" / "events_audit.tsv"
# the tuning half, judged by the same rules so that error patterns are read there and not on the reported half
TUNE_AUDIT = ROOT / "bench" / "events_tune.tsv"
RESULTS = ROOT / "bench" / "results"
PER_ARTICLE = 10
PER_SOURCE = 12
# news texts about conflict: enough of these words to be war, security or protest reporting
_CONFLICT = re.compile(r"\b(troops|military|missile|shelling|killed|attack|forces|rebels|militants|army|airstrike|"
                       r"bomb|war|sanctions|ceasefire|protest)", re.I)
VERDICTS = ("is_event", "type_ok", "actor_ok", "recipient_ok", "missed_recipient", "place_ok", "boilerplate", "note")


def held_out_articles(half: str = "report") -> Iterator[tuple[str, str, str | None, str | None]]:
    """(article key, text, date, speaker) of one half: "report" = odd positions (never tuned on), "tune" = even."""
    from sitrep.ingest.xmlcorpus import read_xml_corpus

    parity = 1 if half == "report" else 0
    zel = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    for n, row in enumerate(zel[parity::2][:PER_SOURCE]):
        speaker = (row.get("speaker") or [None])[0]
        yield f"zelensky#{2 * n + parity}", row["text"], (row.get("date") or "")[:10] or None, speaker
    news = []
    for corpus in ("geowebnews", "lgl"):
        for i, item in enumerate(read_xml_corpus(GEO / f"{corpus}.xml")):
            if i % 2 == parity and len(_CONFLICT.findall(item.article.text)) >= 4:
                news.append((f"{corpus}#{i}", item.article.text, item.article.date, None))
    yield from news[:PER_SOURCE]


def current_rows(half: str = "report") -> list[dict[str, str]]:
    """The audit rows as sitrep produces them now (first events of each article of one half)."""
    import sitrep

    pipeline = sitrep.load_pipeline()
    rows = []
    for key, text, day, speaker in held_out_articles(half):
        report = sitrep.analyze(text, pipeline=pipeline, date=day, speaker=speaker)
        for ev in report.events[:PER_ARTICLE]:
            rows.append({"article": key, "event": ev.id, "type": ev.type, "mode": ev.mode or "",
                         "trigger": ev.trigger.text, "actor": ev.actor.text if ev.actor else "",
                         "actor_note": ev.actor_note or "", "recipient": ev.recipient.text if ev.recipient else "",
                         "place": ev.place.text if ev.place else "", "modality": ev.modality,
                         "evidence": ev.evidence.text.replace("\n", " ").replace("\t", " "),
                         **{v: "" for v in VERDICTS}})
    return rows


def _signature(row: dict[str, str]) -> tuple[str, ...]:
    """What a judgement was about: the article, event kind, trigger and roles."""
    return tuple(row[k] for k in ("article", "type", "mode", "trigger", "actor", "recipient", "place", "modality"))


def dump(half: str = "report") -> int:
    """Write the audit sheet of one half with sitrep's events and empty verdicts."""
    rows = current_rows(half)
    target = AUDIT if half == "report" else TUNE_AUDIT
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} events from {len({r['article'] for r in rows})} articles to {target}")
    return 0


def score(paths: list[Path]) -> dict[str, Any]:
    """Figures from judged sheets (every verdict column filled by the rules)."""
    rows = [r for p in paths for r in csv.DictReader(p.open(encoding="utf-8"), delimiter="\t")]
    n = len(rows)
    yes = lambda r, col: r[col].strip().lower() == "y"  # noqa: E731
    judged = lambda col: [r for r in rows if r[col].strip().lower() in ("y", "n")]  # noqa: E731
    ratio = lambda num, den: round(num / den, 3) if den else None  # noqa: E731
    no_actor = [r for r in rows if not r["actor"]]
    out = {
        "events": n, "articles": len({r["article"] for r in rows}),
        "type_right": ratio(sum(yes(r, "type_ok") for r in rows), n),
        "type_and_actor_right": ratio(sum(yes(r, "type_ok") and yes(r, "actor_ok") for r in rows), n),
        "recipient_right_where_given": ratio(sum(yes(r, "recipient_ok") for r in judged("recipient_ok")),
                                             len(judged("recipient_ok"))),
        "place_right_where_given": ratio(sum(yes(r, "place_ok") for r in judged("place_ok")), len(judged("place_ok"))),
        "no_actor": ratio(len(no_actor), n),
        "no_actor_with_note": sum(bool(r["actor_note"]) for r in no_actor),
        "missed_recipients": sum(yes(r, "missed_recipient") for r in rows),
        "not_events": sum(r["is_event"].strip().lower() == "n" for r in rows),
        "boilerplate": sum(yes(r, "boilerplate") for r in rows),
    }
    by_source: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_source.setdefault(r["article"].split("#")[0], []).append(r)
    out["type_right_by_source"] = {s: ratio(sum(yes(r, "type_ok") for r in rs), len(rs)) for s, rs in by_source.items()}
    return out


def merge(half: str = "report") -> int:
    """Rewrite one half's judged sheets as today's rows, carrying verdicts over by signature."""
    tune = half == "tune"
    sheets = sorted((ROOT / "bench").glob("events_tune_judged*.tsv" if tune else "events_audit_judged*.tsv"))
    verdicts: dict[tuple[str, ...], dict[str, str]] = {}
    for path in sorted((ROOT / "bench").glob("events_*judged*.tsv")):
        # the committed sheets too: a row that an experiment dropped and a later change restored keeps its verdict
        committed = subprocess.run(["git", "show", f"HEAD:{path.relative_to(ROOT)}"], cwd=ROOT, capture_output=True,
                                   text=True, encoding="utf-8").stdout
        for text in (committed, path.read_text(encoding="utf-8")):
            for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
                if row.get("type_ok", "").strip():
                    verdicts[_signature(row)] = {v: row[v] for v in VERDICTS}
    now = current_rows(half)
    for row in now:
        row.update(verdicts.get(_signature(row), {}))
    # the report half is kept in two sheets, the addresses apart from the news, as they were judged
    target = (lambda r: sheets[0]) if tune or len(sheets) < 2 else \
        (lambda r: sheets[1] if r["article"].startswith("zelensky") else sheets[0])
    by_sheet: dict[Path, list[dict[str, str]]] = {s: [] for s in sheets}
    for row in now:
        by_sheet[target(row)].append(row)
    for path, rows in by_sheet.items():
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(now[0]), delimiter="\t")
            writer.writeheader()
            writer.writerows(rows)
    fresh = [r for r in now if not r["type_ok"].strip()]
    print(f"{len(now)} rows, {len(now) - len(fresh)} carried over, {len(fresh)} to judge")
    for r in fresh:
        print("\t".join(r[k] for k in ("article", "event", "type", "mode", "trigger", "actor", "recipient", "place",
                                        "modality", "evidence")))
    return 0


def main(argv: list[str] | None = None) -> int:
    """dump [--tune] | merge [--tune] | score [--tune] [SHEET...] (make eval runs score on the reported half)."""
    argv = list(argv or ["score"])
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is missing (the audit needs ../shared)")
        return 3
    if argv[:1] in (["dump"], ["merge"]):
        return (dump if argv[0] == "dump" else merge)("tune" if argv[1:2] == ["--tune"] else "report")
    tune = argv[1:2] == ["--tune"]
    sheets = ([Path(a) for a in argv[1 + tune:]]
              or sorted((ROOT / "bench").glob("events_tune_judged*.tsv" if tune else "events_audit_judged*.tsv")))
    if not sheets:
        print("no judged sheets (bench/events_audit_judged*.tsv); run dump and judge first")
        return 3
    figures = score(sheets)
    judged = {_signature(r) for p in sheets for r in csv.DictReader(p.open(encoding="utf-8"), delimiter="\t")}
    now = current_rows("tune" if tune else "report")
    # the judgements hold for the code that was judged; say how much of today's output they still cover
    figures["still_current"] = {"judged_rows_produced_today": sum(_signature(r) in judged for r in now),
                                "rows_today": len(now)}
    print(json.dumps(figures, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"events-audit{'-tune' if tune else ''}-{date.today().isoformat()}.json"
    names = [str(s.resolve().relative_to(ROOT)) for s in sheets]
    out.write_text(json.dumps({"rules": "bench/events_audit_rules.md", "sheets": names, "figures": figures}, indent=2),
                   encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["score"]))
