"""The people step: who a document's words name, with a parse or from the surface only.

Making the Evidence resolves the document's people (`Resolver` with a parse, `Names`
without); attribution then asks it the mode's questions: who a cue's words name, who a
pull-quote's caption names, whom a quote speaks to, what the document showed of its people.
The parsed evidence reads the dependency parse and named entities; the surface evidence
reads only tokens, capitals and word lists, and so cannot run the rules that need a parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._detect.layout import PullQuote
from .._detect.marks import MarkedSpan
from .._doc.ents import ents_within
from .._doc.tokens import TokenIndex
from .._lexicon.people import (
    is_name_word,
    is_place,
    is_role_word,
    name_words,
    written_words,
)
from .._people.caption import caption_speaker, captions_of
from .._people.forms import opens_role
from .._people.mentions import mention_of
from .._people.names import Names
from .._people.naming import entity_name_words
from .._people.narrator import addressed, with_narrator_named
from .._people.organisations import ORGANISATION_LABELS
from .._people.resolve import Resolver
from .._people.roster import Seen, organisations
from .._types import Quote, Rule, Speaker
from .cued import cued_rule

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from .._cues.match import CueMatch

MAX_CAPTION_TITLE_WORDS = 2  # title-case words of a caption taken as a name, with a parse
MAX_CAPTION_NAME = 3  # capitalised words of a caption taken as the name, without one


class Evidence:
    """The answers one mode gives to the pipeline's questions about a document."""

    parsed: bool = False

    def __init__(self, index: TokenIndex) -> None:
        self.index = index

    def cue_speaker(self, cue: CueMatch, start: int, end: int) -> Speaker:
        """The speaker a cue's words name for the quote [start, end)."""
        raise NotImplementedError

    def speaker_of(self, head: Token) -> Speaker:
        """The speaker whose mention is headed by a token (parse only)."""
        raise NotImplementedError

    def caption_name(self, first: int, end: int) -> tuple[int, int, str] | None:
        """The name that opens a pull-quote caption's tokens [first, end): its characters
        and the canonical name, or None."""
        raise NotImplementedError

    def finish(self, quotes: list[Quote], dialogue: bool) -> list[Quote]:
        """The quotes, with what only the whole document shows added (the narrator's name);
        dialogue: whether the text is written as dialogue, as novels are."""
        return quotes

    def addressed(self, start: int, end: int) -> list[str]:
        """The people that the quoted words [start, end) speak to by name: none that the
        surface alone can tell."""
        return []

    def seen(self) -> list[Seen]:
        """What the document showed of its people, organisations and groups."""
        raise NotImplementedError

    def always_titled(self, name: str) -> str | None:
        """A person's name with the title the text always writes before it, if any: "Dr.
        Howard Archie" (with a parse only)."""
        return None

    def pull_speaker(self, pull: PullQuote) -> Speaker | None:
        """The speaker a pull-quote's caption names, if it names one."""
        if pull.caption_end <= pull.caption_start:
            return None
        name = self.caption_name(*self.index.token_range(pull.caption_start, pull.caption_end))
        return None if name is None else caption_speaker(self.index.text, pull, *name)


class ParsedEvidence(Evidence):
    """Evidence from the dependency parse, part-of-speech tags and named entities."""

    parsed = True

    def __init__(
        self, index: TokenIndex, fiction: bool = False, pulls: Sequence[PullQuote] = ()
    ) -> None:
        super().__init__(index)
        self.resolver = Resolver(index, fiction, captions_of(pulls))
        self._narrator: Seen | None = None  # what finish() found of the narrator

    def cue_speaker(self, cue: CueMatch, start: int, end: int) -> Speaker:
        """A pronoun does not stand for someone the quote speaks to ('"Come, Fergus," said
        he': he is not Fergus)."""
        assert cue.speaker is not None
        spoken_to = self.addressed(start, end) if cue.speaker.pos_ == "PRON" else []
        return self.resolver.speaker(cue.speaker, frozenset(spoken_to))

    def speaker_of(self, head: Token) -> Speaker:
        return self.resolver.speaker(head)

    def caption_name(self, first: int, end: int) -> tuple[int, int, str] | None:
        """A person the entity recogniser found at the caption's start, else its first
        title-case words."""
        doc = self.index.doc
        person = next((e for e in ents_within(doc[first:end]) if e.label_ == "PERSON"), None)
        if person is not None and person.start == first:
            name = self.resolver.forms.canonical(entity_name_words(person), person.start)
            return person.start_char, person.end_char, name
        words = [t for t in doc[first:end] if t.is_title][:MAX_CAPTION_TITLE_WORDS]
        if not words:
            return None
        start, stop = words[0].idx, words[-1].idx + len(words[-1])
        return start, stop, self.index.text[start:stop]

    def finish(self, quotes: list[Quote], dialogue: bool) -> list[Quote]:
        """Name the narrator (`narrator.with_narrator_named`): their "I" is then resolved."""
        named, self._narrator = with_narrator_named(self.index, self.resolver, quotes, dialogue)
        return [
            attrs.evolve(q, rule=cued_rule(q.speaker))
            if q.rule is Rule.UNRESOLVED and q.speaker is not None
            else q
            for q in named
        ]

    def addressed(self, start: int, end: int) -> list[str]:
        return list(addressed(self.index, self.resolver, start, end))

    def always_titled(self, name: str) -> str | None:
        return self.resolver.forms.always_titled(name)

    def seen(self) -> list[Seen]:
        """The people resolution met, and the organisations the entity recogniser found in
        the narration, but for the names of places (a place that speaks, "Marlow Cross
        council said", is still a speaker, which the roster keeps)."""
        index = self.index
        orgs = (
            (mention_of(ent), words)
            for ent in self.resolver.entities
            if ent.label_ in ORGANISATION_LABELS
            and index.quote_of[ent.start] < 0
            and "\n" not in ent.text  # not a run of page furniture across lines
            and not opens_role(ent)  # not the "Council" of "Council member Tom Reed"
            and (words := tuple(written_words(ent.text, organisation=True)))
            and not is_place(words)  # a town the recogniser took for one: "Marlow Cross"
        )
        narrator = [self._narrator] if self._narrator is not None else []
        return self.resolver.seen() + organisations(orgs) + narrator


class SurfaceEvidence(Evidence):
    """Evidence from tokens alone: capitals, word order and the word lists in data/."""

    def __init__(self, index: TokenIndex, spans: list[MarkedSpan], pulls: list[PullQuote]):
        super().__init__(index)
        # Names are read from the narration: not from quotes, nor pull-quotes up to their
        # end marker.
        quoted = sorted(
            [(s.outer_start, s.outer_end) for s in spans]
            + [(p.outer_start, p.cue_end) for p in pulls]
        )
        self.names = Names(index, index.text, quoted, captions_of(pulls))

    def cue_speaker(self, cue: CueMatch, start: int, end: int) -> Speaker:
        assert cue.phrase is not None
        return self.names.speaker(*cue.phrase)

    def seen(self) -> list[Seen]:
        return self.names.seen()

    def caption_name(self, first: int, end: int) -> tuple[int, int, str] | None:
        """The capitalised words that open the caption, up to a role word."""
        run: list[Token] = []
        for tok in self.index.doc[first:end]:
            if not is_name_word(tok) or len(run) == MAX_CAPTION_NAME or is_role_word(tok.text):
                break
            run.append(tok)
        if not run:
            return None
        start, stop = run[0].idx, run[-1].idx + len(run[-1])
        return start, stop, " ".join(name_words([t.text for t in run]))
