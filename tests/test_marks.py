"""Quotation marks: quoteattr._detect.marks.marked_spans and paragraphs, pure text, no spaCy."""

from __future__ import annotations

import time

import pytest

from quoteattr._detect.marks import MarkedSpan, marked_spans, paragraphs


def quoted(text: str) -> list[str]:
    """The quoted words of each span, checking that the outer offsets sit on marks."""
    spans = marked_spans(text)
    for s in spans:
        assert s.outer_start <= s.start <= s.end <= s.outer_end
    return [text[s.start : s.end] for s in spans]


# --- every mark style -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'He said "the bridge is safe" on Monday.',
        "He said “the bridge is safe” on Monday.",
        "He said 'the bridge is safe' on Monday.",
        "He said ‘the bridge is safe’ on Monday.",
        "He said «the bridge is safe» on Monday.",
        "He said „the bridge is safe“ on Monday.",
        "He said ``the bridge is safe'' on Monday.",
    ],
    ids=[
        "straight-double",
        "curly-double",
        "straight-single",
        "curly-single",
        "guillemets",
        "low-9",
        "ptb",
    ],
)
def test_each_mark_style_encloses_the_quoted_words(text: str) -> None:
    assert quoted(text) == ["the bridge is safe"]


def test_straight_double_span_offsets_and_flags() -> None:
    text = 'He said "the bridge is safe" on Monday.'
    assert marked_spans(text) == [MarkedSpan(9, 27, 8, 28, 0, True)]


def test_ptb_marks_are_two_characters_wide_in_outer_offsets() -> None:
    text = "He said ``the bridge is safe'' on Monday."
    assert marked_spans(text) == [MarkedSpan(10, 28, 8, 30, 0, True)]


def test_quote_at_start_of_text_with_comma_before_closing_mark() -> None:
    text = '"We will rebuild the school," the mayor said.'
    assert quoted(text) == ["We will rebuild the school,"]


def test_two_quotes_in_one_sentence() -> None:
    text = '"Rain is coming," she said, "so bring a coat."'
    assert quoted(text) == ["Rain is coming,", "so bring a coat."]


def test_curly_quotes_each_side_of_a_cue() -> None:
    text = "“Rain is coming,” she said. “Bring a coat.”"
    assert quoted(text) == ["Rain is coming,", "Bring a coat."]


# --- apostrophes that are not quotation marks --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "They don't agree.",
        "Iran's army moved north.",
        "Prices fell in the '90s.",
        "He played rock 'n' roll all night.",
        "The Guards' operations were secret.",
        "Kate O'Brien arrived late.",
        "They don’t agree.",
        "Iran’s army moved north.",
        "Prices fell in the ’90s.",
        "He played rock ’n’ roll all night.",
        "The Guards’ operations were secret.",
        "Kate O’Brien arrived late.",
    ],
)
def test_apostrophes_alone_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


def test_all_apostrophe_kinds_in_one_sentence_are_not_quotes() -> None:
    text = (
        "I don't think Iran's army in the '90s played rock 'n' roll near the Guards' "
        "operations with O'Brien."
    )
    assert quoted(text) == []


def test_apostrophes_inside_a_double_quote_leave_it_whole() -> None:
    text = (
        "\"I don't think Iran's army in the '90s played rock 'n' roll near the Guards' "
        "operations with O'Brien,\" she said."
    )
    assert quoted(text) == [
        "I don't think Iran's army in the '90s played rock 'n' roll near the Guards' "
        "operations with O'Brien,"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'I don't know,' he said.", "I don't know,"),
        ("'Iran's army is ready,' he said.", "Iran's army is ready,"),
        ("'Ask O'Brien about it,' he said.", "Ask O'Brien about it,"),
        ("'In the '90s we had nothing,' she said.", "In the '90s we had nothing,"),
        ("'I love rock 'n' roll,' he said.", "I love rock 'n' roll,"),
        ("'The Guards' operations were secret,' he said.", "The Guards' operations were secret,"),
        ("‘The Guards’ operations were secret,’ he said.", "The Guards’ operations were secret,"),
    ],
    ids=[
        "dont",
        "iran-s",
        "obrien",
        "90s",
        "rock-n-roll",
        "plural-possessive",
        "curly-plural-possessive",
    ],
)
def test_apostrophes_inside_a_single_quote_leave_it_whole(text: str, expected: str) -> None:
    assert quoted(text) == [expected]


def test_plural_possessive_before_a_real_single_quote() -> None:
    text = "The Guards' commander spoke. 'We are ready,' he said."
    assert quoted(text) == ["We are ready,"]


# --- mismatched and nested marks ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "'The talks have failed,\" he said.",
        "‘The talks have failed,” he said.",
        "'The talks have failed,” he said.",
    ],
    ids=["straight", "curly", "straight-then-curly"],
)
def test_single_opener_closed_by_double_mark_is_one_quote(text: str) -> None:
    """A typo seen in news copy: '...," he said. The pair still makes one quote."""
    assert quoted(text) == ["The talks have failed,"]


def test_mismatched_pair_with_apostrophe_inside() -> None:
    """A single mark opens, a double mark closes, an apostrophe comes between."""
    text = "'[Iran's envoy] asked again and again for a pause,\" he said."
    assert quoted(text) == ["[Iran's envoy] asked again and again for a pause,"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\"He told me 'never' to go,\" she said.", "He told me 'never' to go,"),
        ("“He told me ‘never’ to go,” she said.", "He told me ‘never’ to go,"),
        ("«He told me “never” to go», she said.", "He told me “never” to go"),
        ('"a \'b "c" b\' a" end', "a 'b \"c\" b' a"),
    ],
    ids=["straight", "curly", "guillemets-outside", "three-levels"],
)
def test_nested_quotes_give_only_the_outer_span(text: str, expected: str) -> None:
    assert quoted(text) == [expected]


# --- quotes over several paragraphs --------------------------------------------------------------


def test_quote_continued_into_next_paragraph_opening_with_mark_is_one_span() -> None:
    text = '"The first part of the statement.\n\n"The second part of the statement," he said.'
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        'The first part of the statement.\n\n"The second part of the statement,'
    ]
    assert spans[0].paragraph == 0
    assert spans[0].closed is True


def test_quote_over_three_paragraphs_is_one_span() -> None:
    text = '"One thing.\n\n"Another thing.\n\n"A last thing," he said.'
    assert quoted(text) == ['One thing.\n\n"Another thing.\n\n"A last thing,']


def test_quote_over_paragraphs_with_curly_marks_is_one_span() -> None:
    text = "“The first part.\n\n“The second part,” he said."
    assert quoted(text) == ["The first part.\n\n“The second part,"]


def test_unclosed_quote_before_plain_paragraph_ends_with_its_paragraph() -> None:
    text = '"The work will finish in June.\n\nThe council met on Tuesday.'
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["The work will finish in June."]
    assert spans[0].closed is False
    assert spans[0].paragraph == 0
    assert spans[0].outer_end == len('"The work will finish in June.')


def test_unclosed_curly_quote_before_plain_paragraph_ends_with_its_paragraph() -> None:
    text = "Intro line.\n\n“The work will finish in June.\n\nThe council met on Tuesday."
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["The work will finish in June."]
    assert spans[0].closed is False
    assert spans[0].paragraph == 1


def test_unclosed_quote_at_end_of_text_runs_to_the_end() -> None:
    text = 'He said "the work will finish in June'
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["the work will finish in June"]
    assert spans[0].closed is False


def test_quote_after_an_unclosed_paragraph_is_found_on_its_own() -> None:
    text = '"The work will finish in June.\n\nThe mayor added: "We are on time."'
    spans = marked_spans(text)
    assert [(text[s.start : s.end], s.paragraph, s.closed) for s in spans] == [
        ("The work will finish in June.", 0, False),
        ("We are on time.", 1, True),
    ]


# --- stray, empty and degenerate marks ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The word" stands alone.',
        "The word” stands alone.",
        "The word» stands alone.",
        'Stray” closer and another" here.',
    ],
)
def test_stray_closing_marks_give_no_span(text: str) -> None:
    assert quoted(text) == []


def test_stray_closer_before_a_real_quote_is_ignored() -> None:
    text = 'He said” then "the roads are clear" at noon.'
    assert quoted(text) == ["the roads are clear"]


@pytest.mark.parametrize(
    "text",
    [
        'Empty "" quotes.',
        "Empty “” quotes.",
        'Empty " " quotes.',
        "Empty «» quotes.",
        "Empty ``'' quotes.",
    ],
)
def test_empty_quotes_give_no_span(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        '""""""',
        "“”“”",
        "''",
        "``''",
        "«»",
        "„“",
        "'\"'\"'",
        "“" * 10,
        "‘’" * 5000,
        '" " "',
    ],
    ids=[
        "one",
        "pair",
        "three-pairs",
        "curly-pairs",
        "single-pair",
        "ptb",
        "guillemets",
        "low-9",
        "mixed",
        "ten-curly-openers",
        "5000-curly-single-pairs",
        "spaced",
    ],
)
def test_text_of_only_quotation_marks_gives_no_span(text: str) -> None:
    """A quote must enclose words: a text that is nothing but marks has none."""
    assert quoted(text) == []


def test_empty_text_gives_no_span() -> None:
    assert marked_spans("") == []
    assert paragraphs("") == []


# --- newlines ---------------------------------------------------------------------------------


def test_windows_newlines_split_paragraphs() -> None:
    text = '"Line one," he said.\r\n\r\n"Line two," she said.'
    spans = marked_spans(text)
    assert [(text[s.start : s.end], s.paragraph) for s in spans] == [
        ("Line one,", 0),
        ("Line two,", 1),
    ]
    assert [(p.start, p.end) for p in paragraphs(text)] == [(0, 20), (24, 45)]


def test_windows_newlines_quote_over_paragraphs_is_one_span() -> None:
    text = '"First part.\r\n\r\n"Second part," he said.'
    assert quoted(text) == ['First part.\r\n\r\n"Second part,']


def test_windows_newlines_unclosed_quote_ends_with_paragraph_without_cr() -> None:
    text = '"Unclosed words here.\r\n\r\nNext paragraph plain.'
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Unclosed words here."]
    assert spans[0].closed is False


def test_paragraphs_split_at_blank_lines() -> None:
    text = "First para\nstill first.\n\n  Second para.  \n \nThird."
    assert [text[p.start : p.end] for p in paragraphs(text)] == [
        "First para\nstill first.",
        "Second para.",
        "Third.",
    ]
    assert [p.index for p in paragraphs(text)] == [0, 1, 2]


def test_paragraphs_split_at_line_breaks_when_no_blank_line() -> None:
    text = "A.\nB.\nC."
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["A.", "B.", "C."]


def test_paragraphs_split_at_windows_line_breaks_when_no_blank_line() -> None:
    text = "A.\r\nB.\r\nC."
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["A.", "B.", "C."]


def test_single_windows_line_break_is_not_a_blank_line() -> None:
    """One \\r\\n is one line break: it must not split a paragraph of a text with blank lines."""
    text = "First para\r\nstill first.\r\n\r\nSecond para."
    assert [text[p.start : p.end] for p in paragraphs(text)] == [
        "First para\r\nstill first.",
        "Second para.",
    ]


def test_quote_wrapped_over_a_windows_line_break_is_one_closed_span() -> None:
    text = '"A quote that is\r\nwrapped," he said.\r\n\r\nNext paragraph.'
    spans = marked_spans(text)
    assert [(text[s.start : s.end], s.closed) for s in spans] == [
        ("A quote that is\r\nwrapped,", True)
    ]


def test_quote_wrapped_over_a_unix_line_break_is_one_closed_span() -> None:
    text = '"A quote that is\nwrapped," he said.\n\nNext paragraph.'
    spans = marked_spans(text)
    assert [(text[s.start : s.end], s.closed) for s in spans] == [
        ("A quote that is\nwrapped,", True)
    ]


# --- many unbalanced marks ---------------------------------------------------------------------


def _timed(text: str) -> tuple[list[MarkedSpan], float]:
    t0 = time.perf_counter()
    spans = marked_spans(text)
    return spans, time.perf_counter() - t0


@pytest.mark.parametrize(
    "text",
    ['"' * 10_000, "'" * 10_000, "”" * 10_000, 'word" ' * 10_000, "word’ " * 10_000],
    ids=["straight-double", "straight-single", "curly-closers", "stray-closers", "single-closers"],
)
def test_ten_thousand_unpaired_marks_give_no_span_quickly(text: str) -> None:
    spans, elapsed = _timed(text)
    assert spans == []
    assert elapsed < 1.0


def test_ten_thousand_unclosed_openers_give_one_unclosed_span_quickly() -> None:
    text = '"word ' * 10_000
    spans, elapsed = _timed(text)
    assert [(text[s.start : s.end], s.closed) for s in spans] == [(text[1:].rstrip(), False)]
    assert elapsed < 1.0


def test_ten_thousand_unbalanced_marks_over_many_paragraphs_finish_quickly() -> None:
    text = '"a "b \'c ‘d “e\n\n' * 2_000
    spans, elapsed = _timed(text)
    assert elapsed < 1.0
    # Each paragraph is left open and the next opens with a mark: one quote to the end.
    assert [(text[s.start : s.end], s.paragraph, s.closed) for s in spans] == [
        (text[1:].rstrip(), 0, False)
    ]


def test_double_opener_closed_by_a_single_mark_after_a_full_stop() -> None:
    """A typo the other way round from 'words," he said: "words.' closes the quote."""
    text = "Schumer wrote: “Let’s go. We can do this.’ She was in the room."
    spans = marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Let’s go. We can do this."]
    assert spans[0].closed


def test_marks_inside_markup_left_in_a_text_are_not_quotes() -> None:
    text = '<tweet id="7" author="@cityhall">The bridge opens "next spring," the city said.</tweet>'
    assert quoted(text) == ["next spring,"]


# --- spaced marks (French typography) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il dit : « On dort ici », puis il partit.", ["On dort ici"]),
        ("Il dit : « On dort ici ». Puis il partit.", ["On dort ici"]),
        ("« On dort ici » dit-il. « Oui » répond Marie.", ["On dort ici", "Oui"]),
        ("Il dit\u00a0: «\u00a0On dort ici\u00a0», puis partit.", ["On dort ici"]),
        ("Il dit : «\u202fOn dort ici\u202f»\u202f!", ["On dort ici"]),
        ("(« On dort ici ») et « là ».", ["On dort ici", "là"]),
        ("Er sagte: „ Guten Tag “, und ging.", ["Guten Tag"]),
        ("He said “ we sleep here ”, and left.", ["we sleep here"]),
        ('He said " we sleep here ", and left.', ["we sleep here"]),
        ("Il dit ‹ oui › et partit.", ["oui"]),
    ],
    ids=[
        "guillemets-comma",
        "guillemets-full-stop",
        "guillemets-two",
        "no-break-spaces",
        "narrow-no-break-spaces",
        "in-brackets",
        "low-9",
        "curly",
        "straight",
        "single-guillemets",
    ],
)
def test_spaced_marks_enclose_the_words_without_the_spaces(text: str, expected: list[str]) -> None:
    """The quote stops at its closing mark, and its text leaves out the spaces inside."""
    spans = marked_spans(text)
    assert quoted(text) == expected
    assert all(s.closed for s in spans)
    assert all(text[s.outer_end - 1] in '»“”"›' for s in spans)


def test_spaced_guillemets_offsets() -> None:
    text = "Il dit : « On dort ici », puis il partit."
    assert marked_spans(text) == [MarkedSpan(11, 22, 9, 24, 0, True)]


def test_spaced_quote_continued_into_the_next_paragraph_is_one_span() -> None:
    text = "« On dort ici, dit-il.\n\n« Demain on part. »"
    assert quoted(text) == ["On dort ici, dit-il.\n\n« Demain on part."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said " . . . we will win," and left.', [". . . we will win,"]),
        ('He said "...we will win," and left.', ["...we will win,"]),
        ('He said "…we will win," and left.', ["…we will win,"]),
        ('Earlier:\n\n".@Ana, we will win," she wrote.', [".@Ana, we will win,"]),
    ],
    ids=["spaced-dots", "dots", "ellipsis", "line-start"],
)
def test_a_mark_before_an_ellipsis_or_opening_a_line_still_opens(
    text: str, expected: list[str]
) -> None:
    assert quoted(text) == expected
