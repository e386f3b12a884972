"""Resolution: one canonical name per person in a document, for names, titles and pronouns."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from .._doc.ents import entities, entity_at, ents_within
from .._doc.labels import GROUP_LABELS, PERSON_LABELS, SUBJECT_DEPS
from .._doc.tokens import TokenIndex, sentence_of, span_root
from .._person import GenderEvidence
from .._types import EntityKind, Speaker
from .mentions import (
    description_span,
    entity_in,
    governor,
    mention_of,
    mention_span,
    role_of,
)
from .naming import (
    compound_start,
    definite,
    entity_name_words,
    genders_differ,
    person_name_words,
    proper_runs,
    role_nouns,
    title_at,
    title_gender,
)
from .organisations import Organisations
from .roster import Seen
from .words import (
    ADDRESS_TITLES,
    FIRST_NAMES,
    NOMINAL_DETERMINERS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    is_organisation,
    written_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The labels the small model gives a person's name by mistake, which the document's other
# evidence may overrule (not places: "Washington" is not George Washington).
MISLABELLED = frozenset({"ORG", "NORP", "WORK_OF_ART", "PRODUCT"})
# and those of places, where the name is the subject of a verb ("Nefzi said" as a GPE)
PLACE_LABELS = frozenset({"GPE"})
SENTENCES_BACK = 5  # how far back a pronoun looks first for the person it stands for
MENTIONS_BACK = 200  # and then, for the last person of its gender, how many mentions back


# What canonical() finds for some words: the fullest name, and by name the people they may mean.
_Forms = tuple[tuple[str, ...], dict[str, tuple[str, ...]]]


class Resolver:
    """Knows the people a document names and resolves a speaker's mention to one of them."""

    def __init__(self, index: TokenIndex) -> None:
        self.index = index
        self.doc = index.doc
        self._variants: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # by any word
        self._gender: dict[str, str] = {}  # person -> "m" or "f", the first evidence found
        self._evidence: dict[str, dict[GenderEvidence, str]] = defaultdict(dict)
        self._mentions: dict[int, str] = {}  # token index -> canonical name of a person there
        self._positions: list[int] = []  # the keys of _mentions, sorted
        self._roles: dict[str, list[tuple[int, str]]] = defaultdict(list)  # noun -> people
        self._role_of: dict[str, str | None] = {}  # person -> what the text first says they are
        self._role_sources: dict[str, list[Span]] = defaultdict(list)  # read when asked: _role
        self._nominal: set[str] = set()  # people named only by a noun phrase: "a girl"
        self._introduced: dict[str, str] = {}  # noun -> the person a text brought in by it
        # a surname the text gives only after a title: "Mr. Bennet", "Mrs. Bennet"
        self._titled: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self._forms: dict[tuple[tuple[str, ...], str | None], _Forms] = {}  # canonical()'s
        people = [e for e in entities(self.doc) if self._labelled_person(e)]
        self._entity_names: set[tuple[str, ...]] = set()  # as the entity recogniser found them
        # the forms of names by first and last word, and the found ones by the words they end
        self._by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
        self._by_suffix: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        self._known: set[tuple[str, ...]] = set()  # every form indexed
        # by full name, the titles of address written before it ("" for none), first as written
        self._address: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
        for ent in people:
            words = entity_name_words(ent)
            if words:
                self._add_variant(words, found=True)
                full = person_name_words(ent)  # "Aung San Suu Kyi" where it found "Kyi"
                if len(full) > len(words):
                    self._add_variant(full, found=True)
                title = title_at(self.doc, ent.start)
                bare = title.lower().rstrip(".") if title else ""
                kept = bare if bare in ADDRESS_TITLES else ""
                self._address[tuple(w.lower() for w in words)].setdefault(kept, title or "")
                if title and len(words) == 1:
                    titled = self._titled[words[0].lower()]
                    if (title, *words) not in titled:
                        titled.append((title, *words))
        for words, last in proper_runs(self.doc, index.quote_of):
            # a full name the entity recogniser missed ("Sherlock Pemberton") of a person it
            # found, or one that opens with a first name or speaks ("Adel Nefzi said"),
            # whatever label it was given; not "Obama White House"
            if not is_organisation(words) and (
                words[0].lower() in self._variants
                or words[-1].lower() in self._variants
                or words[0].lower() in FIRST_NAMES
                or (last.dep_ in SUBJECT_DEPS and last.head.lemma_ in SPEECH_VERBS)
            ):
                self._add_variant(words)
        # and the names the recogniser gave another label that the document gives a person
        # ("Trump" as ORG), so that they count for salience too
        mislabelled = [
            e
            for e in entities(self.doc)
            if (e.label_ in MISLABELLED or (e.label_ in PLACE_LABELS and _acts(e)))
            and (words := entity_name_words(e))
            and self._names_person(e, words)
        ]
        for ent in sorted(people + mislabelled, key=lambda e: e.start):
            words = entity_name_words(ent)
            if words:
                gender = title_gender(self.doc, ent.start)
                name = self.canonical(words, ent.start, gender)
                root = span_root(ent)
                self.note(root.i, name)
                for noun in role_nouns(ent):
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
        self.organisations = Organisations(
            index,
            lambda ent: bool(words := entity_name_words(ent)) and self._names_person(ent, words),
        )

    def _note_bare_names(self) -> None:
        """Note the names outside quotes that the entity recogniser left untagged but the
        document gives a person ("Nefzi said", with "Adel Nefzi" named before)."""
        doc, tree, quote_of = self.doc, self.index.tree, self.index.quote_of
        pos, ent, lower = (
            tree.column(doc, "POS"),
            tree.column(doc, "ENT_TYPE"),
            tree.column(doc, "LOWER"),
        )
        for i, word in enumerate(lower):
            if (
                pos[i] == "PROPN"
                and not ent[i]
                and tree.dep[i] != "compound"
                and quote_of[i] < 0
                and i not in self._mentions
                and any(len(v) >= 2 for v in self._variants.get(word, []))
                and doc[i].is_title
            ):
                self.note(i, self.canonical((doc[i].text,), i, title_gender(doc, i)))

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
        "the girl" or "her mother" is the person last brought in with that noun, or the named
        person the text gave it as a role ("the doctor" for "Dr. Miriam Holt").
        """
        latest: dict[str, str] = {}  # noun -> name of the person it last brought in
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
                tok.tag_ != "NN"
                or noun not in PERSON_NOUNS
                or tok.ent_type_
                or tok.i in self._mentions
                or self.index.quote_of[tok.i] >= 0
                or tok.dep_ in ("appos", "attr")  # "Jane, a nurse,", "she was a nurse"
                or any(c.dep_ == "appos" for c in tok.children)
            ):
                continue
            det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
            if det is None or det.lower_ not in NOMINAL_DETERMINERS:
                continue
            if det.lower_ in ("a", "an") or noun not in latest:
                named = self._with_role(noun, tok.i, later=det.lower_ in ("a", "an"))
                start = min(det.i, mention_span(tok).start)
                latest[noun] = named or " ".join(self.doc[start : tok.i + 1].text.split())
                if not named:
                    self._nominal.add(latest[noun])
                    if PERSON_NOUNS[noun]:
                        self._learn_gender(latest[noun], PERSON_NOUNS[noun], GenderEvidence.NOUN)
            self.note(tok.i, latest[noun])

    def _add_variant(self, words: tuple[str, ...], found: bool = False) -> None:
        """Index a form of a name by its first and last word, once, for canonical(); and, if
        the entity recogniser found it, by the words it ends with ("Suu Kyi")."""
        if words not in self._known:
            self._known.add(words)
            for word in {words[0].lower(), words[-1].lower()}:
                self._variants[word].append(words)
            self._by_ends[words[0].lower(), words[-1].lower()].append(words)
        if found and words not in self._entity_names:
            self._entity_names.add(words)
            for k in range(1, len(words)):
                self._by_suffix[tuple(w.lower() for w in words[k:])].append(words)

    def canonical(self, words: tuple[str, ...], position: int, gender: str | None = None) -> str:
        """Return the fullest name the document gives for the person these words name.

        A gender (from a title: "Mrs Marsh") rules out fuller names whose first name has the
        other one ("Oscar Marsh"), and prefers those whose first name has it ("Hilda Marsh").
        Where several people share the words, the one named last before position.
        """
        if not words:
            return ""
        key = (tuple(w.lower() for w in words), gender)
        if key not in self._forms:  # the forms are all known once __init__ has read them
            self._forms[key] = self._forms_of(key[0], gender)
        best, choices = self._forms[key]
        if len(choices) > 1:  # two people share the name: the one named last before here
            best = self._nearest(choices, position) or best
        return self._written_form(best if len(best) >= len(words) else words)

    def _written_form(self, words: tuple[str, ...]) -> str:
        """A name as the text writes it: with its title of address where the text never writes
        the full name without one ("Sir Henry Curtis"), else without ("Donald Trump")."""
        titles = self._address.get(tuple(w.lower() for w in words), {})
        if len(words) >= 2 and len(titles) == 1 and "" not in titles:
            return " ".join((*titles.values(), *words))
        return " ".join(words)

    def _forms_of(self, lower: tuple[str, ...], gender: str | None) -> _Forms:
        """The fullest name for these words, and the names of the people they may mean."""
        if len(lower) >= 2:
            # the same first and last word, or a fuller name of a person the entity
            # recogniser found that these words end: "Suu Kyi" is "Aung San Suu Kyi"
            same = list(self._by_ends.get((lower[0], lower[-1]), []))
            same += [v for v in self._by_suffix.get(lower, []) if v not in same]
        else:
            same = [v for v in self._variants.get(lower[0], []) if len(v) >= 2]
        if gender:
            agree = [v for v in same if FIRST_NAMES.get(v[0].lower()) == gender]
            same = agree or [v for v in same if FIRST_NAMES.get(v[0].lower(), gender) == gender]
        best: tuple[str, ...] = max(same, key=len, default=())
        choices: set[tuple[str, ...]] = set()
        if len(lower) == 1 and same:
            longest: dict[tuple[str, str], tuple[str, ...]] = {}  # by first and last word
            for v in same:
                if len(v) > len(longest.get((v[0], v[-1]), ())):
                    longest[v[0], v[-1]] = v
            choices = set(longest.values())
            # a title of the other gender than every fuller name's first name is someone else
            # of that family ("Mr. Woodhouse" is not "Emma Woodhouse"), who may be meant too
            choices |= {
                t
                for t in self._titled.get(lower[0], [])
                if all(genders_differ(t, v) for v in choices)
            }
        elif len(lower) == 1 and self._titled.get(lower[0]):
            # a person the text names only by title and surname, of the title's gender
            titled = self._titled[lower[0]]
            agree = [t for t in titled if TITLES.get(t[0].lower().rstrip(".")) == gender]
            choices = set(agree or titled) if gender else set(titled)
            best = (agree or titled)[0] if gender else titled[0]
        return best, {self._written_form(c): c for c in choices}

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
                rank = self._rank(self.doc[i])
                if best is None or rank < best[0]:
                    best = (rank, name)
                if start < 0:
                    start = sentence_of(self.doc[i])[0]
        return wanted[best[1]] if best is not None else None

    def _learn_gender(self, name: str, gender: str, evidence: GenderEvidence) -> None:
        """Take note of a person's gender ("m" or "f") and what showed it."""
        self._gender.setdefault(name, gender)
        self._evidence[name].setdefault(evidence, gender)

    def seen(self) -> list[Seen]:
        """What the document showed of each person resolution met, in order of first mention."""
        found: dict[str, Seen] = {}
        for i in self._positions:
            name = self._mentions[i]
            ent = entity_at(self.doc[i])
            span = ent if ent is not None and ent.label_ in PERSON_LABELS else self.doc[i : i + 1]
            one = found.setdefault(name, Seen(name, EntityKind.PERSON))
            one.mentions.append(mention_of(span))
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

    def speaker(self, head: Token) -> Speaker:
        """Return the Speaker whose mention is headed by head, resolved to a canonical name."""
        span = mention_span(head)
        mention = mention_of(span)
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            # "Smith, who said": the relative pronoun names the speaker, Smith is who it is
            return attrs.evolve(self.speaker(head.head.head), mention=mention)
        if head.pos_ == "PRON":
            name = self.antecedent(head) if head.lower_ in PRONOUN_GENDER else None
            if name is None:
                return Speaker(name=head.text, mention=mention, entity="other")
            self.note(head.i, name)
            return Speaker(name=name, mention=mention, role=self._role(name), entity="person")
        ent = entity_in(span, head)
        known = self._mentions.get(head.i)
        if known is not None and known in self._nominal and ent is None:
            # "the girl": the person the text brought in as "a girl", named by those words
            return Speaker(name=known, mention=mention, entity="other")
        words = entity_name_words(ent) if ent is not None else (head.text,)
        # an entity, or a capitalised word the tagger missed ("Swers" as a plural noun)
        named = ent if ent is not None else self.doc[head.i : head.i + 1] if head.is_title else None
        if (named is not None and words and self._names_person(named, words)) or known is not None:
            start = ent.start if ent is not None else head.i
            name = known or self.canonical(words, head.i, title_gender(self.doc, start))
            self.note(head.i, name)
            role = role_of(span, ent, head)
            if ent is not None and not span.start <= ent.start < span.end:
                role = span.text  # the name stands in apposition: "Its leader, Jane Smith,"
            role = role or self._role(name)
            return Speaker(name=name, mention=mention, role=role, entity="person")
        if head.pos_ == "PROPN":
            start = compound_start(head)
            words = entity_name_words(self.doc[start : head.i + 1])
            gender = title_gender(self.doc, start)
            name = self.canonical(words, head.i, gender) if words else span.text
            if ent is None and words:
                # a name the entity recogniser missed, speaking: a person from now on
                self.note(head.i, name)
                return Speaker(name=name, mention=mention, entity="person")
        if ent is None and head.pos_ == "NOUN" and definite(head):
            noun = head.lemma_.lower()
            name = self._with_role(noun, head.i)
            if name is None and noun in ROLE_NOUNS and noun not in self._introduced:
                # "the businessman": a description of a person named before, as a pronoun,
                # unless the text gave that person another role ("a spokesman" is not "the
                # mayor")
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
        if ent is None and head.lemma_.lower() in ORGANISATION_NOUNS:
            # "the nationalist Global Times tabloid": the organisation it names
            named_org = next((e for e in ents_within(span) if e.label_ == "ORG"), None)
            if named_org is not None:
                org_name = " ".join(written_words(named_org.text))
                return Speaker(name=org_name, mention=mention, entity="organisation")
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

    def _names_person(self, ent: Span, words: tuple[str, ...]) -> bool:
        """Say whether an entity names a person, by the whole document's evidence rather than
        its own label: a PERSON, or a name the document gives a person elsewhere (a surname
        the entity recogniser took for an organisation), or a name after a title ("Mr")."""
        if ent.label_ in PERSON_LABELS:
            return self._labelled_person(ent)
        if ent.start and ent.doc[ent.start - 1].lower_.rstrip(".") in TITLES:
            return True
        lower = tuple(w.lower() for w in words)
        known = self._variants.get(lower[0], [])
        if len(words) == 1:
            return any(len(v) >= 2 for v in known)
        # the same name, or the end of a person's name the recogniser found ("Vargas Llosa")
        return lower in self._by_suffix or any(tuple(w.lower() for w in v) == lower for v in known)

    @staticmethod
    def _labelled_person(ent: Span) -> bool:
        """Say whether the recogniser's PERSON label on an entity holds: not on the name of
        an organisation ("Obama White House")."""
        if ent.label_ not in PERSON_LABELS:
            return False
        words = entity_name_words(ent)
        return len(words) < 2 or not is_organisation(words)

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

    def antecedent(self, pron: Token) -> str | None:
        """Return the person a pronoun stands for: the most salient one named just before it.

        Looks in the pronoun's sentence, then back a few sentences; in each, the subject of
        the main clause first, then other subjects, then other mentions, left to right.
        Skips people whose known gender does not match the pronoun.
        """
        gender = PRONOUN_GENDER.get(pron.lower_)
        start, end = sentence_of(pron)
        for _ in range(SENTENCES_BACK):
            lo = bisect_left(self._positions, start)
            hi = bisect_left(self._positions, min(end, pron.i))
            found = [
                (self._rank(self.doc[i]), i, self._mentions[i])
                for i in self._positions[lo:hi]
                if self.index.quote_of[i] < 0 and self._may_have(self._mentions[i], gender)
            ]
            if found:
                return self._agree(min(found)[2], gender)
            if start == 0:
                return None
            start, end = sentence_of(self.doc[start - 1])
        return self._latest(pron.i, gender)

    def _latest(self, position: int, gender: str | None) -> str | None:
        """The person named last before position, of the pronoun's gender where known."""
        k = bisect_left(self._positions, position)
        for i in reversed(self._positions[max(0, k - MENTIONS_BACK) : k]):
            name = self._mentions[i]
            if self.index.quote_of[i] < 0 and self._may_have(name, gender):
                return self._agree(name, gender)
        return None

    def _may_have(self, name: str, gender: str | None) -> bool:
        """Say whether a person may have a pronoun's gender: any, if the pronoun has none."""
        return gender is None or self._gender.get(name, gender) == gender

    def _agree(self, name: str, gender: str | None) -> str:
        """Learn a person's gender from the pronoun that stands for them."""
        if gender is not None:
            self._learn_gender(name, gender, GenderEvidence.PRONOUN)
        return name

    @staticmethod
    def _rank(tok: Token) -> int:
        tok = governor(tok)
        if tok.dep_ in SUBJECT_DEPS:
            return 0 if tok.head.dep_ == "ROOT" else 1
        return 2


def _acts(ent: Span) -> bool:
    """Say whether an entity is the subject of a verb: "Nefzi said", not "in Nefzi"."""
    return span_root(ent).dep_ in SUBJECT_DEPS
