"""A quote before its speaker is found: where it is, its kind, and the cue found for it."""

from __future__ import annotations

import attrs

from .._cues.match import CueMatch
from .._detect.layout import PullQuote
from .._types import QuoteKind

# The last character of quoted words that leaves the sentence open for a cue after the quote:
# "We will win," he said.  "Will we?" she asked.
OPEN_ENDINGS = frozenset(",!?—–-…:;")
# A quoted stretch this short, with no cue and no sentence punctuation, is a scare quote or a
# title ("the so-called "reform"", "the show "Cake Boss""), not speech.
MIN_UNCUED_WORDS = 4
# Quoted words with no cue that run on from a word of the sentence ("known to all as "the
# old mill"", "the word "Service."") are held up for discussion, not speech, if shorter
# than this; measured on PolNeAR and LitBank (6 to 12 words do as well).
MAX_HELD_WORDS = 8


@attrs.define
class Candidate:
    """A quote found in the text, waiting for its speaker.

    Attributes:
        start: Its first character.
        end: Just past its last character.
        kind: Direct, mixed, indirect or pull.
        paragraph: The paragraph it starts in.
        cue: The cue found for it, if any.
        pull: The pull-quote it is, if it is one.
        opens_paragraph: It is the first thing in its paragraph.
        closed: False when it runs to the end of its paragraph without a closing mark.
    """

    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: CueMatch | None = None
    pull: PullQuote | None = None
    opens_paragraph: bool = False
    closed: bool = True
