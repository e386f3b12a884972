"""Dash dialogue: speech opened by a dash at the start of a paragraph, with no closing mark.

    —Tell me, Mulligan, Stephen said quietly.
    —The tide is in, he said. We should go down.

Novels set in this style (and many translations) mark only where speech starts. It runs to
the end of its paragraph, but for the narration that names the speaker: a speaker and a
speech verb after a comma, "!" or "?" ("Stephen said quietly", "said the captain"), to the
end of their sentence. Lists and credits in news open paragraphs with dashes too, so a text
is read as dash dialogue only when at least two of its dash paragraphs carry a cue like
that, or follow a paragraph that ends in a speech verb and a colon.

Pure text, like the quotation marks: the speech verbs are known by their written forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._doc.intervals import IntervalIndex
from .._lexicon.cues import is_speech_form
from .._lexicon.people import DETERMINERS, SUBJECT_PRONOUNS
from .layout import PullQuote
from .marks import MarkedSpan, Paragraph, marked_spans

# How many dash paragraphs must carry a cue before the text's dashes are read as dialogue.
MIN_CUED_DASHES = 2
MAX_SUBJECT_WORDS = 3  # capitalised words in a speaker named inside a dash paragraph
# Characters after a break in dash speech read for its speaker and speech verb: a few words.
MAX_NARRATION_CHARS = 80

_DASH_RE = re.compile(r"(?:—|―|--)(?!-)[ \t]*")
# Where narration may start inside a dash paragraph: after a comma, "!", "?" or "...".
_BREAK_RE = re.compile(r"(?<=[,!?…])\s+")
_WORD_RE = re.compile(r"\S+")
_SENTENCE_END_RE = re.compile(r"[.!?…](?=\s|$)")
_EDGE = ".,;:!?…\"'“”‘’()"


def quoted_spans(text: str, paras: list[Paragraph], pulls: list[PullQuote]) -> list[MarkedSpan]:
    """Return every stretch the text sets off as speech, by quotation marks or by dashes, in
    text order, but for those that overlap a pull-quote."""
    in_pull = IntervalIndex([(p.outer_start, p.outer_end) for p in pulls])
    spans = with_dash_dialogue(text, paras, marked_spans(text, paras))
    return [s for s in spans if not in_pull.overlapping(s.outer_start, s.outer_end)]


def with_dash_dialogue(
    text: str, paras: list[Paragraph], spans: list[MarkedSpan]
) -> list[MarkedSpan]:
    """Add the speech of dash-dialogue paragraphs to the marked spans, in text order.

    Marked spans inside a dash-dialogue paragraph give way to it.
    """
    dashed = [p for p in paras if _DASH_RE.match(text, p.start)]
    if len(dashed) < MIN_CUED_DASHES:
        return spans
    narrations = {p.index: list(_narrations(text, p)) for p in dashed}
    cued = sum(bool(narrations[p.index]) or _introduced(text, paras, p) for p in dashed)
    if cued < MIN_CUED_DASHES:
        return spans
    taken = {p.index for p in dashed}
    found = [s for s in spans if s.paragraph not in taken]
    for p in dashed:
        found.extend(_speech(text, p, narrations[p.index]))
    found.sort(key=lambda s: s.start)
    return found


def _speech(text: str, para: Paragraph, narrations: list[tuple[int, int]]) -> Iterator[MarkedSpan]:
    """Yield the stretches of a dash paragraph that are not narration."""
    dash = _DASH_RE.match(text, para.start)
    assert dash is not None
    pos, outer = dash.end(), para.start
    for start, end in [*narrations, (para.end, para.end)]:
        piece_start, piece_end = pos, start
        while piece_start < piece_end and text[piece_start].isspace():
            piece_start += 1
        while piece_end > piece_start and text[piece_end - 1].isspace():
            piece_end -= 1
        if any(ch.isalnum() for ch in text[piece_start:piece_end]):
            yield MarkedSpan(
                piece_start, piece_end, min(outer, piece_start), piece_end, para.index, True
            )
        pos, outer = end, end


def _narrations(text: str, para: Paragraph) -> Iterator[tuple[int, int]]:
    """Yield the narration inside a dash paragraph: "he said quietly." after a break."""
    pos = para.start
    for brk in _BREAK_RE.finditer(text, para.start, para.end):
        if brk.start() < pos:
            continue
        end = _narration_end(text, brk.end(), para.end)
        if end is not None:
            yield brk.end(), end
            pos = end


def _narration_end(text: str, start: int, stop: int) -> int | None:
    """Return where narration starting at start ends, or None when no speaker and speech
    verb open it ("Stephen said quietly." ends at its full stop; "said Buck Mulligan," at
    its comma, the speech going on after it)."""
    reach = min(stop, start + MAX_NARRATION_CHARS)
    words = list(_WORD_RE.finditer(text, start, reach))[: MAX_SUBJECT_WORDS + 2]
    bare = [w.group().strip(_EDGE) for w in words]
    verb = next((k for k, w in enumerate(bare) if is_speech_form(w)), None)
    if verb is None:
        return None
    if any(w.group().endswith((",", ";", ":")) for w in words[:verb]):
        return None  # "Tell me, Mulligan, Stephen said": the narration opens after "Mulligan,"
    before = bare[:verb]
    if before and before[-1].endswith("ly"):
        before = before[:-1]  # he said quietly / he quietly said
    if verb == 0:  # said Buck Mulligan,
        after = bare[1 : 1 + MAX_SUBJECT_WORDS]
        if after and after[0].lower() in SUBJECT_PRONOUNS:
            subject = 1
        else:
            subject = next((k for k, w in enumerate(after) if not w[:1].isupper()), len(after))
        if not subject:
            return None
        if words[subject].group().endswith(","):
            return words[subject].end()
    elif not _is_subject(before):
        return None
    end = _SENTENCE_END_RE.search(text, words[verb].start(), stop)
    return end.end() if end is not None else stop


def _is_subject(words: list[str]) -> bool:
    """Say whether words name a speaker: a pronoun, a few capitalised words, or a determiner
    and a noun or two ("the teacher", "his mother")."""
    if len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS:
        return True
    if 1 < len(words) <= MAX_SUBJECT_WORDS and words[0].lower() in DETERMINERS:
        return True
    return 0 < len(words) <= MAX_SUBJECT_WORDS and all(w[:1].isupper() for w in words)


def _introduced(text: str, paras: list[Paragraph], para: Paragraph) -> bool:
    """Say whether the paragraph before ends in a speech verb and a colon ("Dante said:")."""
    if para.index == 0:
        return False
    before = text[paras[para.index - 1].start : paras[para.index - 1].end].rstrip()
    if not before.endswith(":"):
        return False
    return any(is_speech_form(w.strip(_EDGE)) for w in before.split()[-3:])
