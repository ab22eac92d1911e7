"""Error injection on real articles: recall of the checks per injected error kind, false flags on clean articles.

Real articles (the Zelensky addresses in ../shared/corpus, LGL and GeoWebNews in ../shared/eval/geo) are read in
place. Into copies of each, one error at a time, the benchmark writes the errors rewrites really introduce:

* `region`: a settlement (not a word of a longer name: "Cambridge Analytica", "Sergeant Volodymyr") put in a
  wrong region or country of the gazetteer, in the forms writers use ("in the X region", ", X oblast,", ", X province,", "in X's Y district", "the Donetsk People's Republic", transliterated
  region names such as "Zaporozhye", a neighbouring country);
* `confusable`: one mention of a settlement swapped for a similar name of another populated place (same first
  letter, similar spelling, >= 50 km away), found in the gazetteer, not from a hand list;
* `source_dropped`: a sentence-final attribution (", the ministry said.") or an "According to X," removed (not a
  closing clause that is no attribution: ", even when one doesn't agree with what it says.");
* `hedge_dropped`: a hedge adverb ("reportedly", "apparently") deleted or replaced by "certainly";
* `figure_changed`: an exact count ("12 civilians were killed") given another number.

An injection is caught when a flag of the checks named for its kind overlaps the injected sentence: the
single-article checks (`run_checks`) and the rewrite checks (`flag_rewrite_changes(original, copy)`).
Controls: the right region inserted the same way, and "said" rewritten "says"; they must raise nothing.
Articles are split by a hash of their id into a tune half and a report half.

    python -m bench.checks_inject [--per-corpus N]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
SINGLE = {"region": ("place_region_mismatch", "internal_contradiction"),
          "confusable": ("confusable_places", "place_outside_stated_area", "nonstandard_spelling",
                         "place_region_mismatch"),
          "source_dropped": ("unsourced_certainty", "anonymous_source"),
          "hedge_dropped": ("unsourced_certainty",),
          "figure_changed": ("internal_contradiction",)}
REWRITE = {"region": ("rewrite_place_changed",), "confusable": ("rewrite_place_changed",),
           "source_dropped": ("rewrite_source_dropped",), "hedge_dropped": ("rewrite_hedge_dropped",),
           "figure_changed": ("rewrite_figure_changed",)}
KINDS = tuple(SINGLE)
CONTROLS = ("region_correct", "said_says")
# the warning-level checks that stand for an error in the article: any on a clean article counts as a false flag
ERROR_CHECKS = ("place_region_mismatch", "confusable_places", "place_outside_stated_area", "internal_contradiction")
HEDGES = ("reportedly", "allegedly", "apparently", "possibly", "perhaps", "purportedly", "supposedly", "seemingly")
_ATTRIB_END = re.compile(r",\s+(?:according to [^,.;“”\"]{3,60}|(?!I\b|we\b|he\b|she\b|they\b)[^,.;“”\"]{2,60}?\s+"
                         r"(?:said|says|reported|stated|told [A-Z][\w.]*(?: [A-Z][\w.]*)*|added|claimed|announced))"
                         r"(?=\.(?:\s|$))")
_ACCORDING = re.compile(r"(?:(?<=[.!?]\s)|(?<=\n)|^)According to [^,.;]{3,60},\s+(?=[a-zA-Z])")
# a "source" holding one of these is a clause (", even when one doesn't agree with what it says"), not an attribution
_CLAUSE_WORD = re.compile(r"\b(?:when|what|which|who|whom|that|if|because|while|than|whether)\b", re.I)
_CYRILLIC_ADMIN_WORD = {"UA": "oblast", "RU": "oblast", "BY": "oblast"}


@dataclass(frozen=True, slots=True)
class Case:
    """One injected copy: its kind, the copy's text and the span of the sentence the error went into."""

    kind: str
    article: str
    half: str
    text: str
    start: int
    end: int
    form: str
    note: str


def half_of(article_id: str) -> str:
    """'tune' or 'report', fixed by a hash of the article id (the project rule: tune on one half only)."""
    return "tune" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "report"


def pick_articles(per_corpus: int) -> list[tuple[str, object]]:
    """The first `per_corpus` articles of each corpus in hash order (deterministic, unbiased by position)."""
    from bench.flags_eval import read_corpora

    by_corpus: dict[str, list] = defaultdict(list)
    for corpus, article in read_corpora():
        by_corpus[corpus].append(article)
    out = []
    for corpus, items in by_corpus.items():
        items.sort(key=lambda a: hashlib.sha1(a.id.encode()).hexdigest())
        out += [(corpus, a) for a in items[:per_corpus]]
    return out


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """True when a toponym is a word of a longer name ('Cambridge Analytica', 'Verkhovna Rada', 'Sergeant Volodymyr').

    A region statement injected there is ungrammatical and states nothing about a place."""
    if re.match(r"\s+\**[A-Z][a-z]", text[end:end + 4]):
        return True
    before = re.search(r"(\S+)\s+\**$", text[max(0, start - 40):start])
    if before is None or not before.group(1)[:1].isupper():
        return False
    ahead = text[:start - len(before.group(0))].rstrip(" *")
    return bool(ahead) and ahead[-1] not in ".!?\n:\"“”"  # a capitalised word opening a sentence ("In Kyiv") is not a name


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding `pos`, by the checks' splitter."""
    from sitrep.checks.text import sentence_bounds

    return sentence_bounds(text, pos)


def make(kind: str, article, text: str, at: int, end: int, new: str, form: str, note: str) -> Case:
    """A copy of the article with text[at:end] replaced by `new`, and the sentence holding the change."""
    copy = text[:at] + new + text[end:]
    s, e = sentence_of(copy, at)
    return Case(kind, article.id, half_of(article.id), copy, s, max(e, at + len(new)), form, note)


class Injector:
    """Builds the injected copies of one article from its clean report and the gazetteer."""

    def __init__(self, gazetteer) -> None:
        """Keep the gazetteer; admin1 records are read from it once, on first use."""
        self.g = gazetteer
        self._admins: dict[str, list] | None = None

    def admins(self) -> dict[str, list]:
        """Per country, (code, writer's name, lat, lon) of each admin1, its name as writers use it."""
        if self._admins is None:
            out: dict[str, list] = defaultdict(list)
            for code, name, gid in self.g.con.execute("SELECT code, name, id FROM admins").fetchall():
                rec = self.g.get(gid)
                if rec is None or "." not in code:
                    continue
                country = code.split(".")[0]
                capital = self.g.con.execute(
                    "SELECT name, lat, lon FROM places WHERE admin1 = ? AND precision = 'city' "
                    "ORDER BY population DESC LIMIT 1", (code,)).fetchone()
                writer = name
                if capital and capital[0][:4].lower() == name[:4].lower() and country in _CYRILLIC_ADMIN_WORD:
                    writer = capital[0]  # "Zaporizka oblast" is written "the Zaporizhzhia region"
                out[country].append((code, writer, rec.lat, rec.lon))
            self._admins = out
        return self._admins

    def region_cases(self, report, rng: random.Random) -> list[Case]:
        """A settlement put in a neighbouring admin1 (or a neighbouring country), and the same form done right."""
        from sitrep.geo.candidates import toponym_key
        from sitrep.geodesy import haversine_km as km

        text = report.article.text
        pool = [p for p in report.places if p.precision == "city" and p.admin1 and p.geonameid and not p.stated_in
                and p.matched_by == "exact" and re.match(r"[\s.,;:)]", text[p.end:p.end + 1] or ".")
                and not re.match(r"\s*(?:,|and\b|or\b)", text[p.end:p.end + 5])
                and not re.search(r"(?:,|\band|\bor|-)\s*$", text[max(0, p.start - 5):p.start])
                and not part_of_a_name(text, p.start, p.end)]
        rng.shuffle(pool)
        out: list[Case] = []
        for p in pool:
            if len(out) >= 4:
                break  # two regions per article: a second place, so one article does not dominate
            if any(c.note.startswith(p.text + " ") for c in out):
                continue
            admins = self.admins().get(p.country or "", [])
            own = next((a for a in admins if a[0] == p.admin1), None)
            others = sorted((km(p.lat, p.lon, a[2], a[3]), a) for a in admins if a[0] != p.admin1)
            if own is None or not others:
                continue
            # a wrong area must make the statement false: no place of that name lies there ("Lowell, Michigan"
            # is true of another Lowell), and a region named after the town itself is not wrong ("Kyiv, Kyiv oblast")
            homes = {(e.admin1, e.country) for e in self.g.lookup(toponym_key(p.text)) if e.precision in ("city", "admin2")}
            # nor is a unit named like the place's own ("Kyiv oblast" written for Kyiv city's unit reads as Kyivska)
            others = [o for o in others if o[1][0] not in {a for a, _ in homes}
                      and not o[1][1].lower().startswith(p.text.lower()[:5])
                      and o[1][1].lower()[:3] != own[1].lower()[:3]]
            if not others:
                continue
            wrong = rng.choice(others[:3])[1]
            forms = ["in_the_region", "comma_oblast", "possessive_district", "transliterated"]
            if p.country == "UA":
                forms.append("peoples_republic")
            if self.g.neighbours.get(p.country or ""):
                forms.append("country")
            form = rng.choice(forms)
            bad, good = self._phrase(form, p, wrong, own, rng), self._phrase(form, p, own, own, rng, right=True)
            if bad is None or good is None:
                continue
            # an apposition (", Y oblast,") closes with a comma; a prepositional phrase ("in Y's X district") does not
            tail = "," if text[p.end:p.end + 1] == " " and form not in ("in_the_region", "possessive_district") else ""
            out += [make("region", report.article, text, p.end, p.end, bad + tail, form,
                         f"{p.text} ({p.admin1}) put in {wrong[0] if form != 'country' else 'another country'}"),
                    make("region_correct", report.article, text, p.end, p.end, good + tail, form,
                         f"{p.text} put in its own {own[0]}")]
        return out

    def _phrase(self, form: str, p, admin, own, rng: random.Random, right: bool = False) -> str | None:
        """The words stating `admin` as the container of place p, in one of the common forms."""
        from sitrep.geo.candidates import toponym_key

        word = _CYRILLIC_ADMIN_WORD.get(p.country or "", "province")
        name = admin[1]
        if form == "in_the_region":
            return f" in the {name} region"
        if form == "comma_oblast":
            if name.lower().rstrip("'’").endswith(word) or p.country == "US":
                return f", {name.rstrip(chr(39) + '’')}"  # "Kyivska oblast" already says oblast; "Ohio" needs no word
            return f", {name} {word}"
        if form == "possessive_district":
            return f" in {name}’s {p.text} district"
        if form == "transliterated":
            alt = self._transliteration(name)
            return f" in the {alt} region" if alt else None
        if form == "peoples_republic":
            republic = {"UA.05": "Donetsk People’s Republic", "UA.14": "Luhansk People’s Republic"}
            if right:
                return f" in the {republic[own[0]]}" if own[0] in republic else None
            return f" in the {republic['UA.14' if p.admin1 == 'UA.05' else 'UA.05']}"
        if form == "country":
            if right:
                rec = self.g.country(p.country)
                return f", {rec.name.split(',')[0]}" if rec else None  # GeoNames "Moldova, Republic of"
            homes = {e.country for e in self.g.lookup(toponym_key(p.text))}
            choices = sorted(self.g.neighbours[p.country] - homes)
            if not choices:
                return None
            neighbour = self.g.country(rng.choice(choices))
            return f", {neighbour.name.split(',')[0]}" if neighbour else None
        return None

    def _transliteration(self, name: str) -> str | None:
        """Another spelling of a region's name that the transliteration rules equate with it (Zaporozhye)."""
        key = name.lower()
        ids = [r[0] for r in self.g.con.execute("SELECT id FROM names WHERE key = ? AND how = 'name'", (key,))]
        if not ids:
            return None
        skel = self.g.rules.skeleton(key)
        alts = sorted(k for (k,) in self.g.con.execute("SELECT key FROM names WHERE id = ? AND how = 'alt'", (ids[0],))
                      if k != key and k.isascii() and k.isalpha() and len(k) >= 5
                      and (self.g.rules.skeleton(k) == skel or fuzz.ratio(k, key) >= 75))
        return alts[0].title() if alts else None

    def confusable_case(self, report, rng: random.Random) -> list[Case]:
        """One mention of a settlement swapped for a similarly spelt populated place at least 50 km away."""
        from sitrep.geodesy import haversine_km as km

        text = report.article.text
        pool = [p for p in report.places if p.precision == "city" and p.geonameid and p.matched_by == "exact"
                and len(p.text) >= 5 and p.text[:1].isupper() and p.lat is not None]
        rng.shuffle(pool)
        for p in pool[:6]:
            key = p.text.lower()
            rows = self.g.con.execute(
                "SELECT n.key, p.name, p.lat, p.lon, p.country, p.id FROM names n JOIN places p ON p.id = n.id "
                "WHERE n.prefix = ? AND n.how = 'name' AND p.precision = 'city' AND p.population >= 2000",
                (key[:2],)).fetchall()
            near = {p.country} | set(self.g.neighbours.get(p.country or "", ()))
            rows = [r for r in rows if r[4] in near and r[0] != key and r[5] != p.geonameid and len(r[0]) >= 5
                    and r[0].isalpha() and km(p.lat, p.lon, r[2], r[3]) >= 50]
            found = process.extract(key, [r[0] for r in rows], scorer=fuzz.ratio, score_cutoff=65, limit=10)
            fits = [rows[i] for k, score, i in found if k[-2:] == key[-2:] or score >= 85]
            if not fits:
                continue
            swap = fits[min(len(fits) - 1, rng.randrange(3))]
            mentions = [q for q in report.places if q.text == p.text]
            target = rng.choice(mentions)
            form = "one_of_several_mentions" if len(mentions) > 1 else "only_mention"
            return [make("confusable", report.article, text, target.start, target.end, swap[1], form,
                         f"{p.text} -> {swap[1]} ({swap[4]}, GeoNames {swap[5]})")]
        return []


def sourcing_cases(report, rng: random.Random) -> list[Case]:
    """A dropped attribution, a dropped hedge, a changed figure, and the 'said' -> 'says' control."""
    from sitrep.checks.text import inside, quoted_spans
    from sitrep.claims.figures import find_figures

    text, art = report.article.text, report.article
    quoted = quoted_spans(report)
    out: list[Case] = []
    ends = [m for m in _ATTRIB_END.finditer(text) if not inside(m.start(), quoted)
            and text[m.start() - 1:m.start()] not in "”\"’'" and not _CLAUSE_WORD.search(m.group())]
    starts = [m for m in _ACCORDING.finditer(text) if not inside(m.start(), quoted)]
    drops = [(m, "sentence_final") for m in ends] + [(m, "according_to") for m in starts]
    if drops:
        m, form = rng.choice(drops)
        new = "" if form == "sentence_final" else ""
        case = make("source_dropped", art, text, m.start(), m.end(), new, form, m.group().strip(", "))
        if form == "according_to" and case.start < len(case.text):  # capitalise the sentence that is left
            i = m.start()
            case = Case(**{**_fields(case), "text": case.text[:i] + case.text[i:i + 1].upper() + case.text[i + 1:]})
        out.append(case)
        said = [x for x in ends if " said" in x.group()]
        if said:
            c = rng.choice(said)
            i = c.start() + c.group().rindex(" said")
            out.append(make("said_says", art, text, i, i + 5, " says", "tense", c.group().strip(", ")))
    pattern = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b,?\s*", re.I)
    hedges = [m for m in pattern.finditer(text) if not inside(m.start(), quoted) and m.group()[:1].islower()]
    if hedges:
        m = rng.choice(hedges)
        form = rng.choice(("deleted", "certainly"))
        new = "" if form == "deleted" else "certainly "
        out.append(make("hedge_dropped", art, text, m.start(), m.end(), new, form, m.group().strip()))
    figures = [f for f in find_figures(text, 0, len(text)) if not f.approximate and not inside(f.evidence.start, quoted)]
    digits = [(f, re.search(r"\b\d+\b", f.evidence.text)) for f in figures]
    digits = [(f, d) for f, d in digits if d]
    if digits:
        f, d = rng.choice(digits)
        number = int(d.group())
        changed = str(number + rng.choice((1, 2, 3, 10)) if number < 20 else round(number * rng.choice((0.8, 1.5))))
        s = f.evidence.start + d.start()
        out.append(make("figure_changed", art, text, s, s + len(d.group()), changed, "digits",
                        f"{d.group()} -> {changed}"))
    return out


def _fields(case: Case) -> dict:
    """A case's fields as a dict (to copy it with one field changed)."""
    return {k: getattr(case, k) for k in Case.__slots__}


def caught(flags, kinds: tuple[str, ...], case: Case) -> list:
    """The flags of these kinds whose evidence overlaps the injected sentence."""
    return [f for f in flags if f.kind in kinds and f.evidence.start < case.end and case.start < f.evidence.end]


def run(per_corpus: int) -> dict:
    """Analyse the clean articles and every injected copy; return the counts per half and kind."""
    from sitrep.checks.rewrite import flag_rewrite_changes
    from sitrep.pipeline import load_pipeline

    started = time.perf_counter()
    pipeline = load_pipeline()
    picked = pick_articles(per_corpus)
    clean = {r.article.id: r for r in pipeline.analyze_many((a for _, a in picked), batch_size=8)}
    injector = Injector(pipeline.gazetteer)
    cases: list[Case] = []
    for _, a in picked:
        rng = random.Random(a.id)
        report = clean[a.id]
        cases += injector.region_cases(report, rng) + injector.confusable_case(report, rng)
        cases += sourcing_cases(report, rng)
    from sitrep.records import Article

    copies = (Article.from_text(c.text, id=c.article, title=clean[c.article].article.title,
                                date=clean[c.article].article.date) for c in cases)
    rows = []
    for case, rep in zip(cases, pipeline.analyze_many(copies, batch_size=8)):
        rewrite_flags = flag_rewrite_changes(clean[case.article], rep)
        if case.kind in CONTROLS:
            single = caught(rep.flags, ERROR_CHECKS, case)
            rows.append({**_row(case), "single": [f.message for f in single],
                         "rewrite": [f.message for f in rewrite_flags]})
            continue
        single = caught(rep.flags, SINGLE[case.kind], case)
        rewrite = caught(rewrite_flags, REWRITE[case.kind], case)
        rows.append({**_row(case), "single": [f.message for f in single], "rewrite": [f.message for f in rewrite]})
    clean_rows = [{"article": r.article.id, "half": half_of(r.article.id),
                   "false": [f.message for f in r.flags if f.kind in ERROR_CHECKS],
                   "info": Counter(f.kind for f in r.flags if f.kind not in ERROR_CHECKS)} for r in clean.values()]
    return {"rows": rows, "clean": clean_rows, "seconds": round(time.perf_counter() - started, 1),
            "corpora": dict(Counter(c for c, _ in picked))}


def _row(case: Case) -> dict:
    """The JSON-safe description of a case (no article text: the corpora are not ours to copy)."""
    return {"kind": case.kind, "article": case.article, "half": case.half, "form": case.form, "note": case.note}


def summarise(result: dict) -> dict:
    """Recall per kind (either check, single-article, rewrite), controls flagged, false flags per clean article."""
    out: dict = {}
    for half in ("tune", "report"):
        rows = [r for r in result["rows"] if r["half"] == half]
        kinds = {}
        for kind in KINDS:
            mine = [r for r in rows if r["kind"] == kind]
            n = len(mine)
            kinds[kind] = {"cases": n, "articles": len({r["article"] for r in mine}),
                           "recall": round(sum(bool(r["single"] or r["rewrite"]) for r in mine) / n, 3) if n else None,
                           "recall_single_article": round(sum(bool(r["single"]) for r in mine) / n, 3) if n else None,
                           "recall_rewrite": round(sum(bool(r["rewrite"]) for r in mine) / n, 3) if n else None,
                           "by_form": {f: f"{sum(bool(r['single'] or r['rewrite']) for r in mine if r['form'] == f)}/"
                                          f"{sum(r['form'] == f for r in mine)}"
                                       for f in sorted({r['form'] for r in mine})}}
        controls = {c: {"cases": sum(r["kind"] == c for r in rows),
                        "flagged": sum(bool(r["single"] or r["rewrite"]) for r in rows if r["kind"] == c)}
                    for c in CONTROLS}
        clean = [c for c in result["clean"] if c["half"] == half]
        info = Counter()
        for c in clean:
            info.update(c["info"])
        out[half] = {"kinds": kinds, "controls": controls, "clean_articles": len(clean),
                     "injected_cases": sum(k["cases"] for k in kinds.values()),
                     "articles_with_cases": len({r["article"] for r in rows if r["kind"] in KINDS}),
                     "false_flags_per_clean_article": round(sum(len(c["false"]) for c in clean) / max(1, len(clean)), 3),
                     "false_flags": [m for c in clean for m in c["false"]],
                     "info_flags_per_clean_article": {k: round(v / max(1, len(clean)), 3) for k, v in sorted(info.items())}}
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the injection benchmark, print the table and write bench/results/checks-inject-<date>.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-corpus", type=int, default=100, help="articles drawn from each corpus (hash order)")
    args = parser.parse_args(argv if argv is not None else [])
    from bench.flags_eval import GEO, ZELENSKY

    if not GEO.exists() or not ZELENSKY.exists():
        print(f"checks_inject: needs {GEO} and {ZELENSKY}; skipped")
        return 3
    result = run(args.per_corpus)
    summary = summarise(result)
    print(f"{'kind':16}" + "".join(f"{h + ' n':>12}{'recall':>8}{'single':>8}{'rewrite':>8}" for h in summary))
    for kind in KINDS:
        cells = "".join(f"{s['kinds'][kind]['cases']:>12}{_fmt(s['kinds'][kind]['recall']):>8}"
                        f"{_fmt(s['kinds'][kind]['recall_single_article']):>8}{_fmt(s['kinds'][kind]['recall_rewrite']):>8}"
                        for s in summary.values())
        print(f"{kind:16}{cells}")
    for half, s in summary.items():
        print(f"{half}: {s['injected_cases']} cases from {s['articles_with_cases']} articles; false flags per clean "
              f"article {s['false_flags_per_clean_article']} ({s['clean_articles']} articles); controls flagged "
              + ", ".join(f"{c} {v['flagged']}/{v['cases']}" for c, v in s["controls"].items()))
    print(f"{result['seconds']} s; corpora {result['corpora']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"checks-inject-{date.today().isoformat()}.json"
    for s in summary.values():
        s.pop("false_flags")  # flag messages quote the articles (GPL corpora): only in the .tmp file below
    out.write_text(json.dumps({"per_corpus": args.per_corpus, "corpora": result["corpora"],
                               "seconds": result["seconds"], "summary": summary}, indent=1), encoding="utf-8")
    # every case with its flags, for reading misses in context; kept out of git by the *.tmp rule
    detail = RESULTS / f"checks-inject-cases-{date.today().isoformat()}.json.tmp"
    detail.write_text(json.dumps({"rows": result["rows"], "clean": result["clean"]}, indent=1, ensure_ascii=False),
                      encoding="utf-8")
    print(f"wrote {out} (cases and their flags: {detail.name})")
    return 0


def _fmt(x: float | None) -> str:
    """A recall for the table ('-' when a half has no case of the kind)."""
    return "-" if x is None else f"{x:.2f}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
