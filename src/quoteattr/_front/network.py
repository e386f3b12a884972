"""Pictures: who speaks to whom and how much, as an SVG network of a document's speakers."""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from .._types import Quote
from .render import _HTML, PAGE_TAIL, check_offsets, page_head, speaker_colours, text_and_quotes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The drawing's size in SVG units, and the circle the people stand on.
WIDTH, HEIGHT = 800, 540
CENTRE_X, CENTRE_Y, RING = 400, 270, 190
# Node radii: the speaker of the most quotes gets the largest; an addressee who never speaks,
# the smallest.
SMALLEST, LARGEST = 8.0, 40.0
# Arrow widths: one quote gets the thinnest, the most-used pair the widest.
THINNEST, WIDEST = 1.5, 8.0
# The fill of an addressee who says nothing, and the ink of outlines and arrows.
SILENT = "#ffffff"
INK = "#555555"

NETWORK_STYLE = """\
.quoteattr-network { font: 13px/1.5 system-ui, sans-serif; color: #111; max-width: 62em; }
.quoteattr-network svg { width: 100%; height: auto; display: block; }
.quoteattr-network .qa-caption { margin: 0.5em 0 0; color: #444; }
"""


@attrs.frozen
class _Node:
    name: str
    spoken: int
    heard: int
    colour: str
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0


def render_network(
    source: str | Doc,
    quotes: Iterable[Quote] | None = None,
    *,
    nlp: str | Language | None = None,
    page: bool = False,
    title: str = "quoteattr",
) -> str:
    """Return HTML with an SVG picture of who speaks to whom in a text, and how much.

    Each speaker is a circle, its area growing with the number of quotes they say, filled with
    the colour ``render`` gives them. An arrow goes from each speaker to each of their
    addressees (`Quote.addressees`), as wide as the number of quotes between them, with that
    number written on it. An addressee who never speaks is a small white circle. People are
    placed on a ring in the order they first appear, so the same quotes always give the same
    picture. Quotes with no speaker, or one nobody was found for, are left out, and a caption counts
    them. Hovering over a
    circle or an arrow shows its counts. Everything given is HTML-escaped. In Jupyter the
    result displays as HTML.

    Args:
        source: The text, or a spaCy Doc (parsed, or processed by the quoteattr component).
        quotes: The quotes to draw, with offsets into the text. None finds them: from
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
    text, found = text_and_quotes(source, quotes, nlp, "render_network")
    check_offsets(text, found)
    opening = '<div class="quoteattr-network">\n'
    drawing = f"{network_svg(found)}{caption(found)}</div>\n"
    if page:
        return _HTML(f"{page_head(title, NETWORK_STYLE)}{opening}{drawing}{PAGE_TAIL}")
    return _HTML(f"{opening}<style>\n{NETWORK_STYLE}</style>\n{drawing}")


def network_svg(quotes: Sequence[Quote]) -> str:
    """The SVG of the network: arrows first, then the circles and names on top."""
    pairs = said_to(quotes)
    nodes = _placed(_nodes(quotes, pairs))
    most = max(pairs.values(), default=1)
    arrows = [
        _arrow(nodes[a], nodes[b], count, most, (b, a) in pairs) for (a, b), count in pairs.items()
    ]
    circles = [_circle(node) for node in nodes.values()]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="Who speaks to whom">\n'
        f"{''.join(arrows)}{''.join(circles)}</svg>\n"
    )


def said_to(quotes: Iterable[Quote]) -> Counter[tuple[str, str]]:
    """How many quotes each speaker says to each addressee, by name, in order of first quote.

    A quote said to several people counts once for each of them; a speaker addressing
    themselves draws no arrow.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for speaker, q in _spoken(quotes):
        for name in dict.fromkeys(a.name for a in q.addressees):
            if name != speaker:
                pairs[speaker, name] += 1
    return pairs


def _spoken(quotes: Iterable[Quote]) -> list[tuple[str, Quote]]:
    """The quotes whose speaker is known, each with the speaker's name: not those with no
    speaker, nor a pronoun nobody was found for."""
    return [(q.speaker.name, q) for q in quotes if q.speaker is not None and q.speaker.name]


def _nodes(quotes: Sequence[Quote], pairs: Counter[tuple[str, str]]) -> list[_Node]:
    """The speakers and addressees in order of first appearance, with their counts."""
    spoken = Counter(speaker for speaker, _ in _spoken(quotes))
    heard: Counter[str] = Counter()
    for (_, addressee), count in pairs.items():
        heard[addressee] += count
    names: dict[str, None] = {}
    for speaker, q in _spoken(quotes):
        names[speaker] = None
        names.update(dict.fromkeys(a.name for a in q.addressees))
    colours = speaker_colours(quotes)
    return [_Node(name, spoken[name], heard[name], colours.get(name, SILENT)) for name in names]


def _placed(nodes: list[_Node]) -> dict[str, _Node]:
    """The nodes on a ring, clockwise from the left, each sized by the quotes it says.

    With many people the circles shrink so that neighbours on the ring do not overlap.
    """
    most = max((n.spoken for n in nodes), default=1)
    largest = max(SMALLEST, min(LARGEST, 0.8 * math.pi * RING / max(len(nodes), 1)))
    placed: dict[str, _Node] = {}
    for i, node in enumerate(nodes):
        angle = math.pi + 2 * math.pi * i / len(nodes)
        ring = RING if len(nodes) > 1 else 0
        r = SMALLEST + (largest - SMALLEST) * math.sqrt(node.spoken / most)
        x, y = CENTRE_X + ring * math.cos(angle), CENTRE_Y + ring * math.sin(angle)
        placed[node.name] = attrs.evolve(node, x=round(x, 1), y=round(y, 1), r=round(r, 1))
    return placed


def _arrow(a: _Node, b: _Node, count: int, most: int, both_ways: bool) -> str:
    """An arrow from a's circle to b's, beside the arrow back if there is one."""
    width = THINNEST + (WIDEST - THINNEST) * (count - 1) / max(most - 1, 1)
    length = math.hypot(b.x - a.x, b.y - a.y)
    dx, dy = (b.x - a.x) / length, (b.y - a.y) / length
    # Two arrows between the same people run side by side, each on its right.
    shift = width / 2 + 3 if both_ways else 0.0
    nx, ny = -dy * shift, dx * shift
    head, half = 6 + 2 * width, 3 + width
    x1, y1 = a.x + dx * a.r + nx, a.y + dy * a.r + ny
    tip_x, tip_y = b.x - dx * b.r + nx, b.y - dy * b.r + ny
    x2, y2 = tip_x - dx * head, tip_y - dy * head
    corners = (
        (tip_x, tip_y),
        (x2 - dy * half, y2 + dx * half),
        (x2 + dy * half, y2 - dx * half),
    )
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
    # The count sits a third of the way along, so that arrows crossing in the middle keep
    # theirs apart.
    label_x, label_y = x1 + (x2 - x1) / 3 + nx * 2, y1 + (y2 - y1) / 3 + ny * 2
    tip = html.escape(f"{a.name} → {b.name}: {_quotes(count)}")
    return (
        f'<g class="qa-edge"><title>{tip}</title>'
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{INK}" stroke-width="{width:.1f}"/>'
        f'<polygon points="{points}" fill="{INK}"/>'
        f'<text x="{label_x:.1f}" y="{label_y + 4:.1f}" text-anchor="middle" font-size="13" '
        f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{count}</text></g>\n'
    )


def _circle(node: _Node) -> str:
    tip = html.escape(f"{node.name}: says {_quotes(node.spoken)}, is spoken to in {node.heard}")
    dash = ' stroke-dasharray="3 2"' if node.spoken == 0 else ""
    return (
        f'<g class="qa-node"><title>{tip}</title>'
        f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.r:.1f}" fill="{node.colour}" '
        f'stroke="{INK}"{dash}/>'
        f"{_name(node)}</g>\n"
    )


def _name(node: _Node) -> str:
    """The node's name outside the ring, away from the arrows; below a node alone."""
    out_x, out_y = (node.x - CENTRE_X) / RING, (node.y - CENTRE_Y) / RING
    if out_x == out_y == 0:
        out_y = 1.0
    x = node.x + out_x * (node.r + 6)
    y = node.y + out_y * (node.r + 6) + 5 + 10 * out_y
    anchor = "end" if out_x < -0.3 else "start" if out_x > 0.3 else "middle"
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="16" '
        f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{html.escape(node.name)}</text>'
    )


def caption(quotes: Sequence[Quote]) -> str:
    """A line under the picture: what it counts, and what it leaves out."""
    spoken = _spoken(quotes)
    speakers = len({speaker for speaker, _ in spoken})
    addressed = sum(1 for _, q in spoken if q.addressees)
    words = f"{_quotes(len(spoken))} by {speakers} speaker{'' if speakers == 1 else 's'}"
    if addressed:
        words += f", {addressed} of them with an addressee"
    else:
        words += "; none says to whom, so there are no arrows"
    unknown = len(quotes) - len(spoken)
    if unknown:
        words += f". Left out: {_quotes(unknown)} with no speaker known"
    return f'<p class="qa-caption">{words}.</p>\n'


def _quotes(count: int) -> str:
    return f"{count} quote" if count == 1 else f"{count} quotes"
