"""Which mentions in daily addresses are one occurrence: the day a sentence names ("today", "yesterday"),
"another" strike, a series or standing situation, one scene over adjoining sentences, a named participant.

The sentences are written after the 2022 presidential addresses (a strike at Odesa, a call with the IMF's
managing director); the ledger tests run them through the real pipeline.
"""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.claims import build_ledger, claims_from_report
from sitrep.claims.extract import content_words, date_window, names_doer
from sitrep.claims.match import same_side, shared_words
from sitrep.claims.names import names_match, participant_names
from sitrep.claims.records import Claim
from sitrep.claims.when import is_generic, marks_new_occurrence, referenced_days, starts_period
from sitrep.records import Evidence

ODESA = 698740
MAY_2 = dt.date(2022, 5, 2)


def test_today_and_yesterday_name_one_day_of_the_article():
    assert (w := referenced_days("Today, Russian troops launched a missile strike at Odesa.", MAY_2,
                                 "2022-05-02T22:30:38")) and (w.start, w.end) == (MAY_2, MAY_2)
    w = referenced_days("Yesterday, a 14-year-old boy died.", dt.date(2022, 5, 3), "2022-05-03T15:46:35")
    assert (w.start, w.end) == (MAY_2, MAY_2)
    assert referenced_days("The missile hit a dormitory.", MAY_2, "2022-05-02T22:30:38") is None


def test_an_address_published_after_midnight_may_mean_the_evening_before_by_today():
    w = referenced_days("Today the occupiers fired missiles at Odesa.", dt.date(2022, 5, 3), "2022-05-03T00:29:11")
    assert (w.start, w.end) == (MAY_2, dt.date(2022, 5, 3))
    w = referenced_days("Today the occupiers fired missiles at Odesa.", dt.date(2022, 5, 3), "2022-05-03")
    assert (w.start, w.end) == (dt.date(2022, 5, 3), dt.date(2022, 5, 3))  # no hour: no widening


def test_a_today_date_is_not_widened_but_an_undated_claim_looks_one_day_back_unless_it_is_another():
    said = date_window("2022-05-02", "day", MAY_2, "Today, Russian troops launched a strike at Odesa.")
    assert (said.start, said.end) == (MAY_2, MAY_2)
    stated = date_window("2022-05-02", "day", dt.date(2022, 5, 4), "On May 2, Russian troops struck Odesa.")
    assert (stated.start, stated.end) == (dt.date(2022, 5, 1), dt.date(2022, 5, 3))  # a stated date keeps ±1
    undated = date_window(None, "unknown", MAY_2, "Russian troops launched a missile strike at Odesa.")
    assert (undated.start, undated.end) == (dt.date(2022, 5, 1), MAY_2)
    another = date_window(None, "unknown", MAY_2, "Russian troops launched another missile strike at Odesa.")
    assert (another.start, another.end) == (MAY_2, MAY_2)
    assert marks_new_occurrence("Russian missiles again struck the territory of our state.")
    assert not marks_new_occurrence("Russian missiles struck the territory of our state.")


@pytest.mark.parametrize("sentence, generic", [
    ("The missile strikes at Odesa and our other cities are an imitation of how the Nazis tried to bomb cities.", True),
    ("Russia keeps shelling Kharkiv.", True),
    ("Currently, Russian shelling and assault of Azovstal do not stop.", True),
    ("Just as the Russian troops are destroying Mariupol, they want to wipe out other cities.", True),
    ("220 Ukrainian children have been killed by the Russian army since February 24.", True),
    ("Russia strikes Odesa.", False),  # a verb: one strike
    ("Today, the invaders launched a missile strike at Odesa.", False),
    ("Today's strikes at Odesa hit a dormitory.", False),  # the day is named: these strikes, not all strikes
    ("There is nothing left of the dormitory after the strike.", False),
])
def test_a_series_or_a_standing_situation_is_no_single_occurrence(sentence, generic):
    assert is_generic(sentence) is generic


def test_since_a_date_counts_a_period():
    assert starts_period("During the fighting since February 24, Russian troops have destroyed 570 facilities.")
    assert not starts_period("On February 24, Russia launched an offensive.")


def test_a_childs_age_is_part_of_the_word():
    assert "14-year-old" in content_words("A 14-year-old boy was killed.")
    boy, girl = content_words("A 14-year-old boy was killed."), content_words("A 17-year-old girl was wounded.")
    assert not set(boy) & set(girl)


def test_a_country_matches_its_own_sectors_but_two_sectors_stay_apart():
    assert same_side("RUS", "RUSMIL") and same_side("RUSMIL", "RUS") and same_side(None, None)
    assert not same_side("RUSGOV", "RUSMIL")
    assert not same_side("UKR", "RUSMIL")
    assert not same_side(None, "RUS")
    assert not same_side("occupiers", "occupiers forces")  # names are compared whole


def _claim(text: str, place_words: tuple[str, ...] = ()) -> Claim:
    """A bare event claim of a sentence, for word comparisons."""
    return Claim(id="x-e0", article_sha="x", article_id="x", kind="control", type="ASSAULT",
                 evidence=Evidence(0, len(text), text), place=706448, place_label="Kherson",
                 words=content_words(text), place_words=place_words)


def test_sentences_sharing_only_place_names_share_no_words():
    a = _claim("Kherson, Melitopol and Berdyansk were liberated from the occupiers.",
               ("kherson", "melitopol", "berdyansk"))
    b = _claim("To liberate all our cities - Kherson, Melitopol, Berdyansk, Mariupol and all others.",
               ("kherson", "melitopol", "berdyansk", "mariupol"))
    assert shared_words(a, b) == set()


def test_participant_names_drop_titles_calendar_words_and_sentence_case():
    assert participant_names("I spoke today with Managing Director of the International Monetary Fund "
                             "Kristalina Georgieva.", frozenset({"i", "today"})) == (
        "international monetary fund kristalina georgieva",)
    assert participant_names("This Sunday I spoke with Mrs. Kristalina Georgieva.",
                             frozenset({"i", "this"})) == ("kristalina georgieva",)
    assert participant_names("Virtually, we evacuated civilians from Azovstal.") == ("azovstal",)


def test_a_name_inside_a_longer_name_matches_but_a_lone_common_word_does_not():
    assert names_match(("international monetary fund kristalina georgieva",), ("kristalina georgieva",))
    assert names_match(("g7",), ("g7",))
    assert not names_match(("council",), ("un security council",))
    assert not names_match(("kristalina georgieva",), ("ursula von",))


# --- through the pipeline and the ledger --------------------------------------------------------------


def _links(analyze_text, articles: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(anchor article, other article) for every cross-article support link of the ledger of these texts."""
    reports = [analyze_text(text, id=name, date=date, speaker="Volodymyr Zelenskyy") for name, date, text in articles]
    out = []
    for claim in build_ledger(reports):
        anchor = claim.anchor.claim
        out += [(anchor.article_id, m.claim.article_id) for m in claim.mentions[1:]
                if m.claim.article_sha != anchor.article_sha]
    return out


def test_another_strike_two_days_later_is_a_new_occurrence(analyze_text):
    links = _links(analyze_text, [
        ("apr30", "2022-04-30T23:21:31",
         "Today the occupiers again fired missiles at the Dnipropetrovsk region and Odesa."),
        ("may2", "2022-05-02T22:30:38", "Today, Russian troops launched another missile strike at Odesa."),
    ])
    assert links == []


def test_strikes_in_general_do_not_join_yesterdays_strike(analyze_text):
    links = _links(analyze_text, [
        ("may7", "2022-05-07T22:26:28", "Today, the invaders launched a missile strike at Odesa."),
        ("may8", "2022-05-08T22:04:04", "The missile strikes at Odesa and our other cities are an imitation of how "
                                        "the Nazis tried to bomb and destroy European cities by bombardment."),
    ])
    assert links == []


STRIKE_MAY_2 = ("Today, Russian troops launched another missile strike at Odesa. Destroyed the dormitory. "
                "A 14-year-old boy was killed. A 17-year-old girl was wounded, she has a shrapnel wound.")
RECALL_MAY_3 = ("Yesterday, a 14-year-old boy died as a result of a Russian missile attack on our Odesa, our "
                "southern city. A 17-year-old girl was also wounded.")


def test_a_sentence_continuing_a_scene_takes_its_place_and_day(analyze_text):
    report = analyze_text(STRIKE_MAY_2, id="may2", date="2022-05-02T22:30:38")
    girl = [c for c in claims_from_report(report) if "17-year-old" in c.evidence.text]
    assert girl and all(c.place == ODESA for c in girl)
    assert all((c.window.start, c.window.end) == (MAY_2, MAY_2) for c in girl)
    # the evidence is the whole scene, so a reader sees the place, the day and the doer it was given
    assert all(c.evidence.text == STRIKE_MAY_2 and c.actor_named for c in girl)
    apart = analyze_text(STRIKE_MAY_2.replace(" A 17-year-old", "\n\nA 17-year-old"), id="apart",
                         date="2022-05-02T22:30:38")
    assert all(c.place is None for c in claims_from_report(apart) if "17-year-old" in c.evidence.text)


def test_yesterdays_strike_told_the_next_day_joins_it_with_its_victims(analyze_text):
    links = _links(analyze_text, [("may2", "2022-05-02T22:30:38", STRIKE_MAY_2),
                                  ("may3", "2022-05-03T15:46:35", RECALL_MAY_3)])
    assert links and set(links) == {("may2", "may3")}
    assert len(links) == 2  # the boy's death joins the strike, the girl joins the girl


def test_a_call_told_again_on_a_later_day_is_one_call_but_a_new_call_is_not(analyze_text):
    sunday = ("apr17", "2022-04-17T23:12:12",
              "I spoke today with Managing Director of the International Monetary Fund Kristalina Georgieva.")
    recall = ("apr21", "2022-04-21T23:13:47",
              "On Sunday, April 17, I spoke with Mrs. Kristalina Georgieva and heard very important words from her.")
    again = ("apr19", "2022-04-19T22:25:53", "I spoke today with Kristalina Georgieva about financial support.")
    assert _links(analyze_text, [sunday, recall]) == [("apr17", "apr21")]
    assert ("apr17", "apr19") not in _links(analyze_text, [sunday, again])


def test_the_doer_must_be_named_by_the_evidence_itself():
    assert names_doer("Russia", "Russian troops launched a missile attack on the Kramatorsk railway station.")
    assert not names_doer("Russia", "Yesterday, a 14-year-old boy died as a result of a missile attack on our Odesa.")
    assert names_doer("Volodymyr Zelenskyy", "I spoke today with Kristalina Georgieva.", "Volodymyr Zelenskyy")
    assert not names_doer("Volodymyr Zelenskyy", "Destroyed the dormitory.", "Volodymyr Zelenskyy")
    assert not names_doer(None, "Russian troops struck Odesa.")
    assert not names_doer("I", "In Odesa the missile hit a dormitory.")  # no speaker given: "I" is a word


def test_a_recall_that_names_no_doer_does_not_join_a_named_strike(analyze_text):
    unnamed = RECALL_MAY_3.replace("a Russian missile attack", "a missile attack")
    assert _links(analyze_text, [("may2", "2022-05-02T22:30:38", STRIKE_MAY_2),
                                 ("may3", "2022-05-03T15:46:35", unnamed)]) == []


KRAMATORSK_APR_8 = (
    "Russian troops launched a missile attack on the Kramatorsk railway station this morning. 38 people died on "
    "the spot. Another 12 people died in hospitals during the day.\n\nThis is another war crime of Russia.\n\n"
    "Russian state propaganda lies about it. RIA Novosti reported that the strike on Kramatorsk had been "
    "inflicted when the missiles were still in the air.")


def test_a_source_named_for_a_later_sentence_is_not_the_source_of_the_speakers_own_account(analyze_text):
    report = analyze_text(KRAMATORSK_APR_8, id="apr8", date="2022-04-08T22:44:51", speaker="Volodymyr Zelenskyy")
    strike = [c for c in claims_from_report(report) if c.type == "ASSAULT" and "this morning" in c.evidence.text]
    assert strike and all(c.chain == () for c in strike)


def test_a_source_named_in_the_sentence_stays_its_source(analyze_text):
    report = analyze_text("RIA Novosti reported that Russian forces struck the railway station in Kramatorsk today.",
                          id="ria", date="2022-04-08T22:44:51")
    strike = [c for c in claims_from_report(report) if c.type == "ASSAULT"]
    assert strike and all(c.chain == ("RIA Novosti",) for c in strike)
