"""Quotes and speakers, on real sentences from the seed article and the LGL / GeoWebNews corpora."""
from __future__ import annotations

from sitrep.attribution.quotes import quote_spans

# the seed's quotation paragraph: the speaker is named only as "the head of state" and "he"
SEED_QUOTES = (
    "Hours earlier, Putin had issued a directive to military units, emphasizing the need for swift action in "
    "the coming days.\nThe head of state’s remarks, delivered in a rare moment of public candor, hinted at a broader "
    "offensive strategy. ‘The capture of Sevsk has opened the door to new fronts,’ he stated, his voice steady but "
    "urgent. ‘This is not merely a tactical victory—it is a step toward securing peace for the people of Donbass "
    "and protecting the sovereignty of Russia.’ His comments reflect a narrative that has long defined his "
    "administration."
)
SEED_OPENING = ("Russian President Vladimir Putin engaged in a series of urgent phone calls with frontline commanders, "
                "signaling a renewed focus on stabilizing the war-torn Donbass region.\n")


def test_he_stated_resolves_through_head_of_state_to_putin(attribute):
    result = attribute(SEED_OPENING + SEED_QUOTES)
    assert [q.text for q in result.quotes] == [
        "The capture of Sevsk has opened the door to new fronts",
        "This is not merely a tactical victory—it is a step toward securing peace for the people of Donbass and "
        "protecting the sovereignty of Russia.",
    ]
    putin = next(e for e in result.entities if e.text == "Vladimir Putin")
    assert [(q.speaker, q.speaker_entity_id) for q in result.quotes] == [("Vladimir Putin", putin.id)] * 2


def test_quote_offsets_point_at_the_quoted_words(attribute):
    text = SEED_OPENING + SEED_QUOTES
    for q in attribute(text).quotes:
        assert text[q.start:q.end] == q.text


def test_apostrophes_inside_words_do_not_open_or_close_quotes():
    text = ("According to the Kremlin press service, as reported by TASS, Putin spoke with Colonel Yaramyr "
            "Temirkhanov, the commander of the 6th Separate Guards Mechanized Brigade, a unit central to the recent "
            "capture of Severodonnetsk in the Donetsk People’s Republic (DPR).\nPutin expressed gratitude for the "
            "military’s service, a gesture that has become increasingly symbolic as the war enters its third year.")
    assert quote_spans(text) == []


def test_straight_quote_with_postposed_said_names_the_speaker(attribute):
    # LGL article: the speaker follows the verb, with title words before the name
    text = ('"He acted in nothing short of a heroic way today, and but for his actions, we certainly could have had '
            'a worse tragedy," said Moore County District Attorney Maureen Krueger.')
    quotes = attribute(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker == "Maureen Krueger"


def test_quoted_title_is_not_speech(attribute):
    # LGL article: a film title in quotation marks
    text = ("But in a few days Trapani's latest film, \"The Haunting in Connecticut,\" will hit theaters across the "
            "nation, which will undoubtedly have much more exposure to a wider audience than any of his previous films.")
    assert attribute(text).quotes == ()


def test_curly_double_quotes_and_guillemets_are_found():
    text = "“He’s doing something for the people.” Gainesville Mayor Myrtle Figueras would not comment. «Да,» он сказал."
    spans = quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["He’s doing something for the people.", "Да,"]


def test_he_added_goes_to_the_last_speaker_not_the_person_spoken_of(attribute):
    # GeoWebNews book review: "He" is the reviewer who just spoke, not Dr. Olaopa named in the quote
    text = ("“Sufficient knowledge of the historical and social composition of the civil service empowers us to "
            "re-order the patterns of social behavior and political routines that can impel the process and habits "
            "of sustainable development”, the reviewer said. He added: “I have known Dr. Olaopa for a number of years "
            "in his capacity as a political theorist-cum-scientist, serious intellectual, career civil servant and "
            "consultant. He is a passionate Nigerian who is entirely committed to the production of the knowledge and "
            "insights that can galvanize growth and progress in Africa.”")
    assert [q.speaker for q in attribute(text).quotes] == ["reviewer", "reviewer"]


def test_he_said_after_reported_words_about_someone_else_is_the_previous_speaker(attribute):
    # LGL: Barker is spoken about; the speaker is Nelson, who spoke in the sentence before
    text = ('The mother is now helping investigators. "She is not in custody. She is cooperating with the '
            'investigation," Nelson said. Barker is "not considered a suspect" at this point, he said. "But that may '
            'change" as the investigation continues, he said.')
    speakers = {q.text: q.speaker for q in attribute(text).quotes}
    assert speakers["But that may change"] == "Nelson"


def test_a_speaker_never_comes_from_the_next_paragraph(attribute):
    # LGL: the parser runs the quote's sentence into the next paragraph, where another man speaks
    text = ('DCPS Superintendent Matt Robbins said the increase in SEEK base dollars isn\'t much when considering '
            'inflation.\n\n"....(SEEK) has been stagnant for three years at the current rate," Robbins said. "Any little '
            'bit of inflation at all, I don\'t know it does a lot to cover that."\n\nOPS Superintendent Nick Brake said '
            'he is thankful for the increase, albeit modest.')
    quotes = attribute(text).quotes
    assert [q.speaker for q in quotes] == ["Matt Robbins", "Matt Robbins"]
