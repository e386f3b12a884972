"""The people a document names, with a parse: the entities that are people, by the whole
document's evidence rather than each one's label, the forms of their names, and the canonical
name of each mention."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .._doc.ents import entities
from .._doc.labels import MISLABELLED, PERSON_LABELS, PLACE_LABELS
from .._doc.strings import span_text
from .._doc.tokens import TokenIndex
from .._doc.tree import sentence_of, span_root
from .._lexicon.people import FIRST_NAMES, as_title, is_organisation, is_place
from .._person import GenderEvidence
from .caption import name_end
from .forms import NameForms, labelled_person
from .mentions import acts, salience_rank
from .naming import (
    entity_name_words,
    heading_paragraphs,
    person_name_words,
    proper_runs,
    speaking_names,
    speaks,
    title_at,
    title_gender,
    unrecognised_people,
)

if TYPE_CHECKING:
    from collections.abc import Container, Sequence

    from spacy.tokens import Doc

    from .log import MentionLog


class KnownNames:
    """The names of a document's people: which entities name one, and the forms of each name.

    Args:
        index: The token index of the document.
        log: Where the people's mentions are noted (by token index), as they are read.
        fiction: Name people as fiction does: a surname after a title of address is someone
            of its own (`NameForms` titles_apart).
        captions: The character ranges of the pull-quotes' captions, where a name ends
            before the words of its role (`caption.name_end`).
    """

    def __init__(
        self,
        index: TokenIndex,
        log: MentionLog,
        fiction: bool = False,
        captions: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.index = index
        self.doc = index.doc
        self.log = log
        self._captions = captions
        self._fiction = fiction
        # which of several people sharing a name is meant: not a method, which would make a
        # reference cycle of the forms and this object
        self.forms = NameForms(partial(_nearest, log, self.doc), titles_apart=fiction)
        headings = heading_paragraphs(self.doc, index.paragraph_of)
        # the entities of the document, but not of a book's headings ("CHAPTER I"), and
        # without the role a caption writes after a name
        found = [
            _entity_without_role(e, index.text, captions)
            for e in entities(self.doc)
            if index.paragraph_of[e.start] not in headings
        ]
        # and a name that speaks as a novel's people do ("said Montraville") is a person's,
        # whatever the recogniser took it for
        self._speakers = speaking_names(found, index.quote_of)
        self.entities = [
            Span(self.doc, e.start, e.end, label="PERSON")
            if span_text(e, index.text) in self._speakers
            else e
            for e in found
        ]
        self._people = [e for e in self.entities if labelled_person(e)]
        # by where each starts, the words of their names, and "Aung San Suu Kyi" where the
        # recogniser found "Suu Kyi"
        self._full = {e.start: person_name_words(e) for e in self._people}
        for ent in self._people:
            words = entity_name_words(ent)
            if words:
                self.forms.add_found(ent, words, self._full[ent.start])
        for words, last in proper_runs(self.doc, index.quote_of):
            # a full name the entity recogniser missed ("Sherlock Pemberton") of a person it
            # found, or one that opens with a first name or speaks ("Adel Nefzi said"),
            # whatever label it was given; not "Obama White House" nor "Ferry Lane"
            if not (is_organisation(words) or is_place(words)) and (
                self.forms.knows(words[0])
                or self.forms.knows(words[-1])
                or words[0].lower() in FIRST_NAMES
                or speaks(last)
            ):
                self.forms.add(words)

    def note_people(self) -> Iterator[tuple[Span, str]]:
        """Note in the log each entity that names a person, by its canonical name, with the
        genders its title and first name show; yield each with its name, in text order,
        but those of a pull-quote's caption, which are no role's source (the caption's speaker
        has the caption's role, not its "End Quote" marker).

        Those are the entities labelled as people, and those the recogniser gave another
        label that the document gives a person ("Trump" as ORG), so that they count for
        salience too; or that it tags a person more often than anything else ("Rose" as LOC
        once, as PERSON four times), but for an organisation ("Twitter" in a story about it).
        """
        text = self.index.text
        votes: Counter[tuple[str, bool]] = Counter(
            (span_text(e, text), e.label_ in PERSON_LABELS) for e in self.entities
        )

        def mislabelled(e: Span) -> bool:
            if e.label_ in PERSON_LABELS:
                return False
            written = span_text(e, text)
            if e.label_ != "ORG" and votes[written, True] > votes[written, False]:
                return True
            taken = (
                e.label_ in MISLABELLED
                or (e.label_ in PLACE_LABELS and acts(e))
                or (e.label_ == "FAC" and e[0].lower_ in FIRST_NAMES)  # "Winifred Lusk" as FAC
            )
            return taken and self.is_person(e)

        others = [e for e in self.entities if mislabelled(e)]
        for ent in sorted(self._people + others, key=lambda e: e.start):
            words = self._full[ent.start] if ent.start in self._full else person_name_words(ent)
            if words:
                gender = title_gender(self.doc, ent.start)
                title = title_at(self.doc, ent.start, words)
                name = self.forms.canonical(words, ent.start, gender, title)
                self.log.note(span_root(ent).i, name)
                if not any(s <= ent.start_char < e for s, e in self._captions):
                    yield ent, name
                if gender:
                    self.log.learn_gender(name, gender, GenderEvidence.TITLE)
                first = name.split()[0].lower()
                if first in FIRST_NAMES:
                    self.log.learn_gender(name, FIRST_NAMES[first], GenderEvidence.FIRST_NAME)

    def note_bare_names(self) -> None:
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
                and i not in self.log
                and (self.forms.surname_of_someone(word) or word in unrecognised)
                and doc[i].is_title
            ):
                gender = title_gender(doc, i)
                name = self.forms.canonical((doc[i].text,), i, gender)
                self.log.note(i, name)
                if gender:
                    self.log.learn_gender(name, gender, GenderEvidence.TITLE)

    def titled_canonical(
        self, words: tuple[str, ...], start: int, position: int | None = None
    ) -> str:
        """The canonical name of a name's words written from token start, with the title
        written at or before it and that title's gender ("Mr. Osgood"); position, where
        it is not start, is the mention's for which of several namesakes is meant."""
        return self.forms.canonical(
            words,
            start if position is None else position,
            title_gender(self.doc, start),
            title_at(self.doc, start, words),
        )

    def is_person(self, ent: Span) -> bool:
        """Say whether an entity names a person, by the whole document's evidence."""
        return bool(words := entity_name_words(ent)) and self.is_person_name(ent, words)

    def is_person_name(self, span: Span, words: tuple[str, ...]) -> bool:
        """Say whether a span with these name words names a person: by the names of the
        document (`NameForms.names_person`), because it speaks as a novel's people do, or,
        in fiction, because it is a first name alone that acts ("Nell said", "Tilly
        snatched the lantern", with "Nell" and "Tilly" as ORG): a novel's organisations are
        seldom named like its people, and a name that does something is someone's."""
        return (
            self.forms.names_person(span, words)
            or span_text(span, self.index.text) in self._speakers
            or (self._fiction and _first_name_acting(span, words))
        )


def _first_name_acting(span: Span, words: tuple[str, ...]) -> bool:
    """Say whether an entity the recogniser took for an organisation is a first name alone,
    capitalised, that is no title, and the subject of a verb."""
    return (
        span.label_ == "ORG"
        and len(words) == 1
        and words[0].istitle()
        and words[0].lower() in FIRST_NAMES
        and as_title(words[0].lower()) is None
        and acts(span)
    )


def _entity_without_role(ent: Span, text: str, captions: Sequence[tuple[int, int]]) -> Span:
    """An entity, or where it opens a pull-quote's caption, the name without the role after
    it: "Erik Lindqvist" of "End Quote Erik Lindqvist Boatyard owner"."""
    end = name_end(text, ent.start_char, ent.end_char, captions) if captions else ent.end_char
    if end == ent.end_char:
        return ent
    cut = ent.doc.char_span(ent.start_char, end, label=ent.label_)
    return ent if cut is None else cut


def _nearest(log: MentionLog, doc: Doc, names: Container[str], position: int) -> str | None:
    """The one of these people mentioned last before position; of several in that sentence,
    the one in the most salient place (`MentionLog.nearest`)."""
    return log.nearest(
        names,
        position,
        rank=lambda i: salience_rank(doc[i]),
        start_of=lambda i: sentence_of(doc[i])[0],
    )
