"""One text's quotes and the people in it, as one call returns them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._person import Person
from ._types import Quote


@attrs.frozen(kw_only=True)
class Analysis:
    """The quotes of a text and its people, each quote's speaker joined to one of them.

    Attributes:
        quotes: The quotes, in text order; ``q.speaker.person`` is the id of its Person.
        people: The people, organisations and groups of the text, in order of first mention.
    """

    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()

    def person_of(self, quote: Quote) -> Person | None:
        """Return the Person who said a quote, or None if it has no speaker or is unresolved."""
        wanted = quote.speaker.person if quote.speaker is not None else None
        return next((p for p in self.people if p.id == wanted), None) if wanted else None

    def quotes_by(self, person: Person | str) -> list[Quote]:
        """Return the quotes a Person (or the Person with this id) said, in text order."""
        wanted = person.id if isinstance(person, Person) else person
        return [q for q in self.quotes if q.speaker is not None and q.speaker.person == wanted]

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"quotes": [Quote dicts], "people": [Person dicts]}``."""
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "people": [p.to_dict() for p in self.people],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        """Rebuild an Analysis from the dict that ``to_dict()`` returns.

        Raises:
            KeyError: A quote or a person lacks a required key.
        """
        return cls(
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            people=tuple(Person.from_dict(p) for p in data.get("people", ())),
        )
