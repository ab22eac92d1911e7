"""Source chains on real sentences: the seed article, LGL and GeoWebNews."""
from __future__ import annotations

SEED_TASS = ("According to the Kremlin press service, as reported by TASS, Putin spoke with Colonel Yaramyr "
             "Temirkhanov, the commander of the 6th Separate Guards Mechanized Brigade.")
SEED_CITING = ("Local officials, citing anonymous military sources, have called for heightened readiness as "
               "Ukrainian forces are said to be regrouping.")
SEED_REPORTS = ("Meanwhile, reports from the field suggest that preparations are intensifying in Sloviansk and "
                "Kramatorsk, two key cities in the Donetsk region.")


def test_according_to_then_as_reported_by_is_one_chain_innermost_first(attribute):
    (a,) = attribute(SEED_TASS).attributions
    assert a.chain == ("Kremlin press service", "TASS")
    assert a.evidence.text == "According to the Kremlin press service, as reported by TASS"
    assert a.state_media and a.official and not a.anonymous  # TASS is state_media=yes in actors.tsv


def test_citing_puts_the_cited_source_first_and_marks_it_anonymous(attribute):
    (a,) = attribute(SEED_CITING).attributions
    assert a.chain == ("anonymous military sources", "Local officials")
    assert a.anonymous and a.official and a.cue == "citing"


def test_reports_suggest_is_an_anonymous_hedged_source(attribute):
    (a,) = attribute(SEED_REPORTS).attributions
    assert a.chain == ("reports from the field",)
    assert a.anonymous and a.hedged


def test_named_statistics_are_not_anonymous(attribute):
    # LGL: "citing" with the citer as the sentence subject; the verb "said" adds no second chain
    text = ("The two lawmakers, citing statistics compiled by the American Farm Bureau Federation, said the resulting "
            "Clean Air fees on livestock producers would range from $22 a head for hogs to $175 per head for dairy cows.")
    (a,) = attribute(text).attributions
    assert a.chain == ("statistics", "two lawmakers") and not a.anonymous


def test_speaking_on_condition_of_anonymity_makes_the_source_anonymous(attribute):
    # LGL: the anonymity formula sits in a participle clause, outside the subject phrase
    text = ("Iraqi police and hospital officials, speaking on condition of anonymity because they weren’t authorized "
            "to release the information, said the 20 killed included four children and four women.")
    (a,) = attribute(text).attributions
    assert a.chain == ("Iraqi police and hospital officials",) and a.anonymous and a.official


def test_definite_report_and_police_reports_are_not_anonymous(attribute):
    # LGL sentences: "the report" names a known document; "police reports" names the police
    result = attribute("According to police reports, the Ford Bronco was traveling north on FR 1497 at Loop 286 when "
                       "it collided with the Toyota Camry, which was westbound on Loop 286.")
    assert [(a.chain, a.anonymous) for a in result.attributions] == [(("police reports",), False)]


def test_refusing_to_comment_is_not_an_attribution(attribute):
    # LGL: a negated reporting verb reports nothing
    text = ("When the charges were first publicized, neither the police nor Farrin's attorney, Tony Soltani, would "
            "say what the connection was between the two men.")
    assert all(a.cue != "say" for a in attribute(text).attributions)


def test_reportedly_without_a_source_is_an_unsourced_hedge(attribute):
    # LGL: "reportedly" hands the claim to no one
    (a,) = attribute("Servance reportedly gave police at least two versions of what happened to Markel.").attributions
    assert a.chain == () and a.anonymous and a.hedged and a.cue == "reportedly"
