"""The PLOVER ontology and the trigger lexicon are data: they load, validate and cross-reference."""
from __future__ import annotations

import pytest

from sitrep.errors import MissingDataError
from sitrep.events import EventLexicon, Ontology
from sitrep.events.ontology import PLOVER_TYPES
from sitrep.events.triggers import Condition, parse_conditions


@pytest.fixture(scope="module")
def lexicon() -> EventLexicon:
    return EventLexicon.load()


def test_all_sixteen_plover_types_have_definition_cameo_root_and_quad_class():
    onto = Ontology.load()
    assert set(onto.types) == set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16
    for t in onto.types.values():
        assert t.definition and t.cameo_roots and t.quad_class in (1, 2, 3, 4)
        assert -10.0 <= t.score <= 10.0


def test_cooperation_scores_positive_and_violence_most_negative():
    onto = Ontology.load()
    assert onto.types["AID"].score > 0 and onto.types["CONSULT"].score > 0
    assert min(onto.types.values(), key=lambda t: t.score).name == "ASSAULT"


def test_cameo_crosswalk_follows_the_codebook_roots():
    onto = Ontology.load()
    # CAMEO 04 consult, 17 coerce, 15 exhibit force posture, 18-20 assault/fight/mass violence
    assert onto.types["CONSULT"].cameo_roots == ("04",)
    assert onto.types["COERCE"].cameo_roots == ("17",)
    assert onto.types["MOBILIZE"].cameo_roots == ("15",)
    assert set(onto.types["ASSAULT"].cameo_roots) == {"18", "19", "20"}
    assert onto.cameo_code("CONSULT", "phone") == "040"
    assert onto.cameo_code("REQUEST", None) == "02"


def test_modes_named_in_the_brief_exist():
    onto = Ontology.load()
    for typ, mode in [("CONSULT", "visit"), ("CONSULT", "third-party"), ("CONSULT", "multilateral"),
                      ("CONSULT", "phone"), ("ASSAULT", "firearms"), ("ASSAULT", "explosives"),
                      ("ASSAULT", "aerial"), ("ASSAULT", "drone"), ("ASSAULT", "heavy-weapons"),
                      ("MOBILIZE", "troops"), ("MOBILIZE", "weapons"), ("MOBILIZE", "police"),
                      ("MOBILIZE", "militia"), ("COERCE", "seize"), ("COERCE", "arrest"),
                      ("RETREAT", "withdraw"), ("RETREAT", "ceasefire")]:
        assert onto.has_mode(typ, mode), (typ, mode)


def test_every_plover_type_has_triggers(lexicon):
    covered = {rule.type for rules in lexicon.rules.values() for rule in rules}
    assert covered - {""} == set(PLOVER_TYPES)  # "" marks rows that say a use of a word is no event


def test_trigger_conditions_parse_with_negation_and_alternatives():
    assert parse_conditions("-") == ()
    assert parse_conditions("prep=with|to;!child=hunger") == (
        Condition("prep", frozenset({"with", "to"})), Condition("child", frozenset({"hunger"}), True))
    with pytest.raises(MissingDataError):
        parse_conditions("colour=red")


def test_specific_rows_come_before_general_ones_for_one_lemma(lexicon):
    seize = lexicon.rules["seizure"]
    assert (seize[0].type, seize[0].mode) == ("ASSAULT", "occupy")  # seizure of a place
    assert (seize[-1].type, seize[-1].mode) == ("COERCE", "seize")  # seizure of goods
