"""People by their roles and nouns, with a parse: "the ambassador" for the person given that
role, "the girl" for the person a text brought in as "a girl", and what the text first says
each person is."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING

from .._doc.labels import APPOSITION_DEPS, SUBJECT_DEPS
from .._doc.tokens import TokenIndex
from .._doc.tree import sentence_of, span_root
from .._lexicon.people import (
    GENERIC_PERSON_NOUNS,
    NOMINAL_DETERMINERS,
    PERSON_NOUNS,
    PRONOUN_GENDER,
    ROLE_NAMES,
    ROLE_NOUNS,
)
from .._person import GenderEvidence
from .described import Descriptions
from .mentions import governor, mention_span, role_of
from .naming import role_nouns, speaks

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .._person import Gender
    from .log import MentionLog

SCENE_SENTENCES = 5  # how far back "the old woman" looks for the one woman named


class Roles:
    """The roles and nouns a document gives its people.

    Args:
        index: The token index of the document.
        log: Where the people's mentions are noted, by token index.
        fiction: Read descriptions as fiction does: an epithet as the person of its sex
            named just before it ("said the old woman"), someone brought in by a noun as
            the name they go by ("signed the register as Corwin Vale").
    """

    def __init__(self, index: TokenIndex, log: MentionLog, fiction: bool = False) -> None:
        self.index = index
        self.doc = index.doc
        self.log = log
        self.fiction = fiction
        self._roles: dict[str, list[tuple[int, str]]] = defaultdict(list)  # noun -> people
        self._role_of: dict[str, str | None] = {}  # person -> what the text first says they are
        self._role_sources: dict[str, list[Span]] = defaultdict(list)  # read when asked: role
        self._nominal: set[str] = set()  # people named only by a noun phrase: "a girl"
        self._introduced: dict[str, str] = {}  # noun -> the person a text brought in by it
        self._first_described: list[tuple[int, Gender | None, str]] = []  # "the old woman" first

    @cached_property
    def described(self) -> Descriptions:
        """The sources the document brings in by a description, read when first asked."""
        return Descriptions(self.index)

    def add_named(self, ent: Span, name: str) -> None:
        """Take note of the nouns a named person's entity gives them ("ambassador Jane
        Smith"), and of the entity, to read their role from when asked."""
        for noun in role_nouns(ent, self.index.quote_of):
            self._roles[noun].append((ent.start, name))
            if noun in ROLE_NAMES:  # "a surgeon" is "the doctor"
                self._roles[ROLE_NAMES[noun]].append((ent.start, name))
        self._role_sources[name].append(ent)

    def is_nominal(self, name: str) -> bool:
        """Say whether a person is named only by a noun phrase ("a girl")."""
        return name in self._nominal

    def introduced(self, noun: str) -> bool:
        """Say whether the text brought someone in by this noun ("a girl")."""
        return noun in self._introduced

    def note_nominals(self) -> None:
        """Note the people a text names only by a noun ("a girl ... the girl"), outside quotes.

        "a girl" (or the first "the girl") brings in a person, named by those words; a later
        "the girl" is the person last brought in with that noun, or the named person the text
        gave it as a role ("the doctor" for "Dr. Miriam Holt"). A person brought in as "a
        girl" is named by the first "the girl" that refers back, as the narration goes on
        to call her. A possessive ("her mother") brings in and refers back by its own words
        only.
        """
        latest: dict[str, str] = {}  # noun ("his wife": with the possessive) -> its person
        renamed: dict[str, str] = {}  # "a gentleman" -> "the gentleman"
        self._introduced = latest
        tags, lemmas = (
            self.index.tree.column(self.doc, "TAG"),
            self.index.tree.column(self.doc, "LEMMA"),
        )
        for tok in (
            self.doc[i]
            for i, tag in enumerate(tags)
            if tag == "NN" and lemmas[i].lower() in PERSON_NOUNS
        ):
            noun = tok.lemma_.lower()
            if (
                tok.ent_type_
                or tok.i in self.log
                or self.index.quote_of[tok.i] >= 0
                or tok.dep_ in ("appos", "attr")  # "Jane, a nurse,", "she was a nurse"
                or any(c.dep_ == "appos" for c in tok.children)
            ):
                continue
            det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
            if det is None or det.lower_ not in NOMINAL_DETERMINERS:
                continue
            # "his wife" is whoever "his" is married to, not the last "a wife": a possessive
            # brings in the person its own words name, and refers back by them only
            key = f"{det.lower_} {noun}" if det.dep_ == "poss" else noun
            indefinite = det.lower_ in ("a", "an")
            words = self.doc[min(det.i, mention_span(tok).start) : tok.i + 1].text.split()
            given = self._name_given(tok)
            if given is not None:  # "a boy named Felix Oyelaran": "the boy" is Felix
                latest[key] = given
            elif indefinite or key not in latest:
                named = self.with_role(noun, tok.i, indefinite) if key == noun else None
                latest[key] = (
                    named
                    or (det.lower_ == "the" and self.described.person_before(tok.i, noun))
                    or " ".join(words)
                )
                if not named:
                    self._nominal.add(latest[key])
                    gender = PERSON_NOUNS[noun]
                    if gender is not None:
                        self.log.learn_gender(latest[key], gender, GenderEvidence.NOUN)
                    if self.fiction and det.lower_ == "the" and _epithet(tok):
                        self._first_described.append((tok.i, gender, latest[key]))
            elif det.lower_ == "the" and latest[key].split()[0].lower() in ("a", "an"):
                # "a gentleman ... the gentleman": named as the narration goes on to call
                # them, if that says all the first words did ("a young woman", not "the woman")
                said = {w.lower() for w in latest[key].split()[1:]}
                if said <= {w.lower() for w in words[1:]}:
                    renamed.setdefault(latest[key], " ".join([words[0].lower(), *words[1:]]))
            self.log.note(tok.i, latest[key])
        self._rename(renamed)
        self._nominal = {renamed.get(name, name) for name in self._nominal}

    def note_described_named(self) -> None:
        """In fiction, take a person the narration first calls "the" and a noun of sex or age
        alone ("said the old woman") for the one person of that sex the sentences before
        mention, where those name them ("Edith Penhallow had kept the lighthouse cottage").
        Run once the narration's pronouns have shown who is of which sex."""
        renamed = {}
        for position, gender, name in self._first_described:  # none but in fiction
            found = self._one_named_before(position, gender, name)
            if found is not None:
                renamed[name] = found
        if renamed:
            self._rename(renamed)
            self._nominal -= renamed.keys()

    def _rename(self, renamed: dict[str, str]) -> None:
        """Give people new names (old name -> new name) wherever they are noted."""
        self.log.rename(renamed)
        for noun, name in self._introduced.items():
            self._introduced[noun] = renamed.get(name, name)

    def _one_named_before(self, position: int, gender: Gender | None, described: str) -> str | None:
        """The one person of this gender (any, for None) the narration mentioned in the
        sentences before position, but for the last who speaks there (the description is
        who answers them), if they are named there and the text showed their gender; else
        None."""
        start = position
        for _ in range(SCENE_SENTENCES):
            if start == 0:
                break
            start = sentence_of(self.doc[start - 1])[0]
        mentioned = [i for i in self.log.within(start, position) if self.index.quote_of[i] < 0]
        answered = next((self.log[i] for i in reversed(mentioned) if speaks(self.doc[i])), None)
        fitting = {self.log[i] for i in mentioned if self.log.may_have(self.log[i], gender)}
        fitting -= {answered, described}
        if len(fitting) != 1:
            return None
        (name,) = fitting
        named = any(self.doc[i].pos_ == "PROPN" and self.log[i] == name for i in mentioned)
        return name if named and (gender is None or self.log.gender_of(name) == gender) else None

    def _name_given(self, noun: Token) -> str | None:
        """The person a naming verb on a noun names: "a boy named Felix Oyelaran", "a clerk
        called Hobbs"; or the name a person brought in by the noun goes by ("A man came in
        and signed the register as Corwin Vale")."""
        for verb in noun.children:
            if verb.dep_ == "acl" and verb.lemma_.lower() in ("name", "call"):
                for name in verb.children:
                    if name.dep_ in ("oprd", "dobj") and name.i in self.log:
                        return self.log[name.i]
        if noun.dep_ != "nsubj" or not self.fiction:
            return None
        verbs = [noun.head, *(c for c in noun.head.children if c.dep_ == "conj")]
        for prep in (c for verb in verbs for c in verb.children if c.lower_ == "as"):
            for name in prep.children:
                if name.dep_ == "pobj" and name.pos_ == "PROPN" and name.i in self.log:
                    return self.log[name.i]
        return None

    def note_described(self) -> None:
        """Note each source brought in by a description with a role noun ("A lawyer
        representing the family said"), by that description, so that a pronoun after it
        may stand for them as for a named person; of the gender the noun says
        ("spokeswoman"), or else a pronoun in a relative clause on it ("who asked that her
        name be withheld"). Not one with a name in apposition: that is the person's role."""
        for position, name, noun in self.described.people():
            if noun in ROLE_NOUNS and position not in self.log and not self._named_beside(position):
                self.log.note(position, name)
                self._nominal.add(name)
                gender = PERSON_NOUNS.get(noun)
                if gender is not None:
                    self.log.learn_gender(name, gender, GenderEvidence.NOUN)
                elif (said := _gender_said_of(self.doc[position])) is not None:
                    self.log.learn_gender(name, said, GenderEvidence.PRONOUN)

    def _named_beside(self, position: int) -> bool:
        """Say whether the noun at position has a person's name in apposition to it ("another
        delegate, Jim Poolman,"): the description is then that person's role."""
        tree = self.index.tree
        return any(c in self.log for c in tree.children_with(position, APPOSITION_DEPS))

    def with_role(self, noun: str, position: int, later: bool = False) -> str | None:
        """The person last introduced before position with this role ("the ambassador"),
        or else the first introduced after it: a story may say "the parson" before his name.
        Only the later one if asked: "an elderly parson" is someone new, maybe named later."""
        people = self._roles.get(noun, [])
        before = [] if later else [name for start, name in people if start < position]
        people = [(start, name) for start, name in people if start > position] if later else people
        return before[-1] if before else (people[0][1] if people else None)

    def role(self, name: str) -> str | None:
        """What the text first says a person is: the role by the first of their names that
        has one ("Jane Smith, a spokeswoman for the mayor,"), read when first asked."""
        if name not in self._role_of:
            role = None
            for ent in self._role_sources.get(name, []):
                gov = governor(span_root(ent))
                role = role_of(mention_span(gov), ent, gov)
                if role:
                    break
            self._role_of[name] = role
        return self._role_of[name]

    def may_be(self, name: str, noun: str) -> bool:
        """Say whether a person may be called by a role noun: not if the text gave them a
        role with another role noun."""
        role = (self.role(name) or "").lower().split()
        return not any(w in ROLE_NOUNS and noun not in (w, ROLE_NAMES.get(w)) for w in role)


def _epithet(noun: Token) -> bool:
    """Say whether a noun says of someone only their sex or age and what they are like:
    "the old woman", "the worthy woman", not "the man", who may be anyone come in."""
    return noun.lemma_.lower() in GENERIC_PERSON_NOUNS and any(
        c.dep_ == "amod" for c in noun.children
    )


def _gender_said_of(noun: Token) -> Gender | None:
    """The gender a relative clause on a noun gives its person, by a pronoun subject or
    possessive in it: "an official who asked not to be named because she was not authorised",
    "an executive who requested anonymity to avoid damaging his business"."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        for tok in clause.subtree:
            if tok.dep_ in SUBJECT_DEPS | {"poss"} and tok.lower_ in PRONOUN_GENDER:
                return PRONOUN_GENDER[tok.lower_]
    return None
