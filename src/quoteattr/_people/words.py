"""The words that tell of people: titles, pronouns, first names, nouns for a person.

Each list is read from a file in data/, whose header says where it came from; the sets
derived from them here are the ones the rules use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._data import rows, table

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLES = table("titles.txt")  # title -> the gender it implies, "m", "f" or ""
# The noun each abbreviated title stands for: "Dr. Smith" is "the doctor".
TITLE_NOUNS = {row[0]: row[2] for row in rows("titles.txt") if len(row) > 2 and row[2]}
# Titles of address, which stay in a name the text always writes with one: "Sir Henry Curtis".
ADDRESS_TITLES = frozenset(row[0] for row in rows("titles.txt") if row[3:4] == ("address",))
FIRST_NAMES = table("first_names.tsv")  # first name -> "m" or "f", where names are clear
PERSON_NOUNS = table("person_nouns.txt")  # noun for one person -> "m", "f" or ""
# Capitalised words that open sentences without naming anyone ("The", "However").
NOT_NAMES = frozenset(table("not_names.txt"))
# Nouns for a role or an office written before a name: "Treasurer Gary Casteel".
ROLE_NOUNS = frozenset(table("role_nouns.txt"))
# Words that make a capitalised phrase an organisation rather than a person.
ORGANISATION_WORDS = frozenset(table("organisation_words.txt"))
# The verbs of speech (data/cues.tsv, by lemma): whoever is their subject is a speaker.
SPEECH_VERBS = frozenset(v for v, kind in table("cues.tsv").items() if kind != "belief")
# Common nouns that refer back to an organisation: "the company", "the department".
ORGANISATION_NOUNS = frozenset(table("organisation_nouns.txt"))

_PRONOUNS = rows("pronouns.tsv")  # pronoun, gender, person, case
# Pronouns that can be the subject of a speech verb: I, you, he, she, it, we, they.
SUBJECT_PRONOUNS = frozenset(p for p, _, _, case in _PRONOUNS if case == "subject")
# Those that stand for people who may speak ("it" and the addressed "you" do not).
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS - {"it", "you"}
# Those the fast mode takes as a speaker, with the gender each carries (None: either).
SPEAKING_PRONOUNS = {
    p: gender or None for p, gender, _, case in _PRONOUNS if case == "subject" and p != "you"
}
# Third-person pronouns, in any case, that stand for one person of a known gender.
PRONOUN_GENDER = {p: gender for p, gender, _, _ in _PRONOUNS if gender}
FIRST_PERSON = frozenset(
    p for p, _, person, case in _PRONOUNS if person == "1" and case == "subject"
)
# Mentions that are pronouns (a relative "who" among them): the speaker they name had to be
# resolved.
PRONOUN_MENTIONS = SUBJECT_PRONOUNS | {"who"}

# Determiners that open a common noun phrase naming a speaker ("the official").
DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "another", "some",
     "several", "many", "these", "those"}
)  # fmt: skip
# The words before a noun that make it one person the text introduces or refers back to.
NOMINAL_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "my", "his", "her", "our", "their", "your"}
)
# Words that open a role before or after a name ("former US envoy Jane Smith").
ROLE_PREFIXES = frozenset({"former", "ex", "acting", "deputy", "senior", "late", "then"})
POSSESSIVES = frozenset({"'s", "’s"})
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
# Words that join two names: "Anna and Giles" names two people.
COORDINATORS = frozenset({"and", "&", "or"})
# Punctuation trimmed from the ends of a name's words ("Smith," "(Lee)"); a full stop stays,
# for initials ("W. Neil Eggleston"), and inner hyphens and apostrophes stay ("O'Neill").
_EDGE_PUNCT = ",;:!?()[]{}\"“”‘'’«»"
MAX_PHRASE = 6  # tokens in a common noun phrase taken as a speaker


def is_name_word(tok: Token) -> bool:
    """Say whether tok can be part of a name: capitalised, and not a closed-class word."""
    text = tok.text
    if not text[:1].isupper() or tok.lower_ in NOT_NAMES:
        return False
    return all(ch.isalpha() or ch in ".'’-" for ch in text)


def is_pronoun(tok: Token) -> bool:
    """Say whether tok is a pronoun that can name a speaker in the fast mode (not "you")."""
    return tok.lower_ in SPEAKING_PRONOUNS


def written_words(text: str) -> list[str]:
    """Return the words of a name as written, split at whitespace: hyphens and apostrophes
    inside a word stay ("Holtz-Eakin", "O'Neill"), a possessive ending goes, a possessive
    before the name cuts it ("Toronto's Ana Ruiz" is Ana Ruiz), and a second coordinated
    name goes ("Anna and Giles" gives Anna)."""
    words: list[str] = []
    raws = text.split()
    for k, raw in enumerate(raws):
        if raw.lower() in COORDINATORS and words:
            break
        if raw.lower() in ("'s", "’s"):  # the ending of a possessive before: "name 's George"
            words = []
            continue
        word = raw.strip(_EDGE_PUNCT)
        possessive = word.lower().endswith(POSSESSIVE_ENDINGS) or raw.endswith(("’", "'"))
        if word.lower().endswith(("'s", "’s")):
            word = word[:-2]
        if not any(ch.isalnum() for ch in word):
            continue
        if possessive and k < len(raws) - 1:
            words = []  # a place or an organisation that the name belongs to
            continue
        words.append(word)
    return words


def name_words(words: Sequence[str]) -> tuple[str, ...]:
    """Return the words of a name without the titles and roles before it (and a lower-case
    noun for a person: "sister Rose", not the "Aunt Polly" she is called), a possessive after
    it, or lower-case words the entity recogniser took in after it ("Walter languidly")."""
    kept = [w for w in words if w not in POSSESSIVES]
    while len(kept) > 1 and (
        is_name_prefix(kept[0])
        or kept[0].lower() in NOT_NAMES
        or (kept[0].islower() and kept[0] in PERSON_NOUNS)
    ):
        kept.pop(0)  # "Sen. Ann Lee", "Perhaps Holmes" where a sentence opens, "sister Rose"
    while len(kept) > 1 and kept[-1].islower():  # not "d'Urberville"
        kept.pop()
    return tuple(kept)


def ends_with(words: Sequence[str], tail: Sequence[str]) -> bool:
    """Say whether a name ends with other words, case aside: "Peru Jane Smith" ends with
    "Jane Smith"."""
    if len(tail) > len(words):
        return False
    return [w.lower() for w in words[len(words) - len(tail) :]] == [w.lower() for w in tail]


def is_name_prefix(word: str) -> bool:
    """Say whether a word before a name is a title or a role, not part of the name."""
    bare = word.lower().rstrip(".")
    return bare in TITLES or bare in ROLE_NOUNS or bare in ROLE_PREFIXES


def is_organisation(words: Sequence[str]) -> bool:
    """Say whether a capitalised phrase names an organisation (by words like "Party")."""
    return any(w.lower().rstrip(".") in ORGANISATION_WORDS for w in words)


def is_person_noun(lemma: str) -> bool:
    """Say whether a common noun's lemma names a person: "mother", "spokesman"."""
    return lemma in PERSON_NOUNS or lemma in ROLE_NOUNS


def is_role_word(word: str) -> bool:
    """Say whether a word opens a role rather than going on with a name: "Former", "Sen."."""
    bare = word.lower().rstrip(".")
    return bare in TITLES or bare in ROLE_PREFIXES
