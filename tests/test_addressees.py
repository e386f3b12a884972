"""Addressees: whom each quote was said to, by a vocative, its cue's object or its scene."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import quoteattr
from quoteattr import Addressee, EntityKind, Mention, Quote

if TYPE_CHECKING:
    from spacy.language import Language

TOLD_REPORTERS = 'The mayor told reporters: "We will rebuild the bridge by spring."'
SAID_TO_SISTER = 'Jane Smith said to her sister, "It is far too late to go out now."'
INTERVIEW = '"We are ready for the vote tomorrow," Ms Lopez said in an interview with CNN.'
VOCATIVE = '"Sit down, Margaret," said John.\n\n"I will not," said Margaret.'
DIALOGUE = (
    '"Is the tide in yet?" asked Tom.\n\n"Not for an hour," said Anna.\n\n'
    '"Then we wait."\n\n"We wait."'
)
GROUP = (
    '"Good evening to you all," said Tom.\n\n"Good evening," said Anna.\n\n'
    '"You are late," said Paul.\n\n"The roads were bad," said Tom.'
)
NOBODY = 'The council met on Monday. "We will not raise taxes this year," the mayor said.'


@pytest.fixture(scope="module")
def fast() -> quoteattr.Extractor:
    """A fast-mode extractor: a blank English tokenizer, nothing statistical."""
    return quoteattr.Extractor(mode="fast")


@pytest.fixture(scope="module")
def novel() -> quoteattr.Extractor:
    """A fast-mode extractor told that its texts are fiction."""
    return quoteattr.Extractor(mode="fast", genre="fiction")


def to_whom(quotes: list[Quote]) -> list[list[tuple[str, str | None]]]:
    """Each quote's addressees, as (name, the words that show it)."""
    return [[(a.name, a.mention.text if a.mention else None) for a in q.addressees] for q in quotes]


def test_told_reporters_is_said_to_reporters(fast: quoteattr.Extractor) -> None:
    (quote,) = fast.extract(TOLD_REPORTERS)
    assert quote.addressees == (
        Addressee(
            name="reporters",
            mention=Mention(text="reporters", start=15, end=24),
            entity=EntityKind.OTHER,
        ),
    )


def test_said_to_her_sister_is_said_to_her_sister(fast: quoteattr.Extractor) -> None:
    assert to_whom(fast.extract(SAID_TO_SISTER)) == [[("her sister", "her sister")]]


def test_in_an_interview_with_names_whom_it_was_said_to(fast: quoteattr.Extractor) -> None:
    assert to_whom(fast.extract(INTERVIEW)) == [[("CNN", "CNN")]]


def test_a_vocative_names_whom_it_was_said_to_and_the_reply_goes_back(
    novel: quoteattr.Extractor,
) -> None:
    quotes = novel.extract(VOCATIVE)
    assert to_whom(quotes) == [[("Margaret", "Margaret")], [("John", None)]]
    assert quotes[0].addressees[0].person == quotes[1].speaker.person  # type: ignore[union-attr]


def test_a_two_person_dialogue_is_said_to_the_other(novel: quoteattr.Extractor) -> None:
    quotes = novel.extract(DIALOGUE)
    assert to_whom(quotes) == [[("Anna", None)], [("Tom", None)], [("Anna", None)], [("Tom", None)]]


def test_in_a_group_scene_a_quote_between_two_others_is_said_to_both(
    novel: quoteattr.Extractor,
) -> None:
    """A line between two other speakers' lines is said to both; the first and the last
    line of a scene to the one who answers it and the one it answers."""
    quotes = novel.extract(GROUP)
    assert to_whom(quotes) == [
        [("Anna", None)],
        [("Tom", None), ("Paul", None)],
        [("Anna", None), ("Tom", None)],
        [("Paul", None)],
    ]


def test_a_reply_between_two_lines_of_one_speaker_is_said_to_that_speaker(
    novel: quoteattr.Extractor,
) -> None:
    text = GROUP + '\n\n"Then sit by the fire," said Anna.\n\n"I will," said Tom.'
    assert to_whom(novel.extract(text))[-2] == [("Tom", None)]


def test_nothing_shown_gives_no_addressee(fast: quoteattr.Extractor) -> None:
    assert to_whom(fast.extract(NOBODY)) == [[]]


def test_news_has_no_scene(fast: quoteattr.Extractor) -> None:
    """Two sources quoted one after the other in news do not speak to each other."""
    text = '"The plan will fail," said Tom Reed.\n\n"It will not," said Ann Lee.'
    news = quoteattr.Extractor(mode="fast", genre="news")
    assert to_whom(news.extract(text)) == [[], []]


def test_no_one_is_said_to_be_speaking_to_themself(novel: quoteattr.Extractor) -> None:
    text = '"Margaret, you must rest," said Margaret.'
    assert to_whom(novel.extract(text)) == [[]]


def test_addressees_reach_the_analysis_json(novel: quoteattr.Extractor) -> None:
    analysis = novel.analyze(VOCATIVE)
    first = analysis.to_dict()["quotes"][0]["addressees"]
    assert first == [
        {
            "name": "Margaret",
            "mention": {"text": "Margaret", "start": 11, "end": 19},
            "entity": "person",
            "person": analysis.quotes[1].speaker.person,  # type: ignore[union-attr]
        }
    ]


@pytest.mark.e2e
def test_the_parse_joins_an_object_to_the_roster(extractor: quoteattr.Extractor) -> None:
    (quote,) = extractor.extract(INTERVIEW)
    (cnn,) = quote.addressees
    assert (cnn.name, cnn.entity, cnn.person is not None) == ("CNN", EntityKind.ORGANISATION, True)


@pytest.mark.e2e
def test_the_parse_gives_the_same_conversation(nlp: Language) -> None:
    assert to_whom(quoteattr.Extractor(nlp).extract(TOLD_REPORTERS)) == [
        [("reporters", "reporters")]
    ]
    novel = quoteattr.Extractor(nlp, genre="fiction")
    assert to_whom(novel.extract(VOCATIVE)) == [[("Margaret", "Margaret")], [("John", None)]]
    assert to_whom(novel.extract(DIALOGUE)) == [
        [("Anna", None)],
        [("Tom", None)],
        [("Anna", None)],
        [("Tom", None)],
    ]
