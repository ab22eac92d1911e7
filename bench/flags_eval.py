"""Flag rates on real news and speeches, and precision from a hand-checked sample of flags.

Runs every check through the full pipeline over the LGL and GeoWebNews articles (../shared/eval/geo) and the
Zelensky addresses (../shared/corpus), prints flags per article per kind, and writes
bench/results/flags-<date>.json. Precision comes from bench/flags_review.tsv: flags read by a person, one
verdict each (TP/FP) with the reason. `--sample N` writes N flags to review (stratified by kind).

    python -m bench.flags_eval [--limit N] [--sample N]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GEO = SHARED / "eval" / "geo"
ZELENSKY = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"
REVIEW = ROOT / "bench" / "flags_review.tsv"
RESULTS = ROOT / "bench" / "results"


def read_corpora(limit: int | None = None) -> Iterator[tuple[str, "object"]]:
    """(corpus name, Article) for every article of the three corpora, `limit` per corpus when given."""
    from sitrep.ingest.xmlcorpus import read_xml_corpus
    from sitrep.records import Article

    for name in ("lgl", "geowebnews"):
        for i, item in enumerate(read_xml_corpus(GEO / f"{name}.xml")):
            if limit is not None and i >= limit:
                break
            yield name, item.article
    for i, line in enumerate(ZELENSKY.read_text(encoding="utf-8").splitlines()):
        if limit is not None and i >= limit:
            break
        rec = json.loads(line)
        yield "zelensky", Article.from_text(rec["text"], id=rec["id"], title=rec.get("title"), date=rec.get("date"))


def run(limit: int | None = None, reports_path: Path | None = None, reuse: bool = False) -> tuple[list[dict], dict]:
    """Analyse every article; return one row per flag and the per-corpus counts.

    With `reports_path`, every report is saved there as JSON lines; with `reuse` too, the saved reports
    are read back and only the checks run again (for iterating on checks without re-parsing).
    """
    from dataclasses import replace

    from sitrep.checks import run_checks
    from sitrep.records import report_from_dict

    pairs = list(read_corpora(limit))
    corpus_of = {a.id: c for c, a in pairs}
    rows: list[dict] = []
    articles = Counter(c for c, _ in pairs)
    started = time.perf_counter()
    if reuse and reports_path is not None and reports_path.exists():
        lines = [l for l in reports_path.read_text(encoding="utf-8").split("\n") if l.strip()]
        reports = (report_from_dict(json.loads(line)) for line in lines)
        reports = (replace(r, flags=run_checks(r)) for r in reports)
        save = None
    else:
        from sitrep.pipeline import load_pipeline

        reports = load_pipeline().analyze_many((a for _, a in pairs), batch_size=16)
        save = reports_path.open("w", encoding="utf-8") if reports_path is not None else None
    for report in reports:
        if save is not None:
            save.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        for f in report.flags:
            rows.append({"corpus": corpus_of[report.article.id], "article": report.article.id, "kind": f.kind,
                         "severity": f.severity, "start": f.evidence.start, "end": f.evidence.end,
                         "evidence": f.evidence.text, "message": f.message})
    if save is not None:
        save.close()
    seconds = time.perf_counter() - started
    return rows, {"articles": dict(articles), "seconds": round(seconds, 1)}


def read_review(path: Path = REVIEW) -> list[dict]:
    """The hand-checked flags: corpus, article, kind, evidence, verdict (TP/FP), reason."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader((l for l in handle if not l.startswith("#")), delimiter="\t")]


def precision_by_kind(review: list[dict], rows: list[dict] | None = None) -> dict[str, dict]:
    """Precision per kind from the verdicts of the review table, counting only flags this run still raises."""
    raised = None if rows is None else {(r["article"], r["kind"], r["evidence"][:80]) for r in rows}
    out: dict[str, dict] = {}
    by_kind: dict[str, list[str]] = defaultdict(list)
    gone: Counter[str] = Counter()
    for row in review:
        if raised is not None and (row["article"], row["kind"], row["evidence"]) not in raised:
            gone[row["kind"]] += 1  # reviewed in an earlier run, no longer raised
            continue
        by_kind[row["kind"]].append(row["verdict"].strip().upper())
    for kind, verdicts in sorted(by_kind.items()):
        tp = verdicts.count("TP")
        out[kind] = {"checked": len(verdicts), "tp": tp, "precision": round(tp / len(verdicts), 3)}
    for kind, n in gone.items():
        out.setdefault(kind, {"checked": 0, "tp": 0, "precision": None})["reviewed_no_longer_raised"] = n
    return out


def write_sample(rows: list[dict], n: int, path: Path) -> None:
    """Write a stratified random sample of flags (every kind represented) for a person to review."""
    rng = random.Random(2026)
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    per_kind = max(1, n // max(1, len(by_kind)))
    picked = [r for kind in sorted(by_kind) for r in rng.sample(by_kind[kind], min(per_kind, len(by_kind[kind])))]
    with path.open("w", encoding="utf-8") as handle:
        handle.write("corpus\tarticle\tkind\tevidence\tverdict\treason\n")
        for r in picked:
            handle.write(f"{r['corpus']}\t{r['article']}\t{r['kind']}\t{r['evidence'][:200]}\t\t\n")


def main(argv: list[str] | None = None) -> int:
    """Run the flag benchmark, print the table and write bench/results/flags-<date>.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    parser.add_argument("--sample", type=int, default=0, help="write this many flags to bench/results for review")
    parser.add_argument("--save-reports", type=Path, default=None, help="save every report here (JSON lines)")
    parser.add_argument("--reuse-reports", action="store_true", help="rerun only the checks on saved reports")
    args = parser.parse_args(argv if argv is not None else [])
    if not GEO.exists() or not ZELENSKY.exists():
        print(f"flags_eval: needs {GEO} and {ZELENSKY}; skipped")
        return 3
    rows, meta = run(args.limit, args.save_reports, args.reuse_reports)
    kinds = sorted({r["kind"] for r in rows})
    corpora = list(meta["articles"])
    counts = Counter((r["corpus"], r["kind"]) for r in rows)
    table = {c: {k: {"flags": counts[(c, k)], "per_article": round(counts[(c, k)] / meta["articles"][c], 3)}
                 for k in kinds} for c in corpora}
    precision = precision_by_kind(read_review(), rows)
    print(f"{'kind':28}" + "".join(f"{c + ' /art':>18}" for c in corpora) + f"{'checked':>9}{'precision':>11}")
    for k in kinds:
        p = precision.get(k, {})
        cells = "".join(f"{table[c][k]['flags']:>8} {table[c][k]['per_article']:>8.3f} " for c in corpora)
        prec = p.get("precision")
        print(f"{k:28}{cells}{p.get('checked', 0):>9}{prec if prec is not None else float('nan'):>11.2f}")
    how = "checks only, on saved reports" if args.reuse_reports else "pipeline included"
    print(f"articles: {meta['articles']}; {len(rows)} flags in {meta['seconds']} s ({how})")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"flags-{date.today().isoformat()}.json"
    out.write_text(json.dumps({"articles": meta["articles"], "seconds": meta["seconds"], "limit": args.limit,
                               "flags_by_corpus_kind": table, "precision_by_kind": precision,
                               "review_file": str(REVIEW.relative_to(ROOT))}, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    if args.sample:
        # samples quote article text (GPL corpora): kept out of git by the *.tmp rule in .gitignore
        sample = RESULTS / f"flags-sample-{date.today().isoformat()}.tsv.tmp"
        write_sample(rows, args.sample, sample)
        (RESULTS / f"flags-all-{date.today().isoformat()}.jsonl.tmp").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {sample} for review, and every flag to flags-all-<date>.jsonl.tmp")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
