"""The rule of a quote whose cue names its speaker, by what the cue's words are."""

from __future__ import annotations

from .._lexicon.people import PRONOUN_MENTIONS
from .._types import EntityKind, Rule, Speaker


def cued_rule(speaker: Speaker, *, colon: bool = False) -> Rule:
    """Name the rule by which a cue's words found its speaker: `Rule.COLON` for a colon's;
    else by what the words are (a pronoun or a name) and what they were resolved to."""
    if colon:
        return Rule.COLON
    words = speaker.mention.text.lower() if speaker.mention is not None else ""
    if words in PRONOUN_MENTIONS:  # a pronoun without a name, or its own, was not resolved
        if speaker.entity is EntityKind.PERSON:
            return Rule.PRONOUN
        unresolved = speaker.name is None or words == speaker.name.lower()
        return Rule.UNRESOLVED if unresolved else Rule.GROUP  # "they": a group
    return Rule.NAMED if speaker.entity is EntityKind.PERSON else Rule.GROUP
