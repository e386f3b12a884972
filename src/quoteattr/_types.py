"""The result types: plain, frozen data that survives pickling, processes and JSON."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs


class _Values(str, enum.Enum):
    """An enumeration of strings, printed as its value: the JSON and the CSV read well."""

    def __str__(self) -> str:
        return str(self.value)


class QuoteKind(_Values):
    """What kind of quotation a Quote is.

    The values are strings, so ``QuoteKind.DIRECT == "direct"`` and the JSON reads well.
    """

    DIRECT = "direct"
    """Words inside quotation marks, reported as said."""
    MIXED = "mixed"
    """Reported speech that quotes some of the words: ``accused them of "training militias"``."""
    INDIRECT = "indirect"
    """Reported speech without quotation marks: ``Sources told the BBC that ...``."""
    PULL = "pull"
    """A pull-quote set off by page layout: ``Start Quote ... End Quote Name Role``."""


class Rule(_Values):
    """How a quote's speaker was found: the value of ``Quote.rule``.

    Each value names one rule of the library; docs/internals.md lists them, and
    ``Quote.confidence`` is the share of quotes each rule names rightly, measured on news.
    """

    NAMED = "named"
    """A cue names a person: ``Jane Smith said``, ``said Ms Smith``."""
    PRONOUN = "pronoun"
    """A cue's pronoun, resolved to a person named before it (``she said``), or a novel's
    narrator's ``I said``, once the narrator is named."""
    UNRESOLVED = "unresolved"
    """A cue's pronoun whose person the text does not make clear: the speaker has no name,
    only the pronoun as its mention."""
    GROUP = "group"
    """A cue names an organisation, a group or a description: ``police said``."""
    COLON = "colon"
    """A colon introduces the quote after a name or a sentence: ``Smith: "..."``."""
    LAYOUT = "layout"
    """A pull-quote's caption names the speaker: ``Start Quote ... End Quote Name Role``."""
    CONTEXT = "context"
    """No cue; the sentence before the quote presents its speaker: ``Smith smiled.``"""
    ADDRESSED = "addressed"
    """No cue; the person the quote before spoke to by name answers ("Sit down, Margaret.")."""
    TURN = "turn"
    """No cue; the quote is the other person's turn in a dialogue."""
    CONTINUATION = "continuation"
    """No cue; the quote goes on from the previous quote's speaker."""
    RANKED = "ranked"
    """The rules found no speaker, or only a "he" or "she" they could not resolve; the speaker model
    chose a person near the quote."""
    NONE = "none"
    """No speaker was found."""


class EntityKind(_Values):
    """What kind of thing a speaker is: the value of ``Speaker.entity``."""

    PERSON = "person"
    """A person, named or described."""
    ORGANISATION = "organisation"
    """An organisation, a place or a nationality the entity recogniser named."""
    OTHER = "other"
    """A group or a description that names no one (``officials``), or a pronoun left unresolved."""


_SpanT = TypeVar("_SpanT", bound="_TextSpan")


@attrs.frozen(kw_only=True)
class _TextSpan:
    """Words of the source at character offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"text": str, "start": int, "end": int}``."""
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls: type[_SpanT], data: Mapping[str, Any]) -> _SpanT:
        """Rebuild it from the dict that ``to_dict()`` returns.

        Raises:
            KeyError: A key is missing.
        """
        return cls(text=data["text"], start=data["start"], end=data["end"])


@attrs.frozen(kw_only=True)
class Mention(_TextSpan):
    """Words in the text that name a speaker: ``he``, ``Mr Smith``, ``police``.

    Attributes:
        text: The words, exactly as in the source.
        start: Character offset of the first character in the source.
        end: Character offset just past the last character: ``source[start:end] == text``.
    """


@attrs.frozen(kw_only=True)
class Cue(_TextSpan):
    """The words that mark a quote as speech: ``said``, ``told``, ``according to``, a colon.

    Attributes:
        text: The cue, exactly as in the source.
        start: Character offset of the first character in the source.
        end: Character offset just past the last character: ``source[start:end] == text``.
    """


@attrs.frozen(kw_only=True)
class Speaker:
    """Who said a quote.

    Attributes:
        name: The canonical name: the fullest name the document gives for a person
            (``"Jane Smith"`` for ``"she"`` or ``"Ms Smith"``), or the phrase for a group
            or organisation (``"Sources in Baghdad"``); None for a pronoun nobody was found
            for (`Rule.UNRESOLVED`), whose mention stays.
        mention: The words that attribute this quote to the speaker, if the text has them
            near the quote; for a quote that continues the previous speaker, the mention
            that attributed that earlier quote.
        role: What the document says the speaker is (``"former ambassador"``), if known.
        entity: The kind of speaker, an `EntityKind`: ``person``, ``organisation`` or ``other``.
        person: The id of the speaker's entry among the document's people (`Person.id`;
            `quoteattr.analyze` gives the people), or None for a pronoun nobody was found for.
    """

    name: str | None
    mention: Mention | None = None
    role: str | None = None
    entity: EntityKind = attrs.field(default=EntityKind.OTHER, converter=EntityKind)
    person: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"name", "mention": Mention dict | None, "role", "entity", "person"}``."""
        return {
            "name": self.name,
            "mention": self.mention.to_dict() if self.mention else None,
            "role": self.role,
            "entity": self.entity.value,
            "person": self.person,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Rebuild a Speaker from the dict that ``to_dict()`` returns.

        Raises:
            KeyError: ``name`` is missing.
            ValueError: ``entity`` is not an EntityKind value.
        """
        mention = data.get("mention")
        return cls(
            name=data["name"],
            mention=Mention.from_dict(mention) if mention is not None else None,
            role=data.get("role"),
            entity=data.get("entity", "other"),
            person=data.get("person"),
        )


@attrs.frozen(kw_only=True)
class Addressee:
    """Who a quote was said to: a person, an organisation or a group.

    Attributes:
        name: The canonical name, as `Speaker.name` gives it (``"Mr. Knightley"``,
            ``"reporters"``).
        mention: The words that show it, if the text has them near the quote: a vocative
            (``"Sit down, Margaret"``), the object of the cue (``told reporters``); None where
            the conversation implies it (the other person of a two-person dialogue).
        entity: The kind of addressee, an `EntityKind`.
        person: The id of its entry among the document's people (`Person.id`), or None for
            words that name no one of them (``reporters``).
    """

    name: str
    mention: Mention | None = None
    entity: EntityKind = attrs.field(default=EntityKind.OTHER, converter=EntityKind)
    person: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"name", "mention": Mention dict | None, "entity", "person"}``."""
        return {
            "name": self.name,
            "mention": self.mention.to_dict() if self.mention else None,
            "entity": self.entity.value,
            "person": self.person,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Addressee:
        """Rebuild an Addressee from the dict that ``to_dict()`` returns.

        Raises:
            KeyError: ``name`` is missing.
            ValueError: ``entity`` is not an EntityKind value.
        """
        mention = data.get("mention")
        return cls(
            name=data["name"],
            mention=Mention.from_dict(mention) if mention is not None else None,
            entity=data.get("entity", "other"),
            person=data.get("person"),
        )


def _addressees(value: Iterable[Addressee]) -> tuple[Addressee, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation found in a text, with its speaker and cue.

    Attributes:
        text: The quoted words, without the enclosing quotation marks.
        start: Character offset of the first quoted character in the source.
        end: Character offset just past the last quoted character: ``source[start:end] == text``.
        kind: Direct, mixed, indirect or pull-quote.
        speaker: Who said it, or None when nobody can be found.
        cue: The words that mark it as speech, or None (a quote that continues the
            previous speaker has none of its own).
        confidence: How sure the attribution is, from 0 to 1.
        paragraph: Index of the paragraph the quote starts in (0-based, paragraphs are
            separated by blank lines, or by line breaks in a text without blank lines).
        rule: Which rule found the speaker, a `Rule`.
        addressees: Who it was said to, in text order: empty where the text neither shows
            nor implies anyone, several for a group.
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Cue | None = None
    confidence: float = 0.0
    paragraph: int = 0
    rule: Rule = attrs.field(default=Rule.NONE, converter=Rule)
    addressees: tuple[Addressee, ...] = attrs.field(default=(), converter=_addressees)

    def to_dict(self) -> dict[str, Any]:
        """Return the quote as JSON-ready data.

        Keys: ``text``, ``start``, ``end``, ``kind`` (a string), ``speaker`` (a Speaker dict or
        None), ``cue`` (a Cue dict or None), ``confidence``, ``paragraph``, ``rule``,
        ``addressees`` (a list of Addressee dicts).
        """
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "confidence": self.confidence,
            "paragraph": self.paragraph,
            "rule": self.rule.value,
            "addressees": [a.to_dict() for a in self.addressees],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Rebuild a Quote from the dict that ``to_dict()`` returns (or its JSON, parsed).

        Raises:
            KeyError: ``text``, ``start``, ``end`` or ``kind`` is missing.
            ValueError: ``kind``, ``rule`` or the speaker's ``entity`` is not a value of its enum.
        """
        speaker = data.get("speaker")
        cue = data.get("cue")
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            kind=QuoteKind(data["kind"]),
            speaker=Speaker.from_dict(speaker) if speaker is not None else None,
            cue=Cue.from_dict(cue) if cue is not None else None,
            confidence=data.get("confidence", 0.0),
            paragraph=data.get("paragraph", 0),
            rule=data.get("rule", "none"),
            addressees=[Addressee.from_dict(a) for a in data.get("addressees", ())],
        )
