"""The narrator: a first-person speaker ("I said") named by how the others address them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

import attrs

from .._doc.ents import ents_within
from .._doc.labels import PERSON_LABELS
from .._doc.tokens import TokenIndex
from .._lexicon.people import FIRST_NAMES, as_title
from .._types import EntityKind, Quote, QuoteKind
from .naming import entity_name_words
from .resolve import Resolver
from .roster import Seen
from .vocatives import read_vocatives, untitled

if TYPE_CHECKING:
    from spacy.tokens import Span

# The narrator ("I said") takes the name the other speakers address most often, as they say
# it ("Rudolf", not the "Prince Rudolf" of the narration), if they use it at least this many
# times, or once in the paragraph before or after one where the narrator speaks.
MIN_NARRATOR_ADDRESSES = 2
# How a narrator names themselves: "Call me Ishmael", "I called myself Pip", "My name is John
# Carter"; the name is one to three capitalised words.
SELF_NAMING = re.compile(
    r"\b(?:[Cc]all me|[Cc]alled myself|[Mm]y name (?:is|was))\s+"
    r"((?:[A-Z][\w'’-]*)(?:[ ](?:[A-Z][\w'’-]*)){0,2})\b"
)
# The name of the narrator of a novel that does not name them.
NARRATOR = "the narrator"


def with_narrator_named(
    index: TokenIndex, resolver: Resolver, quotes: list[Quote], dialogue: bool
) -> tuple[list[Quote], Seen | None]:
    """Name the narrator ("I said") by the name the narration gives itself ("Call me
    Ishmael", "my name is John Carter"), else by the name the others speak to ("Come in,
    Arthur," says someone else: `_addressed_name`); else, in a text written as dialogue (a
    novel), NARRATOR. In news, "I" stays.

    Returns the quotes, the narrator's with their name, and what the text showed of the
    narrator (None if it has none): an entry of the roster of its own, whose mentions are
    the "I"s of its quotes' cues.
    """
    if not any(_narrator(q) for q in quotes):
        return quotes, None
    name = _self_named(index.text, quotes) or _addressed_name(index, resolver, quotes)
    if name is None and not dialogue:
        return quotes, None
    narrator = Seen(name or NARRATOR, EntityKind.PERSON)
    named = []
    for q in quotes:
        if q.speaker is not None and _narrator(q):
            if q.speaker.mention is not None:
                narrator.mentions.append(q.speaker.mention)
            q = attrs.evolve(
                q, speaker=attrs.evolve(q.speaker, name=narrator.name, entity=EntityKind.PERSON)
            )
        named.append(q)
    return named, narrator


def _addressed_name(index: TokenIndex, resolver: Resolver, quotes: list[Quote]) -> str | None:
    """The name the others speak to most often, as they say it, if they say it at least
    MIN_NARRATOR_ADDRESSES times, or once in the paragraph before or after one where the
    narrator speaks."""
    direct = [q for q in quotes if q.kind is not QuoteKind.INDIRECT]
    turns = {q.paragraph for q in direct if _narrator(q)}  # where the narrator speaks
    names: Counter[str] = Counter()
    answered: set[str] = set()  # spoken to next to a narrator's turn
    for q in direct:
        if _narrator(q):
            continue
        speaker = q.speaker.name if q.speaker is not None else None
        spoken_to = [
            n for n in addressed(index, resolver, q.start, q.end, as_written=True) if n != speaker
        ]
        names.update(spoken_to)
        if turns & {q.paragraph - 1, q.paragraph + 1}:
            answered.update(spoken_to)
    top = names.most_common(1)
    if top and (top[0][1] >= MIN_NARRATOR_ADDRESSES or top[0][0] in answered):
        return top[0][0]
    return None


def _self_named(text: str, quotes: list[Quote]) -> str | None:
    """The first name the narration gives the narrator outside quotes: "Call me Ishmael",
    "I called myself Pip", "My name is John Carter"."""
    quoted = [(q.start, q.end) for q in quotes if q.kind is not QuoteKind.INDIRECT]
    for found in SELF_NAMING.finditer(text):
        k = bisect_right(quoted, (found.start(), len(text))) - 1
        if k < 0 or quoted[k][1] <= found.start():
            return " ".join(found[1].split())
    return None


def _narrator(quote: Quote) -> bool:
    """Whether the quote's speaker is an "I" no one was found for."""
    speaker = quote.speaker
    return (
        speaker is not None
        and speaker.name is None
        and speaker.mention is not None
        and speaker.mention.text.lower() == "i"
    )


def addressed(
    index: TokenIndex, resolver: Resolver, start: int, stop: int, as_written: bool = False
) -> Iterator[str]:
    """The people the quoted words [start, stop) speak to by name, set off from its other
    words (`read_vocatives`): "Arthur," "my dear Arthur", ", Arthur."; by their canonical names,
    or by the names as the speaker says them."""
    first, end = index.token_range(start, stop)
    spoken_to = partial(_spoken_to, resolver, as_written=as_written)
    yield from (name for _, name in read_vocatives(list(index.doc[first:end]), spoken_to))


def _spoken_to(resolver: Resolver, span: Span, as_written: bool) -> str | None:
    """The person a vocative's words name, after any title of address ("Mr. Osgood"): a
    person the entity recogniser found there; else a proper noun that is a name resolution
    knows ("Billy, fetch the loaf", with "her nephew Billy" in the narration) or, where the
    recogniser found nothing, a first name ("Are you coming, Priyanka?")."""
    name = untitled(span)
    ents = ents_within(span)
    bounds = {(span.start, span.end), (name.start, name.end)}
    person = next(
        (e for e in ents if e.label_ in PERSON_LABELS and (e.start, e.end) in bounds), None
    )
    if person is None and not (
        name[0].pos_ == "PROPN" and (_known(resolver, name) or (not ents and _first_name(name)))
    ):
        return None
    said = person if person is not None else name
    words = entity_name_words(said)
    if not words:
        return None
    return " ".join(words) if as_written else resolver.known.titled_canonical(words, said.start)


def _known(resolver: Resolver, name: Span) -> bool:
    """Say whether resolution knows a name of these words: one that opens and ends as they
    do."""
    return resolver.forms.knows(name[0].text) and resolver.forms.knows(name[-1].text)


def _first_name(name: Span) -> bool:
    """Say whether a name is one first name, capitalised, that is no title ("Priyanka")."""
    word = name[0]
    return (
        len(name) == 1
        and word.is_title
        and word.lower_ in FIRST_NAMES
        and as_title(word.text) is None
    )
