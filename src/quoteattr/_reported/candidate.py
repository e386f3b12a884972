"""A quote before its speaker is found: where it is, its kind, and the cue found for it."""

from __future__ import annotations

import attrs

from .._cues.match import CueMatch
from .._detect.layout import PullQuote
from .._detect.marks import MarkedSpan, follows_word
from .._doc.tokens import TokenIndex
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


def is_held_or_scare(text: str, span: MarkedSpan, cue: CueMatch | None) -> bool:
    """Say whether quoted words are no speech: words held up inside a sentence (the word
    "Service," built for "style."), or a scare quote (the "reform", a guest who was no
    "haggler"). A cue makes them speech, unless they run on from a word of the sentence."""
    quoted = text[span.start : span.end]
    words = len(quoted.split())
    embedded = follows_word(text, span.outer_start)
    if cue is None and embedded and words < MAX_HELD_WORDS:
        return True
    return words < MIN_UNCUED_WORDS and quoted[-1] not in ".!?,…—" and (cue is None or embedded)


def pull_candidates(index: TokenIndex, pulls: list[PullQuote]) -> list[Candidate]:
    """A candidate for each pull-quote, in the paragraph its first token is in."""
    return [
        Candidate(
            p.start,
            p.end,
            QuoteKind.PULL,
            index.paragraph_of[index.token_range(p.start, p.end)[0]] if len(index.doc) else 0,
            pull=p,
        )
        for p in pulls
    ]


def spoken(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that hold a word, each trimmed of blanks at its ends, in text order.

    A clause the parser made of stray marks ("said “ ❝") holds no speech; a quote starts and
    ends with a character, not a blank the tokenizer made a token of.
    """
    kept = [c for c in candidates if any(ch.isalnum() for ch in text[c.start : c.end])]
    for c in kept:
        while text[c.start].isspace():
            c.start += 1
        while text[c.end - 1].isspace():
            c.end -= 1
    kept.sort(key=lambda c: c.start)
    return kept
