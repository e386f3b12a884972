"""Pictures: the text as HTML, each quote in its speaker's colour, cues underlined."""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from .._core.pipeline import quotes_of
from .._detect.marks import DOUBLE_CLOSERS, SINGLE_CLOSERS, STRAIGHT_DOUBLE, STRAIGHT_SINGLE
from .._types import Quote
from .api import extract

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Pastel backgrounds that keep black text readable, one per speaker in order of first quote;
# chosen by hand. A speaker past the end of the list reuses the colours from the start.
PALETTE = (
    "#ffd166",
    "#8ecae6",
    "#b5e48c",
    "#f4a3c4",
    "#cdb4db",
    "#ffb4a2",
    "#a0e7e5",
    "#e9edc9",
    "#fcbf49",
    "#bde0fe",
)
# The colour of quotes nobody is found to have said.
NO_SPEAKER = "#d9d9d9"

STYLE = """\
.quoteattr { font: 16px/1.6 Georgia, "Times New Roman", serif; color: #111; max-width: 48em; }
.quoteattr .qa-text { white-space: pre-wrap; }
.quoteattr .qa-quote { color: inherit; padding: 0.1em 0; border-radius: 0.2em; }
.quoteattr .qa-indirect, .quoteattr .qa-mixed { border-bottom: 2px dotted #555; }
.quoteattr .qa-speaker { font-weight: bold; border: 2px solid; border-radius: 0.2em; }
.quoteattr .qa-cue { text-decoration: underline 2px; text-underline-offset: 0.2em; }
.quoteattr .qa-label { font: bold 11px/1 system-ui, sans-serif; padding: 0.15em 0.4em;
  margin: 0 0.3em; border-radius: 0.8em; vertical-align: middle; white-space: nowrap; }
.quoteattr .qa-legend { font: 13px/1.5 system-ui, sans-serif; margin-top: 1em; }
.quoteattr .qa-legend span { padding: 0.1em 0.5em; margin-right: 0.5em; border-radius: 0.8em; }
"""

# Which mark is opened first where marks overlap: quotes outermost, cues innermost. A label is
# an empty mark, drawn where it ends.
_QUOTE, _SPEAKER, _CUE, _LABEL = 0, 1, 2, 3
# Quotation marks that may close a quote; the label goes after them.
CLOSING_MARKS = frozenset(DOUBLE_CLOSERS + SINGLE_CLOSERS + STRAIGHT_DOUBLE + STRAIGHT_SINGLE)


class _HTML(str):
    """A str of HTML that Jupyter shows as HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


@attrs.frozen
class _Tag:
    start: int
    end: int
    layer: int
    tag: str
    label: str = ""

    def close(self) -> str:
        return "</mark>" if self.layer == _QUOTE else "</span>"


def render(
    source: str | Doc,
    quotes: Iterable[Quote] | None = None,
    *,
    nlp: str | Language | None = None,
    page: bool = False,
    title: str = "quoteattr",
) -> str:
    """Return HTML that shows a text with each quote highlighted in its speaker's colour.

    The cue is underlined, the speaker's mention is boxed in the same colour, and a label after
    each quote gives the speaker's name, whom it was said to ("Emma → Mr. Knightley") and the
    quote's kind; hovering over a quote shows the details. Everything given is HTML-escaped. In
    Jupyter the result displays as HTML.

    Args:
        source: The text, or a spaCy Doc (parsed, or processed by the quoteattr component).
        quotes: The quotes to show, with offsets into the text. None finds them: from
            ``doc._.quotes`` if the component ran on the Doc, else with the core extractor.
        nlp: The pipeline to find the quotes of a text with (see ``quoteattr.extract``).
        page: Return a whole HTML page rather than a fragment (a ``<div>``).
        title: The page's title, when page is true.

    Returns:
        The HTML, as a str that Jupyter displays as HTML.

    Raises:
        TypeError: source is neither a str nor a Doc.
        ValueError: A quote's offsets fall outside the text.
    """
    text, found = text_and_quotes(source, quotes, nlp, "render")
    if page:
        return _HTML(
            f'{page_head(title)}<div class="quoteattr">\n{body(text, found)}</div>\n{PAGE_TAIL}'
        )
    return _HTML(f'<div class="quoteattr">\n<style>\n{STYLE}</style>\n{body(text, found)}</div>\n')


def text_and_quotes(
    source: str | Doc, quotes: Iterable[Quote] | None, nlp: str | Language | None, caller: str
) -> tuple[str, list[Quote]]:
    """The text of the source and its quotes: those given, else those found (see ``render``).

    Raises:
        TypeError: source is neither a str nor a Doc (the message names the caller).
    """
    if isinstance(source, str):
        if quotes is None:
            return source, extract(source, nlp=nlp)
        return source, list(quotes)
    from spacy.tokens import Doc

    if not isinstance(source, Doc):
        raise TypeError(f"{caller}() takes a str or a spacy Doc, not {type(source).__name__}")
    if quotes is not None:
        return source.text, list(quotes)
    from .component import USER_DATA_KEY, doc_quotes

    if USER_DATA_KEY in source.user_data:
        return source.text, doc_quotes(source)
    return source.text, quotes_of(source)


def body(text: str, quotes: Sequence[Quote]) -> str:
    """The text with its quotes marked up, and a legend of speakers' colours (no style)."""
    check_offsets(text, quotes)
    colours = speaker_colours(quotes)
    marks = [m for q in quotes for m in _tags(text, q, colours)]
    legend = "".join(
        f'<span style="background: {colour}">{html.escape(name)}</span>'
        for name, colour in colours.items()
    )
    return (
        f'<div class="qa-text">{_marked_up(text, marks)}</div>\n'
        f'<div class="qa-legend">{legend}</div>\n'
    )


def check_offsets(text: str, quotes: Iterable[Quote]) -> None:
    """Raise ValueError if a quote's offsets fall outside the text."""
    for q in quotes:
        if not 0 <= q.start <= q.end <= len(text):
            raise ValueError(
                f"The quote at {q.start}:{q.end} falls outside the text ({len(text)} characters);"
                " pass the quotes found in this very text."
            )


def speaker_colours(quotes: Iterable[Quote]) -> dict[str, str]:
    """A colour for each speaker's name, in order of their first quote; a speaker without a
    name (a pronoun nobody was found for) has none: it is unknown."""
    colours: dict[str, str] = {}
    for q in quotes:
        name = q.speaker.name if q.speaker is not None else None
        if name is not None and name not in colours:
            colours[name] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def _tags(text: str, q: Quote, colours: dict[str, str]) -> list[_Tag]:
    name = q.speaker.name if q.speaker is not None else None
    colour = colours[name] if name is not None else NO_SPEAKER
    who = name if name is not None else "speaker unknown"
    details = [f"{who}"]
    if q.speaker is not None and name is not None:
        details[0] += f" ({q.speaker.entity}" + (f", {q.speaker.role})" if q.speaker.role else ")")
    if q.addressees:
        who += " → " + ", ".join(a.name for a in q.addressees)
        details.append(f"to {', '.join(a.name for a in q.addressees)}")
    details.append(f"{q.kind.value} quote")
    if q.cue is not None:
        details.append(f"cue “{q.cue.text}”")
    details.append(f"confidence {q.confidence:.2f}, rule {q.rule}")
    tip = html.escape(" · ".join(details), quote=True)
    label = (
        f'<span class="qa-label" style="background: {colour}">'
        f"{html.escape(who)} · {q.kind.value}</span>"
    )
    tag = f'<mark class="qa-quote qa-{q.kind.value}" style="background: {colour}" title="{tip}">'
    # The label goes after the closing quotation mark, if there is one.
    label_at = q.end + 1 if text[q.end : q.end + 1] in CLOSING_MARKS else q.end
    marks = [_Tag(q.start, q.end, _QUOTE, tag), _Tag(label_at, label_at, _LABEL, "", label)]
    if q.speaker is not None and q.speaker.mention is not None:
        m = q.speaker.mention
        speaker_tag = (
            f'<span class="qa-speaker" style="border-color: {colour}" '
            f'title="{html.escape(who, quote=True)}">'
        )
        marks.append(_Tag(m.start, m.end, _SPEAKER, speaker_tag))
    if q.cue is not None:
        marks.append(_Tag(q.cue.start, q.cue.end, _CUE, '<span class="qa-cue">'))
    return marks


def _marked_up(text: str, marks: Sequence[_Tag]) -> str:
    """Escaped text with marks, split where they overlap so that the tags nest."""
    spans = sorted((m for m in marks if m.layer != _LABEL and m.start < m.end), key=_by_start)
    labels: dict[int, list[str]] = {}
    for m in marks:
        if m.layer == _LABEL:
            labels.setdefault(m.end, []).append(m.label)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    on: list[_Tag] = []
    waiting = iter(spans)
    upcoming = next(waiting, None)
    for a, b in itertools.pairwise(cuts):
        on = [m for m in on if m.end > a]
        while upcoming is not None and upcoming.start <= a:
            on.append(upcoming)
            upcoming = next(waiting, None)
        on.sort(key=_by_layer)
        out.extend(m.tag for m in on)
        out.append(html.escape(text[a:b]))
        out.extend(m.close() for m in reversed(on))
        out.extend(labels.get(b, ()))
    return "".join(out)


def _by_start(m: _Tag) -> int:
    return m.start


def _by_layer(m: _Tag) -> tuple[int, int]:
    return (m.layer, m.start)


def page_head(title: str, style: str = STYLE) -> str:
    """The start of a standalone HTML page, with a style, up to and including ``<body>``."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<style>\nbody { margin: 2em auto; max-width: 52em; padding: 0 1em; }\n"
        "h2 { font: bold 15px system-ui, sans-serif; color: #444; }\n"
        f"{style}</style>\n"
        "</head>\n<body>\n"
    )


PAGE_TAIL = "</body>\n</html>\n"


def section(source: str, text: str, quotes: Sequence[Quote]) -> str:
    """One document of a many-document page: its name as a heading, then its text."""
    return (
        f"<section>\n<h2>{html.escape(source)}</h2>\n"
        f'<div class="quoteattr">\n{body(text, quotes)}</div>\n</section>\n'
    )
