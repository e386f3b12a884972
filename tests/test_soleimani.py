"""End to end on the BBC example article in tests/data/soleimani.txt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import quoteattr
from quoteattr import Quote, QuoteKind

pytestmark = pytest.mark.e2e

PATH = Path(__file__).parent / "data" / "soleimani.txt"
if not PATH.exists():  # in a clone of the repository, not in the sdist
    pytest.skip("tests/data/soleimani.txt is not shipped in the sdist", allow_module_level=True)
TEXT = PATH.read_text(encoding="utf-8")

BREAKS = "[Iran's ambassador to Iraq] called repeatedly for breaks,"
PHONE = (
    "I couldn't quite figure out why, and then later discovered that whenever I said something "
    "that he didn't have covered in his points, he would need to call back to Tehran for "
    "guidance - he was that tightly controlled. On the other end of the phone was Qasem "
    "Soleimani."
)
INTERLOCUTORS = (
    "My Iranian interlocutors on Afghanistan made clear that while they kept the foreign "
    "ministry informed, ultimately it was Gen Soleimani that would make the decisions"
)


@pytest.fixture(scope="module")
def quotes(extractor: quoteattr.Extractor) -> list[Quote]:
    return extractor.extract(TEXT)


def one(quotes: list[Quote], text: str, kind: QuoteKind) -> Quote:
    found = [q for q in quotes if q.text == text and q.kind is kind]
    assert len(found) == 1, [(q.kind.value, q.text) for q in quotes]
    return found[0]


def test_fixture_text_is_the_expected_article() -> None:
    assert TEXT.startswith("Iran's Qasem Soleimani wields power behind the scenes in Iraq")
    assert TEXT.count("Start Quote") == 1
    assert TEXT.count("End Quote") == 1


def test_offsets_of_every_quote_point_at_their_text(
    quotes: list[Quote], assert_offsets: Callable[[str, list[Quote]], None]
) -> None:
    assert_offsets(TEXT, quotes)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_pull_quote_is_attributed_to_ryan_crocker_by_layout(quotes: list[Quote]) -> None:
    pulls = [q for q in quotes if q.kind is QuoteKind.PULL]
    assert len(pulls) == 1
    q = pulls[0]
    assert q.text.startswith("My Iranian interlocutors")
    assert q.text.endswith("make the decisions")
    assert q.text == INTERLOCUTORS
    assert q.start == TEXT.index(INTERLOCUTORS)
    assert q.speaker is not None
    assert q.speaker.name == "Ryan Crocker"
    assert q.speaker.role == "Former US ambassador to Afghanistan"
    assert q.cue is not None
    assert q.cue.text == "End Quote"
    assert q.cue.start == TEXT.index("End Quote")
    assert q.rule == "layout"


def test_mismatched_quote_is_attributed_through_pronoun(quotes: list[Quote]) -> None:
    q = one(quotes, BREAKS, QuoteKind.DIRECT)
    assert q.start == TEXT.index(BREAKS)
    assert q.speaker is not None
    assert q.speaker.name == "Ryan Crocker"
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == "he"
    assert q.speaker.mention.start == TEXT.index('," he said.') + 3
    assert q.cue is not None
    assert q.cue.text == "said"
    assert q.cue.start == TEXT.index('," he said.') + 6


def test_following_quote_paragraph_is_one_continuation_quote(quotes: list[Quote]) -> None:
    starting = [q for q in quotes if q.text.startswith("I couldn't quite figure out why")]
    assert len(starting) == 1
    q = starting[0]
    assert q.text == PHONE
    assert q.text.endswith("On the other end of the phone was Qasem Soleimani.")
    assert q.kind is QuoteKind.DIRECT
    assert q.cue is None
    assert q.speaker is not None
    assert q.speaker.name == "Ryan Crocker"
    assert q.rule == "continuation"
    previous = one(quotes, BREAKS, QuoteKind.DIRECT)
    assert q.speaker == previous.speaker


def test_direct_interlocutors_quote_is_told_by_crocker(quotes: list[Quote]) -> None:
    text = INTERLOCUTORS + ","
    q = one(quotes, text, QuoteKind.DIRECT)
    assert q.start == TEXT.index('"' + text) + 1
    assert q.speaker is not None
    assert q.speaker.name == "Ryan Crocker"
    assert q.speaker.mention is not None
    assert q.speaker.mention.text == "he"
    assert q.cue is not None
    assert q.cue.text == "told"
    assert q.cue.start == TEXT.index(text + '" he told the BBC.') + len(text) + 5
