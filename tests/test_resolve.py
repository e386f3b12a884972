"""Who a speaker's words stand for: the Resolver (with a parse) and Names (the fast mode).

No trained pipeline is loaded: the Resolver reads hand-built parses (tests/docs_builder.py),
Names reads the tokens of spaCy's blank English tokenizer.
"""

from __future__ import annotations

import pytest

from docs_builder import Built, parsed, surface
from quoteattr._core.cued import cued_rule
from quoteattr._people.names import Names
from quoteattr._people.resolve import Resolver
from quoteattr._types import EntityKind, Mention, Rule, Speaker


def resolver(b: Built) -> Resolver:
    return Resolver(b.index)


def names(b: Built) -> Names:
    """The fast mode's people of a document, read outside its quotes as SurfaceEvidence does."""
    return Names(b.index, b.text, [(s.outer_start, s.outer_end) for s in b.spans])


def mention(b: Built, word: str, nth: int = 0, words: int = 1) -> Mention:
    """The Mention of `words` tokens from the nth token written word."""
    tok = b.tok(word, nth)
    span = b.doc[tok.i : tok.i + words]
    return Mention(text=span.text, start=span.start_char, end=span.end_char)


# --- Resolver: canonical names ----------------------------------------------------------------

OKAFOR_LATER = parsed(
    "Jane Okafor opened the bridge. Later Okafor spoke.",
    """
    0 Jane NNP compound 1 ent=PERSON
    1 Okafor NNP nsubj 2 ent=PERSON
    2 opened VBD ROOT 2 lemma=open
    3 the DT det 4
    4 bridge NN dobj 2
    5 . . punct 2
    6 Later RB advmod 8
    7 Okafor NNP nsubj 8 ent=PERSON
    8 spoke VBD ROOT 8 lemma=speak
    9 . . punct 8
    """,
)


def test_canonical_is_the_fullest_name_the_document_gives() -> None:
    r = resolver(OKAFOR_LATER)
    assert r.forms.canonical(("Okafor",), OKAFOR_LATER.tok("Okafor", 1).i) == "Jane Okafor"


# "Sir Henry Vane rode in.", the sentence that names him in the tests below
VANE_RODE = """
    0 Sir NNP compound 2 ent=PERSON
    1 Henry NNP compound 2 ent=PERSON
    2 Vane NNP nsubj 3 ent=PERSON
    3 rode VBD ROOT 3 lemma=ride
    4 in RP prt 3
    5 . . punct 3
"""
SIR_HENRY = parsed(
    "Sir Henry Vane rode in. Later Vane spoke.",
    VANE_RODE
    + """
    6 Later RB advmod 8
    7 Vane NNP nsubj 8 ent=PERSON
    8 spoke VBD ROOT 8 lemma=speak
    9 . . punct 8
    """,
)


def test_a_name_always_written_with_a_title_of_address_keeps_it() -> None:
    assert (
        resolver(SIR_HENRY).forms.canonical(("Vane",), SIR_HENRY.tok("Vane", 1).i)
        == "Sir Henry Vane"
    )


SENATOR_THEN_BARE = parsed(
    "Sen. Ann Bly spoke. Ann Bly left.",
    """
    0 Sen. NNP compound 2
    1 Ann NNP compound 2 ent=PERSON
    2 Bly NNP nsubj 3 ent=PERSON
    3 spoke VBD ROOT 3 lemma=speak
    4 . . punct 3
    5 Ann NNP compound 6 ent=PERSON
    6 Bly NNP nsubj 7 ent=PERSON
    7 left VBD ROOT 7 lemma=leave
    8 . . punct 7
    """,
)


def test_an_office_or_a_name_also_written_bare_drops_the_title() -> None:
    r = resolver(SENATOR_THEN_BARE)
    assert r.forms.canonical(("Bly",), 6) == "Ann Bly"
    also_bare = parsed(
        "Sir Henry Vane rode in. Henry Vane spoke.",
        VANE_RODE
        + """
        6 Henry NNP compound 7 ent=PERSON
        7 Vane NNP nsubj 8 ent=PERSON
        8 spoke VBD ROOT 8 lemma=speak
        9 . . punct 8
        """,
    )
    assert resolver(also_bare).forms.canonical(("Vane",), 7) == "Henry Vane"


def test_a_surname_speaks_as_the_full_name() -> None:
    b = OKAFOR_LATER
    speaker = resolver(b).speaker(b.tok("Okafor", 1))
    assert speaker == Speaker(name="Jane Okafor", mention=mention(b, "Okafor", 1), entity="person")


def _namesakes(title: str) -> Built:
    """Hilda Brannock met Oscar Brannock. {title} Brannock spoke."""
    rows = """
        0 Hilda NNP compound 1 ent=PERSON
        1 Brannock NNP nsubj 2 ent=PERSON
        2 met VBD ROOT 2 lemma=meet
        3 Oscar NNP compound 4 ent=PERSON
        4 Brannock NNP dobj 2 ent=PERSON
        5 . . punct 2
    """
    k = 6
    if title:
        rows += f"6 {title} NNP compound 7\n"
        k = 7
    rows += f"""
        {k} Brannock NNP nsubj {k + 1} ent=PERSON
        {k + 1} spoke VBD ROOT {k + 1} lemma=speak
        {k + 2} . . punct {k + 1}
    """
    named = f"{title} Brannock" if title else "Brannock"
    return parsed(f"Hilda Brannock met Oscar Brannock. {named} spoke.", rows)


@pytest.mark.parametrize(
    ("title", "name"),
    [("Mrs", "Hilda Brannock"), ("Mr", "Oscar Brannock")],
)
def test_a_title_picks_the_namesake_of_its_gender(title: str, name: str) -> None:
    """The first names' genders come from data/first_names.tsv."""
    b = _namesakes(title)
    assert resolver(b).speaker(b.tok("Brannock", 2)).name == name


def test_without_a_title_a_shared_surname_is_the_namesake_of_the_last_sentence_naming_one() -> None:
    """Of the namesakes in that sentence, the one in the most salient place: the subject."""
    b = _namesakes("")
    assert resolver(b).speaker(b.tok("Brannock", 2)).name == "Hilda Brannock"
    later = parsed(
        "Hilda Brannock sat. Oscar Brannock ran. Brannock spoke.",
        """
        0 Hilda NNP compound 1 ent=PERSON
        1 Brannock NNP nsubj 2 ent=PERSON
        2 sat VBD ROOT 2 lemma=sit
        3 . . punct 2
        4 Oscar NNP compound 5 ent=PERSON
        5 Brannock NNP nsubj 6 ent=PERSON
        6 ran VBD ROOT 6 lemma=run
        7 . . punct 6
        8 Brannock NNP nsubj 9 ent=PERSON
        9 spoke VBD ROOT 9 lemma=speak
        10 . . punct 9
        """,
    )
    assert resolver(later).speaker(later.tok("Brannock", 2)).name == "Oscar Brannock"


# --- Resolver: pronouns, roles and nominals ---------------------------------------------------


def _met(pronoun: str) -> Built:
    return parsed(
        f"Tom Reed met Hilda Brannock. {pronoun} nodded.",
        f"""
        0 Tom NNP compound 1 ent=PERSON
        1 Reed NNP nsubj 2 ent=PERSON
        2 met VBD ROOT 2 lemma=meet
        3 Hilda NNP compound 4 ent=PERSON
        4 Brannock NNP dobj 2 ent=PERSON
        5 . . punct 2
        6 {pronoun} PRP nsubj 7
        7 nodded VBD ROOT 7 lemma=nod
        8 . . punct 7
        """,
    )


def test_fast_run_opening_with_other_words_is_the_most_written_name_it_ends_with() -> None:
    """A capitalised run may open with words that are no part of the name (NameForms with
    unsure starts): "Peru Jane Okafor" after "envoy to" is Jane Okafor, written twice."""
    b = surface("The envoy to Peru Jane Okafor spoke. Jane Okafor left. Jane Okafor won.")
    found = names(b)
    assert found.forms.canonical(("Peru", "Jane", "Okafor"), b.tok("Peru").idx) == "Jane Okafor"
    assert found.forms.canonical(("Okafor",), len(b.text)) == "Jane Okafor"


def test_fast_one_word_is_a_surname_only_of_the_names_it_ends() -> None:
    """ "Trump" is not "Trump Plaza", which it opens, though the text writes both as often."""
    b = surface("Donald Trump spoke at Trump Plaza. Later Trump left.")
    found = names(b)
    assert found.forms.canonical(("Trump",), b.tok("Trump", 2).idx) == "Donald Trump"
    assert found.forms.surname_of_someone("Plaza")
    assert not found.forms.surname_of_someone("Donald")


def test_fast_title_chooses_the_fuller_name_of_its_gender() -> None:
    """ "Mrs. Brannock" after Tom and Hilda Brannock is Hilda, though Tom was named last."""
    b = surface("Hilda Brannock met Tom Brannock. Mrs. Brannock said no.")
    mrs, brannock = b.tok("Mrs."), b.tok("Brannock", 2)
    speaker = names(b).speaker(mrs.i, brannock.i + 1)
    assert speaker == Speaker(
        name="Hilda Brannock", mention=mention(b, "Mrs.", words=2), entity="person"
    )
    assert cued_rule(speaker) is Rule.NAMED


@pytest.mark.parametrize(("pronoun", "name"), [("She", "Hilda Brannock"), ("He", "Tom Reed")])
def test_pronoun_stands_for_the_person_of_its_gender(pronoun: str, name: str) -> None:
    """The subject (Tom Reed) comes first, but "She" skips him for the woman after him."""
    b = _met(pronoun)
    speaker = resolver(b).speaker(b.tok(pronoun))
    assert speaker == Speaker(name=name, mention=mention(b, pronoun), entity="person")
    assert cued_rule(speaker) is Rule.PRONOUN


def test_pronoun_with_no_one_before_is_unresolved() -> None:
    b = parsed(
        "She nodded.",
        """
        0 She PRP nsubj 1
        1 nodded VBD ROOT 1 lemma=nod
        2 . . punct 1
        """,
    )
    speaker = resolver(b).speaker(b.tok("She"))
    assert speaker == Speaker(name=None, mention=mention(b, "She"), entity="other")
    assert cued_rule(speaker) is Rule.UNRESOLVED


def test_role_noun_stands_for_the_person_given_that_role() -> None:
    """ "Jane Okafor, the ambassador, ..." then "the ambassador spoke"."""
    b = parsed(
        "Jane Okafor, the ambassador, arrived. Later the ambassador spoke.",
        """
        0 Jane NNP compound 1 ent=PERSON
        1 Okafor NNP nsubj 6 ent=PERSON
        2 , , punct 1
        3 the DT det 4
        4 ambassador NN appos 1
        5 , , punct 1
        6 arrived VBD ROOT 6 lemma=arrive
        7 . . punct 6
        8 Later RB advmod 11
        9 the DT det 10
        10 ambassador NN nsubj 11
        11 spoke VBD ROOT 11 lemma=speak
        12 . . punct 11
        """,
    )
    speaker = resolver(b).speaker(b.tok("ambassador", 1))
    assert speaker == Speaker(
        name="Jane Okafor",
        mention=mention(b, "the", 1, words=2),
        role="the ambassador",
        entity="person",
    )


def test_abbreviated_title_gives_its_noun_as_a_role() -> None:
    """ "Dr. Okafor" is "the doctor" (data/titles.txt)."""
    b = parsed(
        "Dr. Okafor arrived. Later the doctor spoke.",
        """
        0 Dr. NNP compound 1
        1 Okafor NNP nsubj 2 ent=PERSON
        2 arrived VBD ROOT 2 lemma=arrive
        3 . . punct 2
        4 Later RB advmod 7
        5 the DT det 6
        6 doctor NN nsubj 7
        7 spoke VBD ROOT 7 lemma=speak
        8 . . punct 7
        """,
    )
    assert resolver(b).speaker(b.tok("doctor")).name == "Dr. Okafor"


GIRL = parsed(
    "A girl came to the gate. Later the girl spoke. She smiled.",
    """
    0 A DT det 1
    1 girl NN nsubj 2
    2 came VBD ROOT 2 lemma=come
    3 to IN prep 2
    4 the DT det 5
    5 gate NN pobj 3
    6 . . punct 2
    7 Later RB advmod 10
    8 the DT det 9
    9 girl NN nsubj 10
    10 spoke VBD ROOT 10 lemma=speak
    11 . . punct 10
    12 She PRP nsubj 13
    13 smiled VBD ROOT 13 lemma=smile
    14 . . punct 13
    """,
)


def test_nominal_is_the_person_the_text_brought_in_with_that_noun() -> None:
    """ "A girl ... the girl": no name, so the words the narration goes on to call her by
    name her."""
    speaker = resolver(GIRL).speaker(GIRL.tok("girl", 1))
    assert speaker == Speaker(
        name="the girl", mention=mention(GIRL, "the", 1, words=2), entity="other"
    )


def test_pronoun_can_stand_for_a_nominal_of_its_gender() -> None:
    assert resolver(GIRL).speaker(GIRL.tok("She")).name == "the girl"


# --- Names: the fast mode's people -------------------------------------------------------------


def spoken(b: Built, first: int, end: int) -> tuple[Speaker, Rule]:
    """The speaker the fast mode finds in the tokens [first, end), and the rule it names."""
    speaker = names(b).speaker(first, end)
    return speaker, cued_rule(speaker)


def test_fast_canonical_is_the_fullest_capitalised_run() -> None:
    b = surface("Jane Okafor opened the bridge. Later Okafor spoke.")
    okafor = b.tok("Okafor", 1)
    assert names(b).forms.canonical(("Okafor",), okafor.idx) == "Jane Okafor"
    assert spoken(b, okafor.i, okafor.i + 1) == (
        Speaker(name="Jane Okafor", mention=mention(b, "Okafor", 1), entity="person"),
        Rule.NAMED,
    )


@pytest.mark.parametrize(("pronoun", "name"), [("She", "Hilda Brannock"), ("He", "Tom Reed")])
def test_fast_pronoun_is_the_last_person_of_its_gender(pronoun: str, name: str) -> None:
    """Genders come from the titles: Mr Reed, named last, is not "she"."""
    b = surface(f"Mrs Hilda Brannock met Mr Tom Reed. {pronoun} nodded.")
    tok = b.tok(pronoun)
    assert spoken(b, tok.i, tok.i + 1) == (
        Speaker(name=name, mention=mention(b, pronoun), entity="person"),
        Rule.PRONOUN,
    )


def test_fast_pronoun_prefers_the_last_person_shown_speaking() -> None:
    b = surface("Tom Reed said hello to Sam Kato. He left.")
    assert names(b).last_person_before(b.tok("He")) == "Tom Reed"


def test_fast_pronoun_with_no_one_before_is_unresolved() -> None:
    b = surface("She nodded.")
    assert spoken(b, 0, 1) == (
        Speaker(name=None, mention=mention(b, "She"), entity="other"),
        Rule.UNRESOLVED,
    )


def test_fast_organisation_words_make_an_organisation() -> None:
    """ "the Ministry of Health said": "Ministry" is in data/organisation_words.txt."""
    b = surface('"The bridge is safe," the Ministry of Health said.')
    the, health = b.tok("the"), b.tok("Health")
    speaker, rule = spoken(b, the.i, health.i + 1)
    assert (speaker.name, speaker.entity, rule) == (
        "Ministry of Health",
        EntityKind.ORGANISATION,
        Rule.GROUP,
    )
    assert speaker.mention == mention(b, "the", 0, words=4)


def test_fast_unknown_capitalised_word_opening_a_sentence_is_a_group() -> None:
    """ "Officials said": one capitalised word, no fuller name for it, at a sentence start."""
    b = surface("Officials said so.")
    assert spoken(b, 0, 1) == (
        Speaker(name="Officials", mention=mention(b, "Officials"), entity="other"),
        Rule.GROUP,
    )


def test_a_subject_pronoun_in_the_narration_keeps_its_person_salient() -> None:
    b = parsed(
        "Zed Ruiz spoke. He praised Quen Lee, who he said was right.",
        """
        0 Zed NNP compound 1 ent=PERSON
        1 Ruiz NNP nsubj 2 ent=PERSON
        2 spoke VBD ROOT 2 lemma=speak
        3 . . punct 2
        4 He PRP nsubj 5
        5 praised VBD ROOT 5 lemma=praise
        6 Quen NNP compound 7 ent=PERSON
        7 Lee NNP dobj 5 ent=PERSON
        8 , , punct 7
        9 who WP nsubj 12
        10 he PRP nsubj 11
        11 said VBD parataxis 12 lemma=say
        12 was VBD relcl 7 lemma=be
        13 right JJ acomp 12
        14 . . punct 5
        """,
    )
    assert resolver(b).antecedents.antecedent(b.tok("he")) == "Zed Ruiz"


def test_a_quoted_name_the_parse_hangs_on_a_noun_outside_the_quote_gives_it_no_role() -> None:
    """'said the old man; "his name's George."': the parse puts "'s George" in apposition
    to "man"; the old man is not George, and George's name has no "s"."""
    b = parsed(
        '"Hello," said the old man; "his name\'s George." Later the old man spoke.',
        """
        0 " `` punct 3
        1 Hello UH intj 3
        2 , , punct 3
        3 " '' punct 4
        4 said VBD ROOT 4 lemma=say
        5 the DT det 7
        6 old JJ amod 7
        7 man NN nsubj 4
        8 ; : punct 7
        9 " `` punct 12
        10 his PRP$ poss 11
        11 name NN nsubj 12
        12 's POS appos 7 ent=PERSON
        13 George NNP appos 7 ent=PERSON
        14 . . punct 4
        15 " '' punct 4
        16 Later RB advmod 20
        17 the DT det 19
        18 old JJ amod 19
        19 man NN nsubj 20
        20 spoke VBD ROOT 20 lemma=speak
        21 . . punct 20
        """,
    )
    found = resolver(b)
    assert found.speaker(b.tok("George")).name == "George"
    assert found.speaker(b.tok("man", 1)).name == "the old man"


def test_a_nominal_keeps_the_words_a_shorter_later_description_leaves_out() -> None:
    """ "A young woman ... the woman": "the woman" would drop what the text said of her."""
    b = parsed(
        "A young woman waved. Later the woman spoke.",
        """
        0 A DT det 2
        1 young JJ amod 2
        2 woman NN nsubj 3
        3 waved VBD ROOT 3 lemma=wave
        4 . . punct 3
        5 Later RB advmod 8
        6 the DT det 7
        7 woman NN nsubj 8
        8 spoke VBD ROOT 8 lemma=speak
        9 . . punct 8
        """,
    )
    assert resolver(b).speaker(b.tok("woman", 1)).name == "A young woman"


def test_a_pronoun_does_not_stand_for_a_name_in_its_own_clause() -> None:
    """ "To Okafor she was a stranger": she is someone else; but in a topic, "As for Okafor,
    she ...", she is Okafor."""
    b = parsed(
        "Ana Lee waited. To Okafor she was a stranger. As for Okafor, she left.",
        """
        0 Ana NNP compound 1 ent=PERSON
        1 Lee NNP nsubj 2 ent=PERSON
        2 waited VBD ROOT 2 lemma=wait
        3 . . punct 2
        4 To IN prep 7
        5 Okafor NNP pobj 4 ent=PERSON
        6 she PRP nsubj 7
        7 was VBD ROOT 7 lemma=be pos=AUX
        8 a DT det 9
        9 stranger NN attr 7
        10 . . punct 7
        11 As IN prep 16
        12 for IN prep 11
        13 Okafor NNP pobj 12 ent=PERSON
        14 , , punct 16
        15 she PRP nsubj 16
        16 left VBD ROOT 16 lemma=leave
        17 . . punct 16
        """,
    )
    found = resolver(b)
    assert found.speaker(b.tok("she")).name == "Ana Lee"
    assert found.speaker(b.tok("she", 1)).name == "Okafor"


def test_what_a_quote_calls_someone_is_not_the_narrations_word_for_them() -> None:
    """'A man sat down. "I know Gibson the dry goods man," he said.': the man is not
    Gibson, whom only the quote calls a man."""
    b = parsed(
        'A man sat down. "I know Gibson the dry goods man," he said.',
        """
        0 A DT det 1
        1 man NN nsubj 2
        2 sat VBD ROOT 2 lemma=sit
        3 down RP prt 2
        4 . . punct 2
        5 " `` punct 16
        6 I PRP nsubj 7
        7 know VBP ccomp 16
        8 Gibson NNP dobj 7 ent=PERSON
        9 the DT det 12
        10 dry JJ amod 12
        11 goods NNS compound 12
        12 man NN appos 8
        13 , , punct 16
        14 " '' punct 16
        15 he PRP nsubj 16
        16 said VBD ROOT 16 lemma=say
        17 . . punct 16
        """,
    )
    assert resolver(b).speaker(b.tok("he")).name == "A man"


def test_a_voice_is_the_person_it_belongs_to() -> None:
    """ "the voice of John Reed" speaks as John Reed."""
    b = parsed(
        "The voice of John Reed called.",
        """
        0 The DT det 1
        1 voice NN nsubj 5
        2 of IN prep 1
        3 John NNP compound 4 ent=PERSON
        4 Reed NNP pobj 2 ent=PERSON
        5 called VBD ROOT 5 lemma=call
        6 . . punct 5
        """,
    )
    speaker = resolver(b).speaker(b.tok("voice"))
    assert (speaker.name, speaker.mention) == ("John Reed", mention(b, "The", words=5))


def test_a_title_word_that_is_the_name_is_not_its_title() -> None:
    """ "Mr Pope": Pope is the name, and Mr its title; not "Pope Pope"."""
    b = parsed(
        "Mr Pope tells us so.",
        """
        0 Mr NNP compound 1
        1 Pope NNP nsubj 2 ent=PERSON
        2 tells VBZ ROOT 2 lemma=tell
        3 us PRP dobj 2
        4 so RB advmod 2
        5 . . punct 2
        """,
    )
    assert resolver(b).speaker(b.tok("Pope")).name == "Mr Pope"


def test_sisters_a_text_sets_side_by_side_by_title_stay_apart() -> None:
    """'"Ready, Miss Jemima?" asked Miss Pinkerton.': the text tells the sisters apart by
    "Miss" and a first name against "Miss" and the surname; Miss Pinkerton is not Jemima."""
    b = parsed(
        'Jemima Pinkerton came in. "Ready, Miss Jemima?" asked Miss Pinkerton.',
        """
        0 Jemima NNP compound 1 ent=PERSON
        1 Pinkerton NNP nsubj 2 ent=PERSON
        2 came VBD ROOT 2 lemma=come
        3 in RB advmod 2
        4 . . punct 2
        5 " `` punct 12
        6 Ready JJ ccomp 12
        7 , , punct 6
        8 Miss NNP compound 9
        9 Jemima NNP npadvmod 6 ent=PERSON
        10 ? . punct 6
        11 " '' punct 12
        12 asked VBD ROOT 12 lemma=ask
        13 Miss NNP compound 14
        14 Pinkerton NNP nsubj 12 ent=PERSON
        15 . . punct 12
        """,
    )
    found = resolver(b)
    assert found.speaker(b.tok("Pinkerton", 1)).name == "Miss Pinkerton"
    assert found.speaker(b.tok("Jemima", 1)).name == "Jemima Pinkerton"


@pytest.mark.parametrize(
    ("later", "rows"),
    [
        (
            "Ravel said no.",
            "12 Ravel NNP nsubj 13\n 13 said VBD ROOT 13 lemma=say\n 14 no UH dobj 13",
        ),
        ("Mr Ravel left.", "12 Mr NNP compound 13\n 13 Ravel NNP nsubj 14\n 14 left VBD ROOT 14"),
    ],
)
def test_a_name_the_recogniser_missed_is_a_person_if_it_speaks_or_has_a_title(
    later: str, rows: str
) -> None:
    """ "Ravel", never tagged, is a person once the text has him speak or calls him "Mr": the
    "he" of the sentence after "Ravel came in" is Ravel, not the Tom Reed named before."""
    b = parsed(
        f"Tom Reed waited. Ravel came in. He sat down. {later}",
        """
        0 Tom NNP compound 1 ent=PERSON
        1 Reed NNP nsubj 2 ent=PERSON
        2 waited VBD ROOT 2 lemma=wait
        3 . . punct 2
        4 Ravel NNP nsubj 5
        5 came VBD ROOT 5 lemma=come
        6 in RP prt 5
        7 . . punct 5
        8 He PRP nsubj 9
        9 sat VBD ROOT 9 lemma=sit
        10 down RP prt 9
        11 . . punct 9
        """
        + rows
        + "\n15 . . punct 14",
    )
    assert resolver(b).antecedents.antecedent(b.tok("He")) == "Ravel"


def test_the_end_of_a_name_the_recogniser_missed_is_no_person_of_its_own() -> None:
    """'the Union Leader said': "Leader" speaks, but as the end of a longer name."""
    b = parsed(
        "Tom Reed waited. The Union Leader said so. He sat down.",
        """
        0 Tom NNP compound 1 ent=PERSON
        1 Reed NNP nsubj 2 ent=PERSON
        2 waited VBD ROOT 2 lemma=wait
        3 . . punct 2
        4 The DT det 6
        5 Union NNP compound 6
        6 Leader NNP nsubj 7
        7 said VBD ROOT 7 lemma=say
        8 so RB advmod 7
        9 . . punct 7
        10 He PRP nsubj 11
        11 sat VBD ROOT 11 lemma=sit
        12 down RP prt 11
        13 . . punct 11
        """,
    )
    assert resolver(b).antecedents.antecedent(b.tok("He")) == "Tom Reed"


def test_a_name_the_recogniser_tags_a_person_more_often_is_one_where_it_tags_a_place() -> None:
    """The recogniser tags "Rose" a PERSON twice and a LOC once: the "she" after the LOC is
    Rose."""
    b = parsed(
        "Rose came. Rose sat. Ann Reed waved. We obeyed Rose. She smiled.",
        """
        0 Rose NNP nsubj 1 ent=PERSON
        1 came VBD ROOT 1 lemma=come
        2 . . punct 1
        3 Rose NNP nsubj 4 ent=PERSON
        4 sat VBD ROOT 4 lemma=sit
        5 . . punct 4
        6 Ann NNP compound 7 ent=PERSON
        7 Reed NNP nsubj 8 ent=PERSON
        8 waved VBD ROOT 8 lemma=wave
        9 . . punct 8
        10 We PRP nsubj 11
        11 obeyed VBD ROOT 11 lemma=obey
        12 Rose NNP dobj 11 ent=LOC
        13 . . punct 11
        14 She PRP nsubj 15
        15 smiled VBD ROOT 15 lemma=smile
        16 . . punct 15
        """,
    )
    assert resolver(b).antecedents.antecedent(b.tok("She")) == "Rose"


def test_a_kinship_noun_before_a_name_is_no_title() -> None:
    """'my sister Rose' is Rose: "sister" in lower case is what she is, not her title."""
    b = parsed(
        "It was my sister Rose. Rose laughed.",
        """
        0 It PRP nsubj 1
        1 was VBD ROOT 1 lemma=be
        2 my PRP$ poss 3
        3 sister NN attr 1
        4 Rose NNP appos 3 ent=PERSON
        5 . . punct 1
        6 Rose NNP nsubj 7 ent=PERSON
        7 laughed VBD ROOT 7 lemma=laugh
        8 . . punct 7
        """,
    )
    assert resolver(b).speaker(b.tok("Rose", 1)).name == "Rose"


def test_a_pronoun_does_not_stand_for_the_person_its_quote_speaks_to() -> None:
    """'"Come, Fergus," said he' after Tom Lee and Fergus Reed: he is Tom Lee."""
    b = parsed(
        "Tom Lee sat. Fergus Reed came. He smiled.",
        """
        0 Tom NNP compound 1 ent=PERSON
        1 Lee NNP nsubj 2 ent=PERSON
        2 sat VBD ROOT 2 lemma=sit
        3 . . punct 2
        4 Fergus NNP compound 5 ent=PERSON
        5 Reed NNP nsubj 6 ent=PERSON
        6 came VBD ROOT 6 lemma=come
        7 . . punct 6
        8 He PRP nsubj 9
        9 smiled VBD ROOT 9 lemma=smile
        10 . . punct 9
        """,
    )
    he = b.tok("He")
    assert resolver(b).antecedents.antecedent(he) == "Fergus Reed"
    assert resolver(b).antecedents.antecedent(he, frozenset({"Fergus Reed"})) == "Tom Lee"
    assert resolver(b).speaker(he, frozenset({"Fergus Reed"})).name == "Tom Lee"


def test_a_name_tagged_as_a_place_that_speaks_is_a_person() -> None:
    """'said the burly Moze' with "Moze" tagged LOC: the speaker is Moze, a person."""
    b = parsed(
        '"Wait," said the burly Moze.',
        """
        0 " `` punct 4
        1 Wait VB ccomp 4 lemma=wait
        2 , , punct 4
        3 " '' punct 4
        4 said VBD ROOT 4 lemma=say
        5 the DT det 7
        6 burly JJ amod 7
        7 Moze NNP nsubj 4 ent=LOC
        8 . . punct 4
        """,
    )
    speaker = resolver(b).speaker(b.tok("Moze"))
    assert (speaker.name, speaker.entity) == ("Moze", EntityKind.PERSON)


MONTRAVILLE = """
    0 " `` punct 4
    1 Wait VB ccomp 4 lemma=wait
    2 , , punct 4
    3 " '' punct 4
    4 said VBD ROOT 4 lemma=say
    5 Montraville NNP nsubj 4 ent=ORG
    6 . . punct 4
    7 " `` punct 11
    8 No UH intj 11
    9 , , punct 11
    10 " '' punct 11
    11 said VBD ROOT 11 lemma=say
    12 Montraville NNP nsubj 11 ent=ORG
    13 . . punct 11
    """


def test_a_name_that_speaks_after_its_verb_twice_is_a_person_whatever_its_label() -> None:
    """'"Wait," said Montraville.' twice, "Montraville" tagged ORG both times: a person, as
    in a novel; "Google said" (the name before its verb) is how news has organisations
    speak, and stays one."""
    b = parsed('"Wait," said Montraville. "No," said Montraville.', MONTRAVILLE)
    speaker = resolver(b).speaker(b.tok("Montraville", 1))
    assert (speaker.name, speaker.entity) == ("Montraville", EntityKind.PERSON)
    google = parsed(
        "Google said so. Google said no.",
        """
        0 Google NNP nsubj 1 ent=ORG
        1 said VBD ROOT 1 lemma=say
        2 so RB advmod 1
        3 . . punct 1
        4 Google NNP nsubj 5 ent=ORG
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        """,
    )
    assert resolver(google).speaker(google.tok("Google", 1)).entity is not EntityKind.PERSON


@pytest.mark.parametrize(
    ("text", "rows", "pronoun", "name"),
    [
        (  # "Down, down, down.": an adverb
            "Ann Reed fell. Down, down. She wept.",
            """
            0 Ann NNP compound 1 ent=PERSON
            1 Reed NNP nsubj 2 ent=PERSON
            2 fell VBD ROOT 2 lemma=fall
            3 . . punct 2
            4 Down RB ROOT 4 ent=PERSON
            5 , , punct 4
            6 down RB advmod 4
            7 . . punct 4
            8 She PRP nsubj 9
            9 wept VBD ROOT 9 lemma=weep
            10 . . punct 9
            """,
            "She",
            "Ann Reed",
        ),
        (  # an adjective the parse uses as one
            "Tom Reed fought. It was Homeric. He wept.",
            """
            0 Tom NNP compound 1 ent=PERSON
            1 Reed NNP nsubj 2 ent=PERSON
            2 fought VBD ROOT 2 lemma=fight
            3 . . punct 2
            4 It PRP nsubj 5
            5 was VBD ROOT 5 lemma=be
            6 Homeric JJ acomp 5 ent=PERSON
            7 . . punct 5
            8 He PRP nsubj 9
            9 wept VBD ROOT 9 lemma=weep
            10 . . punct 9
            """,
            "He",
            "Tom Reed",
        ),
        (  # a sound said again in lower case
            "Ann Reed stirred. Chirk, chirk, it went. She sighed.",
            """
            0 Ann NNP compound 1 ent=PERSON
            1 Reed NNP nsubj 2 ent=PERSON
            2 stirred VBD ROOT 2 lemma=stir
            3 . . punct 2
            4 Chirk NNP npadvmod 9 ent=PERSON
            5 , , punct 9
            6 chirk NN npadvmod 9
            7 , , punct 9
            8 it PRP nsubj 9
            9 went VBD ROOT 9 lemma=go
            10 . . punct 9
            11 She PRP nsubj 12
            12 sighed VBD ROOT 12 lemma=sigh
            13 . . punct 12
            """,
            "She",
            "Ann Reed",
        ),
    ],
)
def test_a_person_tag_on_words_that_cannot_be_a_name_is_no_one(
    text: str, rows: str, pronoun: str, name: str
) -> None:
    """The words "Down", "Homeric" and the first "Chirk" are tagged PERSON: the pronoun after each
    still stands for the person named before."""
    b = parsed(text, rows)
    assert resolver(b).antecedents.antecedent(b.tok(pronoun)) == name


# --- Resolver: what the narration says a named person is ------------------------------------


def _midwife(predicate: str, rows: str) -> Built:
    """ "Rosa Vance <predicate>. The <noun> said no." with the predicate's rows given."""
    noun = predicate.split()[-1]
    return parsed(
        f"Rosa Vance {predicate}. The {noun} said no.",
        """
        0 Rosa NNP compound 1 ent=PERSON
        """
        + rows,
    )


def _said_no(
    first: int, noun: str, root: int, tag: str = "NN", adjectives: tuple[str, ...] = ()
) -> str:
    """The rows of ". The <adjectives> <noun> said no." from row first, after a sentence
    whose root is row root."""
    at = first + 2 + len(adjectives)  # the noun's row
    modifiers = "".join(f"{first + 2 + k} {a} JJ amod {at}\n" for k, a in enumerate(adjectives))
    return f"""
        {first} . . punct {root}
        {first + 1} The DT det {at}
        {modifiers}
        {at} {noun} {tag} nsubj {at + 1}
        {at + 1} said VBD ROOT {at + 1} lemma=say
        {at + 2} no UH dobj {at + 1}
        {at + 3} . . punct {at + 1}
        """


@pytest.mark.parametrize(
    ("predicate", "rows", "expected"),
    [
        (  # a copula's predicate is what the text says she is
            "had been a midwife",
            """
            1 Vance NNP nsubj 3 ent=PERSON
            2 had VBD aux 3 lemma=have
            3 been VBN ROOT 3 lemma=be
            4 a DT det 5
            5 midwife NN attr 3
            """
            + _said_no(6, "midwife", 3),
            "Rosa Vance",
        ),
        (  # not what it says she is not
            "was not a midwife",
            """
            1 Vance NNP nsubj 2 ent=PERSON
            2 was VBD ROOT 2 lemma=be
            3 not RB neg 2
            4 a DT det 5
            5 midwife NN attr 2
            """
            + _said_no(6, "midwife", 2),
            "The midwife",
        ),
        (  # a noun that says only sex or age gives no role: "the woman" may be anyone
            "was a tall woman",
            """
            1 Vance NNP nsubj 2 ent=PERSON
            2 was VBD ROOT 2 lemma=be
            3 a DT det 5
            4 tall JJ amod 5
            5 woman NN attr 2
            """
            + _said_no(6, "woman", 2),
            "The woman",
        ),
    ],
)
def test_a_definite_noun_is_the_person_a_copula_said_it_of(
    predicate: str, rows: str, expected: str
) -> None:
    b = _midwife(predicate, rows)
    noun = predicate.split()[-1]
    speaker = resolver(b).speaker(b.tok(noun, 1))
    assert speaker.name == expected


def _by_the_fire(sitters: str, rows: str, described: str) -> Built:
    """ "<sitters> sat by the fire. The <described> said no.", with the rows of the sitters
    given (their verb is the row after them)."""
    *adjectives, noun = described.split()
    n = len(sitters.split())
    return parsed(
        f"{sitters} sat by the fire. The {described} said no.",
        rows
        + f"""
        {n} sat VBD ROOT {n} lemma=sit
        {n + 1} by IN prep {n}
        {n + 2} the DT det {n + 3}
        {n + 3} fire NN pobj {n + 1}
        """
        + _said_no(n + 4, noun, n, adjectives=tuple(adjectives)),
    )


EDNA = """
    0 Edna NNP compound 1 ent=PERSON
    1 Pryce NNP nsubj 2 ent=PERSON
    """


@pytest.mark.parametrize(
    ("sitters", "rows", "described", "expected"),
    [
        ("Edna Pryce", EDNA, "old woman", "Edna Pryce"),
        # a noun of sex alone may be anyone come in
        ("Edna Pryce", EDNA, "woman", "The woman"),
        # not a person of the other sex
        ("Edna Pryce", EDNA, "old man", "The old man"),
        (  # nor one of two women
            "Edna Pryce and Ruth",
            """
            0 Edna NNP compound 1 ent=PERSON
            1 Pryce NNP nsubj 4 ent=PERSON
            2 and CC cc 1
            3 Ruth NNP conj 1 ent=PERSON
            """,
            "old woman",
            "The old woman",
        ),
    ],
)
def test_in_fiction_an_epithet_is_the_one_person_of_its_sex_named_before(
    sitters: str, rows: str, described: str, expected: str
) -> None:
    b = _by_the_fire(sitters, rows, described)
    noun = described.split()[-1]
    assert Resolver(b.index, fiction=True).speaker(b.tok(noun)).name == expected


def _joined_speakers(word: str) -> Built:
    """ "Ana Reyes <word> Tom Baird said no." """
    return parsed(
        f"Ana Reyes {word} Tom Baird said no.",
        """
        0 Ana NNP compound 1 ent=PERSON
        1 Reyes NNP nsubj 5 ent=PERSON
        2 WORD CC cc 1
        3 Tom NNP compound 4 ent=PERSON
        4 Baird NNP conj 1 ent=PERSON
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        """.replace("WORD", word),
    )


@pytest.mark.parametrize(
    ("word", "fiction", "expected"),
    [
        ("and", False, ("Ana Reyes and Tom Baird", EntityKind.OTHER)),
        ("or", False, ("Ana Reyes", EntityKind.PERSON)),
        # a novel's speaker is one of its characters
        ("and", True, ("Ana Reyes", EntityKind.PERSON)),
    ],
)
def test_names_joined_by_and_speak_together_in_news(
    word: str, fiction: bool, expected: tuple[str, EntityKind]
) -> None:
    b = _joined_speakers(word)
    speaker = Resolver(b.index, fiction=fiction).speaker(b.tok("Reyes"))
    assert (speaker.name, speaker.entity) == expected
    if expected[0].endswith("Baird"):
        assert speaker.mention is not None and speaker.mention.text == "Ana Reyes and Tom Baird"


def _aunts(aunts: str, rows: str) -> Built:
    """ "<aunts> baked bread. My aunt said no.", the aunts' rows given (their verb the row
    after them)."""
    n = len(aunts.split())
    return parsed(
        f"{aunts} baked bread. My aunt said no.",
        rows
        + f"""
        {n} baked VBD ROOT {n} lemma=bake
        {n + 1} bread NN dobj {n}
        {n + 2} . . punct {n}
        {n + 3} My PRP$ poss {n + 4}
        {n + 4} aunt NN nsubj {n + 5}
        {n + 5} said VBD ROOT {n + 5} lemma=say
        {n + 6} no UH dobj {n + 5}
        {n + 7} . . punct {n + 5}
        """,
    )


@pytest.mark.parametrize(
    ("aunts", "rows", "expected"),
    [
        (
            "Aunt Mabel",
            """
            0 Aunt NNP compound 1 ent=PERSON
            1 Mabel NNP nsubj 2 ent=PERSON
            """,
            "Mabel",  # written "Aunt Mabel" once the pipeline gives her the title she has
        ),
        (  # which of two, the text does not say
            "Aunt Mabel and Aunt Jo",
            """
            0 Aunt NNP compound 1 ent=PERSON
            1 Mabel NNP nsubj 5 ent=PERSON
            2 and CC cc 1
            3 Aunt NNP compound 4 ent=PERSON
            4 Jo NNP conj 1 ent=PERSON
            """,
            "My aunt",
        ),
    ],
)
def test_in_fiction_my_aunt_is_the_one_the_text_calls_aunt_by_name(
    aunts: str, rows: str, expected: str
) -> None:
    b = _aunts(aunts, rows)
    assert Resolver(b.index, fiction=True).speaker(b.tok("aunt")).name == expected


@pytest.mark.parametrize(
    ("went", "rows", "expected"),
    [
        (
            "signed as Corwin Vale",
            """
            5 signed VBD conj 2 lemma=sign
            6 as IN prep 5
            7 Corwin NNP compound 8 ent=PERSON
            8 Vale NNP pobj 6 ent=PERSON
            """,
            "Corwin Vale",
        ),
        (  # no name given: someone new
            "sat by the fire",
            """
            5 sat VBD conj 2 lemma=sit
            6 by IN prep 5
            7 the DT det 8
            8 fire NN pobj 6
            """,
            "The tall stranger",
        ),
    ],
)
def test_in_fiction_a_person_who_goes_by_a_name_is_the_epithet_after(
    went: str, rows: str, expected: str
) -> None:
    b = parsed(
        f"A man came in and {went}. The tall stranger said no.",
        """
        0 A DT det 1
        1 man NN nsubj 2
        2 came VBD ROOT 2 lemma=come
        3 in RP prt 2
        4 and CC cc 2
        """
        + rows
        + _said_no(9, "stranger", 2, adjectives=("tall",)),
    )
    assert Resolver(b.index, fiction=True).speaker(b.tok("stranger")).name == expected


def test_a_definite_noun_is_the_person_a_naming_verb_named() -> None:
    b = parsed(
        "A boy named Felix Okafor sat on the wall. The boy said no.",
        """
        0 A DT det 1
        1 boy NN nsubj 5
        2 named VBN acl 1 lemma=name
        3 Felix NNP compound 4 ent=PERSON
        4 Okafor NNP oprd 2 ent=PERSON
        5 sat VBD ROOT 5 lemma=sit
        6 on IN prep 5
        7 the DT det 8
        8 wall NN pobj 6
        """
        + _said_no(9, "boy", 5),
    )
    assert resolver(b).speaker(b.tok("boy", 1)).name == "Felix Okafor"


def test_the_title_alone_is_the_person_the_text_named_with_it() -> None:
    b = parsed(
        "Colonel Ashby stood by the door. The Colonel said no.",
        """
        0 Colonel NNP compound 1
        1 Ashby NNP nsubj 2 ent=PERSON
        2 stood VBD ROOT 2 lemma=stand
        3 by IN prep 2
        4 the DT det 5
        5 door NN pobj 3
        """
        + _said_no(6, "Colonel", 2, tag="NNP"),
    )
    speaker = resolver(b).speaker(b.tok("Colonel", 1))
    assert (speaker.name, speaker.entity) == ("Colonel Ashby", EntityKind.PERSON)


def test_the_source_according_to_gives_is_who_a_definite_noun_refers_back_to() -> None:
    b = parsed(
        "Talks resumed, according to a source close to the talks. The source said no.",
        """
        0 Talks NNS nsubj 1 lemma=talk
        1 resumed VBD ROOT 1 lemma=resume
        2 , , punct 1
        3 according VBG prep 1 lemma=accord
        4 to IN prep 3
        5 a DT det 6
        6 source NN pobj 4
        7 close JJ amod 6
        8 to IN prep 7
        9 the DT det 10
        10 talks NNS pobj 8 lemma=talk
        """
        + _said_no(11, "source", 1),
    )
    assert resolver(b).speaker(b.tok("source", 1)).name == "a source close to the talks"


def test_an_acronym_is_the_organisation_whose_initials_it_is() -> None:
    b = parsed(
        "The Northwest Rail Authority halted trains. The NRA said no.",
        """
        0 The DT det 3
        1 Northwest NNP compound 3 ent=ORG
        2 Rail NNP compound 3 ent=ORG
        3 Authority NNP nsubj 4 ent=ORG
        4 halted VBD ROOT 4 lemma=halt
        5 trains NNS dobj 4 lemma=train
        """
        + _said_no(6, "NRA", 4, tag="NNP"),
    )
    speaker = resolver(b).speaker(b.tok("NRA"))
    assert (speaker.name, speaker.entity) == ("Northwest Rail Authority", EntityKind.ORGANISATION)


def test_a_full_name_the_recogniser_took_for_a_building_is_a_person() -> None:
    """ "Winifred Lusk" tagged as a facility opens with a first name: a person, whom "she"
    after it stands for."""
    b = parsed(
        "Winifred Lusk waited. She said no.",
        """
        0 Winifred NNP compound 1 ent=FAC
        1 Lusk NNP nsubj 2 ent=FAC
        2 waited VBD ROOT 2 lemma=wait
        3 . . punct 2
        4 She PRP nsubj 5
        5 said VBD ROOT 5 lemma=say
        6 no UH dobj 5
        7 . . punct 5
        """,
    )
    assert Resolver(b.index, fiction=True).speaker(b.tok("She")).name == "Winifred Lusk"
