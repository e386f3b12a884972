"""Texts into pieces spaCy can parse, and the pieces' Docs back into one.

Long texts are parsed in pieces cut at paragraph breaks and joined into one Doc again, so a
quote across a cut stays whole; texts with lone surrogates reach spaCy with U+FFFD in their
place, and the quotes' texts are cut back out of the caller's string.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from .._analysis import Analysis
from .._doc.input import has_surrogates, without_surrogates
from .._types import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Longer texts are parsed in pieces of at most this many characters, cut at paragraph breaks:
# spaCy's time per character grows on very long Docs, and its memory with their length.
MAX_PIECE = 100_000
# A batch holds at most this many tokens (some 200,000 characters of English), however
# many Docs: a batch of ten 100,000-character pieces is parsed 15% slower than five of two.
BATCH_TOKENS = 40_000
# What pieces_of gives with each piece of a text: how many pieces the text has, the text
# itself if spaCy gets a different one (see pieces_of), and the text spaCy gets, which the
# Doc of the pieces joined writes (so that it need not be joined again from the tokens).
Context = tuple[int, "str | None", str]


def check_text(text: object) -> None:
    """Raise a TypeError that says what to pass, unless text is a str."""
    if not isinstance(text, str):
        from spacy.tokens import Doc

        if isinstance(text, (bytes, bytearray)):
            hint = " Decode it first: text.decode('utf-8', errors='replace')."
        elif isinstance(text, Doc):
            hint = " For a parsed spaCy Doc, call Extractor().extract_doc(doc)."
        else:
            hint = ""
        raise TypeError(f"quoteattr takes text as a str, not {type(text).__name__}.{hint}")


def batches(docs: Iterable[tuple[Doc, Context]], size: int) -> Iterator[list[tuple[Doc, Context]]]:
    """Group docs into batches of at most size Docs and BATCH_TOKENS tokens (one Doc at least).

    A piece of a long text is a batch of its own: spaCy's memory while it parses grows with
    the batch, and the pieces parsed already are held until the last one is.
    """
    batch: list[tuple[Doc, Context]] = []
    tokens = 0
    for item in docs:
        piece = item[1][0] > 1
        if batch and (piece or len(batch) == size or tokens + len(item[0]) > BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(item)
        tokens += len(item[0])
        if piece:
            yield batch
            batch, tokens = [], 0
    if batch:
        yield batch


def pieces_of(texts: Iterable[str], max_length: int) -> Iterator[tuple[str, Context]]:
    """Yield each text's pieces for spaCy, with (number of pieces, the text if spaCy's differs,
    spaCy's text).

    spaCy gets each lone surrogate as U+FFFD: one character for one, so offsets are the same.
    """
    for text in texts:
        check_text(text)
        source = text if has_surrogates(text) else None
        safe = text if source is None else without_surrogates(text)
        chunks = split_text(safe, max_length)
        for chunk in chunks:
            yield chunk, (len(chunks), source, safe)


def in_source(quote: Quote, source: str) -> Quote:
    """Return quote with its texts cut from source rather than from spaCy's copy of it."""
    cue, speaker = quote.cue, quote.speaker
    if cue is not None:
        cue = attrs.evolve(cue, text=source[cue.start : cue.end])
    if speaker is not None and speaker.mention is not None:
        m = speaker.mention
        speaker = attrs.evolve(speaker, mention=attrs.evolve(m, text=source[m.start : m.end]))
    return attrs.evolve(quote, text=source[quote.start : quote.end], cue=cue, speaker=speaker)


def analysis_in_source(analysis: Analysis, source: str) -> Analysis:
    """Return an analysis with its quotes' and mentions' texts cut from source."""
    people = tuple(
        attrs.evolve(
            p, mentions=tuple(attrs.evolve(m, text=source[m.start : m.end]) for m in p.mentions)
        )
        for p in analysis.people
    )
    return Analysis(quotes=tuple(in_source(q, source) for q in analysis.quotes), people=people)


def split_text(text: str, max_length: int) -> list[str]:
    """Cut text into pieces of at most max_length characters, at paragraph breaks if possible.

    The pieces joined give the text back exactly.

    Raises:
        ValueError: max_length is less than 1.
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, not {max_length}")
    if len(text) <= max_length:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > max_length:
        limit = start + max_length
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = text.rfind(sep, start + 1, limit)
            if cut > start:
                cut += len(sep)
                break
        if cut <= start:
            cut = limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def joined(parts: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return Doc.from_docs(parts, ensure_whitespace=False)
