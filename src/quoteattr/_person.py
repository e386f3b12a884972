"""The people of a document: who is in the text, by all the evidence the text gives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._types import EntityKind, Mention, _Values


class Gender(_Values):
    """A person's gender as the text shows it: the value of ``Person.gender``."""

    FEMALE = "female"
    MALE = "male"


class GenderEvidence(_Values):
    """What a person's gender was read from: the value of ``Person.gender_evidence``.

    The evidence of the text itself comes first; a first name is read last, from a table of
    US birth records (``data/first_names.tsv``), and says only how the name is mostly given.
    """

    PRONOUN = "pronoun"
    """A pronoun the text uses for them: ``she said``."""
    TITLE = "title"
    """A title before their name: ``Mrs``, ``Sir``, ``Lady``."""
    NOUN = "noun"
    """A noun the text names them by: ``a girl``, ``her mother``."""
    FIRST_NAME = "first-name"
    """Their first name, by the table of US birth records: a guess, not what the text says."""


@attrs.frozen(kw_only=True)
class Person:
    """A person, organisation or group the text names, with everything it says of them.

    Attributes:
        id: Its id within the document (``"p1"``, ``"p2"``, ... in order of first mention);
            ``Speaker.person`` holds it for each quote it said.
        name: The canonical name: the fullest personal name the text writes, without titles
            or roles (``"Jane Smith"``); an organisation's fullest name; a description as
            written for a source the text does not name (``"a spokesman for the agency"``).
        kind: An `EntityKind`: ``person``, ``organisation`` or ``other`` (a group, or a
            source known only by a description).
        names: Every name the text uses for it, the canonical one first.
        gender: A `Gender`, or None where nothing shows it.
        gender_evidence: What the gender was read from, a `GenderEvidence`, or None.
        roles: What the text says it is (``"former ambassador"``), in order.
        mentions: Where the text names it, in order; pronouns resolved to it included.
    """

    id: str
    name: str
    kind: EntityKind = attrs.field(converter=EntityKind)
    names: tuple[str, ...] = ()
    gender: Gender | None = None
    gender_evidence: GenderEvidence | None = None
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data: ``id``, ``name``, ``kind``, ``names`` (a list), ``gender``
        and ``gender_evidence`` (strings or None), ``roles`` (a list) and ``mentions`` (a
        list of Mention dicts)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "names": list(self.names),
            "gender": self.gender.value if self.gender else None,
            "gender_evidence": self.gender_evidence.value if self.gender_evidence else None,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Person:
        """Rebuild a Person from the dict that ``to_dict()`` returns.

        Raises:
            KeyError: ``id``, ``name`` or ``kind`` is missing.
            ValueError: ``kind``, ``gender`` or ``gender_evidence`` is not a value of its enum.
        """
        gender, evidence = data.get("gender"), data.get("gender_evidence")
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            names=tuple(data.get("names", ())),
            gender=Gender(gender) if gender is not None else None,
            gender_evidence=GenderEvidence(evidence) if evidence is not None else None,
            roles=tuple(data.get("roles", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )
