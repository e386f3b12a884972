"""quoteattr.render_network: who speaks to whom, its SVG, its counts, and what Chromium draws."""

from __future__ import annotations

import itertools
import math
import os
import re
from pathlib import Path

import attrs
import pytest
import spacy

import quoteattr
from quoteattr import Addressee, Quote, QuoteKind, Speaker
from quoteattr._front.network import INK, SILENT
from quoteattr._front.render import NO_SPEAKER, PALETTE
from test_render import ROOT, assert_well_nested, drawn, rgb

# A scene of our own: Aunt Mary, Tom and Nell speak; Rufus the dog is only spoken to.
SCENE = (
    '"You are late, Tom," said Aunt Mary.\n\n'
    '"The ferry was slow," said Tom. "Ask Nell."\n\n'
    '"It was, Aunt," said Nell. "Rufus would not get off it."\n\n'
    '"Down, Rufus!" said Tom. The dog sat.\n\n'
    '"Then sit down, both of you," said Aunt Mary. "Tom, the kettle."\n\n'
    '"Yes, Aunt," said Tom.'
)


def said(words: str, speaker: str | None, *to: str, text: str = SCENE) -> Quote:
    """The direct quote of these words, said by speaker to the people named."""
    start = text.index(words)
    return Quote(
        text=words,
        start=start,
        end=start + len(words),
        kind=QuoteKind.DIRECT,
        speaker=Speaker(name=speaker) if speaker else None,
        addressees=[Addressee(name=name) for name in to],
    )


QUOTES = [
    said("You are late, Tom,", "Aunt Mary", "Tom"),
    said("The ferry was slow,", "Tom", "Aunt Mary"),
    said("Ask Nell.", "Tom", "Aunt Mary"),
    said("It was, Aunt,", "Nell", "Aunt Mary"),
    said("Rufus would not get off it.", "Nell", "Aunt Mary"),
    said("Down, Rufus!", "Tom", "Rufus"),
    said("Then sit down, both of you,", "Aunt Mary", "Tom", "Nell"),
    said("Tom, the kettle.", "Aunt Mary", "Tom"),
    said("Yes, Aunt,", "Tom", "Aunt Mary"),
]


def titles(markup: str, kind: str) -> list[str]:
    """The hover texts of the nodes or edges, in the order they are drawn."""
    return re.findall(rf'<g class="qa-{kind}"><title>(.*?)</title>', markup)


def fills(markup: str) -> list[str]:
    return re.findall(r'<circle [^>]*fill="(#\w+)"', markup)


def radii(markup: str) -> list[float]:
    return [float(r) for r in re.findall(r'<circle [^>]*r="([\d.]+)"', markup)]


def test_each_pair_is_an_arrow_with_its_count() -> None:
    """A quote to two people counts for each; the arrows come in order of first quote."""
    markup = quoteattr.render_network(SCENE, QUOTES)
    assert titles(markup, "edge") == [
        "Aunt Mary → Tom: 3 quotes",
        "Tom → Aunt Mary: 3 quotes",
        "Nell → Aunt Mary: 2 quotes",
        "Tom → Rufus: 1 quote",
        "Aunt Mary → Nell: 1 quote",
    ]
    counts = re.findall(r'paint-order="stroke">(\d+)</text></g>', markup)
    assert counts == ["3", "3", "2", "1", "1"]
    widths = re.findall(r'<line [^>]*stroke-width="([\d.]+)"', markup)
    assert widths == ["8.0", "8.0", "4.8", "1.5", "1.5"]


def test_each_person_is_a_circle_sized_by_what_they_say() -> None:
    markup = quoteattr.render_network(SCENE, QUOTES)
    assert titles(markup, "node") == [
        "Aunt Mary: says 3 quotes, is spoken to in 5",
        "Tom: says 4 quotes, is spoken to in 3",
        "Nell: says 2 quotes, is spoken to in 1",
        "Rufus: says 0 quotes, is spoken to in 1",
    ]
    assert radii(markup) == [35.7, 40.0, 30.6, 8.0]
    assert markup.count('stroke-dasharray="3 2"') == 1  # Rufus, who says nothing


def test_speakers_have_the_colours_render_gives_them() -> None:
    assert fills(quoteattr.render_network(SCENE, QUOTES)) == [*PALETTE[:3], SILENT]
    legend = quoteattr.render(SCENE, QUOTES).split('<div class="qa-legend">')[1]
    assert re.findall(r"background: (#\w+)\">([^<]+)<", legend) == [
        (PALETTE[0], "Aunt Mary"),
        (PALETTE[1], "Tom"),
        (PALETTE[2], "Nell"),
    ]


def test_people_stand_on_a_ring_clockwise_from_the_left() -> None:
    centres = re.findall(
        r'<circle cx="([\d.]+)" cy="([\d.]+)"', quoteattr.render_network(SCENE, QUOTES)
    )
    assert centres == [
        ("210.0", "270.0"),
        ("400.0", "80.0"),
        ("590.0", "270.0"),
        ("400.0", "460.0"),
    ]


def test_two_way_arrows_run_side_by_side() -> None:
    markup = quoteattr.render_network(SCENE, QUOTES)
    lines = re.findall(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"', markup)
    mary_to_tom, tom_to_mary = lines[0], lines[1]
    assert mary_to_tom != tuple(reversed(tom_to_mary))
    assert {mary_to_tom[0], mary_to_tom[2]}.isdisjoint({tom_to_mary[0], tom_to_mary[2]})


def test_without_addressees_it_draws_the_speakers_and_no_arrows() -> None:
    quotes = [attrs.evolve(q, addressees=()) for q in QUOTES]
    markup = quoteattr.render_network(SCENE, quotes)
    assert titles(markup, "edge") == []
    assert titles(markup, "node") == [
        "Aunt Mary: says 3 quotes, is spoken to in 0",
        "Tom: says 4 quotes, is spoken to in 0",
        "Nell: says 2 quotes, is spoken to in 0",
    ]
    assert markup.endswith(
        '<p class="qa-caption">9 quotes by 3 speakers; none says to whom, so there are no'
        " arrows.</p>\n</div>\n"
    )


def test_quotes_with_no_speaker_are_left_out_and_counted() -> None:
    quotes = [*QUOTES, said("Down, Rufus!", None, "Rufus")]
    markup = quoteattr.render_network(SCENE, quotes)
    assert markup == quoteattr.render_network(SCENE, QUOTES).replace(
        "with an addressee.", "with an addressee. Left out: 1 quote with no speaker known."
    )
    assert NO_SPEAKER not in markup


def test_a_pronoun_nobody_was_found_for_is_left_out_as_unknown() -> None:
    unknown = attrs.evolve(said("Down, Rufus!", None, "Rufus"), speaker=Speaker(name=None))
    markup = quoteattr.render_network(SCENE, [*QUOTES, unknown])
    assert markup == quoteattr.render_network(SCENE, QUOTES).replace(
        "with an addressee.", "with an addressee. Left out: 1 quote with no speaker known."
    )


def test_self_address_draws_no_arrow_and_a_name_counts_once_per_quote() -> None:
    text = '"Come, Ann, come, Ann," said Ann to herself and Bob.'
    quotes = [said("Come, Ann, come, Ann,", "Ann", "Ann", "Bob", "Bob", text=text)]
    markup = quoteattr.render_network(text, quotes)
    assert titles(markup, "edge") == ["Ann → Bob: 1 quote"]


def test_a_single_speaker_stands_in_the_middle() -> None:
    markup = quoteattr.render_network(SCENE, [said("Yes, Aunt,", "Tom")])
    assert re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', markup) == [
        ("400.0", "270.0", "40.0")
    ]
    assert '<p class="qa-caption">1 quote by 1 speaker; none says' in markup


def test_with_many_people_neighbours_do_not_overlap() -> None:
    text = "".join(f'"Hello," said P{i}. ' for i in range(30))
    quotes = [said("Hello,", f"P{i}", text=text) for i in range(30)]
    markup = quoteattr.render_network(text, quotes)
    centres = [
        (float(x), float(y), float(r))
        for x, y, r in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', markup)
    ]
    assert len(centres) == 30
    for (x1, y1, r1), (x2, y2, r2) in itertools.pairwise(centres):
        assert math.hypot(x2 - x1, y2 - y1) > r1 + r2


def test_no_quotes_draw_an_empty_picture() -> None:
    markup = quoteattr.render_network("Nothing is said.", [])
    assert "<circle" not in markup
    assert "0 quotes by 0 speakers" in markup
    assert_well_nested(markup)


def test_same_quotes_give_the_same_picture() -> None:
    assert quoteattr.render_network(SCENE, QUOTES) == quoteattr.render_network(SCENE, list(QUOTES))


def test_fragment_has_its_style_and_nests() -> None:
    fragment = quoteattr.render_network(SCENE, QUOTES)
    assert fragment.startswith('<div class="quoteattr-network">\n<style>\n.quoteattr-network {')
    assert '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 540"' in fragment
    assert f'stroke="{INK}"' in fragment
    assert_well_nested(fragment)


def test_everything_given_is_escaped() -> None:
    text = '"<b>hi</b>" said <script>'
    quote = said(
        "<b>hi</b>", '<img src=x onerror="alert(1)">', "</text><script>alert(2)</script>", text=text
    )
    page = quoteattr.render_network(text, [quote], page=True, title="</title><script>")
    body = page[page.index("<body>") :]
    for raw in ("<script", "<img", "<b>"):
        assert raw not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert "&lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in body
    assert "<title>&lt;/title&gt;&lt;script&gt;</title>" in page
    assert_well_nested(page)


def test_page_is_a_standalone_document() -> None:
    page = quoteattr.render_network(SCENE, QUOTES, page=True, title="Tea & the ferry")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert "<title>Tea &amp; the ferry</title>" in page
    assert ".quoteattr-network {" in page
    assert page.endswith("</div>\n</body>\n</html>\n")
    assert_well_nested(page)


def test_result_shows_itself_as_html_in_jupyter() -> None:
    fragment = quoteattr.render_network(SCENE, QUOTES)
    assert fragment._repr_html_() == fragment  # type: ignore[attr-defined]


def test_quote_outside_the_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="falls outside the text"):
        quoteattr.render_network("short", QUOTES)


def test_source_of_another_type_is_an_error() -> None:
    with pytest.raises(
        TypeError, match=r"render_network\(\) takes a str or a spacy Doc, not bytes"
    ):
        quoteattr.render_network(b"text", [])  # type: ignore[arg-type]


def test_doc_with_component_results_draws_those_quotes() -> None:
    doc = spacy.blank("en")(SCENE)
    doc.user_data["quoteattr"] = {"quotes": [q.to_dict() for q in QUOTES]}
    assert quoteattr.render_network(doc) == quoteattr.render_network(SCENE, QUOTES)


@pytest.mark.e2e
def test_text_without_quotes_given_is_extracted_first(extractor: quoteattr.Extractor) -> None:
    assert quoteattr.render_network(SCENE) == quoteattr.render_network(
        SCENE, extractor.extract(SCENE)
    )


@pytest.mark.e2e
def test_chromium_draws_the_scene_as_a_network(tmp_path: Path) -> None:
    """The page is not blank, each speaker's circle is drawn in its colour, and the arrows in ink.

    With QUOTEATTR_DOCS_SCREENSHOT=1 it also updates the picture in docs/images/.
    """
    pixels, counts = drawn(quoteattr.render_network(SCENE, QUOTES, page=True), tmp_path, 900, 700)
    # The smallest speaker's circle (Nell, radius 30.6) covers about 2,900 pixels.
    for colour in PALETTE[:3]:
        assert counts.get(rgb(colour), 0) > 2000, f"no circle drawn in {colour}"
    assert counts.get(rgb(PALETTE[3]), 0) == 0
    assert counts.get(rgb(INK), 0) > 1000, "no arrows drawn"

    if os.environ.get("QUOTEATTR_DOCS_SCREENSHOT"):
        box = pixels.point(lambda v: 255 - v).getbbox()
        left, top, right, bottom = box
        docs = pixels.crop((max(left - 20, 0), max(top - 20, 0), right + 20, bottom + 20))
        docs.save(ROOT / "docs" / "images" / "network.png")
