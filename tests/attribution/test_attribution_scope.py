"""Which chain governs a span: sentence first, then the paragraph frame of 'according to', then quotes."""
from __future__ import annotations

from sitrep.attribution import chain_for_span


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_seed_spans_inherit_the_chain_of_their_sentence(seed_report, seed_text):
    attrs = seed_report.attributions
    span = _span(seed_text, "Putin spoke with Colonel Yaramyr Temirkhanov")
    assert chain_for_span(*span, attrs, None) == ("Kremlin press service", "TASS")
    span = _span(seed_text, "preparations are intensifying in Sloviansk and Kramatorsk")
    assert chain_for_span(*span, attrs, None) == ("reports from the field",)
    span = _span(seed_text, "This interaction comes amid escalating tensions along the front lines")
    assert chain_for_span(*span, attrs, None) == ()


def test_words_inside_a_quote_belong_to_its_speaker(seed_report, seed_text):
    span = _span(seed_text, "it is a step toward securing peace for the people of Donbass")
    assert chain_for_span(*span, seed_report.attributions, None) == ("Vladimir Putin",)


def test_according_to_frames_the_rest_of_its_paragraph(attribute):
    # LGL article: the second sentence continues the Sheriff's Office account
    text = ("According to the Sheriff’s Office, the man who lives in the mobile home at that address was inside the "
            "home when Henry came in and set the bed and couch on fire with a lighter. The man only knew the woman by "
            "a nickname but investigation led detectives to Henry.\nBoth the Sheriff’s Office and Rapides Parish Fire "
            "District 2 investigated the March 7 fire.")
    result = attribute(text)
    (chain,) = {a.chain for a in result.attributions}
    assert chain_for_span(*_span(text, "The man only knew the woman"), result.attributions, result.doc) == chain
    assert chain_for_span(*_span(text, "investigated the March 7 fire"), result.attributions, result.doc) == ()
