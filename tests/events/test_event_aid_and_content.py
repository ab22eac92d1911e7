"""Aid deliveries, the content of demands, and possessive doers of event nouns, as news phrases them.

Each test says what a careful PLOVER coder records: who gave what kind of aid to whom, that a demand's content
is not itself asserted, and who "its demand" or "their withdrawal" belongs to.
"""
from __future__ import annotations


def _events(analyze_text, text: str, event_type: str | None = None):
    """Events of a one-sentence report, optionally of one type."""
    report = analyze_text(text, date="2023-01-25")
    return [e for e in report.events if event_type is None or e.type == event_type]


def test_delivering_weapons_to_a_country_is_military_aid_received_by_that_country(analyze_text):
    (ev,) = _events(analyze_text, "Germany delivered air defence systems to Ukraine on Monday.")
    assert (ev.type, ev.mode, ev.actor.text, ev.recipient.text) == ("AID", "military", "Germany", "Ukraine")
    assert ev.place is None  # Ukraine receives the systems: a party, not where the delivery happened


def test_money_given_to_a_country_is_economic_aid(analyze_text):
    (ev,) = _events(analyze_text, "The EU gave Ukraine 500 million euros.", "AID")
    assert (ev.mode, ev.recipient.text) == ("economic", "Ukraine")


def test_providing_a_capital_with_batteries_makes_the_capital_the_recipient(analyze_text):
    (ev,) = _events(analyze_text, "Washington provided Kyiv with Patriot batteries.", "AID")
    assert (ev.actor.text, ev.recipient.text) == ("Washington", "Kyiv")


def test_supplies_delivered_to_people_in_a_town_keep_the_town_as_place(analyze_text):
    (ev,) = _events(analyze_text, "Aid agencies delivered supplies to 25,000 people in Idlib.", "AID")
    assert (ev.recipient.text, ev.place.text) == ("25,000 people", "Idlib")


def test_delivering_a_strike_or_giving_a_speech_is_no_aid(analyze_text):
    struck = _events(analyze_text, "Russian forces delivered a massive strike on Kharkiv.")
    assert [e.type for e in struck] == ["ASSAULT"]
    assert _events(analyze_text, "She gave a speech in Kyiv.", "AID") == []


def test_the_content_of_a_demand_noun_is_hypothetical_and_ranks_below_the_demand(analyze_text):
    found = _events(analyze_text, "The International Labor Office reiterated its demand today that Israel ease "
                                  "restrictions on the movement of Palestinian workers.")
    demand = next(e for e in found if e.type == "REQUEST")
    eased = next(e for e in found if e.type == "CONCEDE")
    assert demand.actor.text == "International Labor Office"  # "its demand": the possessive is the demander
    assert eased.modality == "hypothetical" and eased.actor.text == "Israel"
    assert demand.confidence > eased.confidence


def test_what_a_state_must_do_is_the_content_of_a_demand(analyze_text):
    found = _events(analyze_text, "A senior British minister reiterated that Libya must hand over the suspects.")
    demand = next(e for e in found if e.type == "REQUEST")
    handed = next(e for e in found if e.type == "CONCEDE")
    assert (demand.recipient.text, handed.modality) == ("Libya", "hypothetical")
    assert demand.confidence > handed.confidence


def test_a_relative_clause_under_a_demand_stays_asserted(analyze_text):
    found = _events(analyze_text, "Russia said on Tuesday that Sudan must return a helicopter that was captured "
                                  "by the Sudanese authorities last week.")
    (captured,) = [e for e in found if e.trigger.text == "captured"]
    assert captured.modality == "asserted"


def test_possessive_on_a_withdrawal_is_who_withdraws_but_on_an_arrest_who_is_arrested(analyze_text):
    (left,) = _events(analyze_text, "The rebels announced their withdrawal from the city.", "RETREAT")
    assert left.actor.text == "rebels"
    (held,) = _events(analyze_text, "Police confirmed his arrest on Monday.", "COERCE")
    assert held.actor is None or held.actor.text.lower() != "his"


def test_troops_stationed_somewhere_are_no_deployment_but_stationing_them_is(analyze_text):
    found = _events(analyze_text, "Last year, 94 troops stationed in Iraq, Afghanistan or other Central Command "
                                  "countries sought medical treatment for electric shock.")
    assert found == []  # where troops serve, and seeking treatment, are no events
    (moved,) = _events(analyze_text, "The Pentagon stationed 3,000 troops in Poland.", "MOBILIZE")
    assert (moved.actor.text, moved.place.text) == ("Pentagon", "Poland")
    assert moved.recipient is None  # the troops moved are the Pentagon's own, not a party acted upon


def test_a_present_relative_clause_on_a_class_of_people_is_no_occurrence(analyze_text):
    assert _events(analyze_text, "I am grateful to all countries and nations who support Ukraine.") == []
    assert _events(analyze_text, "Victory is gained directly by Ukrainians who are fighting.") == []
    thanked = _events(analyze_text, "With all my heart I thank all the nurses, all the medical workers who help "
                                    "Ukrainians fight every day and every night.")
    assert [e.type for e in thanked] == ["SUPPORT"]  # the thanks is told; the workers' daily help describes them


def test_a_relative_clause_pinned_to_a_place_or_on_definite_people_is_an_occurrence(analyze_text):
    (fought,) = _events(analyze_text, "I thank the soldiers who are fighting in Bakhmut.", "ASSAULT")
    assert fought.place.text == "Bakhmut"
    (shelled,) = _events(analyze_text, "Russian troops who shelled Kharkiv yesterday were pushed back.", "ASSAULT")
    assert shelled.actor.text == "Russian troops"


def test_who_attends_joins_or_takes_part_in_talks_holds_them(analyze_text):
    (met,) = _events(analyze_text, "For the first time, Ukraine took part in a meeting of G7 leaders.", "CONSULT")
    assert (met.actor.text, met.recipient.text) == ("Ukraine", "G7 leaders")
    (summit,) = _events(analyze_text, "Macron attended the summit in Madrid.", "CONSULT")
    assert (summit.actor.text, summit.place.text) == ("Macron", "Madrid")
    (joined,) = _events(analyze_text, "Poland joined the negotiations on Tuesday.", "CONSULT")
    assert joined.actor.text == "Poland"


def test_talks_between_two_states_have_one_as_actor_and_the_other_as_recipient(analyze_text):
    (talks,) = _events(analyze_text, "The talks between Russia and Turkey failed.", "CONSULT")
    assert (talks.actor.text, talks.recipient.text) == ("Russia", "Turkey")


def test_in_an_address_talks_with_someone_are_the_speakers(pipeline):
    from sitrep.ingest.text import article_from_string

    text = "We also discussed the negotiation process with Russia and evacuation of our heroes from Azovstal."
    report = pipeline.analyze(article_from_string(text, language_check=False, speaker="Volodymyr Zelensky"))
    (talks,) = [e for e in report.events if e.trigger.text == "negotiation"]
    assert (talks.actor.text, talks.actor.implicit, talks.recipient.text) == ("Volodymyr Zelensky", True, "Russia")


def test_a_place_inside_a_body_name_or_another_clause_is_not_where_the_event_was(analyze_text):
    (visit,) = _events(analyze_text, "Commander Peshawar corps and IGFC KP South were present during the visit.", "CONSULT")
    assert visit.place is None  # Peshawar names the corps, not where the visit took place
    (talks,) = _events(analyze_text, "We continue very complicated and delicate negotiations to save our people "
                                     "from Mariupol, from Azovstal.", "CONSULT")
    assert talks.place is None  # where people are to be saved from is not where the talks are held
    (allowed,) = _events(analyze_text, "Sen. Byron Dorgan questioned why KBR has been allowed to continue to "
                                       "perform electrical work in Iraq.", "CONCEDE")
    assert allowed.place is None


def test_a_place_the_event_clause_names_is_kept(analyze_text):
    (killed,) = _events(analyze_text, "The shelling killed three people in Kharkiv.", "ASSAULT")
    assert killed.place.text == "Kharkiv"


def test_the_attacker_is_the_one_person_named_as_the_suspect(analyze_text):
    (hit,) = _events(analyze_text, "The suspect, who has been identified as 47-year-old Paul Francis Floyd, was "
                                   "arrested on Tuesday. Police said the attacker hit a woman with a can.", "ASSAULT")
    assert hit.actor.text == "Paul Francis Floyd"
    (other,) = _events(analyze_text, "Two suspects, identified as John Smith and Mark Jones, were held. "
                                     "The attacker hit a woman.", "ASSAULT")
    assert other.actor.text == "attacker"  # two suspects named: the attacker could be either


def test_an_agentless_arrest_is_by_the_one_police_force_the_article_names(analyze_text):
    (held,) = _events(analyze_text, "Beverly Hills Police Department officers responded. The suspect, who has been "
                                    "identified as 47-year-old Paul Francis Floyd, was arrested on Tuesday.", "COERCE")
    assert (held.actor.text, held.actor.implicit, held.recipient.text) == (
        "Beverly Hills Police Department", True, "Paul Francis Floyd")
