"""The mention log: where a document names each person, and what shows each one's gender.

Both modes keep one: the parsed evidence by token index, the surface evidence by character
offset (a position is either, so long as one log keeps to one). Resolution writes to it as it
reads the text, and asks it who was named last, or near, before a position; the roster
reads what it holds (`seen`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Container

from .._person import Gender, GenderEvidence
from .._types import EntityKind, Mention
from .roster import Seen

# How many mentions back `nearest` reads in the stretch of the last one it found: no sentence
# of prose names more people, and a run-on one of thousands would make it quadratic.
MAX_STRETCH_MENTIONS = 50


class MentionLog:
    """The people a document names, by the positions of their mentions, and their genders."""

    def __init__(self) -> None:
        self._names: dict[int, str] = {}  # position -> canonical name of the person there
        self._positions: list[int] = []  # the keys of _names, sorted
        self._gender: dict[str, Gender] = {}  # person -> the first evidence found
        self._evidence: dict[str, dict[GenderEvidence, Gender]] = defaultdict(dict)

    def note(self, position: int, name: str) -> None:
        """Record that the mention at this position refers to the named person."""
        if position not in self._names:
            insort(self._positions, position)
        self._names[position] = name

    def __contains__(self, position: int) -> bool:
        return position in self._names

    def __getitem__(self, position: int) -> str:
        """The person the mention at this position refers to (KeyError if none is noted)."""
        return self._names[position]

    def name_at(self, position: int) -> str | None:
        """The person the mention at this position refers to, if any is noted."""
        return self._names.get(position)

    def names(self) -> set[str]:
        """The people noted so far, by their canonical names."""
        return set(self._names.values())

    def within(self, start: int, end: int) -> list[int]:
        """The positions of the mentions in [start, end), in order."""
        return self._positions[
            bisect_left(self._positions, start) : bisect_left(self._positions, end)
        ]

    def latest_before(self, position: int, count: int) -> list[int]:
        """The positions of the last count mentions before position, the latest first."""
        k = bisect_left(self._positions, position)
        return self._positions[max(0, k - count) : k][::-1]

    def nearest(
        self,
        names: Container[str],
        position: int,
        rank: Callable[[int], int] | None = None,
        start_of: Callable[[int], int] | None = None,
    ) -> str | None:
        """The one of these people mentioned last before position.

        Args:
            names: The people to choose from.
            position: Where the mention to resolve is.
            rank: How salient the mention at a position is (lower: more). If given, of the
                people mentioned in the stretch that holds the last mention of any of them (a
                sentence, by start_of), the one mentioned in the most salient place: "Ann
                Smith, mother of Tom Smith" is Ann; of MAX_STRETCH_MENTIONS mentions at most,
                in a run-on "sentence" of thousands.
            start_of: Where the stretch that holds a position starts; given with rank.
        """
        best: tuple[int, str] | None = None  # rank, name
        start = -1
        last = bisect_left(self._positions, position) - 1
        for k in range(last, -1, -1):
            i = self._positions[k]
            if i < start or (best is not None and last - k > MAX_STRETCH_MENTIONS):
                break
            name = self._names[i]
            if name in names:
                if rank is None or start_of is None:
                    return name
                salience = rank(i)
                if best is None or salience < best[0]:
                    best = (salience, name)
                if start < 0:
                    start = start_of(i)
        return best[1] if best is not None else None

    def learn_gender(self, name: str, gender: Gender, evidence: GenderEvidence) -> None:
        """Take note of a person's gender and what showed it."""
        self._gender.setdefault(name, gender)
        self._evidence[name].setdefault(evidence, gender)

    def gender_of(self, name: str) -> Gender | None:
        """A person's gender, if the text showed it."""
        return self._gender.get(name)

    def may_have(self, name: str, gender: Gender | None) -> bool:
        """Say whether a person may have a pronoun's gender: any, if the pronoun has none."""
        return gender is None or self._gender.get(name, gender) == gender

    def rename(self, renamed: dict[str, str]) -> None:
        """Give people new names: old name -> new name."""
        for i, name in self._names.items():
            self._names[i] = renamed.get(name, name)
        for old, new in renamed.items():
            if old in self._gender:
                self._gender.setdefault(new, self._gender.pop(old))
            if old in self._evidence:
                self._evidence[new] = self._evidence.pop(old) | self._evidence.get(new, {})

    def seen(self, mention_at: Callable[[int], Mention]) -> list[Seen]:
        """What the log holds of each person, in order of first mention, with the mention
        at each position as mention_at gives it."""
        found: dict[str, Seen] = {}
        for i in self._positions:
            name = self._names[i]
            if name not in found:
                found[name] = Seen(name, EntityKind.PERSON)
            found[name].mentions.append(mention_at(i))
        for name, one in found.items():
            one.genders.update(self._evidence.get(name, {}))
        return list(found.values())
