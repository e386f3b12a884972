"""Quote candidates without a parse: direct quotes, and mixed ones in a cue verb's sentence.

A quote is mixed when a cue verb's sentence holds it and it is a small part of what the
verb reports; the rest of the sentence around it, up to the verb or its "that", is the
clause. Without a parse there are no indirect quotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .._cues.match import CueMatch
from .._cues.surface import surface_cue, verb_in
from .._detect.layout import PullQuote
from .._detect.marks import MarkedSpan, Paragraph
from .._doc.intervals import IntervalIndex
from .._doc.tokens import TokenIndex
from .._lexicon.cues import ALL_CUES, lemma_of
from .._lexicon.people import DETERMINERS
from .._lexicon.words import ADDRESSEE_VERBS, COMPLEMENTIZERS, TITLE_SMALL_WORDS
from .._types import QuoteKind
from .candidate import OPEN_ENDINGS, Candidate, is_held_or_scare
from .clauses import DIRECT_SHARE

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_TITLE_WORDS = 8  # words of a title of a work
_WORD_RE = re.compile(r"\S+")  # the words of str.split()


def surface_candidates(
    index: TokenIndex,
    text: str,
    paras: list[Paragraph],
    spans: list[MarkedSpan],
    pulls: list[PullQuote],
) -> list[Candidate]:
    """A candidate per quoted stretch: direct, or mixed when a cue verb's sentence holds it,
    unless that sentence runs into a pull-quote (markup the sentence reader cannot see)."""
    pull_ranges = IntervalIndex([(p.outer_start, p.outer_end) for p in pulls])
    found: list[Candidate] = []
    for span in spans:
        first, end = index.token_range(span.outer_start, span.outer_end)
        if end <= first:
            continue
        quoted = text[span.start : span.end]
        if _reads_as_title(quoted):
            continue  # "Meet the Press", "The Old Man and the Sea": a title, not speech
        left, right = index.left_context(first), index.right_context(end - 1)
        closes_sentence = text[span.end - 1] in ".!?"
        cue = surface_cue(left, right, text[span.end - 1] in OPEN_ENDINGS)
        if (
            found
            and found[-1].kind is QuoteKind.MIXED
            and left
            and found[-1].end >= left[-1].idx + len(left[-1])
            and not verb_in(left, ALL_CUES)
        ):
            reach = max(found[-1].end, _clause_end(right, span, closes_sentence))
            if not pull_ranges.overlapping(found[-1].start, reach):
                found[-1].end = reach
                continue  # one reported clause quoting several fragments
        start, stop = _clause(left, right, span, cue, closes_sentence)
        mixed = span.end - span.start < DIRECT_SHARE * (stop - start)
        if mixed and not pull_ranges.overlapping(start, stop):
            found.append(Candidate(start, stop, QuoteKind.MIXED, span.paragraph, cue))
            continue
        if is_held_or_scare(text, span, cue):
            continue
        direct = Candidate(span.start, span.end, QuoteKind.DIRECT, span.paragraph, cue)
        direct.opens_paragraph = span.outer_start == paras[span.paragraph].start
        direct.closed = span.closed
        found.append(direct)
    return found


def _reads_as_title(quoted: str) -> bool:
    """Say whether quoted words read as a title: every word capitalised ("Meet the Press").

    Not a word or two that end a sentence: "Yes." and "Bingley!" are answers.
    """
    words = 0  # with a letter; read until one is not a title's
    for found in _WORD_RE.finditer(quoted):
        word = found.group()
        if any(ch.isalpha() for ch in word):
            words += 1
            if words > MAX_TITLE_WORDS or not (word[:1].isupper() or word in TITLE_SMALL_WORDS):
                return False
    return words > (2 if quoted[-1:] in ".!?" else 0)


def _clause(
    left: list[Token],
    right: list[Token],
    span: MarkedSpan,
    cue: CueMatch | None,
    closes_sentence: bool,
) -> tuple[int, int]:
    """Return the characters of what a cue verb before the quote reports, quote included.

    Without a cue verb before it, a quote after narration and before its cue ("The plan
    is "a disaster," she said") reports that whole stretch.
    """
    start = span.start
    verb = verb_in(left, ALL_CUES)
    if verb is not None:
        words = left[left.index(verb) + 1 :]
        that = next((k for k, t in enumerate(words) if t.lower_ in COMPLEMENTIZERS), None)
        if that is not None:
            words = words[that + 1 :]
        elif any(t.text == ":" for t in words) or (words and words[-1].text == ","):
            words = []  # told reporters: "..." / said the man, "...": the quote is what was said
        elif lemma_of(verb) in ADDRESSEE_VERBS:  # told (the) crowd ...
            words = words[2 if words and words[0].lower_ in DETERMINERS else 1 :]
        words = [t for t in words if not t.is_punct]
        if words:
            start = words[0].idx
    elif cue is not None and cue.side == "right":
        words = [t for t in left if not t.is_punct]
        if words:
            start = words[0].idx
    else:
        return span.start, span.end  # no cue verb: nothing reports it
    if cue is not None and cue.side == "right":
        return start, span.text_end
    return start, _clause_end(right, span, closes_sentence)


def _clause_end(right: list[Token], span: MarkedSpan, closes_sentence: bool) -> int:
    """The end of the sentence after a quote, when the quote leaves it going on."""
    end = span.text_end
    if closes_sentence or not right or not (right[0].is_lower or right[0].is_punct):
        return end
    words = [t for t in right if not t.is_punct]
    return max(end, words[-1].idx + len(words[-1])) if words else end
