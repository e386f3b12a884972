"""Dash dialogue: quoteattr._detect.dashes, pure text, no spaCy."""

from __future__ import annotations

from quoteattr._detect.dashes import quoted_spans
from quoteattr._detect.marks import paragraphs

DIALOGUE = (
    "Mara stood at the window.\n\n"
    "\u2014The tide is in, she said. We should go down now.\n\n"
    "\u2014Not yet, said Tom Hale, not before the boat comes.\n\n"
    "\u2014Why not? Mara asked quietly.\n\n"
    "\u2014Because I said so."
)


def speech(text: str) -> list[str]:
    spans = quoted_spans(text, paragraphs(text), [])
    for s in spans:
        assert s.outer_start <= s.start <= s.end <= s.outer_end
    return [text[s.start : s.end] for s in spans]


def test_dash_paragraphs_are_speech_split_around_their_narration() -> None:
    assert speech(DIALOGUE) == [
        "The tide is in,",
        "We should go down now.",
        "Not yet,",
        "not before the boat comes.",
        "Why not?",
        "Because I said so.",
    ]


def test_double_hyphen_dashes_and_a_colon_introduction() -> None:
    text = (
        "The teacher said:\n\n--Who can spell it?\n\n"
        "Then Ann had asked:\n\n--May I try?\n\n--Go on, the teacher said."
    )
    assert speech(text) == ["Who can spell it?", "May I try?", "Go on,"]


def test_dashes_without_cues_are_a_list_not_dialogue() -> None:
    text = (
        "The winners this year:\n\n"
        "\u2014 Ann Lee of the Daily Star, for her reporting on floods.\n\n"
        "\u2014 Bo Park of City Radio, for a series on schools."
    )
    assert speech(text) == []


def test_quotation_marks_elsewhere_are_kept() -> None:
    text = 'He wrote "the end" on the page.\n\n' + DIALOGUE
    assert speech(text)[:2] == ["the end", "The tide is in,"]
