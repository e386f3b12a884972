"""Quote candidates from a parse: direct quotes, and reported speech that is mixed or indirect.

A quoted stretch is a direct quote unless it is a title, a scare quote, words held up for
discussion or a headline; quoted words inside a clause that a speech verb governs make a
mixed quote of the clause; a reported clause without quotation marks is an indirect quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .._cues.parsed import cue_of_verb, parsed_cue
from .._detect.layout import PullQuote
from .._detect.marks import (
    DOUBLE_CLOSERS,
    SINGLE_CLOSERS,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    MarkedSpan,
    Paragraph,
    follows_word,
)
from .._doc.intervals import IntervalIndex
from .._doc.tokens import TokenIndex
from .._lexicon.words import SCARE_MARKERS
from .._types import QuoteKind
from .candidate import OPEN_ENDINGS, Candidate, is_held_or_scare
from .clauses import DIRECT_SHARE, content_of, governing_cue, reported_clauses

# Title-cased quoted words up to this long, without their own cue, are the name of a work,
# a show or a slogan ("Meet the Press"), not speech.
MAX_TITLE_WORDS = 8
# Characters before a quote read for a word that marks it as a scare quote (SCARE_MARKERS):
# the marker and blanks.
SCARE_REACH = 12


def parsed_candidates(
    index: TokenIndex, paras: list[Paragraph], spans: list[MarkedSpan], pulls: list[PullQuote]
) -> list[Candidate]:
    """The quotes of a parsed Doc before attribution: direct, mixed and indirect."""
    return _with_reported_speech(index, _direct_candidates(index, paras, spans), pulls)


def _direct_candidates(
    index: TokenIndex, paras: list[Paragraph], spans: list[MarkedSpan]
) -> list[Candidate]:
    """A candidate per quoted stretch: direct, or mixed when it sits inside reported speech."""
    text = index.text
    found: list[Candidate] = []
    reach = 0  # where the text of the last direct quote ends, its closing mark included
    for span in spans:
        first, end = index.token_range(span.outer_start, span.outer_end)
        if end <= first:
            continue
        quoted = text[span.start : span.end]
        open_ending = _ending(quoted) in OPEN_ENDINGS
        cue = parsed_cue(index, first, end - 1, open_ending)
        cued_after = open_ending and cue is not None and cue.start >= span.end
        embedded = follows_word(text, span.outer_start)
        if _is_title(quoted, cued_after and not embedded) or _is_scare(text, span.outer_start):
            continue  # "Meet the Press"; the host of "Meet the Press," she said
        if _BYLINE_RE.match(text, span.text_end):
            continue  # the headline of a piece: "Bridge to close," by Ann Lee
        outer_end = span.text_end
        last = found[-1] if found else None
        if (
            last is not None
            and last.kind is QuoteKind.MIXED
            and last.paragraph == span.paragraph
            and (span.start < last.end or _joined(text, last.end, span))
        ):
            # inside the clause of the mixed quote before, or joined to it by "and":
            # called it "a mess" and "a disgrace"
            last.end = min(max(last.end, outer_end), paras[span.paragraph].end)
            continue
        verb = cue.verb if cue is not None else governing_cue(index, first, end)
        clause = content_of(verb, before=verb.i > first) if verb and embedded else None
        if clause is not None:
            para = paras[span.paragraph]
            # within its paragraph, and never back over a direct quote before it
            start = max(min(clause.start, span.start), para.start, reach)
            while start < span.start and text[start].isspace():
                start += 1
            stop = min(max(clause.end, outer_end), para.end)
            if span.end - span.start < DIRECT_SHARE * (stop - start):
                if last is not None and last.kind is QuoteKind.MIXED and last.end > start:
                    last.end = max(last.end, stop)  # one clause, several fragments
                else:
                    mixed = cue_of_verb(clause.verb, index)
                    found.append(Candidate(start, stop, QuoteKind.MIXED, span.paragraph, mixed))
                continue
        if is_held_or_scare(text, span, cue):
            continue
        opens = span.outer_start == paras[span.paragraph].start
        reach = outer_end
        direct = Candidate(span.start, span.end, QuoteKind.DIRECT, span.paragraph, cue)
        direct.opens_paragraph, direct.closed = opens, span.closed
        found.append(direct)
    return found


# A byline after a closing mark: what the marks hold is the headline of a piece of writing.
_BYLINE_RE = re.compile(r"[ \t]*,?[ \t]*by[ \t]+[A-Z]")
_JOINERS = re.compile(r"[ \t,;]*(?:and|or|but|as well as)?[ \t,;]*", re.IGNORECASE)


def _joined(text: str, end: int, span: MarkedSpan) -> bool:
    """Say whether only "and", "or" or a comma stand between end and the quote's opening mark."""
    return end <= span.outer_start and _JOINERS.fullmatch(text, end, span.outer_start) is not None


def _ending(quoted: str) -> str:
    """The character that ends quoted words, past the closing marks of a quote they end with:
    the comma in "He told me, 'we will win,'" said Jones."""
    return quoted.rstrip(_INNER_CLOSERS)[-1:] or quoted[-1]


_INNER_CLOSERS = SINGLE_CLOSERS + STRAIGHT_SINGLE + DOUBLE_CLOSERS + STRAIGHT_DOUBLE + " "


def _is_scare(text: str, pos: int) -> bool:
    """A quote right after "so-called" is a scare quote: the so-called "experts"."""
    before = text[max(0, pos - SCARE_REACH) : pos].rstrip().lower()
    return before.endswith(SCARE_MARKERS)


def _is_title(quoted: str, cued_after: bool) -> bool:
    """Title-cased words without sentence punctuation name a work, show or slogan ("Meet the
    Press"), unless a cue follows them as speech ("Never Again," she said)."""
    words = quoted.split()
    if cued_after or len(words) > MAX_TITLE_WORDS or quoted[-1] in ".!?":
        return False
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and words[0][0].isupper()


def _with_reported_speech(
    index: TokenIndex, direct: list[Candidate], pulls: list[PullQuote]
) -> list[Candidate]:
    """Add indirect quotes, and merge quoted fragments inside reported speech into mixed ones."""
    absorbed: set[int] = set()
    reported: list[Candidate] = []
    quoted_ranges = IntervalIndex([(c.start, c.end) for c in direct])
    pull_ranges = IntervalIndex([(p.outer_start, p.outer_end) for p in pulls])
    # where the speaker of a direct quote stands ('"Oh!" said he, coming back'): not in a
    # clause that the same verb reports
    speakers = sorted(
        c.cue.speaker.idx for c in direct if c.cue is not None and c.cue.speaker is not None
    )
    for clause in reported_clauses(index):
        if pull_ranges.overlapping(clause.start, clause.end):
            continue
        inside = [
            k for k in quoted_ranges.overlapping(clause.start, clause.end) if k not in absorbed
        ]
        at = bisect_left(speakers, clause.start)
        if not inside and at < len(speakers) and speakers[at] < clause.end:
            continue
        start = min([clause.start] + [direct[k].start for k in inside])
        end = max([clause.end] + [direct[k].end for k in inside])
        quoted = sum(direct[k].end - direct[k].start for k in inside)
        if inside and quoted >= DIRECT_SHARE * (end - start):
            continue
        kind = QuoteKind.MIXED if inside else QuoteKind.INDIRECT
        absorbed.update(inside)
        para = index.paragraph_of[clause.verb.i]
        cue = clause.cue or cue_of_verb(clause.verb, index)
        reported.append(Candidate(start, end, kind, para, cue))
    kept = [c for k, c in enumerate(direct) if k not in absorbed]
    return kept + nested(reported)


def nested(reported: list[Candidate]) -> list[Candidate]:
    """Reported speech as it may overlap: a clause holds another whole, or none of it.

    Speech reported inside reported speech nests ("Officials said the mayor told them that
    ..."), but two verbs' clauses that the parse makes cross ("A said B, according to C")
    would overlap in part: then the one that starts later goes.
    """
    found: list[Candidate] = []
    open_: list[Candidate] = []  # the kept clauses that hold the next start, outermost first
    for cand in sorted(reported, key=lambda c: (c.start, -c.end)):
        while open_ and open_[-1].end <= cand.start:
            open_.pop()
        if open_ and cand.end > open_[-1].end:
            continue  # it starts inside a kept clause and ends beyond it
        found.append(cand)
        open_.append(cand)
    return found
