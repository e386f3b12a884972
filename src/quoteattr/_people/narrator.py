"""The narrator: a first-person speaker ("I said") named by how the others address them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from .._doc.ents import ents_within
from .._doc.labels import PERSON_LABELS
from .._doc.tokens import TokenIndex
from .._lexicon.people import VOCATIVE_OPENERS, as_title
from .._types import EntityKind, Quote, QuoteKind
from .naming import entity_name_words
from .resolve import Resolver
from .roster import Seen

if TYPE_CHECKING:
    from spacy.tokens import Token

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
# Marks around a word that do not set it off as spoken to: emphasis ("the _Savoy_"), brackets.
NOT_SETTING_OFF = frozenset("_*()[]{}")


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
    words: "Arthur," "my dear Arthur", ", Arthur."; by their canonical names, or by the
    names as the speaker says them."""
    doc = index.doc
    first, end = index.token_range(start, stop)
    read, inner = first, False  # how far the words are read, and whether in a quote within
    for ent in ents_within(doc[first:end]):
        for tok in doc[read : ent.start]:  # "said to me, 'Oh no, Mrs. Hilbery.'": not to her
            inner = tok.text == "‘" or (inner and tok.text != "’")
        read = max(read, ent.start)
        if inner:
            continue
        # a title of address is the vocative's first word ("Good night, Mr. Osgood.")
        opens = ent.start - (ent.start > first and as_title(doc[ent.start - 1].lower_) is not None)
        before = doc[opens - 1] if opens > first else None
        after = doc[ent.end] if ent.end < end else None
        if (
            ent.label_ in PERSON_LABELS
            and (before is None or _sets_off(before) or before.lower_ in VOCATIVE_OPENERS)
            and (after is None or _sets_off(after))
            and not (before is None and after is not None and after.text == ".")  # "Ees."
        ):
            words = entity_name_words(ent)
            name = (
                " ".join(words) if as_written else resolver.known.titled_canonical(words, ent.start)
            )
            if name:
                yield name


def _sets_off(tok: Token) -> bool:
    """Whether a token is punctuation that may set off a name spoken to ("Arthur," "Oh,
    Arthur!"), not an emphasis mark or a bracket ("the _Savoy_")."""
    return tok.is_punct and not NOT_SETTING_OFF & set(tok.text)
