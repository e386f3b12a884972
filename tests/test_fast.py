"""The fast mode: quotes, cues and speakers from tokens alone (no model is loaded here)."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import Quote, QuoteKind
from quoteattr._doc import model
from quoteattr._doc.model import tokenizing_pipeline
from quoteattr._lexicon.cues import cue_forms


@pytest.fixture(scope="module")
def fast() -> quoteattr.Extractor:
    """A fast-mode extractor: a blank English tokenizer, nothing statistical."""
    return quoteattr.Extractor(mode="fast")


def offsets_hold(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text


def summary(q: Quote) -> tuple[object, ...]:
    speaker = q.speaker
    mention = speaker.mention if speaker is not None else None
    return (
        q.kind,
        q.text,
        speaker.name if speaker else None,
        mention.text if mention else None,
        q.cue.text if q.cue else None,
        q.rule,
    )


def run(fast: quoteattr.Extractor, text: str) -> list[tuple[object, ...]]:
    quotes = fast.extract(text)
    offsets_hold(text, quotes)
    return [summary(q) for q in quotes]


# --- the mode itself ---------------------------------------------------------------------------


def test_fast_mode_needs_no_trained_pipeline(fast: quoteattr.Extractor) -> None:
    assert fast.nlp.pipe_names == []
    assert fast.mode == "fast"


def test_unknown_mode_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Unknown mode 'quick'; use one of: 'default', 'fast'"):
        quoteattr.Extractor(mode="quick")


def test_fast_mode_takes_an_unparsed_doc() -> None:
    nlp = spacy.blank("en")
    doc = nlp('"The bridge opens on Monday," said Karlsson.')
    quotes = quoteattr.Extractor(nlp, mode="fast").extract_doc(doc)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("The bridge opens on Monday,", "Karlsson")
    ]


def test_fast_mode_keeps_only_the_kinds_asked_for() -> None:
    text = 'The senator called the plan "a disaster" on Monday. "We are done," he said.'
    quotes = quoteattr.Extractor(mode="fast", kinds=["mixed"]).extract(text)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.MIXED, 'the plan "a disaster" on Monday')
    ]


def test_cue_forms_inflect_the_lexicon() -> None:
    forms = cue_forms()
    for form, lemma in [
        ("said", "say"),
        ("says", "say"),
        ("saying", "say"),
        ("told", "tell"),
        ("added", "add"),
        ("replied", "reply"),
        ("admitted", "admit"),
        ("noted", "note"),
        ("wrote", "write"),
    ]:
        assert forms[form][0] == lemma, form
    assert forms["said"][2] is True
    assert forms["report"][2] is False  # more often a noun: only counts when nothing else does


# --- cues and speakers -------------------------------------------------------------------------


def test_quote_then_pronoun_said(fast: quoteattr.Extractor) -> None:
    text = (
        "Tom Berg, the mayor of Eastvale, visited the building site on Monday.\n\n"
        '"We will open the new library in the spring," he said.'
    )
    assert run(fast, text) == [
        (
            QuoteKind.DIRECT,
            "We will open the new library in the spring,",
            "Tom Berg",
            "he",
            "said",
            "pronoun",
        )
    ]


def test_quote_then_said_name(fast: quoteattr.Extractor) -> None:
    text = '"The harbour will be dredged next year," said Karlsson.'
    assert run(fast, text) == [
        (
            QuoteKind.DIRECT,
            "The harbour will be dredged next year,",
            "Karlsson",
            "Karlsson",
            "said",
            "named",
        )
    ]


def test_name_told_before_the_quote_and_a_title_in_the_mention(fast: quoteattr.Extractor) -> None:
    text = (
        'Sen. Maria Lopez told reporters: "Our schools need money." '
        '"We will fight for it," Lopez added.'
    )
    assert run(fast, text) == [
        (
            QuoteKind.DIRECT,
            "Our schools need money.",
            "Maria Lopez",
            "Sen. Maria Lopez",
            "told",
            "named",
        ),
        (QuoteKind.DIRECT, "We will fight for it,", "Maria Lopez", "Lopez", "added", "named"),
    ]


def test_according_to(fast: quoteattr.Extractor) -> None:
    text = 'According to Anna Lind, "prices will rise again before the summer."'
    assert run(fast, text) == [
        (
            QuoteKind.DIRECT,
            "prices will rise again before the summer.",
            "Anna Lind",
            "Anna Lind",
            "According to",
            "named",
        )
    ]


def test_a_colon_is_the_cue(fast: quoteattr.Extractor) -> None:
    text = 'Ms Lind: "Prices will rise again before the summer."'
    assert run(fast, text) == [
        (
            QuoteKind.DIRECT,
            "Prices will rise again before the summer.",
            "Lind",
            "Ms Lind",
            ":",
            "colon",
        )
    ]


def test_a_noun_phrase_speaker_and_its_next_quote(fast: quoteattr.Extractor) -> None:
    text = '"Prices will rise," the finance minister said. "Wages will not."'
    assert run(fast, text) == [
        (
            QuoteKind.DIRECT,
            "Prices will rise,",
            "the finance minister",
            "the finance minister",
            "said",
            "group",
        ),
        (
            QuoteKind.DIRECT,
            "Wages will not.",
            "the finance minister",
            "the finance minister",
            None,
            "continuation",
        ),
    ]


def test_an_organisation_speaks(fast: quoteattr.Extractor) -> None:
    text = '"It is over," the Eastvale Police Department said in a statement.'
    quotes = fast.extract(text)
    assert quotes[0].speaker is not None
    assert (quotes[0].speaker.name, quotes[0].speaker.entity) == (
        "Eastvale Police Department",
        "organisation",
    )


def test_quoted_words_inside_reported_speech_are_mixed(fast: quoteattr.Extractor) -> None:
    text = 'Anna Lind said the budget was "a fair deal for the town" and left the room.'
    assert run(fast, text) == [
        (
            QuoteKind.MIXED,
            'the budget was "a fair deal for the town" and left the room',
            "Anna Lind",
            "Anna Lind",
            "said",
            "named",
        )
    ]


def test_titles_and_scare_quotes_are_not_speech(fast: quoteattr.Extractor) -> None:
    assert run(fast, 'She watched the show "Cake Boss" last night.') == []
    assert run(fast, 'He read "The Old Man and the Sea" twice.') == []
    assert run(fast, 'The so-called "reform" passed.') == []


def test_a_reported_clause_does_not_run_into_a_pull_quote(fast: quoteattr.Extractor) -> None:
    """Found by the property tests: "<tweet" read as a cue made a mixed quote of the rest of
    the paragraph, over the pull-quote. The quoted words stay a direct quote instead."""
    text = (
        '<tweet author="@cityhall">"We will reopen," by Ann Lee.</tweet> Start Quote We have'
        " never seen this End Quote Jane Doe Mayor of Springfield\n\n"
    )
    quotes = fast.extract(text)
    offsets_hold(text, quotes)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.DIRECT, "We will reopen,"),
        (QuoteKind.PULL, "We have never seen this"),
    ]


def test_curly_marks_and_a_quote_over_two_paragraphs(fast: quoteattr.Extractor) -> None:
    text = "“The first part runs on,” said Jane Doe.\n\n“The second part.\n\n“And the third.”"
    assert [(q.text, q.rule) for q in fast.extract(text)] == [
        ("The first part runs on,", "named"),
        ("The second part.\n\n“And the third.", "continuation"),
    ]


# --- invariants --------------------------------------------------------------------------------

PIECES = [
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    " ",
    "\n\n",
    ", ",
    ": ",
    ". ",
    "he said",
    "said Smith",
    "Jane Doe",
    "according to",
    "the mayor",
    "told reporters",
    "Start Quote ",
    " End Quote ",
    "We will win",
    "Mr.",
    "that",
    "  ",
    "\n",
    "Smith",
    "said:",
    "called",
    "so-",
    "and",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_every_offset_points_at_its_text(pieces: list[str]) -> None:
    """Whatever the text, every quote, cue and mention is cut from it where it says."""
    text = "".join(pieces)
    quotes = quoteattr.Extractor(mode="fast").extract(text)
    offsets_hold(text, quotes)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert all(0.0 <= q.confidence <= 1.0 for q in quotes)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all(text: str) -> None:
    offsets_hold(text, quoteattr.Extractor(mode="fast").extract(text))


def test_spaced_guillemets_end_at_their_closing_mark(fast: quoteattr.Extractor) -> None:
    """French typography: spaces (here also no-break spaces) inside the guillemets."""
    text = (
        "Marie Dubois looked at the barn. « We sleep here », she said. « Tomorrow we walk on. »"
        "\n\nPaul Martin said\u00a0: «\u00a0That suits me well\u00a0»."
    )
    assert run(fast, text) == [
        (QuoteKind.DIRECT, "We sleep here", "Marie Dubois", "she", "said", quoteattr.Rule.PRONOUN),
        (
            QuoteKind.DIRECT,
            "Tomorrow we walk on.",
            "Marie Dubois",
            "she",
            None,
            quoteattr.Rule.CONTINUATION,
        ),
        (
            QuoteKind.DIRECT,
            "That suits me well",
            "Paul Martin",
            "Paul Martin",
            "said",
            quoteattr.Rule.NAMED,
        ),
    ]


def _tokens(nlp: spacy.language.Language, text: str) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in nlp.make_doc(text)]


TOKENIZED = (
    'Mr. Smith said, "the U.S.-led (re)build costs $5.2bn..." She didn\'t; see '
    "https://example.org/a?b=1 or e-mail ann@example.org at 10:30am. 'Yes,' he said."
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, *TOKENIZED.split()]), max_size=30))
def test_the_fast_tokenizer_gives_spacys_tokens(pieces: list[str]) -> None:
    """The blank English tokenizer of the fast mode keeps its expressions' answers
    (`model.Remembered`): the tokens are spaCy's own, the first time and after."""
    text = " ".join(pieces)
    fast, plain = tokenizing_pipeline(None), spacy.blank("en")
    assert _tokens(fast, text) == _tokens(plain, text)
    assert _tokens(fast, text) == _tokens(plain, text)


def test_the_fast_tokenizer_forgets_and_still_gives_spacys_tokens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(model, "MAX_REMEMBERED", 3)
    fast, plain = tokenizing_pipeline(None), spacy.blank("en")
    for remembered in _remembered(fast):
        remembered._answers.clear()
    assert _tokens(fast, TOKENIZED) == _tokens(plain, TOKENIZED)
    assert all(len(m._answers) <= 3 for m in _remembered(fast))


def test_the_fast_tokenizer_serialises_as_spacys() -> None:
    fast = tokenizing_pipeline(None)
    loaded = spacy.blank("en").tokenizer.from_bytes(fast.tokenizer.to_bytes())
    assert [t.text for t in loaded(TOKENIZED)] == [t.text for t in fast.tokenizer(TOKENIZED)]
    unpickled = pickle.loads(pickle.dumps(fast.tokenizer))
    assert [t.text for t in unpickled(TOKENIZED)] == [t.text for t in fast.tokenizer(TOKENIZED)]


def _remembered(nlp: spacy.language.Language) -> list[model.Remembered]:
    tok = nlp.tokenizer
    found = [tok.prefix_search, tok.suffix_search, tok.infix_finditer, tok.url_match]
    assert all(isinstance(m, model.Remembered) for m in found)
    return found
