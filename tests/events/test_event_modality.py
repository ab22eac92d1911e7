"""Modality on real sentences: asserted, hedged, hypothetical, negated, future."""
from __future__ import annotations


def test_plain_report_is_asserted(sentence_report, events_of):
    (ev,) = events_of(sentence_report("during the shelling of Kharkiv by the Russian Federation"), "ASSAULT")
    assert ev.modality == "asserted"


def test_reportedly_hedges(sentence_report, events_of):
    (ev,) = events_of(sentence_report("reportedly came under attack"), "ASSAULT", "attack")
    assert ev.modality == "hedged"


def test_reports_suggest_hedges_both_coordinated_places(seed_report):
    mobilize = [e for e in seed_report.events if e.type == "MOBILIZE"]
    assert [e.place.text for e in mobilize] == ["Sloviansk", "Kramatorsk"]
    assert {e.modality for e in mobilize} == {"hedged"}
    # the actor comes from the next sentence ("Ukrainian forces are said to be regrouping")
    assert {(e.actor.text, e.actor.implicit) for e in mobilize} == {("Ukrainian forces", True)}


def test_would_makes_an_event_hypothetical(seed_report):
    (ev,) = [e for e in seed_report.events if e.type == "RETREAT"]
    assert ev.modality == "hypothetical"


def test_event_agreed_to_with_would_is_hypothetical(sentence_report, events_of):
    (ev,) = events_of(sentence_report("France would provide the necessary"), "AID", "provide")
    assert ev.modality == "hypothetical" and ev.actor.text == "France"


def test_did_not_negates(sentence_report, events_of):
    (ev,) = events_of(sentence_report("but did not arrest him"), "COERCE", "arrest")
    assert ev.modality == "negated" and ev.actor.text == "Police"


def test_deny_negates_the_event_it_governs(sentence_report, events_of):
    (ev,) = events_of(sentence_report("They deny that many civilians were killed"), "ASSAULT", "killed")
    assert ev.modality == "negated"


def test_will_marks_future(sentence_report, events_of):
    (ev,) = events_of(sentence_report("We will meet our partners"), "CONSULT", "meet")
    assert ev.modality == "future" and ev.place.text == "Kyiv"


def test_not_only_is_not_negation(seed_report):
    # "would not only disrupt Ukrainian forces but also force them to retreat"
    (ev,) = [e for e in seed_report.events if e.type == "RETREAT"]
    assert ev.modality != "negated"


def test_negated_aspect_verb_does_not_negate_the_event(sentence_report, events_of):
    report = sentence_report("Russian shelling and assault of Azovstal do not stop")
    assault = events_of(report, "ASSAULT")
    assert [e.trigger.text for e in assault] == ["shelling", "assault"]
    assert {e.modality for e in assault} == {"asserted"}
    assert {e.actor.country for e in assault} == {"RUS"}  # the conjoined noun shares "Russian"



def test_a_hedged_source_hedges_the_events_it_governs(pipeline, sentence_report):
    from sitrep import entities as entity_stage
    from sitrep.events import extract_events
    from sitrep.records import Article, Attribution, Evidence

    text = sentence_report("arrested Kresin and Jett").article.text
    doc = pipeline.nlp(text)
    found = entity_stage.extract_entities(doc, pipeline.tables)
    # an attribution the attribution stage would mark hedged ("..., a rumour claims"), scoped over the sentence
    rumour = Attribution(cue="claims", chain=("a rumour",), evidence=Evidence(0, 3, text[:3]), hedged=True,
                         scope=Evidence(0, len(text), text))
    plain = extract_events(doc, found, (), (), Article.from_text(text), pipeline.event_lexicon)
    hedged = extract_events(doc, found, (), (rumour,), Article.from_text(text), pipeline.event_lexicon)
    assert {e.modality for e in plain} == {"asserted"}
    assert {e.modality for e in hedged} == {"hedged"}
    assert {e.attributed_to for e in hedged} == {("a rumour",)}


def test_a_none_quantifier_negates_the_event(analyze_text):
    def modalities(text: str, event_type: str) -> set[str]:
        return {e.modality for e in analyze_text(text).events if e.type == event_type}

    assert modalities("Nobody was arrested after the rally in Minsk.", "COERCE") == {"negated"}
    assert modalities("No civilians were killed overnight in Kharkiv, the governor said.", "ASSAULT") == {"negated"}
    assert modalities("Russian shelling killed no fewer than 40 people in Kharkiv.", "ASSAULT") == {"asserted"}


def test_a_commitment_to_cooperate_is_agree_and_an_announced_coercion_a_threat(analyze_text):
    report = analyze_text("Russia said it will release 50 Ukrainian prisoners next week.")
    assert "AGREE" in [e.type for e in report.events] and "CONCEDE" not in [e.type for e in report.events]
    report = analyze_text("The governor announced that he will extend the night-time curfew in the city.")
    assert "THREATEN" in [e.type for e in report.events]
    report = analyze_text("They will bring it back because they will retreat.")
    assert "AGREE" not in [e.type for e in report.events]
    report = analyze_text("Russia released 50 Ukrainian prisoners on Friday.")
    assert [e.type for e in report.events] == ["CONCEDE"]
