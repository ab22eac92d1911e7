"""Rewrite checks: a dropped source, a dropped hedge, a changed figure, a swapped place, against the original."""
from __future__ import annotations

from sitrep.checks.rewrite import aligned_sentences, flag_rewrite_changes

ORIGINAL = ("Russian forces shelled Siversk overnight, the regional governor said. "
            "Two civilians were reportedly wounded. 12 civilians were killed in the strike, officials said.")


def _kinds(analyze_text, rewrite: str) -> list[str]:
    return [f.kind for f in flag_rewrite_changes(analyze_text(ORIGINAL), analyze_text(rewrite))]


def test_an_identical_rewrite_raises_nothing(analyze_text):
    assert _kinds(analyze_text, ORIGINAL) == []


def test_a_dropped_attribution_is_flagged(analyze_text):
    rewrite = ORIGINAL.replace(", the regional governor said", "")
    assert "rewrite_source_dropped" in _kinds(analyze_text, rewrite)


def test_a_dropped_hedge_is_flagged_and_a_tense_change_is_not(analyze_text):
    assert "rewrite_hedge_dropped" in _kinds(analyze_text, ORIGINAL.replace("reportedly ", ""))
    assert _kinds(analyze_text, ORIGINAL.replace("governor said", "governor says")) == []


def test_a_changed_figure_is_flagged_with_both_wordings(analyze_text):
    flags = flag_rewrite_changes(analyze_text(ORIGINAL), analyze_text(ORIGINAL.replace("12 civilians", "21 civilians")))
    figure = [f for f in flags if f.kind == "rewrite_figure_changed"]
    assert figure and "12" in figure[0].message and "21" in figure[0].message


def test_a_swapped_confusable_place_is_flagged(analyze_text):
    kinds = _kinds(analyze_text, ORIGINAL.replace("Siversk", "Sevsk"))
    assert "rewrite_place_changed" in kinds


def test_sentences_align_only_when_they_keep_most_words():
    pairs = aligned_sentences("The army shelled the town. Rain fell.", "The army shelled the town hard. Snow came.")
    assert len(pairs) == 1
