"""The register of a text (news-like or fiction-like) and how it names people."""

from __future__ import annotations

import pytest

import quoteattr
from docs_builder import surface
from quoteattr._core.genre import MIN_BOOK_TOKENS, check_genre, is_fiction, news_evidence
from quoteattr._core.pipeline import quotes_of
from quoteattr._front.cli import main
from quoteattr._people.roster import Seen, most_written
from quoteattr._types import EntityKind, Mention, Quote, QuoteKind, Speaker

STORY = (
    '"Is the kettle on?" asked Mrs. Pellow.\n\n'
    '"It is," said Tamsin.\n\n'
    '"Then fetch the cups," said Mrs. Pellow.\n\n'
    '"Yes, aunt."\n\n'
    '"And the good spoons," said Mrs. Pellow.\n\n'
    '"Which ones?" asked Tamsin Pellow.\n\n'
    '"The silver," said she.'
)
REPORT = (
    '"Is the bridge safe?" asked Ms. Okafor on 12 March 2024.\n\n'
    '"It is," said Mayor Tom Reed.\n\n'
    '"We spent $4.2 million on 17 repairs," said Mayor Tom Reed.\n\n'
    '"In 2023?"\n\n'
    '"From 2019 to 2023," said Reed.\n\n'
    '"And 2025?" asked Ms. Okafor.\n\n'
    '"About 30 more," said Reed.'
)


def test_a_dialogue_with_few_numbers_is_fiction_and_one_full_of_them_is_news() -> None:
    assert news_evidence(surface(STORY).doc) == 0.0
    assert news_evidence(surface(REPORT).doc) > 100
    assert is_fiction("auto", True, surface(STORY).doc)
    assert not is_fiction("auto", True, surface(REPORT).doc)


def test_a_text_not_written_as_dialogue_is_news() -> None:
    assert not is_fiction("auto", False, surface(STORY).doc)


def test_a_book_length_text_with_few_numbers_is_fiction_even_in_long_paragraphs() -> None:
    """A novel whose dialogue sits inside long paragraphs is still a book: no news report
    runs to MIN_BOOK_TOKENS; but not one full of numbers."""
    long_story = " ".join([STORY] * (MIN_BOOK_TOKENS // len(surface(STORY).doc) + 1))
    assert len(surface(long_story).doc) >= MIN_BOOK_TOKENS
    assert is_fiction("auto", False, surface(long_story).doc)
    long_report = " ".join([REPORT] * (MIN_BOOK_TOKENS // len(surface(REPORT).doc) + 1))
    assert not is_fiction("auto", False, surface(long_report).doc)


@pytest.mark.parametrize("genre", ["news", "fiction"])
def test_the_caller_decides_the_genre_over_the_evidence(genre: str) -> None:
    for text in (STORY, REPORT):
        assert is_fiction(genre, text == REPORT, surface(text).doc) is (genre == "fiction")


def test_an_unknown_genre_is_a_value_error() -> None:
    assert check_genre("fiction") == "fiction"
    with pytest.raises(ValueError, match="Unknown genre 'novel'"):
        check_genre("novel")


def _mention(text: str, words: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Mention(text=words, start=start, end=start + len(words))


def test_fiction_names_a_person_by_the_form_the_text_writes_most_with_its_title() -> None:
    """ "Pellow" after "Mrs." twice and "Tamsin Pellow" once: she is Mrs. Pellow."""
    text = "Mrs. Pellow came. Tamsin Pellow sat. Mrs. Pellow spoke. Her cup fell."
    seen = [
        Seen(
            "Tamsin Pellow",
            EntityKind.PERSON,
            mentions=[
                _mention(text, "Pellow"),
                _mention(text, "Tamsin Pellow"),
                _mention(text, "Pellow", 2),
                _mention(text, "Her"),
                _mention(text, "Her"),  # a mention noted twice counts once
            ],
        )
    ]
    speaker = Speaker(name="Tamsin Pellow", entity="person")
    quote = Quote(text="x", start=0, end=1, kind=QuoteKind.DIRECT, speaker=speaker)
    renamed, quotes = most_written(text, seen, [quote])
    assert renamed[0].name == "Mrs. Pellow"
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Mrs. Pellow"


def test_a_story_written_as_dialogue_names_its_people_as_it_writes_them() -> None:
    """End to end in the fast mode: "Mrs. Pellow" is not merged into "Tamsin Pellow"."""
    names = [q.speaker.name for q in quotes_of(surface(STORY).doc, "fast") if q.speaker]
    assert names[0] == "Mrs. Pellow"
    assert "Tamsin" in names


def test_every_front_door_takes_the_genre_and_refuses_an_unknown_one() -> None:
    """The fast mode needs no model: only a tokenizer."""
    fiction = quoteattr.Extractor(mode="fast", genre="fiction")
    news = quoteattr.Extractor(mode="fast", genre="news")
    text = "Mrs. Pellow met Tamsin Pellow. " + STORY
    assert fiction.extract(text)[0].speaker.name == "Mrs. Pellow"
    assert news.extract(text)[0].speaker.name == "Tamsin Pellow"
    with pytest.raises(ValueError, match="Unknown genre"):
        quoteattr.Extractor(genre="novels")
    with pytest.raises(SystemExit):
        main(["--genre", "novels", "-"])
