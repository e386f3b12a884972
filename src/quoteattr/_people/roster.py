"""The roster: the people, organisations and groups of a document, each quote joined to one.

The evidence of each mode says what it saw of each person (`Seen`): the mentions resolution
joined to one canonical name, the genders the text showed and the roles it gave. The roster
adds the organisations the entity recogniser found and every speaker no entry holds yet
(a group, a description), numbers the entries in order of first mention, and gives each
quote's speaker the id of its entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

import attrs

from .._lexicon.people import (
    ARTICLES,
    PRONOUN_GENDER,
    PRONOUN_MENTIONS,
    acronym,
    as_title,
    ends_with,
    written_words,
)
from .._person import Gender, GenderEvidence, Person
from .._types import EntityKind, Mention, Quote, Rule

# The order in which evidence of gender is believed: what the text says of the person
# first, and the first-name table, which only says how a name is mostly given, last.
GENDER_EVIDENCE_ORDER = (
    GenderEvidence.TITLE,
    GenderEvidence.NOUN,
    GenderEvidence.PRONOUN,
    GenderEvidence.FIRST_NAME,
)
MAX_TITLE_LENGTH = 12  # characters before a name read for its title, blanks included


@attrs.define
class Seen:
    """What a document showed of one person, organisation or group, before numbering.

    Attributes:
        name: The canonical name.
        kind: What it is.
        mentions: Where the text names it.
        genders: Each kind of evidence of its gender, and the gender it shows.
        roles: What the text says it is.
    """

    name: str
    kind: EntityKind
    mentions: list[Mention] = attrs.Factory(list)
    genders: dict[GenderEvidence, Gender] = attrs.Factory(dict)
    roles: list[str] = attrs.Factory(list)


def roster(seen: Iterable[Seen], quotes: list[Quote]) -> tuple[list[Quote], list[Person]]:
    """Number what the evidence saw and join each quote's speaker to its entry.

    A speaker without a name, or a pronoun the rules left unresolved (`Rule.UNRESOLVED`),
    joins no entry: it keeps its mention, without a name.

    Returns:
        The quotes, each speaker with its ``person`` id (None, and no name, for a pronoun
        nobody was found for), and the entries in order of first mention.
    """
    entries: dict[str, Seen] = {}  # canonical name -> what was seen
    for one in seen:
        if one.name in entries:
            entries[one.name].mentions.extend(one.mentions)
        else:
            entries[one.name] = one
    aliases = {_key(m.text): name for name, one in entries.items() for m in one.mentions}
    aliases.update({_key(name): name for name in entries})
    named: dict[str, str] = {}  # a speaker's name -> the entry it joins
    for q in quotes:
        speaker = q.speaker
        if speaker is None or speaker.name is None or q.rule is Rule.UNRESOLVED:
            continue
        name = named.setdefault(speaker.name, aliases.get(_key(speaker.name), speaker.name))
        if name not in entries:
            entries[name] = Seen(name, speaker.entity)
        one = entries[name]
        if speaker.mention is not None:
            one.mentions.append(speaker.mention)  # _person drops the repeats
        if speaker.role and speaker.role not in one.roles:
            one.roles.append(speaker.role)
    ordered = sorted(
        entries.items(), key=lambda item: min((m.start for m in item[1].mentions), default=0)
    )
    ids = {key: f"p{k}" for k, (key, _) in enumerate(ordered, start=1)}
    people = [_person(ids[key], one) for key, one in ordered]
    # a speaker's name -> its entry's name ("the Post": the Washington Post) and id
    joins = {spoken: (entries[key].name, ids[key]) for spoken, key in named.items()}
    return [_joined_to_entry(q, joins) for q in quotes], people


def _joined_to_entry(q: Quote, joins: dict[str, tuple[str, str]]) -> Quote:
    """The quote, its speaker named and numbered as its entry; a speaker that joins none (a
    pronoun nobody was found for) without a name."""
    if q.speaker is None:
        return q
    spoken = None if q.rule is Rule.UNRESOLVED else q.speaker.name
    name, person = (None, None) if spoken is None else joins[spoken]
    return attrs.evolve(q, speaker=attrs.evolve(q.speaker, name=name, person=person))


def organisations(found: Iterable[tuple[Mention, tuple[str, ...]]]) -> list[Seen]:
    """Group the names of organisations a text gives, each with the words of its name.

    A name whose words end a fuller one ("the Post", "The Washington Post"), or that the
    fuller one ends, is the same organisation, the one mentioned last; its canonical name is
    the fullest the text gives. An acronym of a name given before is that organisation
    ("the MSB" after "the Maritime Safety Bureau").
    """
    groups: dict[str, list[tuple[tuple[str, ...], Seen]]] = {}  # by last word
    initials: dict[str, tuple[str, ...]] = {}  # an acronym -> the name whose initials it is
    for mention, written in found:
        words = written[1:] if len(written) > 1 and written[0].lower() in ARTICLES else written
        low = tuple(w.lower() for w in words)
        if len(low) == 1 and low[0] in initials:  # "MSB": join "Maritime Safety Bureau"
            low = initials[low[0]]
        elif len(low) > 1:
            initials.setdefault(acronym(words), low)
        same = groups.setdefault(low[-1], [])
        match = next(
            (g for g in reversed(same) if ends_with(g[0], low) or ends_with(low, g[0])), None
        )
        if match is None:
            same.append((low, Seen(" ".join(words), EntityKind.ORGANISATION)))
            match = same[-1]
        elif len(low) > len(match[0]):
            same[same.index(match)] = match = (low, match[1])
            match[1].name = " ".join(words)
        match[1].mentions.append(mention)
    return [one for same in groups.values() for _, one in same]


def with_titles(
    seen: list[Seen], quotes: list[Quote], titled: Callable[[str], str | None]
) -> tuple[list[Seen], list[Quote]]:
    """Give each person the name titled gives for them, if any ("Dr. Howard Archie" for
    Howard Archie), in what the evidence saw and in the quotes' speakers."""
    names = {
        one.name: t for one in seen if one.kind is EntityKind.PERSON and (t := titled(one.name))
    }
    return _renamed(seen, quotes, names)


def most_written(
    text: str, seen: list[Seen], quotes: list[Quote]
) -> tuple[list[Seen], list[Quote]]:
    """Name each person by the name the text writes most often for them, with the title it
    writes it with ("Mr. Knightley", "Alice"), as readers of fiction do; the fuller of two
    written as often."""
    names: dict[str, str] = {}
    for one in seen:
        if one.kind is not EntityKind.PERSON:
            continue
        mentions = sorted(set(one.mentions), key=lambda m: (m.start, m.end))
        written = Counter(name for m in mentions if (name := _titled_name(text, m)))
        if written:
            best = max(written, key=lambda name: (written[name], len(name.split())))
            if best != one.name:
                names[one.name] = best
    return _renamed(seen, quotes, names)


def _renamed(
    seen: list[Seen], quotes: list[Quote], names: dict[str, str]
) -> tuple[list[Seen], list[Quote]]:
    """What the evidence saw and the quotes, each person renamed as names says."""
    if not names:
        return seen, quotes
    for one in seen:
        one.name = names.get(one.name, one.name)
    return seen, [
        attrs.evolve(q, speaker=attrs.evolve(q.speaker, name=names[q.speaker.name]))
        if q.speaker is not None and q.speaker.name in names
        else q
        for q in quotes
    ]


def _titled_name(text: str, mention: Mention) -> str | None:
    """The name a mention writes, with the title written before it: "Mrs. Sparsit" where the
    mention is "Sparsit" after "Mrs."."""
    name = _name_in(mention.text)
    if name is None or _is_written_title(name.split()[0]):
        return name
    before = text[max(0, mention.start - MAX_TITLE_LENGTH) : mention.start].split()
    return f"{before[-1]} {name}" if before and _is_written_title(before[-1]) else name


def _is_written_title(word: str) -> bool:
    """Say whether a written word is a title, with its capital: "Mrs.", "Dr." (not
    "sister")."""
    return word[:1].isupper() and as_title(word) is not None


def _key(name: str) -> str:
    """A name as the roster compares it: lower case, without an article before it."""
    low = " ".join(name.lower().split())
    for article in ARTICLES:
        if low.startswith(article + " "):
            return low[len(article) + 1 :]
    return low


def _person(id_: str, one: Seen) -> Person:
    mentions = sorted(set(one.mentions), key=lambda m: (m.start, m.end))
    names = [one.name]
    for m in mentions:
        name = _name_in(m.text)
        if name and name not in names:
            names.append(name)
    evidence = next((e for e in GENDER_EVIDENCE_ORDER if e in one.genders), None)
    return Person(
        id=id_,
        name=one.name,
        kind=one.kind,
        names=tuple(names),
        gender=one.genders[evidence] if evidence is not None else None,
        gender_evidence=evidence,
        roles=tuple(dict.fromkeys(" ".join(role.split()) for role in one.roles)),
        mentions=tuple(mentions),
    )


@lru_cache(maxsize=4096)
def _name_in(text: str) -> str | None:
    """The name a mention writes ("Gen. Okafor's" writes "Gen. Okafor"; "Cruz." at the end
    of a sentence writes "Cruz"), or None for a pronoun ("Her" too) or a phrase with words in
    lower case ("former ambassador Lena Brask")."""
    words = written_words(text)
    last = words[-1].rstrip(".") if words else ""
    if len(last) > 2 and "." not in last and as_title(last) is None:
        words[-1] = last  # a full stop; not an initial's ("W."), "Jr." or "U.S."
    joined = " ".join(words).lower()
    if not words or joined in PRONOUN_MENTIONS or joined in PRONOUN_GENDER:
        return None
    return " ".join(words) if all(w[:1].isupper() for w in words) else None
