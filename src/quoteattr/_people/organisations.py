"""Organisations and groups a text refers back to by a common noun or by "it": "Monsanto ...
the company said", "nearly 140 House members ... the members said", "Monsanto ... it said"."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .._doc.ents import ents_within
from .._doc.labels import PERSON_LABELS, SUBJECT_DEPS
from .._lexicon.cues import SPEECH_VERBS
from .._lexicon.people import (
    NAME_JOINERS,
    ORGANISATION_NOUNS,
    acronym,
    is_person_noun,
    written_words,
)
from .mentions import description_span, is_according_source, mention_span
from .naming import definite

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .._doc.tokens import TokenIndex

ORGANISATION_LABELS = frozenset({"ORG"})
PEOPLE_LABELS = PERSON_LABELS | {"NORP"}  # a person, or people named by what they are
TOKENS_BACK = 300  # how far back "the company" or "it" looks for the organisation it stands for


class Organisations:
    """The organisations a document names outside its quotes, by where it names them: by an
    entity ("Monsanto") or by a noun phrase with its own modifiers ("the health department").
    """

    def __init__(
        self, index: TokenIndex, named: Iterable[Span], is_person: Callable[[Span], bool]
    ) -> None:
        """Read the organisations of index's document, named by these entities or by noun
        phrases; is_person says whether an entity the recogniser took for one is a person
        the document names ("Nefzi")."""
        doc = index.doc
        found: list[tuple[int, str, str]] = []  # position, name, its last word
        orgs = [
            e
            for e in _split_names_joined(list(named))
            if e.label_ in ORGANISATION_LABELS and index.quote_of[e.start] < 0
        ]
        for ent in orgs:
            words = written_words(ent.text, organisation=True)
            if words and "\n" not in ent.text and not is_person(ent):
                found.append((ent.start, " ".join(words), words[-1].lower()))
        tree = index.tree
        tags, lemmas = tree.column(doc, "TAG"), tree.column(doc, "LEMMA")
        nouns = [
            doc[i]
            for i, lemma in enumerate(lemmas)
            if lemma.lower() in ORGANISATION_NOUNS
            # a common noun, or one in lower case tagged as a name: "China's foreign ministry"
            and (tags[i] == "NN" or (tags[i] == "NNP" and lemma.islower()))
            and index.quote_of[i] < 0
        ]
        for tok in nouns:
            noun = tok.lemma_.lower()
            if not tok.ent_type_ and any(c.dep_ in ("amod", "compound", "poss") for c in tok.lefts):
                span = mention_span(tok)
                proper = [
                    t
                    for t in span
                    if t.pos_ == "PROPN" and t.dep_ == "compound" and t.is_title and t.i < tok.i
                ]
                if proper:  # "Family Circle magazine": the name is Family Circle
                    span = doc[proper[0].i : proper[-1].i + 1]
                    found.append((span.start, " ".join(written_words(span.text)), noun))
                else:  # "the health department", "China's foreign ministry"
                    found.append((span.start, " ".join(span.text.split()), noun))
        found.sort()
        self._found = found
        self._positions = [position for position, _, _ in found]
        # plural nouns outside quotes, by lemma, for the groups they may bring in
        ents = tree.column(doc, "ENT_TYPE")
        self._index = index
        self._plurals: dict[str, list[int]] = {}
        for i, tag in enumerate(tags):
            if tag == "NNS" and not ents[i] and index.quote_of[i] < 0:
                self._plurals.setdefault(lemmas[i].lower(), []).append(i)

    def group(self, head: Token) -> str | None:
        """The group a bare "the members" stands for: the last one before it that the text
        brought in by a plural description that says which, by a number or by what follows
        the noun ("nearly 140 House members", "people familiar with the talks"), a few
        paragraphs back at most."""
        doc = head.doc
        found = self._plurals.get(head.lemma_.lower(), [])
        for i in reversed(found[: bisect_left(found, head.i)]):
            if head.i - i > TOKENS_BACK:
                break
            tok = doc[i]
            if definite(tok):
                continue
            described = description_span(tok, self._index.quote_of)
            if len(described) > len(mention_span(tok)) or any(
                c.dep_ == "nummod" for c in tok.lefts
            ):
                return described.text
        return None

    def referred(self, head: Token) -> str | None:
        """The organisation a bare "the company" stands for: the last one before it named
        with that noun ("the health department" for "the department"), else the last one
        the entity recogniser found, a few paragraphs back at most."""
        noun = head.lemma_.lower()
        if noun not in ORGANISATION_NOUNS or head.tag_ != "NN":  # not "the groups"
            return None
        k = bisect_left(self._positions, head.i)
        latest = None
        for position, name, last in reversed(self._found[:k]):
            if head.i - position > TOKENS_BACK:
                break
            if last == noun:
                return name
            if latest is None and last not in ORGANISATION_NOUNS:
                latest = name
        return latest

    def abbreviated(self, head: Token) -> str | None:
        """The organisation an acronym stands for ("the PNRA" after "the Pacific Northwest
        Rail Authority"): the last one named before it whose initials it is, a few
        paragraphs back at most; None if head is no acronym of one."""
        word = head.text
        if len(word) < 2 or not word.isalpha() or not word.isupper():
            return None
        for position, name, _ in reversed(self._found[: bisect_left(self._positions, head.i)]):
            if head.i - position > TOKENS_BACK:
                break
            words = name.split()
            if len(words) > 1 and acronym(words) == word.lower():
                return name
        return None

    def salient(self, pronoun: Token) -> str | None:
        """The organisation "it" stands for as a speaker ("...," it said).

        That is the one the last actor before it names, a few paragraphs back at most: the
        subject of a main clause or of a speech verb, or the source of an "according to";
        pronouns and people are passed over ("Its chief executive said"). None where that
        actor is anything else (a document, a place, things), or where "it" is not the
        subject of the speech verb itself ("it was revealed that")."""
        if pronoun.dep_ != "nsubj" or not _is_speech_verb(pronoun.head):
            return None  # "it was revealed that", "isn't it true to say": nobody's words
        doc, free = pronoun.doc, self._index.free
        for i in range(pronoun.i - 1, max(-1, pronoun.i - TOKENS_BACK), -1):
            if free[i] and _names_an_actor(doc[i]):
                org = self._named_by(doc[i])
                if org is not None or not _person_or_pronoun(doc[i]):
                    return org
        return None

    def _named_by(self, head: Token) -> str | None:
        """The organisation a phrase headed by head names: one found in that phrase, or the
        one a bare "the company" refers to."""
        k = bisect_right(self._positions, head.i)
        if k and self._positions[k - 1] >= mention_span(head).start:
            return self._found[k - 1][1]
        return self.referred(head) if definite(head) else None  # not "a coalition"

    @staticmethod
    def named_in(span: Span, head: Token) -> str | None:
        """The organisation a description headed by an organisation noun names inside it:
        "the nationalist Global Times tabloid" is the Global Times."""
        if head.lemma_.lower() not in ORGANISATION_NOUNS:
            return None
        named = next((e for e in ents_within(span) if e.label_ in ORGANISATION_LABELS), None)
        return " ".join(written_words(named.text, organisation=True)) if named is not None else None


def _names_an_actor(tok: Token) -> bool:
    """Say whether tok heads the subject of its sentence's main verb or of a verb of speech
    ("the firm told"), or the source after "according to": whom the narration has act."""
    if tok.dep_ in SUBJECT_DEPS:
        return tok.head.head.i == tok.head.i or _is_speech_verb(tok.head)
    return is_according_source(tok)


def _is_speech_verb(tok: Token) -> bool:
    """Say whether tok is a verb of speech: "said", "told"."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS


def _person_or_pronoun(subject: Token) -> bool:
    """Say whether a subject is a pronoun (another "it", "who"), a name of a person or of a
    group of people ("Democrats"), or a noun for people ("researchers"): not what "it"
    stands for, but someone who may act for it."""
    return (
        subject.pos_ == "PRON"
        or subject.ent_type_ in PEOPLE_LABELS
        or is_person_noun(subject.lemma_.lower())
    )


def _split_names_joined(ents: list[Span]) -> list[Span]:
    """The entities, with an organisation's name the recogniser split at its "and" made one
    again: "Northfield Power | and | Light", where the second part is one word the text
    never names alone and the first holds two words or more ("Google and Apple", "General
    Motors and Ford" stay two)."""
    from spacy.tokens import Span

    alone = Counter(e.text for e in ents)
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if (
            last is not None
            and ent.label_ == last.label_ == "ORG"
            and ent.start == last.end + 1
            and ent.doc[last.end].lower_ in NAME_JOINERS
            and len(ent) == 1
            and len(last) >= 2
            and alone[ent.text] == 1
        ):
            out[-1] = Span(ent.doc, last.start, ent.end, label=last.label)
        else:
            out.append(ent)
    return out
