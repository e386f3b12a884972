"""Reported speech: what a speech verb reports without quotation marks, and quoted words in it.

No trained pipeline is loaded: tests/docs_builder.py writes the parses out by hand.
"""

from __future__ import annotations

import pytest

from docs_builder import Built, parsed
from quoteattr._cues.match import CueRule
from quoteattr._reported.clauses import reported_clauses
from quoteattr._reported.parsed import _is_scare, _is_title, parsed_candidates
from quoteattr._types import QuoteKind


def clauses(b: Built) -> list[tuple[str, str]]:
    """Each reported clause's verb (or cue word) and its words."""
    return [(c.verb.text, b.chars(c.start, c.end)) for c in reported_clauses(b.index)]


def candidates(b: Built) -> list[tuple[QuoteKind, str, str | None]]:
    """Each candidate's kind, words and the head of its cue's speaker."""
    found = parsed_candidates(b.index, b.paras, b.spans, b.pulls)
    return [
        (
            c.kind,
            b.chars(c.start, c.end),
            c.cue.speaker.text if c.cue is not None and c.cue.speaker is not None else None,
        )
        for c in found
    ]


SAID_THAT = parsed(
    "Officials said that the bridge would close.",
    """
    0 Officials NNS nsubj 1 lemma=official
    1 said VBD ROOT 1 lemma=say
    2 that IN mark 6
    3 the DT det 4
    4 bridge NN nsubj 6
    5 would MD aux 6
    6 close VB ccomp 1
    7 . . punct 1
    """,
)


def test_indirect_clause_after_the_verb_without_its_that() -> None:
    assert clauses(SAID_THAT) == [("said", "the bridge would close")]


def test_indirect_clause_is_an_indirect_quote_of_the_verbs_subject() -> None:
    assert candidates(SAID_THAT) == [(QuoteKind.INDIRECT, "the bridge would close", "Officials")]


def test_clause_before_comma_and_speaker() -> None:
    b = parsed(
        "The road will close, police said.",
        """
        0 The DT det 1
        1 road NN nsubj 3
        2 will MD aux 3
        3 close VB ccomp 6
        4 , , punct 6
        5 police NNS nsubj 6
        6 said VBD ROOT 6 lemma=say
        7 . . punct 6
        """,
    )
    assert clauses(b) == [("said", "The road will close")]


def test_quoted_clause_before_the_verb_is_direct_speech_not_reported() -> None:
    """ "The road will close," police said: the quote is the verb's, not an indirect quote."""
    b = parsed(
        '"The road will close," police said.',
        """
        0 " `` punct 8
        1 The DT det 2
        2 road NN nsubj 4
        3 will MD aux 4
        4 close VB ccomp 8
        5 , , punct 4
        6 " '' punct 8
        7 police NNS nsubj 8
        8 said VBD ROOT 8 lemma=say
        9 . . punct 8
        """,
    )
    assert clauses(b) == []


def _parenthetical(pronoun: str) -> Built:
    return parsed(
        f"The plan, {pronoun} said, would fail.",
        f"""
        0 The DT det 1
        1 plan NN nsubj 7
        2 , , punct 4
        3 {pronoun} PRP nsubj 4
        4 said VBD parataxis 7 lemma=say
        5 , , punct 4
        6 would MD aux 7
        7 fail VB ROOT 7
        8 . . punct 7
        """,
    )


def test_parenthetical_verb_reports_the_clause_around_it_in_two_pieces() -> None:
    assert clauses(_parenthetical("he")) == [("said", "The plan"), ("said", "would fail")]


def test_parenthetical_in_the_first_person_reports_nothing() -> None:
    """ "The plan, I say, would fail": the narrator's turn of phrase, not a report."""
    assert clauses(_parenthetical("I")) == []


ACCORDING = parsed(
    "According to the ministry, the bridge will close in May.",
    """
    0 According VBG prep 8
    1 to IN prep 0
    2 the DT det 3
    3 ministry NN pobj 1
    4 , , punct 8
    5 the DT det 6
    6 bridge NN nsubj 8
    7 will MD aux 8
    8 close VB ROOT 8
    9 in IN prep 8
    10 May NNP pobj 9 ent=DATE
    11 . . punct 8
    """,
)


def test_according_to_reports_the_rest_of_its_sentence() -> None:
    assert clauses(ACCORDING) == [("According", "the bridge will close in May")]


def test_according_to_clause_has_its_own_cue() -> None:
    (clause,) = reported_clauses(ACCORDING.index)
    assert clause.cue is not None and clause.cue.speaker is not None
    cue = clause.cue
    assert (cue.rule, ACCORDING.chars(cue.start, cue.end), cue.speaker.text) == (
        CueRule.ACCORDING_TO,
        "According to",
        "ministry",
    )


def test_quoted_words_in_what_a_verb_reports_make_a_mixed_quote() -> None:
    b = parsed(
        'Okafor called the plan "a disaster" on Monday.',
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 called VBD ROOT 1 lemma=call
        2 the DT det 3
        3 plan NN dobj 1
        4 " `` punct 6
        5 a DT det 6
        6 disaster NN oprd 1
        7 " '' punct 6
        8 on IN prep 1
        9 Monday NNP pobj 8 ent=DATE
        10 . . punct 1
        """,
    )
    assert candidates(b) == [(QuoteKind.MIXED, 'the plan "a disaster" on Monday', "Okafor")]


def test_short_quoted_words_held_up_in_a_sentence_are_not_speech() -> None:
    """No cue governs "the old mill": words held up for discussion, not a quote."""
    b = parsed(
        'The path passes "the old mill" at dawn.',
        """
        0 The DT det 1
        1 path NN nsubj 2
        2 passes VBZ ROOT 2 lemma=pass
        3 " `` punct 6
        4 the DT det 6
        5 old JJ amod 6
        6 mill NN dobj 2
        7 " '' punct 6
        8 at IN prep 2
        9 dawn NN pobj 8
        10 . . punct 2
        """,
    )
    assert candidates(b) == []


@pytest.mark.parametrize(
    ("quoted", "cued_after", "title"),
    [
        ("Meet the Press", False, True),
        ("Never Again", True, False),  # "Never Again," she said: speech
        ("Never again.", False, False),  # a sentence
        ("we will rebuild", False, False),
    ],
)
def test_title_cased_words_without_a_cue_name_a_work(
    quoted: str, cued_after: bool, title: bool
) -> None:
    assert _is_title(quoted, cued_after) is title


@pytest.mark.parametrize("text", ['the so-called "reform" passed', 'the so called "reform" passed'])
def test_quoted_words_after_so_called_are_a_scare_quote(text: str) -> None:
    assert _is_scare(text, text.index('"')) is True


def test_quoted_words_after_other_words_are_not_a_scare_quote() -> None:
    text = 'the widely hailed "reform" passed'
    assert _is_scare(text, text.index('"')) is False
