"""Sources known only by a description, and the definite noun phrases that refer back to them:
"a senior official who asked not to be named said ... the official said", "people familiar
with the talks said ... the people said", "another voter who did not want to be named said
... the man said"."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from .._doc.labels import NOUN_TAGS, PERSON_LABELS, PLURAL_NOUN_TAGS, SUBJECT_DEPS
from .._doc.tree import sentence_of
from .._lexicon.cues import SPEECH_VERBS
from .._lexicon.people import ANY_PERSON, INDEFINITES, PERSON_NOUNS
from .._lexicon.words import DOCUMENT_NOUNS
from .mentions import description_span, is_according_source

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .._doc.tokens import TokenIndex

TOKENS_BACK = 200  # how far back "the man" looks for the person a description brought in


class Descriptions:
    """The speakers a document brings in by a description, in the narration: the subject of
    a speech verb, or the source after "according to", that is a common noun (or a
    nationality, "another Muslim") with an indefinite determiner, or a plural with none, and
    no name."""

    def __init__(self, index: TokenIndex) -> None:
        doc, tree = index.doc, index.tree
        lemmas, tags = tree.column(doc, "LEMMA"), tree.column(doc, "TAG")
        ents = tree.column(doc, "ENT_TYPE")
        self._index = index
        self._by_noun: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._people: list[tuple[int, str, str]] = []  # position, description, noun
        # the speakers the narration names or describes, by where: (position, named?)
        self._speakers: list[tuple[int, bool]] = []
        # the plural subjects of the narration that are no person's name, for "they"
        self._plural: list[int] = []
        for i, dep in enumerate(tree.dep):
            subject = dep in SUBJECT_DEPS
            according = dep == "pobj" and is_according_source(doc[i])
            if not (subject or according) or index.quote_of[i] >= 0:
                continue
            if according and lemmas[i].lower() in DOCUMENT_NOUNS:
                continue  # "according to a report": a document, no source
            tag = tags[i]
            plural = tag in PLURAL_NOUN_TAGS
            if subject and plural and ents[i] not in PERSON_LABELS:
                self._plural.append(i)
            if tag not in NOUN_TAGS or (
                subject and lemmas[tree.head[i]].lower() not in SPEECH_VERBS
            ):
                continue
            named = ents[i] not in ("", "NORP") or (tag.startswith("NNP") and not ents[i])
            if named:  # a name, not a description
                self._speakers.append((i, True))
                continue
            det = [doc[c].lower_ for c in tree.lefts[i] if tree.dep[c] in ("det", "poss", "nummod")]
            if not (det and det[0] in INDEFINITES) and not (plural and not det):
                continue
            self._speakers.append((i, False))
            noun = lemmas[i].lower()
            name = description_span(doc[i], index.quote_of).text
            self._by_noun[noun].append((i, name))
            if not plural:
                self._people.append((i, name, noun))

    def people(self) -> list[tuple[int, str, str]]:
        """The sources brought in by a description of one person, in text order: where the
        noun is, the description ("A lawyer representing the family") and the noun's lemma."""
        return self._people

    def before(self, noun: str, position: int, may_be: Callable[[int], bool]) -> str | None:
        """The last source brought in before position by a description with this noun,
        unless the next speaker the text brought in after it, before position, is named and
        may_be says that the person named at that token may be called by the noun: "A
        lawmaker is calling for ... Joey Salceda said ... the lawmaker said" is Salceda."""
        found = self._by_noun.get(noun)
        k = bisect_left(found, (position,)) if found else 0
        if not found or not k:
            return None
        start, name = found[k - 1]
        n = bisect_left(self._speakers, (start + 1,))
        if n < len(self._speakers) and self._speakers[n] < (position, True):
            after, named = self._speakers[n]
            if named and may_be(after):
                return None
        return name

    def group_before(self, pron: Token) -> str | None:
        """The group a "they" stands for: the plural subject before it in its sentence that is
        nearest the sentence's root ("While civil rights groups praised his argument that
        courts are the best venue, they said": the groups), else in the sentence before;
        named by its whole description."""
        start, end = sentence_of(pron)
        for _ in range(2):
            found = self._plural[
                bisect_left(self._plural, start) : bisect_left(self._plural, min(end, pron.i))
            ]
            if found:
                best = min(found, key=lambda i: (self._index.tree.depth(i), -i))
                return description_span(pron.doc[best], self._index.quote_of).text
            if not start:
                return None
            start, end = sentence_of(pron.doc[start - 1])
        return None

    def person_before(self, position: int, noun: str) -> str | None:
        """The one person brought in by a description just before position (within
        TOKENS_BACK tokens) that a noun for any person refers back to ("the man"), if
        their own noun does not say another gender."""
        k = bisect_left(self._people, (position,))
        if noun not in ANY_PERSON or not k:
            return None
        start, name, theirs = self._people[k - 1]
        gender = PERSON_NOUNS[noun]
        if position - start > TOKENS_BACK or PERSON_NOUNS.get(theirs, gender) not in (None, gender):
            return None
        return name
