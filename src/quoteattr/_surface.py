"""Surface signals for the fast mode: cue verbs by their written forms, names by capitals.

Without a tagger or lemmatizer a cue verb is known by its spelling (``said``, ``tells``,
``adding``), so the lemma lexicon of data/cues.tsv is inflected here; without a parser or
an entity recognizer a name is a run of capitalised words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ._cues import cue_lexicon
from ._data import table

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLES = table("titles.txt")  # title -> the gender it implies, "m", "f" or ""

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
# Pronouns that can name a speaker, and the gender each implies (None: either).
PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None, "it": None}
# Capitalised words that open sentences without naming anyone ("The", "However").
NOT_NAMES = frozenset(table("not_names.txt"))
# Words that make a capitalised phrase an organisation rather than a person.
ORGANISATION_WORDS = frozenset(table("organisation_words.txt"))
# Determiners that open a common noun phrase naming a speaker ("the official").
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that"})
# Words that open a role before or after a name ("former US envoy Jane Smith").
ROLE_PREFIXES = frozenset({"former", "ex", "acting", "deputy", "senior", "late", "then"})
HYPHENS = frozenset({"-", "‐", "–"})
MAX_PHRASE = 6  # tokens in a common noun phrase taken as a speaker


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
        for form in _inflections(lemma):
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


def is_name_word(tok: Token) -> bool:
    """Say whether tok can be part of a name: capitalised, and not a closed-class word."""
    text = tok.text
    if not text[:1].isupper() or tok.lower_ in NOT_NAMES:
        return False
    return all(ch.isalpha() or ch in ".'’-" for ch in text)


def is_pronoun(tok: Token) -> bool:
    """Say whether tok is a pronoun that can name a speaker."""
    return tok.lower_ in PRONOUNS


def name_words(words: Sequence[str]) -> tuple[str, ...]:
    """Return the words of a name without the titles before it or a possessive after it."""
    kept = [w for w in words if w not in ("'s", "’s")]
    while len(kept) > 1 and kept[0].lower().rstrip(".") in TITLES:
        kept.pop(0)
    return tuple(kept)


def is_organisation(words: Sequence[str]) -> bool:
    """Say whether a capitalised phrase names an organisation (by words like "Party")."""
    return any(w.lower().rstrip(".") in ORGANISATION_WORDS for w in words)


def is_role_word(word: str) -> bool:
    """Say whether a word opens a role rather than going on with a name: "Former", "Sen."."""
    bare = word.lower().rstrip(".")
    return bare in TITLES or bare in ROLE_PREFIXES
