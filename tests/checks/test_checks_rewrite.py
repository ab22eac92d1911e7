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



def _framed_reports(drop: bool):
    """The original and a rewrite of 'According to police, A. B, Keefe said.': the frame covers B in both."""
    from sitrep.records import Article, Attribution, Evidence, Report

    first = "According to police, the lone occupant of the house evacuated safely."
    second = "The fire appears to have begun in the laundry room, Keefe said."
    cut = "The fire appears to have begun in the laundry room." if drop else second.replace("said", "says")

    def report(text: str, own: bool) -> Report:
        frame = Attribution("According to", ("police",), Evidence(0, 19, text[:19]), scope=Evidence(0, len(text), text))
        atts = [frame]
        if own:
            s = text.index("The fire")
            atts.append(Attribution("said", ("Keefe",), Evidence(s, len(text) - 1, text[s:-1]),
                                    scope=Evidence(s, len(text), text[s:])))
        return Report(Article.from_text(text), attributions=tuple(atts))

    return report(f"{first} {second}", True), report(f"{first} {cut}", not drop)


def test_a_sentence_losing_its_own_source_under_a_paragraph_frame_is_flagged():
    # a paragraph opened by "According to police, ..." frames later sentences; a sentence with a source of its
    # own (", Keefe said") that loses it is a dropped source even though the frame still covers it
    flags = flag_rewrite_changes(*_framed_reports(drop=True))
    dropped = [f for f in flags if f.kind == "rewrite_source_dropped"]
    assert dropped and "Keefe" in dropped[0].message


def test_a_framed_sentence_keeping_its_source_in_another_tense_is_not_flagged():
    assert "rewrite_source_dropped" not in [f.kind for f in flag_rewrite_changes(*_framed_reports(drop=False))]


def test_a_closing_reporting_clause_names_its_source():
    from sitrep.checks.rewrite import closing_attribution

    assert closing_attribution("The ruling has broader implications for cities around the world as street art "
                               "has flourished, experts said.") == "experts"
    assert closing_attribution("Board members will have a training session at 6:30 p.m. Monday at the Dublin "
                               "Community Recreation Center, 5600 Post Road, Chinnici-Zuercher said.") == "Chinnici-Zuercher"
    # a closing clause that is no attribution, and the writer's own voice
    assert closing_attribution("This would persuade the Americans that Egypt is a country one should listen to, "
                               "even when one doesn't totally agree with what it says.") is None
    assert closing_attribution("We held the line, I said.") is None



def test_a_dropped_closing_clause_is_flagged_even_when_the_parser_took_a_wrong_subject():
    from sitrep.records import Article, Attribution, Evidence, Report

    original = ("Members will have a training session Monday at the Dublin Community Recreation Center, "
                "5600 Post Road, Chinnici-Zuercher said.")
    rewrite = original.replace(", Chinnici-Zuercher said", "")
    wrong = Attribution("said", ("5600 Post Road",), Evidence(0, len(original) - 1, original[:-1]),
                        scope=Evidence(0, len(original), original))
    flags = flag_rewrite_changes(Report(Article.from_text(original), attributions=(wrong,)),
                                 Report(Article.from_text(rewrite)))
    assert [f for f in flags if f.kind == "rewrite_source_dropped" and "Chinnici-Zuercher" in f.message]


def _place(text: str, name: str, gid: int, nth: int = 0):
    from sitrep.records import Place

    s = -1
    for _ in range(nth + 1):
        s = text.index(name, s + 1)
    return Place(text=name, start=s, end=s + len(name), geonameid=gid, name=name, lat=50.0, lon=30.0, country="UA",
                 admin1="UA.05", precision="city")


def test_one_of_two_mentions_swapped_and_a_name_inside_a_longer_one_are_place_changes():
    from sitrep.records import Article, Report

    original = "A truck driven by a man of Richmond was heading toward Richmond, police said."
    rewrite = original.replace("toward Richmond", "toward Richland")
    before = Report(Article.from_text(original), places=(_place(original, "Richmond", 1), _place(original, "Richmond", 1, 1)))
    after = Report(Article.from_text(rewrite), places=(_place(rewrite, "Richmond", 1), _place(rewrite, "Richland", 2)))
    assert "rewrite_place_changed" in [f.kind for f in flag_rewrite_changes(before, after)]
    original = "The Nazis were expelled from Luhansk, the Nazis were expelled from Donetsk."
    rewrite = original.replace("Donetsk", "Donetskyi")
    before = Report(Article.from_text(original), places=(_place(original, "Luhansk", 3), _place(original, "Donetsk", 4)))
    after = Report(Article.from_text(rewrite), places=(_place(rewrite, "Luhansk", 3), _place(rewrite, "Donetskyi", 5)))
    assert "rewrite_place_changed" in [f.kind for f in flag_rewrite_changes(before, after)]


def test_a_short_edited_sentence_aligns_with_its_own_original_not_a_longer_one_elsewhere():
    original = ("Today I was in Borodyanka, Kyiv region. "
                "Today the cities and communities of the Kyiv region are returning to life.")
    rewrite = original.replace("Borodyanka", "Bohdanivka")
    pairs = aligned_sentences(original, rewrite)
    assert [original[o[0]:o[1]] for o, _ in pairs] == ["Today I was in Borodyanka, Kyiv region"]
