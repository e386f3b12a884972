"""Resolution with a parse: one canonical name per person in a document, and the speaker
each cue's words name.

The `Resolver` reads the document's people in text order into a `MentionLog`: the names
(`KnownNames`: entities, the forms of names, bare surnames), the people named only by a
noun (`Roles`), the parents and spouses named by their relation ("her mother": `family`),
the subject pronouns of the narration (`Antecedents`). Then it resolves each cue's speaker
to one of them, or to a group, an organisation or a description.
"""

from __future__ import annotations

from functools import cached_property, partial
from typing import TYPE_CHECKING

import attrs

from .._doc.ents import entity_at
from .._doc.labels import AGENT_LABELS, GROUP_LABELS, PERSON_LABELS
from .._doc.tokens import TokenIndex
from .._doc.tree import span_root
from .._lexicon.people import (
    NAME_JOINERS,
    PRONOUN_GENDER,
    PRONOUN_MENTIONS,
    ROLE_NOUNS,
    as_title,
    is_organisation,
)
from .._types import EntityKind, Mention, Speaker
from .antecedents import Antecedents
from .documents import is_document, issuer_of
from .family import note_kin, note_relatives
from .known import KnownNames
from .log import MentionLog
from .mentions import (
    description_span,
    entity_in,
    mention_of,
    mention_span,
    one_person,
    relative_antecedent,
    role_of,
)
from .naming import (
    compound_start,
    definite,
    entity_name_words,
    person_name_words,
    speaks,
    title_gender,
)
from .organisations import Organisations
from .roles import Roles

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from .roster import Seen


class Resolver:
    """Knows the people a document names and resolves a speaker's mention to one of them."""

    def __init__(
        self, index: TokenIndex, fiction: bool = False, captions: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.index = index
        self.doc = index.doc
        self.log = MentionLog()  # by token index
        self.known = KnownNames(index, self.log, fiction, captions)
        self.forms = self.known.forms
        self.entities = self.known.entities
        self.roles = Roles(index, self.log, fiction)
        self.antecedents = Antecedents(index, self.log)
        for ent, name in self.known.note_people():
            self.roles.add_named(ent, name)
        self.known.note_bare_names()
        self.roles.note_nominals()
        self.roles.note_described()
        note_relatives(
            index, self.log, self.forms, partial(self.antecedents.antecedent, learn=False)
        )
        if fiction:  # "Uncle Sam" is no one's uncle in the news
            note_kin(index, self.log)
        self.antecedents.note_subject_pronouns()
        self.roles.note_described_named()

    @cached_property
    def organisations(self) -> Organisations:
        """The organisations the document names, read when first asked: the names of people,
        which tell a person from an organisation, are all known by then."""
        return Organisations(self.index, self.entities, self.known.is_person)

    def seen(self) -> list[Seen]:
        """What the document showed of each person resolution met, in order of first mention."""

        def mention_at(i: int) -> Mention:
            ent = entity_at(self.doc[i])
            if ent is not None and (ent.label_ in PERSON_LABELS or span_root(ent).i == i):
                return mention_of(ent)  # the whole name, whatever its label ("De Griers")
            return mention_of(self.doc[i : i + 1])

        found = self.log.seen(mention_at)
        for one in found:
            role = self.roles.role(one.name)
            if role:
                one.roles.append(role)
        return found

    def speaker(self, head: Token, spoken_to: frozenset[str] = frozenset()) -> Speaker:
        """Return the Speaker whose mention is headed by head, resolved to a canonical name,
        or the speakers joined with "and" ("said Ana Reyes and Tom Baird"): all of them, by
        their names joined as the text joins them."""
        first = self._one_speaker(head, spoken_to)
        joined = [] if self.roles.fiction else _names_joined(head)
        if not joined or mention_span(joined[-1]).text in (first.name or ""):
            return first  # one, or a group named with all its words ("Democrats and Republicans")
        each = [first, *(self._one_speaker(tok, spoken_to) for tok in joined)]
        names = [one.name or tok.text for one, tok in zip(each, (head, *joined), strict=True)]
        organisations = all(one.entity is EntityKind.ORGANISATION for one in each)
        span = self.doc[mention_span(head).start : mention_span(joined[-1]).end]
        return Speaker(
            name=f"{', '.join(names[:-1])} and {names[-1]}",
            mention=mention_of(span),
            entity="organisation" if organisations else "other",
        )

    def _one_speaker(self, head: Token, spoken_to: frozenset[str]) -> Speaker:
        """The Speaker whose mention is headed by head, resolved to a canonical name;
        a pronoun not to one of the people its quote speaks to; a document ("the report") to
        who issued it, where the text says (else it stays as written: PolNeAR's annotators
        take it for the source, and leaving it without a speaker cost 0.4 points of speaker
        accuracy there)."""
        head = _named_before(head) or head
        span = mention_span(head)
        mention = mention_of(span)
        stands_for = _stands_for(head)
        if stands_for is None and is_document(head) and definite(head):
            stands_for = issuer_of(head)
        if stands_for is not None:
            return attrs.evolve(self._one_speaker(stands_for, spoken_to), mention=mention)
        if head.pos_ == "PRON":
            return self._pronoun_speaker(head, mention, spoken_to)
        return self._noun_speaker(head, span, mention)

    def _pronoun_speaker(self, head: Token, mention: Mention, spoken_to: frozenset[str]) -> Speaker:
        """The Speaker a pronoun stands for: the person it refers to, not one of those its quote
        speaks to; the organisation the narration made the actor just before "it";
        else the group it made the subject just before "they"; else no one, a speaker without
        a name, but for a pronoun that describes someone ("somebody", "another"), which names
        them as it does."""
        name = (
            self.antecedents.antecedent(head, spoken_to) if head.lower_ in PRONOUN_GENDER else None
        )
        org = self.organisations.salient(head) if head.lower_ == "it" else None
        if org is not None:  # "...," it said: the organisation named before
            return Speaker(name=org, mention=mention, entity="organisation")
        if name is None:
            group = self.roles.described.group_before(head) if head.lower_ == "they" else None
            if group is None and head.lower_ not in PRONOUN_MENTIONS:
                group = head.text  # "somebody said", "said another"
            return Speaker(name=group, mention=mention, entity="other")
        self.log.note(head.i, name)
        return Speaker(name=name, mention=mention, role=self.roles.role(name), entity="person")

    def _noun_speaker(self, head: Token, span: Span, mention: Mention) -> Speaker:
        """The Speaker a mention that is not a pronoun stands for: a person the document
        knows, one it names, one a definite noun describes, or what the words themselves say."""
        ent = entity_in(span, head, self.index.quote_of)
        known = self.log.name_at(head.i)
        if known is not None and self.roles.is_nominal(known) and ent is None:
            # "the girl": the person the text brought in as "a girl", named by those words
            return Speaker(name=known, mention=mention, entity="other")
        return (
            self._acronym_speaker(head, ent, mention)
            or self._titled_speaker(head, span, mention)
            or self._person_speaker(head, span, ent, known, mention)
            or self._missed_person_speaker(head, ent, mention)
            or self._definite_noun_speaker(head, span, ent, mention)
            or self._speaker_as_written(head, span, ent, mention)
        )

    def _acronym_speaker(self, head: Token, ent: Span | None, mention: Mention) -> Speaker | None:
        """The organisation an acronym stands for ("the PNRA" after "the Pacific Northwest Rail
        Authority") where the recogniser found no entity there or took it for a name; None if
        it is none."""
        org = self.organisations.abbreviated(head) if ent is None or head.pos_ == "PROPN" else None
        return None if org is None else Speaker(name=org, mention=mention, entity="organisation")

    def _titled_speaker(self, head: Token, span: Span, mention: Mention) -> Speaker | None:
        """The person a title alone after "the" stands for: the one the text named with that
        title ("Colonel Ashby ... said the Colonel"); None if head is no such title or the
        text named no one with it."""
        title = as_title(head.text)
        if title is None or title.address or len(span) != 2 or not definite(head):
            return None
        name = self.roles.with_role(title.noun, head.i)
        if name is None:
            return None
        self.log.note(head.i, name)
        return Speaker(name=name, mention=mention, role=self.roles.role(name), entity="person")

    def _person_speaker(
        self, head: Token, span: Span, ent: Span | None, known: str | None, mention: Mention
    ) -> Speaker | None:
        """The person a mention names, with the role the text gives them: a name the log
        already has for head (known), or a person's name in the entity ent or in head's own
        capitalised word; None if the mention names nobody."""
        words = person_name_words(ent) if ent is not None else (head.text,)
        # an entity, or a capitalised word the tagger missed ("Swers" as a plural noun)
        named = ent if ent is not None else self.doc[head.i : head.i + 1] if head.is_title else None
        if not (
            (named is not None and words and self.known.is_person_name(named, words))
            or known is not None
        ):
            return None
        start = ent.start if ent is not None else head.i
        name = known or self.known.titled_canonical(words, start, head.i)
        self.log.note(head.i, name)
        role = role_of(span, ent, head)
        if ent is not None and not span.start <= ent.start < span.end:
            role = span.text  # the name stands in apposition: "Its leader, Jane Smith,"
        role = role or self.roles.role(name)
        return Speaker(name=name, mention=mention, role=role, entity="person")

    def _missed_person_speaker(
        self, head: Token, ent: Span | None, mention: Mention
    ) -> Speaker | None:
        """A person from now on: a proper noun speaking that the entity recogniser missed, or
        took for a place or a thing ("said the burly Moze" as LOC); None if head is none."""
        if head.pos_ != "PROPN" or not head.text[:1].isupper():  # not "committee" as a name
            return None
        start = compound_start(head)
        words = entity_name_words(self.doc[start : head.i + 1])
        if (
            not words
            or is_organisation(words)  # "the Kettering Gazette said", as a WORK_OF_ART
            or (ent is not None and (ent.label_ in AGENT_LABELS | GROUP_LABELS or not speaks(head)))
        ):
            return None
        name = self.forms.canonical(words, head.i, title_gender(self.doc, start))
        self.log.note(head.i, name)
        return Speaker(name=name, mention=mention, entity="person")

    def _definite_noun_speaker(
        self, head: Token, span: Span, ent: Span | None, mention: Mention
    ) -> Speaker | None:
        """Who a definite noun outside any entity stands for: someone the text described
        before, a person it gave that role, or an organisation or a group it named before;
        None if head is no such noun or stands for none of them."""
        if ent is not None or head.pos_ != "NOUN" or not definite(head):
            return None
        noun = head.lemma_.lower()
        described = self.roles.described.before(
            noun, head.i, lambda i: self.roles.may_be(self.log.name_at(i) or "", noun)
        )
        if described is not None:  # "the official" after "a senior official ... said"
            return Speaker(name=described, mention=mention, entity="other")
        name = self._person_in_role(head, span, noun)
        if name is not None:
            self.log.note(head.i, name)
            return Speaker(name=name, mention=mention, role=span.text, entity="person")
        if len(span) != 2:
            return None
        org = self.organisations.referred(head)
        if org is not None:  # "the company" after "Monsanto"
            return Speaker(name=org, mention=mention, entity="organisation")
        group = self.organisations.group(head)
        if group is not None:  # "the members" after "nearly 140 House members"
            return Speaker(name=group, mention=mention, entity="other")
        return None

    def _person_in_role(self, head: Token, span: Span, noun: str) -> str | None:
        """The person a definite role noun at head names: the one the text gave that role, or
        else ("the businessman"), as a pronoun would, one person named before, unless the text
        gave that person another role ("a spokesman" is not "the mayor")."""
        name = self.roles.with_role(noun, head.i)
        if (
            name is not None
            or noun not in ROLE_NOUNS
            or self.roles.introduced(noun)
            or not one_person(head, span)
        ):
            return name
        # not a source known by a description with another noun ("a lawmaker" is no candidate)
        name = self.antecedents.antecedent(
            head,
            may_be=lambda name: not self.roles.is_nominal(name) or noun in name.lower().split(),
        )
        return name if name is not None and self.roles.may_be(name, noun) else None

    def _speaker_as_written(
        self, head: Token, span: Span, ent: Span | None, mention: Mention
    ) -> Speaker:
        """The Speaker the mention's words give, with nobody resolved: the organisation they
        name, the description of someone known only by it, or the words themselves."""
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
        entity = (
            "organisation"
            if ent is not None
            and (ent.label_ in GROUP_LABELS or is_organisation(entity_name_words(ent)))
            else "other"
        )
        if (
            ent is not None
            and entity == "organisation"
            and ent.end > span.end
            and self.doc[span.end].lower_ in NAME_JOINERS
        ):
            # the recogniser's whole name, where the phrase stops at its "and" ("Barnes & Noble")
            span = self.doc[span.start : ent.end]
        return Speaker(name=span.text, mention=mention, entity=entity)


def _names_joined(head: Token) -> list[Token]:
    """The names joined to head's by "and" as one subject ("Ana Reyes and Tom Baird", "A, B
    and C"), after it in order; none where any is no name ("a Republican", a title alone),
    or the words are "or"."""
    joined: list[Token] = []
    tok: Token | None = head
    while tok is not None:
        if tok.pos_ != "PROPN" or as_title(tok.text) is not None or _indefinite(tok):
            return []
        joined.append(tok)
        tok = next((c for c in tok.children if c.dep_ == "conj"), None)
    words = {c.lower_ for t in joined for c in t.children if c.dep_ == "cc"}
    return joined[1:] if words == {"and"} else []


def _indefinite(tok: Token) -> bool:
    """Say whether a word has "a" or "an" before it: "a Republican" is no name."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _stands_for(head: Token) -> Token | None:
    """The word a speaker's word stands for, if it stands for another: a relative pronoun's
    antecedent ("Smith, who said": Smith is who it is), a voice's owner ("the voice of John
    Reed", "Buck Mulligan's voice")."""
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        return relative_antecedent(head)
    return _owner(head) if head.lemma_.lower() == "voice" else None


def _named_before(head: Token) -> Token | None:
    """The name a lower-case word that is no noun was taken to modify, as the tagger reads
    "said Anne mournfully" ("mournfully" a proper noun and the subject, "Anne" its
    compound): the person is Anne. Not a noun's: "the Obama administration" is no person."""
    if not head.is_lower or head.pos_ == "NOUN":
        return None
    names = [c for c in head.lefts if c.dep_ == "compound" and c.ent_type_ in PERSON_LABELS]
    return names[-1] if names else None


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
