"""Invariants that hold for any str, tested with hypothesis on hostile text.

The texts are rich in every quotation mark, apostrophes, line breaks of every kind, many
scripts, emoji, control characters and lone surrogates, mixed with invented news sentences
so that quotes, cues and speakers do turn up. The pure-text steps (paragraphs, quotation
marks, pull-quote markers, splitting, tokenizing) run many examples; the whole extractor,
which parses each text with spaCy, runs fewer. ``pytest --hypothesis-profile=fuzz`` runs
twenty times as many of each (the profile is in conftest.py).

What "quotes do not overlap" means exactly is in ``check_layout`` and docs/reliability.md.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import Quote, QuoteKind
from quoteattr._detect.layout import pull_quotes
from quoteattr._detect.marks import ALL_MARKS, marked_spans, paragraphs
from quoteattr._doc.input import MAX_RUN, has_surrogates, make_doc, without_surrogates
from quoteattr._doc.strings import doc_text
from quoteattr._front.pieces import split_text
from quoteattr._lexicon.files import table

CheckOffsets = Callable[[str, list[Quote]], None]


def examples(n: int) -> int:
    """n examples under the default profile, scaled by the profile in use."""
    return max(1, n * settings.default.max_examples // 100)


TEXT_STEP = settings(deadline=None, max_examples=examples(800))
PIPELINE = settings(
    deadline=None, max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow]
)

# --- hostile text ------------------------------------------------------------------------------

MARKS = [*ALL_MARKS, "``", "''", "`", "′", "″", "❛", "❜", "❝", "❞", "&quot;", "&#8220;"]
BREAKS = [
    *["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n \t\n", "\n\n\n\n"],
    *["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"],
]
SPACES = [" ", "  ", "\t", "\xa0", "\u2009", "\u3000", "\u200b", "\ufeff", "\u180e"]
CONTROLS = [
    *(chr(c) for c in range(32) if chr(c) not in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"),
    *["\x7f", "\x80", "\x9f", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"],
    *["\ufffd", "\ufffe", "\uffff", "\U000e0001"],
]
# Lone surrogates, as errors="surrogateescape" or a JSON "\ud83d\ude00" leave in a str.
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\udc80", "\ud83d\ude00"]
SCRIPTS = [
    *["مرحبا", "שָׁלוֹם", "Привет", "你好世界", "こんにちは", "नमस्ते", "안녕하세요", "Ελλάδα"],
    *["ᚠᚢᚦ", "ไทย", "ትግርኛ", "e\u0301", "𝔘𝔫𝔦", "Ⅻ", "½", "٣"],
    *["👍🏽", "👨‍👩‍👧", "🇬🇧", "🏳️‍🌈", "😀"],
]
WORDS = [
    *["said", "says", "told", "asked", "added", "he", "she", "they", "It", "who", "that"],
    *["Smith", "Jane Doe", "Mr Smith", "Ms Lopez", "Dr. Ali", "police", "the minister"],
    *["according to", "Start Quote", "End Quote", "start quote", "so-called", "and"],
    *[":", ",", ".", "!", "?", "—", "–", "…", "(", ")", "[", "]", ";", "-"],
    *["<p>", "</p>", "<b>", '<a href="x">', "<br/>", "<!--", "-->", "&amp;", "&lt;"],
    *["**", "_", "# ", "> ", "* ", "[link](http://example.invalid)", "`code`"],
    *["rock 'n' roll", "'90s", "don't", "Guards'", "'tis", "o'clock", "Iran's"],
    *["http://example.invalid/a?b=c&d", "{{7*7}}", "${x}", "%s%n", "\\", "\\n"],
]
# Invented news sentences, so that quotes, cues and speakers turn up.
SENTENCES = [
    'Jane Doe, the mayor, said that "the bridge is safe and open," he added. ',
    '"We will win this war," she said. ',
    "Police told reporters that the road would reopen soon. ",
    'He said: "It is over." ',
    'Mr Smith, the minister, called it "a disgrace" and "a mess". ',
    '"It is," she said, "a disaster for all of us." ',
    "Start Quote We have never seen this End Quote Jane Doe Mayor of Springfield\n\n",
    "They said that 'the work is done' and \"more will come,\" according to officials. ",
    "‘Quoted words here,’ said Smith. ",
    "«The vote is lost», Ms Lopez said. ",
    "„The school will close“, the head teacher said. ",
    '"Families have waited long enough.\n\n"The council must act now," she said. ',
    "Officials said that the mayor told reporters that the plan would fail. ",
    'Smith: "We have done nothing wrong and we will prove it." ',
    "\n\n\u2014The tide is in, she said. We should go.\n\n--Not yet, said Tom Hale, not now.",
    "\n\n\u2014 Ann Lee of the Daily Star, for her reporting.\n\n",
    "The plan, he said, would fail. The road will close, police said. ",
    "The bridge will reopen in May, according to the city. ",
    '<tweet author="@cityhall">"We will reopen," by Ann Lee.</tweet> ',
]

atoms = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(BREAKS),
    st.sampled_from(SPACES),
    st.sampled_from(CONTROLS),
    st.sampled_from(SURROGATES),
    st.sampled_from(SCRIPTS),
    st.sampled_from(WORDS),
    st.text(max_size=6),
)
junk_texts = st.lists(atoms, max_size=40).map("".join)
news_texts = st.lists(st.one_of(st.sampled_from(SENTENCES), atoms), max_size=20).map("".join)
hostile_texts = st.one_of(junk_texts, news_texts)


# --- invariants ------------------------------------------------------------------------------

REPORTED = frozenset({QuoteKind.INDIRECT, QuoteKind.MIXED})
# A high surrogate then a low one, as two lone code points: JSON has no way to write them
# apart, and reads them back as the one character they encode in UTF-16 (the only case
# where to_dict() does not round-trip through JSON exactly; see docs/reliability.md).
SPLIT_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def check_layout(quotes: list[Quote]) -> None:
    """Assert the documented order and nesting of quotes.

    Quotes come in order of their start. A direct or pull quote overlaps no other quote.
    An indirect or mixed quote may hold another indirect or mixed quote whole (speech
    reported inside reported speech: "Officials said the mayor told them that ..."); it
    comes first. No two quotes overlap in any other way.
    """
    for k, a in enumerate(quotes):
        assert a.start < a.end, a
        for b in quotes[k + 1 :]:
            assert a.start <= b.start, ("out of order", a, b)
            if b.start < a.end:
                assert a.kind in REPORTED and b.kind in REPORTED, ("overlap", a, b)
                assert b.end <= a.end, ("partial overlap", a, b)


def check_quotes(text: str, quotes: list[Quote], check_offsets: CheckOffsets) -> None:
    """Assert every invariant of one text's quotes."""
    assert isinstance(quotes, list)
    assert all(isinstance(q, Quote) for q in quotes)
    check_offsets(text, quotes)
    check_layout(quotes)
    n_paragraphs = max(len(paragraphs(text)), 1)
    for q in quotes:
        assert q.start >= 0 and q.end <= len(text), q
        assert any(ch.isalnum() for ch in q.text) and q.text == q.text.strip(), q
        assert 0.0 <= q.confidence <= 1.0, q
        assert 0 <= q.paragraph < n_paragraphs, q
        assert isinstance(q.kind, QuoteKind)
    data = [q.to_dict() for q in quotes]
    encoded = json.dumps(data, allow_nan=False)
    if not SPLIT_PAIR.search(text):
        assert json.loads(encoded) == data
        assert [Quote.from_dict(d) for d in json.loads(encoded)] == quotes


# --- the pure-text steps ---------------------------------------------------------------------


@TEXT_STEP
@given(hostile_texts)
def test_paragraphs_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    paras = paragraphs(text)
    assert [p.index for p in paras] == list(range(len(paras)))
    end = 0
    for p in paras:
        assert end <= p.start < p.end <= len(text)
        assert not text[p.start].isspace() and not text[p.end - 1].isspace()
        end = p.end
    assert not text[end:].strip()
    assert paragraphs(text) == paras


@TEXT_STEP
@given(hostile_texts)
def test_marked_spans_are_ordered_disjoint_and_sit_between_marks(text: str) -> None:
    paras = paragraphs(text)
    spans = marked_spans(text, paras)
    reach = 0
    for s in spans:
        assert reach <= s.outer_start <= s.start < s.end <= s.outer_end <= len(text), s
        reach = s.outer_end
        assert text[s.outer_start] in ALL_MARKS or text[s.outer_start] == "`", s
        assert not text[s.start].isspace() and not text[s.end - 1].isspace(), s
        assert any(ch.isalnum() for ch in text[s.start : s.end]), s
        para = paras[s.paragraph]
        assert para.start <= s.outer_start < para.end, s
        if s.closed:
            assert text[s.outer_end - 1] in ALL_MARKS, s
        else:
            assert s.outer_end in {p.end for p in paras}, s
    assert marked_spans(text, paras) == spans == marked_spans(text)


@TEXT_STEP
@given(hostile_texts)
def test_pull_quotes_are_ordered_disjoint_and_between_their_markers(text: str) -> None:
    paras = paragraphs(text)
    reach = 0
    for p in pull_quotes(text, paras):
        assert reach <= p.outer_start < p.start < p.end <= p.cue_start < p.cue_end, p
        assert p.cue_end <= p.caption_start <= p.caption_end <= p.outer_end <= len(text), p
        assert text[p.outer_start : p.start].lower().startswith("start quote"), p
        assert text[p.cue_start : p.cue_end].lower() == "end quote", p
        words = text[p.start : p.end]
        assert any(ch.isalnum() for ch in words) and words == words.strip(), p
        reach = p.outer_end


@TEXT_STEP
@given(hostile_texts, st.integers(min_value=1, max_value=64))
def test_split_text_gives_pieces_that_fit_and_join_to_the_text(text: str, size: int) -> None:
    pieces = split_text(text, size)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= size for p in pieces) or pieces == [""]


@TEXT_STEP
@given(hostile_texts)
def test_without_surrogates_keeps_every_offset(text: str) -> None:
    safe = without_surrogates(text)
    assert len(safe) == len(text)
    assert not has_surrogates(safe)
    safe.encode("utf-8")
    assert all(a == b or b == "\ufffd" for a, b in zip(text, safe, strict=True))


BLANK = spacy.blank("en")


@settings(TEXT_STEP, max_examples=examples(300))
@given(hostile_texts.map(without_surrogates), st.integers(min_value=0, max_value=3))
def test_make_doc_keeps_the_text_and_bounds_tokens(text: str, repeat: int) -> None:
    """The Doc's text is the text, as spaCy and `doc_text` join it, and no token is longer
    than MAX_RUN (but whitespace)."""
    text = text * (1 + repeat * 10)  # long runs of junk too
    doc = make_doc(BLANK, text)
    assert doc.text == text
    assert doc_text(doc) == text
    assert all(len(t) <= MAX_RUN for t in doc if not t.is_space)


# --- the whole extractor ---------------------------------------------------------------------


@pytest.mark.e2e
@PIPELINE
@given(hostile_texts)
def test_extraction_holds_every_invariant_for_any_text(
    extractor: quoteattr.Extractor, assert_offsets: CheckOffsets, text: str
) -> None:
    quotes = extractor.extract(text)
    check_quotes(text, quotes, assert_offsets)
    assert extractor.extract(text) == quotes


@pytest.fixture(scope="module")
def fast_extractor(nlp: spacy.language.Language) -> quoteattr.Extractor:
    return quoteattr.Extractor(nlp, mode="fast")


@pytest.mark.e2e
@PIPELINE
@given(hostile_texts)
def test_fast_mode_holds_every_invariant_for_any_text(
    fast_extractor: quoteattr.Extractor, assert_offsets: CheckOffsets, text: str
) -> None:
    quotes = fast_extractor.extract(text)
    check_quotes(text, quotes, assert_offsets)
    assert fast_extractor.extract(text) == quotes


@pytest.mark.e2e
@settings(PIPELINE, max_examples=examples(15))
@given(st.lists(hostile_texts, max_size=6), st.integers(min_value=1, max_value=4))
def test_pipe_gives_what_extract_gives_for_each_text(
    extractor: quoteattr.Extractor, texts: list[str], batch_size: int
) -> None:
    assert list(extractor.pipe(texts, batch_size=batch_size)) == [
        extractor.extract(t) for t in texts
    ]


class _Markup(HTMLParser):
    """Collect the tags and attributes of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


_LABEL = re.compile(r'<span class="qa-label"[^>]*>[^<]*</span>')
_STYLE = re.compile(r"(background|border-color): #[0-9a-f]{6}")


@pytest.mark.e2e
@settings(PIPELINE, max_examples=examples(30))
@given(hostile_texts)
def test_render_escapes_everything(extractor: quoteattr.Extractor, text: str) -> None:
    """The only markup in the HTML is the renderer's own, and the text comes back exactly."""
    render = getattr(quoteattr, "render", None)
    if render is None:
        pytest.skip("quoteattr.render does not exist")
    out = render(text, extractor.extract(text))
    parser = _Markup()
    parser.feed(out)
    for tag, attrs in parser.tags:
        assert tag in {"div", "mark", "span", "style"}, out
        for name, value in attrs:
            assert name in {"class", "style", "title"}, out
            if name == "style":
                assert _STYLE.fullmatch(value or ""), out
    body = out.split('<div class="qa-text">', 1)[1].split("</div>", 1)[0]
    assert html.unescape(re.sub(r"<[^>]*>", "", _LABEL.sub("", body))) == text


# --- the rules' own triggers ---------------------------------------------------------------------

# Text made of what makes the rules fire: every cue verb of the lexicon in a frame, every
# title with a name, colons, dashes, pull-quote markers, "according to", pronouns, names
# that share a surname, quotes open and closed. Degenerate runs of one trigger are the
# inputs that once took quadratic time (bench/scaling.py).
_CUES = sorted(table("cues.tsv"))
_TITLES = sorted(table("titles.txt"))
_FIRST = ["Ann", "Tom", "Lena", "Omar", "Ruth", "Ivo"]
_LAST = ["Smith", "Okafor", "Brask", "Holtz-Eakin", "O'Neill"]
trigger_atoms = st.one_of(
    st.sampled_from(_CUES).map(lambda v: f" {v} "),
    st.sampled_from(_CUES).map(lambda v: f" {v}ed that "),
    st.builds(
        lambda t, f, s: f" {t.capitalize()}. {f} {s} ",
        st.sampled_from(_TITLES),
        st.sampled_from(_FIRST),
        st.sampled_from(_LAST),
    ),
    st.sampled_from(_LAST).map(lambda s: f" {s} said "),
    st.sampled_from(
        [
            " according to ",
            ": ",
            " — ",
            " -- ",
            "Start Quote ",
            " End Quote ",
            " he ",
            " she ",
            " they ",
            " I ",
            ", ",
            ". ",
            "\n\n",
            '"',
            "“",
            "”",
            "'",
            " the mayor ",
            " a spokesman for the agency ",
            " Police ",
            " told reporters ",
            " so-called ",
        ]
    ),
)
trigger_texts = st.lists(trigger_atoms, max_size=60).map("".join)


@pytest.mark.e2e
@PIPELINE
@given(trigger_texts)
def test_rule_triggers_hold_every_invariant(
    extractor: quoteattr.Extractor, assert_offsets: CheckOffsets, text: str
) -> None:
    """Any mix of the rules' triggers: no exception, exact offsets, no overlapping quotes,
    and every speaker joined to one of the text's people."""
    analysis = extractor.analyze(text)
    quotes = list(analysis.quotes)
    check_quotes(text, quotes, assert_offsets)
    ids = {p.id for p in analysis.people}
    for q in quotes:
        if q.speaker is not None and q.speaker.person is not None:
            assert q.speaker.person in ids
    for p in analysis.people:
        for m in p.mentions:
            assert text[m.start : m.end] == m.text
