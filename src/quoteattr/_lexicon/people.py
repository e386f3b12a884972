"""The words that tell of people: titles, pronouns, first names, nouns for a person, and how
English writes a name.

Each list is read from a file in data/, whose header says where it came from; the sets
derived from them here are the ones the rules use. A gender the data files give as "m" or
"f" is read once, here, as a `Gender`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from .._person import Gender
from .files import rows, word_set
from .words import TITLE_SMALL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_GENDERS = {"m": Gender.MALE, "f": Gender.FEMALE}


def _gender(code: str) -> Gender | None:
    """The gender a data file's column gives: "m", "f", or "" for either."""
    return _GENDERS[code] if code else None


@attrs.frozen
class Title:
    """A title written before a name (data/titles.txt).

    Attributes:
        word: The title in lower case, without the full stop: "mrs", "dr".
        gender: The gender it implies, if any ("Mrs": female).
        noun: The noun it stands for: "doctor" for "Dr." ("Dr. Smith" is "the doctor"); the
            title itself where it is a noun ("the senator").
        address: Whether it is a title of address (Mr, Mrs, Sir, Lady), which a canonical
            name keeps where the text never writes the full name without one ("Sir Henry
            Curtis"), rather than a professional title, an office or a rank (Dr, Sen., Gen.).
    """

    word: str
    gender: Gender | None
    noun: str
    address: bool


_TITLES = {
    row[0]: Title(
        word=row[0],
        gender=_gender(row[1] if len(row) > 1 else ""),
        noun=row[2] if len(row) > 2 and row[2] else row[0],
        address=row[3:4] == ("address",),
    )
    for row in rows("titles.txt")
}


def as_title(word: str) -> Title | None:
    """Return the title a word is, as written in any case and with or without its full stop
    ("Mrs.", "SEN"), or None if it is none."""
    return _TITLES.get(word.lower().rstrip("."))


# First name -> the gender it is mostly given to, where names are clear.
FIRST_NAMES = {name: _GENDERS[code] for name, code, *_ in rows("first_names.tsv")}
# Nouns for one person, and the gender each implies, if any: "mother" -> female.
PERSON_NOUNS = {row[0]: _gender(row[1] if len(row) > 1 else "") for row in rows("person_nouns.txt")}
# A role noun -> the everyday noun the narration calls it by: "surgeon" -> "doctor".
ROLE_NAMES = {row[0]: row[1] for row in rows("role_names.tsv")}
# Capitalised words that open sentences without naming anyone ("The", "However").
NOT_NAMES = word_set("not_names.txt")
# Nouns for a role or an office written before a name: "Treasurer Gary Casteel".
ROLE_NOUNS = word_set("role_nouns.txt")
# Occupations written before a full name: "Farmer Tessa Hargreave".
OCCUPATIONS = word_set("occupations.txt")
# Words that make a capitalised phrase an organisation rather than a person.
ORGANISATION_WORDS = word_set("organisation_words.txt")
# Common nouns that refer back to an organisation: "the company", "the department".
ORGANISATION_NOUNS = word_set("organisation_nouns.txt")
# Words that end the name of a street or a place: "Ferry Lane", "Marlow Cross".
PLACE_WORDS = word_set("place_words.txt")

_PRONOUNS = [(p, _gender(gender), person, case) for p, gender, person, case in rows("pronouns.tsv")]
# Pronouns that can be the subject of a speech verb: I, you, he, she, it, we, they.
SUBJECT_PRONOUNS = frozenset(p for p, _, _, case in _PRONOUNS if case == "subject")
# Those that stand for people who may speak ("it" and the addressed "you" do not).
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS - {"it", "you"}
# Those the fast mode takes as a speaker, with the gender each carries (None: either).
SPEAKING_PRONOUNS = {
    p: gender for p, gender, _, case in _PRONOUNS if case == "subject" and p != "you"
}
# Third-person pronouns, in any case, that stand for one person of a known gender.
PRONOUN_GENDER = {p: gender for p, gender, _, _ in _PRONOUNS if gender is not None}
# The subject pronouns of a known gender: "he", "she".
GENDERED_SUBJECTS = frozenset(p for p, gender in SPEAKING_PRONOUNS.items() if gender)
FIRST_PERSON = frozenset(
    p for p, _, person, case in _PRONOUNS if person == "1" and case == "subject"
)
# Every personal pronoun, in any case: the table's, and the object forms of the first person and
# the plural it leaves out ("told me", "told them").
ALL_PRONOUNS = frozenset(PRONOUN_GENDER) | SUBJECT_PRONOUNS | {"me", "us", "them"}
# Mentions that are pronouns (a relative "who" among them): the speaker they name had to be
# resolved.
PRONOUN_MENTIONS = SUBJECT_PRONOUNS | {"who"}

# Determiners that open a common noun phrase naming a speaker ("the official").
DETERMINERS = word_set("determiners.txt")
# The words before a noun that make it one person the text introduces or refers back to.
NOMINAL_DETERMINERS = word_set("nominal_determiners.txt")
# Determiners that bring in someone new: "a senior official", "another man".
INDEFINITES = word_set("indefinites.txt")
# Nouns that refer back to any one person, whatever the text called them first: "the man".
ANY_PERSON = word_set("any_person_nouns.txt")
# Nouns that say only sex or age, no role: "Emma was a tall woman".
GENERIC_PERSON_NOUNS = word_set("generic_person_nouns.txt")
ARTICLES = word_set("articles.txt")
# Words that open a role before or after a name ("former US envoy Jane Smith").
ROLE_PREFIXES = word_set("role_prefixes.txt")
# Words that join two names: "Anna and Giles" names two people.
COORDINATORS = word_set("coordinators.txt")
# ... and those that join the parts of one organisation's name ("Barnes & Noble")
NAME_JOINERS = COORDINATORS - {"or"}
# Lower-case words inside a person's name: "Vincent van Gogh", "Osama bin Laden".
NAME_PARTICLES = word_set("name_particles.txt")
# Words that open a book's headings with a number ("CHAPTER I"), which name no one.
HEADING_WORDS = word_set("heading_words.txt")
# Words that may stand before a name someone is spoken to by: "my dear Arthur".
VOCATIVE_OPENERS = word_set("vocative_openers.txt")
POSSESSIVES = frozenset({"'s", "’s"})
POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
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


def written_words(text: str, organisation: bool = False) -> list[str]:
    """Return the words of a name as written, split at whitespace: hyphens and apostrophes
    inside a word stay ("Holtz-Eakin", "O'Neill"), a possessive ending goes, a possessive
    before the name cuts it ("Toronto's Ana Ruiz" is Ana Ruiz), and a second coordinated
    name goes ("Anna and Giles" gives Anna), but in an organisation's name, which holds its
    "and" ("Barnes & Noble", "Department of Health and Human Services"). A person's name
    also ends before a lower-case word that is no particle of a name ("John to Elinor" gives
    John; "Vincent van Gogh" and "Anne of Cleves" are whole) and at a comma ("Marianne,
    Elinor" gives Marianne)."""
    words: list[str] = []
    raws = text.split()
    for k, raw in enumerate(raws):
        if words and not organisation and _ends_name(raws, k, words):
            break
        if raw.lower() in ("'s", "’s"):  # the ending of a possessive before: "name 's George"
            words = []
            continue
        word = raw.strip(_EDGE_PUNCT)
        possessive = word.lower().endswith(POSSESSIVE_ENDINGS) or raw.endswith(("’", "'"))
        if word.lower().endswith(("'s", "’s")):
            word = word[:-2]
        if not any(ch.isalnum() for ch in word) and not (organisation and word == "&"):
            continue
        if possessive and k < len(raws) - 1:
            words = []  # a place or an organisation that the name belongs to
            continue
        words.append(word)
    while words and words[-1].lower() in COORDINATORS:
        words.pop()  # "Latham &" where the recogniser stopped the name short
    return words


def _ends_name(raws: list[str], k: int, words: list[str]) -> bool:
    """Say whether a person's name, of these words so far, ends before the k-th word: a
    coordinator, or once a capitalised word has opened it, a lower-case word that is no
    particle of a name or any word after a comma."""
    raw = raws[k]
    if raw.lower() in COORDINATORS:
        return True
    if not any(w[:1].isupper() for w in words):
        return False  # "former ambassador Lena Brask": the role before the name
    return (raw.islower() and raw not in NAME_PARTICLES) or raws[k - 1].endswith(",")


def name_words(words: Sequence[str]) -> tuple[str, ...]:
    """Return the words of a name without the titles and roles before it (and a lower-case
    noun for a person: "sister Rose", not the "Aunt Polly" she is called), a possessive after
    it, or lower-case words the entity recogniser took in after it ("Walter languidly")."""
    kept = [w for w in words if w not in POSSESSIVES]
    while len(kept) > 1 and (
        is_name_prefix(kept[0])
        or kept[0].lower() in NOT_NAMES
        or (kept[0].islower() and kept[0] in PERSON_NOUNS)
        or (len(kept) > 2 and kept[0].lower() in OCCUPATIONS)
    ):
        # "Sen. Ann Lee", "Perhaps Holmes" where a sentence opens, "sister Rose", "Farmer
        # Tessa Hargreave" (but "Farmer Oak" is what the text calls him)
        kept.pop(0)
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
    return as_title(bare) is not None or bare in ROLE_NOUNS or bare in ROLE_PREFIXES


def is_organisation(words: Sequence[str]) -> bool:
    """Say whether a capitalised phrase names an organisation (by words like "Party")."""
    return any(w.lower().rstrip(".") in ORGANISATION_WORDS for w in words)


def is_place(words: Sequence[str]) -> bool:
    """Say whether a capitalised phrase names a street or a place: it ends with a word like
    "Lane" or "Cross" after a word that is no first name ("Ferry Lane", not "Lois Lane")."""
    return (
        len(words) >= 2
        and words[-1].lower().rstrip(".") in PLACE_WORDS
        and words[0].lower() not in FIRST_NAMES
    )


def is_person_noun(lemma: str) -> bool:
    """Say whether a common noun's lemma names a person: "mother", "spokesman"."""
    return lemma in PERSON_NOUNS or lemma in ROLE_NOUNS


def is_role_word(word: str) -> bool:
    """Say whether a word opens a role rather than going on with a name: "Former", "Sen."."""
    return as_title(word) is not None or word.lower().rstrip(".") in ROLE_PREFIXES


def acronym(words: Sequence[str]) -> str:
    """The acronym of a name, in lower case: the initials of its words but the small ones
    ("Maritime Safety Bureau" and "Bureau of Maritime Safety" give "msb" and "bms")."""
    return "".join(w[0].lower() for w in words if w.lower() not in TITLE_SMALL_WORDS)
