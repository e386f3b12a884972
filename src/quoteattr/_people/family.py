"""Relatives a text names by their relation to someone: "her mother" is Mrs. Dashwood where
"her" is Marianne Dashwood, "his wife" is Mrs. Bennet where "his" is Mr. Bennet (a family's
parents and spouses share its surname under a title of address); "his aunt" is Aunt Polly
where the text calls no one else Aunt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lexicon.people import FIRST_NAMES, PRONOUN_GENDER, as_title

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from spacy.tokens import Token

    from .._doc.tokens import TokenIndex
    from .forms import NameForms
    from .log import MentionLog

# The title of address under which each relation bears the family's surname; a mother's or
# a father's only where the child bears it too, not a married woman's ("Mrs. Herriton's
# mother" is no Herriton).
RELATION_TITLES = {"mother": "mrs", "father": "mr", "wife": "mrs", "husband": "mr"}
_BY_BIRTH = frozenset({"mother", "father"})
# Relations a text also writes before a first name, as a title ("Aunt Mabel", "Uncle Bert").
KIN_TITLES = frozenset({"aunt", "uncle", "grandmother", "grandfather", "granny", "grandpa"})


def note_relatives(
    index: TokenIndex,
    log: MentionLog,
    forms: NameForms,
    antecedent: Callable[[Token], str | None],
) -> None:
    """Note, at each "her mother", "his wife" or "Emma's father" of the narration, the one
    person the text names with the relation's title and the surname of the person the
    possessive stands for (antecedent: who a pronoun stands for)."""
    doc, tree = index.doc, index.tree
    lemmas = tree.column(doc, "LEMMA")
    names: Collection[str] | None = None
    for i, lemma in enumerate(lemmas):
        relation = lemma.lower()
        if relation not in RELATION_TITLES or index.quote_of[i] >= 0:
            continue
        owner = next((doc[c] for c in tree.lefts[i] if tree.dep[c] == "poss"), None)
        if owner is None:
            continue
        of = antecedent(owner) if owner.lower_ in PRONOUN_GENDER else log.name_at(owner.i)
        if of is None or (relation in _BY_BIRTH and _titled(of, {"mrs", "lady"})):
            continue
        surname = family_name(of, forms)
        if surname is None:
            continue
        if names is None:
            names = log.names()
        title = RELATION_TITLES[relation]
        found = [
            n
            for n in names
            if n != of and _titled(n, {title}) and n.split()[-1].lower() == surname.lower()
        ]
        if len(found) > 1:  # "Mrs. Dashwood", not her daughter-in-law "Mrs. John Dashwood"
            found = [n for n in found if len(n.split()) == 2]
        if len(found) == 1:
            log.note(i, found[0])


def family_name(name: str, forms: NameForms) -> str | None:
    """The surname of a person by their canonical name: its last word ("Mr. Palmer"), or,
    for a first name alone ("Marianne", "Miss Louisa"), the last word of the fuller names
    the text gives it, where they agree; None for no name ("her mother")."""
    words = name.split()
    if not all(w[:1].isupper() for w in words):
        return None
    titled = as_title(words[0]) is not None
    if titled:
        words = words[1:]
    if len(words) >= 2 or (words and titled and words[0].lower() not in FIRST_NAMES):
        return words[-1]
    surnames = {v[-1] for v in forms.fuller(words[0])} if words else set()
    return surnames.pop() if len(surnames) == 1 else None


def _titled(name: str, titles: Collection[str]) -> bool:
    """Say whether a name opens with one of these titles (lower case, no full stop)."""
    title = as_title(name.split()[0])
    return title is not None and title.word in titles


def note_kin(index: TokenIndex, log: MentionLog) -> None:
    """Note, at each "my aunt" or "her uncle" of the narration, the one person the text
    names with that relation before their name ("Aunt Mabel"), if there is one only."""
    doc, tree = index.doc, index.tree
    lemmas = tree.column(doc, "LEMMA")
    kin = [i for i, lemma in enumerate(lemmas) if lemma.lower() in KIN_TITLES]
    titled: dict[str, set[str]] = {}  # relation -> the people named with it as a title
    for i in kin:
        if tree.dep[i] == "compound" and tree.head[i] in log:
            titled.setdefault(lemmas[i].lower(), set()).add(log[tree.head[i]])
    for i in kin:
        found = titled.get(lemmas[i].lower(), set())
        if (
            len(found) == 1
            and index.quote_of[i] < 0
            and any(tree.dep[c] == "poss" for c in tree.lefts[i])
        ):
            log.note(i, next(iter(found)))
