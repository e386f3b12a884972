"""quoteattr.render: the HTML it makes, its escaping, and what Chromium draws from it."""

from __future__ import annotations

import html.parser
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
import spacy

import quoteattr
from quoteattr import Addressee, Cue, Mention, Quote, QuoteKind, Speaker
from quoteattr._front.render import NO_SPEAKER, PALETTE

TEXT = 'Ann said: "We open on Monday." Bob disagreed.'
ANN = Speaker(name="Ann Lee", mention=Mention(text="Ann", start=0, end=3), entity="person")
QUOTE = Quote(
    text="We open on Monday.",
    start=11,
    end=29,
    kind=QuoteKind.DIRECT,
    speaker=ANN,
    cue=Cue(text="said", start=4, end=8),
    confidence=0.75,
    rule="colon",
)
ROOT = Path(__file__).parent.parent


def text_part(fragment: str) -> str:
    """The marked-up text of a rendered fragment, without the style and the legend."""
    start = fragment.index('<div class="qa-text">')
    return fragment[start : fragment.index("</div>", start) + len("</div>")]


class _Nesting(html.parser.HTMLParser):
    """Checks that every tag is closed in the order it was opened."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("meta",):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag


def assert_well_nested(markup: str) -> None:
    parser = _Nesting()
    parser.feed(markup)
    parser.close()
    assert parser.open == []


def test_quote_speaker_and_cue_are_marked_up() -> None:
    colour = PALETTE[0]
    assert text_part(quoteattr.render(TEXT, [QUOTE])) == (
        '<div class="qa-text">'
        f'<span class="qa-speaker" style="border-color: {colour}" title="Ann Lee">Ann</span> '
        '<span class="qa-cue">said</span>: &quot;'
        f'<mark class="qa-quote qa-direct" style="background: {colour}" '
        'title="Ann Lee (person) · direct quote · cue “said” · confidence 0.75, rule colon">'
        "We open on Monday.</mark>&quot;"
        f'<span class="qa-label" style="background: {colour}">Ann Lee · direct</span>'
        " Bob disagreed.</div>"
    )


def test_label_and_details_say_whom_a_quote_was_said_to() -> None:
    bob = Addressee(name="Bob Kay", entity="person", person="p2")
    shown = text_part(quoteattr.render(TEXT, [attrs.evolve(QUOTE, addressees=[bob])]))
    assert "Ann Lee → Bob Kay · direct</span>" in shown
    assert 'title="Ann Lee (person) · to Bob Kay · direct quote ·' in shown


def test_fragment_has_its_style_and_a_legend() -> None:
    fragment = quoteattr.render(TEXT, [QUOTE])
    assert fragment.startswith('<div class="quoteattr">\n<style>\n.quoteattr {')
    assert f'<div class="qa-legend"><span style="background: {PALETTE[0]}">Ann Lee</span></div>'
    assert_well_nested(fragment)


def test_each_speaker_gets_the_next_colour_and_no_speaker_is_grey() -> None:
    text = "Ann said yes. Bob said no. Ann said maybe. Someone said so."
    quotes = [
        Quote(text="yes", start=9, end=12, kind=QuoteKind.INDIRECT, speaker=Speaker(name="Ann")),
        Quote(text="no", start=23, end=25, kind=QuoteKind.INDIRECT, speaker=Speaker(name="Bob")),
        Quote(text="maybe", start=36, end=41, kind=QuoteKind.INDIRECT, speaker=Speaker(name="Ann")),
        Quote(text="so", start=56, end=58, kind=QuoteKind.INDIRECT),
    ]
    marked = text_part(quoteattr.render(text, quotes))
    backgrounds = [
        part.split('"', 1)[0]
        for part in marked.split('<mark class="qa-quote qa-indirect" style="background: ')[1:]
    ]
    assert backgrounds == [PALETTE[0], PALETTE[1], PALETTE[0], NO_SPEAKER]
    assert "speaker unknown · indirect" in marked


def test_everything_given_is_escaped() -> None:
    """Every string a caller can set is escaped (entity and rule are closed enums)."""
    text = '<script>alert("x")</script> said <b>Eve</b>: "<i>hi</i> & bye"'
    evil = Speaker(
        name='<img src=x onerror="alert(1)">',
        mention=Mention(text="<b>Eve</b>", start=34, end=44),
        role='"><script>',
        entity="person",
    )
    quote = Quote(
        text="<i>hi</i> & bye",
        start=47,
        end=62,
        kind=QuoteKind.DIRECT,
        speaker=evil,
        cue=Cue(text="said", start=29, end=33),
    )
    page = quoteattr.render(text, [quote], page=True, title="</title><script>")
    body = page[page.index("<body>") :]
    for raw in ("<script", "<img", "<b>", "<i>"):
        assert raw not in body
    assert "&lt;script&gt;" in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert "<title>&lt;/title&gt;&lt;script&gt;</title>" in page
    assert_well_nested(page)


def test_overlapping_marks_are_split_so_that_tags_nest() -> None:
    """A cue and a mention inside another quote, and two quotes that overlap."""
    text = "She said that he told them it was over."
    he = Speaker(name="He", mention=Mention(text="he", start=14, end=16))
    quotes = [
        Quote(text=text[14:38], start=14, end=38, kind=QuoteKind.INDIRECT, speaker=he),
        Quote(
            text=text[27:38],
            start=27,
            end=38,
            kind=QuoteKind.INDIRECT,
            cue=Cue(text="told", start=17, end=21),
            speaker=Speaker(name="She", mention=Mention(text="She", start=0, end=3)),
        ),
    ]
    fragment = quoteattr.render(text, quotes)
    assert_well_nested(fragment)
    assert text_part(fragment).count("qa-label") == 2


def test_page_is_a_standalone_document() -> None:
    page = quoteattr.render(TEXT, [QUOTE], page=True, title="Council & vote")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert "<title>Council &amp; vote</title>" in page
    assert page.endswith("</body>\n</html>\n")
    assert_well_nested(page)


def test_result_shows_itself_as_html_in_jupyter() -> None:
    fragment = quoteattr.render(TEXT, [QUOTE])
    assert isinstance(fragment, str)
    assert fragment._repr_html_() == fragment  # type: ignore[attr-defined]


def test_quote_outside_the_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="falls outside the text"):
        quoteattr.render("short", [QUOTE])


def test_source_of_another_type_is_an_error() -> None:
    with pytest.raises(TypeError, match="not bytes"):
        quoteattr.render(b"text", [])  # type: ignore[arg-type]


def test_doc_with_component_results_renders_those_quotes() -> None:
    """A Doc that the component processed is drawn from doc._.quotes, without parsing."""
    doc = spacy.blank("en")(TEXT)
    doc.user_data["quoteattr"] = {"quotes": [QUOTE.to_dict()]}
    assert text_part(quoteattr.render(doc)) == text_part(quoteattr.render(TEXT, [QUOTE]))


@pytest.mark.e2e
def test_text_without_quotes_given_is_extracted_first(extractor: quoteattr.Extractor) -> None:
    text = '"We will build 500 homes this year," Maria Lopez said.'
    assert quoteattr.render(text) == quoteattr.render(text, extractor.extract(text))
    assert "Maria Lopez · direct" in quoteattr.render(text)


@pytest.mark.e2e
def test_parsed_doc_is_extracted_by_the_core(nlp: spacy.language.Language) -> None:
    text = '"We will build 500 homes this year," Maria Lopez said.'
    assert quoteattr.render(nlp(text)) == quoteattr.render(text)


@pytest.mark.e2e
def test_a_speaker_without_a_name_is_grey_and_not_in_the_legend() -> None:
    """An unresolved "she" is unknown: grey, labelled so, its mention marked, no legend entry."""
    text = 'The ferry was cancelled again.\n\n"Nobody told us," she said.'
    fragment = quoteattr.render(text)
    assert (
        f'<span class="qa-speaker" style="border-color: {NO_SPEAKER}" title="speaker unknown">'
        "she</span>"
    ) in fragment
    assert f'style="background: {NO_SPEAKER}">speaker unknown · direct</span>' in fragment
    assert '<div class="qa-legend"></div>' in fragment


# --- what a browser draws ----------------------------------------------------------------------


def chromium() -> str:
    """The Chromium binary; skip the test without one, but fail in CI, which installs it."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed; .ci/run installs the Debian package chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def screenshot(page: Path, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={width},{height}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def drawn(html: str, tmp_path: Path, width: int, height: int) -> tuple[Any, dict[Any, int]]:
    """Chromium's picture of an HTML page, at this window size: its RGB pixels, and how many
    pixels have each colour. Skips without Pillow; fails if the page is blank."""
    image = pytest.importorskip("PIL.Image")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    png = tmp_path / "page.png"
    screenshot(page, png, width, height)
    with image.open(png) as shot:
        pixels = shot.convert("RGB")
    counts = {colour: count for count, colour in pixels.getcolors(maxcolors=1 << 20)}
    white = counts.get((255, 255, 255), 0)
    assert white < 0.97 * pixels.width * pixels.height, "the page is blank"
    return pixels, counts


def rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


@pytest.mark.e2e
def test_chromium_draws_the_example_story_with_quotes_highlighted(
    extractor: quoteattr.Extractor, tmp_path: Path
) -> None:
    """The page is not blank, and each speaker's colour covers at least a quote's pixels.

    The story is the project's own (examples/library.txt). With QUOTEATTR_DOCS_SCREENSHOT=1
    it also updates the picture in docs/images/.
    """
    story = (ROOT / "examples" / "library.txt").read_text(encoding="utf-8")
    quotes = extractor.extract(story)
    speakers = list(dict.fromkeys(q.speaker.name for q in quotes if q.speaker))
    assert 2 <= len(speakers) < len(PALETTE)
    pixels, counts = drawn(quoteattr.render(story, quotes, page=True), tmp_path, 1000, 1400)
    for colour in PALETTE[: len(speakers)]:
        assert counts.get(rgb(colour), 0) > 2000, f"no quote drawn in {colour}"
    assert counts.get(rgb(PALETTE[len(speakers)]), 0) == 0

    if os.environ.get("QUOTEATTR_DOCS_SCREENSHOT"):
        (ROOT / "docs" / "images").mkdir(exist_ok=True)
        docs_picture(pixels, speakers).save(ROOT / "docs" / "images" / "render.png")


def docs_picture(pixels: Any, speakers: list[str]) -> Any:
    """The story down to its last quote (at most its last 900 pixels), cut between lines."""
    colours = {rgb(c) for c in PALETTE[: len(speakers)]}
    marked = [
        y
        for y in range(pixels.height)
        if any(pixels.getpixel((x, y)) in colours for x in range(0, pixels.width, 3))
    ]
    # The legend is the last block of marked rows.
    legend = max(y for above, y in itertools.pairwise(marked) if y - above > 1)
    bottom = min(max(y for y in marked if y < legend) + 20, legend - 4)
    top = max(bottom - 900, 0)
    while top > 0 and any(
        pixels.getpixel((x, top)) != (255, 255, 255) for x in range(pixels.width)
    ):
        top -= 1
    return pixels.crop((0, top, pixels.width, bottom))
