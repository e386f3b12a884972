"""The people of a document as the addressee step looks them up: by a name as written, or by
where the text names them."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import attrs

from .._lexicon.people import ALL_PRONOUNS
from .._people.vocatives import untitled
from .._types import Addressee, Mention

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span

    from .._person import Person


@attrs.frozen
class Cast:
    """The people of a document, looked up by a name as written or by where they are named.

    Attributes:
        people: The roster, by id.
        by_name: Each name a person is written by (capitalised, lower-cased) to the one person
            who has it; names that several people share are left out.
        mentions: Each mention's (start, end, person id), by start.
    """

    people: dict[str, Person]
    by_name: dict[str, str]
    mentions: list[tuple[int, int, str]]

    @classmethod
    def of(cls, people: list[Person]) -> Cast:
        """The lookups of a roster."""
        owners: dict[str, set[str]] = {}
        for p in people:
            for name in p.names:
                if name[:1].isupper() and name.lower() not in ALL_PRONOUNS:
                    owners.setdefault(name.lower(), set()).add(p.id)
        mentions = sorted((m.start, m.end, p.id) for p in people for m in p.mentions)
        return cls(
            {p.id: p for p in people},
            {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1},
            mentions,
        )

    def named_at(self, start: int, end: int) -> str | None:
        """The person a mention within [start, end) names, if any."""
        k = bisect_left(self.mentions, (start, -1, ""))
        if k < len(self.mentions) and self.mentions[k][1] <= end:
            return self.mentions[k][2]
        return None

    def named_within(self, start: int, end: int) -> Iterator[str]:
        """The people named within [start, end), in text order."""
        k = bisect_left(self.mentions, (start, -1, ""))
        while k < len(self.mentions) and self.mentions[k][0] < end:
            yield self.mentions[k][2]
            k += 1

    def named(self, person: str) -> bool:
        """Whether the roster knows a person by a name ("Margaret"), not only by a description
        ("her mother") or a pronoun ("they")."""
        name = self.people[person].name
        return name[:1].isupper() and name.lower().strip(".") not in ALL_PRONOUNS

    def spoken_to(self, vocative: Span) -> str | None:
        """The one person a vocative's words name, as written or after the title of address
        that opens them ("Osgood" of "Mr. Osgood"), if any."""
        return self.by_name.get(vocative.text.lower()) or self.by_name.get(
            untitled(vocative).text.lower()
        )

    def addressee(self, person: str, mention: Mention | None = None) -> Addressee:
        """A person of the roster as an addressee."""
        p = self.people[person]
        return Addressee(name=p.name, mention=mention, entity=p.kind, person=p.id)
