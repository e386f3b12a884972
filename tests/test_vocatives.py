"""Vocatives: the one reading of a name a quote speaks to, for the speaker rules and the
addressee step alike."""

from __future__ import annotations

import pytest

from docs_builder import blank, parsed
from quoteattr._core.evidence import ParsedEvidence
from quoteattr._people.vocatives import read_vocatives


def spoken_to(quoted: str, names: set[str]) -> list[tuple[str, str]]:
    """The vocatives of quoted words (a quote's content), looked up in a set of names."""
    words = list(blank()(quoted))
    found = read_vocatives(words, lambda span: span.text if span.text in names else None)
    return [(span.text, name) for span, name in found]


@pytest.mark.parametrize(
    ("quoted", "found"),
    [
        ("Sit down, Margaret.", ["Margaret"]),
        ("Margaret, sit down.", ["Margaret"]),
        ("Oh Margaret, sit down.", ["Margaret"]),
        ("Good night, Mr. Osgood.", ["Mr. Osgood"]),
        ("Are you coming, Ann Lee?", ["Ann Lee"]),
        ("I saw Margaret today.", []),  # no mark sets it off
        ("Margaret's gone.", []),
        ("Margaret. She went.", []),  # no comma sets it off
        ("Fanny Price! Nonsense!", []),
        ("Oh God, no.", []),
        ("They said, ‘No, Margaret.’ No more,", []),  # in a quote within the quote
    ],
)
def test_a_vocative_is_a_name_set_off_from_the_other_words(quoted: str, found: list[str]) -> None:
    names = {"Margaret", "Mr. Osgood", "Ann Lee", "Ann", "Fanny Price", "God"}
    assert [span for span, _ in spoken_to(quoted, names)] == found


def addressed(text: str, rows: str) -> list[str]:
    """Whom the first quote of a hand-parsed text speaks to, as the speaker rules read it."""
    b = parsed(text, rows)
    span = b.spans[0]
    return ParsedEvidence(b.index).addressed(span.start, span.end)


def test_a_name_untagged_in_the_quote_is_spoken_to_where_resolution_knows_it() -> None:
    """ "Billy" is tagged in the narration, not in the quote: the quote still speaks to him;
    "Mr Hall", tagged, is the object of "fetch", not spoken to."""
    text = 'Billy Dunn stacked tins.\n\n"Billy, fetch Mr Hall a loaf."'
    rows = """
        0 Billy NNP compound 1 ent=PERSON
        1 Dunn NNP nsubj 2 ent=PERSON
        2 stacked VBD ROOT 2
        3 tins NNS dobj 2
        4 . . punct 2
        5 " `` punct 8
        6 Billy NNP npadvmod 8
        7 , , punct 8
        8 fetch VB ROOT 8
        9 Mr NNP compound 10
        10 Hall NNP dative 8 ent=PERSON
        11 a DT det 12
        12 loaf NN dobj 8
        13 . . punct 8
        14 " '' punct 8
    """
    assert addressed(text, rows) == ["Billy Dunn"]


@pytest.mark.parametrize(
    ("name", "tag", "ent", "spoken_to"),
    [
        ("Priyanka", "NNP", "", ["Priyanka"]),  # a first name, untagged
        ("Zorblax", "NNP", "", []),  # no first name, and resolution knows none
        ("Georgia", "NNP", " ent=GPE", []),  # a first name the recogniser took for a place
        ("Marvellous", "JJ", "", []),  # no proper noun
    ],
)
def test_an_untagged_first_name_alone_is_spoken_to(
    name: str, tag: str, ent: str, spoken_to: list[str]
) -> None:
    """A proper noun set off as a vocative that no entity covers is someone spoken to if it is
    a first name ("Are you coming, Priyanka?"), though the text names her nowhere else."""
    text = f'"Are you coming, {name}?" he called.'
    rows = f"""
        0 " `` punct 9
        1 Are VBP aux 3
        2 you PRP nsubj 3
        3 coming VBG ccomp 9
        4 , , punct 3
        5 {name} {tag} npadvmod 3{ent}
        6 ? . punct 3
        7 " '' punct 9
        8 he PRP nsubj 9
        9 called VBD ROOT 9
        10 . . punct 9
    """
    assert addressed(text, rows) == spoken_to
