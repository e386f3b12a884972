"""Vocatives: the names a quote speaks to, set off from its other words ("Sit down,
Margaret." "Oh, Arthur!" "Billy, fetch the loaf.").

One reading of where a vocative stands, for the two steps that ask: the speaker rules, which
look the name up among the people resolution knows (`narrator.addressed`), and the addressee
step, which looks it up in the roster (`addressees.vocatives`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .._lexicon.people import VOCATIVE_OPENERS, as_title

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The marks that set a name spoken to off from the words before it and after it ("Oh,
# Margaret!", "Sit down, Margaret."): not brackets, colons or emphasis ("(Cruz) said",
# "Eddie Mannix: a life", "the _Savoy_"). One of them is a comma: a name alone between
# others is said, not spoken to ("Fanny Price! Nonsense!", "Miss Ripon?").
OPENING_MARKS = frozenset({",", ".", "!", "?", ";", "—", "–", "…", '"', "“", "‘"})
CLOSING_MARKS = frozenset({",", ".", "!", "?", ";", "—", "–", "…"})
# Names a quote calls on in an oath or an exclamation, not someone in the scene ("Oh God,").
EXCLAIMED = frozenset({"god", "heaven", "heavens", "jesus", "christ"})
# The longest name, in tokens, looked for as a vocative ("Elton Weston"), after any title of
# address that opens it ("Mrs. Elton Weston").
MAX_NAME_TOKENS = 4


def read_vocatives(
    words: Sequence[Token], name_of: Callable[[Span], str | None]
) -> Iterator[tuple[Span, str]]:
    """The stretches of a quote's words (its tokens, in order, without its marks) that speak
    to someone by name, in text order: each the longest that name_of gives a name, with it.

    A vocative opens the quote or follows a mark that sets it off or a word of address ("my
    dear Arthur", "Oh, Arthur"); it may open with a title of address ("Good night, Mr.
    Osgood."); it ends the quote or comes before a mark that sets it off; a comma or the
    word of address is one of those ("Arthur, sit down.", "Sit down, Arthur."; not "Arthur!"
    nor "Ees."). Not a name of an oath ("Oh God,"), nor a name in a quote within the quote
    ("said to me, 'Oh no, Mrs. Hilbery.'").
    """
    inner = False  # whether in a quote within the quote
    i = 0
    while i < len(words):
        tok = words[i]
        inner = tok.text == "‘" or (inner and tok.text != "’")
        found = None if inner else _vocative_at(words, i, name_of)
        if found is None:
            i += 1
            continue
        yield found
        i += len(found[0])


def _vocative_at(
    words: Sequence[Token], i: int, name_of: Callable[[Span], str | None]
) -> tuple[Span, str] | None:
    """The longest name that name_of reads set off as a vocative from words[i], if any."""
    if not words[i].text[:1].isupper():
        return None
    before = words[i - 1] if i else None
    addressing = before is not None and before.lower_ in VOCATIVE_OPENERS
    if words[i].lower_ in EXCLAIMED or not (
        before is None or before.text in OPENING_MARKS or addressing
    ):
        return None
    titled = as_title(words[i].lower_) is not None
    for end in range(min(len(words), i + titled + MAX_NAME_TOKENS), i, -1):
        after = words[end] if end < len(words) else None
        if after is not None and after.text not in CLOSING_MARKS:
            continue
        if not (addressing or "," in (before.text if before else "", after.text if after else "")):
            continue
        span = words[i].doc[words[i].i : words[end - 1].i + 1]
        name = name_of(span)
        if name is not None:
            return span, name
    return None


def untitled(span: Span) -> Span:
    """A vocative without the title of address that opens it: "Osgood" of "Mr. Osgood"."""
    if len(span) > 1 and as_title(span[0].lower_) is not None:
        return span[1:]
    return span
