"""Reading many inputs: JSONL, CSV with configurable columns, feeds, folders, the geo XML corpora."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from sitrep.ingest.sources import Columns, SourceOptions, Skipped, iter_articles
from sitrep.records import Article

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
SHARED = HERE.parents[1].parent / "shared"
ZELENSKY = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"
SEED = SHARED / "eval" / "seed" / "article.txt"
GEO = SHARED / "eval" / "geo"


def need(path: Path) -> Path:
    """Skip the test when a ../shared input is absent."""
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


def split(items):
    """Articles and skips of a run."""
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Skipped)]


def test_zelensky_jsonl_gives_84_articles_with_their_metadata():
    path = need(ZELENSKY)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles, skipped = split(iter_articles([str(path)]))
    assert len(articles) == len(records) == 84 and skipped == []
    first = articles[0]
    assert (first.id, first.date, first.title, first.url) == (
        records[0]["id"], records[0]["date"], records[0]["title"], records[0]["url"])
    assert first.text_sha256 == hashlib.sha256(records[0]["text"].encode("utf-8")).hexdigest()
    assert first.source == "www.youtube.com"  # no source field: the URL's host stands in


def test_csv_with_renamed_columns(tmp_path):
    records = [json.loads(line) for line in need(ZELENSKY).read_text(encoding="utf-8").splitlines()[:3]]
    path = tmp_path / "addresses.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["uid", "published", "headline", "body", "link", "outlet"])
        for r in records:
            writer.writerow([r["id"], r["date"][:10], r["title"], r["text"], r["url"], "president.gov.ua"])
        writer.writerow(["bad", "2022-05-01", "no body", "", "", ""])
    options = SourceOptions(columns=Columns(text="body", date="published", url="link", source="outlet",
                                            title="headline", id="uid"))
    articles, skipped = split(iter_articles([str(path)], options))
    assert [a.id for a in articles] == [r["id"] for r in records]
    assert all(a.source == "president.gov.ua" for a in articles)
    assert articles[0].text == records[0]["text"]  # multi-line bodies survive CSV quoting
    assert len(skipped) == 1 and skipped[0].origin.endswith(":5") and "empty" in skipped[0].reason


def test_csv_without_the_text_column_fails_with_advice(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("headline,content\nA,B\n", encoding="utf-8")
    _articles, skipped = split(iter_articles([str(path)]))
    assert skipped[0].failed and "--text-col" in skipped[0].reason


def test_rss_feed_items_use_the_full_body_and_skip_non_english():
    articles, skipped = split(iter_articles([str(DATA / "feed.rss")]))
    assert [a.title for a in articles] == ["Shelling reported in Kharkiv overnight", "Talks on grain corridor resume"]
    kharkiv = articles[0]
    assert "Russian artillery shelled residential districts of Kharkiv overnight" in kharkiv.text
    assert "teaser" not in kharkiv.text and "<p>" not in kharkiv.text
    assert (kharkiv.date, kharkiv.source, kharkiv.url, kharkiv.id) == (
        "2022-05-17", "Frontline Desk", "https://frontline.example/kharkiv-shelling", "fd-0001")
    assert len(skipped) == 1 and not skipped[0].failed and "Cyrillic" in skipped[0].reason


def test_atom_feed_entries():
    articles, skipped = split(iter_articles([str(DATA / "feed.atom")]))
    assert [(a.title, a.date, a.url, a.source) for a in articles] == [
        ("Convoy reaches Mariupol outskirts", "2022-05-20", "https://atom.example/convoy", "Atom Wire")]
    assert len(skipped) == 1 and "no text" in skipped[0].reason and not skipped[0].failed


def test_geo_xml_corpora_give_588_and_200_articles_with_text_unchanged():
    from sitrep.ingest.xmlcorpus import read_xml_corpus

    lgl, gwn = need(GEO / "lgl.xml"), need(GEO / "geowebnews.xml")
    articles, skipped = split(iter_articles([str(lgl), str(gwn)]))
    assert skipped == [] and len(articles) == 588 + 200  # the counts in ../shared/eval/geo/README.md
    first = next(read_xml_corpus(lgl))
    assert first.article.title == "Alexandria woman charged in connection with Kelleyland fire"
    assert first.article.text[first.toponyms[0].start:first.toponyms[0].end] == "Alexandria"
    assert (first.article.date, first.article.source) == ("2009-03-20", "thetowntalk.com")


def test_folder_of_text_html_and_other_files(tmp_path):
    seed = need(SEED)
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(seed, folder / "seed.txt")
    paragraphs = seed.read_text(encoding="utf-8").splitlines()
    html = "<html><head><title>Seed as HTML</title></head><body><nav>Home | World</nav><article>" + "".join(
        f"<p>{p}</p>" for p in paragraphs[:6]) + "</article></body></html>"
    (folder / "nested" / "page.html").write_text(html, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    articles, skipped = split(iter_articles([str(folder)]))
    assert sorted(a.text[:30] for a in articles) == [paragraphs[0][:30]] * 2
    page = next(a for a in articles if a.title)
    assert page.title == "Seed as HTML" and "Home | World" not in page.text
    reasons = {Path(s.origin).name: s.reason for s in skipped}
    assert set(reasons) == {"scan.pdf", "empty.txt"} and "unsupported" in reasons["scan.pdf"]


def test_a_bad_jsonl_line_loses_nothing_else(tmp_path):
    records = [json.loads(line) for line in need(ZELENSKY).read_text(encoding="utf-8").splitlines()[:2]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps(records[0]), "{not json", json.dumps({"title": "no text"}),
                               "[1, 2]", json.dumps(records[1])]) + "\n", encoding="utf-8")
    articles, skipped = split(iter_articles([str(path), str(tmp_path / "missing.jsonl")]))
    assert [a.id for a in articles] == [records[0]["id"], records[1]["id"]]
    assert [(Path(s.origin).name, s.failed) for s in skipped] == [
        ("mixed.jsonl:2", True), ("mixed.jsonl:3", False), ("mixed.jsonl:4", True), ("missing.jsonl", True)]
