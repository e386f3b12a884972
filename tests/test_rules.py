"""The speaker rules for quotes without a cue, and the registry of every Rule.

No trained pipeline is loaded: the context rule reads hand-built parses (tests/docs_builder.py);
the dialogue and continuation rules read only the conversation so far, built here by hand.
"""

from __future__ import annotations

import attrs
import pytest

from docs_builder import Built, parsed, surface
from quoteattr._core.confidence import CONFIDENCE, FICTION_CONFIDENCE, with_confidence
from quoteattr._core.cued import cued_rule
from quoteattr._core.evidence import ParsedEvidence
from quoteattr._core.pipeline import by_rules, quotes_of
from quoteattr._core.rules import (
    MAX_DIALOGUE_TURN_WORDS,
    MAX_TURN_WORDS,
    TURNS_BACK,
    UNCUED_RULES,
    Conversation,
    continued_speaker,
    dialogue_turn,
    presented_speaker,
    turn_words,
    uncued_rule,
    uncued_speaker,
)
from quoteattr._cues.parsed import context_speaker
from quoteattr._reported.candidate import Candidate
from quoteattr._types import Cue, Mention, Quote, QuoteKind, Rule, Speaker

# The rules that name the speaker a cue's words give (rules.cued_rule) or that
# attribute() sets for a colon cue or a pull-quote's caption; the others are uncued rules.
CUE_RULES = frozenset(
    {Rule.NAMED, Rule.PRONOUN, Rule.UNRESOLVED, Rule.GROUP, Rule.COLON, Rule.LAYOUT}
)
OKAFOR = Speaker(name="Lisbeth Okafor", entity="person")
REED = Speaker(name="Tom Reed", entity="person")


@attrs.define
class FakeEvidence:
    """Evidence that says whether it read a parse, and names a speaker by its head word."""

    parsed: bool

    def speaker_of(self, head: object) -> Speaker:
        return Speaker(name=str(head), entity="person")

    def addressed(self, start: int, end: int) -> list[str]:
        return []  # the quotes speak to no one


def direct(b: Built, k: int) -> Candidate:
    """The k-th quoted span of a document as a direct quote with no cue."""
    span = b.spans[k]
    cand = Candidate(span.start, span.end, QuoteKind.DIRECT, span.paragraph)
    cand.opens_paragraph = span.outer_start == b.paras[span.paragraph].start
    cand.closed = span.closed
    return cand


def parsed_state(b: Built) -> Conversation:
    words = [len(b.text[p.start : p.end].split()) for p in b.paras]
    return Conversation(b.index, ParsedEvidence(b.index), words)


# --- context: the sentence before the quote presents its speaker ------------------------------

FROWNED = parsed(
    'Lisbeth Okafor frowned. "It will work."',
    """
    0 Lisbeth NNP compound 1 ent=PERSON
    1 Okafor NNP nsubj 2 ent=PERSON
    2 frowned VBD ROOT 2 lemma=frown
    3 . . punct 2
    4 " `` punct 7
    5 It PRP nsubj 7
    6 will MD aux 7
    7 work VB ROOT 7
    8 . . punct 7
    9 " '' punct 7
    """,
)


def test_context_is_the_subject_of_the_sentence_before() -> None:
    speaker = presented_speaker(parsed_state(FROWNED), direct(FROWNED, 0))
    assert speaker is not None
    assert speaker.name == "Lisbeth Okafor"
    assert speaker.mention == Mention(text="Lisbeth Okafor", start=0, end=14)


def test_context_prefers_the_subject_of_a_speech_verb_nearest_the_quote() -> None:
    """Reed nodded when Okafor asked: "asked" presents Okafor, not the main verb's Reed."""
    b = parsed(
        'Reed nodded when Okafor asked. "Will it work?"',
        """
        0 Reed NNP nsubj 1 ent=PERSON
        1 nodded VBD ROOT 1 lemma=nod
        2 when WRB advmod 4 pos=SCONJ
        3 Okafor NNP nsubj 4 ent=PERSON
        4 asked VBD advcl 1 lemma=ask
        5 . . punct 1
        6 " `` punct 9
        7 Will MD aux 9
        8 it PRP nsubj 9
        9 work VB ROOT 9
        10 ? . punct 9
        11 " '' punct 9
        """,
    )
    head = context_speaker(b.index, b.quote(0)[0])
    assert head is not None and head.text == "Okafor"


def test_context_reads_the_paragraph_before() -> None:
    b = parsed(
        'Lisbeth Okafor frowned.\n\n"It will work."',
        """
        0 Lisbeth NNP compound 1 ent=PERSON
        1 Okafor NNP nsubj 2 ent=PERSON
        2 frowned VBD ROOT 2 lemma=frown
        3 . . punct 2
        4 " `` punct 7
        5 It PRP nsubj 7
        6 will MD aux 7
        7 work VB ROOT 7
        8 . . punct 7
        9 " '' punct 7
        """,
    )
    speaker = presented_speaker(parsed_state(b), direct(b, 0))
    assert speaker is not None and speaker.name == "Lisbeth Okafor"


def test_context_subject_that_is_not_a_person_presents_no_one() -> None:
    """The plan failed: a common noun that is not a person's."""
    b = parsed(
        'The plan failed. "It will work."',
        """
        0 The DT det 1
        1 plan NN nsubj 2
        2 failed VBD ROOT 2 lemma=fail
        3 . . punct 2
        4 " `` punct 7
        5 It PRP nsubj 7
        6 will MD aux 7
        7 work VB ROOT 7
        8 . . punct 7
        9 " '' punct 7
        """,
    )
    assert presented_speaker(parsed_state(b), direct(b, 0)) is None


def test_context_noun_for_a_person_presents_them() -> None:
    b = parsed(
        'The nurse smiled. "It will work."',
        """
        0 The DT det 1
        1 nurse NN nsubj 2
        2 smiled VBD ROOT 2 lemma=smile
        3 . . punct 2
        4 " `` punct 7
        5 It PRP nsubj 7
        6 will MD aux 7
        7 work VB ROOT 7
        8 . . punct 7
        9 " '' punct 7
        """,
    )
    speaker = presented_speaker(parsed_state(b), direct(b, 0))
    assert speaker is not None
    assert speaker.name == "The nurse"
    assert speaker.mention == Mention(text="The nurse", start=0, end=9)


CUED_BEFORE = parsed(
    '"It is late," Okafor said.\n\n"It will work."',
    """
    0 " `` punct 7
    1 It PRP nsubj 2
    2 is VBZ ccomp 7 lemma=be
    3 late JJ acomp 2
    4 , , punct 2
    5 " '' punct 7
    6 Okafor NNP nsubj 7 ent=PERSON
    7 said VBD ROOT 7 lemma=say
    8 . . punct 7
    9 " `` punct 12
    10 It PRP nsubj 12
    11 will MD aux 12
    12 work VB ROOT 12
    13 . . punct 12
    14 " '' punct 12
    """,
)


def test_context_is_the_cue_sentence_of_the_paragraph_before() -> None:
    """With nothing known of the quote before, "Okafor said." presents Okafor."""
    speaker = presented_speaker(parsed_state(CUED_BEFORE), direct(CUED_BEFORE, 1))
    assert speaker is not None and speaker.name == "Okafor"


def test_context_is_not_the_previous_quotes_own_cue() -> None:
    """ "Okafor said." is the cue of the quote before: that quote's speaker, not context."""
    b = CUED_BEFORE
    state = parsed_state(b)
    okafor = b.tok("Okafor")
    mention = Mention(text="Okafor", start=okafor.idx, end=okafor.idx + len(okafor))
    first = b.spans[0]
    state.previous = Quote(
        text=b.chars(first.start, first.end),
        start=first.start,
        end=first.end,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(name="Okafor", mention=mention, entity="person"),
        cue=Cue(text="said", start=b.tok("said").idx, end=b.tok("said").idx + 4),
        paragraph=0,
        rule=Rule.NAMED,
    )
    assert presented_speaker(state, direct(b, 1)) is None


def test_context_not_when_the_quote_goes_on_from_one_cued_after_it() -> None:
    """ "...," Okafor said after Reed criticized it. "...": Reed did not speak."""
    b = parsed(
        '"It is late," Okafor said after Reed criticized it. "It will work."',
        """
        0 " `` punct 7
        1 It PRP nsubj 2
        2 is VBZ ccomp 7 lemma=be
        3 late JJ acomp 2
        4 , , punct 2
        5 " '' punct 7
        6 Okafor NNP nsubj 7 ent=PERSON
        7 said VBD ROOT 7 lemma=say
        8 after IN mark 10
        9 Reed NNP nsubj 10 ent=PERSON
        10 criticized VBD advcl 7 lemma=criticize
        11 it PRP dobj 10
        12 . . punct 7
        13 " `` punct 16
        14 It PRP nsubj 16
        15 will MD aux 16
        16 work VB ROOT 16
        17 . . punct 16
        18 " '' punct 16
        """,
    )
    head = context_speaker(b.index, b.quote(1)[0])
    assert head is not None and head.text == "Reed"  # what the rule would say on its own
    state = parsed_state(b)
    said = b.tok("said")
    first = b.spans[0]
    state.previous = Quote(
        text=b.chars(first.start, first.end),
        start=first.start,
        end=first.end,
        kind=QuoteKind.DIRECT,
        speaker=Speaker(name="Okafor", entity="person"),
        cue=Cue(text="said", start=said.idx, end=said.idx + 4),
        paragraph=0,
        rule=Rule.NAMED,
    )
    assert presented_speaker(state, direct(b, 1)) is None


def test_context_rule_runs_in_the_pipeline_on_a_parsed_doc() -> None:
    (quote,) = quotes_of(FROWNED.doc, "default")
    assert quote.speaker is not None
    assert (quote.text, quote.speaker.name, quote.rule) == (
        "It will work.",
        "Lisbeth Okafor",
        Rule.CONTEXT,
    )
    assert quote.confidence == CONFIDENCE[Rule.CONTEXT][0]


# --- the uncued rules' state: dialogue and continuation ---------------------------------------


def conversation(paragraph_words: list[int], parsed: bool = True) -> Conversation:
    """A conversation with no document behind it: the dialogue rules read only its state."""
    return Conversation(None, FakeEvidence(parsed), paragraph_words)  # type: ignore[arg-type]


def quote_in(paragraph: int, opens: bool = True, closed: bool = True) -> Candidate:
    cand = Candidate(100 * paragraph, 100 * paragraph + 10, QuoteKind.DIRECT, paragraph)
    cand.opens_paragraph, cand.closed = opens, closed
    return cand


def spoke(state: Conversation, cand: Candidate, who: Speaker) -> None:
    """Note in state that who said the quote cand."""
    quote = Quote(
        text="x" * (cand.end - cand.start),
        start=cand.start,
        end=cand.end,
        kind=cand.kind,
        speaker=who,
        paragraph=cand.paragraph,
        rule=Rule.NAMED,
    )
    state.add(cand, quote)


def test_reply_after_a_short_paragraph_is_the_other_speaker() -> None:
    """Okafor: "..." / Reed said: "..." / "..." (the third is Okafor's reply)."""
    state = conversation([6, 4, 3])
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1, opens=False), REED)
    assert dialogue_turn(state, quote_in(2)) == OKAFOR


def test_no_reply_after_a_long_paragraph() -> None:
    state = conversation([6, MAX_TURN_WORDS + 1, 3])
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1, opens=False), REED)
    assert dialogue_turn(state, quote_in(2)) is None


def test_in_a_dialogue_a_long_paragraph_is_answered_too() -> None:
    """A novel's long speech, closed, is answered in the next paragraph that opens with a
    quote; a news report's long paragraph (above) goes on with its speaker."""
    state = conversation([6, MAX_DIALOGUE_TURN_WORDS + 1, 3])
    state.max_turn_words = MAX_DIALOGUE_TURN_WORDS
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1, opens=False), REED)
    assert dialogue_turn(state, quote_in(2)) == OKAFOR


def test_no_reply_when_the_last_quote_runs_on_into_this_paragraph() -> None:
    state = conversation([6, 4, 3])
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1, opens=False, closed=False), REED)
    assert dialogue_turn(state, quote_in(2)) is None


def test_reply_looks_back_only_a_few_paragraphs_for_the_other_speaker() -> None:
    far = TURNS_BACK + 1
    state = conversation([6] * (far + 1))
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(far - 1, opens=False), REED)
    assert dialogue_turn(state, quote_in(far)) is None


def test_turn_alternates_between_the_speakers_of_the_last_two_paragraphs() -> None:
    """Okafor and Reed each opened a paragraph; the next is Okafor's turn. The paragraph
    before is long, so the reply rule does not answer first."""
    state = conversation([6, MAX_TURN_WORDS + 1, 3])
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1), REED)
    assert dialogue_turn(state, quote_in(2)) == OKAFOR


def test_no_turn_when_one_speaker_opened_both_paragraphs() -> None:
    state = conversation([6, MAX_TURN_WORDS + 1, 3])
    spoke(state, quote_in(0), REED)
    spoke(state, quote_in(1), REED)
    assert dialogue_turn(state, quote_in(2)) is None


def test_no_turn_for_a_quote_that_does_not_open_its_paragraph() -> None:
    state = conversation([6, 4, 3])
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1), REED)
    assert dialogue_turn(state, quote_in(2, opens=False)) is None


def test_continuation_in_the_same_paragraph() -> None:
    state = conversation([20])
    spoke(state, quote_in(0), OKAFOR)
    assert continued_speaker(state, quote_in(0, opens=False)) == OKAFOR


def test_continuation_in_the_next_paragraph() -> None:
    state = conversation([20, 20])
    spoke(state, quote_in(0), OKAFOR)
    assert continued_speaker(state, quote_in(1)) == OKAFOR


def test_in_a_dialogue_a_new_paragraph_after_a_closed_quote_is_no_continuation() -> None:
    """In a novel, a paragraph that opens with a quote after one whose quote closed is a new
    turn, not the same speaker going on (a news report's next paragraph, above, goes on);
    a quote left open goes on."""
    state = conversation([20, 20])
    state.max_turn_words = MAX_DIALOGUE_TURN_WORDS
    spoke(state, quote_in(0), OKAFOR)
    assert continued_speaker(state, quote_in(1)) is None
    state = conversation([20, 20])
    state.max_turn_words = MAX_DIALOGUE_TURN_WORDS
    spoke(state, quote_in(0, closed=False), OKAFOR)
    assert continued_speaker(state, quote_in(1)) == OKAFOR


def test_no_continuation_two_paragraphs_later() -> None:
    state = conversation([20, 20, 20])
    spoke(state, quote_in(0), OKAFOR)
    assert continued_speaker(state, quote_in(2)) is None


def test_no_continuation_without_a_quote_before() -> None:
    assert continued_speaker(conversation([20]), quote_in(0)) is None


def test_indirect_speech_is_not_continued() -> None:
    """An indirect quote's speaker does not become the previous speaker."""
    state = conversation([20])
    reported = Candidate(0, 10, QuoteKind.INDIRECT, 0)
    spoke(state, reported, OKAFOR)
    assert state.previous is None
    assert continued_speaker(state, quote_in(0, opens=False)) is None


def test_uncued_speaker_tries_the_rules_in_order() -> None:
    """A reply that is also a continuation: the turn rule, registered first, answers."""
    state = conversation([6, 4, 3], parsed=False)
    spoke(state, quote_in(0), OKAFOR)
    spoke(state, quote_in(1, opens=False), REED)
    assert uncued_speaker(state, quote_in(2)) == (OKAFOR, Rule.TURN)


def test_turn_rule_runs_in_the_fast_pipeline() -> None:
    text = '"Are you coming?" asked Okafor.\n\n"Not today," said Reed.\n\n"Why not?"'
    quotes = quotes_of(surface(text).doc, "fast")
    assert [(q.speaker.name if q.speaker else None, q.rule) for q in quotes] == [
        ("Okafor", Rule.NAMED),
        ("Reed", Rule.NAMED),
        ("Okafor", Rule.TURN),
    ]


def test_uncued_speaker_runs_the_parse_rules_with_a_parse() -> None:
    state = attrs.evolve(parsed_state(FROWNED), evidence=FakeEvidence(parsed=True))
    speaker, rule = uncued_speaker(state, direct(FROWNED, 0))
    assert (speaker, rule) == (Speaker(name="Okafor", entity="person"), Rule.CONTEXT)


def test_uncued_speaker_skips_the_parse_rules_without_a_parse() -> None:
    """The same document and quote, but the evidence read no parse: no context rule."""
    state = attrs.evolve(parsed_state(FROWNED), evidence=FakeEvidence(parsed=False))
    assert uncued_speaker(state, direct(FROWNED, 0)) == (None, Rule.NONE)


# --- the registry ------------------------------------------------------------------------------


def test_uncued_rules_are_registered_in_the_order_they_are_tried() -> None:
    assert [r.rule for r in UNCUED_RULES] == [
        Rule.CONTEXT,
        Rule.ADDRESSED,
        Rule.TURN,
        Rule.CONTINUATION,
    ]


def test_only_the_context_and_addressed_rules_need_a_parse() -> None:
    assert [r.rule for r in UNCUED_RULES if r.needs_parse] == [Rule.CONTEXT, Rule.ADDRESSED]


def test_every_rule_but_none_and_the_rankers_is_an_uncued_rule_or_a_cue_rule() -> None:
    uncued = {r.rule for r in UNCUED_RULES}
    assert not uncued & CUE_RULES
    assert uncued | CUE_RULES == set(Rule) - {Rule.NONE, Rule.RANKED}


def test_every_rule_has_a_confidence() -> None:
    """(tests/test_internals.py checks each mode's confidence against needs_parse.)"""
    assert set(CONFIDENCE) == set(Rule)


# --- the cue rules that name a speaker: rules.cued_rule and attribute() ---------------------


def _said_by(words: str, name: str, entity: str) -> Speaker:
    return Speaker(name=name, mention=Mention(text=words, start=0, end=len(words)), entity=entity)


@pytest.mark.parametrize(
    ("speaker", "rule"),
    [
        (_said_by("Ms Okafor", "Lisbeth Okafor", "person"), Rule.NAMED),
        (_said_by("she", "Lisbeth Okafor", "person"), Rule.PRONOUN),
        (_said_by("she", "she", "other"), Rule.UNRESOLVED),
        (_said_by("officials", "officials", "other"), Rule.GROUP),
        (_said_by("the Harbour Authority", "the Harbour Authority", "organisation"), Rule.GROUP),
        (_said_by("they", "civil groups", "other"), Rule.GROUP),
    ],
    ids=["named", "pronoun", "unresolved", "group", "organisation", "they"],
)
def test_cue_speaker_rule(speaker: Speaker, rule: Rule) -> None:
    assert cued_rule(speaker) is rule
    assert cued_rule(speaker, colon=True) is Rule.COLON


def test_attribute_gives_a_colon_cue_the_colon_rule() -> None:
    (quote,) = quotes_of(surface('Lisbeth Okafor: "We will rebuild."').doc, "fast")
    assert quote.speaker is not None and quote.cue is not None
    assert (quote.speaker.name, quote.cue.text, quote.rule) == (
        "Lisbeth Okafor",
        ":",
        Rule.COLON,
    )


def test_attribute_gives_a_pull_quote_the_layout_rule() -> None:
    text = "Start Quote We will rebuild the bridge. End Quote Lisbeth Okafor Mayor of Kestrel Bay"
    (quote,) = quotes_of(surface(text).doc, "fast")
    assert quote.speaker is not None
    assert (quote.kind, quote.speaker.name, quote.speaker.role, quote.rule) == (
        QuoteKind.PULL,
        "Lisbeth Okafor",
        "Mayor of Kestrel Bay",
        Rule.LAYOUT,
    )


def test_the_person_spoken_to_by_name_answers() -> None:
    """After "Sit down, Margaret," a paragraph that opens with an uncued quote is Margaret's."""
    text = '"Sit down, Margaret," said Tom.\n\n"I will not."'
    b = parsed(
        text,
        """
        0 " `` punct 5
        1 Sit VB ccomp 5 lemma=sit
        2 down RP prt 1
        3 , , punct 1
        4 Margaret NNP npadvmod 1 ent=PERSON
        5 , , punct 7
        6 " '' punct 7
        7 said VBD ROOT 7 lemma=say
        8 Tom NNP nsubj 7 ent=PERSON
        9 . . punct 7
        10 " `` punct 12
        11 I PRP nsubj 12
        12 will MD ROOT 12
        13 not RB neg 12
        14 . . punct 12
        15 " '' punct 12
        """,
    )
    quotes = quotes_of(b.doc)
    assert [(q.rule, q.speaker.name if q.speaker else None) for q in quotes] == [
        (Rule.NAMED, "Tom"),
        (Rule.ADDRESSED, "Margaret"),
    ]


def test_a_name_set_off_by_emphasis_marks_is_not_spoken_to() -> None:
    """A quote that asks to "Drive to the _Savoy_" is not said to someone called Savoy."""
    text = '"Drive to the _Savoy_," said Tom.\n\n"I will not."'
    b = parsed(
        text,
        """
        0 " `` punct 9
        1 Drive VB ccomp 9 lemma=drive
        2 to IN prep 1
        3 the DT det 5
        4 _ NFP punct 5
        5 Savoy NNP pobj 2 ent=PERSON
        6 _ NFP punct 5
        7 , , punct 9
        8 " '' punct 9
        9 said VBD ROOT 9 lemma=say
        10 Tom NNP nsubj 9 ent=PERSON
        11 . . punct 9
        12 " `` punct 14
        13 I PRP nsubj 14
        14 will MD ROOT 14
        15 not RB neg 14
        16 . . punct 14
        17 " '' punct 14
        """,
    )
    assert quotes_of(b.doc)[1].rule is not Rule.ADDRESSED


def test_a_quote_is_not_given_to_the_person_it_speaks_to() -> None:
    """The quote "Margaret, sit down." is not Margaret's: she spoke last, but is spoken to."""
    b = parsed(
        '"Hello," said Margaret.\n\n"Margaret, sit down."',
        """
        0 " `` punct 4
        1 Hello UH intj 4
        2 , , punct 4
        3 " '' punct 4
        4 said VBD ROOT 4 lemma=say
        5 Margaret NNP nsubj 4 ent=PERSON
        6 . . punct 4
        7 " `` punct 10
        8 Margaret NNP npadvmod 10 ent=PERSON
        9 , , punct 10
        10 sit VB ROOT 10
        11 down RP prt 10
        12 . . punct 10
        13 " '' punct 10
        """,
    )
    reply = by_rules(b.doc, "default").quotes[1]  # the rules' choice, before the ranker's
    assert (reply.speaker, reply.rule) == (None, Rule.NONE)


@pytest.mark.parametrize(("first", "spoken_to"), [(",", ["Ann"]), (".", [])])
def test_a_name_alone_as_a_quotes_first_sentence_is_not_spoken_to(
    first: str, spoken_to: list[str]
) -> None:
    """The quote "Ann, I went there." speaks to Ann; "Ann. I went there." (or a dialect's
    "Ees.") only says the word."""
    b = parsed(
        f'"Ann{first} I went there," said Tom.',
        f"""
        0 " `` punct 8
        1 Ann NNP npadvmod 4 ent=PERSON
        2 {first} {first} punct 4
        3 I PRP nsubj 4
        4 went VBD ccomp 8 lemma=go
        5 there RB advmod 4
        6 , , punct 4
        7 " '' punct 8
        8 said VBD ROOT 8 lemma=say
        9 Tom NNP nsubj 8 ent=PERSON
        10 . . punct 8
        """,
    )
    span = b.spans[0]
    assert ParsedEvidence(b.index).addressed(span.start, span.end) == spoken_to


def _turn(paragraph: int) -> Candidate:
    cand = Candidate(0, 1, QuoteKind.DIRECT, paragraph, None)
    cand.opens_paragraph = True
    return cand


def test_a_text_of_short_quoted_paragraphs_is_dialogue_with_longer_turns() -> None:
    """Five paragraphs, three short ones opening with a quote: dialogue. Three paragraphs
    with one, eight with two, or a news story of twenty with one, is not."""
    assert turn_words([_turn(1), _turn(3), _turn(4)], [40, 8, 50, 6, 7]) == MAX_DIALOGUE_TURN_WORDS
    assert turn_words([_turn(1)], [40, 8, 50]) == MAX_TURN_WORDS  # one reply is no dialogue
    assert turn_words([_turn(1), _turn(3)], [40, 8, 50, 30, 70, 40, 40, 40]) == MAX_TURN_WORDS
    assert turn_words([_turn(2)], [40] * 2 + [10] + [40] * 17) == MAX_TURN_WORDS


def test_a_quotes_confidence_is_its_rules_in_its_mode_and_genre() -> None:
    """Confidence is assigned once, from the rule, the mode and the genre: a ranked quote's
    too; in fiction a name is right less often than in news, and no rule reaches 0.9."""
    text = 'Lisbeth Okafor said: "We will rebuild."\n\n"The bridge comes first," she added.'
    for quote in quotes_of(surface(text).doc, "fast"):
        assert quote.confidence == CONFIDENCE[quote.rule][1]
    for quote in quotes_of(surface(text).doc, "fast", genre="fiction"):
        assert quote.confidence == FICTION_CONFIDENCE[quote.rule][1]
    ranked_quote = attrs.evolve(QUOTE_FOR_CONFIDENCE, rule=Rule.RANKED)
    assert with_confidence([ranked_quote], parsed=True)[0].confidence == CONFIDENCE[Rule.RANKED][0]
    named = attrs.evolve(QUOTE_FOR_CONFIDENCE, rule=Rule.NAMED)
    assert with_confidence([named], parsed=True, fiction=True)[0].confidence == 0.85
    assert all(row[0] < 0.9 for row in FICTION_CONFIDENCE.values())


def test_an_uncued_rule_registers_its_confidence_in_the_modes_it_runs_in() -> None:
    with pytest.raises(ValueError, match="fast-mode confidence"):
        uncued_rule(Rule.TURN, confidence=(0.5, None), fiction=(0.5, 0.5))  # runs without a parse
    with pytest.raises(ValueError, match="fast-mode confidence"):
        uncued_rule(Rule.CONTEXT, confidence=(0.5, None), fiction=(0.5, 0.5), needs_parse=True)


QUOTE_FOR_CONFIDENCE = Quote(text="Yes.", start=1, end=5, kind=QuoteKind.DIRECT, paragraph=0)


@pytest.mark.e2e
def test_an_uncued_quote_after_a_new_person_is_presented_is_theirs() -> None:
    """A continuation is not carried across another person's introduction: the sentence
    after the previous quote's cue presents who speaks next."""
    import quoteattr

    text = (
        '"The ferry will run twice a day from June," said Ilse Brandvold, the harbour master. '
        "Tomas Quayle, who runs the island's only shop, shook his head. "
        '"Twice a day will not bring back the winter trade."'
    )
    names = [q.speaker.name if q.speaker else None for q in quoteattr.extract(text)]
    assert names == ["Ilse Brandvold", "Tomas Quayle"]
