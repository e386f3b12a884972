"""The forms of the names a document gives its people, and the canonical name for any of them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .._doc.labels import PERSON_LABELS
from .._doc.tree import doc_tree, sentence_of
from .._lexicon.people import FIRST_NAMES, PERSON_NOUNS, as_title, is_organisation, is_place
from .._person import Gender
from .naming import entity_name_words, genders_differ, title_at

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The parts of speech a name may be tagged with: a noun, or an adjective ("said Lopez").
NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})
# ... but not where the parse uses an adjective as one: "distinctly Homeric".
MODIFIER_DEPS = frozenset({"acomp", "amod", "advmod"})
# What canonical() finds for some words: the fullest name, and by name the people they may mean.
_Forms = tuple[tuple[str, ...], dict[str, tuple[str, ...]]]
# Which of several people sharing a name (by their names) is meant at a position: see
# `MentionLog.nearest`.
Nearest = Callable[[dict[str, tuple[str, ...]], int], "str | None"]


class NameForms:
    """Every form of a person's name a document writes, indexed, to give the canonical one.

    Args:
        nearest: Which of several people who share a name is meant at a position: the one
            the document mentioned last before it (`MentionLog.nearest`).
        unsure_starts: the forms are runs of capitalised words, which may open with words
            that are no part of the name ("Defense Secretary Ash Carter", "Peru Jane Smith"
            after "envoy to", "Trump Plaza"): a form is also the shorter forms it ends with,
            one word is a surname only of the forms it ends, and of a person's forms the one
            the text writes most often (the shorter of two as often) is canonical rather
            than the fullest.
        titles_apart: a surname after a title of address is a person of its own ("Mrs.
            Pellow" is not "Tamsin Pellow"), unless the text writes the title before a
            fuller name of that surname ("Mrs. Tamsin Pellow"), as novels keep a family's
            members apart.
    """

    def __init__(
        self, nearest: Nearest, unsure_starts: bool = False, titles_apart: bool = False
    ) -> None:
        self._nearest = nearest
        self._unsure_starts = unsure_starts
        self._titles_apart = titles_apart
        # by title and surname, the fuller names the text writes the title before: "Mrs.
        # Tamsin Pellow" gives ("mrs", "pellow") -> [("Tamsin", "Pellow")]
        self._titled_in_full: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        self._written: Counter[tuple[str, ...]] = Counter()  # how often each form is added
        self._variants: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # by first, last word
        self._entity_names: set[tuple[str, ...]] = set()  # as the entity recogniser found them
        # the forms of names by first and last word, and the found ones by the words they end
        self._by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        self._by_suffix: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        self._known: set[tuple[str, ...]] = set()  # every form indexed
        # by full name, the titles of address written before it ("" for none), first as written
        self._address: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
        # a surname the text gives only after a title: "Mr. Bennet", "Mrs. Bennet"
        self._titled: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self._forms: dict[tuple[tuple[str, ...], Gender | None], _Forms] = {}  # canonical()'s
        # by full name, every title written before it, as written ("" for none)
        self._written_titles: dict[tuple[str, ...], set[str]] = defaultdict(set)
        # by title and the one word after it ("miss", "pinkerton"), the sentences writing them
        self._titled_sentences: dict[tuple[str, str], set[int]] = defaultdict(set)

    def add_found(self, ent: Span, words: tuple[str, ...], full: tuple[str, ...]) -> None:
        """Index a person's name the entity recogniser found: its words, the fuller name its
        compound gives, and the title written before it."""
        self.add(words, found=True)
        if len(full) > len(words):
            self.add(full, found=True)
        title = title_at(ent.doc, ent.start, words)
        found = as_title(title) if title else None
        bare = found.word if found is not None else ""
        kept = bare if found is not None and found.address else ""
        self._address[_lower(words)].setdefault(kept, title or "")
        if len(words) >= 2:
            self._written_titles[_lower(words)].add(title or "")
            if (
                bare
                and words not in self._titled_in_full[bare, words[-1].lower()]
                and not genders_differ((bare,), words)  # "Mrs. John Dashwood" is John's wife
            ):
                self._titled_in_full[bare, words[-1].lower()].append(words)
        if title and len(words) == 1:
            titled = self._titled[words[0].lower()]
            if (title, *words) not in titled:
                titled.append((title, *words))
            self._titled_sentences[bare, words[0].lower()].add(sentence_of(ent.doc[ent.start])[0])

    def add(self, words: tuple[str, ...], found: bool = False) -> None:
        """Index a form of a name by its first and last word, once, for canonical(); and, if
        the entity recogniser found it, by the words it ends with ("Suu Kyi")."""
        self._written[words] += 1
        if words not in self._known:
            self._known.add(words)
            for word in {words[0].lower(), words[-1].lower()}:
                self._variants[word].append(words)
            self._by_ends[words[0].lower(), words[-1].lower()].append(words)
        if found and words not in self._entity_names:
            self._entity_names.add(words)
            for k in range(1, len(words)):
                self._by_suffix[_lower(words[k:])].append(words)

    def knows(self, word: str) -> bool:
        """Say whether a word opens or ends a form of a name."""
        return word.lower() in self._variants

    def surname_of_someone(self, word: str) -> bool:
        """Say whether a word opens or ends a name of two words or more ("Nefzi"); with
        unsure starts, ends one."""
        return bool(self._fuller(word.lower()))

    def fuller(self, first: str) -> list[tuple[str, ...]]:
        """The names of two words or more a first name opens ("Marianne Dashwood")."""
        return [v for v in self._variants.get(first.lower(), []) if len(v) >= 2 and v[0] == first]

    def _fuller(self, word: str) -> list[tuple[str, ...]]:
        """The names of two words or more this word (in lower case) opens or ends; with unsure
        starts, ends."""
        return [
            v
            for v in self._variants.get(word, [])
            if len(v) >= 2 and (not self._unsure_starts or v[-1].lower() == word)
        ]

    def canonical(
        self,
        words: tuple[str, ...],
        position: int,
        gender: Gender | None = None,
        title: str | None = None,
    ) -> str:
        """Return the fullest name the document gives for the person these words name.

        A gender (from a title: "Mrs Marsh") rules out fuller names whose first name has the
        other one ("Oscar Marsh"), and prefers those whose first name has it ("Hilda Marsh").
        Where several people share the words, the one `nearest` picks at position. A surname
        after a title is someone of its own where the text sets it beside the same title and
        a first name of that surname ("Miss Jemima?" asked Miss Pinkerton: two sisters).
        """
        if not words:
            return ""
        if title and self._titles_apart and len(words) >= 2 and genders_differ((title,), words):
            return " ".join((title, *words))  # "Mrs. John Dashwood": not John Dashwood
        if title and len(words) == 1 and self._apart(title, words[0]):
            return f"{title} {words[0]}"
        if title and len(words) == 1 and self._titles_apart:
            fuller = self._titled_fuller(title, words[0])
            if fuller is not None:  # "Mr. Gradgrind": only a fuller name written with "Mr."
                if not fuller:
                    return f"{title} {words[0]}"
                options = {self._written_form(v): v for v in fuller}
                meant = self._nearest(options, position) if len(options) > 1 else None
                return meant or self._written_form(fuller[0])
        key = (_lower(words), gender)
        if key not in self._forms:  # the forms are all known once the Resolver has read them
            self._forms[key] = self._forms_of(key[0], gender)
        best, choices = self._forms[key]
        if len(choices) > 1:  # two people share the name: the one named last before here
            meant = self._nearest(choices, position)
            best = choices[meant] if meant is not None else best
        if not best or (len(best) < len(words) and not self._unsure_starts):
            best = words  # a shorter form stands for these words only if they may open with
        return self._written_form(best)  # others ("Defense Secretary Ash Carter")

    def _titled_fuller(self, title: str, surname: str) -> list[tuple[str, ...]] | None:
        """The fuller names with this surname the text writes this title of address before
        ("Mr. Thomas Gradgrind"), which the title and surname alone may stand for; None for
        no title of address ("Dr. Aziz" is Aziz whoever else is called so)."""
        found = as_title(title)
        if found is None or not found.address:
            return None
        return self._titled_in_full.get((found.word, surname.lower()), [])

    def _apart(self, title: str, surname: str) -> bool:
        """Whether the text writes the title and this surname in a sentence that also has the
        title and the first name of a fuller name with that surname."""
        found, last = as_title(title), surname.lower()
        if found is None:
            return False
        bare = found.word
        here = self._titled_sentences.get((bare, last), set())
        firsts = {v[0].lower() for v in self._variants.get(last, []) if v[-1].lower() == last}
        return any(
            here & self._titled_sentences.get((bare, first), set()) for first in firsts - {last}
        )

    def always_titled(self, name: str) -> str | None:
        """The name with the title the text writes before it each time it writes it whole,
        if that is always the same one ("Dr. Howard Archie"), else None."""
        titles = self._written_titles.get(_lower(name.split()), set())
        title = next(iter(titles)) if len(titles) == 1 else ""
        return f"{title} {name}" if title else None

    def _written_form(self, words: tuple[str, ...]) -> str:
        """A name as the text writes it: with its title of address where the text never writes
        the full name without one ("Sir Henry Curtis"), else without ("Donald Trump")."""
        titles = self._address.get(_lower(words), {})
        if len(words) >= 2 and len(titles) == 1 and "" not in titles:
            return " ".join((*titles.values(), *words))
        return " ".join(words)

    def _forms_of(self, lower: tuple[str, ...], gender: Gender | None) -> _Forms:
        """The fullest name for these words, and the names of the people they may mean."""
        if len(lower) >= 2:
            # the same first and last word, or a fuller name of a person the entity
            # recogniser found that these words end: "Suu Kyi" is "Aung San Suu Kyi"
            same = list(self._by_ends.get((lower[0], lower[-1]), []))
            same += [v for v in self._by_suffix.get(lower, []) if v not in same]
            if self._unsure_starts:  # and the names these words end with: "Ash Carter"
                same += [
                    v
                    for k in range(1, len(lower) - 1)
                    for v in self._by_ends.get((lower[k], lower[-1]), [])
                    if _lower(v) == lower[k:] and v not in same
                ]
        else:  # not two people's first names run together ("Katharine Cassandra")
            same = [v for v in self._fuller(lower[0]) if not self._first_names_run(v)]
        if gender:
            agree = [v for v in same if FIRST_NAMES.get(v[0].lower()) == gender]
            same = agree or [v for v in same if FIRST_NAMES.get(v[0].lower(), gender) == gender]
        best: tuple[str, ...] = max(same, key=self._preference, default=())
        choices: set[tuple[str, ...]] = set()
        if len(lower) == 1 and same:
            preferred: dict[tuple[str, str], tuple[str, ...]] = {}  # by first and last word
            for v in same:
                if (v[0], v[-1]) not in preferred or (
                    self._preference(v) > self._preference(preferred[v[0], v[-1]])
                ):
                    preferred[v[0], v[-1]] = v
            choices = set(preferred.values())
            # a title of the other gender than every fuller name's first name is someone else
            # of that family ("Mr. Woodhouse" is not "Emma Woodhouse"), who may be meant too
            choices |= {
                t
                for t in self._titled.get(lower[0], [])
                if all(genders_differ(t, v) for v in choices) and not self._bare_for_woman(t)
            }
        elif len(lower) == 1 and self._titled.get(lower[0]):
            # a person the text names only by title and surname, of the title's gender
            titled = self._titled[lower[0]]
            agree = [t for t in titled if (title := as_title(t[0])) and title.gender == gender]
            choices = set(agree or titled) if gender else set(titled)
            best = (agree or titled)[0] if gender else titled[0]
        return best, {self._written_form(c): c for c in choices}

    def _bare_for_woman(self, titled: tuple[str, ...]) -> bool:
        """Say whether, in a novel, a bare surname cannot stand for this title and surname:
        a woman's ("Mrs Beaver", "Miss Ripon"), whom novels do not call by her surname
        alone, where a fuller name of that surname is someone else ("Beaver" is John)."""
        found = as_title(titled[0])
        return self._titles_apart and found is not None and found.gender is Gender.FEMALE

    def _first_names_run(self, form: tuple[str, ...]) -> bool:
        """Say whether, in a novel (titles kept apart), a form of two words ends with a first
        name that opens another full name of the text: "Katharine Cassandra" where the text
        names Cassandra Otway is two people, not Katharine's surname. Not in news, where
        "Brian Jack" and "Jack Dalrymple" are two full names."""
        last = form[-1]
        return (
            self._titles_apart
            and len(form) == 2
            and last.lower() in FIRST_NAMES
            and any(len(v) >= 2 and v[0] == last for v in self._variants.get(last.lower(), []))
        )

    def _preference(self, form: tuple[str, ...]) -> tuple[int, ...]:
        """How much a form is preferred as a person's canonical name: the fullest, or the
        most written (see unsure_starts)."""
        if self._unsure_starts:
            return (self._written[form], -len(form))
        return (len(form),)

    def names_person(self, ent: Span, words: tuple[str, ...]) -> bool:
        """Say whether an entity names a person, by the whole document's evidence rather than
        its own label: a PERSON, or a name the document gives a person elsewhere (a surname
        the entity recogniser took for an organisation), or a name after a title ("Mr")."""
        if ent.label_ in PERSON_LABELS:
            return labelled_person(ent)
        if is_organisation(ent.text.split()) or is_place(words):  # "Republican party", "Ferry Lane"
            return False
        opening = as_title(ent[0].lower_) if len(ent) > len(words) else None
        if (ent.start and as_title(ent.doc[ent.start - 1].lower_) is not None) or (
            opening is not None and opening.address
        ):
            return True  # after a title, or opening with Mr, Ms ("Ms Kwiatkowska-Hale" as WORK)
        if len(ent) >= 2 and ent[0].is_title and ent[1].is_title and ent[0].lower_ in PERSON_NOUNS:
            return True  # a noun for a person written as a title: "Aunt Clementine", "Uncle Jo"
        lower = _lower(words)
        known = self._variants.get(lower[0], [])
        if len(words) == 1:
            return any(len(v) >= 2 for v in known)
        # the same name, or the end of a person's name the recogniser found ("Vargas Llosa")
        return lower in self._by_suffix or any(_lower(v) == lower for v in known)


def _lower(words: Iterable[str]) -> tuple[str, ...]:
    """The words in lower case, as the indexes key names."""
    return tuple(map(str.lower, words))


def labelled_person(ent: Span) -> bool:
    """Say whether the recogniser's PERSON label on an entity holds: not on the name of an
    organisation ("Obama White House") or a place ("Ferry Lane"), nor on words that cannot be
    a name ("Conceding"), nor on a sound the text says again in lower case ("Chirk, chirk")."""
    if ent.label_ not in PERSON_LABELS:
        return False
    tree = doc_tree(ent.doc)
    pos = tree.column(ent.doc, "POS")
    if not any(
        pos[i] in NAME_POS and tree.dep[i] not in MODIFIER_DEPS for i in range(ent.start, ent.end)
    ):
        return False  # not the "Down" of "Down, down, down.", nor "it was Homeric"
    if len(ent) == 1 and any(t.text == ent.text.lower() for t in ent.doc[ent.end : ent.end + 3]):
        return False  # a sound said again in lower case: "Chirk, chirk, chirk"
    if opens_role(ent):
        return False  # "Volunteer coordinator Ana Ruiz": a role, not a name
    words = entity_name_words(ent)
    return len(words) < 2 or not (is_organisation(words) or is_place(words))


def opens_role(ent: Span) -> bool:
    """Say whether an entity is a common noun that modifies a lower-case noun for a role
    before a name, at a sentence's start where it has a capital: the "Volunteer" of
    "Volunteer coordinator Ana Ruiz", the "Council" of "Council member Tom Reed"."""
    word = ent[0]
    head = word.head
    return (
        len(ent) == 1
        and word.pos_ in ("NOUN", "PROPN")
        and _opens_sentence(word)
        and word.dep_ == "compound"
        and head.i == ent.end
        and head.pos_ == "NOUN"
        and head.is_lower
    )


def _opens_sentence(word: Token) -> bool:
    """Say whether a word opens a sentence: nothing but blanks and punctuation before it."""
    i = word.i - 1
    while i >= 0 and word.doc[i].is_space:
        i -= 1
    return i < 0 or word.doc[i].is_punct
