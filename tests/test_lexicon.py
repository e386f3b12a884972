"""The lexicon: the word lists in quoteattr/data as the rules read them."""

from __future__ import annotations

import pytest

from quoteattr import Gender
from quoteattr._lexicon.cues import (
    ALL_CUES,
    CUE_VERBS,
    DIRECT_CUES,
    SPEECH_VERBS,
    CueClass,
    both_spellings,
    british_spelling,
    cue_class,
    cue_forms,
    is_speech_form,
)
from quoteattr._lexicon.files import rows
from quoteattr._lexicon.people import (
    FIRST_NAMES,
    PERSON_NOUNS,
    PRONOUN_GENDER,
    SPEAKING_PRONOUNS,
    Title,
    as_title,
    is_place,
)
from quoteattr._lexicon.words import ADDRESSEE_VERBS, PROPOSITION_VERBS, REPORT_NOUNS


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Mrs.", Gender.FEMALE),
        ("mrs", Gender.FEMALE),
        ("MR", Gender.MALE),
        ("Sir", Gender.MALE),
        ("Dr.", None),
        ("Sen.", None),
    ],
)
def test_as_title_gives_the_gender_a_title_implies_in_any_case_with_or_without_its_stop(
    word: str, gender: Gender | None
) -> None:
    title = as_title(word)
    assert title is not None
    assert title.gender is gender


@pytest.mark.parametrize("word", ["Smith", "said", "the", "", "."])
def test_as_title_is_none_for_a_word_that_is_no_title(word: str) -> None:
    assert as_title(word) is None


def test_a_title_knows_the_noun_it_stands_for_and_whether_a_name_keeps_it() -> None:
    """ "Dr. Smith" is "the doctor"; "Sir Henry Curtis" keeps his title, "Sen. Ann Lee" not."""
    assert as_title("Dr.") == Title(word="dr", gender=None, noun="doctor", address=False)
    assert as_title("Sir") == Title(word="sir", gender=Gender.MALE, noun="sir", address=True)
    sen = as_title("Sen.")
    assert sen is not None and not sen.address


def test_cue_classes_load_as_the_enum_with_their_string_values() -> None:
    assert [c.value for c in CueClass] == ["speech", "dialogue", "belief"]
    assert CUE_VERBS["say"] is CueClass.SPEECH
    assert set(CUE_VERBS.values()) == set(CueClass)
    assert frozenset(CueClass) == ALL_CUES
    assert {CueClass.SPEECH, CueClass.DIALOGUE} == DIRECT_CUES


def test_every_row_of_cues_tsv_is_a_cue_verb_of_a_known_class() -> None:
    lemmas = [row[0] for row in rows("cues.tsv")]
    assert len(lemmas) == len(set(lemmas))
    assert set(lemmas) <= set(CUE_VERBS)
    assert set(CUE_VERBS) == both_spellings(frozenset(lemmas))
    assert {v for v, kind in CUE_VERBS.items() if kind is not CueClass.BELIEF} == SPEECH_VERBS


@pytest.mark.parametrize(
    ("british", "american"),
    [("apologise", "apologize"), ("emphasise", "emphasize")],
)
def test_a_british_spelling_in_ise_is_the_same_cue_verb(british: str, american: str) -> None:
    """The lexicon lists the American spelling; "apologised" cues a quote as "apologized"."""
    assert cue_class(british, "VBD") is cue_class(american, "VBD") is not None
    assert cue_forms()[british + "d"] == (british, CUE_VERBS[american], True)


def test_a_british_spelling_with_a_row_of_its_own_keeps_its_class() -> None:
    assert cue_class("criticise", "VBD") is CueClass.SPEECH
    assert cue_class("criticize", "VBD") is CueClass.DIALOGUE


def test_only_the_suffix_ize_has_a_british_spelling() -> None:
    assert british_spelling("analyze") == "analyse"
    assert [british_spelling(w) for w in ("seize", "prize", "size", "say")] == [None] * 4
    assert "criticise" in PROPOSITION_VERBS


def test_cue_class_needs_a_verb_tag() -> None:
    assert cue_class("Say", "VBD") is CueClass.SPEECH
    assert cue_class("say", "NN") is None
    assert cue_class("table", "VB") is None


def test_written_forms_inflect_regular_irregular_and_doubling_verbs() -> None:
    forms = cue_forms()
    assert forms["said"] == ("say", CueClass.SPEECH, True)
    assert forms["admitted"][0] == "admit"
    assert forms["tells"][0] == "tell"
    assert forms["report"][2] is False  # more often a noun
    assert "going" not in forms


def test_is_speech_form_reads_lower_case_forms_of_direct_quote_cues() -> None:
    assert is_speech_form("said")
    assert not is_speech_form("Said")
    assert not is_speech_form("table")


def test_genders_of_the_data_files_load_as_the_gender_enum() -> None:
    assert FIRST_NAMES["mary"] is Gender.FEMALE
    assert PERSON_NOUNS["father"] is Gender.MALE
    assert PRONOUN_GENDER["she"] is Gender.FEMALE
    assert SPEAKING_PRONOUNS["they"] is None


def test_the_word_lists_of_reported_speech_load_from_their_files() -> None:
    assert "tell" in ADDRESSEE_VERBS
    assert {"claim", "statement"} <= REPORT_NOUNS


@pytest.mark.parametrize(
    ("words", "place"),
    [
        (("Ferry", "Lane"), True),
        (("Marlow", "Cross"), True),
        (("Harbour", "St."), True),
        (("Lois", "Lane"), False),  # a first name opens a person's name
        (("Lane",), False),  # a surname alone
        (("Ada", "Marsh"), False),
    ],
)
def test_a_name_that_ends_with_a_street_or_place_word_is_a_place(
    words: tuple[str, ...], place: bool
) -> None:
    assert is_place(words) is place
