"""The cue verbs (data/cues.tsv) by lemma and class, and by their written forms.

With a parse a cue verb is known by its lemma. Without a tagger or lemmatizer it is known by
its spelling (``said``, ``tells``, ``adding``), so the lexicon's lemmas are inflected here,
by the spelling rules of English and the tables of the verbs they get wrong. The lexicon
lists a verb in -ize or -yze once, in the American spelling its PolNeAR count comes from;
its British spelling (apologise, analyse) is the same verb, unless it has a row of its own.
"""

from __future__ import annotations

import enum
from collections.abc import Set as AbstractSet
from functools import cache
from typing import TYPE_CHECKING

from .files import rows, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token


class CueClass(enum.Enum):
    """What a cue verb cues: the second column of data/cues.tsv."""

    SPEECH = "speech"
    """Direct quotes and reported speech: "X said that ..."."""
    DIALOGUE = "dialogue"
    """Direct quotes only: "she laughed", "he went on"."""
    BELIEF = "belief"
    """A thought or an intention (PolNeAR annotates these; not used for quotes yet)."""


def british_spelling(lemma: str) -> str | None:
    """Return the British spelling of a verb in -ize or -yze (apologise, analyse), or None
    for any other verb, and for a word too short for -ize to be its suffix (seize, prize)."""
    return lemma[:-2] + "se" if len(lemma) > 5 and lemma.endswith(("ize", "yze")) else None


def both_spellings(lemmas: AbstractSet[str]) -> frozenset[str]:
    """Return lemmas with the British spelling of each verb in -ize or -yze added."""
    return frozenset(lemmas) | {b for lemma in lemmas if (b := british_spelling(lemma))}


# The cue verbs, by lemma, and the class of each, in both spellings: a row of the lexicon
# wins over the British spelling of another.
_LISTED = {row[0]: CueClass(row[1]) for row in rows("cues.tsv")}
CUE_VERBS = {b: kind for v, kind in _LISTED.items() if (b := british_spelling(v))} | _LISTED
ALL_CUES = frozenset(CueClass)
# The classes of the verbs that cue a direct quote.
DIRECT_CUES = frozenset({CueClass.SPEECH, CueClass.DIALOGUE})
# The verbs of speech, by lemma: whoever is their subject is a speaker.
SPEECH_VERBS = frozenset(v for v, kind in CUE_VERBS.items() if kind in DIRECT_CUES)

# Past tenses and participles that the spelling rules below get wrong: lemma -> forms.
IRREGULAR = {row[0]: row[1:] for row in rows("irregular_verbs.tsv")}
# Verbs that double their last consonant before -ed and -ing (admitted, snapping).
DOUBLING = word_set("doubling_verbs.txt")
# Verbs whose bare and -s forms are more often nouns ("the report", "calls for"), so those
# forms only count when no other cue is near.
NOUN_LIKE = word_set("noun_like_verbs.txt")
# Forms of cue verbs that are far more often an auxiliary: "going to".
AUXILIARY_FORMS = word_set("auxiliary_forms.txt")
HYPHENS = frozenset({"-", "‐", "–"})


def cue_class(lemma: str, tag: str) -> CueClass | None:
    """The class of cue verb that a word with this lemma and tag is, if any: a verb whose
    lemma is in the lexicon."""
    return CUE_VERBS.get(lemma.lower()) if tag.startswith("VB") else None


@cache
def cue_forms() -> dict[str, tuple[str, CueClass, bool]]:
    """Return the written forms of the lexicon's cue verbs.

    Returns:
        ``form -> (lemma, class, strong)``: strong is False for the bare and -s forms of
        verbs that are more often nouns (``report``, ``calls``).
    """
    forms: dict[str, tuple[str, CueClass, bool]] = {}
    for lemma, kind in CUE_VERBS.items():
        if " " in lemma or not lemma.isalpha():
            continue
        for form in _inflections(lemma) - AUXILIARY_FORMS:
            weak = lemma in NOUN_LIKE and form in (lemma, _third_person(lemma))
            if form not in forms or forms[form][2] < (not weak):
                forms[form] = (lemma, kind, not weak)
    return forms


def is_speech_form(word: str) -> bool:
    """Say whether a lower-case word is a written form of a verb that cues direct quotes."""
    found = cue_forms().get(word)
    return found is not None and found[1] in DIRECT_CUES


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


def cue_form(tok: Token, classes: AbstractSet[CueClass] = DIRECT_CUES) -> bool | None:
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
