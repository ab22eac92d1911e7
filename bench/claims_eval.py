"""Claims ledger on the Zelensky corpus: how many claims, how many with two or more independent roots, how
matching time per article behaves as the ledger grows, and a sample of claim links for hand-checking.

Prints a table and writes bench/results/claims-<date>.json; the sample goes to bench/claims_links_sample.tsv
(verdict columns left empty; judge by bench/claims_audit_rules.md). The corpus is read from ../shared.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "zelensky_addresses_2022_en.jsonl"
SAMPLE = ROOT / "bench" / "claims_links_sample.tsv"
SAMPLE_COLUMNS = ("link", "half", "claim", "role", "kind", "type", "summary", "article_a", "date_a", "evidence_a",
                  "root_a", "article_b", "date_b", "evidence_b", "root_b", "verdict_link", "verdict_roots", "note")
# a link belongs to the half of its anchor article's position in the date-sorted corpus: errors are studied
# on the even (tune) half only, so the odd (report) half measures matching it was not tuned on
HALVES = ("tune", "report")


def analyse_corpus(limit: int | None) -> list:
    """Reports of the corpus addresses, oldest first (the order a live ingest would see them)."""
    from sitrep.ingest.sources import Skipped, SourceOptions, iter_articles
    from sitrep.pipeline import load_pipeline

    articles = [a for a in iter_articles([str(CORPUS)], SourceOptions()) if not isinstance(a, Skipped)]
    articles = sorted(articles, key=lambda a: (a.date or "", a.id))[:limit]
    pipeline = load_pipeline()
    return list(pipeline.analyze_many(articles, batch_size=8))


def build(reports: list) -> tuple[list, list[float]]:
    """The ledger of the reports and the seconds each report took to add (claims, roots and matching)."""
    from sitrep.claims import Ledger, near_duplicate_groups

    groups = near_duplicate_groups(reports)
    ledger = Ledger()
    times = []
    for report in reports:
        t0 = time.perf_counter()
        ledger.add_report(report, groups.get(report.article.text_sha256))
        times.append(time.perf_counter() - t0)
    return ledger.claims(), times


def links(claims: list, positions: dict[str, int] | None = None) -> list[dict[str, str]]:
    """Every cross-article link of the ledger: each later supporting mention and each denial, against the anchor.

    `positions` (article id -> place in the date-sorted corpus) sets each link's half: even tune, odd report.
    """
    out = []
    for c in claims:
        a = c.anchor
        others = [(m, "support") for m in c.mentions[1:] if m.claim.article_sha != a.claim.article_sha]
        others += [(d.claim, "denial") for d in c.denials]
        for m, role in others:
            pos = (positions or {}).get(a.claim.article_id)
            out.append({"half": HALVES[pos % 2] if pos is not None else "", "claim": c.id, "role": role,
                        "kind": a.claim.kind, "type": a.claim.type,
                        "article_a": a.claim.article_id, "date_a": str(a.claim.article_day or ""),
                        "evidence_a": _one_line(a.claim.evidence.text), "root_a": a.root.key,
                        "article_b": m.claim.article_id, "date_b": str(m.claim.article_day or ""),
                        "evidence_b": _one_line(m.claim.evidence.text), "root_b": m.root.key})
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the ledger over the corpus, print the figures and write the results and the link sample."""
    from sitrep.claims.ledger import summary

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="addresses to use (default: all)")
    parser.add_argument("--sample", type=int, default=50, help="claim links to write for hand-checking")
    parser.add_argument("--resample", action="store_true", help="overwrite a sample that already has verdicts")
    args = parser.parse_args(argv if argv is not None else [])
    if not CORPUS.exists():
        print(f"claims_eval: needs {CORPUS}; skipped")
        return 3
    t0 = time.perf_counter()
    reports = analyse_corpus(args.limit)
    analyse_s = time.perf_counter() - t0
    claims, times = build(reports)
    multi = [c for c in claims if c.independent_roots >= 2]
    all_links = links(claims, {r.article.id: i for i, r in enumerate(reports)})
    quarter = max(1, len(times) // 4)
    result = {
        "corpus": CORPUS.name, "articles": len(reports), "claims": len(claims),
        "claims_by_kind": dict(Counter(c.anchor.claim.kind for c in claims)),
        "claims_in_2_or_more_articles": sum(1 for c in claims if len({m.claim.article_sha for m in c.mentions}) >= 2),
        "claims_with_2_or_more_independent_roots": len(multi),
        "claims_denied": sum(1 for c in claims if c.denials), "claims_with_drift": sum(1 for c in claims if c.drift),
        "links": len(all_links), "links_by_role": dict(Counter(link["role"] for link in all_links)),
        "ledger_ms_per_article_first_quarter": round(1000 * sum(times[:quarter]) / quarter, 2),
        "ledger_ms_per_article_last_quarter": round(1000 * sum(times[-quarter:]) / quarter, 2),
        "links_by_half": {h: sum(1 for link in all_links if link["half"] == h) for h in HALVES},
        "analyse_s": round(analyse_s, 1),
        "examples_2_or_more_roots": [f"{summary(c)} — {', '.join(r.key for r in c.roots)}" for c in multi[:10]],
    }
    if args.sample and (args.resample or not _judged(SAMPLE)):
        write_sample(all_links, args.sample, {c.id: summary(c) for c in claims})
    result.update(sample_scores(SAMPLE, all_links))
    for key, value in result.items():
        if not isinstance(value, list):
            print(f"{key:45s} {value}")
    for line in result["examples_2_or_more_roots"]:
        print(f"  {line}")
    out = ROOT / "bench" / "results" / f"claims-{dt.date.today().isoformat()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


def write_sample(all_links: list[dict[str, str]], n: int, summaries: dict[str, str]) -> None:
    """A seeded random sample of links, verdict columns empty, to bench/claims_links_sample.tsv."""
    rng = random.Random(13)
    picked = sorted(rng.sample(range(len(all_links)), min(n, len(all_links))))
    with open(SAMPLE, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(SAMPLE_COLUMNS)
        for k, i in enumerate(picked, 1):
            link = all_links[i]
            row = {**link, "link": f"L{k:02d}", "summary": summaries[link["claim"]], "verdict_link": "",
                   "verdict_roots": "", "note": ""}
            writer.writerow([row[c] for c in SAMPLE_COLUMNS])
    print(f"wrote {SAMPLE} ({len(picked)} of {len(all_links)} links)")


def sample_scores(path: Path, all_links: list[dict[str, str]]) -> dict[str, object]:
    """Precision and root accuracy of the judged sample, overall and per half; rows that no longer match a
    current link are counted as stale and left out (a verdict on a link the ledger no longer makes says nothing)."""
    if not path.exists():
        return {}
    current = {_link_key(link) for link in all_links}
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    judged = [r for r in rows if r.get("verdict_link") in ("yes", "no") and _link_key(r) in current]
    out: dict[str, object] = {
        "sample_rows": len(rows), "sample_is_all_links": len(rows) == len(all_links),
        "sample_stale_rows": sum(1 for r in rows if _link_key(r) not in current),
        "sample_judged": len(judged), "sample_precision": _share(judged, "verdict_link")}
    for half in HALVES:
        part = [r for r in judged if r.get("half") == half]
        out[f"sample_judged_{half}"] = len(part)
        out[f"sample_precision_{half}"] = _share(part, "verdict_link")
    roots = [r for r in judged if r.get("verdict_roots") in ("yes", "no")]
    out["sample_roots_judged"] = len(roots)
    out["sample_root_accuracy"] = _share(roots, "verdict_roots")
    return out


def _share(rows: list[dict[str, str]], column: str) -> float | None:
    """The share of rows whose column says yes, rounded; None when there are no rows."""
    return round(sum(1 for r in rows if r[column] == "yes") / len(rows), 3) if rows else None


def _link_key(row: dict[str, str]) -> tuple[str, ...]:
    """What identifies a link across runs: its claim, role, both articles and the supporting words."""
    return (row["claim"], row["role"], row["article_a"], row["article_b"], row["evidence_b"])


def _judged(path: Path) -> bool:
    """True when the sample exists and some verdict is filled in (make eval must not wipe the judgements)."""
    if not path.exists():
        return False
    with open(path, encoding="utf-8") as handle:
        return any(row.get("verdict_link") for row in csv.DictReader(handle, delimiter="\t"))


def _one_line(text: str) -> str:
    """A cell on one line, no tabs."""
    return " ".join(text.split())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
