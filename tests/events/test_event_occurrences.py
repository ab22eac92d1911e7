"""One event per occurrence, and the right kind: tolls, participles, people named by what happened to them.

Sentences follow wire-report phrasing; each rule is checked with a case where it must not fire.
"""
from __future__ import annotations


def _triggers(report, event_type: str | None = None) -> list[str]:
    """Trigger words of the report's events, optionally of one type."""
    return [e.trigger.text for e in report.events if event_type is None or e.type == event_type]


def test_a_wounding_conjoined_to_a_killing_is_its_toll(analyze_text):
    report = analyze_text("A gunman entered the church in Fort Worth and killed seven people and wounded several others.")
    assert "wounded" not in _triggers(report) and "killed" in _triggers(report, "ASSAULT")
    report = analyze_text("Police wounded two suspects on Monday; the suspects had killed a guard.")
    assert "wounded" in _triggers(report, "ASSAULT")  # its own clause, its own doer: another event


def test_a_participle_of_the_same_visit_is_that_visit(analyze_text):
    report = analyze_text("Essid visited NATO headquarters in Brussels, discussing ways to deepen the partnership.")
    assert _triggers(report, "CONSULT") == ["visited"]
    report = analyze_text("Serhiy Pantelyuk was injured while repelling the attack.")
    assert "repelling" in _triggers(report, "ASSAULT")


def test_people_named_by_what_happened_to_them_are_no_new_event(analyze_text):
    assert _triggers(analyze_text("None of the injured were British, sources said.")) == []
    assert "expelled" not in _triggers(analyze_text("The U.S. said those expelled were intelligence agents."))
    assert "injured" in _triggers(analyze_text("Five soldiers were injured near Kupiansk on Monday."))


def test_counted_diplomats_are_still_diplomats(analyze_text):
    report = analyze_text("Hundreds of diplomats are being expelled from both the West and Russia in the dispute.")
    (expelled,) = [e for e in report.events if e.trigger.text == "expelled"]
    assert expelled.type == "SANCTION"


def test_seizing_land_is_taking_territory_seizing_ships_is_not(analyze_text):
    report = analyze_text("Russia's war is an attempt to seize our land.")
    assert [(e.type, e.mode) for e in report.events if e.trigger.text == "seize"] == [("ASSAULT", "occupy")]
    report = analyze_text("Iran seized two oil tankers in the Gulf.")
    assert [(e.type, e.mode) for e in report.events if e.trigger.text == "seized"] == [("COERCE", "seize")]


def test_deploying_equipment_is_no_mobilisation_deploying_troops_is(analyze_text):
    assert _triggers(analyze_text("Fargo tried to speed up the work by deploying a portable wall system."),
                     "MOBILIZE") == []
    assert _triggers(analyze_text("The Pentagon is deploying 3,000 troops to Poland."), "MOBILIZE") == ["deploying"]


def test_animal_and_medical_attacks_are_no_events(analyze_text):
    assert _triggers(analyze_text("A man recovers after a killer bee attack in the Silverado Ranch area.")) == []
    assert _triggers(analyze_text("The minister suffered a heart attack in Kyiv on Monday.")) == []
    assert _triggers(analyze_text("Russian troops launched a missile attack on Kharkiv.")) == ["attack"]


def test_awards_received_and_statements_released_are_no_events(analyze_text):
    report = analyze_text("The depot was one of 46 employers nominated to receive the 2009 Freedom Award.")
    assert "receive" not in _triggers(report)
    report = analyze_text("Members nominated their employers, according to a statement released Wednesday by Lt. Col. "
                          "Michelle Barrett.")
    assert "released" not in _triggers(report)
    assert _triggers(analyze_text("Hamas released three hostages on Sunday."), "CONCEDE") == ["released"]


def test_cities_captured_by_the_occupiers_are_occupied_places(analyze_text):
    report = analyze_text("People are waiting for the flag in all those cities that are temporarily captured by the "
                          "occupiers.")
    (captured,) = [e for e in report.events if e.trigger.text == "captured"]
    assert (captured.type, captured.mode) == ("ASSAULT", "occupy")
    report = analyze_text("The suspect who was captured by police in Lviv was released on bail.")
    (captured,) = [e for e in report.events if e.trigger.text == "captured"]
    assert (captured.type, captured.mode) == ("COERCE", "arrest")


def test_an_address_does_not_give_its_adversary_the_speakers_own_bans(analyze_text):
    report = analyze_text("Russian troops shelled Kharkiv again. Russian missiles hit Odesa. Russian troops fired on "
                          "Sumy. The regional administration announced a ban on visiting forests in the areas that "
                          "were occupied.", speaker="Volodymyr Zelensky")
    (ban,) = [e for e in report.events if e.trigger.text == "ban"]
    assert ban.actor is None or ban.actor.country != "RUS"


def test_a_casualty_count_is_no_new_event(analyze_text):
    assert _triggers(analyze_text("By yesterday evening, the South Ossetians counted two dead and 18 wounded.")) == []
    assert _triggers(analyze_text("Reports put the number of Georgian dead at ten, with 50 wounded.")) == []
    assert "wounded" in _triggers(analyze_text("Eighteen soldiers were wounded near Tskhinvali on Friday."))


def test_figures_of_manner_and_ceremonial_requests_are_no_events(analyze_text):
    assert _triggers(analyze_text("It strikes with courage, because there was total evil around.")) == []
    assert _triggers(analyze_text("I would like to ask you to honor their memory with a moment of silence.")) == []
    assert _triggers(analyze_text("Sandbagging hit high gear in the metro.")) == []
    assert _triggers(analyze_text("She drove the car and took out four wounded.")) == []
    assert _triggers(analyze_text("Russian troops struck Kharkiv with missiles.")) == ["struck"]


def test_material_help_is_aid_troops_committed_are_mobilised(analyze_text):
    report = analyze_text("The U.S. has supported the coalition with refueling, targeting information and logistics.")
    assert [(e.trigger.text, e.type) for e in report.events] == [("supported", "AID")]
    report = analyze_text("The National Guard committed 500 soldiers to the flood fight.")
    assert [(e.trigger.text, e.type) for e in report.events] == [("committed", "MOBILIZE")]
    report = analyze_text("The EU agreed on new sanctions against Russia.")
    assert [e.type for e in report.events] == ["SANCTION"]
    report = analyze_text("The U.S. supported the resolution in the Security Council.")
    assert [e.type for e in report.events] == ["SUPPORT"]


def test_a_noun_that_carries_an_event_lets_its_modifier_name_it(analyze_text):
    report = analyze_text("Arab League Secretary General Chadli Klibi undertook a mediation mission between Syria "
                          "and the PLO.")
    assert "CONSULT" in [e.type for e in report.events]
    assert _triggers(analyze_text("The air raid siren sounded twice over Kyiv.")) == []


def test_blowing_up_is_an_attack_and_listed_military_intelligence_is_aid(analyze_text):
    report = analyze_text("Afghan guerillas blew up three main electric power lines leading into Kabul.")
    assert [(e.trigger.text, e.type) for e in report.events] == [("blew", "ASSAULT")]
    report = analyze_text("The United States is providing aerial photographs and other military intelligence "
                          "to Macedonia.")
    assert [e.type for e in report.events] == ["AID"]


def test_a_natural_force_on_the_carrier_noun_makes_no_event(analyze_text):
    assert _triggers(analyze_text("Officials stepped up the flood fighting effort in Fargo.")) == []
    assert _triggers(analyze_text("The city continued its flood preparation efforts.")) == []
    assert _triggers(analyze_text("The Saudis' bombing campaign continued.")) == ["bombing"]


def test_announced_coercion_by_noun_and_readiness_are_threats_refusals_are_rejections(analyze_text):
    report = analyze_text("NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.")
    (blockade,) = [e for e in report.events if e.trigger.text == "blockade"]
    assert (blockade.type, blockade.actor.text, blockade.modality) == ("THREATEN", "NATO", "asserted")
    report = analyze_text("Iraq's government announced that it is prepared to impose martial law.")
    assert [e.type for e in report.events if e.trigger.text == "impose"] == ["THREATEN"]
    report = analyze_text("The U.S. said it would not meet the hostage-takers' demands.")
    assert [(e.type, e.modality) for e in report.events if e.trigger.text == "meet"] == [("REJECT", "asserted")]
    report = analyze_text("Russia has not agreed to a ceasefire.")
    assert [(e.type, e.modality) for e in report.events if e.trigger.text == "agreed"] == [("AGREE", "negated")]
