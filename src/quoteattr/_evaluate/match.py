"""The matching rules: which predicted quote is which gold quote, and when a name is right.

These are the rules of the project's benchmark (docs/evaluate.md states them); every figure in
docs/accuracy.md was measured with them, so a change here changes every figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .gold import GoldQuote, Predicted, Span

QUOTE_MARKS = "\"'“”‘’«»„‚‹›`´"
# What a span loses at each end before spans are compared: with or without the quotation
# marks, a quote scores the same.
EDGE = frozenset(QUOTE_MARKS + " \t\r\n,.;:!?—–-…()[]")
# Words a name is compared without, in news ("Mr. Trump" is "Donald Trump"'s "Trump"): the
# benchmark's own list, fixed with its figures, not the model's titles (data/titles.txt).
NAME_NOISE = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "gen",
        "general",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "president",
        "pres",
        "rev",
        "col",
        "capt",
        "lt",
        "sgt",
        "st",
        "mayor",
        "judge",
        "justice",
        "minister",
        "prime",
        "chancellor",
        "secretary",
        "ambassador",
        "former",
        "the",
        "jr",
        "sr",
    }
)
POSSESSIVE = re.compile(r"['’]s\b")
WORD = re.compile(r"[\w-]+")


def trimmed(text: str, start: int, end: int) -> Span:
    """The span without the quotation marks, spaces and punctuation at its ends."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pairs(gold: Sequence[Span], predicted: Sequence[Span], exact: bool = False) -> list[Span]:
    """Pair gold and predicted spans one to one, by their positions in the two lists.

    Two spans may pair when they share at least half of each (exact: when they are the same).
    The pairs are taken greedily, the largest overlap first; among equal overlaps, the later
    gold span first, then the later predicted one.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            shared = overlap(g, p)
            if g == p if exact else shared > 0 and 2 * shared >= max(_len(g), _len(p)):
                candidates.append((shared, i, j))
    candidates.sort(reverse=True)
    taken_gold: set[int] = set()
    taken: set[int] = set()
    found = []
    for _, i, j in candidates:
        if i not in taken_gold and j not in taken:
            taken_gold.add(i)
            taken.add(j)
            found.append((i, j))
    return found


def _len(span: Span) -> int:
    return span[1] - span[0]


def speaker_right(g: GoldQuote, p: Predicted) -> bool:
    """Whether the predicted speaker is the gold one: its mention overlaps one of the gold
    mentions, or its name is the gold name (`news_name`)."""
    if p.mention is not None and any(overlap(p.mention, m) > 0 for m in g.mentions):
        return True
    return name_right(g, p)


def name_right(g: GoldQuote, p: Predicted) -> bool:
    """Whether the predicted name is the gold name, titles, possessive and case aside."""
    gold = news_name(g.speaker)
    return bool(gold) and gold == news_name(p.speaker)


def news_name(name: str | None) -> str:
    """A name as news names are compared: lower case, its words only, without a possessive
    "'s" or the words of NAME_NOISE ("Mr. Trump's" is "trump")."""
    words = WORD.findall(POSSESSIVE.sub("", (name or "").lower()))
    return " ".join(w for w in words if w not in NAME_NOISE)


def character_name(name: str | None) -> str:
    """A name as characters' names are compared: lower case, its words only, without a
    possessive "'s" or a leading "the"; titles stay ("Mr. Harding" is not "Tom Harding")."""
    words = WORD.findall(POSSESSIVE.sub("", (name or "").lower()))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def owners(characters: Mapping[str, Sequence[str]]) -> dict[str, set[str]]:
    """Each name (`character_name`) of the characters, with the characters who have it."""
    found: dict[str, set[str]] = {}
    for character, names in characters.items():
        for name in names:
            found.setdefault(character_name(name), set()).add(character)
    return found


def character_right(g: GoldQuote, p: Predicted, owner: Mapping[str, set[str]]) -> bool:
    """Whether the predicted name is one of the gold speaker's names and no other's."""
    name = character_name(p.speaker)
    return bool(name) and owner.get(name) == {g.speaker}
