"""Cue verbs by their written forms, for the fast mode.

Without a tagger or lemmatizer a cue verb is known by its spelling (``said``, ``tells``,
``adding``), so the lemma lexicon of data/cues.tsv is inflected here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from .parsed import cue_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


# Past tenses and participles that the spelling rules below get wrong, for the lexicon's
# verbs and the common verbs it may come to hold; from any English grammar's table.
IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "begin": ("began", "begun"),
    "go": ("went", "gone"),
    "read": ("read",),
    "put": ("put",),
    "think": ("thought",),
    "know": ("knew", "known"),
    "feel": ("felt",),
    "find": ("found",),
    "show": ("showed", "shown"),
    "hear": ("heard",),
    "swear": ("swore", "sworn"),
    "forecast": ("forecast",),
}
# Verbs that double their last consonant before -ed and -ing (admitted, snapping).
DOUBLING = frozenset({"admit", "snap", "sob", "beg", "quip", "refer", "regret", "commit", "plan"})
# Cue verbs whose bare and -s forms are more often nouns ("the report", "calls for"), so
# those forms only count when no other cue is near.
NOUN_LIKE = frozenset(
    {
        "answer", "attack", "blast", "call", "charge", "chant", "claim", "comment", "counter",
        "cry", "echo", "email", "hint", "label", "mock", "rail", "slam",
        "demand", "estimate", "go", "joke", "laugh", "note", "object", "pledge", "post",
        "praise", "promise", "protest", "put", "question", "quote", "read", "report",
        "return", "roar", "scream", "shout", "show", "sigh", "sob", "state", "talk",
        "tweet", "vow", "want", "whisper", "wonder",
    }
)  # fmt: skip
# Forms of cue verbs that are far more often an auxiliary: "going to".
NOT_CUES = frozenset({"going"})
HYPHENS = frozenset({"-", "‐", "–"})


@cache
def cue_forms() -> dict[str, tuple[str, str, bool]]:
    """Return the written forms of the lexicon's cue verbs.

    Returns:
        ``form -> (lemma, class, strong)``: strong is False for the bare and -s forms of
        verbs that are more often nouns (``report``, ``calls``).
    """
    forms: dict[str, tuple[str, str, bool]] = {}
    for lemma, kind in cue_lexicon().items():
        if " " in lemma or not lemma.isalpha():
            continue
        for form in _inflections(lemma) - NOT_CUES:
            weak = lemma in NOUN_LIKE and form in (lemma, _third_person(lemma))
            if form not in forms or forms[form][2] < (not weak):
                forms[form] = (lemma, kind, not weak)
    return forms


def _inflections(lemma: str) -> set[str]:
    past = IRREGULAR.get(lemma) or (_past(lemma),)
    return {lemma, _third_person(lemma), _present_participle(lemma), *past}


def _third_person(lemma: str) -> str:
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    if lemma in DOUBLING:
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _present_participle(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return lemma[:-1] + "ing"
    if lemma in DOUBLING:
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def cue_form(tok: Token, classes: Sequence[str] = ("speech", "dialogue")) -> bool | None:
    """Say whether tok is written as a cue verb: True (surely), False (maybe), None (not)."""
    found = cue_forms().get(tok.lower_)
    if found is None or found[1] not in classes or tok.text[:1].isupper():
        return None  # capitalised: a name or a headline word ("Post", "State")
    if tok.i and tok.nbor(-1).text in HYPHENS and not tok.nbor(-1).whitespace_:
        return None  # part of a compound: so-called, well-read
    return found[2]


def lemma_of(tok: Token) -> str:
    """Return the lexicon lemma of a cue form, or the lower-case word."""
    found = cue_forms().get(tok.lower_)
    return found[0] if found else tok.lower_
