"""Near-duplicate detection groups rewrites of one wire story and nothing else."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.corpus.neardup import find_near_duplicates, groups_of, jaccard, shingles

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
LGL = SHARED / "eval" / "geo" / "lgl.xml"
ZELENSKY = SHARED / "corpus" / "zelensky_addresses_2022_en.jsonl"


def test_shingles_are_five_word_windows_ignoring_case_and_punctuation():
    assert shingles("Putin spoke with Colonel Yaramyr Temirkhanov.") == {
        "putin spoke with colonel yaramyr", "spoke with colonel yaramyr temirkhanov"}


@pytest.fixture(scope="module")
def addresses() -> list[dict]:
    """The Zelensky addresses as JSON records."""
    import json

    if not ZELENSKY.exists():
        pytest.skip("Zelensky corpus not present")
    return [json.loads(line) for line in ZELENSKY.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_a_rewrite_of_an_address_joins_its_group_and_other_addresses_do_not(addresses):
    original = addresses[0]["text"]
    paragraphs = original.split("\n\n")
    # a typical wire rewrite: new opening line, one paragraph cut, a phrase changed
    rewrite = "\n\n".join(["President Zelensky addressed the nation late on Tuesday."] + paragraphs[1:-2])
    rewrite = rewrite.replace("Ukrainians!", "Fellow Ukrainians,", 1)
    assert jaccard(original, rewrite) > 0.6  # checked exactly, not by MinHash
    docs = [("original", original), ("other1", addresses[1]["text"]), ("rewrite", rewrite),
            ("other2", addresses[2]["text"])]
    dups = find_near_duplicates(docs, threshold=0.6)
    assert dups["rewrite"].group == "original" and dups["original"].group == "original"
    assert dups["other1"].group == "other1" and dups["other2"].group == "other2"


def test_the_only_wire_story_run_twice_in_lgl_is_grouped():
    from sitrep.ingest.xmlcorpus import read_xml_corpus

    if not LGL.exists():
        pytest.skip("LGL corpus not present")
    articles = [c.article for c in read_xml_corpus(LGL)]
    by_id = {a.id: a for a in articles}
    dups = find_near_duplicates([(a.id, a.text) for a in articles], threshold=0.6)
    groups = [g for g in groups_of(dups.values()).values() if len(g) > 1]
    # "Statewide 211 could reach more poor", run on 2009-03-31 by the Augusta Chronicle and the AJC
    assert ["lgl-44145259", "lgl-44220000"] in groups
    pair = [by_id["lgl-44145259"], by_id["lgl-44220000"]]
    assert {a.source for a in pair} == {"chronicle.augusta.com", "ajc.com"} and pair[0].title == pair[1].title
    for group in groups:  # every grouped pair really shares most of its shingles
        assert all(jaccard(by_id[group[0]].text, by_id[k].text) >= 0.5 for k in group[1:])
