"""Resolution: one canonical name per person in a document, for names, titles and pronouns."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict
from functools import cached_property
from typing import TYPE_CHECKING

import attrs
from spacy.tokens import Span

from .._doc.ents import entities, entity_at
from .._doc.labels import (
    AGENT_LABELS,
    GROUP_LABELS,
    MISLABELLED,
    PERSON_LABELS,
    PLACE_LABELS,
    SUBJECT_DEPS,
)
from .._doc.tokens import TokenIndex, sentence_of, span_root
from .._lexicon.people import (
    FIRST_NAMES,
    NOMINAL_DETERMINERS,
    PERSON_NOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    is_organisation,
)
from .._person import Gender, GenderEvidence
from .._types import EntityKind, Speaker
from .described import Descriptions
from .forms import NameForms, labelled_person
from .mentions import (
    acts,
    description_span,
    entity_in,
    governor,
    mention_of,
    mention_span,
    one_person,
    relative_antecedent,
    role_of,
    salience_rank,
)
from .naming import (
    compound_start,
    definite,
    entity_name_words,
    heading_paragraphs,
    person_name_words,
    proper_runs,
    role_nouns,
    speaking_names,
    speaks,
    title_at,
    title_gender,
    unrecognised_people,
)
from .organisations import Organisations
from .roster import Seen

if TYPE_CHECKING:
    from spacy.tokens import Token

SENTENCES_BACK = 5  # how far back a pronoun looks first for the person it stands for
MENTIONS_BACK = 200  # and then, for the last person of its gender, how many mentions back
MAX_CLAUSE_CLIMB = 6  # how far up from a mention its clause's verb may be
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "parataxis"})


class Resolver:
    """Knows the people a document names and resolves a speaker's mention to one of them."""

    def __init__(self, index: TokenIndex) -> None:
        self.index = index
        self.doc = index.doc
        self.forms = NameForms()
        self._gender: dict[str, Gender] = {}  # person -> the first evidence found
        self._evidence: dict[str, dict[GenderEvidence, Gender]] = defaultdict(dict)
        self._mentions: dict[int, str] = {}  # token index -> canonical name of a person there
        self._positions: list[int] = []  # the keys of _mentions, sorted
        self._roles: dict[str, list[tuple[int, str]]] = defaultdict(list)  # noun -> people
        self._role_of: dict[str, str | None] = {}  # person -> what the text first says they are
        self._role_sources: dict[str, list[Span]] = defaultdict(list)  # read when asked: _role
        self._nominal: set[str] = set()  # people named only by a noun phrase: "a girl"
        self._introduced: dict[str, str] = {}  # noun -> the person a text brought in by it
        headings = heading_paragraphs(self.doc, index.paragraph_of)
        # the entities of the document, but not of a book's headings ("CHAPTER I")
        found = [e for e in entities(self.doc) if index.paragraph_of[e.start] not in headings]
        # and a name that speaks as a novel's people do ("said Montraville") is a person's,
        # whatever the recogniser took it for
        self._speakers = speaking_names(found, index.quote_of)
        found = [
            Span(self.doc, e.start, e.end, label="PERSON") if e.text in self._speakers else e
            for e in found
        ]
        self.entities = found
        people = [e for e in found if labelled_person(e)]
        # by where each starts, the words of their names, and "Aung San Suu Kyi" where the
        # recogniser found "Suu Kyi"
        full = {e.start: person_name_words(e) for e in people}
        for ent in people:
            words = entity_name_words(ent)
            if words:
                self.forms.add_found(ent, words, full[ent.start])
        for words, last in proper_runs(self.doc, index.quote_of):
            # a full name the entity recogniser missed ("Sherlock Pemberton") of a person it
            # found, or one that opens with a first name or speaks ("Adel Nefzi said"),
            # whatever label it was given; not "Obama White House"
            if not is_organisation(words) and (
                self.forms.knows(words[0])
                or self.forms.knows(words[-1])
                or words[0].lower() in FIRST_NAMES
                or speaks(last)
            ):
                self.forms.add(words)
        # and the names the recogniser gave another label that the document gives a person
        # ("Trump" as ORG), so that they count for salience too; or that it tags a person
        # more often than anything else ("Rose" as LOC once, as PERSON four times), but for
        # an organisation ("Twitter" in a story about it)
        votes: Counter[tuple[str, bool]] = Counter(
            (e.text, e.label_ in PERSON_LABELS) for e in found
        )

        def mislabelled(e: Span) -> bool:
            if e.label_ in PERSON_LABELS:
                return False
            if e.label_ != "ORG" and votes[e.text, True] > votes[e.text, False]:
                return True
            taken = e.label_ in MISLABELLED or (e.label_ in PLACE_LABELS and acts(e))
            return taken and self._is_person(e)

        others = [e for e in found if mislabelled(e)]
        for ent in sorted(people + others, key=lambda e: e.start):
            words = full[ent.start] if ent.start in full else person_name_words(ent)
            if words:
                gender = title_gender(self.doc, ent.start)
                title = title_at(self.doc, ent.start, words)
                name = self.canonical(words, ent.start, gender, title)
                root = span_root(ent)
                self.note(root.i, name)
                for noun in role_nouns(ent, index.quote_of):
                    self._roles[noun].append((ent.start, name))
                self._role_sources[name].append(ent)
                if gender:
                    self._learn_gender(name, gender, GenderEvidence.TITLE)
                first = name.split()[0].lower()
                if first in FIRST_NAMES:
                    self._learn_gender(name, FIRST_NAMES[first], GenderEvidence.FIRST_NAME)
        self._note_bare_names()
        self._note_nominals()
        self._note_subject_pronouns()

    @cached_property
    def described(self) -> Descriptions:
        """The sources the document brings in by a description, read when first asked."""
        return Descriptions(self.index)

    @cached_property
    def organisations(self) -> Organisations:
        """The organisations the document names, read when first asked: the names of people,
        which tell a person from an organisation, are all known by then."""
        return Organisations(self.index, self.entities, self._is_person)

    def _note_bare_names(self) -> None:
        """Note the names outside quotes that the entity recogniser left untagged but the
        document gives a person ("Nefzi said", with "Adel Nefzi" named before)."""
        doc, tree, quote_of = self.doc, self.index.tree, self.index.quote_of
        unrecognised = unrecognised_people(doc, quote_of)
        pos, ent, lower = (
            tree.column(doc, "POS"),
            tree.column(doc, "ENT_TYPE"),
            tree.column(doc, "LOWER"),
        )
        for i, word in enumerate(lower):
            if (
                pos[i] in ("PROPN", "NOUN")  # "Trump" tagged as the noun
                and not ent[i]
                and tree.dep[i] != "compound"
                and quote_of[i] < 0
                and i not in self._mentions
                and (self.forms.surname_of_someone(word) or word in unrecognised)
                and doc[i].is_title
            ):
                gender = title_gender(doc, i)
                name = self.canonical((doc[i].text,), i, gender)
                self.note(i, name)
                if gender:
                    self._learn_gender(name, gender, GenderEvidence.TITLE)

    def _note_subject_pronouns(self) -> None:
        """Resolve, in text order, the "he" and "she" that are subjects in the narration,
        so that the person a paragraph goes on about stays salient ("Trump spoke. He
        lambasted the deal negotiated by Obama, who he said ...": he is Trump)."""
        tree, quote_of = self.index.tree, self.index.quote_of
        for i, word in enumerate(tree.column(self.doc, "LOWER")):
            if (
                word in PRONOUN_GENDER
                and tree.dep[i] in SUBJECT_DEPS
                and quote_of[i] < 0
                and i not in self._mentions
            ):
                name = self.antecedent(self.doc[i])
                if name is not None:
                    self.note(i, name)

    def _note_nominals(self) -> None:
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
                or tok.i in self._mentions
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
            if indefinite or key not in latest:
                named = self._with_role(noun, tok.i, indefinite) if key == noun else None
                latest[key] = (
                    named
                    or (det.lower_ == "the" and self.described.person_before(tok.i, noun))
                    or " ".join(words)
                )
                if not named:
                    self._nominal.add(latest[key])
                    gender = PERSON_NOUNS[noun]
                    if gender is not None:
                        self._learn_gender(latest[key], gender, GenderEvidence.NOUN)
            elif det.lower_ == "the" and latest[key].split()[0].lower() in ("a", "an"):
                # "a gentleman ... the gentleman": named as the narration goes on to call
                # them, if that says all the first words did ("a young woman", not "the woman")
                said = {w.lower() for w in latest[key].split()[1:]}
                if said <= {w.lower() for w in words[1:]}:
                    renamed.setdefault(latest[key], " ".join([words[0].lower(), *words[1:]]))
            self.note(tok.i, latest[key])
        self._rename(renamed)

    def _rename(self, renamed: dict[str, str]) -> None:
        """Give people new names: old name -> new name."""
        for i, name in self._mentions.items():
            self._mentions[i] = renamed.get(name, name)
        self._nominal = {renamed.get(name, name) for name in self._nominal}
        for noun, name in self._introduced.items():
            self._introduced[noun] = renamed.get(name, name)
        for old, new in renamed.items():
            if old in self._gender:
                self._gender.setdefault(new, self._gender.pop(old))
            if old in self._evidence:
                self._evidence[new] = self._evidence.pop(old) | self._evidence.get(new, {})

    def canonical(
        self,
        words: tuple[str, ...],
        position: int,
        gender: Gender | None = None,
        title: str | None = None,
    ) -> str:
        """Return the fullest name the document gives for the person these words name
        (`NameForms.canonical`); of several people who share it, the one `_nearest` picks."""
        return self.forms.canonical(words, position, gender, self._nearest, title)

    def _nearest(self, wanted: dict[str, tuple[str, ...]], position: int) -> tuple[str, ...] | None:
        """The one of these names mentioned last before position; of several in that
        sentence, the one in the most salient place ("Ann Smith, mother of Tom Smith": Ann)."""
        best: tuple[int, str] | None = None  # rank, name
        start = -1
        for k in range(bisect_left(self._positions, position) - 1, -1, -1):
            i = self._positions[k]
            if i < start:
                break
            name = self._mentions[i]
            if name in wanted:
                rank = salience_rank(self.doc[i])
                if best is None or rank < best[0]:
                    best = (rank, name)
                if start < 0:
                    start = sentence_of(self.doc[i])[0]
        return wanted[best[1]] if best is not None else None

    def _learn_gender(self, name: str, gender: Gender, evidence: GenderEvidence) -> None:
        """Take note of a person's gender and what showed it."""
        self._gender.setdefault(name, gender)
        self._evidence[name].setdefault(evidence, gender)

    def seen(self) -> list[Seen]:
        """What the document showed of each person resolution met, in order of first mention."""
        found: dict[str, Seen] = {}
        for i in self._positions:
            name = self._mentions[i]
            ent = entity_at(self.doc[i])
            span = ent if ent is not None and ent.label_ in PERSON_LABELS else self.doc[i : i + 1]
            if name not in found:
                found[name] = Seen(name, EntityKind.PERSON)
            found[name].mentions.append(mention_of(span))
        for name, one in found.items():
            one.genders.update(self._evidence.get(name, {}))
            role = self._role(name)
            if role:
                one.roles.append(role)
        return list(found.values())

    def note(self, token: int, name: str) -> None:
        """Record that the token at this index refers to the named person."""
        if token not in self._mentions:
            insort(self._positions, token)
        self._mentions[token] = name

    def speaker(self, head: Token, spoken_to: frozenset[str] = frozenset()) -> Speaker:
        """Return the Speaker whose mention is headed by head, resolved to a canonical name;
        a pronoun not to one of the people its quote speaks to."""
        span = mention_span(head)
        mention = mention_of(span)
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            # "Smith, who said": the relative pronoun names the speaker, Smith is who it is
            return attrs.evolve(self.speaker(relative_antecedent(head)), mention=mention)
        owner = _owner(head) if head.lemma_.lower() == "voice" else None
        if owner is not None:  # "the voice of John Reed", "Buck Mulligan's voice"
            return attrs.evolve(self.speaker(owner), mention=mention)
        if head.pos_ == "PRON":
            name = self.antecedent(head, spoken_to) if head.lower_ in PRONOUN_GENDER else None
            if name is None:  # "they": a group the narration made the subject just before
                group = self.described.group_before(head) if head.lower_ == "they" else None
                return Speaker(name=group or head.text, mention=mention, entity="other")
            self.note(head.i, name)
            return Speaker(name=name, mention=mention, role=self._role(name), entity="person")
        ent = entity_in(span, head, self.index.quote_of)
        known = self._mentions.get(head.i)
        if known is not None and known in self._nominal and ent is None:
            # "the girl": the person the text brought in as "a girl", named by those words
            return Speaker(name=known, mention=mention, entity="other")
        words = person_name_words(ent) if ent is not None else (head.text,)
        # an entity, or a capitalised word the tagger missed ("Swers" as a plural noun)
        named = ent if ent is not None else self.doc[head.i : head.i + 1] if head.is_title else None
        if (named is not None and words and self._names_person(named, words)) or known is not None:
            start = ent.start if ent is not None else head.i
            name = known or self.canonical(
                words, head.i, title_gender(self.doc, start), title_at(self.doc, start, words)
            )
            self.note(head.i, name)
            role = role_of(span, ent, head)
            if ent is not None and not span.start <= ent.start < span.end:
                role = span.text  # the name stands in apposition: "Its leader, Jane Smith,"
            role = role or self._role(name)
            return Speaker(name=name, mention=mention, role=role, entity="person")
        if head.pos_ == "PROPN" and head.text[:1].isupper():  # not "committee" as a name
            start = compound_start(head)
            words = entity_name_words(self.doc[start : head.i + 1])
            gender = title_gender(self.doc, start)
            name = self.canonical(words, head.i, gender) if words else span.text
            if words and (
                ent is None or (ent.label_ not in AGENT_LABELS | GROUP_LABELS and speaks(head))
            ):
                # a name the entity recogniser missed, or took for a place or a thing ("said
                # the burly Moze" as LOC), speaking: a person from now on
                self.note(head.i, name)
                return Speaker(name=name, mention=mention, entity="person")
        if ent is None and head.pos_ == "NOUN" and definite(head):
            noun = head.lemma_.lower()
            described = self.described.before(
                noun, head.i, lambda i: self._may_be(self._mentions.get(i, ""), noun)
            )
            if described is not None:  # "the official" after "a senior official ... said"
                return Speaker(name=described, mention=mention, entity="other")
            name = self._with_role(noun, head.i)
            if (
                name is None
                and noun in ROLE_NOUNS
                and noun not in self._introduced
                and one_person(head, span)
            ):
                # "the businessman": a description of a person named before, as a pronoun,
                # unless the text gave that person another role ("a spokesman" is not "the
                # mayor"); one person
                name = self.antecedent(head)
                if name is not None and not self._may_be(name, noun):
                    name = None
            if name is not None:
                self.note(head.i, name)
                return Speaker(name=name, mention=mention, role=span.text, entity="person")
            org = self.organisations.referred(head) if len(span) == 2 else None
            if org is not None:  # "the company" after "Monsanto"
                return Speaker(name=org, mention=mention, entity="organisation")
            group = self.organisations.group(head) if len(span) == 2 else None
            if group is not None:  # "the members" after "nearly 140 House members"
                return Speaker(name=group, mention=mention, entity="other")
        org = Organisations.named_in(span, head) if ent is None else None
        if org is not None:  # "the nationalist Global Times tabloid": the organisation it names
            return Speaker(name=org, mention=mention, entity="organisation")
        if ent is not None and ent.label_ == "NORP" and any(c.dep_ == "det" for c in head.children):
            ent = None  # "another Muslim who worshiped there": a description, not a group
        if ent is None and head.pos_ in ("NOUN", "PROPN"):  # known only by a description
            return Speaker(
                name=description_span(head, self.index.quote_of).text,
                mention=mention,
                entity="other",
            )
        entity = "organisation" if ent is not None and ent.label_ in GROUP_LABELS else "other"
        return Speaker(name=span.text, mention=mention, entity=entity)

    def _is_person(self, ent: Span) -> bool:
        """Say whether an entity names a person, by the whole document's evidence."""
        return bool(words := entity_name_words(ent)) and self._names_person(ent, words)

    def _names_person(self, span: Span, words: tuple[str, ...]) -> bool:
        """Say whether a span with these name words names a person: by the names of the
        document (`NameForms.names_person`), or because it speaks as a novel's people do."""
        return self.forms.names_person(span, words) or span.text in self._speakers

    def _with_role(self, noun: str, position: int, later: bool = False) -> str | None:
        """The person last introduced before position with this role ("the ambassador"),
        or else the first introduced after it: a story may say "the parson" before his name.
        Only the later one if asked: "an elderly parson" is someone new, maybe named later."""
        people = self._roles.get(noun, [])
        before = [] if later else [name for start, name in people if start < position]
        people = [(start, name) for start, name in people if start > position] if later else people
        return before[-1] if before else (people[0][1] if people else None)

    def _role(self, name: str) -> str | None:
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

    def _may_be(self, name: str, noun: str) -> bool:
        """Say whether a person may be called by a role noun: not if the text gave them a
        role with another role noun."""
        role = (self._role(name) or "").lower().split()
        return not any(w in ROLE_NOUNS and w != noun for w in role)

    def antecedent(self, pron: Token, spoken_to: frozenset[str] = frozenset()) -> str | None:
        """Return the person a pronoun stands for: the most salient one named just before it.

        Looks in the pronoun's sentence, then back a few sentences; in each, the subject of
        the main clause first, then other subjects, then other mentions, left to right.
        Skips people whose known gender does not match the pronoun, and those spoken to.
        """
        gender = PRONOUN_GENDER.get(pron.lower_)
        start, end = sentence_of(pron)
        clause = self._clause_of(pron.i) if pron.pos_ == "PRON" else -1  # not "the chairwoman"
        for _ in range(SENTENCES_BACK):
            lo = bisect_left(self._positions, start)
            hi = bisect_left(self._positions, min(end, pron.i))
            found = [
                (salience_rank(self.doc[i]), i, self._mentions[i])
                for i in self._positions[lo:hi]
                if self._may_stand_for(i, gender, spoken_to)
                and (clause < 0 or self._clause_of(i) != clause)
            ]
            if found:
                return self._agree(min(found)[2], gender)
            if start == 0:
                return None
            start, end = sentence_of(self.doc[start - 1])
        return self._latest(pron.i, gender, spoken_to)

    def _clause_of(self, i: int) -> int:
        """The verb of the clause whose argument token i is: a pronoun does not stand for a
        person named in its own clause ("To Holmes she is always the woman": she is not
        Holmes). -1 inside a possessive or a topic, which it may ("In Lee's view, he is
        right", "As for Lee, he said")."""
        tree = self.index.tree
        pos, lower = tree.column(self.doc, "POS"), tree.column(self.doc, "LOWER")
        for _ in range(MAX_CLAUSE_CLIMB):
            if pos[i] in ("VERB", "AUX") or tree.dep[i] in CLAUSE_DEPS:
                return i  # a verb, or the head of a clause the tagger took for a noun
            if tree.dep[i] == "poss" or lower[i] == "as" or tree.head[i] == i:
                return -1
            i = tree.head[i]
        return -1

    def _latest(
        self, position: int, gender: Gender | None, spoken_to: frozenset[str] = frozenset()
    ) -> str | None:
        """The person named last before position, of the pronoun's gender where known."""
        k = bisect_left(self._positions, position)
        for i in reversed(self._positions[max(0, k - MENTIONS_BACK) : k]):
            if self._may_stand_for(i, gender, spoken_to):
                return self._agree(self._mentions[i], gender)
        return None

    def _may_stand_for(self, i: int, gender: Gender | None, spoken_to: frozenset[str]) -> bool:
        """Say whether a pronoun of this gender may stand for the person mentioned at token
        i: in the narration, of a gender that may be the pronoun's, not one its quote speaks
        to."""
        name = self._mentions[i]
        return self.index.quote_of[i] < 0 and self._may_have(name, gender) and name not in spoken_to

    def _may_have(self, name: str, gender: Gender | None) -> bool:
        """Say whether a person may have a pronoun's gender: any, if the pronoun has none."""
        return gender is None or self._gender.get(name, gender) == gender

    def _agree(self, name: str, gender: Gender | None) -> str:
        """Learn a person's gender from the pronoun that stands for them."""
        if gender is not None:
            self._learn_gender(name, gender, GenderEvidence.PRONOUN)
        return name


def _owner(noun: Token) -> Token | None:
    """Who a noun belongs to, if a name says so: "John Reed's voice", "the voice of John
    Reed"."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            found = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if found is not None:
                return found
    return None
