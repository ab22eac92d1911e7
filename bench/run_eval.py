"""`make eval`: every accuracy measurement, printed and written to bench/results/*.json."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
# each module has main() that prints its table and writes bench/results/<name>-*.json
SUITES = ("bench.geo_eval", "bench.events_eval", "bench.events_audit", "bench.flags_eval", "bench.claims_eval",
          "bench.checks_inject")


def run_seed_evals(console: Console) -> None:
    """Score sitrep on every gold article file under shared/eval (those with a 'file' key)."""
    import json

    from sitrep.evaluate import evaluate_gold_file, print_scores, write_scores
    from sitrep.pipeline import load_pipeline

    pipeline = load_pipeline()
    for gold in sorted(SHARED_EVAL.glob("*/gold*.json")):
        if "file" not in json.loads(gold.read_text(encoding="utf-8")):
            continue
        result = evaluate_gold_file(gold, pipeline=pipeline)
        print_scores(result, console)
        console.print(f"wrote {write_scores(result, ROOT / 'bench' / 'results')}")


def main() -> int:
    """Run the seed eval, then each benchmark suite in turn."""
    console = Console(width=160)
    if not SHARED_EVAL.exists():
        console.print(f"[red]no gold data at {SHARED_EVAL}; make eval needs ../shared beside the repo[/red]")
        return 3
    run_seed_evals(console)
    for name in SUITES:
        console.rule(name)
        importlib.import_module(name).main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
