"""War words in a report about a trade conflict are figures of speech, and levies are sanctions.

A PLOVER coder reads "China will fight the tariffs" as a threat over trade, not an armed assault; but a real
shelling reported beside a trade story stays an assault, and a soldier "killed on duty" is no trade.
"""
from __future__ import annotations


def _types(analyze_text, text: str) -> list[str]:
    """Event types of a short report, in order."""
    return [e.type for e in analyze_text(text, date="2018-07-06").events]


def test_fighting_tariffs_in_a_trade_dispute_is_no_assault(analyze_text):
    types = _types(analyze_text, "Beijing vowed to fight the U.S. tariffs, deepening the trade dispute.")
    assert "ASSAULT" not in types


def test_a_country_unafraid_to_fight_a_trade_war_commits_no_violence(analyze_text):
    types = _types(analyze_text, "China does not want a trade war, but it is not afraid to fight one.")
    assert [t for t in types if t in ("ASSAULT", "COERCE", "MOBILIZE")] == []


def test_a_clash_over_the_trade_deficit_is_no_fighting(analyze_text):
    assert "ASSAULT" not in _types(analyze_text, "The clash reflects the widening trade deficit with Mexico.")


def test_hitting_goods_with_tariffs_is_a_sanction_by_the_levying_state(analyze_text):
    report = analyze_text("China hit 50 billion dollars of American products with tariffs.", date="2018-07-06")
    (ev,) = report.events
    assert (ev.type, ev.actor.text) == ("SANCTION", "China")


def test_shelling_reported_beside_a_tariff_debate_stays_an_assault(analyze_text):
    types = _types(analyze_text, "Russian troops shelled Kharkiv while the EU debated new tariffs.")
    assert "ASSAULT" in types


def test_a_soldier_killed_on_duty_is_still_killed(analyze_text):
    types = _types(analyze_text, "A Ukrainian soldier was killed on duty near Bakhmut by a Russian drone.")
    assert "ASSAULT" in types
