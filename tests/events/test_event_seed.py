"""The seed article end to end: the analyst's events, found by general rules."""
from __future__ import annotations


def _key(e):
    return (e.type, e.actor.text if e.actor else None, e.recipient.text if e.recipient else None,
            e.place.text if e.place else None, e.modality)


def test_seed_required_events_are_all_found(seed_report):
    got = {_key(e) for e in seed_report.events}
    expected = {
        ("CONSULT", "Vladimir Putin", "Yaramyr Temirkhanov", None, "asserted"),
        ("CONSULT", "Vladimir Putin", "Denis Pyrogov", None, "asserted"),
        ("CONSULT", "Vladimir Putin", "Sergei Cherdantsev", None, "asserted"),
        ("ASSAULT", "6th Separate Guards Mechanized Brigade", None, "Severodonnetsk", "asserted"),
        ("ASSAULT", "Russia", None, "Sevsk", "asserted"),
        ("MOBILIZE", "Ukrainian forces", None, "Sloviansk", "hedged"),
        ("MOBILIZE", "Ukrainian forces", None, "Kramatorsk", "hedged"),
        ("ASSAULT", None, None, "Seversk", "asserted"),
    }
    assert expected <= got, expected - got


def test_seed_siege_is_an_assault_blockade_at_seversk(seed_report):
    (ev,) = [e for e in seed_report.events if e.trigger.text == "siege"]
    assert (ev.type, ev.mode, ev.cameo) == ("ASSAULT", "blockade", "191")


def test_seed_gratitude_is_support_for_the_military(seed_report):
    (ev,) = [e for e in seed_report.events if e.type == "SUPPORT"]
    assert ev.actor.text == "Vladimir Putin" and ev.recipient.text == "military"


def test_summary_and_quantified_mentions_are_not_events(seed_report):
    # "a series of urgent phone calls with frontline commanders", "With each phone call"
    assert [e.trigger.text for e in seed_report.events if e.type == "CONSULT"] == ["spoke", "conversation", "call"]


def test_bare_plural_with_only_a_nationality_is_talk_not_an_event(seed_report):
    # "a necessary defense against Ukrainian incursions" names a class of events in Putin's narrative
    assert "incursions" not in [e.trigger.text for e in seed_report.events]


def test_merged_mentions_carry_the_sources_of_both(seed_report):
    # "Local officials, citing anonymous military sources, ... Ukrainian forces are said to be regrouping"
    # is the same MOBILIZE as "preparations are intensifying in Sloviansk and Kramatorsk"
    for ev in (e for e in seed_report.events if e.type == "MOBILIZE"):
        assert {"local officials", "anonymous military sources"} <= {s.lower() for s in ev.attributed_to}
