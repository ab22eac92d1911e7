"""Fuzz the Python API with hostile inputs: counts of reports, refusals, broken spans and crashes.

    .venv/bin/python -m bench.fuzz            # 10,000 inputs (make fuzz)
    .venv/bin/python -m bench.fuzz --n 500    # a quick look

Every input goes through the same path as `sitrep analyze` (bytes -> decode -> Article -> Report),
half with the language check and half without. An outcome is one of: report (every span checked
against the text), refused (a BadInputError, by its first words), evidence (EvidenceError: a
broken span), crash (anything else), hang (over --hang-s). The slowest inputs per kind, peak
memory, and for a few large hostile texts their time against a normal text of the same length,
go to bench/results/fuzz-DATE.json. Nothing here asserts: the figures are for reading.
"""
from __future__ import annotations

import argparse
import codecs
import json
import random
import resource
import signal
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
SEED = next((p for p in (ROOT.parent / "shared/eval/seed/article.txt", ROOT / "examples/seed_article.txt")
             if p.exists()), None)
SENTENCES = [  # real phrasing from war reporting, to mix hostile bytes into
    "Russian forces shelled Kharkiv on Monday, the regional governor said.",
    "Ukraine's General Staff denied that its troops had withdrawn from Bakhmut.",
    "President Vladimir Putin spoke with Colonel Yaramyr Temirkhanov by phone.",
    "\"We will not give up Avdiivka,\" a spokesman for the 47th Brigade told Reuters.",
    "A drone strike killed two civilians near Donetsk, according to local officials.",
]
LANGUAGES = [  # one sentence each in 12 languages (the language check should refuse most)
    "Российские войска обстреляли Харьков в понедельник.", "Російські війська обстріляли Харків.",
    "Les forces russes ont bombardé Kharkiv lundi.", "Russische Truppen beschossen am Montag Charkiw.",
    "Las fuerzas rusas bombardearon Járkov el lunes.", "القوات الروسية قصفت خاركيف يوم الاثنين.",
    "俄罗斯军队周一炮击了哈尔科夫。", "ロシア軍は月曜日にハルキウを砲撃した。", "러시아군이 월요일 하르키우를 포격했다.",
    "Rosyjskie siły ostrzelały Charków w poniedziałek.", "כוחות רוסיים הפגיזו את חרקוב ביום שני.",
    "Rus kuvvetleri pazartesi günü Harkov'u bombaladı.",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8-r",
             "koi8-u", "iso-8859-5", "cp1252", "latin-1", "mac-cyrillic", "cp866"]
HOSTILE_CHARS = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
                 "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\u2028", "\u2029", "\u0301",
                 "\ud800", "\udbff", "\udc00", "\udfff", "😀", "👩‍👩‍👧", "🏳️‍🌈", "\U0010ffff", "\U000e0001", "ﬁ",
                 "İ", "ß", "Ⅻ", "\t", "\x0b", "\x0c", "\r", "\r\n", "<", ">", "&", "&amp;", "&#0;", "]]>"]


def mixed(rng: random.Random, words: int) -> str:
    """Real sentences with hostile characters dropped between and inside words."""
    out = []
    for _ in range(words):
        word = rng.choice(rng.choice(SENTENCES).split())
        if rng.random() < 0.3:
            cut = rng.randrange(len(word) + 1)
            word = word[:cut] + rng.choice(HOSTILE_CHARS) + word[cut:]
        out.append(word)
    return rng.choice([" ", "", "\u200b", "\n", " \u202e"]).join(out) if rng.random() < 0.2 else " ".join(out)


def random_html(rng: random.Random) -> str:
    """Malformed, deep or script-laden HTML around real sentences."""
    depth = rng.choice([0, 1, 10, 100, 1000, 5000])
    tag = rng.choice(["div", "p", "span", "b", "table", "li", "font"])
    body = mixed(rng, rng.randint(3, 40))
    junk = rng.choice(["", "<script>alert(1)</script>", "<!--", "<![CDATA[", "<p", "</html></html>",
                       "<meta charset=koi8-r>", "<img src=x onerror=alert(1)>", "<style>p{}</style>"])
    closes = f"</{tag}>" * depth if rng.random() < 0.5 else ""
    return f"<html><head><title>{mixed(rng, 4)}</title></head><body>{junk}" + f"<{tag}>" * depth \
        + f"<p>{body}</p>" + closes + rng.choice(["</body></html>", "", "<"])


def generate(rng: random.Random) -> tuple[str, Callable[[], bytes | str]]:
    """One hostile input as (family, a thunk that builds it); built lazily so big ones are never stored."""
    family = rng.choices(
        ["random_bytes", "mixed_text", "html", "control", "rtl_zero_width", "emoji", "surrogates", "encoding",
         "language", "long_line", "jsonl_or_csv"],
        weights=[10, 25, 15, 8, 8, 8, 8, 8, 6, 2, 2])[0]
    n = rng.randint(1, 60)
    if family == "random_bytes":
        size = rng.choice([1, 16, 256, 4096])
        return family, lambda: rng.randbytes(size)
    if family == "mixed_text":
        return family, lambda: mixed(rng, n)
    if family == "html":
        return family, lambda: random_html(rng)
    if family == "control":
        return family, lambda: "".join(rng.choice([*HOSTILE_CHARS[:5], "\x00" * 10, rng.choice(SENTENCES)])
                                       for _ in range(n))
    if family == "rtl_zero_width":
        return family, lambda: "".join(rng.choice(["\u202e", "\u200f", "\u200b", "\u2066"]) + w
                                       for w in rng.choice(SENTENCES).split())
    if family == "emoji":
        size = rng.choice([10, 1000, 10_000])
        return family, lambda: rng.choice(SENTENCES) + " " + "".join(rng.choice("😀🔥💥🇺🇦🇷🇺") for _ in range(size))
    if family == "surrogates":
        return family, lambda: "".join(rng.choice([rng.choice(SENTENCES), "\ud800", "\udfff", "\ud83d"])
                                       for _ in range(n))
    if family == "encoding":
        enc = rng.choice(ENCODINGS)
        text = rng.choice(SENTENCES + LANGUAGES[:2])
        return f"encoding:{enc}", lambda: codecs.encode(text, enc, errors="replace") \
            + (rng.randbytes(3) if rng.random() < 0.3 else b"")
    if family == "language":
        return family, lambda: " ".join(rng.choice(LANGUAGES) for _ in range(rng.randint(1, 8)))
    if family == "long_line":
        size = rng.choice([200_000, 1_200_000, 5_000_000])
        return f"long_line:{size}", lambda: (rng.choice(SENTENCES) + " ") * (size // 60)
    return family, lambda: rng.choice(['{"text": "Russian forces', '{"text": 1}\n{broken', 'text,date\n"a,"b\n',
                                       '\x00{"text": "x"}', "id,text\n1," + "\"" * 100]).encode()


def run_one(pipeline: Any, data: bytes | str, language_check: bool) -> tuple[str, str, Any]:
    """Analyse one input as `sitrep analyze` would; return (outcome, detail, report or None)."""
    from sitrep.errors import BadInputError
    from sitrep.evidence import EvidenceError
    from sitrep.ingest.text import article_from_bytes, article_from_string

    try:
        if isinstance(data, bytes):
            article = article_from_bytes(data, language_check=language_check, origin="fuzz")
        else:
            article = article_from_string(data, language_check=language_check, origin="fuzz")
        return "report", "", pipeline.analyze(article)
    except EvidenceError as exc:
        return "evidence", str(exc)[:300], None
    except BadInputError as exc:
        return "refused", " ".join(str(exc).replace("fuzz: ", "").split()[:4]), None
    except Hang:
        return "hang", "", None
    except Exception as exc:  # noqa: BLE001 - counting every unexpected exception is the point
        return "crash", f"{type(exc).__name__}: {str(exc)[:200]}", None


class Hang(Exception):
    """Raised by the alarm when one input runs over the limit."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang()


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fuzz(pipeline: Any, n: int, seed: int, hang_s: int) -> dict[str, Any]:
    """Run n generated inputs (each once with and once without the language check counts as two runs)."""
    from sitrep.evidence import span_violations, spans_of

    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    refusals: Counter[str] = Counter()
    by_family: dict[str, Counter[str]] = defaultdict(Counter)
    slowest: dict[str, tuple[float, int]] = {}
    problems: list[dict[str, Any]] = []
    span_checks = 0
    signal.signal(signal.SIGALRM, _alarm)
    started = time.perf_counter()
    for i in range(n):
        family, build = generate(rng)
        data = build()
        language_check = i % 2 == 0
        signal.alarm(hang_s)
        t0 = time.perf_counter()
        outcome, detail, report = run_one(pipeline, data, language_check)
        elapsed = time.perf_counter() - t0
        signal.alarm(0)
        if report is not None:
            bad = span_violations(report)  # check_evidence ran already; counted again here to report the number
            span_checks += sum(1 for _ in spans_of(report))
            if bad:
                outcome, detail = "evidence", "; ".join(bad[:2])
        outcomes[outcome] += 1
        by_family[family.split(":")[0]][outcome] += 1
        if outcome == "refused":
            refusals[detail] += 1
        if outcome in ("crash", "evidence", "hang"):
            problems.append({"i": i, "family": family, "language_check": language_check, "detail": detail,
                             "input_head": repr(data[:200])})
        key = family.split(":")[0]
        if elapsed > slowest.get(key, (0.0, 0))[0]:
            slowest[key] = (elapsed, len(data))
        if (i + 1) % 1000 == 0:
            print(f"{i + 1:,} inputs, {dict(outcomes)}, {time.perf_counter() - started:.0f} s", flush=True)
    return {"inputs": n, "seed": seed, "outcomes": dict(outcomes), "spans_checked": span_checks,
            "by_family": {k: dict(v) for k, v in sorted(by_family.items())},
            "refusals": dict(refusals.most_common(15)), "problems": problems[:50],
            "slowest_s_by_family": {k: {"seconds": round(s, 3), "size": size} for k, (s, size) in slowest.items()},
            "wall_s": round(time.perf_counter() - started, 1), "peak_rss_mb": round(peak_rss_mb())}


def big_inputs(length: int) -> Iterator[tuple[str, str]]:
    """Large hostile texts of about `length` characters, each compared with normal text of its length."""
    yield "emoji_flood", "Russian forces shelled Kharkiv. " + "😀🔥" * (length // 2)
    yield "zero_width_words", "\u200b".join((SENTENCES[0] + " ").split()) * (length // 60)
    yield "rtl_overrides", " ".join("\u202e" + w for w in SENTENCES[1].split()) * (length // 80)
    yield "no_whitespace", SENTENCES[2].replace(" ", "") * (length // 60)
    yield "deep_html", "<div>" * (length // 12) + "<p>" + SENTENCES[0] + "</p>" + "</div>" * (length // 12)


def ratios(pipeline: Any, length: int) -> list[dict[str, Any]]:
    """Seconds for each big hostile text against a normal article (the seed, repeated) of the same length."""
    from sitrep.errors import BadInputError
    from sitrep.ingest.text import article_from_string

    normal_text = (SEED.read_text(encoding="utf-8") if SEED else " ".join(SENTENCES) + "\n") * (length // 4000 + 1)
    rows = []
    for name, text in big_inputs(length):
        t0 = time.perf_counter()
        try:
            article = article_from_string(text, language_check=False, origin=name)
            pipeline.analyze(article)
            outcome = "report"
        except BadInputError as exc:
            article, outcome = None, f"refused: {exc}"[:120]
        hostile_s = time.perf_counter() - t0
        analysed = len(article.text) if article else len(text)
        t0 = time.perf_counter()
        pipeline.analyze(article_from_string(normal_text[:max(analysed, 100)], language_check=False))
        normal_s = time.perf_counter() - t0
        rows.append({"input": name, "chars": len(text), "chars_analysed": analysed, "outcome": outcome,
                     "seconds": round(hostile_s, 2), "normal_seconds": round(normal_s, 2),
                     "ratio": round(hostile_s / normal_s, 2) if normal_s else None,
                     "peak_rss_mb_so_far": round(peak_rss_mb())})
        print(f"  {name:18} {len(text):>9,} chars  {hostile_s:6.2f} s  normal {normal_s:6.2f} s  "
              f"ratio {rows[-1]['ratio']}  peak {rows[-1]['peak_rss_mb_so_far']} MB  {outcome[:40]}", flush=True)
    return rows


def main() -> None:
    """Parse arguments, run the fuzz and the size ratios, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="generated inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--hang-s", type=int, default=60, help="seconds before one input counts as a hang")
    parser.add_argument("--big", type=int, default=100_000, help="characters of each large hostile text (0: skip)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    from sitrep.pipeline import load_pipeline

    pipeline = load_pipeline()
    print(f"fuzzing {args.n:,} inputs (seed {args.seed})", flush=True)
    result = fuzz(pipeline, args.n, args.seed, args.hang_s)
    if args.big:
        print(f"large hostile texts of {args.big:,} characters against a normal article of the same length:")
        result["large_inputs"] = ratios(pipeline, args.big)
    result["peak_rss_mb"] = round(peak_rss_mb())
    result["date"] = date.today().isoformat()
    out = args.out or ROOT / "bench" / "results" / f"fuzz-{result['date']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"outcomes: {result['outcomes']}  spans checked: {result['spans_checked']:,}  "
          f"peak memory {result['peak_rss_mb']} MB  {result['wall_s']} s")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
