"""Layout markers: pull-quotes that news pages set off as "Start Quote ... End Quote Name Role"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import attrs

from .marks import ALL_MARKS, Paragraph

# The markers that screen readers and scraped news pages leave around a pull-quote.
START_RE = re.compile(r"\bStart Quote\b", re.IGNORECASE)
END_RE = re.compile(r"\bEnd Quote\b", re.IGNORECASE)
MAX_PULL_CHARS = 3000  # a pull-quote is a sentence or two, never a page
# Trimmed from the ends of a pull-quote and its caption, besides whitespace: quotation marks
# and the invisible format characters that scraped pages leave (zero-width space and joiners,
# word joiner, byte-order mark).
_TRIM = frozenset(ALL_MARKS) | frozenset("\u200b\u200c\u200d\u2060\ufeff")


@attrs.frozen
class PullQuote:
    """A pull-quote: its words, its markers, and the caption that names who said it."""

    start: int
    end: int
    outer_start: int  # the start marker
    outer_end: int  # the end of the caption
    cue_start: int  # the end marker, taken as the cue
    cue_end: int
    caption_start: int
    caption_end: int


def pull_quotes(text: str, paras: list[Paragraph]) -> list[PullQuote]:
    """Find the pull-quotes of a text, in order.

    Each marker is found once and each paragraph looked up by binary search, so the time is
    linear in the length of the text however many markers it has.
    """
    found: list[PullQuote] = []
    if " quote" not in text.lower():  # a quick test first: whatever the markers' case,
        return found  # the text in lower case holds " quote" where they are
    ends = list(END_RE.finditer(text))
    end_starts = [m.start() for m in ends]
    para_starts = [p.start for p in paras]
    pos = 0
    while (start := START_RE.search(text, pos)) is not None:
        k = bisect_left(end_starts, start.end())
        end = ends[k] if k < len(ends) else None
        if end is None or end.end() > start.end() + MAX_PULL_CHARS:
            pos = start.end()
            continue
        q_start, q_end = _trim(text, start.end(), end.start())
        caption_end = _paragraph_end(paras, para_starts, end.start(), len(text))
        c_start, c_end = _trim(text, end.end(), caption_end)
        if any(ch.isalnum() for ch in text[q_start:q_end]):
            found.append(
                PullQuote(
                    q_start,
                    q_end,
                    start.start(),
                    caption_end,
                    end.start(),
                    end.end(),
                    c_start,
                    c_end,
                )
            )
        pos = max(end.end(), caption_end)
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM):
        end -= 1
    return start, end


def _paragraph_end(paras: list[Paragraph], starts: list[int], pos: int, default: int) -> int:
    """Return the end of the paragraph holding pos (starts: the paragraphs' starts)."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos < paras[k].end:
        return paras[k].end
    return default
