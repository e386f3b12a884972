"""What a cue finder gives: the cue's characters and the words that name the speaker."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from .._types import Cue

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token


# After a quote closed by a full stop, narration this short (in tokens) may still hold its
# cue: ""We will win." she said." Longer narration is a new sentence of its own.
MAX_CLOSED_TAIL = 4


class CueRule(str, enum.Enum):
    """How a cue was found."""

    VERB = "verb"  # a speech verb with its subject: she said, Smith told reporters
    INVERTED = "inverted"  # a speech verb before its speaker: said Smith
    ACCORDING_TO = "according-to"  # according to Smith
    COLON = "colon"  # Smith: "..."
    DASH = "dash"  # "..." -- Commissioner Jane Doe
    NOUN = "noun"  # a report noun: her claim that ...


@attrs.frozen
class CueMatch:
    """A cue found for a quote.

    Attributes:
        start: The cue's first character.
        end: Just past its last character.
        rule: How it was found.
        speaker: With a parse, the head of the words that name the speaker.
        phrase: Without one, the tokens ``[first, end)`` that name the speaker.
        verb: The speech verb, when the cue is one and the Doc is parsed.
        side: Whether the cue stands "left" or "right" of the quote.
    """

    start: int
    end: int
    rule: CueRule
    speaker: Token | None = None
    phrase: tuple[int, int] | None = None
    verb: Token | None = None
    side: str = "left"

    @property
    def names_speaker(self) -> bool:
        """Say whether the cue has words that name its speaker."""
        return self.speaker is not None or self.phrase is not None


def is_closed_tail(right: Sequence[Token]) -> bool:
    """Say whether the narration after a quote closed by a full stop may hold its cue: it is
    at most MAX_CLOSED_TAIL tokens long and does not end in a colon, which opens the next
    quote ("A." Jones said: "B.": Jones said B, not A)."""
    return len(right) <= MAX_CLOSED_TAIL and not (right and right[-1].text == ":")


def cue_at(text: str, start: int, end: int) -> Cue:
    """Return the Cue for the characters [start, end) of text."""
    return Cue(text=text[start:end], start=start, end=end)
