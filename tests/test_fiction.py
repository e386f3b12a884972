"""End to end: speakers in small invented pieces of fiction, real spaCy pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from quoteattr import EntityKind, Extractor, Quote, Rule

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.e2e

QuotesOf = Callable[[str], list[Quote]]


def speakers(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes]


def test_full_name_the_entity_recogniser_missed_names_the_speaker(quotes_of: QuotesOf) -> None:
    """The recogniser tags only "Pemberton" in "Sherlock Pemberton"; the full name is still his."""
    text = 'Nobody in the village liked Sherlock Pemberton much.\n\n"Come in," said Pemberton.'
    assert speakers(quotes_of(text)) == ["Sherlock Pemberton"]


def test_adverb_caught_in_a_name_is_left_out_of_it(quotes_of: QuotesOf) -> None:
    """The recogniser tags "Walter languidly" as a person; the name is Walter's."""
    text = 'Walter Crane came into the room.\n\n"I am tired of waiting," said Walter languidly.'
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Walter Crane"]
    assert quotes[0].rule == "named"


@pytest.mark.parametrize("adverb", ["mournfully", "dreamily", "wearily", "crossly"])
def test_adverb_the_tagger_takes_for_the_subject_leaves_the_name_the_speaker(
    quotes_of: QuotesOf, adverb: str
) -> None:
    """The tagger reads "said Ruth mournfully" as "mournfully", a proper noun with "Ruth" as its
    compound; the speaker is still Ruth, and the mention is her name."""
    text = (
        "Ruth sat by the window with her brother.\n\n"
        f'"I shall never see the sea again," said Ruth {adverb}.'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Ruth"]
    assert quotes[0].rule == "named"
    speaker = quotes[0].speaker
    assert speaker is not None and speaker.mention is not None
    assert speaker.mention.text == "Ruth"


def test_titled_surname_is_only_the_full_name_written_with_that_title(
    quotes_of: QuotesOf,
) -> None:
    """ "Mr. Hale" is Mr. Edward Hale, whom the text calls so, not his son Tom Hale, though
    the son was named last; the son keeps his own lines."""
    text = (
        "Mr. Edward Hale kept the mill by the river. His son Tom Hale came home in May.\n\n"
        '"The wheel is broken," said Tom Hale.\n\n'
        '"Then mend it," said Mr. Hale.\n\n'
        '"I will," said Tom.'
    )
    assert speakers(quotes_of(text)) == ["Tom Hale", "Mr. Edward Hale", "Tom Hale"]


def test_the_one_spoken_to_by_name_answers_after_more_words_of_that_turn(
    quotes_of: QuotesOf,
) -> None:
    """The name is in the turn's first quote, not its last: the reply is still Tobias's."""
    text = (
        "Aunt Hester did not look up from her knitting.\n"
        '"Come in, Tobias," she said. "Shut the door behind you, the draught is dreadful."\n'
        '"I only came for my coat."\n'
        '"Then take it."'
    )
    assert speakers(quotes_of(text)) == ["Aunt Hester", "Aunt Hester", "Tobias", "Aunt Hester"]


def test_the_one_spoken_to_by_title_and_name_answers(quotes_of: QuotesOf) -> None:
    """A vocative opens with a title of address the recogniser leaves out of the name
    ("Miss Carrow"): of three people in the room, the next paragraph is hers by the
    vocative (the `addressed` rule, not the ranker's guess)."""
    text = (
        "Dr. Strand folded his newspaper. Constable Webb stood at the door, and Miss Carrow"
        " waited by the window.\n"
        '"You were seen at the station, Miss Carrow," said Strand.\n'
        '"I often go to the station."\n'
        '"At midnight?"'
    )
    reply = quotes_of(text)[1]
    assert (reply.speaker and reply.speaker.name, reply.rule) == ("Miss Carrow", Rule.ADDRESSED)


def test_a_name_spoken_to_inside_a_quotation_within_is_no_one_answering(
    quotes_of: QuotesOf,
) -> None:
    """A name set off inside a quotation the speaker repeats ('they said, ‘No, Ellen.’')
    was spoken to by someone else, not by this speaker: "she said" may still be Ellen."""
    text = (
        "Ellen Pike came in with the tea and sat down by the fire.\n"
        "“The grocer told me today, ‘We have no more sugar, Ellen.’ No sugar at all,”"
        " she said.\n"
    )
    quote = quotes_of(text)[0]
    assert (quote.speaker and quote.speaker.name, quote.rule) == ("Ellen Pike", Rule.PRONOUN)


@pytest.mark.parametrize(
    "text",
    [
        'The rain had not stopped all week.\n"Pass the salt," Nell said.',
        'Abner mended the nets by the door while the others slept.\n"We sail at dawn," said Abner.',
    ],
)
def test_a_first_name_taken_for_an_organisation_that_speaks_is_a_person(
    nlp: Language, text: str
) -> None:
    """The recogniser tags "Nell" and "Abner" as organisations: in fiction, a first name
    alone that acts is a person, and a named speaker (not a group's, at low confidence)."""
    quote = Extractor(nlp, genre="fiction").extract(text)[0]
    assert quote.speaker is not None
    assert (quote.speaker.entity, quote.rule) == (EntityKind.PERSON, Rule.NAMED)


def test_title_keeps_a_surname_to_the_person_of_its_gender(quotes_of: QuotesOf) -> None:
    """A title's gender picks the person: "Mrs. Marsh" is Hilda Marsh, not Oscar Marsh."""
    text = (
        "Hilda Marsh and her husband Oscar Marsh lived on a quiet street.\n\n"
        'One morning Mr. Marsh looked up from his paper. "The coffee is cold," said Mr. Marsh.\n\n'
        '"Then make some more," said Mrs. Marsh.'
    )
    assert speakers(quotes_of(text)) == ["Oscar Marsh", "Hilda Marsh"]


def test_person_brought_in_by_a_noun_is_named_by_it(quotes_of: QuotesOf) -> None:
    """ "she" and "the girl" are the person the text brought in as "a girl", named as the
    narration goes on to call her."""
    text = (
        "Robert Dunmore walked along the road until dusk. Near the bridge a girl was washing "
        'clothes in the stream.\n\n"Where are you going?" she asked.\n\n'
        '"To the school," he said.\n\n"It is far," said the girl.'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["the girl", "Robert Dunmore", "the girl"]
    assert [q.rule for q in quotes] == ["pronoun", "pronoun", "group"]
    assert quotes[2].speaker is not None and quotes[2].speaker.entity == "other"


def test_sentence_whose_subject_is_no_one_presents_no_speaker(quotes_of: QuotesOf) -> None:
    """ "This was true enough." before a quote presents no one: the quote continues Tom's."""
    text = (
        'Tom Harker sat down by the stove. "It is cold tonight," he said. This was true '
        'enough. "We will need more wood before morning."'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Tom Harker", "Tom Harker"]
    assert [q.rule for q in quotes] == ["pronoun", "continuation"]


def test_dialogue_turns_alternate_between_the_two_speakers(quotes_of: QuotesOf) -> None:
    """After a short paragraph ending in a closed quote, a quote that opens the next
    paragraph is the other person's reply: Anna, then Tom again."""
    text = (
        'Anna Brook looked up from her book. "You are late," she said.\n\n'
        '"The train was slow," said Tom Reed.\n\n"Again?"\n\n"Every day this week."\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Anna Brook", "Tom Reed", "Anna Brook", "Tom Reed"]
    assert [q.rule for q in quotes] == ["pronoun", "named", "turn", "turn"]
    assert quotes[2].speaker == quotes[0].speaker


def test_quote_after_a_long_paragraph_continues_its_speaker(quotes_of: QuotesOf) -> None:
    """A long paragraph is not a turn in a dialogue: the next quote is still Tom's."""
    text = (
        'Anna Brook looked up from her book. "You are late," she said.\n\n'
        '"The train was slow," said Tom Reed, who had come all the way from the city on the '
        "last train of the evening.\n\n"
        '"It stopped at every station."\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Anna Brook", "Tom Reed", "Tom Reed"]
    assert quotes[2].rule == "continuation"


def test_the_noun_for_a_title_refers_to_the_person_with_it(quotes_of: QuotesOf) -> None:
    """ "the doctor" is Dr. Miriam Holt."""
    text = (
        "Dr. Miriam Holt came in from the snow and set down her bag.\n\n"
        '"The fever has broken," said the doctor.\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Miriam Holt"]
    assert quotes[0].speaker is not None and quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "the doctor"


def test_person_noun_acting_just_before_a_quote_is_its_speaker(quotes_of: QuotesOf) -> None:
    """ "The girl wiped her hands on her apron." presents her as the next quote's speaker."""
    text = (
        "Robert Dunmore stopped at the gate, where a girl was feeding the hens.\n\n"
        '"Is this the road to the mill?" he asked.\n\nThe girl wiped her hands on her apron.\n\n'
        '"There is no mill here any more."\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Robert Dunmore", "the girl"]
    assert quotes[1].rule == "context"


# The narrator, "I", meets Margaret, who calls them Arthur twice.
ARTHUR_ADDRESSED = (
    "I found Margaret Vance in the garden, cutting roses.\n\n"
    '"You are early, Arthur," said Margaret.\n\n"The roads were clear," I said.\n\n'
    '"Then sit down, Arthur, and tell me everything."\n'
)


def test_narrator_takes_the_name_the_others_call_them(quotes_of: QuotesOf) -> None:
    """ "I said": the narrator is Arthur, whom Margaret addresses by name twice."""
    quotes = quotes_of(ARTHUR_ADDRESSED)
    assert speakers(quotes) == ["Margaret Vance", "Arthur", "Margaret Vance"]
    assert quotes[1].speaker is not None and quotes[1].speaker.mention is not None
    assert quotes[1].speaker.mention.text == "I"


def test_the_named_narrator_is_a_person_of_the_roster(extractor: Extractor) -> None:
    """The narrator's quotes join an entry of the roster named Arthur, whose mentions are the
    "I" of the cue and the "Arthur" the others call him: not left without a person. (In a
    text written as fiction, people are named as the text writes them most, and the
    portrait's "Prince Arthur", mostly written "Arthur" here, joins that entry too: a
    limit of naming by the written form.)"""
    portrait = "Above the stairs hung a portrait of Prince Arthur, dead these forty years.\n\n"
    analysis = extractor.analyze(portrait + ARTHUR_ADDRESSED)
    said = analysis.quotes[1]
    assert said.speaker is not None and said.rule == "pronoun"
    arthur = analysis.person_of(said)
    assert arthur is not None and arthur.name == "Arthur"
    assert "I" in [m.text for m in arthur.mentions]


def test_narrator_takes_the_name_as_the_others_say_it(quotes_of: QuotesOf) -> None:
    """The narrator is "Arthur", as Margaret calls him, not the "Prince Arthur" of the
    family portrait the narration mentions."""
    portrait = "Above the stairs hung a portrait of Prince Arthur, dead these forty years.\n\n"
    quotes = quotes_of(portrait + ARTHUR_ADDRESSED)
    assert speakers(quotes) == ["Margaret Vance", "Arthur", "Margaret Vance"]


def test_narrator_takes_the_name_they_give_themselves(quotes_of: QuotesOf) -> None:
    """ "Call me Tobias": the narration names its narrator, no one need address them."""
    text = (
        "Call me Tobias. Some years ago I shipped on a whaler out of Nantucket.\n\n"
        '"Where are you bound?" asked the captain.\n\n"To the islands," I said.\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes)[-1] == "Tobias"
    assert quotes[-1].speaker is not None and quotes[-1].speaker.mention is not None
    assert quotes[-1].speaker.mention.text == "I"


def test_narrator_addressed_once_away_from_their_turn_stays_unnamed(
    quotes_of: QuotesOf,
) -> None:
    """One "Arthur" far from the narrator's lines is not enough to name the narrator: it may
    be someone else. Two quotes are no dialogue (a news report's "I" is its writer): "I"
    stays the mention of a speaker without a name. (Spoken to once right before the narrator
    answers, they are named: see test_narrator_is_named_once_in_the_line_they_answer.)"""
    text = (
        "I found Margaret Vance in the garden, cutting roses.\n\n"
        '"You are early, Arthur," said Margaret.\n\n'
        "The bees were loud that morning, and the roses were late.\n\n"
        '"The roads were clear," I said.\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes) == ["Margaret Vance", None]
    assert quotes[-1].speaker is not None and quotes[-1].speaker.mention is not None
    assert quotes[-1].speaker.mention.text == "I"


def test_a_novels_narrator_no_one_names_is_the_narrator(quotes_of: QuotesOf) -> None:
    text = (
        "I found Margaret Vance in the garden, cutting roses.\n\n"
        '"You are early," said Margaret.\n\n"The roads were clear," I said.\n\n'
        '"Then sit down."\n\n"Thank you," I said.\n'
    )
    assert speakers(quotes_of(text)) == [
        "Margaret Vance",
        "the narrator",
        "Margaret Vance",
        "the narrator",
    ]


def test_the_narrators_i_ending_a_sentence_is_the_narrator(quotes_of: QuotesOf) -> None:
    """ "said I." is the narrator speaking, though spaCy's tokenizer keeps "I." whole as an
    initial, as in "Henry I. Morrow"."""
    text = (
        "I found Henry I. Morrow in the garden, cutting roses.\n\n"
        '"You are early," said Henry.\n\n"The roads were clear," said I.\n\n'
        '"Then sit down," said Henry.\n\n"Gladly," answered I. "I have walked all day."\n'
    )
    assert speakers(quotes_of(text)) == [
        "Henry",
        "the narrator",
        "Henry",
        "the narrator",
        "the narrator",
    ]


def test_narrator_is_named_once_in_the_line_they_answer(quotes_of: QuotesOf) -> None:
    """Addressed once, in the line right before the narrator's answer: that is their name."""
    text = (
        "I waited at the gate while Dora counted the sheep.\n\n"
        '"Hold the gate, Wilf," said Dora. "They bolt if you let go."\n\n'
        '"I have it," I said.\n'
    )
    quotes = quotes_of(text)
    assert speakers(quotes)[-1] == "Wilf"
