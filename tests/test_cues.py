"""Cue rules, one test or more each: parse-based (hand-built parses) and surface (tokens only).

No trained pipeline is loaded: tests/docs_builder.py writes the parses out by hand.
"""

from __future__ import annotations

import pytest

from docs_builder import Built, parsed, surface
from quoteattr._cues.match import CueMatch, CueRule
from quoteattr._cues.parsed import according_to, context_speaker, parsed_cue, subject_of
from quoteattr._cues.surface import surface_cue
from quoteattr._reported.candidate import OPEN_ENDINGS
from quoteattr._reported.clauses import reported_clauses


def cue_of(b: Built, k: int = 0) -> CueMatch | None:
    """The parse-based cue of the k-th quote, as the parsed candidates ask for it."""
    first, last = b.quote(k)
    span = b.spans[k]
    return parsed_cue(b.index, first, last, b.text[span.end - 1] in OPEN_ENDINGS)


def surface_cue_of(b: Built, k: int = 0) -> CueMatch | None:
    """The surface cue of the k-th quote, as the surface candidates ask for it."""
    first, last = b.quote(k)
    span = b.spans[k]
    left, right = b.index.left_context(first), b.index.right_context(last)
    return surface_cue(left, right, b.text[span.end - 1] in OPEN_ENDINGS)


def summary(b: Built, cue: CueMatch | None) -> tuple[CueRule, str, str | None]:
    """The cue's rule, its characters, and the head of its speaker (parsed) or the words of
    its speaker (surface)."""
    assert cue is not None
    if cue.phrase is not None:
        who: str | None = b.words(*cue.phrase)
    else:
        who = cue.speaker.text if cue.speaker is not None else None
    return cue.rule, b.chars(cue.start, cue.end), who


# --- parse-based cues --------------------------------------------------------------------------

SHE_SAID = parsed(
    '"The bridge is safe," she said.',
    """
    0 " `` punct 8
    1 The DT det 2
    2 bridge NN nsubj 3
    3 is VBZ ccomp 8 lemma=be
    4 safe JJ acomp 3
    5 , , punct 3
    6 " '' punct 8
    7 she PRP nsubj 8
    8 said VBD ROOT 8 lemma=say
    9 . . punct 8
    """,
)


def test_verb_after_quote_names_its_subject() -> None:
    assert summary(SHE_SAID, cue_of(SHE_SAID)) == (CueRule.VERB, "said", "she")


def test_verb_cue_keeps_its_verb() -> None:
    cue = cue_of(SHE_SAID)
    assert cue is not None and cue.verb is not None
    assert cue.verb.i == SHE_SAID.tok("said").i


def test_a_name_the_tagger_read_as_an_auxiliary_is_the_subject() -> None:
    """ "Will wrote": the columnist Will, whom the tagger took for a modal."""
    b = parsed(
        '"We must rebuild," Will wrote.',
        """
        0 " `` punct 7
        1 We PRP nsubj 3
        2 must MD aux 3
        3 rebuild VB ccomp 7
        4 , , punct 3
        5 " '' punct 7
        6 Will MD aux 7
        7 wrote VBD ROOT 7 lemma=write
        8 . . punct 7
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.VERB, "wrote", "Will")


def test_a_name_the_tagger_read_as_an_adverb_is_the_subject() -> None:
    """ "Nell grinned": a name the tagger took for an adverb, which the recogniser tags as
    a person, is the subject of a verb that has none, and the speaker of the quote after
    the sentence."""
    b = parsed(
        'Nell grinned. "I knew it."',
        """
        0 Nell RB advmod 1 pos=ADV ent=PERSON
        1 grinned VBD ROOT 1 lemma=grin
        2 . . punct 1
        3 " `` punct 5
        4 I PRP nsubj 5
        5 knew VBD ROOT 5 lemma=know
        6 it PRP dobj 5
        7 . . punct 5
        8 " '' punct 5
        """,
    )
    assert subject_of(b.tok("grinned"), b.index) == b.tok("Nell")
    assert context_speaker(b.index, b.quote(0)[0]) == b.tok("Nell")


def test_the_name_beside_a_subject_noun_is_who_the_sentence_presents() -> None:
    """ "His neighbour, Angus Petrie, disagrees.": the quote after it is Angus Petrie's, the
    name set beside the noun, not a neighbour's."""
    b = parsed(
        'His neighbour, Angus Petrie, disagrees. "Prices change."',
        """
        0 His PRP$ poss 1
        1 neighbour NN nsubj 6
        2 , , punct 1
        3 Angus NNP compound 4 ent=PERSON
        4 Petrie NNP appos 1 ent=PERSON
        5 , , punct 1
        6 disagrees VBZ ROOT 6 lemma=disagree
        7 . . punct 6
        8 " `` punct 10
        9 Prices NNS nsubj 10 lemma=price
        10 change VBP ROOT 10
        11 . . punct 10
        12 " '' punct 10
        """,
    )
    assert context_speaker(b.index, b.quote(0)[0]) == b.tok("Petrie")


def test_an_adverb_that_is_no_name_is_no_subject() -> None:
    """ "Suddenly grinned" (a clipped sentence): an adverb the recogniser does not tag
    stays an adverb."""
    b = parsed(
        "Suddenly grinned.",
        """
        0 Suddenly RB advmod 1 pos=ADV
        1 grinned VBD ROOT 1 lemma=grin
        2 . . punct 1
        """,
    )
    assert subject_of(b.tok("grinned"), b.index) is None


def _said_okafor(okafor_dep: str) -> Built:
    return parsed(
        '"We will rebuild," said Lisbeth Okafor.',
        f"""
        0 " `` punct 6
        1 We PRP nsubj 3
        2 will MD aux 3
        3 rebuild VB ccomp 6
        4 , , punct 3
        5 " '' punct 6
        6 said VBD ROOT 6 lemma=say
        7 Lisbeth NNP compound 8 ent=PERSON
        8 Okafor NNP {okafor_dep} 6 ent=PERSON
        9 . . punct 6
        """,
    )


def test_inverted_verb_with_a_parsed_subject_is_a_verb_cue() -> None:
    """ "...," said Okafor, with Okafor parsed as the subject: the subject rule."""
    b = _said_okafor("nsubj")
    assert summary(b, cue_of(b)) == (CueRule.VERB, "said", "Okafor")


def test_inverted_verb_without_a_subject_takes_the_name_after_it() -> None:
    """The parser took Okafor for the object: the first noun phrase after the verb speaks."""
    b = _said_okafor("dobj")
    assert summary(b, cue_of(b)) == (CueRule.INVERTED, "said", "Okafor")


@pytest.mark.parametrize(("noun", "speaker"), [("mother", "mother"), ("remarks", "his")])
def test_inverted_verb_without_a_subject_takes_a_possessive_to_its_person(
    noun: str, speaker: str
) -> None:
    """ "...," cried his mother, the parser taking "mother" for the object: the mother
    speaks, not "his"; but "his remarks" are no one, and "his" is all there is."""
    b = parsed(
        f'"Well!" cried his {noun}.',
        f"""
        0 " `` punct 3
        1 Well UH intj 3
        2 ! . punct 3
        3 " '' punct 4
        4 cried VBD ROOT 4 lemma=cry
        5 his PRP$ poss 6
        6 {noun} NN dobj 4
        7 . . punct 4
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.INVERTED, "cried", speaker)


def test_inverted_verb_takes_the_words_between_quote_and_verb_first() -> None:
    """ "...," Okafor, now retired, said: with no subject parsed and the name hung on the
    verb by no relation of a subject or an adverb, the name before the verb."""
    b = parsed(
        '"We will rebuild," Okafor, now retired, said.',
        """
        0 " `` punct 11
        1 We PRP nsubj 3
        2 will MD aux 3
        3 rebuild VB ccomp 11
        4 , , punct 3
        5 " '' punct 11
        6 Okafor NNP dep 11 ent=PERSON
        7 , , punct 6
        8 now RB advmod 9
        9 retired VBN amod 6 lemma=retire
        10 , , punct 6
        11 said VBD ROOT 11 lemma=say
        12 . . punct 11
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.INVERTED, "said", "Okafor")


def test_verb_before_quote_with_colon_is_a_verb_cue() -> None:
    b = parsed(
        'Okafor said: "The bridge is safe."',
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 said VBD ROOT 1 lemma=say
        2 : : punct 1
        3 " `` punct 6
        4 The DT det 5
        5 bridge NN nsubj 6
        6 is VBZ ccomp 1 lemma=be
        7 safe JJ acomp 6
        8 . . punct 6
        9 " '' punct 6
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.VERB, "said", "Okafor")


TWO_COLONS = parsed(
    'Smith said: "We lost." Jones said: "We will try."',
    """
    0 Smith NNP nsubj 1 ent=PERSON
    1 said VBD ROOT 1 lemma=say
    2 : : punct 1
    3 " `` punct 5
    4 We PRP nsubj 5
    5 lost VBD ccomp 1 lemma=lose
    6 . . punct 5
    7 " '' punct 5
    8 Jones NNP nsubj 9 ent=PERSON
    9 said VBD ROOT 9 lemma=say
    10 : : punct 9
    11 " `` punct 14
    12 We PRP nsubj 14
    13 will MD aux 14
    14 try VB ccomp 9
    15 . . punct 14
    16 " '' punct 14
    """,
)


def test_a_short_cue_ending_in_a_colon_opens_the_next_quote() -> None:
    """ "Jones said:" after a closed quote is short enough to be its cue, but the colon
    makes it the cue of the quote after it: Smith said the first, Jones the second."""
    assert summary(TWO_COLONS, cue_of(TWO_COLONS, 0)) == (CueRule.VERB, "said", "Smith")
    assert summary(TWO_COLONS, cue_of(TWO_COLONS, 1)) == (CueRule.VERB, "said", "Jones")


ACCORDING = """
    0 " `` punct 3
    1 The DT det 2
    2 bridge NN nsubj 3
    3 is VBZ ROOT 3 lemma=be
    4 safe JJ acomp 3
    5 , , punct 3
    6 " '' punct 3
    7 according VBG prep 3
    8 to IN prep 7
    9 Chidi NNP compound 10 ent=PERSON
    10 Amadi NNP {dep} {head} ent=PERSON
    11 . . punct 3
"""
ACCORDING_TEXT = '"The bridge is safe," according to Chidi Amadi.'


def test_according_to_after_quote_names_its_object() -> None:
    b = parsed(ACCORDING_TEXT, ACCORDING.format(dep="pobj", head=8))
    assert summary(b, cue_of(b)) == (CueRule.ACCORDING_TO, "according to", "Amadi")


def test_according_to_without_an_object_takes_the_next_word() -> None:
    """The parse hung the name elsewhere: the word after "to" is the speaker."""
    b = parsed(ACCORDING_TEXT, ACCORDING.format(dep="npadvmod", head=3))
    cue = according_to(b.tok("according"))
    assert cue is not None and cue.speaker is not None
    assert (cue.rule, cue.speaker.text) == (CueRule.ACCORDING_TO, "Chidi")


def test_colon_after_a_name_without_verb_is_a_colon_cue() -> None:
    b = parsed(
        'Okafor: "The bridge is safe."',
        """
        0 Okafor NNP ROOT 0 ent=PERSON
        1 : : punct 0
        2 " `` punct 5
        3 The DT det 4
        4 bridge NN nsubj 5
        5 is VBZ appos 0 lemma=be
        6 safe JJ acomp 5
        7 . . punct 5
        8 " '' punct 5
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.COLON, ":", "Okafor")


def test_colon_after_a_sentence_takes_its_subject() -> None:
    """The statement was blunt: "..." with no speech verb: the colon's sentence's subject."""
    b = parsed(
        'The statement was blunt: "The bridge is safe."',
        """
        0 The DT det 1
        1 statement NN nsubj 2
        2 was VBD ROOT 2 lemma=be
        3 blunt JJ acomp 2
        4 : : punct 2
        5 " `` punct 8
        6 The DT det 7
        7 bridge NN nsubj 8
        8 is VBZ ccomp 2 lemma=be
        9 safe JJ acomp 8
        10 . . punct 8
        11 " '' punct 8
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.COLON, ":", "statement")


def test_dash_after_quote_names_the_person_after_it() -> None:
    b = parsed(
        '"We will rebuild." — Commissioner Jane Okafor',
        """
        0 " `` punct 3
        1 We PRP nsubj 3
        2 will MD aux 3
        3 rebuild VB ROOT 3
        4 . . punct 3
        5 " '' punct 3
        6 — : punct 9
        7 Commissioner NNP compound 9
        8 Jane NNP compound 9 ent=PERSON
        9 Okafor NNP ROOT 9 ent=PERSON
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.DASH, "—", "Okafor")


def test_passive_cue_names_its_agent_not_its_subject() -> None:
    b = parsed(
        'She was told by officials: "The bridge is safe."',
        """
        0 She PRP nsubjpass 2
        1 was VBD auxpass 2 lemma=be
        2 told VBN ROOT 2 lemma=tell
        3 by IN agent 2
        4 officials NNS pobj 3 lemma=official
        5 : : punct 2
        6 " `` punct 9
        7 The DT det 8
        8 bridge NN nsubj 9
        9 is VBZ ccomp 2 lemma=be
        10 safe JJ acomp 9
        11 . . punct 9
        12 " '' punct 9
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.VERB, "told", "officials")


def test_conjoined_verb_inherits_the_subject_of_the_first() -> None:
    """Okafor paused and said: "said" has no subject of its own."""
    b = parsed(
        'Okafor paused and said: "It is over."',
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 paused VBD ROOT 1 lemma=pause
        2 and CC cc 1
        3 said VBD conj 1 lemma=say
        4 : : punct 3
        5 " `` punct 7
        6 It PRP nsubj 7
        7 is VBZ ccomp 3 lemma=be
        8 over RB advmod 7
        9 . . punct 7
        10 " '' punct 7
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.VERB, "said", "Okafor")


def test_open_clause_verb_inherits_the_subject_of_its_head() -> None:
    """Okafor went on to say: "say" is an xcomp of "went"."""
    b = parsed(
        'Okafor went on to say: "It is over."',
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 went VBD ROOT 1 lemma=go
        2 on RP prt 1
        3 to TO aux 4
        4 say VB xcomp 1 lemma=say
        5 : : punct 4
        6 " `` punct 8
        7 It PRP nsubj 8
        8 is VBZ ccomp 4 lemma=be
        9 over RB advmod 8
        10 . . punct 8
        11 " '' punct 8
        """,
    )
    subject = subject_of(b.tok("say"), b.index)
    assert subject is not None and subject.i == b.tok("Okafor").i


def test_verb_after_an_adjective_inherits_the_subject_of_its_head() -> None:
    """Okafor is likely to stress: "stress" hangs on "likely", the complement of "is"."""
    b = parsed(
        "Okafor is likely to stress that it is over.",
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 is VBZ ROOT 1 lemma=be
        2 likely JJ acomp 1
        3 to TO aux 4
        4 stress VB xcomp 2 lemma=stress
        5 that IN mark 7
        6 it PRP nsubj 7
        7 is VBZ ccomp 4 lemma=be
        8 over RB advmod 7
        9 . . punct 1
        """,
    )
    subject = subject_of(b.tok("stress"), b.index)
    assert subject is not None and subject.i == b.tok("Okafor").i


TWEETED_SUNDAY = parsed(
    '"We will rebuild," Okafor tweeted Sunday.',
    """
    0 " `` punct 7
    1 We PRP nsubj 3
    2 will MD aux 3
    3 rebuild VB ccomp 7
    4 , , punct 3
    5 " '' punct 7
    6 Okafor NNP npadvmod 7 ent=PERSON
    7 tweeted VBD ROOT 7 lemma=tweet
    8 Sunday NNP nsubj 7 ent=DATE
    9 . . punct 7
    """,
)


def test_time_subject_is_not_a_speaker() -> None:
    """The parser made "Sunday" the subject of "tweeted": a time cannot speak."""
    assert subject_of(TWEETED_SUNDAY.tok("tweeted"), TWEETED_SUNDAY.index) is None


def test_time_subject_gives_way_to_the_name_before_the_verb() -> None:
    b = TWEETED_SUNDAY
    assert summary(b, cue_of(b)) == (CueRule.INVERTED, "tweeted", "Okafor")


def test_subject_in_another_paragraph_is_not_a_speaker() -> None:
    """A byline the parser joined to the sentence under it as its subject."""
    b = parsed(
        'Lisbeth Okafor\n\ntold reporters: "The bridge is safe."',
        """
        0 Lisbeth NNP compound 1 ent=PERSON
        1 Okafor NNP nsubj 2 ent=PERSON
        2 told VBD ROOT 2 lemma=tell
        3 reporters NNS dobj 2 lemma=reporter
        4 : : punct 2
        5 " `` punct 8
        6 The DT det 7
        7 bridge NN nsubj 8
        8 is VBZ ccomp 2 lemma=be
        9 safe JJ acomp 8
        10 . . punct 8
        11 " '' punct 8
        """,
    )
    assert subject_of(b.tok("told"), b.index) is None
    assert summary(b, cue_of(b)) == (CueRule.VERB, "told", None)


def test_verb_without_subject_takes_the_nearest_agent_before_it() -> None:
    """The parse lost the subject of "said": the last organisation before it speaks."""
    b = parsed(
        'Reached by Reuters, the Harbour Authority said: "The bridge is safe."',
        """
        0 Reached VBN advcl 7 lemma=reach
        1 by IN agent 0
        2 Reuters NNP pobj 1 ent=ORG
        3 , , punct 7
        4 the DT det 6
        5 Harbour NNP compound 6 ent=ORG
        6 Authority NNP npadvmod 7 ent=ORG
        7 said VBD ROOT 7 lemma=say
        8 : : punct 7
        9 " `` punct 12
        10 The DT det 11
        11 bridge NN nsubj 12
        12 is VBZ ccomp 7 lemma=be
        13 safe JJ acomp 12
        14 . . punct 12
        15 " '' punct 12
        """,
    )
    assert summary(b, cue_of(b)) == (CueRule.VERB, "said", "Authority")


def test_report_noun_cue_names_its_owner() -> None:
    """ "her claim that ...": the noun is the cue and its possessor the speaker."""
    b = parsed(
        "Okafor stood by her claim that the bridge was safe.",
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 stood VBD ROOT 1 lemma=stand
        2 by IN prep 1
        3 her PRP$ poss 4
        4 claim NN pobj 2
        5 that IN mark 8
        6 the DT det 7
        7 bridge NN nsubj 8
        8 was VBD acl 4 lemma=be
        9 safe JJ acomp 8
        10 . . punct 1
        """,
    )
    (clause,) = reported_clauses(b.index)
    assert clause.cue is not None
    assert summary(b, clause.cue) == (CueRule.NOUN, "claim", "her")
    assert b.chars(clause.start, clause.end) == "the bridge was safe"


def test_report_noun_object_takes_the_subject_of_its_verb() -> None:
    """ "Okafor repeated the claim that ...": with no possessor, who made the claim."""
    b = parsed(
        "Okafor repeated the claim that the bridge was safe.",
        """
        0 Okafor NNP nsubj 1 ent=PERSON
        1 repeated VBD ROOT 1 lemma=repeat
        2 the DT det 3
        3 claim NN dobj 1
        4 that IN mark 7
        5 the DT det 6
        6 bridge NN nsubj 7
        7 was VBD acl 3 lemma=be
        8 safe JJ acomp 7
        9 . . punct 1
        """,
    )
    (clause,) = reported_clauses(b.index)
    assert clause.cue is not None
    assert summary(b, clause.cue) == (CueRule.NOUN, "claim", "Okafor")


# --- surface cues ------------------------------------------------------------------------------


def test_surface_pronoun_before_verb_after_quote() -> None:
    b = surface('"The bridge is safe," he said.')
    cue = surface_cue_of(b)
    assert summary(b, cue) == (CueRule.VERB, "said", "he")
    assert cue is not None and cue.side == "right"


def test_surface_verb_before_name_after_quote_is_inverted() -> None:
    b = surface('"The bridge is safe," said Lisbeth Okafor.')
    assert summary(b, surface_cue_of(b)) == (CueRule.INVERTED, "said", "Lisbeth Okafor")


@pytest.mark.parametrize(
    "verb", ["resumed", "ventured", "queried", "ejaculated", "faltered", "confessed"]
)
def test_surface_dialogue_verbs_of_fiction_cue_a_quote(verb: str) -> None:
    b = surface(f'"Well," {verb} Rose.')
    assert summary(b, surface_cue_of(b)) == (CueRule.INVERTED, verb, "Rose")


@pytest.mark.parametrize("verb", ["apologised", "emphasised", "apologising"])
def test_surface_a_british_spelling_of_a_cue_verb_is_a_cue(verb: str) -> None:
    b = surface(f'"We let you down," Halvorsen {verb}.')
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, verb, "Halvorsen")


def test_surface_name_before_apposition_and_verb() -> None:
    b = surface('"The bridge is safe," Okafor, the mayor, said.')
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, "said", "Okafor")


def test_surface_noun_phrase_opened_by_determiner() -> None:
    b = surface('"The bridge is safe," the senator from Marlow said.')
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, "said", "the senator from Marlow")


def test_surface_a_long_apposition_between_name_and_verb_is_skipped() -> None:
    b = surface(
        '"The bridge is safe," Ines Okafor, a civil engineer at the Marlow Institute of'
        " Technology, told reporters."
    )
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, "told", "Ines Okafor")


def test_surface_going_to_is_not_a_cue() -> None:
    b = surface('Okafor said that whatever the council is going to do, "the bridge is safe."')
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, "said", "Okafor")


@pytest.mark.parametrize(
    "text",
    [
        'Ines Okafor shook her head and said, "The bridge is safe."',
        'Ines Okafor answered the Marlow council by saying, "The bridge is safe."',
        'Ines Okafor spoke in Marlow on Monday, telling reporters, "The bridge is safe."',
    ],
)
def test_surface_the_subject_of_a_joined_verb_opens_the_clause(text: str) -> None:
    """Not the object nearer the cue: "her head and", "the Marlow council by", "Marlow"."""
    b = surface(text)
    assert summary(b, surface_cue_of(b))[2] == "Ines Okafor"


def test_surface_a_weekday_is_not_a_speaker() -> None:
    b = surface('"The bridge is safe," Thursday said.')
    cue = surface_cue_of(b)
    assert cue is not None and cue.phrase is None


def test_surface_a_phrase_opened_by_a_quantifier() -> None:
    b = surface('Another engineer answered, "The bridge is safe."')
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, "answered", "Another engineer")


def test_surface_a_clause_after_the_verb_is_not_its_speaker() -> None:
    b = surface('"The bridge is safe," suggesting that the council was right.')
    cue = surface_cue_of(b)
    assert cue is not None and cue.phrase is None


def test_surface_words_between_name_and_verb_are_skipped() -> None:
    b = surface('"The bridge is safe," Okafor has also said.')
    assert summary(b, surface_cue_of(b)) == (CueRule.VERB, "said", "Okafor")


def test_surface_verb_before_quote_with_colon() -> None:
    b = surface('He said: "The bridge is safe."')
    cue = surface_cue_of(b)
    assert summary(b, cue) == (CueRule.VERB, "said", "He")
    assert cue is not None and cue.side == "left"


@pytest.mark.parametrize(
    "cue", ["Jones said:", "He added:", "Omar Haddad said:", "Ms Ruiz told reporters:"]
)
def test_surface_a_short_cue_ending_in_a_colon_opens_the_next_quote(cue: str) -> None:
    b = surface(f'Smith said: "We lost." {cue} "We will try."')
    cue_match = surface_cue_of(b)
    assert summary(b, cue_match) == (CueRule.VERB, "said", "Smith")
    assert cue_match is not None and cue_match.side == "left"


def test_surface_colon_after_name_without_verb() -> None:
    b = surface('Okafor: "The bridge is safe."')
    assert summary(b, surface_cue_of(b)) == (CueRule.COLON, ":", "Okafor")


def test_surface_according_to_after_quote() -> None:
    b = surface('"The bridge is safe," according to Lisbeth Okafor.')
    cue = surface_cue_of(b)
    assert summary(b, cue) == (CueRule.ACCORDING_TO, "according to", "Lisbeth Okafor")
    assert cue is not None and cue.side == "right"


def test_surface_according_to_before_quote() -> None:
    b = surface('According to Lisbeth Okafor, "the bridge is safe."')
    cue = surface_cue_of(b)
    assert summary(b, cue) == (CueRule.ACCORDING_TO, "According to", "Lisbeth Okafor")
    assert cue is not None and cue.side == "left"
