"""The register of a text, news-like or fiction-like: it decides how people are named.

A novel names a character as the text writes them most ("Mr. Knightley", "Alice"); a news
report names a source by the fullest name it gives ("Donald Trump" for "Mr. Trump"). A text
is fiction-like when it is written as dialogue (`rules.is_dialogue`: short paragraphs that
open with a quote) and reports few numbers and institutions; news reports both, even where
it quotes an exchange line by line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

GENRES = ("auto", "news", "fiction")
# How much news-like evidence a text written as dialogue may show and still be fiction:
# numerals per 1,000 words, plus a fifth of the organisations, places and nationalities the
# entity recogniser finds per 1,000 words. Set between the 5 PolNeAR articles written as
# dialogue (10.8 to 25.6) and the 36 LitBank excerpts that are (at most 7.0).
MAX_FICTION_NEWS_EVIDENCE = 9.0
INSTITUTION_LABELS = frozenset({"ORG", "GPE", "NORP"})
INSTITUTION_WEIGHT = 0.2
PER_WORDS = 1000
# A text this long is a book, not a news report, whose longest run to some 10,000 words: where
# it shows little news-like evidence it is fiction, even written in long paragraphs that hold
# the dialogue.
MIN_BOOK_TOKENS = 40_000


def check_genre(genre: object) -> str:
    """Return genre if it is one of GENRES.

    Raises:
        ValueError: it is not.
    """
    if genre not in GENRES:
        raise ValueError(f"Unknown genre {genre!r}; use one of: {', '.join(map(repr, GENRES))}")
    return str(genre)


def is_fiction(genre: str, dialogue: bool, doc: Doc) -> bool:
    """Say whether to name people as fiction does: as the user said, or for "auto", in a
    text written as dialogue that shows little news-like evidence."""
    if genre != "auto":
        return genre == "fiction"
    if not dialogue and len(doc) < MIN_BOOK_TOKENS:
        return False
    return news_evidence(doc) <= MAX_FICTION_NEWS_EVIDENCE


def news_evidence(doc: Doc) -> float:
    """Numerals per 1,000 words, plus INSTITUTION_WEIGHT times the organisations, places and
    nationalities the entity recogniser found per 1,000 words (none without one)."""
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if not words:
        return 0.0
    numerals = sum(t.text[:1].isdigit() for t in words)
    institutions = sum(e.label_ in INSTITUTION_LABELS for e in doc.ents)
    return PER_WORDS * (numerals + INSTITUTION_WEIGHT * institutions) / len(words)
